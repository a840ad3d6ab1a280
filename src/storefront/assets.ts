import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ASSETS_DIR } from '../http/static.ts';

export type Assets = { css: string; js: string };

/** Asset URLs carry a hash of their content, computed once at boot, so a new release is never served from a stale cache. */
export function hashedAssets(dir: string = ASSETS_DIR): Assets {
  const url = (file: string) => {
    const hash = createHash('sha256').update(readFileSync(join(dir, file))).digest('hex').slice(0, 8);
    return `/assets/${file}?v=${hash}`;
  };
  return { css: url('site.css'), js: url('site.js') };
}
