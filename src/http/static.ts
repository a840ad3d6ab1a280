import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { Config } from '../config.ts';

export const ASSETS_DIR = fileURLToPath(new URL('../../public/', import.meta.url));

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
