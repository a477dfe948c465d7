import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CARE_PLACES, CARE_PLACE_LABELS, CASE_STATUSES, CASE_STATUS_LABELS, DEATH_PLACE_LABELS, DETECTION_SETTINGS, DETECTION_SETTING_LABELS,
  SEVERITIES, SEVERITY_LABELS, TEST_TYPE_LABELS, formatDate,
} from '@pcd/core';
import { actorOf, requireAuth } from '../auth/context.js';
import { recordAudit } from '../audit/audit.js';
import { errorSchema, pageSchema, pagingQuery } from '../lib/paging.js';
import { sendXlsx } from '../lib/spreadsheet.js';
import { requirePersonal } from '../people/service.js';
import { contactSchema } from '../contacts/model.js';
import { carePlaceSchema, careTransferInput, caseInput, casePatch, caseSchema, type CaseDto } from './model.js';
import { createCase, getCase, iterateCases, listCases, resolveWithin } from './service.js';
import { transferCare, updateCase } from './update.js';
import { caseStats, caseStatsSchema, statsRows } from './stats.js';
import { isoDate } from '../lib/iso-date.js';

const idParam = z.object({ id: z.coerce.number().int().min(1) });
const caseQuery = z.object({
  unit: z.string().max(32).optional(),
  status: z.enum(CASE_STATUSES).optional(),
  severity: z.enum(SEVERITIES).optional(),
  detectedIn: z.enum(DETECTION_SETTINGS).optional(),
  carePlace: z.enum(CARE_PLACES).optional(),
  clusterId: z.coerce.number().int().min(1).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  q: z.string().max(100).optional(),
});
const statsQuery = z.object({ unit: z.string().max(32).optional(), from: isoDate.optional(), to: isoDate.optional() });
const caseDetail = caseSchema.extend({ carePlaces: z.array(carePlaceSchema), contacts: z.array(contactSchema) });

const outcomeText = (c: CaseDto) => {
  if (c.status === 'recovered') return `${formatDate(c.dischargeDate!)}${c.dischargeTestType ? `, ${TEST_TYPE_LABELS[c.dischargeTestType]}` : ''}`;
  if (c.status === 'died') return `${formatDate(c.deathDate!)}, ${c.deathPlace ? DEATH_PLACE_LABELS[c.deathPlace] : ''}${c.deathCause ? `: ${c.deathCause}` : ''}`;
  if (c.status === 'transferred_out') return `${formatDate(c.transferDate!)} → ${c.transferTo ?? ''}`;
  return '';
};

export async function casesRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['F0 — ca bệnh'];
  const db = () => app.deps.db;

  r.post('/cases', {
    schema: {
      tags, summary: 'Ghi nhận ca F0 từ kết quả xét nghiệm dương tính (một người chỉ có một ca đang điều trị)',
      body: caseInput, response: { 201: caseSchema, 400: errorSchema, 403: errorSchema, 409: errorSchema },
    },
  }, async (req, reply) => reply.status(201).send(await createCase(db(), requireAuth(req), actorOf(req), req.body)));

  r.get('/cases', {
    schema: { tags, summary: 'Danh sách ca F0 (lọc theo đơn vị, trạng thái, mức độ, nơi phát hiện, ngày xét nghiệm); việc xem được ghi nhật ký', querystring: caseQuery.extend(pagingQuery), response: { 200: pageSchema(caseSchema), 403: errorSchema, 404: errorSchema } },
  }, async (req) => {
    const { page, pageSize, ...f } = req.query;
    return listCases(db(), requireAuth(req), actorOf(req), f, page, pageSize);
  });

  r.get('/cases/export.xlsx', { schema: { tags, summary: 'Xuất danh sách ca F0 (theo bộ lọc) ra Excel', querystring: caseQuery } }, async (req, reply) => {
    const auth = requireAuth(req);
    requirePersonal(auth, false);
    const filter = { ...req.query, within: await resolveWithin(db(), auth, req.query.unit) };
    await recordAudit(db(), actorOf(req), { action: 'export', entity: 'case', unitCode: req.query.unit ?? auth.user.unitCode, changes: { query: { ...req.query } } });
    return sendXlsx(reply, 'ca-benh-f0.xlsx', 'Ca F0', [
      { header: 'Mã', value: (c) => c.id, width: 8 },
      { header: 'Họ và tên', value: (c) => c.person.fullName, width: 26 },
      { header: 'Năm sinh', value: (c) => c.person.birthYear ?? '', width: 10 },
      { header: 'Số CCCD/CMND', value: (c) => c.person.idNumber ?? '', width: 16 },
      { header: 'Điện thoại', value: (c) => c.person.phone ?? '', width: 13 },
      { header: 'Nơi quản lý', value: (c) => c.unitName, width: 20 },
      { header: 'Xét nghiệm', value: (c) => `${TEST_TYPE_LABELS[c.testType]} ${formatDate(c.testDate)}${c.lab ? ` (${c.lab})` : ''}`, width: 28 },
      { header: 'Phát hiện', value: (c) => DETECTION_SETTING_LABELS[c.detectedIn], width: 18 },
      { header: 'Khởi phát', value: (c) => (c.onsetDate ? formatDate(c.onsetDate) : ''), width: 12 },
      { header: 'Mức độ', value: (c) => SEVERITY_LABELS[c.severity], width: 14 },
      { header: 'Nơi điều trị', value: (c) => `${CARE_PLACE_LABELS[c.carePlace]}${c.careFacility ? `: ${c.careFacility}` : ''}`, width: 30 },
      { header: 'Đủ điều kiện điều trị tại nhà', value: (c) => (c.homeTreatment.eligible ? 'x' : ''), width: 12 },
      { header: 'Bệnh nền', value: (c) => c.comorbidities.join(', '), width: 20 },
      { header: 'Số mũi vắc xin', value: (c) => c.vaccinationDoses ?? '', width: 10 },
      { header: 'Nguồn số mũi', value: (c) => (c.vaccinationSource === 'records' ? 'Dữ liệu tiêm chủng' : c.vaccinationSource === 'declared' ? 'Khai báo' : ''), width: 16 },
      { header: 'Ổ dịch', value: (c) => c.clusterName ?? '', width: 20 },
      { header: 'Trạng thái', value: (c) => CASE_STATUS_LABELS[c.status], width: 16 },
      { header: 'Kết thúc', value: outcomeText, width: 30 },
    ], iterateCases(db(), auth, filter));
  });

  r.get('/cases/:id', {
    schema: { tags, summary: 'Một ca F0 với lịch sử nơi điều trị, điều kiện điều trị tại nhà và người tiếp xúc', params: idParam, response: { 200: caseDetail, 403: errorSchema, 404: errorSchema } },
  }, async (req) => getCase(db(), requireAuth(req), actorOf(req), req.params.id));

  r.patch('/cases/:id', {
    schema: {
      tags, summary: 'Sửa ca bệnh, ghi kết thúc (status: recovered | died | transferred_out với ngày và chi tiết); cần version',
      params: idParam, body: casePatch, response: { 200: caseSchema, 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema },
    },
  }, async (req) => updateCase(db(), requireAuth(req), actorOf(req), req.params.id, req.body));

  r.post('/cases/:id/care-places', {
    schema: {
      tags, summary: 'Chuyển nơi điều trị (có lý do; kèm mức độ mới khi chuyển nặng); cần version',
      params: idParam, body: careTransferInput, response: { 201: caseSchema.extend({ carePlaces: z.array(carePlaceSchema) }), 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema },
    },
  }, async (req, reply) => reply.status(201).send(await transferCare(db(), requireAuth(req), actorOf(req), req.params.id, req.body)));

  r.get('/stats/cases', {
    schema: {
      tags, summary: 'Số liệu F0 theo ngày của một đơn vị và các đơn vị trực thuộc: mới (cộng đồng, cách ly, phong tỏa), đang điều trị theo nơi, nặng/nguy kịch, tử vong, khỏi bệnh',
      querystring: statsQuery, response: { 200: caseStatsSchema, 400: errorSchema, 404: errorSchema },
    },
  }, async (req) => caseStats(db(), requireAuth(req), req.query));

  r.get('/stats/cases/export.xlsx', { schema: { tags, summary: 'Xuất số liệu F0 theo ngày ra Excel', querystring: statsQuery } }, async (req, reply) => {
    const s = await caseStats(db(), requireAuth(req), req.query);
    return sendXlsx(reply, `so-lieu-f0-${s.unitCode}.xlsx`, 'Số liệu F0', [
      { header: 'Mã đơn vị', value: (d) => d.unitCode, width: 12 },
      { header: 'Đơn vị', value: (d) => d.unitName, width: 24 },
      { header: 'Ngày', value: (d) => formatDate(d.date), width: 12 },
      { header: 'F0 mới trong cộng đồng', value: (d) => d.newCommunity, width: 12 },
      { header: 'F0 mới trong khu cách ly', value: (d) => d.newQuarantine, width: 12 },
      { header: 'F0 mới trong khu phong tỏa', value: (d) => d.newLockdown, width: 12 },
      { header: 'Tổng F0 mới', value: (d) => d.newTotal, width: 10 },
      { header: 'Đang điều trị', value: (d) => d.active, width: 10 },
      ...CARE_PLACES.map((p) => ({ header: CARE_PLACE_LABELS[p], value: (d: { activeByPlace: Record<string, number> }) => d.activeByPlace[p] ?? 0, width: 14 })),
      { header: 'Nặng, nguy kịch', value: (d) => d.severeCritical, width: 10 },
      { header: 'Tử vong', value: (d) => d.deaths, width: 9 },
      { header: 'Khỏi bệnh', value: (d) => d.recoveries, width: 9 },
      { header: 'Chuyển đi', value: (d) => d.transfersOut, width: 9 },
    ], statsRows(s));
  });
}
