import type { FastifyInstance } from 'fastify';
import type { Services } from '../app.ts';
export async function registerAdminApi(_server: FastifyInstance, _s: Services): Promise<void> {}
