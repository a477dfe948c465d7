import { can, checkPerson, foldVietnamese, vnDate } from '@pcd/core';
import { sql } from 'kysely';
import type { Db, DbOrTrx } from '../db/database.js';
import type { AuthContext } from '../auth/context.js';
import { diffFields, recordAudit, type Actor } from '../audit/audit.js';
import { AppError, errors } from '../http/errors.js';
import { nowIso } from '../lib/time.js';
import { unitsRepo } from '../units/repository.js';
import { toPersonDto, type PersonDto, type PersonInput, type PersonPatch } from './model.js';
import { peopleRepo, type PeopleFilter } from './repository.js';
import { mergeDoses, mergeVaccinationFollowups } from './merge-vaccination.js';
import { repointPersonReferences } from './references.js';
import { householdsRepo } from './households-repository.js';

const notFound = () => errors.notFound('Hồ sơ người dân', 'Person');

export function requirePersonal(auth: AuthContext, write: boolean): void {
  if (!can(auth.user.role, write ? 'personal.write' : 'personal.read')) throw errors.forbidden();
}

/** The unit a person is registered in: a village or a commune inside the caller's scope. */
async function residenceUnit(db: DbOrTrx, auth: AuthContext, code: string) {
  const unit = await unitsRepo.findVisible(db, auth.scope, code);
  if (!unit) throw errors.invalid('unitCode', `Đơn vị "${code}" không tồn tại hoặc nằm ngoài phạm vi quản lý của bạn.`, 'Unknown unit or outside your jurisdiction.');
  if (unit.tier !== 'village' && unit.tier !== 'commune') {
    throw errors.invalid('unitCode', 'Người dân phải thuộc một thôn/bản/tổ dân phố hoặc một xã/phường.', 'A person belongs to a village or a commune.');
  }
  return unit;
}

async function checkHousehold(db: DbOrTrx, auth: AuthContext, householdId: number | null | undefined, unitPath: string) {
  if (householdId == null) return;
  const h = await householdsRepo.findVisible(db, auth.scope, householdId);
  if (!h) throw errors.invalid('householdId', 'Hộ gia đình không tồn tại hoặc nằm ngoài phạm vi quản lý của bạn.', 'Unknown household.');
  if (!unitPath.startsWith(h.unit_path) && !h.unit_path.startsWith(unitPath)) {
    throw errors.invalid('householdId', 'Hộ gia đình thuộc thôn/bản khác với người này.', 'The household is in another village.');
  }
}

async function assertIdFree(db: DbOrTrx, auth: AuthContext, idNumber: string | null, selfId: number | null) {
  if (!idNumber) return;
  const other = await peopleRepo.byIdNumber(db, idNumber);
  if (!other || other.id === selfId) return;
  const visible = await peopleRepo.findVisible(db, auth.scope, other.id);
  const err = visible
    ? new AppError(409, 'DUPLICATE_ID', `Người có số định danh này đã có hồ sơ: ${other.full_name} (mã ${other.id}).`, 'A person with this ID number exists.', 'idNumber')
    : new AppError(409, 'DUPLICATE_ID', 'Số định danh này đã được đăng ký ở đơn vị khác. Liên hệ cấp trên để chuyển hồ sơ.', 'This ID number is registered in another unit.', 'idNumber');
  if (visible) Object.assign(err, { existingId: other.id });
  throw err;
}

function rowValues(input: PersonInput | PersonPatch, value: ReturnType<typeof checkPerson>['value']) {
  return {
    full_name: value.fullName, name_folded: foldVietnamese(value.fullName), date_of_birth: value.dateOfBirth, birth_year: value.birthYear,
    sex: input.sex ?? null, id_number: value.idNumber, phone: value.phone, ethnicity: input.ethnicity ?? null, occupation: input.occupation ?? null,
    address: input.address ?? null, household_id: input.householdId ?? null, residence_status: input.residenceStatus ?? 'thuong_tru',
    residence_from: input.residenceFrom ?? null, residence_to: input.residenceTo ?? null,
    comorbidity: input.flags?.comorbidity ? 1 : 0, pregnant: input.flags?.pregnant ? 1 : 0, elderly_alone: input.flags?.elderlyAlone ? 1 : 0,
  };
}

export interface CreatedPerson {
  person: PersonDto;
  probableDuplicates: number[];
}

/** Inside a transaction the caller owns, so an import can create many people in one. */
export async function insertPerson(trx: DbOrTrx, auth: AuthContext, actor: Actor, input: PersonInput, today = vnDate()): Promise<CreatedPerson> {
  const { problems, value } = checkPerson(input, today);
  if (problems.length) throw errors.problems(problems);
  const unit = await residenceUnit(trx, auth, input.unitCode);
  await checkHousehold(trx, auth, input.householdId, unit.path);
  await assertIdFree(trx, auth, value.idNumber, null);
  const now = nowIso();
  const row = await trx
    .insertInto('people')
    .values({ ...rowValues(input, value), unit_code: unit.code, unit_path: unit.path, version: 1, created_at: now, updated_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();
  const dups = await peopleRepo.probableDuplicates(trx, row);
  for (const other of dups) {
    await trx.insertInto('person_duplicates').values({ person_id: row.id, other_id: other, unit_path: unit.path, reason: 'name_dob_village', status: 'open', created_at: now }).execute();
  }
  await recordAudit(trx, actor, {
    action: 'create', entity: 'person', entityId: row.id, unitCode: unit.code, unitPath: unit.path,
    changes: { fullName: [null, row.full_name], idNumber: [null, row.id_number], unitCode: [null, unit.code], ...(dups.length ? { probableDuplicates: [null, dups] } : {}) },
  });
  return { person: toPersonDto({ ...row, unit_name: unit.name }), probableDuplicates: dups };
}

export async function createPerson(db: Db, auth: AuthContext, actor: Actor, input: PersonInput): Promise<CreatedPerson> {
  requirePersonal(auth, true);
  return db.transaction().execute((trx) => insertPerson(trx, auth, actor, input));
}

export async function getPerson(db: Db, auth: AuthContext, actor: Actor, id: number) {
  requirePersonal(auth, false);
  const row = await peopleRepo.findVisible(db, auth.scope, id);
  if (!row) throw notFound();
  const dups = await db
    .selectFrom('person_duplicates')
    .select(['id', 'person_id', 'other_id'])
    .where('status', '=', 'open')
    .where((eb) => eb.or([eb('person_id', '=', id), eb('other_id', '=', id)]))
    .execute();
  await recordAudit(db, actor, { action: 'read', entity: 'person', entityId: id, unitCode: row.unit_code, unitPath: row.unit_path });
  return { ...toPersonDto(row), probableDuplicates: dups.map((d) => ({ duplicateId: d.id, personId: d.person_id === id ? d.other_id : d.person_id })) };
}

export async function listPeople(db: Db, auth: AuthContext, actor: Actor, f: PeopleFilter & { unit?: string }, page: number, pageSize: number) {
  requirePersonal(auth, false);
  const filter = await resolveUnitFilter(db, auth, f);
  const thisYear = Number(vnDate().slice(0, 4));
  const qb = peopleRepo.filtered(db, auth.scope, filter, thisYear);
  const [{ total }] = await qb.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const { column, direction } = peopleRepo.order(filter);
  const rows = await qb
    .innerJoin('units', 'units.code', 'people.unit_code')
    .selectAll('people')
    .select('units.name as unit_name')
    .orderBy(column, direction)
    .orderBy('people.id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  // A list of people is a read of their personal data: who saw which records is kept.
  await recordAudit(db, actor, {
    action: 'read', entity: 'person', unitCode: f.unit ?? auth.user.unitCode,
    changes: { query: { ...f }, ids: rows.map((r) => r.id) },
  });
  return { items: rows.map(toPersonDto), total: Number(total), page, pageSize };
}

export async function resolveUnitFilter(db: DbOrTrx, auth: AuthContext, f: PeopleFilter & { unit?: string }): Promise<PeopleFilter> {
  const { unit, ...rest } = f;
  if (!unit) return rest;
  const u = await unitsRepo.findVisible(db, auth.scope, unit);
  if (!u) throw errors.notFound('Đơn vị hành chính', 'Administrative unit');
  return { ...rest, within: u.path };
}

export async function updatePerson(db: Db, auth: AuthContext, actor: Actor, id: number, patch: PersonPatch): Promise<PersonDto> {
  requirePersonal(auth, true);
  return db.transaction().execute(async (trx) => {
    const before = await peopleRepo.findVisible(trx, auth.scope, id);
    if (!before) throw notFound();
    if (before.version !== patch.version) throw errors.staleVersion();
    const current = toPersonDto(before);
    const merged: PersonInput = {
      ...current,
      ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
      flags: { ...current.flags, ...(patch.flags ?? {}) },
    } as PersonInput;
    const { problems, value } = checkPerson(merged, vnDate());
    if (problems.length) throw errors.problems(problems);
    const unit = merged.unitCode === before.unit_code ? { code: before.unit_code, path: before.unit_path, name: before.unit_name } : await residenceUnit(trx, auth, merged.unitCode);
    await checkHousehold(trx, auth, merged.householdId, unit.path);
    await assertIdFree(trx, auth, value.idNumber, id);
    const r = await trx
      .updateTable('people')
      .set({ ...rowValues(merged, value), unit_code: unit.code, unit_path: unit.path, version: sql`version + 1`, updated_at: nowIso() })
      .where('id', '=', id)
      .where('version', '=', patch.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw errors.staleVersion();
    const after = (await peopleRepo.findVisible(trx, auth.scope, id)) ?? (await trx.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
    const dto = toPersonDto({ ...after, unit_name: unit.name });
    await recordAudit(trx, actor, {
      action: 'update', entity: 'person', entityId: id, unitCode: unit.code, unitPath: unit.path,
      changes: diffFields(current as unknown as Record<string, unknown>, dto as unknown as Record<string, unknown>),
    });
    return dto;
  });
}

/**
 * Keeps `keepId` and folds `otherId` into it: empty fields are filled from the other record, every
 * reference to the other is repointed, and the other stays as a tombstone pointing at the kept one.
 */
export async function mergePeople(db: Db, auth: AuthContext, actor: Actor, keepId: number, otherId: number, version: number): Promise<PersonDto> {
  requirePersonal(auth, true);
  if (keepId === otherId) throw errors.invalid('otherId', 'Không thể gộp một hồ sơ với chính nó.', 'Cannot merge a record with itself.');
  return db.transaction().execute(async (trx) => {
    const keep = await peopleRepo.findVisible(trx, auth.scope, keepId);
    if (!keep) throw notFound();
    const other = await peopleRepo.findVisible(trx, auth.scope, otherId);
    if (!other) throw errors.notFound('Hồ sơ cần gộp', 'Record to merge');
    if (keep.version !== version) throw errors.staleVersion();
    const fill = <K extends keyof typeof keep>(k: K) => (keep[k] ?? other[k]) as (typeof keep)[K];
    const now = nowIso();
    // The other record's ID number moves to the kept one; clear it first to keep the unique index happy.
    await trx.updateTable('people').set({ id_number: null, merged_into: keepId, version: sql`version + 1`, updated_at: now }).where('id', '=', otherId).execute();
    await trx.updateTable('people').set({
      date_of_birth: fill('date_of_birth'), birth_year: fill('birth_year'), sex: fill('sex'), id_number: fill('id_number'), phone: fill('phone'),
      ethnicity: fill('ethnicity'), occupation: fill('occupation'), address: fill('address'), household_id: fill('household_id'),
      residence_from: fill('residence_from'), residence_to: fill('residence_to'),
      comorbidity: keep.comorbidity || other.comorbidity, pregnant: keep.pregnant || other.pregnant, elderly_alone: keep.elderly_alone || other.elderly_alone,
      version: sql`version + 1`, updated_at: now,
    }).where('id', '=', keepId).execute();
    const merged = (await trx.selectFrom('people').selectAll().where('id', '=', keepId).executeTakeFirstOrThrow());
    const doses = await mergeDoses(trx, actor, merged, otherId);
    const followups = await mergeVaccinationFollowups(trx, actor, merged, otherId);
    const moved = await repointPersonReferences(trx, otherId, keepId);
    await trx.updateTable('person_duplicates').set({ status: 'merged', resolved_at: now, resolved_by: auth.user.id })
      .where('status', '=', 'open')
      .where((eb) => eb.or([eb('person_id', 'in', [keepId, otherId]), eb('other_id', 'in', [keepId, otherId])]))
      .execute();
    await recordAudit(trx, actor, { action: 'merge', entity: 'person', entityId: keepId, unitCode: keep.unit_code, unitPath: keep.unit_path, changes: { mergedFrom: [null, otherId], references: [null, moved], doses: [null, doses], vaccinationFollowups: [null, followups] } });
    const after = await peopleRepo.findVisible(trx, auth.scope, keepId);
    return toPersonDto(after!);
  });
}

export async function listDuplicates(db: Db, auth: AuthContext, f: { unit?: string }, page: number, pageSize: number) {
  requirePersonal(auth, false);
  const filter = await resolveUnitFilter(db, auth, f);
  let qb = db.selectFrom('person_duplicates as d')
    .innerJoin('people as a', 'a.id', 'd.person_id')
    .innerJoin('people as b', 'b.id', 'd.other_id')
    .where('d.status', '=', 'open')
    // Both records must be visible: a pair is never a way to see someone outside the scope.
    .where((eb) => eb.and([
      eb.or(auth.scope.all ? [eb.lit(true)] : auth.scope.paths.map((p) => eb('a.unit_path', 'like', `${p}%`))),
      eb.or(auth.scope.all ? [eb.lit(true)] : auth.scope.paths.map((p) => eb('b.unit_path', 'like', `${p}%`))),
    ]));
  if (filter.within) qb = qb.where('d.unit_path', 'like', `${filter.within}%`);
  const [{ total }] = await qb.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await qb.select(['d.id', 'd.reason', 'd.created_at', 'a.id as a_id', 'b.id as b_id']).orderBy('d.id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute();
  const ids = rows.flatMap((r) => [r.a_id, r.b_id]);
  const people = ids.length ? await db.selectFrom('people').innerJoin('units', 'units.code', 'people.unit_code').selectAll('people').select('units.name as unit_name').where('people.id', 'in', ids).execute() : [];
  const byId = new Map(people.map((p) => [p.id, toPersonDto(p)]));
  return { items: rows.map((r) => ({ id: r.id, reason: r.reason, createdAt: r.created_at, person: byId.get(r.a_id)!, other: byId.get(r.b_id)! })), total: Number(total), page, pageSize };
}

export async function dismissDuplicate(db: Db, auth: AuthContext, actor: Actor, id: number): Promise<void> {
  requirePersonal(auth, true);
  await db.transaction().execute(async (trx) => {
    const d = await trx.selectFrom('person_duplicates').selectAll().where('id', '=', id).where('status', '=', 'open').executeTakeFirst();
    if (!d || !(await peopleRepo.findVisible(trx, auth.scope, d.person_id)) || !(await peopleRepo.findVisible(trx, auth.scope, d.other_id))) {
      throw errors.notFound('Cặp hồ sơ nghi trùng', 'Duplicate pair');
    }
    await trx.updateTable('person_duplicates').set({ status: 'dismissed', resolved_at: nowIso(), resolved_by: auth.user.id }).where('id', '=', id).execute();
    await recordAudit(trx, actor, { action: 'dismiss_duplicate', entity: 'person', entityId: d.person_id, unitPath: d.unit_path, changes: { other: [null, d.other_id] } });
  });
}
