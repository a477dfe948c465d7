import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ALERT_ACTION_LABELS, CARE_PLACE_LABELS, WARNING_SIGN_LABELS, formatDateTime, type CarePlace } from '@pcd/core';
import { actorOf, requireAuth } from '../auth/context.js';
import { recordAudit } from '../audit/audit.js';
import { errorSchema, pageSchema, pagingQuery } from '../lib/paging.js';
import { sendXlsx } from '../lib/spreadsheet.js';
import { requirePersonal } from '../people/service.js';
import { resolveWithin } from '../cases/service.js';
import { acknowledgeInput, alertSchema, checkinInput, checkinSchema, confirmationSchema, releaseInput } from './model.js';
import { acknowledgeAlert, iterateAlerts, listAlerts, listCheckins, recordCheckin } from './checkins.js';
import { homeCareSummary, homeCareSummarySchema, iterateOverdue, listOverdue, overdueSchema } from './overdue.js';
import { confirmationHtml, releaseConfirmation, releaseFromHomeCare } from './release.js';
import { createTeam, getTeam, iterateTeams, listTeams, teamInput, teamPatch, teamSchema, updateTeam } from './teams.js';

const caseParam = z.object({ caseId: z.coerce.number().int().min(1) });
const idParam = z.object({ id: z.coerce.number().int().min(1) });
const unitQuery = z.object({ unit: z.string().max(32).optional() });
const alertQuery = unitQuery.extend({
  open: z.enum(['true', 'false']).optional().transform((v) => (v === undefined ? undefined : v === 'true')),
  caseId: z.coerce.number().int().min(1).optional(),
});
const errs = { 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

export async function careRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['F0 — chăm sóc tại nhà'];
  const db = () => app.deps.db;

  r.post('/care/:caseId/checkins', {
    schema: {
      tags, summary: 'Ghi một lần theo dõi sức khỏe F0 tại nhà; dấu hiệu cảnh báo mở cảnh báo (trả về trong alerts)',
      params: caseParam, body: checkinInput, response: { 201: z.object({ checkin: checkinSchema, alerts: z.array(alertSchema) }), ...errs },
    },
  }, async (req, reply) => reply.status(201).send(await recordCheckin(db(), requireAuth(req), actorOf(req), req.params.caseId, req.body)));

  r.get('/care/:caseId/checkins', {
    schema: { tags, summary: 'Các lần theo dõi của một ca F0 (mới nhất trước)', params: caseParam, querystring: z.object(pagingQuery), response: { 200: pageSchema(checkinSchema), ...errs } },
  }, async (req) => listCheckins(db(), requireAuth(req), actorOf(req), req.params.caseId, req.query.page, req.query.pageSize));

  r.get('/care/overdue', {
    schema: { tags, summary: 'F0 tại nhà bỏ lỡ lần theo dõi (ngày hai lần)', querystring: unitQuery.extend(pagingQuery), response: { 200: pageSchema(overdueSchema), ...errs } },
  }, async (req) => listOverdue(db(), requireAuth(req), actorOf(req), req.query.unit, req.query.page, req.query.pageSize));

  r.get('/care/overdue/export.xlsx', { schema: { tags, summary: 'Xuất danh sách F0 quá hạn theo dõi ra Excel', querystring: unitQuery } }, async (req, reply) => {
    const auth = requireAuth(req);
    requirePersonal(auth, false);
    const within = await resolveWithin(db(), auth, req.query.unit);
    await recordAudit(db(), actorOf(req), { action: 'export', entity: 'care_overdue', unitCode: req.query.unit ?? auth.user.unitCode });
    return sendXlsx(reply, 'f0-qua-han-theo-doi.xlsx', 'Quá hạn theo dõi', [
      { header: 'Mã ca', value: (o) => o.caseId, width: 8 },
      { header: 'Họ và tên', value: (o) => o.fullName, width: 26 },
      { header: 'Điện thoại', value: (o) => o.phone },
      { header: 'Địa chỉ', value: (o) => o.address, width: 30 },
      { header: 'Đơn vị', value: (o) => o.unitName, width: 22 },
      { header: 'Nơi điều trị', value: (o) => CARE_PLACE_LABELS[o.carePlace as CarePlace] ?? o.carePlace, width: 24 },
      { header: 'Lần theo dõi cuối', value: (o) => (o.lastCheckinAt ? formatDateTime(o.lastCheckinAt) : 'Chưa có'), width: 20 },
      { header: 'Quá hạn từ', value: (o) => formatDateTime(o.overdueSince), width: 20 },
      { header: 'Tổ chăm sóc', value: (o) => o.careTeam, width: 24 },
    ], iterateOverdue(db(), auth, within));
  });

  r.post('/care/:caseId/release', {
    schema: {
      tags, summary: 'Kết thúc điều trị tại nhà theo quy định (đủ số ngày, xét nghiệm âm tính); trả về dữ liệu giấy xác nhận',
      params: caseParam, body: releaseInput, response: { 200: confirmationSchema, ...errs },
    },
  }, async (req) => releaseFromHomeCare(db(), requireAuth(req), actorOf(req), req.params.caseId, req.body));

  r.get('/care/:caseId/release-confirmation', {
    schema: { tags, summary: 'Dữ liệu giấy xác nhận hoàn thành điều trị tại nhà', params: caseParam, response: { 200: confirmationSchema, ...errs } },
  }, async (req) => releaseConfirmation(db(), requireAuth(req), actorOf(req), req.params.caseId));

  r.get('/care/:caseId/release-confirmation.html', {
    schema: { tags, summary: 'Giấy xác nhận hoàn thành điều trị tại nhà, trang in (tiếng Việt)', params: caseParam },
  }, async (req, reply) => {
    const d = await releaseConfirmation(db(), requireAuth(req), actorOf(req), req.params.caseId);
    return reply.type('text/html; charset=utf-8').send(confirmationHtml(d));
  });

  r.get('/stats/home-care', {
    schema: { tags, summary: 'Số F0 đang điều trị tại nhà, cảnh báo đang mở, quá hạn theo dõi (chỉ số liệu)', querystring: unitQuery, response: { 200: homeCareSummarySchema, ...errs } },
  }, async (req) => homeCareSummary(db(), requireAuth(req), req.query.unit));

  r.get('/alerts', {
    schema: { tags, summary: 'Cảnh báo dấu hiệu nặng của F0 tại nhà (open=true: chưa xử lý)', querystring: alertQuery.extend(pagingQuery), response: { 200: pageSchema(alertSchema), ...errs } },
  }, async (req) => {
    const { page, pageSize, sort: _s, ...f } = req.query;
    return listAlerts(db(), requireAuth(req), actorOf(req), f, page, pageSize);
  });

  r.get('/alerts/export.xlsx', { schema: { tags, summary: 'Xuất danh sách cảnh báo ra Excel', querystring: alertQuery } }, async (req, reply) => {
    const auth = requireAuth(req);
    requirePersonal(auth, false);
    const within = await resolveWithin(db(), auth, req.query.unit);
    await recordAudit(db(), actorOf(req), { action: 'export', entity: 'care_alert', unitCode: req.query.unit ?? auth.user.unitCode, changes: { query: { ...req.query } } });
    return sendXlsx(reply, 'canh-bao-f0-tai-nha.xlsx', 'Cảnh báo', [
      { header: 'Mã', value: (a) => a.id, width: 8 },
      { header: 'Mở lúc', value: (a) => formatDateTime(a.openedAt), width: 18 },
      { header: 'Họ và tên', value: (a) => a.fullName, width: 26 },
      { header: 'Điện thoại', value: (a) => a.phone },
      { header: 'Đơn vị', value: (a) => a.unitName, width: 22 },
      { header: 'Dấu hiệu', value: (a) => a.signs.map((s) => WARNING_SIGN_LABELS[s]).join('; '), width: 36 },
      { header: 'SpO2', value: (a) => a.spo2, width: 8 },
      { header: 'Nhịp thở', value: (a) => a.respiratoryRate, width: 8 },
      { header: 'Xử lý', value: (a) => (a.action ? ALERT_ACTION_LABELS[a.action] : 'Chưa xử lý'), width: 20 },
      { header: 'Người xử lý', value: (a) => a.acknowledgedBy, width: 22 },
      { header: 'Ghi chú', value: (a) => a.note, width: 30 },
    ], iterateAlerts(db(), auth, { within, open: req.query.open }));
  });

  r.post('/alerts/:id/acknowledge', {
    schema: { tags, summary: 'Xác nhận đã xử lý cảnh báo (chuyển viện, đến khám, khác)', params: idParam, body: acknowledgeInput, response: { 200: alertSchema, ...errs } },
  }, async (req) => acknowledgeAlert(db(), requireAuth(req), actorOf(req), req.params.id, req.body));

  const teamTags = ['F0 — tổ chăm sóc cộng đồng'];
  r.post('/care-teams', {
    schema: { tags: teamTags, summary: 'Thành lập tổ chăm sóc người nhiễm COVID-19 cộng đồng (tổ trưởng là nhân viên y tế)', body: teamInput, response: { 201: teamSchema, ...errs } },
  }, async (req, reply) => reply.status(201).send(await createTeam(db(), requireAuth(req), actorOf(req), req.body)));

  r.get('/care-teams', {
    schema: { tags: teamTags, summary: 'Danh sách tổ chăm sóc', querystring: unitQuery.extend(pagingQuery), response: { 200: pageSchema(teamSchema), ...errs } },
  }, async (req) => listTeams(db(), requireAuth(req), { unit: req.query.unit }, req.query.page, req.query.pageSize));

  r.get('/care-teams/export.xlsx', { schema: { tags: teamTags, summary: 'Xuất danh sách tổ chăm sóc ra Excel', querystring: unitQuery } }, async (req, reply) => {
    const auth = requireAuth(req);
    requirePersonal(auth, false);
    const within = await resolveWithin(db(), auth, req.query.unit);
    await recordAudit(db(), actorOf(req), { action: 'export', entity: 'care_team', unitCode: req.query.unit ?? auth.user.unitCode });
    return sendXlsx(reply, 'to-cham-soc-f0.xlsx', 'Tổ chăm sóc', [
      { header: 'Mã', value: (t) => t.id, width: 8 },
      { header: 'Tên tổ', value: (t) => t.name, width: 30 },
      { header: 'Đơn vị', value: (t) => t.unitName, width: 22 },
      { header: 'Tổ trưởng (nhân viên y tế)', value: (t) => t.leaderName, width: 26 },
      { header: 'Điện thoại', value: (t) => t.phone },
      { header: 'Thành viên', value: (t) => t.members.map((m) => m.fullName).join('; '), width: 40 },
      { header: 'Số F0 được giao', value: (t) => t.caseIds.length, width: 12 },
    ], iterateTeams(db(), auth, within));
  });

  r.get('/care-teams/:id', {
    schema: { tags: teamTags, summary: 'Chi tiết tổ chăm sóc', params: idParam, response: { 200: teamSchema, ...errs } },
  }, async (req) => getTeam(db(), requireAuth(req), actorOf(req), req.params.id));

  r.patch('/care-teams/:id', {
    schema: { tags: teamTags, summary: 'Sửa tổ chăm sóc: tổ trưởng, thành viên, F0 được giao (caseIds thay cả danh sách)', params: idParam, body: teamPatch, response: { 200: teamSchema, ...errs } },
  }, async (req) => updateTeam(db(), requireAuth(req), actorOf(req), req.params.id, req.body));
}
