import type { FastifyInstance } from 'fastify';
import type { Services } from '../app.ts';
import type { HtmlErrorRenderer } from '../http/errors.ts';
export async function registerStorefront(_server: FastifyInstance, _s: Services): Promise<HtmlErrorRenderer | null> {
  return null;
}
