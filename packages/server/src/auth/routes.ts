import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES, permissionsOf } from '@pcd/core';
import { actorOf, requireAuth } from './context.js';
import { errorSchema } from '../lib/paging.js';
import { clearSessionCookies, CSRF_COOKIE, setSessionCookies } from './hooks.js';
import { authContextFor, changePassword, createApiToken, listApiTokens, login, logout, revokeApiToken } from './service.js';
import { errors } from '../http/errors.js';
import { randomToken } from '../lib/tokens.js';

const meSchema = z.object({
  user: z.object({
    id: z.number(), username: z.string(), fullName: z.string(), role: z.enum(ROLES),
    unitCode: z.string().nullable(), unitName: z.string().nullable(),
    /** Sees the whole country (national administrators). */
    national: z.boolean(),
  }),
  permissions: z.array(z.string()),
});

export async function authRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Đăng nhập'];

  r.post('/auth/login', {
    config: { public: true },
    schema: {
      tags, summary: 'Đăng nhập; đặt cookie phiên (httpOnly) và cookie pcd_csrf',
      body: z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(200) }),
      response: { 200: meSchema, 400: errorSchema, 401: errorSchema, 403: errorSchema, 429: errorSchema },
    },
  }, async (req, reply) => {
    const { token, userId } = await login(app.deps.db, req.body.username, req.body.password, req.ip, req.headers['user-agent'] ?? null);
    setSessionCookies(app, reply, token);
    const ctx = await authContextFor(app.deps.db, userId, 'session', null);
    return meOf(ctx!);
  });

  r.post('/auth/logout', { schema: { tags, summary: 'Đăng xuất', response: { 204: z.null() } } }, async (req, reply) => {
    const auth = requireAuth(req);
    await logout(app.deps.db, auth, actorOf(req));
    clearSessionCookies(reply);
    return reply.status(204).send(null);
  });

  r.get('/auth/me', { schema: { tags, summary: 'Người dùng hiện tại và quyền', response: { 200: meSchema, 401: errorSchema } } }, async (req, reply) => {
    const auth = requireAuth(req);
    // A browser that lost its CSRF cookie (cleared by hand) gets a new one rather than failing every write.
    if (auth.via === 'session' && !req.cookies[CSRF_COOKIE]) {
      reply.setCookie(CSRF_COOKIE, randomToken(18), { path: '/', httpOnly: false, sameSite: 'lax', secure: app.deps.config.secureCookies });
    }
    return meOf(auth);
  });

  r.post('/auth/password', {
    schema: {
      tags, summary: 'Đổi mật khẩu (các phiên khác bị đăng xuất)',
      body: z.object({ currentPassword: z.string().min(1).max(200), newPassword: z.string().max(200) }),
      response: { 204: z.null(), 400: errorSchema },
    },
  }, async (req, reply) => {
    const auth = requireAuth(req);
    await changePassword(app.deps.db, auth, actorOf(req), req.body.currentPassword, req.body.newPassword);
    return reply.status(204).send(null);
  });

  const tokenSchema = z.object({ id: z.number(), name: z.string(), prefix: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable(), revokedAt: z.string().nullable() });
  r.get('/auth/tokens', { schema: { tags, summary: 'Mã truy cập API của tôi', response: { 200: z.object({ items: z.array(tokenSchema) }) } } }, async (req) => {
    return { items: await listApiTokens(app.deps.db, requireAuth(req)) };
  });
  r.post('/auth/tokens', {
    schema: {
      tags, summary: 'Tạo mã truy cập API (chỉ hiển thị một lần; dùng Authorization: Bearer …)',
      body: z.object({ name: z.string().trim().min(1).max(100) }),
      response: { 201: z.object({ id: z.number(), name: z.string(), prefix: z.string(), createdAt: z.string(), token: z.string() }) },
    },
  }, async (req, reply) => {
    const auth = requireAuth(req);
    if (auth.via === 'token') throw errors.forbidden();
    return reply.status(201).send(await createApiToken(app.deps.db, auth, actorOf(req), req.body.name));
  });
  r.delete('/auth/tokens/:id', {
    schema: { tags, summary: 'Thu hồi mã truy cập API', params: z.object({ id: z.coerce.number().int() }), response: { 204: z.null(), 404: errorSchema } },
  }, async (req, reply) => {
    await revokeApiToken(app.deps.db, requireAuth(req), actorOf(req), req.params.id);
    return reply.status(204).send(null);
  });
}

function meOf(auth: { user: { id: number; username: string; fullName: string; role: (typeof ROLES)[number]; unitCode: string | null; unitName: string | null }; scope: { all: boolean } }) {
  const { id, username, fullName, role, unitCode, unitName } = auth.user;
  return { user: { id, username, fullName, role, unitCode, unitName, national: auth.scope.all }, permissions: permissionsOf(role) };
}
