import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAuth, actorOf } from '../auth/context.js';
import { errorSchema, pageSchema, pagingQuery } from '../lib/paging.js';
import { sendXlsx } from '../lib/spreadsheet.js';
import { formatDate } from '@pcd/core';
import {
  coverageSchema, doseInput, dosePatch, doseQuery, doseSchema, isoDate, productInput, productPatch, productSchema, targetInput, targetPatch, targetQuery, targetSchema,
} from './model.js';
import { createDose, deleteDose, getDose, listDoses, personDoses, updateDose } from './doses.js';
import { createProduct, listProducts, updateProduct } from './products.js';
import { createTarget, listTargets, updateTarget } from './targets.js';
import { vaccinationStats } from './stats.js';

const idParam = z.object({ id: z.coerce.number().int().min(1) });
const statsQuery = z.object({ unit: z.string().max(32).optional(), date: isoDate.optional() });
const errs = { 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

export async function vaccinationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Tiêm chủng vắc xin COVID-19'];
  const db = () => app.deps.db;

  r.post('/vaccinations', {
    schema: { tags, summary: 'Ghi nhận một mũi tiêm vắc xin của người dân', body: doseInput, response: { 201: doseSchema, ...errs } },
  }, async (req, reply) => reply.status(201).send(await createDose(db(), requireAuth(req), actorOf(req), req.body)));

  r.get('/vaccinations', {
    schema: { tags, summary: 'Danh sách mũi tiêm (lọc theo đơn vị, người, vắc xin, khoảng ngày)', querystring: doseQuery.extend(pagingQuery), response: { 200: pageSchema(doseSchema), ...errs } },
  }, async (req) => listDoses(db(), requireAuth(req), actorOf(req), req.query, req.query.page, req.query.pageSize));

  r.get('/vaccinations/:id', {
    schema: { tags, summary: 'Chi tiết một mũi tiêm', params: idParam, response: { 200: doseSchema, ...errs } },
  }, async (req) => getDose(db(), requireAuth(req), actorOf(req), req.params.id));

  r.patch('/vaccinations/:id', {
    schema: { tags, summary: 'Sửa một mũi tiêm', params: idParam, body: dosePatch, response: { 200: doseSchema, ...errs } },
  }, async (req) => updateDose(db(), requireAuth(req), actorOf(req), req.params.id, req.body));

  r.delete('/vaccinations/:id', {
    schema: { tags, summary: 'Xóa một mũi tiêm ghi nhầm (mũi cuối cùng của người đó)', params: idParam, querystring: z.object({ version: z.coerce.number().int().min(1) }), response: { 204: z.null(), ...errs } },
  }, async (req, reply) => {
    await deleteDose(db(), requireAuth(req), actorOf(req), req.params.id, req.query.version);
    return reply.status(204).send(null);
  });

  r.get('/people/:id/vaccinations', {
    schema: { tags, summary: 'Các mũi tiêm của một người dân', params: idParam, response: { 200: z.object({ items: z.array(doseSchema) }), ...errs } },
  }, async (req) => ({ items: await personDoses(db(), requireAuth(req), actorOf(req), req.params.id) }));

  r.get('/vaccine-products', {
    schema: { tags, summary: 'Danh mục vắc xin', querystring: z.object({ all: z.enum(['true', 'false']).default('false') }), response: { 200: z.object({ items: z.array(productSchema) }), ...errs } },
  }, async (req) => {
    requireAuth(req);
    return { items: await listProducts(db(), req.query.all === 'true') };
  });

  r.post('/vaccine-products', {
    schema: { tags, summary: 'Thêm loại vắc xin vào danh mục (quản trị toàn quốc)', body: productInput, response: { 201: productSchema, ...errs } },
  }, async (req, reply) => reply.status(201).send(await createProduct(db(), requireAuth(req), actorOf(req), req.body)));

  r.patch('/vaccine-products/:code', {
    schema: { tags, summary: 'Sửa hoặc ngừng dùng một loại vắc xin (quản trị toàn quốc)', params: z.object({ code: z.string().max(32) }), body: productPatch, response: { 200: productSchema, ...errs } },
  }, async (req) => updateProduct(db(), requireAuth(req), actorOf(req), req.params.code, req.body));

  r.get('/vaccination/targets', {
    schema: { tags, summary: 'Mục tiêu tiêm chủng của đơn vị và cấp trên, kèm tiến độ (số người còn thiếu, đúng/chậm tiến độ)', querystring: targetQuery, response: { 200: z.object({ items: z.array(targetSchema) }), ...errs } },
  }, async (req) => listTargets(db(), requireAuth(req), req.query));

  r.post('/vaccination/targets', {
    schema: { tags, summary: 'Đặt mục tiêu tiêm chủng cho quận/huyện hoặc xã/phường', body: targetInput, response: { 201: targetSchema, ...errs } },
  }, async (req, reply) => reply.status(201).send(await createTarget(db(), requireAuth(req), actorOf(req), req.body)));

  r.patch('/vaccination/targets/:id', {
    schema: { tags, summary: 'Sửa hoặc ngừng một mục tiêu tiêm chủng', params: idParam, body: targetPatch, response: { 200: targetSchema, ...errs } },
  }, async (req) => updateTarget(db(), requireAuth(req), actorOf(req), req.params.id, req.body));

  r.get('/stats/vaccination', {
    schema: { tags, summary: 'Độ bao phủ vắc xin theo nhóm đối tượng và mũi tiêm, kèm tử số, mẫu số và từng đơn vị trực thuộc (chỉ số liệu)', querystring: statsQuery, response: { 200: coverageSchema, ...errs } },
  }, async (req) => vaccinationStats(db(), requireAuth(req), req.query));

  r.get('/stats/vaccination/export.xlsx', { schema: { tags, summary: 'Xuất độ bao phủ vắc xin theo đơn vị ra Excel', querystring: statsQuery } }, async (req, reply) => {
    const s = await vaccinationStats(db(), requireAuth(req), req.query);
    const units = [...s.children, { unitCode: s.unitCode ?? '', unitName: `Tổng ${s.unitName}`, groups: s.groups }];
    const rows = units.flatMap((u) => u.groups.map((g) => ({ u, g })));
    const measure = (g: (typeof rows)[number]['g'], m: string) => g.measures.find((x) => x.measure === m)!;
    return sendXlsx(reply, `bao-phu-vac-xin-${s.date}.xlsx`, 'Độ bao phủ', [
      { header: 'Ngày số liệu', value: () => formatDate(s.date), width: 12 },
      { header: 'Mã đơn vị', value: (x) => x.u.unitCode, width: 12 },
      { header: 'Đơn vị', value: (x) => x.u.unitName, width: 26 },
      { header: 'Nhóm đối tượng', value: (x) => x.g.label, width: 22 },
      { header: 'Mẫu số', value: (x) => x.g.denominator, width: 10 },
      { header: 'Nguồn mẫu số', value: (x) => (x.g.denominatorSource === 'population' ? 'Dân số theo độ tuổi' : 'Người dân đã đăng ký'), width: 20 },
      { header: 'Ít nhất 1 mũi', value: (x) => measure(x.g, 'dose1').numerator, width: 12 },
      { header: 'Tỷ lệ ≥1 mũi (%)', value: (x) => measure(x.g, 'dose1').percent ?? '', width: 12 },
      { header: 'Đủ liều cơ bản', value: (x) => measure(x.g, 'full').numerator, width: 12 },
      { header: 'Tỷ lệ đủ liều (%)', value: (x) => measure(x.g, 'full').percent ?? '', width: 12 },
      { header: 'Mũi nhắc lại', value: (x) => measure(x.g, 'booster').numerator, width: 12 },
      { header: 'Tỷ lệ nhắc lại (%)', value: (x) => measure(x.g, 'booster').percent ?? '', width: 12 },
    ], rows);
  });
}
