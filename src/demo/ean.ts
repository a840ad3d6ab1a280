/** The EAN-13 check digit of a 12-digit body: weights 1,3,1,3... from the left. */
export function ean13CheckDigit(body: string): number {
  if (!/^\d{12}$/.test(body)) throw new Error(`an EAN-13 body has 12 digits, got "${body}"`);
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

export function ean13(body: string): string {
  return body + ean13CheckDigit(body);
}

export function isValidEan13(code: string): boolean {
  return /^\d{13}$/.test(code) && ean13CheckDigit(code.slice(0, 12)) === Number(code[12]);
}

/**
 * The demo's barcodes: GS1 prefix 200-299 is reserved for a shop's own in-store numbering,
 * so these invented codes never clash with a real product's.
 */
export function demoBarcode(productIndex: number, variantIndex: number): string {
  return ean13(`200${String(productIndex + 1).padStart(5, '0')}${String(variantIndex + 1).padStart(4, '0')}`);
}
