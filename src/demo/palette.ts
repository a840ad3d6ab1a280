// Colour option values as the shop names them, and the paint used to draw them.
const COLOURS: Record<string, string> = {
  Marine: '#27365a',
  Rouge: '#b5332e',
  Blanc: '#f2efe8',
  'Blanc cassé': '#ece4d4',
  Écru: '#e8dcc4',
  Naturel: '#d9c6a5',
  Noir: '#2a2a2a',
  Sauge: '#9aab8f',
  Terracotta: '#c0603f',
  'Gris chiné': '#9b9b98',
  Gris: '#8d9196',
  Moutarde: '#d19a2a',
  Indigo: '#34467a',
  Kaki: '#77744a',
  Rouille: '#a6502a',
  'Bleu canard': '#1f6470',
  'Bleu de travail': '#2f4f8f',
  Camel: '#c19a6b',
  'Vert forêt': '#2f5241',
  Bordeaux: '#6e2233',
  Brique: '#a4493d',
  Beige: '#cdb996',
  Cognac: '#9a5a2c',
  Céladon: '#a9c4b0',
  Caramel: '#b07840',
  Bleu: '#3f6fa0',
  Vert: '#5e8a5a',
  Sable: '#d8c3a0',
  'Rayé rouge': '#b5332e',
  'Rayé bleu': '#2f4f8f',
  'Bleu nuit': '#1e2b48',
  Ocre: '#c68a2e',
  'Rose poudré': '#d9a9a0',
  Lavande: '#9c8fc0',
  Chêne: '#b88a55',
  Olive: '#6b7143',
};

/** The paint for an option value, or null when the value is not a colour (a size, a format). */
export function colourOf(value: string): string | null {
  return COLOURS[value] ?? null;
}

/** Mixes a colour with white: amount 0 keeps it, 1 gives white. */
export function tint(hex: string, amount: number): string {
  return mix(hex, '#ffffff', amount);
}

/** Mixes a colour with black, for shadows and outlines. */
export function shade(hex: string, amount: number): string {
  return mix(hex, '#000000', amount);
}

function mix(a: string, b: string, t: number): string {
  const pa = parse(a);
  const pb = parse(b);
  const out = pa.map((c, i) => Math.round(c + (pb[i]! - c) * t));
  return '#' + out.map((c) => c.toString(16).padStart(2, '0')).join('');
}

function parse(hex: string): [number, number, number] {
  const h = hex.replace('#', '');
  return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
}

/** A soft backdrop for a product colour: very light, and warm when the colour itself is near white. */
export function backdrop(hex: string): string {
  const [r, g, b] = parse(hex);
  const light = (r + g + b) / 3 > 215;
  return light ? '#ddd4c5' : tint(hex, 0.82);
}
