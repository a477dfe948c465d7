import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CONTACT_LEVELS, CONTACT_RELATIONS, CONTACT_RELATION_LABELS, CONTACT_STATUSES, CONTACT_STATUS_LABELS, OBLIGATION_KIND_LABELS, formatDate } from '@pcd/core';
import { actorOf, requireAuth } from '../auth/context.js';
import { recordAudit } from '../audit/audit.js';
import { errorSchema, pageSchema, pagingQuery } from '../lib/paging.js';
import { sendXlsx } from '../lib/spreadsheet.js';
import { requirePersonal } from '../people/service.js';
import { caseSchema } from '../cases/model.js';
import { resolveWithin } from '../cases/service.js';
import { contactInput, contactPatch, contactSchema, promoteInput, type ContactDto } from './model.js';
import { addContact, getContact, iterateContacts, listContacts, updateContact } from './service.js';
import { promoteContact } from './promote.js';
import { isoDate } from '../lib/iso-date.js';

const idParam = z.object({ id: z.coerce.number().int().min(1) });
const contactQuery = z.object({
  unit: z.string().max(32).optional(),
  level: z.enum(CONTACT_LEVELS).optional(),
  status: z.enum(CONTACT_STATUSES).optional(),
  relation: z.enum(CONTACT_RELATIONS).optional(),
  handover: z.enum(['received', 'sent']).optional(),
  sourceCaseId: z.coerce.number().int().min(1).optional(),
  clusterId: z.coerce.number().int().min(1).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  q: z.string().max(100).optional(),
});
const created = { 201: contactSchema, 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

const nameOf = (c: ContactDto) => c.person?.fullName ?? c.entered?.fullName ?? '';

export async function contactsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['F1, F2 — người tiếp xúc'];
  const db = () => app.deps.db;

  r.post('/cases/:id/contacts', {
    schema: {
      tags, summary: 'Ghi F1 của ca bệnh (personId hoặc person mới; người ở xã khác được bàn giao cho xã đó)',
      params: idParam, body: contactInput, response: created,
    },
  }, async (req, reply) => reply.status(201).send(await addContact(db(), requireAuth(req), actorOf(req), { kind: 'case', id: req.params.id }, req.body)));

  r.post('/contacts/:id/contacts', {
    schema: { tags, summary: 'Ghi F2 (người tiếp xúc của một F1)', params: idParam, body: contactInput, response: created },
  }, async (req, reply) => reply.status(201).send(await addContact(db(), requireAuth(req), actorOf(req), { kind: 'contact', id: req.params.id }, req.body)));

  r.get('/contacts', {
    schema: {
      tags, summary: 'Danh sách F1, F2 (handover=received: được bàn giao đến; sent: đã bàn giao đi); việc xem được ghi nhật ký',
      querystring: contactQuery.extend(pagingQuery), response: { 200: pageSchema(contactSchema), 403: errorSchema, 404: errorSchema },
    },
  }, async (req) => {
    const { page, pageSize, ...f } = req.query;
    return listContacts(db(), requireAuth(req), actorOf(req), f, page, pageSize);
  });

  r.get('/contacts/export.xlsx', { schema: { tags, summary: 'Xuất danh sách F1, F2 (theo bộ lọc) ra Excel', querystring: contactQuery } }, async (req, reply) => {
    const auth = requireAuth(req);
    requirePersonal(auth, false);
    const filter = { ...req.query, within: await resolveWithin(db(), auth, req.query.unit) };
    await recordAudit(db(), actorOf(req), { action: 'export', entity: 'contact', unitCode: req.query.unit ?? auth.user.unitCode, changes: { query: { ...req.query } } });
    return sendXlsx(reply, 'nguoi-tiep-xuc.xlsx', 'F1, F2', [
      { header: 'Mã', value: (c) => c.id, width: 8 },
      { header: 'Mức', value: (c) => c.level, width: 6 },
      { header: 'Họ và tên', value: nameOf, width: 26 },
      { header: 'Năm sinh', value: (c) => c.person?.birthYear ?? c.entered?.birthYear ?? '', width: 10 },
      { header: 'Điện thoại', value: (c) => c.person?.phone ?? c.entered?.phone ?? '', width: 13 },
      { header: 'Địa chỉ', value: (c) => c.person?.address ?? c.entered?.address ?? '', width: 30 },
      { header: 'Nơi ở', value: (c) => c.unitName, width: 20 },
      { header: 'Quan hệ với nguồn lây', value: (c) => CONTACT_RELATION_LABELS[c.relation], width: 20 },
      { header: 'Nguồn lây', value: (c) => `${c.source.level}${c.source.id ? ` mã ${c.source.id}` : ''} (${c.source.unitName})`, width: 24 },
      { header: 'Tiếp xúc lần cuối', value: (c) => formatDate(c.lastExposureDate), width: 12 },
      { header: 'Nơi tiếp xúc', value: (c) => c.setting ?? '', width: 24 },
      { header: 'Bàn giao', value: (c) => (c.handedOver ? (c.access === 'full' ? `nhận từ ${c.recordedUnitName}` : `đã giao cho ${c.unitName}`) : ''), width: 24 },
      { header: 'Theo dõi', value: (c) => (c.obligation ? `${OBLIGATION_KIND_LABELS[c.obligation.kind]} đến ${formatDate(c.obligation.endDate)}` : ''), width: 30 },
      { header: 'Trạng thái', value: (c) => CONTACT_STATUS_LABELS[c.status], width: 18 },
    ], iterateContacts(db(), auth, filter));
  });

  r.get('/contacts/:id', {
    schema: { tags, summary: 'Một người tiếp xúc (xã nơi người đó ở thấy hồ sơ; xã ghi nhận chỉ thấy điều mình đã nhập)', params: idParam, response: { 200: contactSchema, 403: errorSchema, 404: errorSchema } },
  }, async (req) => getContact(db(), requireAuth(req), actorOf(req), req.params.id));

  r.patch('/contacts/:id', {
    schema: {
      tags, summary: 'Sửa người tiếp xúc (quan hệ, ngày tiếp xúc, số mũi vắc xin, trạng thái); cần version',
      params: idParam, body: contactPatch, response: { 200: contactSchema, 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema },
    },
  }, async (req) => updateContact(db(), requireAuth(req), actorOf(req), req.params.id, req.body));

  r.post('/contacts/:id/promote', {
    schema: {
      tags, summary: 'F1 (hoặc F2) có kết quả dương tính: tạo ca F0, F2 của người này thành F1, tính lại việc cách ly; cần version',
      params: idParam, body: promoteInput,
      response: { 201: z.object({ case: caseSchema, contact: contactSchema, upgraded: z.array(contactSchema) }), 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema },
    },
  }, async (req, reply) => reply.status(201).send(await promoteContact(db(), requireAuth(req), actorOf(req), req.params.id, req.body)));
}
