import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SWEEP_STATUSES, SYMPTOM_LABELS, VISIT_OUTCOME_LABELS, VISIT_STATE_LABELS, formatDate, formatDateTime, type Symptom } from '@pcd/core';
import { actorOf, requireAuth } from '../auth/context.js';
import { recordAudit } from '../audit/audit.js';
import { sendXlsx } from '../lib/spreadsheet.js';
import { errorSchema, pageSchema, pagingQuery } from '../lib/paging.js';
import {
  assignInput, crossCheckSchema, memberCandidateSchema, sweepDetailSchema, sweepHouseholdDetailSchema, sweepHouseholdSchema, sweepInput, sweepPatch, sweepSchema, visitInput, visitSchema, type CrossCheckEntry,
} from './model.js';
import { createSweep, findSweep, getSweep, listSweeps, sweepsForExport, requireNames, sweepStatusLabel, updateSweep } from './service.js';
import { assignHouseholds } from './assign.js';
import { getSweepHousehold, iterateSweepHouseholds, listSweepHouseholds, prepareHouseholdExport } from './households.js';
import { listMemberCandidates } from './team.js';
import { iterateVisits, listVisits, recordVisit } from './visits.js';
import { crossCheck } from './cross-check.js';
import { isoDate } from '../lib/iso-date.js';

const idParam = z.object({ id: z.coerce.number().int().min(1) });
const householdParam = idParam.extend({ householdId: z.coerce.number().int().min(1) });
const sweepQuery = z.object({ unit: z.string().max(32).optional(), status: z.enum(SWEEP_STATUSES).optional() });
const householdQuery = z.object({
  status: z.enum(['unvisited', 'attempted', 'visited']).optional(),
  member: z.string().regex(/^(\d{1,9}|none)$/, 'Mã thành viên phải là số hoặc "none"').optional(),
  village: z.string().max(32).optional(),
});
const visitQuery = z.object({ household: z.coerce.number().int().min(1).optional(), member: z.coerce.number().int().min(1).optional() });
const crossCheckQuery = z.object({ from: isoDate.optional(), to: isoDate.optional() });
const errs = { 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

export async function sweepsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Rà soát từng hộ'];
  const db = () => app.deps.db;

  r.post('/sweeps', { schema: { tags, summary: 'Lập đợt rà soát từng hộ trên các thôn/bản của một xã', body: sweepInput, response: { 201: sweepDetailSchema, ...errs } } }, async (req, reply) => {
    return reply.status(201).send(await createSweep(db(), requireAuth(req), actorOf(req), req.body));
  });

  r.get('/sweeps', { schema: { tags, summary: 'Danh sách đợt rà soát (kèm số hộ đã rà soát / tổng số)', querystring: sweepQuery.extend(pagingQuery), response: { 200: pageSchema(sweepSchema), 404: errorSchema } } }, async (req) => {
    const { page, pageSize, sort: _sort, ...f } = req.query;
    return listSweeps(db(), requireAuth(req), f, page, pageSize);
  });

  r.get('/sweeps/export.xlsx', { schema: { tags, summary: 'Xuất danh sách đợt rà soát ra Excel', querystring: sweepQuery } }, async (req, reply) => {
    const auth = requireAuth(req);
    const sweeps = await sweepsForExport(db(), auth, req.query);
    await recordAudit(db(), actorOf(req), { action: 'export', entity: 'sweep', unitCode: req.query.unit ?? auth.user.unitCode, changes: { query: { ...req.query } } });
    return sendXlsx(reply, 'dot-ra-soat.xlsx', 'Đợt rà soát', [
      { header: 'Mã', value: (s) => s.id, width: 8 },
      { header: 'Tên đợt', value: (s) => s.name, width: 30 },
      { header: 'Mã xã', value: (s) => s.unitCode, width: 10 },
      { header: 'Xã/phường', value: (s) => s.unitName },
      { header: 'Thôn/bản', value: (s) => s.villageCodes.join(', '), width: 24 },
      { header: 'Từ ngày', value: (s) => formatDate(s.fromDate), width: 12 },
      { header: 'Đến ngày', value: (s) => formatDate(s.toDate), width: 12 },
      { header: 'Trạng thái', value: (s) => sweepStatusLabel(s.status) },
      { header: 'Tổng số hộ', value: (s) => s.progress.total, width: 10 },
      { header: 'Đã rà soát', value: (s) => s.progress.visited, width: 10 },
      { header: 'Không có ai ở nhà', value: (s) => s.progress.attempted, width: 10 },
      { header: 'Còn lại', value: (s) => s.progress.remaining, width: 10 },
      { header: 'Tỷ lệ (%)', value: (s) => s.progress.percent, width: 10 },
    ], sweeps);
  });

  r.get('/sweeps/:id', { schema: { tags, summary: 'Một đợt rà soát: tiến độ theo thôn/bản và theo thành viên', params: idParam, response: { 200: sweepDetailSchema, 404: errorSchema } } }, async (req) => {
    return getSweep(db(), requireAuth(req), req.params.id);
  });

  r.patch('/sweeps/:id', { schema: { tags, summary: 'Bắt đầu, kết thúc hoặc sửa đợt rà soát (cần version hiện tại)', params: idParam, body: sweepPatch, response: { 200: sweepDetailSchema, ...errs } } }, async (req) => {
    return updateSweep(db(), requireAuth(req), actorOf(req), req.params.id, req.body);
  });

  r.post('/sweeps/:id/assign', {
    schema: { tags, summary: 'Chia các hộ chưa rà soát cho thành viên ({memberIds}) hoặc giao từng hộ ({householdIds, memberId})', params: idParam, body: assignInput, response: { 200: sweepDetailSchema, ...errs } },
  }, async (req) => assignHouseholds(db(), requireAuth(req), actorOf(req), req.params.id, req.body));

  r.get('/sweeps/:id/members', {
    schema: { tags, summary: 'Những người có thể được giao hộ: thành viên Tổ COVID cộng đồng và cán bộ đang hoạt động của xã', params: idParam, response: { 200: z.object({ items: z.array(memberCandidateSchema) }), 403: errorSchema, 404: errorSchema } },
  }, async (req) => listMemberCandidates(db(), requireAuth(req), req.params.id));

  r.get('/sweeps/:id/households', {
    schema: { tags, summary: 'Các hộ của đợt rà soát (status=unvisited: danh sách hộ chưa rà soát); thành viên Tổ chỉ thấy hộ được giao', params: idParam, querystring: householdQuery.extend(pagingQuery), response: { 200: pageSchema(sweepHouseholdSchema), 403: errorSchema, 404: errorSchema } },
  }, async (req) => {
    const { page, pageSize, sort: _sort, ...f } = req.query;
    return listSweepHouseholds(db(), requireAuth(req), actorOf(req), req.params.id, f, page, pageSize);
  });

  r.get('/sweeps/:id/households/export.xlsx', { schema: { tags, summary: 'Xuất danh sách hộ của đợt rà soát ra Excel', params: idParam, querystring: householdQuery } }, async (req, reply) => {
    const auth = requireAuth(req);
    await prepareHouseholdExport(db(), auth, actorOf(req), req.params.id, req.query);
    return sendXlsx(reply, `ho-ra-soat-${req.params.id}.xlsx`, 'Hộ rà soát', [
      { header: 'Mã hộ', value: (h) => h.householdId, width: 8 },
      { header: 'Số hộ', value: (h) => h.code ?? '', width: 10 },
      { header: 'Chủ hộ', value: (h) => h.headName ?? h.name ?? '', width: 24 },
      { header: 'Địa chỉ', value: (h) => h.address, width: 30 },
      { header: 'Mã thôn/bản', value: (h) => h.unitCode, width: 12 },
      { header: 'Thôn/bản', value: (h) => h.unitName },
      { header: 'Người được giao', value: (h) => h.memberName ?? 'Chưa giao', width: 22 },
      { header: 'Tình trạng', value: (h) => VISIT_STATE_LABELS[h.state], width: 24 },
      { header: 'Số lượt đến', value: (h) => h.visitCount, width: 10 },
      { header: 'Lần đến gần nhất', value: (h) => (h.lastVisitAt ? formatDateTime(h.lastVisitAt) : ''), width: 18 },
      { header: 'Kết quả lần gần nhất', value: (h) => (h.lastOutcome ? VISIT_OUTCOME_LABELS[h.lastOutcome] : ''), width: 24 },
    ], iterateSweepHouseholds(db(), auth, req.params.id, req.query));
  });

  r.get('/sweeps/:id/households/:householdId', {
    schema: { tags, summary: 'Một hộ của đợt rà soát và những người trong hộ (cho phiếu ghi lượt đến hộ)', params: householdParam, response: { 200: sweepHouseholdDetailSchema, 403: errorSchema, 404: errorSchema } },
  }, async (req) => getSweepHousehold(db(), requireAuth(req), actorOf(req), req.params.id, req.params.householdId));

  r.post('/sweeps/:id/visits', {
    schema: { tags, summary: 'Ghi một lượt đến hộ: người có mặt, vắng mặt, người mới đến (tạo/liên kết hồ sơ, chống trùng), triệu chứng, đã lập theo dõi', params: idParam, body: visitInput, response: { 201: visitSchema, ...errs } },
  }, async (req, reply) => reply.status(201).send(await recordVisit(db(), requireAuth(req), actorOf(req), req.params.id, req.body)));

  r.get('/sweeps/:id/visits', {
    schema: { tags, summary: 'Các lượt đến hộ của đợt rà soát', params: idParam, querystring: visitQuery.extend(pagingQuery), response: { 200: pageSchema(visitSchema), 403: errorSchema, 404: errorSchema } },
  }, async (req) => {
    const { page, pageSize, sort: _sort, ...f } = req.query;
    return listVisits(db(), requireAuth(req), actorOf(req), req.params.id, f, page, pageSize);
  });

  r.get('/sweeps/:id/visits/export.xlsx', { schema: { tags, summary: 'Xuất các lượt đến hộ ra Excel', params: idParam, querystring: visitQuery } }, async (req, reply) => {
    const auth = requireAuth(req);
    requireNames(auth);
    const sweep = await findSweep(db(), auth, req.params.id);
    await recordAudit(db(), actorOf(req), { action: 'export', entity: 'sweep_visit', entityId: sweep.id, unitCode: sweep.unit_code, unitPath: sweep.unit_path, changes: { query: { ...req.query } } });
    const names = (list: { fullName: string }[]) => list.map((p) => p.fullName).join('; ');
    return sendXlsx(reply, `luot-den-ho-${sweep.id}.xlsx`, 'Lượt đến hộ', [
      { header: 'Thời điểm', value: (v) => formatDateTime(v.visitedAt), width: 18 },
      { header: 'Mã hộ', value: (v) => v.householdId, width: 8 },
      { header: 'Số hộ', value: (v) => v.householdCode ?? '', width: 10 },
      { header: 'Chủ hộ', value: (v) => v.headName ?? '', width: 24 },
      { header: 'Mã thôn/bản', value: (v) => v.unitCode, width: 12 },
      { header: 'Người đến hộ', value: (v) => v.visitedByName, width: 22 },
      { header: 'Kết quả', value: (v) => VISIT_OUTCOME_LABELS[v.outcome], width: 24 },
      { header: 'Có mặt', value: (v) => names(v.present), width: 30 },
      { header: 'Vắng mặt', value: (v) => names(v.absent), width: 30 },
      { header: 'Người mới đến', value: (v) => v.arrivals.map((a) => `${a.fullName}${a.originName ? ` (từ ${a.originName})` : ''}`).join('; '), width: 40 },
      { header: 'Triệu chứng', value: (v) => v.symptoms.map((s) => SYMPTOM_LABELS[s as Symptom] ?? s).join(', '), width: 24 },
      { header: 'Đã lập theo dõi', value: (v) => (v.followUpCreated ? 'x' : ''), width: 10 },
      { header: 'Ghi chú', value: (v) => v.note ?? '', width: 30 },
    ], iterateVisits(db(), auth, sweep.id, req.query));
  });

  r.get('/sweeps/:id/cross-check', {
    schema: { tags, summary: 'Đối chiếu với công an: người khai báo đến so với người phát hiện khi rà soát (mặc định từ 14 ngày trước đợt đến hết đợt)', params: idParam, querystring: crossCheckQuery, response: { 200: crossCheckSchema, 400: errorSchema, 403: errorSchema, 404: errorSchema } },
  }, async (req) => crossCheck(db(), requireAuth(req), actorOf(req), req.params.id, req.query));

  r.get('/sweeps/:id/cross-check/export.xlsx', { schema: { tags, summary: 'Xuất kết quả đối chiếu ra Excel', params: idParam, querystring: crossCheckQuery } }, async (req, reply) => {
    const result = await crossCheck(db(), requireAuth(req), actorOf(req), req.params.id, req.query);
    const label = (e: CrossCheckEntry) => (e.source === 'declared' ? 'Có khai báo, chưa phát hiện khi rà soát' : 'Phát hiện khi rà soát, chưa khai báo');
    return sendXlsx(reply, `doi-chieu-${result.sweepId}.xlsx`, 'Đối chiếu', [
      { header: 'Kết quả', value: label, width: 38 },
      { header: 'Mã hồ sơ', value: (e) => e.personId ?? '', width: 10 },
      { header: 'Họ và tên', value: (e) => e.fullName, width: 26 },
      { header: 'Năm sinh', value: (e) => e.birthYear ?? '', width: 10 },
      { header: 'Số CCCD/CMND', value: (e) => e.idNumber ?? '', width: 16 },
      { header: 'Mã thôn/xã', value: (e) => e.unitCode, width: 12 },
      { header: 'Nơi đến', value: (e) => e.unitName },
      { header: 'Ngày đến', value: (e) => (e.arrivalDate ? formatDate(e.arrivalDate) : ''), width: 12 },
      { header: 'Nơi đi', value: (e) => e.origin ?? '', width: 36 },
    ], [...result.onlyDeclared, ...result.onlyFound]);
  });
}
