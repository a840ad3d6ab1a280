// The cookies one client of one shop keeps between requests (the rush's shoppers, the tests' browsers):
// name=value pairs taken from Set-Cookie and sent back whole. Signed values stay opaque. One shop, one
// path: domains, paths and expiry dates are not tracked, only deletion. A Map, so callers can read and set.

export class CookieJar extends Map<string, string> {
  /** Takes in a response's Set-Cookie header(s). */
  store(setCookie: string | string[] | undefined): void {
    for (const line of [setCookie ?? []].flat()) {
      const [pair = '', ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || attrs.some((a) => isExpiry(a.trim()))) this.delete(name);
      else this.set(name, value);
    }
  }

  /** The Cookie header to send, or nothing when the jar is empty. */
  header(): Record<string, string> {
    if (this.size === 0) return {};
    return { cookie: [...this].map(([k, v]) => `${k}=${v}`).join('; ') };
  }
}

/** A clearing cookie: Max-Age=0 (or negative), or an Expires date in the past. */
function isExpiry(attr: string): boolean {
  const [k = '', v = ''] = attr.split('=');
  if (/^max-age$/i.test(k.trim())) return Number(v) <= 0;
  if (/^expires$/i.test(k.trim())) return Date.parse(v) < Date.now();
  return false;
}
