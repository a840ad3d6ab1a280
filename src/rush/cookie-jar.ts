// The few cookies one phone shopper keeps between requests (cart, cart_count, csrf, admit, ticket,
// customer): name=value pairs taken from Set-Cookie and sent back whole. Signed values stay opaque.
// One shop, one path (/): domains, paths and expiry dates are not tracked, only deletion.

export class CookieJar {
  private readonly cookies = new Map<string, string>();

  /** Takes in a response's Set-Cookie header(s). */
  store(setCookie: string | string[] | undefined): void {
    for (const line of [setCookie ?? []].flat()) {
      const [pair = '', ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || attrs.some((a) => isExpiry(a.trim()))) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  /** The Cookie header to send, or nothing when the jar is empty. */
  header(): Record<string, string> {
    if (this.cookies.size === 0) return {};
    return { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
  }
}

/** A clearing cookie: Max-Age=0 (or negative), or an Expires date in the past. */
function isExpiry(attr: string): boolean {
  const [k = '', v = ''] = attr.split('=');
  if (/^max-age$/i.test(k.trim())) return Number(v) <= 0;
  if (/^expires$/i.test(k.trim())) return Date.parse(v) < Date.now();
  return false;
}
