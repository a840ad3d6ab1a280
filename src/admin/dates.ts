// Staff type and read dates on the shop's wall clock; the database keeps ISO UTC. The zone is the
// server's (set TZ=Europe/Paris to change it), named on every form that takes a date.

export const adminTimeZone = (): string => new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

const parts = new Map<string, Intl.DateTimeFormat>();
function wallClock(zone: string): Intl.DateTimeFormat {
  let f = parts.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    parts.set(zone, f);
  }
  return f;
}

/** The zone's offset from UTC at an instant, in milliseconds (Paris in summer: +2 h). */
function offsetAt(utcMs: number, zone: string): number {
  const p = Object.fromEntries(wallClock(zone).formatToParts(new Date(utcMs)).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/;

/**
 * A wall-clock time ("2025-03-30T02:30" or a bare date, meaning its midnight) in the zone, as ISO UTC;
 * null when the text is not such a time. A wall time that a clock change skips or repeats
 * resolves to the later of its two readings.
 */
export function localToIso(text: string, zone: string): string | null {
  const m = LOCAL.exec(text.trim());
  if (!m) return null;
  const [y, mo, d, h, mi] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0'].map(Number) as [number, number, number, number, number];
  if (h > 23 || mi > 59) return null;
  const naive = Date.UTC(y, mo - 1, d, h, mi);
  const check = new Date(naive);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  // Two passes settle the offset on either side of a clock change.
  let utc = naive - offsetAt(naive, zone);
  utc = naive - offsetAt(utc, zone);
  return new Date(utc).toISOString();
}

/** The zone's wall clock at an instant, as a datetime-local input value ("2025-06-01T14:05"). */
export function isoToLocalInput(iso: string, zone: string): string {
  const ms = Date.parse(iso);
  const local = new Date(ms + offsetAt(ms, zone));
  return local.toISOString().slice(0, 16);
}

/** The midnight after a date ("2025-06-01" -> "2025-06-02"), for an inclusive "to" day. */
export function nextDay(date: string): string {
  const d = new Date(date + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

const shown = new Map<string, Intl.DateTimeFormat>();

/** For views: "1 Jun 2025, 14:05" in the zone. */
export function formatDateTime(iso: string, locale: string, zone: string): string {
  const key = `${locale}|${zone}`;
  let f = shown.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone });
    shown.set(key, f);
  }
  return f.format(new Date(iso));
}
