// Postal code shapes per EU country, so a typo is caught at checkout rather than by the carrier.
const POSTAL: Record<string, { re: RegExp; example: string }> = {
  AT: { re: /^\d{4}$/, example: '1010' },
  BE: { re: /^\d{4}$/, example: '1000' },
  BG: { re: /^\d{4}$/, example: '1000' },
  CY: { re: /^\d{4}$/, example: '1010' },
  CZ: { re: /^\d{3} ?\d{2}$/, example: '110 00' },
  DE: { re: /^\d{5}$/, example: '10115' },
  DK: { re: /^\d{4}$/, example: '1050' },
  EE: { re: /^\d{5}$/, example: '10111' },
  ES: { re: /^(0[1-9]|[1-4]\d|5[0-2])\d{3}$/, example: '28001' },
  FI: { re: /^\d{5}$/, example: '00100' },
  FR: { re: /^(?:0[1-9]|[1-8]\d|9[0-8])\d{3}$/, example: '75001' },
  GR: { re: /^\d{3} ?\d{2}$/, example: '105 57' },
  HR: { re: /^\d{5}$/, example: '10000' },
  HU: { re: /^\d{4}$/, example: '1011' },
  IE: { re: /^[A-Z]\d[\dW] ?[A-Z\d]{4}$/, example: 'D02 X285' },
  IT: { re: /^\d{5}$/, example: '00118' },
  LT: { re: /^(LT-)?\d{5}$/, example: 'LT-01100' },
  LU: { re: /^(L-)?\d{4}$/, example: 'L-1009' },
  LV: { re: /^(LV-)?\d{4}$/, example: 'LV-1050' },
  MT: { re: /^[A-Z]{3} ?\d{4}$/, example: 'VLT 1117' },
  NL: { re: /^\d{4} ?[A-Z]{2}$/, example: '1012 AB' },
  PL: { re: /^\d{2}-\d{3}$/, example: '00-950' },
  PT: { re: /^\d{4}-\d{3}$/, example: '1000-001' },
  RO: { re: /^\d{6}$/, example: '010011' },
  SE: { re: /^\d{3} ?\d{2}$/, example: '111 22' },
  SI: { re: /^(SI-)?\d{4}$/, example: '1000' },
  SK: { re: /^\d{3} ?\d{2}$/, example: '811 01' },
};

/** Null when the postal code fits the country, else a message with an example. */
export function postalCodeProblem(country: string, postalCode: string, locale: 'fr' | 'en'): string | null {
  const rule = POSTAL[country];
  if (!rule) return locale === 'fr' ? 'nous ne livrons pas ce pays' : 'we do not deliver to this country';
  if (rule.re.test(postalCode.trim().toUpperCase())) return null;
  return locale === 'fr' ? `code postal invalide pour ce pays (exemple : ${rule.example})` : `not a valid postal code for this country (for example ${rule.example})`;
}
