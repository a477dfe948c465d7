import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AGE_BANDS, RESIDENCE_LABELS, RESIDENCE_STATUSES, SEX_LABELS, formatDate, vnDate } from '@pcd/core';
import { actorOf, requireAuth } from '../auth/context.js';
import { recordAudit } from '../audit/audit.js';
import { buildXlsx, readTable, sendXlsx } from '../lib/spreadsheet.js';
import { AppError } from '../http/errors.js';
import { startJob } from '../lib/jobs.js';
import { importResidents, RESIDENT_COLUMNS } from './import.js';
import { errorSchema, pageSchema, pagingQuery } from '../lib/paging.js';
import { personInput, personPatch, personSchema, toPersonDto, type PersonDto } from './model.js';
import { peopleRepo } from './repository.js';
import { createPerson, dismissDuplicate, getPerson, listDuplicates, listPeople, mergePeople, requirePersonal, resolveUnitFilter, updatePerson } from './service.js';
import { createHousehold, getHousehold, householdInput, householdPatch, householdSchema, listHouseholds, updateHousehold, HOUSEHOLD_KINDS } from './households.js';

const idParam = z.object({ id: z.coerce.number().int().min(1) });
const peopleQuery = z.object({
  unit: z.string().max(32).optional(),
  q: z.string().max(100).optional(),
  residenceStatus: z.enum(RESIDENCE_STATUSES).optional(),
  ageBand: z.enum(AGE_BANDS).optional(),
  flag: z.enum(['comorbidity', 'pregnant', 'elderlyAlone']).optional(),
  householdId: z.coerce.number().int().optional(),
  ...pagingQuery,
});

export async function peopleRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Dân cư'];
  const db = () => app.deps.db;

  r.post('/people', {
    schema: { tags, summary: 'Thêm người dân (phát hiện trùng số định danh; nghi trùng họ tên + ngày sinh + thôn)', body: personInput, response: { 201: personSchema.extend({ probableDuplicates: z.array(z.number()) }), 400: errorSchema, 403: errorSchema, 409: errorSchema } },
  }, async (req, reply) => {
    const { person, probableDuplicates } = await createPerson(db(), requireAuth(req), actorOf(req), req.body);
    return reply.status(201).send({ ...person, probableDuplicates });
  });

  r.get('/people', { schema: { tags, summary: 'Danh sách người dân (tìm không dấu, theo số định danh, số điện thoại)', querystring: peopleQuery, response: { 200: pageSchema(personSchema), 403: errorSchema, 404: errorSchema } } }, async (req) => {
    const { page, pageSize, ...f } = req.query;
    return listPeople(db(), requireAuth(req), actorOf(req), f, page, pageSize);
  });

  r.get('/people/export.xlsx', { schema: { tags, summary: 'Xuất danh sách người dân (theo bộ lọc) ra Excel', querystring: peopleQuery.omit({ page: true, pageSize: true }) } }, async (req, reply) => {
    const auth = requireAuth(req);
    requirePersonal(auth, false);
    const filter = await resolveUnitFilter(db(), auth, req.query);
    await recordAudit(db(), actorOf(req), { action: 'export', entity: 'person', unitCode: req.query.unit ?? auth.user.unitCode, changes: { query: { ...req.query } } });
    const thisYear = Number(vnDate().slice(0, 4));
    async function* rows(): AsyncGenerator<PersonDto & { unitName?: string }> {
      let after = 0;
      for (;;) {
        const batch = await peopleRepo.filtered(db(), auth.scope, filter, thisYear)
          .innerJoin('units', 'units.code', 'people.unit_code').selectAll('people').select('units.name as unit_name')
          .where('people.id', '>', after).orderBy('people.id').limit(2000).execute();
        for (const b of batch) yield toPersonDto(b);
        if (batch.length < 2000) return;
        after = batch[batch.length - 1].id;
      }
    }
    return sendXlsx(reply, 'dan-cu.xlsx', 'Dân cư', [
      { header: 'Mã', value: (p) => p.id, width: 8 },
      { header: 'Họ và tên', value: (p) => p.fullName, width: 26 },
      { header: 'Ngày sinh', value: (p) => (p.dateOfBirth ? formatDate(p.dateOfBirth) : ''), width: 12 },
      { header: 'Năm sinh', value: (p) => p.birthYear ?? '', width: 10 },
      { header: 'Giới tính', value: (p) => (p.sex ? SEX_LABELS[p.sex] : ''), width: 10 },
      { header: 'Số CCCD/CMND', value: (p) => p.idNumber ?? '', width: 16 },
      { header: 'Điện thoại', value: (p) => p.phone ?? '', width: 13 },
      { header: 'Dân tộc', value: (p) => p.ethnicity ?? '' },
      { header: 'Nghề nghiệp/nơi làm việc', value: (p) => p.occupation ?? '', width: 24 },
      { header: 'Mã thôn/bản', value: (p) => p.unitCode, width: 12 },
      { header: 'Thôn/bản', value: (p) => p.unitName ?? '' },
      { header: 'Địa chỉ', value: (p) => p.address ?? '', width: 30 },
      { header: 'Mã hộ', value: (p) => p.householdId ?? '', width: 8 },
      { header: 'Tình trạng cư trú', value: (p) => RESIDENCE_LABELS[p.residenceStatus] },
      { header: 'Từ ngày', value: (p) => (p.residenceFrom ? formatDate(p.residenceFrom) : ''), width: 12 },
      { header: 'Đến ngày', value: (p) => (p.residenceTo ? formatDate(p.residenceTo) : ''), width: 12 },
      { header: 'Bệnh nền', value: (p) => (p.flags.comorbidity ? 'x' : ''), width: 9 },
      { header: 'Mang thai', value: (p) => (p.flags.pregnant ? 'x' : ''), width: 9 },
      { header: 'Người già neo đơn', value: (p) => (p.flags.elderlyAlone ? 'x' : ''), width: 9 },
    ], rows());
  });

  r.get('/people/import/template.xlsx', { schema: { tags, summary: 'Tệp mẫu nhập danh sách người dân' } }, async (req, reply) => {
    requireAuth(req);
    const buf = await buildXlsx('Dân cư', Object.values(RESIDENT_COLUMNS), [
      ['Lò Thị Hoa', '12/04/1989', '', 'Nữ', '011189001234', '0912345678', 'Thái', 'Làm ruộng', '03365.01', 'Bản Hát Tao', 'HT-001', 'x', 'Thường trú', '', '', '', '', ''],
      ['Quàng Văn Ún', '', '1950', 'Nam', '', '', 'Thái', '', '03365.01', 'Bản Hát Tao', 'HT-001', '', 'Thường trú', '', '', 'x', '', ''],
    ], [
      'Bắt buộc: Họ và tên, Mã thôn/bản (xem mã trong mục Đơn vị hành chính). Ngày sinh dạng dd/mm/yyyy; nếu chỉ biết năm sinh thì điền cột Năm sinh.',
      'Số CCCD 12 chữ số (3 chữ số đầu là mã tỉnh) hoặc CMND 9 chữ số; điện thoại 10 chữ số bắt đầu bằng 0.',
      'Người cùng "Mã hộ" trong cùng thôn được gộp vào một hộ; đánh "x" ở cột Chủ hộ cho chủ hộ.',
      'Tình trạng cư trú: Thường trú, Tạm trú hoặc Tạm vắng (bỏ trống là Thường trú). Các cột đánh dấu: điền "x".',
      'Người đã có số CCCD/CMND trong hệ thống sẽ bị báo lỗi, không tạo trùng. Trùng họ tên + ngày sinh + thôn được đánh dấu nghi trùng để gộp.',
    ]);
    return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', 'attachment; filename="mau-nhap-dan-cu.xlsx"').send(buf);
  });

  r.post('/people/import', {
    schema: { tags, summary: 'Nhập danh sách người dân từ XLSX/CSV (multipart: file, mode=all|valid); trả về mã tác vụ để theo dõi tiến độ', response: { 202: z.object({ jobId: z.string(), total: z.number() }), 400: errorSchema, 403: errorSchema, 413: errorSchema } },
  }, async (req, reply) => {
    const auth = requireAuth(req);
    requirePersonal(auth, true);
    if (!req.isMultipart()) throw new AppError(400, 'VALIDATION', 'Hãy gửi tệp dạng multipart/form-data (trường "file").', 'Send multipart/form-data with a "file" field.', 'file');
    let mode = 'all';
    let file: { data: Buffer; filename: string } | null = null;
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        if (!/\.(xlsx|csv)$/i.test(part.filename)) {
          await part.toBuffer().catch(() => undefined);
          throw new AppError(400, 'BAD_FILE', `Tệp "${part.filename}" không phải Excel (.xlsx) hoặc CSV.`, 'Only .xlsx or .csv files.', 'file');
        }
        file = { data: await part.toBuffer(), filename: part.filename };
      } else if (part.fieldname === 'mode') mode = String(part.value);
    }
    if (!file) throw new AppError(400, 'VALIDATION', 'Chưa chọn tệp để nhập.', 'No file uploaded.', 'file');
    if (mode !== 'all' && mode !== 'valid') throw new AppError(400, 'VALIDATION', 'Chế độ nhập phải là "all" (tất cả hoặc không) hoặc "valid" (chỉ dòng hợp lệ).', 'mode must be all or valid.', 'mode');
    const f = file;
    const table = await readTable(f.data, f.filename).catch(() => {
      throw new AppError(400, 'BAD_FILE', 'Không đọc được tệp. Hãy dùng tệp mẫu (.xlsx) hoặc CSV UTF-8.', 'Could not read the file.', 'file');
    });
    if (table.rows.length === 0) throw new AppError(400, 'BAD_FILE', 'Tệp không có dòng dữ liệu nào.', 'The file has no data rows.', 'file');
    const actor = actorOf(req);
    const jobId = await startJob(db(), 'people.import', auth.user.id, (job) => importResidents(db(), auth, actor, table, mode as 'all' | 'valid', job, f.filename));
    return reply.status(202).send({ jobId, total: table.rows.length });
  });

  r.get('/people/duplicates', { schema: { tags, summary: 'Các cặp hồ sơ nghi trùng đang chờ xử lý', querystring: z.object({ unit: z.string().max(32).optional(), ...pagingQuery }) } }, async (req) => {
    const { page, pageSize, unit } = req.query;
    return listDuplicates(db(), requireAuth(req), { unit }, page, pageSize);
  });

  r.post('/people/duplicates/:id/dismiss', { schema: { tags, summary: 'Đánh dấu một cặp nghi trùng là hai người khác nhau', params: idParam, response: { 204: z.null(), 404: errorSchema } } }, async (req, reply) => {
    await dismissDuplicate(db(), requireAuth(req), actorOf(req), req.params.id);
    return reply.status(204).send(null);
  });

  r.get('/people/:id', { schema: { tags, summary: 'Hồ sơ một người (việc xem được ghi nhật ký)', params: idParam, response: { 200: personSchema.extend({ probableDuplicates: z.array(z.object({ duplicateId: z.number(), personId: z.number() })) }), 403: errorSchema, 404: errorSchema } } }, async (req) => {
    return getPerson(db(), requireAuth(req), actorOf(req), req.params.id);
  });

  r.patch('/people/:id', { schema: { tags, summary: 'Sửa hồ sơ (cần version hiện tại)', params: idParam, body: personPatch, response: { 200: personSchema, 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema } } }, async (req) => {
    return updatePerson(db(), requireAuth(req), actorOf(req), req.params.id, req.body);
  });

  r.post('/people/:id/merge', {
    schema: { tags, summary: 'Gộp hồ sơ otherId vào hồ sơ này (giữ mọi liên kết)', params: idParam, body: z.object({ otherId: z.number().int(), version: z.number().int().min(1) }), response: { 200: personSchema, 400: errorSchema, 404: errorSchema, 409: errorSchema } },
  }, async (req) => mergePeople(db(), requireAuth(req), actorOf(req), req.params.id, req.body.otherId, req.body.version));

  const htags = ['Hộ gia đình'];
  r.post('/households', { schema: { tags: htags, summary: 'Thêm hộ gia đình hoặc nhà trọ/khu trọ công nhân', body: householdInput, response: { 201: householdSchema, 400: errorSchema, 403: errorSchema } } }, async (req, reply) => {
    return reply.status(201).send(await createHousehold(db(), requireAuth(req), actorOf(req), req.body));
  });
  r.get('/households', {
    schema: { tags: htags, summary: 'Danh sách hộ', querystring: z.object({ unit: z.string().max(32).optional(), q: z.string().max(100).optional(), kind: z.enum(HOUSEHOLD_KINDS).optional(), ...pagingQuery }), response: { 200: pageSchema(householdSchema), 404: errorSchema } },
  }, async (req) => {
    const { page, pageSize, ...f } = req.query;
    return listHouseholds(db(), requireAuth(req), f, page, pageSize);
  });
  r.get('/households/export.xlsx', {
    schema: { tags: htags, summary: 'Xuất danh sách hộ (cùng bộ lọc) ra Excel', querystring: z.object({ unit: z.string().max(32).optional(), q: z.string().max(100).optional(), kind: z.enum(HOUSEHOLD_KINDS).optional() }) },
  }, async (req, reply) => {
    const auth = requireAuth(req);
    // The first page is fetched before streaming starts, so a unit outside the scope is still a clean 404.
    const first = await listHouseholds(db(), auth, req.query, 1, 1000);
    await recordAudit(db(), actorOf(req), { action: 'export', entity: 'household', entityId: null, unitCode: auth.user.unitCode, unitPath: auth.user.unitPath, changes: { filter: req.query } });
    async function* rows() {
      let page = first;
      for (let n = 1; ; n++) {
        yield* page.items;
        if (n * 1000 >= page.total) return;
        page = await listHouseholds(db(), auth, req.query, n + 1, 1000);
      }
    }
    return sendXlsx(reply, 'ho-gia-dinh.xlsx', 'Hộ gia đình', [
      { header: 'Mã hộ', value: (h) => h.code ?? '', width: 12 },
      { header: 'Loại', value: (h) => (h.kind === 'boarding_house' ? 'Nhà trọ/khu trọ' : 'Hộ gia đình'), width: 16 },
      { header: 'Tên', value: (h) => h.name ?? '', width: 24 },
      { header: 'Chủ hộ', value: (h) => h.headName ?? '', width: 24 },
      { header: 'Địa chỉ', value: (h) => h.address, width: 36 },
      { header: 'Thôn/bản', value: (h) => h.unitName ?? h.unitCode, width: 18 },
      { header: 'Mã thôn/bản', value: (h) => h.unitCode, width: 12 },
      { header: 'Số nhân khẩu', value: (h) => h.memberCount ?? 0, width: 10 },
      { header: 'Chủ nhà trọ', value: (h) => h.landlordName ?? '', width: 20 },
      { header: 'Điện thoại chủ trọ', value: (h) => h.landlordPhone ?? '', width: 14 },
      { header: 'Sức chứa', value: (h) => h.capacity ?? '', width: 10 },
    ], rows());
  });
  r.get('/households/:id', { schema: { tags: htags, summary: 'Một hộ và các thành viên', params: idParam, response: { 200: householdSchema.extend({ members: z.array(personSchema) }), 404: errorSchema } } }, async (req) => {
    return getHousehold(db(), requireAuth(req), actorOf(req), req.params.id);
  });
  r.patch('/households/:id', { schema: { tags: htags, summary: 'Sửa hộ (cần version hiện tại)', params: idParam, body: householdPatch, response: { 200: householdSchema, 400: errorSchema, 404: errorSchema, 409: errorSchema } } }, async (req) => {
    return updateHousehold(db(), requireAuth(req), actorOf(req), req.params.id, req.body);
  });
}
