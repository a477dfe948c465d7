import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import QRCode from 'qrcode';
import { CHECKPOINT_KINDS, CHECKPOINT_KIND_LABELS, can, formatDateTime } from '@pcd/core';
import { actorOf, requireAuth } from '../auth/context.js';
import { recordAudit } from '../audit/audit.js';
import { errorSchema, pageSchema, pagingQuery } from '../lib/paging.js';
import { sendXlsx } from '../lib/spreadsheet.js';
import { resolveWithin } from '../arrivals/service.js';
import { checkpointInput, checkpointPatch, checkpointSchema, passageInput, passageSchema, publicCheckpointSchema, statsSchema, toCheckpointDto, toPassageDto } from './model.js';
import {
  addPassage, checkpointForExport, checkpointsQuery, checkpointStats, createCheckpoint, getCheckpoint, listCheckpoints, listPassages, passagesQuery,
  publicCheckpoint, statsRange, updateCheckpoint,
} from './service.js';
import { isoDate } from '../lib/iso-date.js';

const idParam = z.object({ id: z.coerce.number().int().min(1) });
const listQuery = z.object({
  unit: z.string().max(32).optional(),
  q: z.string().max(100).optional(),
  kind: z.enum(CHECKPOINT_KINDS).optional(),
  active: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});

/** Where the public declaration form lives; the QR code printed at a point opens it with the point's token. */
export const PUBLIC_FORM_PATH = '/khai-bao';

export async function checkpointsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Chốt kiểm soát, điểm khai báo'];
  const db = () => app.deps.db;

  r.get('/public/checkpoints/:token', {
    config: { public: true },
    schema: { tags, summary: 'Tên và đơn vị của điểm khai báo mà mã QR mở ra (không cần đăng nhập)', params: z.object({ token: z.string().max(40) }), response: { 200: publicCheckpointSchema, 404: errorSchema } },
  }, async (req) => publicCheckpoint(db(), req.params.token));

  r.post('/checkpoints', {
    schema: { tags, summary: 'Thêm chốt kiểm soát, điểm khai báo y tế hoặc trạm biên phòng', body: checkpointInput, response: { 201: checkpointSchema, 400: errorSchema, 403: errorSchema } },
  }, async (req, reply) => reply.status(201).send(await createCheckpoint(db(), requireAuth(req), actorOf(req), req.body)));

  r.get('/checkpoints', {
    schema: { tags, summary: 'Danh sách chốt/điểm trong địa bàn', querystring: listQuery.extend(pagingQuery), response: { 200: pageSchema(checkpointSchema), 404: errorSchema } },
  }, async (req) => {
    const { page, pageSize, unit, ...f } = req.query;
    const auth = requireAuth(req);
    return listCheckpoints(db(), auth, { ...f, within: await resolveWithin(db(), auth, unit) }, page, pageSize);
  });

  r.get('/checkpoints/export.xlsx', { schema: { tags, summary: 'Xuất danh sách chốt/điểm ra Excel', querystring: listQuery } }, async (req, reply) => {
    const auth = requireAuth(req);
    const { unit, ...f } = req.query;
    const query = checkpointsQuery(db(), auth, { ...f, within: await resolveWithin(db(), auth, unit) });
    const rows = await query.selectAll('checkpoints').select('units.name as unit_name').orderBy('checkpoints.unit_path').orderBy('checkpoints.name').execute();
    await recordAudit(db(), actorOf(req), { action: 'export', entity: 'checkpoint', unitCode: unit ?? auth.user.unitCode, changes: { query: { ...req.query } } });
    const dtos = rows.map((c) => toCheckpointDto(c, can(auth.user.role, 'personal.read')));
    return sendXlsx(reply, 'chot-kiem-soat.xlsx', 'Chốt, điểm khai báo', [
      { header: 'Mã', value: (c) => c.id, width: 8 },
      { header: 'Tên', value: (c) => c.name, width: 30 },
      { header: 'Loại', value: (c) => CHECKPOINT_KIND_LABELS[c.kind], width: 20 },
      { header: 'Mã đơn vị', value: (c) => c.unitCode, width: 12 },
      { header: 'Đơn vị', value: (c) => c.unitName ?? '' },
      { header: 'Vị trí', value: (c) => c.location ?? '', width: 30 },
      { header: 'Vĩ độ', value: (c) => c.lat ?? '', width: 10 },
      { header: 'Kinh độ', value: (c) => c.lng ?? '', width: 10 },
      { header: 'Cán bộ trực', value: (c) => c.staffOnDuty ?? '', width: 30 },
      { header: 'Đang hoạt động', value: (c) => (c.active ? 'x' : ''), width: 10 },
    ], dtos);
  });

  r.get('/checkpoints/:id', { schema: { tags, summary: 'Một chốt/điểm', params: idParam, response: { 200: checkpointSchema, 404: errorSchema } } }, async (req) => getCheckpoint(db(), requireAuth(req), req.params.id));

  r.patch('/checkpoints/:id', {
    schema: { tags, summary: 'Sửa chốt/điểm (cần version); active=false để ngừng hoạt động, rotateToken=true để đổi mã QR', params: idParam, body: checkpointPatch, response: { 200: checkpointSchema, 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema } },
  }, async (req) => updateCheckpoint(db(), requireAuth(req), actorOf(req), req.params.id, req.body));

  r.get('/checkpoints/:id/qr.svg', { schema: { tags, summary: 'Mã QR (SVG) mở trang tự khai báo y tế của điểm này', params: idParam } }, async (req, reply) => {
    const c = await getCheckpoint(db(), requireAuth(req), req.params.id);
    // Behind a reverse proxy, PCD_TRUST_PROXY=1 makes this the public address people reach.
    const url = `${req.protocol}://${req.host}${PUBLIC_FORM_PATH}/${c.publicToken}`;
    const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return reply.header('content-type', 'image/svg+xml; charset=utf-8').header('x-qr-url', encodeURI(url)).send(svg);
  });

  r.post('/checkpoints/:id/passages', {
    schema: { tags, summary: 'Ghi một lượt qua chốt (vào/ra, biển số nếu có, số người)', params: idParam, body: passageInput, response: { 201: passageSchema, 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema } },
  }, async (req, reply) => reply.status(201).send(await addPassage(db(), requireAuth(req), actorOf(req), req.params.id, req.body)));

  r.get('/checkpoints/:id/passages', {
    schema: { tags, summary: 'Nhật ký qua chốt trong một ngày (mặc định hôm nay)', params: idParam, querystring: z.object({ date: isoDate.optional(), ...pagingQuery }), response: { 200: pageSchema(passageSchema), 403: errorSchema, 404: errorSchema } },
  }, async (req) => listPassages(db(), requireAuth(req), actorOf(req), req.params.id, req.query.date, req.query.page, req.query.pageSize));

  r.get('/checkpoints/:id/passages/export.xlsx', {
    schema: { tags, summary: 'Xuất nhật ký qua chốt (from, to: mặc định 7 ngày gần nhất) ra Excel', params: idParam, querystring: z.object({ from: isoDate.optional(), to: isoDate.optional() }) },
  }, async (req, reply) => {
    const range = statsRange(req.query.from, req.query.to);
    const c = await checkpointForExport(db(), requireAuth(req), actorOf(req), req.params.id, range.from, range.to);
    const rows = (await passagesQuery(db(), c.id, range.from, range.to).selectAll().orderBy('at').execute()).map(toPassageDto);
    return sendXlsx(reply, `qua-chot-${c.id}.xlsx`, 'Qua chốt', [
      { header: 'Thời điểm', value: (p) => formatDateTime(p.at), width: 18 },
      { header: 'Chiều', value: (p) => (p.direction === 'in' ? 'Vào' : 'Ra'), width: 8 },
      { header: 'Biển số', value: (p) => p.vehiclePlate ?? '', width: 14 },
      { header: 'Số người', value: (p) => p.personCount, width: 10 },
      { header: 'Ghi chú', value: (p) => p.note ?? '', width: 30 },
    ], rows);
  });

  r.get('/checkpoints/:id/stats', {
    schema: { tags, summary: 'Số lượt, số người qua chốt và số tờ khai theo ngày (from, to; mặc định 7 ngày gần nhất)', params: idParam, querystring: z.object({ from: isoDate.optional(), to: isoDate.optional() }), response: { 200: statsSchema, 400: errorSchema, 404: errorSchema } },
  }, async (req) => checkpointStats(db(), requireAuth(req), req.params.id, statsRange(req.query.from, req.query.to)));
}
