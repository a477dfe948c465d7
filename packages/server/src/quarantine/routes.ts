import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AREA_KIND_LABELS, EPISODE_STATUSES, EPISODE_STATUS_LABELS, FACILITY_STATUSES, FACILITY_STATUS_LABELS, QUARANTINE_KINDS, QUARANTINE_KIND_LABELS,
  QUARANTINE_REASONS, QUARANTINE_REASON_LABELS, daysBetween, formatDate, vnDate,
} from '@pcd/core';
import { actorOf, requireAuth } from '../auth/context.js';
import { recordAudit } from '../audit/audit.js';
import { errorSchema, pageSchema, pagingQuery } from '../lib/paging.js';
import { sendXlsx } from '../lib/spreadsheet.js';
import { requirePersonal } from '../people/service.js';
import { resolveWithin } from '../cases/service.js';
import { episodeInput, episodePatch, episodeSchema, facilityInput, facilityPatch, facilitySchema, occupancySchema, releaseEpisodeInput, type EpisodeDto } from './model.js';
import { createFacility, facilityOccupancy, iterateFacilities, listFacilities, toFacilityDto, updateFacility, visibleFacilityOr404 } from './facilities.js';
import { createEpisode, getEpisode, iterateEpisodes, listEpisodes, releaseEpisode, updateEpisode } from './episodes.js';
import { isoDate } from '../lib/iso-date.js';

const idParam = z.object({ id: z.coerce.number().int().min(1) });
const facilityQuery = z.object({ unit: z.string().max(32).optional(), status: z.enum(FACILITY_STATUSES).optional() });
const episodeQuery = z.object({
  unit: z.string().max(32).optional(),
  status: z.enum(EPISODE_STATUSES).optional(),
  kind: z.enum(QUARANTINE_KINDS).optional(),
  reason: z.enum(QUARANTINE_REASONS).optional(),
  facilityId: z.coerce.number().int().min(1).optional(),
  due: z.enum(['test_today', 'release_due', 'overdue']).optional(),
});
const errs = { 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

const episodeColumns = [
  { header: 'Mã', value: (e: EpisodeDto) => e.id, width: 8 },
  { header: 'Họ và tên', value: (e: EpisodeDto) => e.fullName, width: 26 },
  { header: 'Năm sinh', value: (e: EpisodeDto) => e.birthYear, width: 10 },
  { header: 'Điện thoại', value: (e: EpisodeDto) => e.phone },
  { header: 'Đơn vị', value: (e: EpisodeDto) => e.unitName, width: 22 },
  { header: 'Hình thức', value: (e: EpisodeDto) => QUARANTINE_KIND_LABELS[e.kind] },
  { header: 'Khu cách ly', value: (e: EpisodeDto) => (e.facilityName ? `${e.facilityName} — ${e.areaName ?? ''}` : ''), width: 30 },
  { header: 'Đối tượng', value: (e: EpisodeDto) => QUARANTINE_REASON_LABELS[e.reason], width: 20 },
  { header: 'Từ ngày', value: (e: EpisodeDto) => formatDate(e.startDate), width: 12 },
  { header: 'Dự kiến kết thúc', value: (e: EpisodeDto) => formatDate(e.plannedEnd), width: 14 },
  { header: 'Ngày xét nghiệm', value: (e: EpisodeDto) => e.testDates.map(formatDate).join(', '), width: 26 },
  { header: 'Trạng thái', value: (e: EpisodeDto) => EPISODE_STATUS_LABELS[e.status], width: 16 },
  { header: 'Hỗ trợ tiền ăn', value: (e: EpisodeDto) => (e.mealSupport ? 'Có' : ''), width: 12 },
];

export async function quarantineRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Cách ly'];
  const db = () => app.deps.db;

  r.post('/quarantine/facilities', {
    schema: { tags, summary: 'Thêm khu cách ly tập trung với các khu F1, F2, người về riêng biệt', body: facilityInput, response: { 201: facilitySchema, ...errs } },
  }, async (req, reply) => reply.status(201).send(await createFacility(db(), requireAuth(req), actorOf(req), req.body)));

  r.get('/quarantine/facilities', {
    schema: { tags, summary: 'Danh sách khu cách ly tập trung, số người đang cách ly và cảnh báo quá tải', querystring: facilityQuery.extend(pagingQuery), response: { 200: pageSchema(facilitySchema), ...errs } },
  }, async (req) => listFacilities(db(), requireAuth(req), req.query, req.query.page, req.query.pageSize));

  r.get('/quarantine/facilities/export.xlsx', { schema: { tags, summary: 'Xuất danh sách khu cách ly ra Excel', querystring: facilityQuery } }, async (req, reply) => {
    const auth = requireAuth(req);
    const within = await resolveWithin(db(), auth, req.query.unit);
    return sendXlsx(reply, 'khu-cach-ly.xlsx', 'Khu cách ly', [
      { header: 'Mã', value: (f) => f.id, width: 8 },
      { header: 'Tên khu cách ly', value: (f) => f.name, width: 30 },
      { header: 'Đơn vị', value: (f) => f.unitName, width: 22 },
      { header: 'Địa chỉ', value: (f) => f.address, width: 30 },
      { header: 'Đơn vị vận hành', value: (f) => f.operator, width: 22 },
      { header: 'Trạng thái', value: (f) => FACILITY_STATUS_LABELS[f.status] },
      { header: 'Số phòng', value: (f) => f.rooms, width: 10 },
      { header: 'Số giường', value: (f) => f.beds, width: 10 },
      { header: 'Đang cách ly', value: (f) => f.occupied, width: 12 },
      { header: 'Tỷ lệ sử dụng (%)', value: (f) => f.load.ratioPct, width: 12 },
      { header: 'Cảnh báo', value: (f) => f.warning, width: 40 },
    ], iterateFacilities(db(), auth, { within, status: req.query.status }));
  });

  r.get('/quarantine/facilities/:id', {
    schema: { tags, summary: 'Chi tiết khu cách ly', params: idParam, response: { 200: facilitySchema, ...errs } },
  }, async (req) => toFacilityDto(db(), await visibleFacilityOr404(db(), requireAuth(req).scope, req.params.id)));

  r.patch('/quarantine/facilities/:id', {
    schema: { tags, summary: 'Sửa khu cách ly (areas thay cả danh sách khu)', params: idParam, body: facilityPatch, response: { 200: facilitySchema, ...errs } },
  }, async (req) => updateFacility(db(), requireAuth(req), actorOf(req), req.params.id, req.body));

  r.get('/quarantine/facilities/:id/occupancy', {
    schema: { tags, summary: 'Số người cách ly theo ngày và theo khu, với ngưỡng quá tải', params: idParam, querystring: z.object({ from: isoDate.optional(), to: isoDate.optional() }), response: { 200: occupancySchema, ...errs } },
  }, async (req) => facilityOccupancy(db(), requireAuth(req), req.params.id, req.query.from, req.query.to));

  r.get('/quarantine/facilities/:id/meal-roster.xlsx', {
    schema: { tags, summary: 'Danh sách người cách ly khó khăn cần hỗ trợ tiền ăn (gửi Ủy ban MTTQ)', params: idParam },
  }, async (req, reply) => {
    const auth = requireAuth(req);
    requirePersonal(auth, false);
    const f = await visibleFacilityOr404(db(), auth.scope, req.params.id);
    await recordAudit(db(), actorOf(req), { action: 'export', entity: 'meal_roster', entityId: f.id, unitCode: f.unit_code, unitPath: f.unit_path });
    const today = vnDate();
    return sendXlsx(reply, `ho-tro-tien-an-${f.id}.xlsx`, 'Hỗ trợ tiền ăn', [
      { header: 'Họ và tên', value: (e) => e.fullName, width: 26 },
      { header: 'Năm sinh', value: (e) => e.birthYear, width: 10 },
      { header: 'Địa chỉ', value: (e) => [e.address, e.unitName].filter(Boolean).join(', '), width: 36 },
      { header: 'Điện thoại', value: (e) => e.phone },
      { header: 'Khu', value: (e) => (e.areaKind ? AREA_KIND_LABELS[e.areaKind] : ''), width: 16 },
      { header: 'Ngày vào', value: (e) => formatDate(e.startDate), width: 12 },
      { header: 'Dự kiến ra', value: (e) => formatDate(e.plannedEnd), width: 12 },
      { header: 'Số ngày đến hôm nay', value: (e) => Math.max(0, daysBetween(e.startDate, today) + 1), width: 12 },
      { header: 'Hoàn cảnh, ghi chú', value: (e) => e.mealNote, width: 40 },
    ], iterateEpisodes(db(), auth, { facilityId: f.id, status: 'active', mealSupport: true }));
  });

  r.post('/quarantine/episodes', {
    schema: { tags, summary: 'Đưa một người vào cách ly (tại nhà hoặc tập trung); ngày kết thúc và ngày xét nghiệm theo quy định', body: episodeInput, response: { 201: episodeSchema, ...errs } },
  }, async (req, reply) => reply.status(201).send(await createEpisode(db(), requireAuth(req), actorOf(req), req.body)));

  r.get('/quarantine/episodes', {
    schema: { tags, summary: 'Danh sách cách ly (due=test_today | release_due | overdue)', querystring: episodeQuery.extend(pagingQuery), response: { 200: pageSchema(episodeSchema), ...errs } },
  }, async (req) => {
    const { page, pageSize, sort: _s, ...f } = req.query;
    return listEpisodes(db(), requireAuth(req), actorOf(req), f, page, pageSize);
  });

  r.get('/quarantine/episodes/export.xlsx', { schema: { tags, summary: 'Xuất danh sách cách ly (theo bộ lọc) ra Excel', querystring: episodeQuery } }, async (req, reply) => {
    const auth = requireAuth(req);
    requirePersonal(auth, false);
    const { unit, ...f } = req.query;
    const within = await resolveWithin(db(), auth, unit);
    await recordAudit(db(), actorOf(req), { action: 'export', entity: 'quarantine_episode', unitCode: unit ?? auth.user.unitCode, changes: { query: { ...req.query } } });
    return sendXlsx(reply, 'cach-ly.xlsx', 'Cách ly', episodeColumns, iterateEpisodes(db(), auth, { ...f, within }));
  });

  r.get('/quarantine/episodes/:id', {
    schema: { tags, summary: 'Chi tiết một đợt cách ly', params: idParam, response: { 200: episodeSchema, ...errs } },
  }, async (req) => getEpisode(db(), requireAuth(req), actorOf(req), req.params.id));

  r.patch('/quarantine/episodes/:id', {
    schema: { tags, summary: 'Sửa hỗ trợ tiền ăn, ghi chú, hoặc hủy đợt cách ly', params: idParam, body: episodePatch, response: { 200: episodeSchema, ...errs } },
  }, async (req) => updateEpisode(db(), requireAuth(req), actorOf(req), req.params.id, req.body));

  r.post('/quarantine/episodes/:id/release', {
    schema: { tags, summary: 'Hoàn thành cách ly (từ ngày kết thúc theo quy định)', params: idParam, body: releaseEpisodeInput, response: { 200: episodeSchema, ...errs } },
  }, async (req) => releaseEpisode(db(), requireAuth(req), actorOf(req), req.params.id, req.body));
}
