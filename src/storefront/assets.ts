import { assetUrl } from '../http/static.ts';

export type Assets = { css: string; js: string };

/** The storefront's stylesheet and script, linked with a hash of their content (see assetUrl). */
export function hashedAssets(): Assets {
  return { css: assetUrl('site.css'), js: assetUrl('site.js') };
}
