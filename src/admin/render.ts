import type { FastifyReply } from 'fastify';
import type { VNode } from 'preact';
import { renderDocument } from '../http/html.ts';

/** Every admin page goes out through here: HTML, never cached (it shows private data). */
export function sendPage(reply: FastifyReply, status: number, page: VNode): FastifyReply {
  return reply.code(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(renderDocument(page));
}

export function redirect(reply: FastifyReply, location: string): FastifyReply {
  return reply.code(303).header('cache-control', 'no-store').header('location', location).send();
}
