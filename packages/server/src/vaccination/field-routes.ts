import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ALLOCATION_STATUS_LABELS, COVERAGE_MEASURE_LABELS, NOT_VACCINATED_REASON_LABELS, VACCINATION_GROUP_LABELS, STOCK_MOVEMENT_KIND_LABELS, formatDate } from '@pcd/core';
import { actorOf, requireAuth } from '../auth/context.js';
import { recordAudit } from '../audit/audit.js';
import { errorSchema, pageSchema, pagingQuery } from '../lib/paging.js';
import { sendXlsx } from '../lib/spreadsheet.js';
import { requirePersonal } from '../people/service.js';
import { resolveWithin } from '../cases/service.js';
import {
  allocationInput, allocationQuery, allocationSchema, decisionInput, followupInput, justificationQuery, justificationSchema, movementInput, movementQuery,
  movementSchema, responsibleSchema, sessionInput, sessionPatch, sessionQuery, sessionSchema, stockSchema, teamInput, teamPatch, teamSchema,
  unvaccinatedQuery, unvaccinatedSchema,
} from './field-model.js';
import { iterateUnvaccinated, listResponsible, listUnvaccinated, setFollowup } from './followups.js';
import { getStock, listMovements, recordMovement } from './stock.js';
import { createSession, createTeam, deleteSession, getSession, getTeam, listSessions, listTeams, updateSession, updateTeam } from './mobile-teams.js';
import { confirmDelivery, createRequest, decideRequest, getRequest, listRequests, previewJustification } from './allocations.js';

const idParam = z.object({ id: z.coerce.number().int().min(1) });

/** Every page of a list, one page in memory at a time, for an export. */
async function* allPages<T>(read: (page: number, pageSize: number) => Promise<{ items: T[]; total: number }>): AsyncGenerator<T> {
  const size = 500;
  for (let page = 1; ; page++) {
    const { items, total } = await read(page, size);
    yield* items;
    if (items.length < size || page * size >= total) return;
  }
}
const versionBody = z.object({ version: z.number().int().min(1) });
const errs = { 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

/** Unvaccinated follow-up lists, mobile teams and sessions, vaccine stock and allocation requests. */
export async function vaccinationFieldRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.db;
  const tags = ['Tiêm chủng: vận động, đội lưu động, kho vắc xin'];

  r.get('/vaccination/unvaccinated', {
    schema: {
      tags, summary: 'Danh sách người chưa tiêm theo nhóm đối tượng và mũi (tuổi tính đến hôm nay), kèm lý do và người phụ trách',
      querystring: unvaccinatedQuery.extend(pagingQuery), response: { 200: pageSchema(unvaccinatedSchema), ...errs },
    },
  }, async (req) => listUnvaccinated(db(), requireAuth(req), actorOf(req), req.query, req.query.page, req.query.pageSize));

  r.get('/vaccination/unvaccinated/export.xlsx', {
    schema: { tags, summary: 'Xuất danh sách người chưa tiêm ra Excel để vận động từng nhà', querystring: unvaccinatedQuery },
  }, async (req, reply) => {
    const auth = requireAuth(req);
    requirePersonal(auth, false);
    const within = await resolveWithin(db(), auth, req.query.unit);
    await recordAudit(db(), actorOf(req), { action: 'export', entity: 'unvaccinated_list', unitCode: req.query.unit ?? auth.user.unitCode, changes: { query: { ...req.query } } });
    const name = `chua-tiem-${req.query.group.replace('+', '-tro-len')}-${req.query.measure}${req.query.unit ? `-${req.query.unit}` : ''}.xlsx`;
    return sendXlsx(reply, name, 'Người chưa tiêm', [
      { header: 'Họ và tên', value: (p) => p.fullName, width: 26 },
      { header: 'Năm sinh', value: (p) => p.birthYear ?? (p.dateOfBirth ? Number(p.dateOfBirth.slice(0, 4)) : null), width: 10 },
      { header: 'Ngày sinh', value: (p) => (p.dateOfBirth ? formatDate(p.dateOfBirth) : ''), width: 12 },
      { header: 'Thôn/bản', value: (p) => p.unitName, width: 20 },
      { header: 'Địa chỉ', value: (p) => p.address, width: 28 },
      { header: 'Điện thoại', value: (p) => p.phone, width: 14 },
      { header: 'Hộ gia đình', value: (p) => p.household, width: 24 },
      { header: 'Số mũi đã tiêm', value: (p) => p.doses, width: 10 },
      { header: 'Lý do chưa tiêm', value: (p) => (p.reason ? NOT_VACCINATED_REASON_LABELS[p.reason] : ''), width: 18 },
      { header: 'Người phụ trách', value: (p) => p.responsibleName, width: 22 },
      { header: 'Ghi chú', value: (p) => p.note, width: 28 },
      { header: 'Nhóm đối tượng', value: () => VACCINATION_GROUP_LABELS[req.query.group], width: 20 },
      { header: 'Mũi còn thiếu', value: () => COVERAGE_MEASURE_LABELS[req.query.measure], width: 16 },
    ], iterateUnvaccinated(db(), auth, { ...req.query, within }));
  });

  r.get('/vaccination/unvaccinated/responsible', {
    schema: {
      tags, summary: 'Những người có thể phụ trách vận động: thành viên Tổ COVID cộng đồng và cán bộ của xã',
      querystring: z.object({ unit: z.string().max(32).optional() }), response: { 200: responsibleSchema, ...errs },
    },
  }, async (req) => listResponsible(db(), requireAuth(req), req.query.unit));

  r.put('/vaccination/unvaccinated/:personId', {
    schema: {
      tags, summary: 'Ghi lý do chưa tiêm, người phụ trách và ghi chú cho một người (gửi version khi đã có bản ghi)',
      params: z.object({ personId: z.coerce.number().int().min(1) }), body: followupInput, response: { 200: unvaccinatedSchema, ...errs },
    },
  }, async (req) => setFollowup(db(), requireAuth(req), actorOf(req), req.params.personId, req.body));

  // ---- Stock ----
  r.get('/vaccination/stock', {
    schema: {
      tags, summary: 'Tồn kho vắc xin của một đơn vị theo loại: đã nhận, đã cấp, đã tiêm, hủy/hao hụt, được trả lại, tồn',
      querystring: z.object({ unit: z.string().max(32).optional() }), response: { 200: stockSchema, ...errs },
    },
  }, async (req) => getStock(db(), requireAuth(req), req.query.unit));

  r.get('/vaccination/stock/export.xlsx', {
    schema: { tags, summary: 'Xuất bảng tồn kho vắc xin ra Excel', querystring: z.object({ unit: z.string().max(32).optional() }) },
  }, async (req, reply) => {
    const s = await getStock(db(), requireAuth(req), req.query.unit);
    return sendXlsx(reply, `kho-vac-xin-${s.unitCode}.xlsx`, 'Kho vắc xin', [
      { header: 'Vắc xin', value: (l) => l.productName, width: 28 },
      { header: 'Đã nhận', value: (l) => l.received, width: 12 },
      { header: 'Đã cấp cho đơn vị khác', value: (l) => l.allocated, width: 14 },
      { header: 'Đã tiêm', value: (l) => l.used, width: 12 },
      { header: 'Hủy, hao hụt', value: (l) => l.wasted, width: 12 },
      { header: 'Được trả lại', value: (l) => l.returned, width: 12 },
      { header: 'Tồn kho', value: (l) => l.balance, width: 12 },
      { header: 'Mũi đã ghi nhận cho người dân', value: (l) => l.recordedDoses, width: 16 },
    ], [...s.lines, { productCode: '', productName: `Tổng ${s.unitName}`, ...s.totals }]);
  });

  r.get('/vaccination/stock/movements', {
    schema: { tags, summary: 'Nhật ký xuất, nhập kho vắc xin của một đơn vị', querystring: movementQuery.extend(pagingQuery), response: { 200: pageSchema(movementSchema), ...errs } },
  }, async (req) => listMovements(db(), requireAuth(req), req.query, req.query.page, req.query.pageSize));

  r.get('/vaccination/stock/movements/export.xlsx', { schema: { tags, summary: 'Xuất nhật ký xuất, nhập kho vắc xin ra Excel', querystring: movementQuery } }, async (req, reply) => {
    const auth = requireAuth(req);
    await listMovements(db(), auth, req.query, 1, 1);
    return sendXlsx(reply, 'xuat-nhap-kho-vac-xin.xlsx', 'Xuất nhập kho', [
      { header: 'Ngày', value: (m) => formatDate(m.date), width: 12 },
      { header: 'Đơn vị', value: (m) => m.unitName, width: 22 },
      { header: 'Vắc xin', value: (m) => m.productName, width: 26 },
      { header: 'Loại', value: (m) => STOCK_MOVEMENT_KIND_LABELS[m.kind], width: 20 },
      { header: 'Số liều', value: (m) => m.quantity, width: 10 },
      { header: 'Đơn vị giao/nhận', value: (m) => m.counterpartUnitName, width: 22 },
      { header: 'Nơi giao/nhận khác', value: (m) => m.counterpart, width: 22 },
      { header: 'Số lô', value: (m) => m.lot, width: 12 },
      { header: 'Ghi chú', value: (m) => m.note, width: 28 },
    ], allPages((page, size) => listMovements(db(), auth, req.query, page, size)));
  });

  r.post('/vaccination/stock/movements', {
    schema: {
      tags, summary: `Ghi xuất, nhập kho vắc xin (${Object.values(STOCK_MOVEMENT_KIND_LABELS).join(', ')}); tồn kho không được âm`,
      body: movementInput, response: { 201: movementSchema, ...errs },
    },
  }, async (req, reply) => reply.status(201).send(await recordMovement(db(), requireAuth(req), actorOf(req), req.body)));

  // ---- Mobile teams and sessions ----
  r.get('/vaccination/mobile-teams', {
    schema: {
      tags, summary: 'Danh sách đội tiêm lưu động', querystring: z.object({ unit: z.string().max(32).optional(), active: z.enum(['true', 'false']).optional() }).extend(pagingQuery),
      response: { 200: pageSchema(teamSchema), ...errs },
    },
  }, async (req) => listTeams(db(), requireAuth(req), { unit: req.query.unit, active: req.query.active === undefined ? undefined : req.query.active === 'true' }, req.query.page, req.query.pageSize));

  r.post('/vaccination/mobile-teams', {
    schema: { tags, summary: 'Thành lập đội tiêm lưu động', body: teamInput, response: { 201: teamSchema, ...errs } },
  }, async (req, reply) => reply.status(201).send(await createTeam(db(), requireAuth(req), actorOf(req), req.body)));

  r.get('/vaccination/mobile-teams/:id', {
    schema: { tags, summary: 'Chi tiết đội tiêm lưu động', params: idParam, response: { 200: teamSchema, ...errs } },
  }, async (req) => getTeam(db(), requireAuth(req), req.params.id));

  r.patch('/vaccination/mobile-teams/:id', {
    schema: { tags, summary: 'Sửa đội tiêm lưu động (active=false: ngừng hoạt động)', params: idParam, body: teamPatch, response: { 200: teamSchema, ...errs } },
  }, async (req) => updateTeam(db(), requireAuth(req), actorOf(req), req.params.id, req.body));

  r.get('/vaccination/sessions', {
    schema: { tags, summary: 'Các buổi tiêm lưu động (lọc theo đơn vị, đội, khoảng ngày)', querystring: sessionQuery.extend(pagingQuery), response: { 200: pageSchema(sessionSchema), ...errs } },
  }, async (req) => listSessions(db(), requireAuth(req), req.query, req.query.page, req.query.pageSize));

  r.get('/vaccination/sessions/export.xlsx', { schema: { tags, summary: 'Xuất danh sách buổi tiêm lưu động ra Excel', querystring: sessionQuery } }, async (req, reply) => {
    const auth = requireAuth(req);
    await listSessions(db(), auth, req.query, 1, 1);
    return sendXlsx(reply, 'buoi-tiem-luu-dong.xlsx', 'Buổi tiêm lưu động', [
      { header: 'Ngày', value: (x) => formatDate(x.date), width: 12 },
      { header: 'Đội', value: (x) => x.teamName, width: 26 },
      { header: 'Thôn/bản, xã', value: (x) => x.unitName, width: 20 },
      { header: 'Địa điểm', value: (x) => x.place, width: 26 },
      { header: 'Số liều đã tiêm', value: (x) => x.dosesGiven, width: 12 },
      { header: 'Theo loại (đã tiêm/hủy)', value: (x) => x.doses.map((d) => `${d.productName}: ${d.given}/${d.wasted}`).join('; '), width: 40 },
      { header: 'Mũi đã ghi hồ sơ', value: (x) => x.recordedDoses, width: 12 },
      { header: 'Ghi chú', value: (x) => x.note, width: 28 },
    ], allPages((page, size) => listSessions(db(), auth, req.query, page, size)));
  });

  r.post('/vaccination/sessions', {
    schema: { tags, summary: 'Ghi một buổi tiêm lưu động: ngày, nơi tổ chức, số liều đã tiêm và hủy theo loại (trừ vào kho của đơn vị quản lý đội)', body: sessionInput, response: { 201: sessionSchema, ...errs } },
  }, async (req, reply) => reply.status(201).send(await createSession(db(), requireAuth(req), actorOf(req), req.body)));

  r.get('/vaccination/sessions/:id', {
    schema: { tags, summary: 'Chi tiết buổi tiêm lưu động', params: idParam, response: { 200: sessionSchema, ...errs } },
  }, async (req) => getSession(db(), requireAuth(req), req.params.id));

  r.patch('/vaccination/sessions/:id', {
    schema: { tags, summary: 'Sửa buổi tiêm lưu động (số liều sửa lại thì kho được tính lại)', params: idParam, body: sessionPatch, response: { 200: sessionSchema, ...errs } },
  }, async (req) => updateSession(db(), requireAuth(req), actorOf(req), req.params.id, req.body));

  r.delete('/vaccination/sessions/:id', {
    schema: { tags, summary: 'Xóa buổi tiêm ghi nhầm (số liều được trả lại kho)', params: idParam, querystring: z.object({ version: z.coerce.number().int().min(1) }), response: { 204: z.null(), ...errs } },
  }, async (req, reply) => {
    await deleteSession(db(), requireAuth(req), actorOf(req), req.params.id, req.query.version);
    return reply.status(204).send(null);
  });

  // ---- Allocation requests ----
  r.get('/vaccination/allocation-requests/justification', {
    schema: {
      tags, summary: 'Tính nhu cầu vắc xin của đơn vị: số người chưa tiêm trong nhóm trừ số liều tồn kho và đang đề nghị (làm tròn theo lọ nếu có)',
      querystring: justificationQuery, response: { 200: justificationSchema, ...errs },
    },
  }, async (req) => previewJustification(db(), requireAuth(req), req.query));

  r.post('/vaccination/allocation-requests', {
    schema: { tags, summary: 'Gửi đề nghị cấp vắc xin lên đơn vị cấp trên, kèm căn cứ tính từ số người chưa tiêm', body: allocationInput, response: { 201: allocationSchema, ...errs } },
  }, async (req, reply) => reply.status(201).send(await createRequest(db(), requireAuth(req), actorOf(req), req.body)));

  r.get('/vaccination/allocation-requests', {
    schema: {
      tags, summary: 'Đề nghị cấp vắc xin đã gửi (sent) hoặc nhận được từ đơn vị cấp dưới (received)',
      querystring: allocationQuery.extend(pagingQuery), response: { 200: pageSchema(allocationSchema), ...errs },
    },
  }, async (req) => listRequests(db(), requireAuth(req), req.query, req.query.page, req.query.pageSize));

  r.get('/vaccination/allocation-requests/export.xlsx', { schema: { tags, summary: 'Xuất danh sách đề nghị cấp vắc xin ra Excel', querystring: allocationQuery } }, async (req, reply) => {
    const auth = requireAuth(req);
    await listRequests(db(), auth, req.query, 1, 1);
    return sendXlsx(reply, 'de-nghi-cap-vac-xin.xlsx', 'Đề nghị cấp vắc xin', [
      { header: 'Ngày gửi', value: (a) => formatDate(a.createdAt), width: 12 },
      { header: 'Đơn vị đề nghị', value: (a) => a.unitName, width: 22 },
      { header: 'Gửi đến', value: (a) => a.parentName, width: 22 },
      { header: 'Vắc xin', value: (a) => a.productName, width: 26 },
      { header: 'Nhóm đối tượng', value: (a) => VACCINATION_GROUP_LABELS[a.group], width: 18 },
      { header: 'Mũi', value: (a) => COVERAGE_MEASURE_LABELS[a.measure], width: 16 },
      { header: 'Người chưa tiêm', value: (a) => a.justification.peopleWithoutDose, width: 12 },
      { header: 'Tồn kho khi đề nghị', value: (a) => a.justification.dosesOnHand, width: 12 },
      { header: 'Đang chờ duyệt', value: (a) => a.justification.dosesPending, width: 12 },
      { header: 'Số liều thiếu', value: (a) => a.justification.gap, width: 12 },
      { header: 'Số liều đề nghị', value: (a) => a.quantity, width: 12 },
      { header: 'Số liều được cấp', value: (a) => a.approvedQuantity, width: 12 },
      { header: 'Trạng thái', value: (a) => ALLOCATION_STATUS_LABELS[a.status], width: 18 },
      { header: 'Ý kiến', value: (a) => a.decisionNote, width: 28 },
    ], allPages((page, size) => listRequests(db(), auth, req.query, page, size)));
  });

  r.get('/vaccination/allocation-requests/:id', {
    schema: { tags, summary: 'Chi tiết đề nghị cấp vắc xin', params: idParam, response: { 200: allocationSchema, ...errs } },
  }, async (req) => getRequest(db(), requireAuth(req), req.params.id));

  r.post('/vaccination/allocation-requests/:id/decide', {
    schema: {
      tags, summary: 'Đơn vị cấp trên duyệt (ghi xuất kho cấp trên và nhập kho cấp dưới trong cùng giao dịch) hoặc không duyệt đề nghị',
      params: idParam, body: decisionInput, response: { 200: allocationSchema, ...errs },
    },
  }, async (req) => decideRequest(db(), requireAuth(req), actorOf(req), req.params.id, req.body));

  r.post('/vaccination/allocation-requests/:id/delivered', {
    schema: { tags, summary: 'Đơn vị đề nghị xác nhận đã nhận đủ vắc xin được cấp', params: idParam, body: versionBody, response: { 200: allocationSchema, ...errs } },
  }, async (req) => confirmDelivery(db(), requireAuth(req), actorOf(req), req.params.id, req.body.version));
}
