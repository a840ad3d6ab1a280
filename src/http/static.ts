import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { Config } from '../config.ts';

// public/ sits at the package root, two folders above src/http and three above dist/src/http.
const here = fileURLToPath(new URL('.', import.meta.url));
export const ASSETS_DIR = fileURLToPath(new URL(/[\\/]dist[\\/]src[\\/]/.test(here) ? '../../../public/' : '../../public/', import.meta.url));

const urls = new Map<string, string>();
/**
 * The URL of a file in public/ with a hash of its content, read once per file: /assets/ is served as
 * immutable for a year, so a new release must link new URLs.
 */
export function assetUrl(file: string): string {
  let url = urls.get(file);
  if (!url) {
    const hash = createHash('sha256').update(readFileSync(join(ASSETS_DIR, file))).digest('hex').slice(0, 8);
    urls.set(file, (url = `/assets/${file}?v=${hash}`));
  }
  return url;
}

export async function registerStatic(server: FastifyInstance, config: Config): Promise<void> {
  // Uploaded images never change under a key: cache them for a year.
  await server.register(fastifyStatic, {
    root: config.uploadDir,
    prefix: '/media/',
    decorateReply: false,
    immutable: true,
    maxAge: '365d',
    index: false,
  });
  // Pages link assets with a content hash (?v=...), so a changed file gets a new URL: cache for a year.
  await server.register(fastifyStatic, {
    root: ASSETS_DIR,
    prefix: '/assets/',
    decorateReply: false,
    immutable: true,
    maxAge: '365d',
    index: false,
  });
}
