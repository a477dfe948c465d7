import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AGE_BANDS, kindLabel } from '@pcd/core';
import { actorOf, requireAuth, requirePermission } from '../auth/context.js';
import { AppError, errors } from '../http/errors.js';
import { buildXlsx, sendXlsx } from '../lib/spreadsheet.js';
import { errorSchema, pageSchema, pagingQuery } from '../lib/paging.js';
import { byAgeSchema, unitSchema } from './model.js';
import { unitsRepo } from './repository.js';
import { registryProvinces } from './registry.js';
import { getUnit, importFromRegistry, importPopulationFile, importUnitsFile, listUnits, updatePopulation } from './service.js';

const tierEnum = z.enum(['province', 'district', 'commune', 'village']);
const codeParam = z.object({ code: z.string().min(1).max(32) });
const listQuery = z.object({ parent: z.string().max(32).optional(), unit: z.string().max(32).optional(), q: z.string().max(100).optional(), tier: tierEnum.optional(), ...pagingQuery });
const importReport = z.object({
  created: z.number(), updated: z.number(), skipped: z.number(), applied: z.boolean(),
  errors: z.array(z.object({ row: z.number(), field: z.string(), message: z.string() })),
  moved: z.array(z.object({ row: z.number(), code: z.string(), name: z.string(), fromPath: z.string(), toParentCode: z.string().nullable() })).optional(),
});
const TIER_LABEL: Record<string, string> = { province: 'Tỉnh', district: 'Huyện', commune: 'Xã', village: 'Thôn/bản' };
const POP_SOURCE_LABEL: Record<string, string> = { own: 'Nhập trực tiếp', sum: 'Tổng các đơn vị trực thuộc', none: 'Chưa có' };

export async function unitsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Đơn vị hành chính'];

  r.get('/units', {
    schema: { tags, summary: 'Danh sách đơn vị (con của một đơn vị, tìm kiếm không dấu, hoặc gốc của phạm vi)', querystring: listQuery, response: { 200: pageSchema(unitSchema.extend({ place: z.string().optional() })), 404: errorSchema } },
  }, async (req) => {
    const auth = requirePermission(req, 'units.read');
    const { page, pageSize, ...f } = req.query;
    return listUnits(app.deps.db, auth, f, page, pageSize);
  });

  r.get('/units/export.xlsx', {
    schema: { tags, summary: 'Xuất danh sách đơn vị ra Excel', querystring: listQuery.omit({ page: true, pageSize: true }) },
  }, async (req, reply) => {
    const auth = requirePermission(req, 'units.read');
    const { parent, unit, q, tier } = req.query;
    // A unit (or parent) exports its whole subtree; without one, the caller's whole scope.
    const anchorCode = unit ?? parent;
    const anchor = anchorCode ? await unitsRepo.findVisible(app.deps.db, auth.scope, anchorCode) : undefined;
    if (anchorCode && !anchor) throw errors.notFound('Đơn vị hành chính', 'Administrative unit');
    const rows = unitsRepo.iterate(app.deps.db, anchor ? { all: false, paths: [anchor.path] } : auth.scope, { q, tier });
    return sendXlsx(reply, `don-vi-hanh-chinh${anchorCode ? '-' + anchorCode : ''}.xlsx`, 'Đơn vị', [
      { header: 'Mã', value: (u) => u.code, width: 12 },
      { header: 'Tên', value: (u) => u.name, width: 28 },
      { header: 'Loại', value: (u) => kindLabel(u.kind) },
      { header: 'Cấp', value: (u) => TIER_LABEL[u.tier] ?? u.tier, width: 10 },
      { header: 'Mã cấp trên', value: (u) => u.parent_code ?? '', width: 12 },
      { header: 'Dân số 0–11', value: (u) => u.pop_0_11 },
      { header: 'Dân số 12–17', value: (u) => u.pop_12_17 },
      { header: 'Dân số 18–49', value: (u) => u.pop_18_49 },
      { header: 'Dân số 50–64', value: (u) => u.pop_50_64 },
      { header: 'Dân số 65+', value: (u) => u.pop_65_plus },
      { header: 'Tổng dân số', value: (u) => u.pop_total },
      { header: 'Nguồn số liệu dân số', value: (u) => POP_SOURCE_LABEL[u.pop_source] + (u.pop_is_demo ? ' (số liệu minh họa)' : ''), width: 32 },
    ], rows);
  });

  r.get('/units/import/template.xlsx', {
    schema: { tags, summary: 'Tệp mẫu để nhập đơn vị hoặc dân số', querystring: z.object({ type: z.enum(['units', 'population']).default('units') }) },
  }, async (req, reply) => {
    requireAuth(req);
    const buf = req.query.type === 'population'
      ? await buildXlsx('Dân số', ['Mã', ...AGE_BANDS], [['03365.01', 120, 60, 310, 90, 45]], [
        'Mỗi dòng một đơn vị: Mã đơn vị và số dân theo 5 nhóm tuổi (số nguyên không âm). Tổng được tính tự động.',
        'Đơn vị phải nằm trong phạm vi quản lý của bạn. Nhập lại sẽ ghi đè số liệu cũ.',
      ])
      : await buildXlsx('Đơn vị', ['Mã', 'Tên', 'Cấp', 'Mã cấp trên'], [['03365.01', 'Hát Tao', 'Bản', '03365']], [
        'Cột Cấp: Tỉnh, Thành phố trực thuộc Trung ương, Huyện, Quận, Thị xã, Thành phố, Xã, Phường, Thị trấn, Thôn, Bản, Tổ dân phố, Khu phố, Ấp, Tiểu khu.',
        'Mã cấp trên phải có sẵn trong hệ thống hoặc xuất hiện trong cùng tệp. Nhập lại cùng mã sẽ cập nhật, không tạo trùng.',
        'Cũng nhận tệp theo bố cục của Tổng cục Thống kê (Tỉnh / Thành phố, Mã TP, Quận Huyện, Mã QH, Phường Xã, Mã PX, Cấp).',
      ]);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="mau-nhap-${req.query.type}.xlsx"`)
      .send(buf);
  });

  r.get('/units/registry/provinces', {
    schema: { tags, summary: 'Danh mục tỉnh/thành phố quốc gia (trước 2025) có thể nhập', response: { 200: z.object({ items: z.array(z.object({ code: z.string(), name: z.string(), kind: z.string() })) }) } },
  }, async (req) => {
    requireAuth(req);
    return { items: registryProvinces() };
  });

  r.get('/units/:code', {
    schema: {
      tags, summary: 'Chi tiết một đơn vị', params: codeParam,
      response: {
        200: unitSchema.extend({
          childCount: z.number(), updatedAt: z.string(),
          ancestors: z.array(z.object({ code: z.string(), name: z.string(), kind: z.string(), tier: z.string(), visible: z.boolean() })),
        }),
        404: errorSchema,
      },
    },
  }, async (req) => {
    const auth = requirePermission(req, 'units.read');
    return getUnit(app.deps.db, auth, req.params.code);
  });

  r.patch('/units/:code', {
    schema: {
      tags, summary: 'Cập nhật dân số theo nhóm tuổi', params: codeParam,
      body: z.object({ version: z.number().int().min(1), population: z.object({ byAge: byAgeSchema }) }),
      response: { 200: unitSchema, 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema },
    },
  }, async (req) => {
    const auth = requireAuth(req);
    return updatePopulation(app.deps.db, auth, actorOf(req), req.params.code, req.body.version, req.body.population.byAge);
  });

  r.post('/units/import', {
    schema: {
      tags,
      summary: 'Nhập đơn vị: JSON {source:"registry", provinceCode} từ danh mục quốc gia, hoặc multipart (file, type=units|population, mode=all|valid)',
      response: { 200: importReport, 400: errorSchema, 403: errorSchema },
    },
  }, async (req) => {
    const auth = requireAuth(req);
    const actor = actorOf(req);
    if (req.isMultipart()) {
      let type = 'units';
      let mode = 'all';
      let file: { data: Buffer; filename: string } | null = null;
      for await (const part of req.parts()) {
        if (part.type === 'file') file = { data: await part.toBuffer(), filename: part.filename };
        else if (part.fieldname === 'type') type = String(part.value);
        else if (part.fieldname === 'mode') mode = String(part.value);
      }
      if (!file) throw new AppError(400, 'VALIDATION', 'Chưa chọn tệp để nhập.', 'No file uploaded.', 'file');
      if (type !== 'units' && type !== 'population') throw new AppError(400, 'VALIDATION', 'Loại nhập phải là "units" hoặc "population".', 'type must be units or population.', 'type');
      if (mode !== 'all' && mode !== 'valid') throw new AppError(400, 'VALIDATION', 'Chế độ nhập phải là "all" (tất cả hoặc không) hoặc "valid" (chỉ dòng hợp lệ).', 'mode must be all or valid.', 'mode');
      return type === 'population'
        ? importPopulationFile(app.deps.db, auth, actor, file, mode)
        : importUnitsFile(app.deps.db, auth, actor, file, mode);
    }
    const body = z.object({ source: z.literal('registry'), provinceCode: z.string().regex(/^\d{2}$/, 'Mã tỉnh gồm 2 chữ số') }).safeParse(req.body);
    if (!body.success) {
      const issue = body.error.issues[0];
      throw new AppError(400, 'VALIDATION', `Trường "${issue.path.join('.')}": ${issue.message}`, 'Expected {source:"registry", provinceCode}.', issue.path.join('.') || 'source');
    }
    return importFromRegistry(app.deps.db, auth, actor, body.data.provinceCode);
  });

}
