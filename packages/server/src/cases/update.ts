import { sql } from 'kysely';
import {
  checkCaseDates, checkOutcome, checkSeverityPlace, isIsoDate, outcomeDate, vnDate,
  type CaseStatus, type CarePlace, type FieldProblem, type Severity,
} from '@pcd/core';
import type { Db, DbOrTrx } from '../db/database.js';
import type { AuthContext } from '../auth/context.js';
import { diffFields, recordAudit, type Actor } from '../audit/audit.js';
import { errors } from '../http/errors.js';
import { nowIso } from '../lib/time.js';
import { requirePersonal } from '../people/service.js';
import { casesRepo } from './repository.js';
import { vaccinationOfPerson } from './vaccination-status.js';
import { toCarePlaceDto, type CareTransferInput, type CasePatch, type CaseDto } from './model.js';
import { assertNoDuplicateEpisode, caseDtoOf, checkClusterRef, checkSourceCaseRef, visibleCaseOr404 } from './service.js';

const OUTCOME_FIELDS = {
  recovered: ['dischargeDate', 'dischargeTestType', 'dischargeTestDate', 'dischargeTestResult'],
  died: ['deathDate', 'deathPlace', 'deathCause'],
  transferred_out: ['transferDate', 'transferTo'],
} as const;
const OUTCOME_DATE_FIELD = { recovered: 'dischargeDate', died: 'deathDate', transferred_out: 'transferDate' } as const;

/** Contacts follow their case's cluster, so that a cluster's chain is one indexed query. */
async function cascadeCluster(trx: DbOrTrx, caseId: number, clusterId: number | null) {
  const f1 = trx.selectFrom('contacts').select('id').where('source_case_id', '=', caseId);
  await trx.updateTable('contacts').set({ cluster_id: clusterId })
    .where((eb) => eb.or([eb('source_case_id', '=', caseId), eb('source_contact_id', 'in', f1)])).execute();
}

/**
 * Corrects a case or records its outcome. Severity and outcome changes are written into the care
 * history too, so daily figures computed from history agree with the record.
 */
export async function updateCase(db: Db, auth: AuthContext, actor: Actor, id: number, patch: CasePatch): Promise<CaseDto> {
  requirePersonal(auth, true);
  const today = vnDate();
  return db.transaction().execute(async (trx) => {
    const before = await visibleCaseOr404(trx, auth, id);
    if (before.version !== patch.version) throw errors.staleVersion();
    const current = await caseDtoOf(trx, auth, before);
    const given = Object.fromEntries(Object.entries(patch).filter(([k, v]) => v !== undefined && k !== 'version'));
    const next = { ...current, ...given } as CaseDto;
    next.status = (patch.status ?? current.status) as CaseStatus;
    // An outcome's fields belong to it alone: switching outcome clears the other's.
    for (const [status, keys] of Object.entries(OUTCOME_FIELDS)) {
      if (status !== next.status) for (const k of keys) (next as Record<string, unknown>)[k] = null;
    }
    // Dose records outrank a typed figure; a corrected test date recounts them.
    const vaccination = await vaccinationOfPerson(trx, before.person_id, next.testDate, true, patch.vaccinationDoses !== undefined ? patch.vaccinationDoses : before.vaccination_doses);
    next.vaccinationDoses = vaccination.doses;

    const problems: FieldProblem[] = [
      ...checkCaseDates({
        onsetDate: next.onsetDate, testDate: next.testDate, dischargeDate: next.dischargeDate, dischargeTestDate: next.dischargeTestDate,
        deathDate: next.deathDate, transferDate: next.transferDate,
      }, today),
      ...checkOutcome(next),
    ];
    const periods = await casesRepo.carePeriods(trx, id);
    const open = periods[periods.length - 1];
    if (periods.length > 1 && next.testDate > periods[1].from_date) {
      problems.push({ field: 'testDate', message: 'Ngày xét nghiệm khẳng định sau lần chuyển nơi điều trị đã ghi.', messageEn: 'The test date is after a recorded transfer.' });
    }
    const ended = outcomeDate(next);
    if (ended && open && ended < open.from_date && next.status !== 'active') {
      const field = OUTCOME_DATE_FIELD[next.status as keyof typeof OUTCOME_DATE_FIELD];
      problems.push({ field, message: 'Ngày kết thúc trước lần chuyển nơi điều trị cuối cùng.', messageEn: 'The outcome is before the last care-place change.' });
    }
    if (next.pregnant && before.p_sex === 'male') problems.push({ field: 'pregnant', message: 'Chỉ đánh dấu mang thai cho người giới tính nữ.', messageEn: 'Only a woman can be marked pregnant.' });
    const severityChanged = next.severity !== current.severity;
    if (severityChanged && next.status === 'active') problems.push(...checkSeverityPlace(next.severity as Severity, before.care_place as CarePlace, 'severity'));
    if (problems.length) throw errors.problems(problems);
    if (patch.clusterId !== undefined) await checkClusterRef(trx, auth, patch.clusterId);
    if (patch.sourceCaseId !== undefined) await checkSourceCaseRef(trx, auth, patch.sourceCaseId, id);
    if (next.status === 'active' && current.status !== 'active') await assertNoDuplicateEpisode(trx, auth, before.person_id, next.testDate, id);

    const now = nowIso();
    const r = await trx.updateTable('cases').set({
      test_type: next.testType, test_date: next.testDate, lab: next.lab, detected_in: next.detectedIn, onset_date: next.onsetDate, severity: next.severity,
      comorbidities: JSON.stringify(next.comorbidities), comorbidity_stable: next.comorbidityStable ? 1 : 0, pregnant: next.pregnant ? 1 : 0,
      vaccination_doses: next.vaccinationDoses, spo2: next.spo2, respiratory_rate: next.respiratoryRate, cluster_id: next.clusterId,
      source_case_id: patch.sourceCaseId !== undefined ? patch.sourceCaseId : before.source_case_id, status: next.status,
      discharge_date: next.dischargeDate, discharge_test_type: next.dischargeTestType, discharge_test_date: next.dischargeTestDate,
      discharge_test_result: next.dischargeTestResult, death_date: next.deathDate, death_place: next.deathPlace, death_cause: next.deathCause,
      transfer_date: next.transferDate, transfer_to: next.transferTo, note: next.note, version: sql`version + 1`, updated_at: now,
    }).where('id', '=', id).where('version', '=', patch.version).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw errors.staleVersion();

    const first = periods[0];
    if (first && next.testDate !== current.testDate) await trx.updateTable('case_care_places').set({ from_date: next.testDate }).where('id', '=', first.id).execute();
    // The open period ends on the outcome day (or reopens when an outcome is withdrawn).
    if (open && (next.status !== current.status || ended !== outcomeDate(current))) {
      await trx.updateTable('case_care_places').set({ to_date: next.status === 'active' ? null : ended }).where('id', '=', open.id).execute();
    }
    if (open && severityChanged && next.status === 'active') {
      if (open.from_date >= today) await trx.updateTable('case_care_places').set({ severity: next.severity }).where('id', '=', open.id).execute();
      else {
        await trx.updateTable('case_care_places').set({ to_date: today }).where('id', '=', open.id).execute();
        await trx.insertInto('case_care_places').values({
          case_id: id, place: open.place, facility_name: open.facility_name, severity: next.severity, from_date: today, to_date: null,
          reason: 'Thay đổi mức độ bệnh', recorded_by: auth.user.id, created_at: now,
        }).execute();
      }
    }
    if (next.clusterId !== current.clusterId) await cascadeCluster(trx, id, next.clusterId);

    const after = await caseDtoOf(trx, auth, await visibleCaseOr404(trx, auth, id));
    const { homeTreatment: _a, version: _v, updatedAt: _u, ...afterFields } = after;
    await recordAudit(trx, actor, {
      action: next.status !== current.status ? `outcome_${next.status}` : 'update', entity: 'case', entityId: id, unitCode: before.unit_code, unitPath: before.unit_path,
      changes: diffFields(current as unknown as Record<string, unknown>, afterFields as unknown as Record<string, unknown>),
    });
    return after;
  });
}

/** Moves an active case to another care place (a transfer up when it worsens, home when it improves). */
export async function transferCare(db: Db, auth: AuthContext, actor: Actor, id: number, input: CareTransferInput) {
  requirePersonal(auth, true);
  const today = vnDate();
  return db.transaction().execute(async (trx) => {
    const before = await visibleCaseOr404(trx, auth, id);
    if (before.version !== input.version) throw errors.staleVersion();
    if (before.status !== 'active') throw errors.invalid('status', 'Ca bệnh đã kết thúc; không ghi chuyển nơi điều trị.', 'The case is closed.');
    const open = await casesRepo.openCarePeriod(trx, id);
    const date = input.date ?? today;
    const severity = (input.severity ?? before.severity) as Severity;
    const problems: FieldProblem[] = [];
    if (!isIsoDate(date)) problems.push({ field: 'date', message: 'Ngày chuyển không hợp lệ.', messageEn: 'Invalid date.' });
    else if (date > today) problems.push({ field: 'date', message: 'Ngày chuyển không thể ở tương lai.', messageEn: 'The transfer date is in the future.' });
    else if (date < before.test_date || (open && date < open.from_date)) {
      problems.push({ field: 'date', message: 'Ngày chuyển trước ngày xét nghiệm hoặc trước lần chuyển gần nhất.', messageEn: 'The transfer is before the test or the last transfer.' });
    }
    problems.push(...checkSeverityPlace(severity, input.place, 'carePlace').map((p) => ({ ...p, field: 'place' })));
    if (open && open.place === input.place && (open.facility_name ?? null) === (input.facilityName ?? null) && open.severity === severity) {
      problems.push({ field: 'place', message: 'Ca bệnh đang ở nơi này.', messageEn: 'The case is already there.' });
    }
    if (problems.length) throw errors.problems(problems);

    const now = nowIso();
    if (open) await trx.updateTable('case_care_places').set({ to_date: date }).where('id', '=', open.id).execute();
    await trx.insertInto('case_care_places').values({
      case_id: id, place: input.place, facility_name: input.facilityName ?? null, severity, from_date: date, to_date: null,
      reason: input.reason, recorded_by: auth.user.id, created_at: now,
    }).execute();
    const r = await trx.updateTable('cases').set({ care_place: input.place, care_facility: input.facilityName ?? null, severity, version: sql`version + 1`, updated_at: now })
      .where('id', '=', id).where('version', '=', input.version).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw errors.staleVersion();
    await recordAudit(trx, actor, {
      action: 'transfer', entity: 'case', entityId: id, unitCode: before.unit_code, unitPath: before.unit_path,
      changes: {
        carePlace: [before.care_place, input.place], careFacility: [before.care_facility, input.facilityName ?? null],
        ...(severity !== before.severity ? { severity: [before.severity, severity] } : {}), date: [null, date], reason: [null, input.reason],
      },
    });
    const after = await visibleCaseOr404(trx, auth, id);
    return { ...(await caseDtoOf(trx, auth, after)), carePlaces: (await casesRepo.carePeriods(trx, id)).map(toCarePlaceDto) };
  });
}
