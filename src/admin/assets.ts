import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ASSETS_DIR } from '../http/static.ts';

// /assets/ is served as immutable for a year, so the admin's files are linked with a hash of their
// content, read once at boot: a new release never runs on yesterday's stylesheet or script.
const url = (file: string) => `/assets/${file}?v=${createHash('sha256').update(readFileSync(join(ASSETS_DIR, file))).digest('hex').slice(0, 8)}`;

export const ADMIN_ASSETS = { css: url('admin.css'), js: url('admin.js') };
