// Posted forms arrive as flat string maps (@fastify/formbody); a repeated name becomes an array.

export type FormBody = Record<string, string | string[] | undefined>;

export function formBody(body: unknown): FormBody {
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as FormBody) : {};
}

/** The first value posted under a name, or '' (a field left out and a field left empty read the same). */
export function field(body: FormBody, name: string): string {
  const v = body[name];
  return (Array.isArray(v) ? v[0] : v) ?? '';
}

/** A whole number typed in a form, within bounds; null for anything else (decimals, signs, exponents, words). */
export function wholeNumber(text: string, min: number, max: number): number | null {
  const t = text.trim();
  if (!/^\d{1,9}$/.test(t)) return null;
  const n = Number(t);
  return n >= min && n <= max ? n : null;
}
