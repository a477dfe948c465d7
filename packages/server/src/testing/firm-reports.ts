import { isIsoDate, positivityRate, vnDate, type TestType } from '@pcd/core';
import type { Db, DbOrTrx } from '../db/database.js';
import type { AuthContext } from '../auth/context.js';
import { withinScope } from '../auth/scope.js';
import { recordAudit, type Actor } from '../audit/audit.js';
import { errors } from '../http/errors.js';
import { nowIso } from '../lib/time.js';
import { unitsRepo } from '../units/repository.js';
import { requirePersonal } from '../people/service.js';
import { resolveWithin } from '../cases/service.js';
import { requireTestingManager } from './campaigns.js';
import type { FirmReportDto, FirmReportInput } from './model.js';

function base(db: DbOrTrx, auth: AuthContext) {
  return db.selectFrom('firm_test_reports').where(withinScope(auth.scope, 'firm_test_reports.unit_path'));
}

function detailed(qb: ReturnType<typeof base>) {
  return qb.innerJoin('units', 'units.code', 'firm_test_reports.unit_code').selectAll('firm_test_reports').select('units.name as unit_name');
}

type Row = Awaited<ReturnType<ReturnType<typeof detailed>['execute']>>[number];
const toDto = (r: Row): FirmReportDto => ({
  id: r.id, firmName: r.firm_name, unitCode: r.unit_code, unitName: r.unit_name, reportDate: r.report_date, workersTested: r.workers_tested,
  positives: r.positives, positivityRate: positivityRate(r.positives, r.workers_tested), testType: r.test_type as TestType, reportedBy: r.reported_by,
  note: r.note, createdAt: r.created_at,
});

export async function createFirmReport(db: Db, auth: AuthContext, actor: Actor, input: FirmReportInput): Promise<FirmReportDto> {
  requireTestingManager(auth);
  if (!isIsoDate(input.reportDate)) throw errors.invalid('reportDate', 'Ngày báo cáo không phải ngày có thật.', 'The report date is not a real date.');
  if (input.reportDate > vnDate()) throw errors.invalid('reportDate', 'Ngày báo cáo không thể ở tương lai.', 'The report date is in the future.');
  if (input.positives > input.workersTested) throw errors.invalid('positives', 'Số dương tính lớn hơn số người lao động được xét nghiệm.', 'More positives than workers tested.');
  return db.transaction().execute(async (trx) => {
    const unit = await unitsRepo.findVisible(trx, auth.scope, input.unitCode);
    if (!unit) throw errors.invalid('unitCode', 'Đơn vị không tồn tại hoặc nằm ngoài phạm vi quản lý của bạn.', 'Unknown unit or outside your jurisdiction.');
    const row = await trx.insertInto('firm_test_reports').values({
      firm_name: input.firmName, unit_code: unit.code, unit_path: unit.path, report_date: input.reportDate, workers_tested: input.workersTested,
      positives: input.positives, test_type: input.testType, reported_by: input.reportedBy, note: input.note ?? null, recorded_by: auth.user.id, created_at: nowIso(),
    }).returning('id').executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'create', entity: 'firm_test_report', entityId: row.id, unitCode: unit.code, unitPath: unit.path,
      changes: { firmName: [null, input.firmName], workersTested: [null, input.workersTested], positives: [null, input.positives] },
    });
    return toDto(await detailed(base(trx, auth).where('firm_test_reports.id', '=', row.id)).executeTakeFirstOrThrow());
  });
}

export async function listFirmReports(db: Db, auth: AuthContext, f: { unit?: string; from?: string; to?: string }, page: number, pageSize: number) {
  requirePersonal(auth, false);
  const within = await resolveWithin(db, auth, f.unit);
  let qb = base(db, auth);
  if (within) qb = qb.where('firm_test_reports.unit_path', 'like', `${within}%`);
  if (f.from) qb = qb.where('report_date', '>=', f.from);
  if (f.to) qb = qb.where('report_date', '<=', f.to);
  const [{ total }] = await qb.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await detailed(qb).orderBy('report_date', 'desc').orderBy('firm_test_reports.id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute();
  return { items: rows.map(toDto), total: Number(total), page, pageSize };
}
