import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../audit/index.ts';
import { AppError } from '../lib/errors.ts';
import { hasScope, type ApiKeyInfo, type ApiKeyService, type Scope } from '../staff/index.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The API key scope a route needs; by default reads need catalog:read and writes catalog:write. */
    scope?: Scope;
  }
  interface FastifyRequest {
    apiKey?: ApiKeyInfo;
  }
}

/** The security requirement every admin API route documents. */
export const API_KEY_SECURITY = [{ apiKey: [] }];

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

/**
 * Runs before the body is read, so a request without a valid key costs one hash and one lookup.
 * Missing or wrong keys get 401 with WWW-Authenticate; a valid key without the scope gets 403.
 */
export function apiKeyAuth(apiKeys: ApiKeyService) {
  return async function authenticate(req: FastifyRequest, reply: FastifyReply): Promise<void> {
    const header = req.headers.authorization;
    const match = header ? BEARER.exec(header) : null;
    if (!match) {
      reply.header('www-authenticate', 'Bearer realm="comptoir"');
      throw new AppError('UNAUTHENTICATED', header ? 'the Authorization header must be "Bearer <API key>"' : 'send an API key in the Authorization header: "Bearer <API key>"');
    }
    const info = await apiKeys.verify(match[1]!);
    if (!info) {
      reply.header('www-authenticate', 'Bearer realm="comptoir", error="invalid_token"');
      throw new AppError('UNAUTHENTICATED', 'this API key is not valid or has been revoked');
    }
    const needed = req.routeOptions.config.scope ?? (req.method === 'GET' || req.method === 'HEAD' ? 'catalog:read' : 'catalog:write');
    if (!hasScope(info, needed)) {
      throw new AppError('FORBIDDEN', `this API key lacks the "${needed}" scope (it has: ${info.scopes.join(', ')})`);
    }
    req.apiKey = info;
  };
}

/** Who the audit log names for a change made through the API. */
export function apiActor(req: FastifyRequest): Actor {
  return { label: `api-key:${req.apiKey?.name ?? 'unknown'}` };
}
