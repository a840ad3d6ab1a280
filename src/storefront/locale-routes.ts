import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { detectLocale, LOCALES } from '../i18n/index.ts';
import type { Site } from './site.ts';

export const LOCALE_COOKIE = 'locale';

// Only a path on this site: `//evil.example` or `/\evil.example` would leave it.
const NextPath = z
  .string()
  .max(2000)
  .regex(/^\/(?![/\\])[^\s\u0000-\u001f]*$/);
const SwitchQuery = z.object({ next: z.preprocess((v) => (Array.isArray(v) ? v[0] : v), NextPath).optional().catch(undefined) });

export function registerLocaleRoutes(server: FastifyInstance, site: Site): void {
  const { config } = site;

  server.get('/', async (req, reply) => {
    const locale = detectLocale({ cookie: req.cookies[LOCALE_COOKIE], acceptLanguage: req.headers['accept-language'], fallback: config.defaultLocale, supported: LOCALES });
    return reply.header('vary', 'Accept-Language, Cookie').header('cache-control', 'private, no-cache').redirect(`/${locale}/`, 302);
  });

  for (const locale of LOCALES) {
    server.get(`/locale/${locale}`, async (req, reply) => {
      const { next } = SwitchQuery.parse(req.query ?? {});
      reply.setCookie(LOCALE_COOKIE, locale, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax', httpOnly: true, secure: config.secureCookies });
      return reply.header('cache-control', 'no-store').redirect(next ?? `/${locale}/`, 303);
    });
  }
}
