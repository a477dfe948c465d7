import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditActionLabel, auditEntityLabel, foldVietnamese, formatDateTime } from '@pcd/core';
import type { Db } from '../db/database.js';
import { requirePermission, type AuthContext } from '../auth/context.js';
import { withinScope } from '../auth/scope.js';
import { sendXlsx } from '../lib/spreadsheet.js';
import { errorSchema, pageSchema, pagingQuery } from '../lib/paging.js';
import { parseVnDate } from '@pcd/core';
import { errors } from '../http/errors.js';

const filterSchema = z.object({
  q: z.string().max(64).optional(),
  username: z.string().max(64).optional(),
  action: z.string().max(32).optional(),
  entity: z.string().max(32).optional(),
  entityId: z.string().max(64).optional(),
  unit: z.string().max(32).optional(),
  from: z.string().max(32).optional(),
  to: z.string().max(32).optional(),
});
type Filter = z.infer<typeof filterSchema>;

const entrySchema = z.object({
  id: z.number(), at: z.string(), userId: z.number().nullable(), username: z.string().nullable(), action: z.string(), entity: z.string(),
  entityId: z.string().nullable(), unitCode: z.string().nullable(), changes: z.record(z.string(), z.unknown()).nullable(), ip: z.string().nullable(),
});

/** Accepts ISO dates or dd/mm/yyyy; a bare date means that whole day in Vietnam time. */
function bound(value: string | undefined, field: string, end: boolean): string | undefined {
  if (!value) return undefined;
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : parseVnDate(value);
  if (iso) return new Date(`${iso}T${end ? '23:59:59.999' : '00:00:00.000'}+07:00`).toISOString();
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw errors.invalid(field, `Ngày "${value}" không hợp lệ (dùng dd/mm/yyyy).`, 'Invalid date.');
  return d.toISOString();
}

async function query(db: Db, auth: AuthContext, f: Filter) {
  let qb = db.selectFrom('audit_log').where(withinScope(auth.scope, 'audit_log.unit_path'));
  if (f.username) qb = qb.where('username', '=', f.username.toLowerCase());
  if (f.q?.trim()) {
    // Free text matches who did it or which record it was about; usernames are ASCII, so folding the query is enough.
    const q = foldVietnamese(f.q.trim());
    qb = qb.where((eb) => eb.or([eb('username', 'like', `%${q}%`), eb('entity_id', '=', f.q!.trim())]));
  }
  if (f.action) qb = qb.where('action', '=', f.action);
  if (f.entity) qb = qb.where('entity', '=', f.entity);
  if (f.entityId) qb = qb.where('entity_id', '=', f.entityId);
  if (f.unit) {
    const u = await db.selectFrom('units').select('path').where('code', '=', f.unit).where(withinScope(auth.scope, 'units.path')).executeTakeFirst();
    if (!u) throw errors.notFound('Đơn vị hành chính', 'Administrative unit');
    qb = qb.where('unit_path', 'like', `${u.path}%`);
  }
  const from = bound(f.from, 'from', false);
  const to = bound(f.to, 'to', true);
  if (from) qb = qb.where('at', '>=', from);
  if (to) qb = qb.where('at', '<=', to);
  return qb;
}

function toEntry(r: { id: number; at: string; user_id: number | null; username: string | null; action: string; entity: string; entity_id: string | null; unit_code: string | null; changes: string | null; ip: string | null }) {
  return { id: r.id, at: r.at, userId: r.user_id, username: r.username, action: r.action, entity: r.entity, entityId: r.entity_id, unitCode: r.unit_code, changes: r.changes ? JSON.parse(r.changes) : null, ip: r.ip };
}

export async function auditRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Nhật ký'];

  r.get('/audit', {
    schema: { tags, summary: 'Nhật ký truy cập và thay đổi (quản trị viên)', querystring: filterSchema.extend(pagingQuery), response: { 200: pageSchema(entrySchema), 400: errorSchema, 403: errorSchema } },
  }, async (req) => {
    const auth = requirePermission(req, 'audit.read');
    const { page, pageSize, sort: _sort, ...f } = req.query;
    const qb = await query(app.deps.db, auth, f);
    const [{ total }] = await qb.select((eb) => eb.fn.countAll<number>().as('total')).execute();
    const rows = await qb.selectAll().orderBy('id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute();
    return { items: rows.map(toEntry), total: Number(total), page, pageSize };
  });

  r.get('/audit/export.xlsx', { schema: { tags, summary: 'Xuất nhật ký ra Excel', querystring: filterSchema } }, async (req, reply) => {
    const auth = requirePermission(req, 'audit.read');
    const qb = await query(app.deps.db, auth, req.query);
    async function* rows() {
      let before: number | null = null;
      for (;;) {
        const slice = before === null ? qb : qb.where('id', '<', before);
        const batch = await slice.selectAll().orderBy('id', 'desc').limit(2000).execute();
        for (const b of batch) yield toEntry(b);
        if (batch.length < 2000) return;
        const last: number = batch[batch.length - 1].id;
        before = last;
      }
    }
    return sendXlsx(reply, 'nhat-ky.xlsx', 'Nhật ký', [
      { header: 'Thời điểm', value: (e) => formatDateTime(e.at), width: 18 },
      { header: 'Người dùng', value: (e) => e.username ?? '' },
      { header: 'Hành động', value: (e) => auditActionLabel(e.action) },
      { header: 'Đối tượng', value: (e) => auditEntityLabel(e.entity) },
      { header: 'Mã đối tượng', value: (e) => e.entityId ?? '' },
      { header: 'Đơn vị', value: (e) => e.unitCode ?? '' },
      { header: 'Thay đổi', value: (e) => (e.changes ? JSON.stringify(e.changes) : ''), width: 60 },
      { header: 'Địa chỉ IP', value: (e) => e.ip ?? '' },
    ], rows());
  });
}
