import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errors } from '../http/errors.js';
import { randomToken } from '../lib/tokens.js';
import { resolveApiToken, resolveSession, SESSION_HOURS } from './service.js';

export const SESSION_COOKIE = 'pcd_session';
export const CSRF_COOKIE = 'pcd_csrf';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function setSessionCookies(app: FastifyInstance, reply: FastifyReply, token: string): string {
  const csrf = randomToken(18);
  const secure = app.deps.config.secureCookies;
  const maxAge = SESSION_HOURS * 3600;
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge });
  // Readable by the page script on purpose: it echoes it in x-csrf-token (double submit).
  reply.setCookie(CSRF_COOKIE, csrf, { path: '/', httpOnly: false, sameSite: 'lax', secure, maxAge });
  return csrf;
}

export function clearSessionCookies(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}

function originMatches(req: FastifyRequest): boolean {
  const origin = req.headers.origin;
  if (!origin || origin === 'null') return origin !== 'null';
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/** The API documentation pages (registered by @fastify/swagger-ui) hold no records. */
function isPublic(req: FastifyRequest): boolean {
  return Boolean(req.routeOptions.config?.public) || req.url.startsWith('/api/docs');
}

/**
 * Every request is authenticated here, before any route runs: a route is private unless it says
 * `config: { public: true }`, so a new module cannot forget the check.
 */
export function registerAuthHooks(app: FastifyInstance): void {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const header = req.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      req.auth = await resolveApiToken(app.deps.db, header.slice(7).trim());
      if (!req.auth) throw errors.unauthenticated();
      return;
    }
    const cookie = req.cookies[SESSION_COOKIE];
    if (cookie) req.auth = await resolveSession(app.deps.db, cookie);
    // Refused before the body is even parsed, so an anonymous caller learns nothing from validation errors.
    if (!req.auth && !isPublic(req) && req.routeOptions.url) throw errors.unauthenticated();
    if (UNSAFE.has(req.method)) {
      if (req.headers.origin && !originMatches(req)) throw errors.badOrigin();
      // Login has no session yet; the Origin check above covers it.
      if (req.auth && !isPublic(req)) {
        const sent = req.headers['x-csrf-token'];
        if (!sent || sent !== req.cookies[CSRF_COOKIE]) throw errors.csrf();
      }
    }
  });
}
