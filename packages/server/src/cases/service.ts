import {
  ageOnTest, checkCaseDates, checkSeverityPlace, duplicateEpisode, homeTreatmentEligibility, suggestedCarePlace, vnDate,
  type CaseStatus, type FieldProblem, type HomeTreatmentRule,
} from '@pcd/core';
import type { Db, DbOrTrx } from '../db/database.js';
import type { PersonRow } from '../db/schema.js';
import type { AuthContext } from '../auth/context.js';
import { scopeCovers } from '../auth/scope.js';
import { recordAudit, type Actor } from '../audit/audit.js';
import { AppError, errors } from '../http/errors.js';
import { nowIso } from '../lib/time.js';
import { unitsRepo } from '../units/repository.js';
import { insertPerson, requirePersonal } from '../people/service.js';
import { peopleRepo } from '../people/repository.js';
import { clustersRepo } from '../chains/clusters-repository.js';
import { contactsOfCase } from '../contacts/repository.js';
import { resolveRule, RuleBook } from '../rules/resolve.js';
import { casesRepo, type CaseFilter } from './repository.js';
import { vaccinationOfPerson } from './vaccination-status.js';
import { toCarePlaceDto, toCaseDto, type CaseDetailRow, type CaseDto, type CaseInput, type ClinicalInput } from './model.js';

export const caseNotFound = () => errors.notFound('Ca bệnh F0', 'F0 case');

export function caseDto(auth: AuthContext, r: CaseDetailRow, rule: HomeTreatmentRule): CaseDto {
  return toCaseDto(r, r.source_unit_path === null || scopeCovers(auth.scope, r.source_unit_path), rule);
}

/** One case, judged by the home-treatment criteria of the province or district that manages it. */
export async function caseDtoOf(db: DbOrTrx, auth: AuthContext, r: CaseDetailRow): Promise<CaseDto> {
  return caseDto(auth, r, (await resolveRule(db, r.unit_path, 'home_treatment')).rule);
}

export async function visibleCaseOr404(db: DbOrTrx, auth: AuthContext, id: number): Promise<CaseDetailRow> {
  const row = await casesRepo.findVisible(db, auth.scope, id);
  if (!row) throw caseNotFound();
  return row;
}

/** A managing unit given by the caller: a village or commune inside its jurisdiction. */
async function managingUnit(db: DbOrTrx, auth: AuthContext, code: string) {
  const u = await unitsRepo.findVisible(db, auth.scope, code);
  if (!u || (u.tier !== 'village' && u.tier !== 'commune')) {
    throw errors.invalid('unitCode', 'Nơi quản lý ca bệnh phải là thôn/bản hoặc xã trong phạm vi quản lý của bạn.', 'The managing unit must be a village or commune in your jurisdiction.');
  }
  return { code: u.code, path: u.path };
}

export async function checkClusterRef(db: DbOrTrx, auth: AuthContext, clusterId: number | null | undefined): Promise<void> {
  if (clusterId == null) return;
  if (!(await clustersRepo.findVisible(db, auth.scope, clusterId))) {
    throw errors.invalid('clusterId', 'Ổ dịch không tồn tại hoặc nằm ngoài phạm vi quản lý của bạn.', 'Unknown cluster.');
  }
}

export async function checkSourceCaseRef(db: DbOrTrx, auth: AuthContext, sourceCaseId: number | null | undefined, selfId: number | null): Promise<void> {
  if (sourceCaseId == null) return;
  if (sourceCaseId === selfId || !(await casesRepo.findVisible(db, auth.scope, sourceCaseId))) {
    throw errors.invalid('sourceCaseId', 'Ca nguồn lây không tồn tại hoặc nằm ngoài phạm vi quản lý của bạn.', 'Unknown source case.');
  }
  // A chain is a tree: the new source must not descend from the case itself.
  let up: number | null = sourceCaseId;
  for (let hops = 0; selfId !== null && up !== null && hops < 1000; hops++) {
    if (up === selfId) throw errors.invalid('sourceCaseId', 'Ca nguồn lây lại là ca lây từ chính ca này (vòng lặp).', 'The source descends from this case.');
    up = (await db.selectFrom('cases').select('source_case_id').where('id', '=', up).executeTakeFirst())?.source_case_id ?? null;
  }
}

/** Refuses a second episode of the same infection; says which one when the caller may see it. */
export async function assertNoDuplicateEpisode(db: DbOrTrx, auth: AuthContext, personId: number, testDate: string, selfId: number | null = null): Promise<void> {
  const episodes = (await casesRepo.episodesOf(db, personId)).filter((e) => e.id !== selfId);
  const dup = duplicateEpisode(episodes.map((e) => ({ id: e.id, status: e.status as CaseStatus, testDate: e.test_date, dischargeDate: e.discharge_date })), testDate);
  if (!dup) return;
  const err = new AppError(409, 'DUPLICATE_CASE', dup.problem.message, dup.problem.messageEn, dup.problem.field);
  const seen = episodes.find((e) => e.id === dup.episode.id);
  if (seen && scopeCovers(auth.scope, seen.unit_path)) Object.assign(err, { existingId: seen.id });
  throw err;
}

export interface NewCase {
  person: PersonRow;
  unit: { code: string; path: string };
  clinical: ClinicalInput;
  sourceCaseId: number | null;
  fromContactId: number | null;
  clusterId: number | null;
}

/** Inside the caller's transaction, so that promoting a contact writes the case and the contact changes together. */
export async function insertCase(trx: DbOrTrx, auth: AuthContext, actor: Actor, c: NewCase, today = vnDate()): Promise<number> {
  const { clinical: f, person } = c;
  const problems: FieldProblem[] = checkCaseDates({ onsetDate: f.onsetDate, testDate: f.testDate }, today);
  const comorbidities = f.comorbidities ?? [];
  const pregnant = f.pregnant ?? person.pregnant === 1;
  const vaccination = await vaccinationOfPerson(trx, person.id, f.testDate, true, f.vaccinationDoses ?? null);
  if (pregnant && person.sex === 'male') problems.push({ field: 'pregnant', message: 'Chỉ đánh dấu mang thai cho người giới tính nữ.', messageEn: 'Only a woman can be marked pregnant.' });
  const eligibility = homeTreatmentEligibility({
    severity: f.severity, age: ageOnTest(f.testDate, person.date_of_birth, person.birth_year), comorbidity: comorbidities.length > 0 || person.comorbidity === 1,
    comorbidityStable: f.comorbidityStable ?? false, pregnant, vaccinationDoses: vaccination.doses ?? 0, spo2: f.spo2 ?? null, respiratoryRate: f.respiratoryRate ?? null,
  }, (await resolveRule(trx, c.unit.path, 'home_treatment')).rule);
  const place = f.carePlace ?? suggestedCarePlace(f.severity, eligibility);
  problems.push(...checkSeverityPlace(f.severity, place));
  if (problems.length) throw errors.problems(problems);
  await assertNoDuplicateEpisode(trx, auth, person.id, f.testDate);

  const now = nowIso();
  const row = await trx.insertInto('cases').values({
    person_id: person.id, unit_code: c.unit.code, unit_path: c.unit.path, test_type: f.testType, test_date: f.testDate, lab: f.lab ?? null,
    detected_in: f.detectedIn, onset_date: f.onsetDate ?? null, severity: f.severity, comorbidities: JSON.stringify(comorbidities),
    comorbidity_stable: f.comorbidityStable ? 1 : 0, pregnant: pregnant ? 1 : 0, vaccination_doses: vaccination.doses,
    spo2: f.spo2 ?? null, respiratory_rate: f.respiratoryRate ?? null, care_place: place, care_facility: f.careFacility ?? null,
    cluster_id: c.clusterId, source_case_id: c.sourceCaseId, from_contact_id: c.fromContactId, status: 'active',
    discharge_date: null, discharge_test_type: null, discharge_test_date: null, discharge_test_result: null, death_date: null, death_place: null,
    death_cause: null, transfer_date: null, transfer_to: null, note: f.note ?? null, recorded_by: auth.user.id, version: 1, created_at: now, updated_at: now,
  }).returning('id').executeTakeFirstOrThrow();
  await trx.insertInto('case_care_places').values({
    case_id: row.id, place, facility_name: f.careFacility ?? null, severity: f.severity, from_date: f.testDate, to_date: null,
    reason: c.fromContactId ? 'Người tiếp xúc có kết quả dương tính' : 'Xác định ca bệnh', recorded_by: auth.user.id, created_at: now,
  }).execute();
  await recordAudit(trx, actor, {
    action: 'create', entity: 'case', entityId: row.id, unitCode: c.unit.code, unitPath: c.unit.path,
    changes: {
      personId: [null, person.id], testType: [null, f.testType], testDate: [null, f.testDate], detectedIn: [null, f.detectedIn], severity: [null, f.severity],
      carePlace: [null, place], homeTreatmentEligible: [null, eligibility.eligible],
      vaccinationDoses: [null, vaccination.doses], vaccinationSource: [null, vaccination.source],
      ...(c.fromContactId ? { fromContactId: [null, c.fromContactId] } : {}), ...(c.sourceCaseId ? { sourceCaseId: [null, c.sourceCaseId] } : {}),
    },
  });
  return row.id;
}

export async function createCase(db: Db, auth: AuthContext, actor: Actor, input: CaseInput) {
  requirePersonal(auth, true);
  return db.transaction().execute(async (trx) => {
    let person: PersonRow | undefined;
    if (input.personId !== undefined) {
      person = await peopleRepo.findVisible(trx, auth.scope, input.personId);
      if (!person) throw errors.invalid('personId', 'Người này không có trong danh sách dân cư thuộc phạm vi quản lý của bạn.', 'Unknown person or outside your jurisdiction.');
    } else if (input.person) {
      const created = await insertPerson(trx, auth, actor, input.person);
      person = await trx.selectFrom('people').selectAll().where('id', '=', created.person.id).executeTakeFirstOrThrow();
    } else {
      throw errors.invalid('personId', 'Hãy chọn người trong danh sách dân cư hoặc nhập thông tin người mới.', 'personId or person is required.');
    }
    const unit = input.unitCode ? await managingUnit(trx, auth, input.unitCode) : { code: person.unit_code, path: person.unit_path };
    await checkClusterRef(trx, auth, input.clusterId);
    await checkSourceCaseRef(trx, auth, input.sourceCaseId, null);
    const id = await insertCase(trx, auth, actor, { person, unit, clinical: input, sourceCaseId: input.sourceCaseId ?? null, fromContactId: null, clusterId: input.clusterId ?? null });
    return caseDtoOf(trx, auth, await visibleCaseOr404(trx, auth, id));
  });
}

export async function getCase(db: Db, auth: AuthContext, actor: Actor, id: number) {
  requirePersonal(auth, false);
  const row = await visibleCaseOr404(db, auth, id);
  const [periods, contacts] = await Promise.all([casesRepo.carePeriods(db, id), contactsOfCase(db, auth, id)]);
  await recordAudit(db, actor, { action: 'read', entity: 'case', entityId: id, unitCode: row.unit_code, unitPath: row.unit_path });
  return { ...(await caseDtoOf(db, auth, row)), carePlaces: periods.map(toCarePlaceDto), contacts };
}

export async function resolveWithin(db: DbOrTrx, auth: AuthContext, unit: string | undefined): Promise<string | undefined> {
  if (!unit) return undefined;
  const u = await unitsRepo.findVisible(db, auth.scope, unit);
  if (!u) throw errors.notFound('Đơn vị hành chính', 'Administrative unit');
  return u.path;
}

export async function listCases(db: Db, auth: AuthContext, actor: Actor, f: CaseFilter & { unit?: string }, page: number, pageSize: number) {
  requirePersonal(auth, false);
  const filter = { ...f, within: await resolveWithin(db, auth, f.unit) };
  const qb = casesRepo.filtered(db, auth.scope, filter);
  const [{ total }] = await qb.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const { column, direction } = casesRepo.order(f.sort);
  const rows = await casesRepo.withDetails(qb).orderBy(column, f.sort ? direction : 'desc').orderBy('cases.id', 'desc')
    .limit(pageSize).offset((page - 1) * pageSize).execute();
  await recordAudit(db, actor, { action: 'read', entity: 'case', unitCode: f.unit ?? auth.user.unitCode, changes: { query: { ...f }, ids: rows.map((r) => r.id) } });
  const rules = await RuleBook.load(db, 'home_treatment');
  return { items: rows.map((r) => caseDto(auth, r, rules.forPath(r.unit_path))), total: Number(total), page, pageSize };
}

export async function* iterateCases(db: Db, auth: AuthContext, filter: CaseFilter): AsyncGenerator<CaseDto> {
  let after = 0;
  const rules = await RuleBook.load(db, 'home_treatment');
  for (;;) {
    const batch = await casesRepo.withDetails(casesRepo.filtered(db, auth.scope, filter)).where('cases.id', '>', after).orderBy('cases.id').limit(2000).execute();
    for (const b of batch) yield caseDto(auth, b, rules.forPath(b.unit_path));
    if (batch.length < 2000) return;
    after = batch[batch.length - 1].id;
  }
}
