import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requireAuth } from '../auth/context.js';
import { AppError, errors } from '../http/errors.js';
import { startJob } from '../lib/jobs.js';
import { buildXlsx } from '../lib/spreadsheet.js';
import { errorSchema } from '../lib/paging.js';
import { requirePersonal } from '../people/service.js';
import { unitsRepo } from '../units/repository.js';
import { importDoses } from './import.js';
import { DOSE_COLUMNS } from './import-rows.js';
import { sheetKind } from './import-reader.js';
import { spoolUpload } from './import-upload.js';

const tags = ['Tiêm chủng'];

export async function vaccinationImportRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.db;

  r.get('/vaccinations/import/template.xlsx', { schema: { tags, summary: 'Tệp mẫu nhập mũi tiêm theo mẫu xuất của hệ thống tiêm chủng quốc gia' } }, async (req, reply) => {
    requireAuth(req);
    const buf = await buildXlsx('Mũi tiêm', Object.values(DOSE_COLUMNS), [
      ['Lò Thị Hoa', '12/04/1989', 'Nữ', '011189001234', '0912345678', '03365.01', 'AstraZeneca', '1', '02/10/2021', 'NJ0342', 'Trạm Y tế xã Na Tông'],
      ['Lò Thị Hoa', '12/04/1989', 'Nữ', '011189001234', '0912345678', '03365.01', 'AstraZeneca', '2', '05/11/2021', 'NJ0377', 'Trạm Y tế xã Na Tông'],
      ['Quàng Văn Ún', '1950', 'Nam', '', '', '03365.01', 'Vero Cell', '1', '20/10/2021', '202108B2103', 'Điểm tiêm lưu động bản Hát Tao'],
    ], [
      'Mỗi dòng là một mũi tiêm. Bắt buộc: Loại vắc xin, Mũi tiêm, Ngày tiêm (dd/mm/yyyy) và Số CCCD/CMND, hoặc Họ và tên cùng Ngày sinh khi không có số định danh.',
      'Loại vắc xin: AstraZeneca, Pfizer-BioNTech (Comirnaty), Moderna, Vero Cell (Sinopharm), Sputnik V, Abdala, Janssen, Hayat-Vax…',
      'Mũi tiêm: 1, 2 (mũi cơ bản), 3 hoặc "nhắc lại" (mũi nhắc lại), "bổ sung" (mũi bổ sung).',
      'Người được tìm theo số CCCD/CMND, nếu không có thì theo họ tên + ngày sinh trong đơn vị đang nhập; chưa có thì được tạo mới ở thôn/bản ghi trong cột Mã thôn/bản (hoặc đơn vị chọn khi nhập).',
      'Mũi đã có trong hệ thống (cùng vắc xin, cùng ngày) được bỏ qua: nhập lại cùng một tệp không tạo trùng. Có thể gửi tệp CSV (UTF-8, dấu phẩy hoặc chấm phẩy) cùng các cột.',
    ]);
    return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', 'attachment; filename="mau-nhap-mui-tiem.xlsx"').send(buf);
  });

  r.post('/vaccinations/import', {
    schema: {
      tags,
      summary: 'Nhập mũi tiêm từ tệp XLSX/CSV của hệ thống tiêm chủng quốc gia (multipart: file, unit = mã xã/thôn đang nhập, tùy chọn); trả về mã tác vụ để theo dõi tiến độ',
      response: { 202: z.object({ jobId: z.string() }), 400: errorSchema, 403: errorSchema, 413: errorSchema },
    },
  }, async (req, reply) => {
    const auth = requireAuth(req);
    requirePersonal(auth, true);
    const upload = await spoolUpload(req, app.deps.config.dataDir, /\.(xlsx|csv)$/i);
    try {
      if (upload.size === 0) throw new AppError(400, 'BAD_FILE', 'Tệp không có dòng dữ liệu nào.', 'The file is empty.', 'file');
      const kind = await sheetKind(upload.file);
      if ((kind === 'xlsx') !== /\.xlsx$/i.test(upload.filename)) {
        throw new AppError(400, 'BAD_FILE', 'Không đọc được tệp: nội dung không khớp phần mở rộng. Hãy dùng tệp mẫu (.xlsx) hoặc CSV UTF-8.', 'The file content does not match its extension.', 'file');
      }
      const code = upload.fields.unit?.trim();
      let importUnit = null;
      if (code) {
        const u = await unitsRepo.findVisible(db(), auth.scope, code);
        if (!u) throw errors.invalid('unit', `Đơn vị "${code}" không tồn tại hoặc nằm ngoài phạm vi quản lý của bạn.`, 'Unknown unit or outside your jurisdiction.');
        importUnit = { code: u.code, path: u.path, tier: u.tier };
      }
      const actor = actorOf(req);
      const unit = importUnit;
      const jobId = await startJob(db(), 'vaccinations.import', auth.user.id, (job) =>
        importDoses(db(), auth, actor, upload.file, kind, { importUnit: unit, filename: upload.filename }, job).finally(() => upload.discard()));
      return reply.status(202).send({ jobId });
    } catch (err) {
      await upload.discard();
      throw err;
    }
  });
}
