import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DECLARATION_SOURCES, DECLARATION_SOURCE_LABELS, SYMPTOM_LABELS, TRANSPORT_LABELS, formatDate, formatDateTime, type Symptom } from '@pcd/core';
import { actorOf, requireAuth } from '../auth/context.js';
import { recordAudit } from '../audit/audit.js';
import { AppError } from '../http/errors.js';
import { errorSchema, pageSchema, pagingQuery } from '../lib/paging.js';
import { hitRateLimit } from '../lib/rate-limit.js';
import { sendXlsx } from '../lib/spreadsheet.js';
import { requirePersonal } from '../people/service.js';
import { declarationSchema, publicDeclarationInput, staffDeclarationInput } from './model.js';
import { declarePublicly, declareByStaff, getDeclaration, iterateDeclarations, listDeclarations, resolveWithin } from './service.js';
import { registryChildren, searchDestinations } from './origins.js';
import { checkpointsRepo } from '../checkpoints/repository.js';
import { communeOfPoint } from '../checkpoints/service.js';
import { obligationsRoutes } from './obligations-routes.js';
import { zonesRoutes } from './zones-routes.js';
import { isoDate } from '../lib/iso-date.js';

/** 20 declarations per address in 10 minutes: a family at a checkpoint on one phone, not a script. */
export const PUBLIC_DECLARATION_LIMIT = { limit: 20, windowMinutes: 10 };

const idParam = z.object({ id: z.coerce.number().int().min(1) });
const declarationQuery = z.object({
  unit: z.string().max(32).optional(),
  q: z.string().max(100).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  fromZone: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  source: z.enum(DECLARATION_SOURCES).optional(),
  checkpointId: z.coerce.number().int().min(1).optional(),
});

export async function arrivalsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Người đến, khai báo y tế'];
  const db = () => app.deps.db;

  r.post('/public/declarations', {
    config: { public: true },
    // Counted before the body is read, so malformed floods are limited too.
    onRequest: async (req) => hitRateLimit(app.deps.db, `declaration:${req.ip}`, PUBLIC_DECLARATION_LIMIT),
    schema: {
      tags, summary: 'Tự khai báo y tế khi đến địa phương (không cần đăng nhập); trả về mã tờ khai',
      body: publicDeclarationInput, response: { 201: z.object({ receiptCode: z.string() }), 400: errorSchema, 429: errorSchema },
    },
  }, async (req, reply) => {
    const { website, ...input } = req.body;
    if (website && website.trim()) {
      throw new AppError(400, 'SPAM', 'Tờ khai không hợp lệ. Hãy tải lại trang và khai báo lại.', 'The form was not filled in by a person.', 'website');
    }
    return reply.status(201).send(await declarePublicly(db(), req.ip ?? null, input));
  });

  r.get('/public/origins', {
    config: { public: true },
    schema: {
      tags, summary: 'Danh mục hành chính quốc gia từng cấp để chọn nơi đi (không có parent: các tỉnh)',
      querystring: z.object({ parent: z.string().max(32).optional() }),
      response: { 200: z.object({ items: z.array(z.object({ code: z.string(), label: z.string(), tier: z.string() })) }) },
    },
  }, async (req) => ({ items: registryChildren(req.query.parent ?? null) }));

  r.get('/public/destinations', {
    config: { public: true },
    schema: {
      tags, summary: 'Xã, thôn/bản tiếp nhận khai báo (tìm theo tên, hoặc các thôn/bản quanh điểm khai báo của mã QR)',
      querystring: z.object({ q: z.string().max(100).optional(), checkpointToken: z.string().max(40).optional() }),
      response: { 200: z.object({ items: z.array(z.object({ code: z.string(), tier: z.string(), label: z.string(), fullLabel: z.string() })) }) },
    },
  }, async (req) => {
    let within: string | undefined;
    if (req.query.checkpointToken) {
      const c = await checkpointsRepo.byToken(db(), req.query.checkpointToken);
      // The villages of the point's commune are the likely destinations.
      if (c) within = (await communeOfPoint(db(), c))?.path ?? c.unit_path;
    }
    if (!within && !req.query.q?.trim()) return { items: [] };
    return { items: await searchDestinations(db(), { q: req.query.q, within, limit: 50 }) };
  });

  r.post('/declarations', {
    schema: {
      tags, summary: 'Cán bộ ghi nhận tờ khai tại chốt/điểm khai báo hoặc tại địa phương',
      body: staffDeclarationInput, response: { 201: declarationSchema.extend({ personCreated: z.boolean() }), 400: errorSchema, 403: errorSchema },
    },
  }, async (req, reply) => reply.status(201).send(await declareByStaff(db(), requireAuth(req), actorOf(req), req.body)));

  r.get('/declarations', {
    schema: { tags, summary: 'Danh sách tờ khai của người đến địa bàn (việc xem được ghi nhật ký)', querystring: declarationQuery.extend(pagingQuery), response: { 200: pageSchema(declarationSchema), 403: errorSchema, 404: errorSchema } },
  }, async (req) => {
    const { page, pageSize, ...f } = req.query;
    return listDeclarations(db(), requireAuth(req), actorOf(req), f, page, pageSize);
  });

  r.get('/declarations/export.xlsx', { schema: { tags, summary: 'Xuất danh sách tờ khai (theo bộ lọc) ra Excel', querystring: declarationQuery } }, async (req, reply) => {
    const auth = requireAuth(req);
    requirePersonal(auth, false);
    const filter = { ...req.query, within: await resolveWithin(db(), auth, req.query.unit) };
    await recordAudit(db(), actorOf(req), { action: 'export', entity: 'declaration', unitCode: req.query.unit ?? auth.user.unitCode, changes: { query: { ...req.query } } });
    return sendXlsx(reply, 'to-khai-y-te.xlsx', 'Tờ khai y tế', [
      { header: 'Mã tờ khai', value: (d) => d.receiptCode, width: 14 },
      { header: 'Họ và tên', value: (d) => d.fullName, width: 26 },
      { header: 'Ngày sinh', value: (d) => (d.dateOfBirth ? formatDate(d.dateOfBirth) : ''), width: 12 },
      { header: 'Năm sinh', value: (d) => d.birthYear ?? '', width: 10 },
      { header: 'Số CCCD/CMND', value: (d) => d.idNumber ?? '', width: 16 },
      { header: 'Điện thoại', value: (d) => d.phone ?? '', width: 13 },
      { header: 'Nơi đi', value: (d) => d.fromUnitName, width: 40 },
      { header: 'Từ vùng dịch', value: (d) => (d.fromZone ? 'x' : ''), width: 10 },
      { header: 'Ngày đến', value: (d) => formatDate(d.arrivalDate), width: 12 },
      { header: 'Mã nơi đến', value: (d) => d.toUnitCode, width: 12 },
      { header: 'Nơi đến', value: (d) => d.toUnitName ?? '' },
      { header: 'Địa chỉ', value: (d) => d.address, width: 30 },
      { header: 'Phương tiện', value: (d) => TRANSPORT_LABELS[d.transport], width: 14 },
      { header: 'Triệu chứng', value: (d) => d.symptoms.map((s) => SYMPTOM_LABELS[s as Symptom] ?? s).join(', '), width: 24 },
      { header: 'Số mũi vắc xin', value: (d) => d.vaccinationDoses, width: 10 },
      { header: 'Nguồn', value: (d) => DECLARATION_SOURCE_LABELS[d.source], width: 18 },
      { header: 'Chốt/điểm khai báo', value: (d) => d.checkpointName ?? '', width: 24 },
      { header: 'Thời điểm khai', value: (d) => formatDateTime(d.createdAt), width: 18 },
    ], iterateDeclarations(db(), auth, filter));
  });

  r.get('/declarations/:id', { schema: { tags, summary: 'Một tờ khai (việc xem được ghi nhật ký)', params: idParam, response: { 200: declarationSchema, 403: errorSchema, 404: errorSchema } } }, async (req) => {
    return getDeclaration(db(), requireAuth(req), actorOf(req), req.params.id);
  });

  await obligationsRoutes(app);
  await zonesRoutes(app);
}
