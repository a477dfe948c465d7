import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ORPHAN_RELATION_LABELS, SUPPORT_STATUSES, SUPPORT_STATUS_LABELS, formatDate } from '@pcd/core';
import { actorOf, requireAuth } from '../auth/context.js';
import { recordAudit } from '../audit/audit.js';
import { errorSchema, pageSchema, pagingQuery } from '../lib/paging.js';
import { sendXlsx } from '../lib/spreadsheet.js';
import { requirePersonal } from '../people/service.js';
import { resolveWithin } from '../cases/service.js';
import { deathsOrphansSchema, orphanInput, orphanPatch, orphanSchema } from './model.js';
import { createOrphan, getOrphan, iterateOrphans, listOrphans, updateOrphan } from './service.js';
import { deathsOrphans } from './stats.js';
import { isoDate } from '../lib/iso-date.js';

const idParam = z.object({ id: z.coerce.number().int().min(1) });
const orphanQuery = z.object({ unit: z.string().max(32).optional(), supportStatus: z.enum(SUPPORT_STATUSES).optional() });
const statsQuery = z.object({ unit: z.string().max(32).optional(), from: isoDate.optional(), to: isoDate.optional() });
const errs = { 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

export async function orphansRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Tử vong, trẻ mồ côi do COVID-19'];
  const db = () => app.deps.db;

  r.post('/orphans', {
    schema: { tags, summary: 'Ghi nhận trẻ dưới 16 tuổi mất cha/mẹ hoặc người nuôi dưỡng do COVID-19', body: orphanInput, response: { 201: orphanSchema, ...errs } },
  }, async (req, reply) => reply.status(201).send(await createOrphan(db(), requireAuth(req), actorOf(req), req.body)));

  r.get('/orphans', {
    schema: { tags, summary: 'Danh sách trẻ mồ côi do COVID-19 (lọc theo tình trạng hỗ trợ)', querystring: orphanQuery.extend(pagingQuery), response: { 200: pageSchema(orphanSchema), ...errs } },
  }, async (req) => listOrphans(db(), requireAuth(req), actorOf(req), req.query, req.query.page, req.query.pageSize));

  r.get('/orphans/export.xlsx', { schema: { tags, summary: 'Xuất danh sách trẻ mồ côi do COVID-19 ra Excel', querystring: orphanQuery } }, async (req, reply) => {
    const auth = requireAuth(req);
    requirePersonal(auth, false);
    const within = await resolveWithin(db(), auth, req.query.unit);
    await recordAudit(db(), actorOf(req), { action: 'export', entity: 'orphan', unitCode: req.query.unit ?? auth.user.unitCode, changes: { query: { ...req.query } } });
    return sendXlsx(reply, 'tre-mo-coi-covid.xlsx', 'Trẻ mồ côi', [
      { header: 'Họ và tên trẻ', value: (o) => o.childName, width: 26 },
      { header: 'Ngày/năm sinh', value: (o) => (o.childDateOfBirth ? formatDate(o.childDateOfBirth) : o.childBirthYear), width: 14 },
      { header: 'Tuổi khi người thân mất', value: (o) => o.ageAtDeath, width: 10 },
      { header: 'Đơn vị', value: (o) => o.unitName, width: 22 },
      { header: 'Người đã mất', value: (o) => o.parentName, width: 26 },
      { header: 'Quan hệ', value: (o) => ORPHAN_RELATION_LABELS[o.relation], width: 16 },
      { header: 'Ngày mất', value: (o) => (o.deathDate ? formatDate(o.deathDate) : ''), width: 12 },
      { header: 'Tình trạng hỗ trợ', value: (o) => SUPPORT_STATUS_LABELS[o.supportStatus], width: 18 },
      { header: 'Ghi chú hỗ trợ', value: (o) => o.supportNotes, width: 36 },
    ], iterateOrphans(db(), auth, { within, supportStatus: req.query.supportStatus }));
  });

  r.get('/orphans/:id', {
    schema: { tags, summary: 'Chi tiết trẻ mồ côi do COVID-19', params: idParam, response: { 200: orphanSchema, ...errs } },
  }, async (req) => getOrphan(db(), requireAuth(req), actorOf(req), req.params.id));

  r.patch('/orphans/:id', {
    schema: { tags, summary: 'Cập nhật tình trạng hỗ trợ', params: idParam, body: orphanPatch, response: { 200: orphanSchema, ...errs } },
  }, async (req) => updateOrphan(db(), requireAuth(req), actorOf(req), req.params.id, req.body));

  r.get('/stats/deaths-orphans', {
    schema: { tags, summary: 'Số ca tử vong và trẻ mồ côi do COVID-19 theo đơn vị trực thuộc (chỉ số liệu)', querystring: statsQuery, response: { 200: deathsOrphansSchema, ...errs } },
  }, async (req) => deathsOrphans(db(), requireAuth(req), req.query));

  r.get('/stats/deaths-orphans/export.xlsx', { schema: { tags, summary: 'Xuất số liệu tử vong, trẻ mồ côi theo đơn vị ra Excel', querystring: statsQuery } }, async (req, reply) => {
    const s = await deathsOrphans(db(), requireAuth(req), req.query);
    const rows = [...s.rows, { unitCode: '', unitName: `Tổng ${s.unitName}`, ...s.totals }];
    return sendXlsx(reply, 'tu-vong-tre-mo-coi.xlsx', 'Tử vong, trẻ mồ côi', [
      { header: 'Mã đơn vị', value: (x) => x.unitCode, width: 12 },
      { header: 'Đơn vị', value: (x) => x.unitName, width: 26 },
      { header: 'Số ca tử vong', value: (x) => x.deaths, width: 12 },
      { header: 'Trẻ mồ côi', value: (x) => x.orphans, width: 12 },
      { header: 'Chưa hỗ trợ', value: (x) => x.supportNone, width: 12 },
      { header: 'Đã đề xuất', value: (x) => x.supportProposed, width: 12 },
      { header: 'Đang được hỗ trợ', value: (x) => x.supportReceiving, width: 14 },
    ], rows);
  });
}
