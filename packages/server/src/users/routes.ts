import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES, ROLE_LABELS, formatDateTime } from '@pcd/core';
import { actorOf, requirePermission } from '../auth/context.js';
import { recordAudit } from '../audit/audit.js';
import { sendXlsx } from '../lib/spreadsheet.js';
import { errorSchema, pageSchema, pagingQuery } from '../lib/paging.js';
import { createUser, getUser, iterateUsers, listUsers, updateUser } from './service.js';

const userSchema = z.object({
  id: z.number(), username: z.string(), fullName: z.string(), role: z.enum(ROLES), unitCode: z.string().nullable(), unitName: z.string().nullable(),
  disabled: z.boolean(), assignedUnitCodes: z.array(z.string()), lastLoginAt: z.string().nullable(), createdAt: z.string(), version: z.number(),
});
const idParam = z.object({ id: z.coerce.number().int().min(1) });
const roleEnum = z.enum(ROLES, { message: `Vai trò phải là một trong: ${ROLES.join(', ')}` });

export async function usersRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Người dùng'];

  r.get('/users', {
    schema: { tags, summary: 'Danh sách người dùng trong phạm vi', querystring: z.object({ q: z.string().max(100).optional(), unit: z.string().max(32).optional(), role: roleEnum.optional(), ...pagingQuery }), response: { 200: pageSchema(userSchema), 403: errorSchema, 404: errorSchema } },
  }, async (req) => {
    const auth = requirePermission(req, 'users.manage');
    const { page, pageSize, ...f } = req.query;
    return listUsers(app.deps.db, auth, f, page, pageSize);
  });

  r.get('/users/export.xlsx', { schema: { tags, summary: 'Xuất danh sách người dùng ra Excel' } }, async (req, reply) => {
    const auth = requirePermission(req, 'users.manage');
    await recordAudit(app.deps.db, actorOf(req), { action: 'export', entity: 'user', unitCode: auth.user.unitCode });
    return sendXlsx(reply, 'nguoi-dung.xlsx', 'Người dùng', [
      { header: 'Tên đăng nhập', value: (u) => u.username, width: 20 },
      { header: 'Họ và tên', value: (u) => u.fullName, width: 28 },
      { header: 'Vai trò', value: (u) => ROLE_LABELS[u.role], width: 30 },
      { header: 'Mã đơn vị', value: (u) => u.unitCode ?? '', width: 12 },
      { header: 'Đơn vị', value: (u) => u.unitName ?? 'Toàn quốc', width: 24 },
      { header: 'Địa bàn phụ trách', value: (u) => u.assignedUnitCodes.join(', '), width: 24 },
      { header: 'Trạng thái', value: (u) => (u.disabled ? 'Đã vô hiệu hóa' : 'Đang hoạt động') },
      { header: 'Đăng nhập gần nhất', value: (u) => (u.lastLoginAt ? formatDateTime(u.lastLoginAt) : '') },
      { header: 'Ngày tạo', value: (u) => formatDateTime(u.createdAt) },
    ], iterateUsers(app.deps.db, auth));
  });

  r.get('/users/:id', { schema: { tags, summary: 'Chi tiết người dùng', params: idParam, response: { 200: userSchema, 404: errorSchema } } }, async (req) => {
    const auth = requirePermission(req, 'users.manage');
    const user = await getUser(app.deps.db, auth, req.params.id);
    await recordAudit(app.deps.db, actorOf(req), { action: 'read', entity: 'user', entityId: user.id, unitCode: user.unitCode });
    return user;
  });

  r.post('/users', {
    schema: {
      tags, summary: 'Tạo người dùng',
      body: z.object({
        username: z.string().min(1).max(64), password: z.string().max(200), fullName: z.string().trim().min(1).max(200),
        unitCode: z.string().max(32).nullable(), role: roleEnum, assignedUnitCodes: z.array(z.string().max(32)).max(200).optional(),
      }),
      response: { 201: userSchema, 400: errorSchema, 403: errorSchema },
    },
  }, async (req, reply) => {
    const auth = requirePermission(req, 'users.manage');
    return reply.status(201).send(await createUser(app.deps.db, auth, actorOf(req), req.body));
  });

  r.patch('/users/:id', {
    schema: {
      tags, summary: 'Sửa người dùng: vai trò, đơn vị, vô hiệu hóa (kết thúc mọi phiên), đặt lại mật khẩu', params: idParam,
      body: z.object({
        version: z.number().int().min(1), fullName: z.string().trim().min(1).max(200).optional(), role: roleEnum.optional(),
        unitCode: z.string().max(32).nullable().optional(), disabled: z.boolean().optional(), password: z.string().max(200).optional(),
        assignedUnitCodes: z.array(z.string().max(32)).max(200).optional(),
      }),
      response: { 200: userSchema, 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema },
    },
  }, async (req) => {
    const auth = requirePermission(req, 'users.manage');
    return updateUser(app.deps.db, auth, actorOf(req), req.params.id, req.body);
  });
}
