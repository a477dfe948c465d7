import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LOCKDOWN_STATUSES, LOCKDOWN_STATUS_LABELS, formatDate } from '@pcd/core';
import { requireAuth, actorOf } from '../auth/context.js';
import { errorSchema, pageSchema, pagingQuery } from '../lib/paging.js';
import { sendXlsx } from '../lib/spreadsheet.js';
import { resolveWithin } from '../cases/service.js';
import { roundInput, zoneInput, zonePatch, zoneSchema } from './model.js';
import { addRound, createZone, getZone, iterateZones, listZones, updateZone } from './zones.js';

const idParam = z.object({ id: z.coerce.number().int().min(1) });
const zoneQuery = z.object({ unit: z.string().max(32).optional(), status: z.enum(LOCKDOWN_STATUSES).optional() });
const errs = { 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

export async function lockdownRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Phong tỏa'];
  const db = () => app.deps.db;

  r.post('/lockdown-zones', {
    schema: { tags, summary: 'Lập vùng phong tỏa (thôn/bản, hộ gia đình hoặc danh sách địa chỉ)', body: zoneInput, response: { 201: zoneSchema, ...errs } },
  }, async (req, reply) => reply.status(201).send(await createZone(db(), requireAuth(req), actorOf(req), req.body)));

  r.get('/lockdown-zones', {
    schema: { tags, summary: 'Danh sách vùng phong tỏa và các đợt xét nghiệm', querystring: zoneQuery.extend(pagingQuery), response: { 200: pageSchema(zoneSchema), ...errs } },
  }, async (req) => listZones(db(), requireAuth(req), req.query, req.query.page, req.query.pageSize));

  r.get('/lockdown-zones/export.xlsx', { schema: { tags, summary: 'Xuất danh sách vùng phong tỏa ra Excel (đợt xét nghiệm gần nhất)', querystring: zoneQuery } }, async (req, reply) => {
    const auth = requireAuth(req);
    const within = await resolveWithin(db(), auth, req.query.unit);
    const last = (zr: z.infer<typeof zoneSchema>) => zr.rounds[zr.rounds.length - 1];
    return sendXlsx(reply, 'vung-phong-toa.xlsx', 'Vùng phong tỏa', [
      { header: 'Mã', value: (zr) => zr.id, width: 8 },
      { header: 'Tên vùng', value: (zr) => zr.name, width: 30 },
      { header: 'Đơn vị', value: (zr) => zr.unitName, width: 22 },
      { header: 'Thôn/bản', value: (zr) => zr.villageNames.join(', '), width: 30 },
      { header: 'Số hộ', value: (zr) => zr.householdIds.length, width: 8 },
      { header: 'Địa chỉ', value: (zr) => zr.addresses, width: 30 },
      { header: 'Từ ngày', value: (zr) => formatDate(zr.startDate), width: 12 },
      { header: 'Đến ngày', value: (zr) => (zr.endDate ? formatDate(zr.endDate) : ''), width: 12 },
      { header: 'Lý do', value: (zr) => zr.reason, width: 30 },
      { header: 'Trạng thái', value: (zr) => LOCKDOWN_STATUS_LABELS[zr.status], width: 16 },
      { header: 'Số đợt xét nghiệm', value: (zr) => zr.rounds.length, width: 10 },
      { header: 'Tỷ lệ xét nghiệm đợt gần nhất (%)', value: (zr) => last(zr)?.sharePct, width: 14 },
      { header: 'Dương tính đợt gần nhất', value: (zr) => last(zr)?.positives, width: 12 },
    ], iterateZones(db(), auth, { within, status: req.query.status }));
  });

  r.get('/lockdown-zones/:id', {
    schema: { tags, summary: 'Chi tiết vùng phong tỏa', params: idParam, response: { 200: zoneSchema, ...errs } },
  }, async (req) => getZone(db(), requireAuth(req), req.params.id));

  r.patch('/lockdown-zones/:id', {
    schema: { tags, summary: 'Sửa vùng phong tỏa; status=lifted để gỡ phong tỏa', params: idParam, body: zonePatch, response: { 200: zoneSchema, ...errs } },
  }, async (req) => updateZone(db(), requireAuth(req), actorOf(req), req.params.id, req.body));

  r.post('/lockdown-zones/:id/rounds', {
    schema: {
      tags, summary: 'Ghi một đợt xét nghiệm trong vùng phong tỏa (số người, số được xét nghiệm, số dương tính)',
      params: idParam, body: roundInput.extend({ version: z.number().int().min(1) }), response: { 201: zoneSchema, ...errs },
    },
  }, async (req, reply) => reply.status(201).send(await addRound(db(), requireAuth(req), actorOf(req), req.params.id, req.body)));
}
