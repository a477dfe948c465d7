import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { formatDate, vnDate } from '@pcd/core';
import { actorOf, requireAuth } from '../auth/context.js';
import { errorSchema, pageSchema, pagingQuery } from '../lib/paging.js';
import { sendXlsx } from '../lib/spreadsheet.js';
import { createZone, listZones, toZoneDto, updateZone, zoneInput, zonePatch, zoneQuery, zoneSchema, zonesQuery } from './zones.js';
import { listRules, replaceRule, ruleInput, ruleSchema } from './rules.js';

const idParam = z.object({ id: z.coerce.number().int().min(1) });

export async function zonesRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Vùng dịch, quy định theo dõi'];
  const db = () => app.deps.db;

  r.get('/epidemic-zones', {
    schema: { tags, summary: 'Danh sách vùng dịch (mọi người dùng đều xem được; on=yyyy-mm-dd: vùng dịch vào ngày đó)', querystring: zoneQuery.extend(pagingQuery), response: { 200: pageSchema(zoneSchema) } },
  }, async (req) => {
    requireAuth(req);
    const { page, pageSize, ...f } = req.query;
    return listZones(db(), f, page, pageSize);
  });

  r.get('/epidemic-zones/export.xlsx', { schema: { tags, summary: 'Xuất danh sách vùng dịch ra Excel', querystring: zoneQuery } }, async (req, reply) => {
    requireAuth(req);
    const today = vnDate();
    const rows = (await zonesQuery(db(), req.query).selectAll().orderBy('from_date', 'desc').orderBy('id', 'desc').execute()).map((z) => toZoneDto(z, today));
    return sendXlsx(reply, 'vung-dich.xlsx', 'Vùng dịch', [
      { header: 'Mã đơn vị', value: (z) => z.unitCode, width: 12 },
      { header: 'Vùng dịch', value: (z) => z.unitName, width: 44 },
      { header: 'Từ ngày', value: (z) => formatDate(z.fromDate), width: 12 },
      { header: 'Đến ngày', value: (z) => (z.toDate ? formatDate(z.toDate) : ''), width: 12 },
      { header: 'Đang là vùng dịch', value: (z) => (z.activeToday ? 'x' : ''), width: 12 },
      { header: 'Đơn vị công bố', value: (z) => z.declaredByCode ?? 'Toàn quốc', width: 14 },
      { header: 'Ghi chú', value: (z) => z.note ?? '', width: 40 },
    ], rows);
  });

  r.post('/epidemic-zones', {
    schema: { tags, summary: 'Công bố một vùng dịch (tỉnh, huyện hoặc xã bất kỳ trong cả nước) — cán bộ chỉ huy, quản trị cấp tỉnh/huyện', body: zoneInput, response: { 201: zoneSchema, 400: errorSchema, 403: errorSchema } },
  }, async (req, reply) => reply.status(201).send(await createZone(db(), requireAuth(req), actorOf(req), req.body)));

  r.patch('/epidemic-zones/:id', {
    schema: { tags, summary: 'Kết thúc (toDate) hoặc sửa một vùng dịch của đơn vị mình (cần version)', params: idParam, body: zonePatch, response: { 200: zoneSchema, 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema } },
  }, async (req) => updateZone(db(), requireAuth(req), actorOf(req), req.params.id, req.body));

  r.get('/obligation-rules', {
    schema: {
      tags, summary: 'Quy định theo dõi người đến từ vùng dịch áp dụng cho địa bàn (effective: quy định đang áp dụng cho unit hoặc đơn vị của người dùng)',
      querystring: z.object({ unit: z.string().max(32).optional(), includeReplaced: z.enum(['true', 'false']).transform((v) => v === 'true').optional(), ...pagingQuery }),
      response: { 200: pageSchema(ruleSchema).extend({ effective: ruleSchema.nullable() }), 404: errorSchema },
    },
  }, async (req) => {
    const { page, pageSize, ...f } = req.query;
    return listRules(db(), requireAuth(req), f, page, pageSize);
  });

  r.put('/obligation-rules', {
    schema: {
      tags, summary: 'Thay quy định đang áp dụng của một tỉnh/huyện (số ngày cách ly tại nhà, các ngày xét nghiệm); cần version của quy định cũ',
      body: ruleInput, response: { 200: ruleSchema, 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema },
    },
  }, async (req) => replaceRule(db(), requireAuth(req), actorOf(req), req.body));
}
