import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OBLIGATION_KIND_LABELS, OBLIGATION_STATUSES, OBLIGATION_STATUS_LABELS, TEST_RESULT_LABELS, formatDate } from '@pcd/core';
import { actorOf, requireAuth } from '../auth/context.js';
import { recordAudit } from '../audit/audit.js';
import { errorSchema, pageSchema, pagingQuery } from '../lib/paging.js';
import { sendXlsx } from '../lib/spreadsheet.js';
import { requirePersonal } from '../people/service.js';
import { obligationPatch, obligationSchema, type ObligationDto } from './model.js';
import { getObligation, iterateObligations, listObligations, updateObligation } from './obligations.js';
import { resolveWithin } from './service.js';

const idParam = z.object({ id: z.coerce.number().int().min(1) });
const obligationQuery = z.object({
  unit: z.string().max(32).optional(),
  status: z.enum(OBLIGATION_STATUSES).optional(),
  /** today: something falls due today; overdue: something is past due; upcoming: nothing due yet (open ones only). */
  due: z.enum(['today', 'overdue', 'upcoming']).optional(),
  q: z.string().max(100).optional(),
});

const dueText = (o: ObligationDto) => [...o.overdue.map((i) => `quá hạn: ${i.kind === 'test' ? `xét nghiệm ngày ${i.day}` : 'kết thúc'} (${formatDate(i.date)})`),
  ...o.dueToday.map((i) => `hôm nay: ${i.kind === 'test' ? `xét nghiệm ngày ${i.day}` : 'kết thúc theo dõi'}`)].join('; ');

export async function obligationsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Theo dõi người đến từ vùng dịch'];
  const db = () => app.deps.db;

  r.get('/obligations', {
    schema: { tags, summary: 'Danh sách việc theo dõi (cách ly tại nhà, xét nghiệm) của xã: việc đến hạn hôm nay, quá hạn', querystring: obligationQuery.extend(pagingQuery), response: { 200: pageSchema(obligationSchema), 403: errorSchema, 404: errorSchema } },
  }, async (req) => {
    const { page, pageSize, ...f } = req.query;
    return listObligations(db(), requireAuth(req), actorOf(req), f, page, pageSize);
  });

  r.get('/obligations/export.xlsx', { schema: { tags, summary: 'Xuất danh sách việc theo dõi ra Excel', querystring: obligationQuery } }, async (req, reply) => {
    const auth = requireAuth(req);
    requirePersonal(auth, false);
    const filter = { ...req.query, within: await resolveWithin(db(), auth, req.query.unit) };
    await recordAudit(db(), actorOf(req), { action: 'export', entity: 'obligation', unitCode: req.query.unit ?? auth.user.unitCode, changes: { query: { ...req.query } } });
    return sendXlsx(reply, 'theo-doi-nguoi-den.xlsx', 'Theo dõi người đến', [
      { header: 'Mã', value: (o) => o.id, width: 8 },
      { header: 'Họ và tên', value: (o) => o.fullName, width: 26 },
      { header: 'Điện thoại', value: (o) => o.phone ?? '', width: 13 },
      { header: 'Địa chỉ', value: (o) => o.address ?? '', width: 30 },
      { header: 'Thôn/bản, xã', value: (o) => o.unitName, width: 18 },
      { header: 'Đến từ', value: (o) => o.fromUnitName ?? '', width: 36 },
      { header: 'Ngày đến', value: (o) => formatDate(o.startDate), width: 12 },
      { header: 'Hình thức', value: (o) => OBLIGATION_KIND_LABELS[o.kind], width: 24 },
      { header: 'Kết thúc', value: (o) => formatDate(o.endDate), width: 12 },
      { header: 'Xét nghiệm', value: (o) => o.tests.map((t) => `ngày ${t.day} (${formatDate(t.date)}): ${t.doneOn ? `${formatDate(t.doneOn)}${t.result ? ' ' + TEST_RESULT_LABELS[t.result] : ''}` : 'chưa'}`).join('; '), width: 40 },
      { header: 'Việc cần làm', value: dueText, width: 40 },
      { header: 'Trạng thái', value: (o) => OBLIGATION_STATUS_LABELS[o.status], width: 14 },
    ], iterateObligations(db(), auth, filter));
  });

  r.get('/obligations/:id', { schema: { tags, summary: 'Một việc theo dõi', params: idParam, response: { 200: obligationSchema, 403: errorSchema, 404: errorSchema } } }, async (req) => {
    return getObligation(db(), requireAuth(req), actorOf(req), req.params.id);
  });

  r.patch('/obligations/:id', {
    schema: {
      tags, summary: 'Ghi xét nghiệm (action=test_done, testDay, doneOn, result), hoàn thành (complete), hủy (cancel, reason) hoặc mở lại (reopen); cần version',
      params: idParam, body: obligationPatch, response: { 200: obligationSchema, 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema },
    },
  }, async (req) => updateObligation(db(), requireAuth(req), actorOf(req), req.params.id, req.body));
}
