import sharp from 'sharp';
import { backdrop, shade } from './palette.ts';
import * as home from './shapes-home.ts';
import * as paper from './shapes-paper.ts';
import * as wear from './shapes-wear.ts';
import type { ShapeKind } from './types.ts';

// Demo pictures are drawn, not shipped: an SVG per product, rendered once to PNG at seed time.
export const DEMO_IMAGE_WIDTH = 960;
export const DEMO_IMAGE_HEIGHT = 1200;

const SHAPES: Record<ShapeKind, (colour: string) => string> = {
  tshirt: wear.tshirt, shirt: wear.shirt, 'stripe-shirt': wear.stripeShirt, sweater: wear.sweater, dress: wear.dress,
  jacket: wear.jacket, apron: wear.apron, socks: wear.socks, pyjama: wear.pyjama, tote: wear.tote, bag: wear.bag,
  scarf: wear.scarf, foulard: wear.foulard, beanie: wear.beanie, beret: wear.beret, cap: wear.cap, earrings: wear.earrings, wallet: wear.wallet,
  candle: home.candle, vase: home.vase, cushion: home.cushion, throw: home.throwBlanket, diffuser: home.diffuser,
  basket: home.basket, soap: home.soap, poster: home.poster, mirror: home.mirror, mug: home.mug, bowl: home.bowl,
  plate: home.plate, towel: home.towel, board: home.board, teapot: home.teapot, jar: home.jar, tin: home.tin,
  bottle: home.bottle, glass: home.glass,
  notebook: paper.notebook, pencils: paper.pencils, cards: paper.cards, pen: paper.pen, book: paper.book,
  wrap: paper.wrap, giftcard: paper.giftcard, giftbox: paper.giftbox,
};

export type ImageSpec = { kind: ShapeKind; colour: string; /** a tighter crop, for a product's second picture */ closeUp?: boolean };

/** Flat colours only: a gradient backdrop looked nicer but made every image a third slower to encode. */
export function productSvg(spec: ImageSpec): string {
  const bg = backdrop(spec.colour);
  const shape = SHAPES[spec.kind](spec.colour);
  // A close-up enlarges the upper middle of the drawing, like a detail shot.
  const body = spec.closeUp
    ? `<g transform="translate(480 560) scale(1.7) translate(-480 -560)">${shape}</g>`
    : `<g transform="translate(480 945) scale(1.12) translate(-480 -945)">${shape}</g>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${DEMO_IMAGE_WIDTH}" height="${DEMO_IMAGE_HEIGHT}" viewBox="0 0 960 1200">
  <rect width="960" height="1200" fill="${bg}"/>
  <rect y="960" width="960" height="240" fill="${shade(bg, 0.04)}"/>
  ${spec.closeUp ? '' : `<ellipse cx="480" cy="955" rx="300" ry="34" fill="${shade(bg, 0.35)}" opacity="0.25"/>`}
  ${body}
</svg>`;
}

/** The PNG handed to the image service (which resizes and encodes it like any upload). */
export function renderProductImage(spec: ImageSpec): Promise<Buffer> {
  // Fast, light compression: the file is decoded again at once and never stored as PNG.
  return sharp(Buffer.from(productSvg(spec))).png({ compressionLevel: 1 }).toBuffer();
}
