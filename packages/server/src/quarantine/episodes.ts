import { sql } from 'kysely';
import { addDays, checkArea, isIsoDate, planQuarantine, vnDate, type AreaKind, type QuarantineReason } from '@pcd/core';
import type { Db, DbOrTrx } from '../db/database.js';
import type { AuthContext } from '../auth/context.js';
import { withinScope, type Scope } from '../auth/scope.js';
import { recordAudit, type Actor } from '../audit/audit.js';
import { AppError, errors } from '../http/errors.js';
import { nowIso } from '../lib/time.js';
import { requirePersonal } from '../people/service.js';
import { peopleRepo } from '../people/repository.js';
import { registerPersonReference } from '../people/references.js';
import { resolveWithin } from '../cases/service.js';
import { areaOccupancy, filteredFacilities } from './facilities.js';
import type { EpisodeDto, EpisodeInput, EpisodePatch } from './model.js';
import { quarantineRulesAt } from '../rules/resolve.js';

registerPersonReference('quarantine_episodes', 'person_id');

export const episodeNotFound = () => errors.notFound('Đợt cách ly', 'Quarantine episode');

export interface EpisodeFilter {
  within?: string;
  status?: string;
  kind?: string;
  reason?: string;
  facilityId?: number;
  /** test_today: a test falls today; release_due: the planned end is today; overdue: past the planned end, not released. */
  due?: 'test_today' | 'release_due' | 'overdue';
  mealSupport?: boolean;
}

function filtered(db: DbOrTrx, scope: Scope, f: EpisodeFilter, today = vnDate()) {
  let qb = db.selectFrom('quarantine_episodes').where(withinScope(scope, 'quarantine_episodes.unit_path'));
  if (f.within) qb = qb.where('quarantine_episodes.unit_path', 'like', `${f.within}%`);
  if (f.status) qb = qb.where('quarantine_episodes.status', '=', f.status);
  if (f.kind) qb = qb.where('quarantine_episodes.kind', '=', f.kind);
  if (f.reason) qb = qb.where('quarantine_episodes.reason', '=', f.reason);
  if (f.facilityId) qb = qb.where('quarantine_episodes.facility_id', '=', f.facilityId);
  if (f.mealSupport !== undefined) qb = qb.where('quarantine_episodes.meal_support', '=', f.mealSupport ? 1 : 0);
  if (f.due) {
    qb = qb.where('quarantine_episodes.status', '=', 'active');
    if (f.due === 'test_today') qb = qb.where('quarantine_episodes.test_dates', 'like', `%"${today}"%`);
    if (f.due === 'release_due') qb = qb.where('quarantine_episodes.planned_end', '=', today);
    if (f.due === 'overdue') qb = qb.where('quarantine_episodes.planned_end', '<', today);
  }
  return qb;
}

function withDetails(qb: ReturnType<typeof filtered>) {
  return qb
    .innerJoin('people', 'people.id', 'quarantine_episodes.person_id')
    .innerJoin('units', 'units.code', 'quarantine_episodes.unit_code')
    .leftJoin('quarantine_facilities', 'quarantine_facilities.id', 'quarantine_episodes.facility_id')
    .leftJoin('quarantine_areas', 'quarantine_areas.id', 'quarantine_episodes.area_id')
    .leftJoin('users', 'users.id', 'quarantine_episodes.released_by')
    .selectAll('quarantine_episodes')
    .select([
      'people.full_name', 'people.birth_year', 'people.phone', 'people.address', 'units.name as unit_name', 'quarantine_facilities.name as facility_name',
      'quarantine_areas.name as area_name', 'quarantine_areas.kind as area_kind', 'users.full_name as released_by_name',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof withDetails>['execute']>>[number];
export function toEpisodeDto(r: Row): EpisodeDto {
  return {
    id: r.id, personId: r.person_id, fullName: r.full_name, birthYear: r.birth_year, phone: r.phone, address: r.address, unitCode: r.unit_code,
    unitName: r.unit_name, kind: r.kind as EpisodeDto['kind'], facilityId: r.facility_id, facilityName: r.facility_name, areaId: r.area_id,
    areaName: r.area_name, areaKind: r.area_kind as AreaKind | null, reason: r.reason as QuarantineReason, ruleName: r.rule_name, startDate: r.start_date,
    plannedEnd: r.planned_end, testDates: JSON.parse(r.test_dates) as string[], releasedDate: r.released_date, releasedBy: r.released_by_name,
    status: r.status as EpisodeDto['status'], contactId: r.contact_id, obligationId: r.obligation_id, mealSupport: r.meal_support === 1,
    mealNote: r.meal_note, note: r.note, version: r.version, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

export const episodesRepo = {
  filtered,
  withDetails,
  async findVisible(db: DbOrTrx, scope: Scope, id: number) {
    return withDetails(filtered(db, scope, {})).where('quarantine_episodes.id', '=', id).executeTakeFirst();
  },
};

async function visibleOr404(db: DbOrTrx, scope: Scope, id: number) {
  const r = await episodesRepo.findVisible(db, scope, id);
  if (!r) throw episodeNotFound();
  return r;
}

/** Where the person goes: a facility area that fits the reason and has a free bed. */
async function placement(trx: DbOrTrx, auth: AuthContext, input: EpisodeInput) {
  if (input.kind === 'home') {
    if (input.facilityId || input.areaId) throw errors.invalid('facilityId', 'Cách ly tại nhà không chọn khu cách ly.', 'Home quarantine has no facility.');
    return { facilityId: null, areaId: null };
  }
  if (!input.facilityId) throw errors.invalid('facilityId', 'Hãy chọn khu cách ly tập trung.', 'A facility is required.');
  const f = await filteredFacilities(trx, auth.scope, {}).selectAll().where('id', '=', input.facilityId).executeTakeFirst();
  if (!f) throw errors.invalid('facilityId', 'Khu cách ly không tồn tại hoặc nằm ngoài phạm vi quản lý của bạn.', 'Unknown facility or outside your jurisdiction.');
  if (f.status === 'closed') throw errors.invalid('facilityId', 'Khu cách ly này đã đóng.', 'This facility is closed.');
  if (!input.areaId) throw errors.invalid('areaId', 'Hãy chọn khu (F1, F2, người về) trong khu cách ly.', 'An area is required.');
  const area = await trx.selectFrom('quarantine_areas').selectAll().where('id', '=', input.areaId).where('facility_id', '=', f.id).executeTakeFirst();
  if (!area) throw errors.invalid('areaId', 'Khu này không thuộc khu cách ly đã chọn.', 'The area is not in this facility.');
  const problems = checkArea(input.reason, area.kind as AreaKind);
  if (problems.length) throw errors.problems(problems);
  // Touching the facility row first locks it until commit, so two offices cannot both take the last bed.
  await trx.updateTable('quarantine_facilities').set({ updated_at: nowIso() }).where('id', '=', f.id).execute();
  const occupied = (await areaOccupancy(trx, f.id, '9999-12-31')).get(area.id) ?? 0;
  if (occupied >= area.beds) {
    throw new AppError(409, 'AREA_FULL', `${area.name} đã hết giường (${occupied}/${area.beds}).`, `The area is full (${occupied}/${area.beds}).`, 'areaId');
  }
  return { facilityId: f.id, areaId: area.id };
}

async function checkLink(trx: DbOrTrx, scope: Scope, table: 'contacts' | 'obligations', id: number | null | undefined, personId: number, field: string) {
  if (id == null) return;
  const r = await trx.selectFrom(table).select(['id', 'person_id']).where('id', '=', id).where(withinScope(scope, `${table}.unit_path`)).executeTakeFirst();
  if (!r || r.person_id !== personId) throw errors.invalid(field, 'Bản ghi liên kết không tồn tại, không phải của người này, hoặc nằm ngoài phạm vi quản lý của bạn.', 'Unknown linked record.');
}

export async function createEpisode(db: Db, auth: AuthContext, actor: Actor, input: EpisodeInput, today = vnDate()): Promise<EpisodeDto> {
  requirePersonal(auth, true);
  const start = input.startDate ?? today;
  if (!isIsoDate(start) || start > addDays(today, 1) || start < addDays(today, -60)) {
    throw errors.invalid('startDate', 'Ngày bắt đầu cách ly phải trong 60 ngày qua hoặc ngày mai.', 'The start date must be within the last 60 days or tomorrow.');
  }
  return db.transaction().execute(async (trx) => {
    const person = await peopleRepo.findVisible(trx, auth.scope, input.personId);
    if (!person) throw errors.invalid('personId', 'Người này không có trong danh sách dân cư thuộc phạm vi quản lý của bạn.', 'Unknown person or outside your jurisdiction.');
    const active = await trx.selectFrom('quarantine_episodes').select('id').where('person_id', '=', person.id).where('status', '=', 'active').executeTakeFirst();
    if (active) {
      throw Object.assign(new AppError(409, 'DUPLICATE_QUARANTINE', 'Người này đang trong một đợt cách ly khác.', 'This person is already in quarantine.', 'personId'), { existingId: active.id });
    }
    await checkLink(trx, auth.scope, 'contacts', input.contactId, person.id, 'contactId');
    await checkLink(trx, auth.scope, 'obligations', input.obligationId, person.id, 'obligationId');
    const place = await placement(trx, auth, input);
    const plan = planQuarantine(input.reason, start, input.vaccinationDoses ?? null, await quarantineRulesAt(trx, person.unit_path));
    const now = nowIso();
    const row = await trx.insertInto('quarantine_episodes').values({
      person_id: person.id, unit_code: person.unit_code, unit_path: person.unit_path, kind: input.kind, facility_id: place.facilityId, area_id: place.areaId,
      reason: input.reason, rule_name: plan.ruleName, start_date: start, planned_end: plan.plannedEnd, test_dates: JSON.stringify(plan.testDates),
      released_date: null, released_by: null, status: 'active', contact_id: input.contactId ?? null, obligation_id: input.obligationId ?? null,
      meal_support: input.mealSupport ? 1 : 0, meal_note: input.mealNote ?? null, note: input.note ?? null, recorded_by: auth.user.id,
      version: 1, created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'create', entity: 'quarantine_episode', entityId: row.id, unitCode: person.unit_code, unitPath: person.unit_path,
      changes: { personId: [null, person.id], kind: [null, input.kind], facilityId: [null, place.facilityId], areaId: [null, place.areaId], reason: [null, input.reason], plannedEnd: [null, plan.plannedEnd] },
    });
    return toEpisodeDto(await visibleOr404(trx, auth.scope, row.id));
  });
}

export async function getEpisode(db: Db, auth: AuthContext, actor: Actor, id: number) {
  requirePersonal(auth, false);
  const r = await visibleOr404(db, auth.scope, id);
  await recordAudit(db, actor, { action: 'read', entity: 'quarantine_episode', entityId: id, unitCode: r.unit_code, unitPath: r.unit_path });
  return toEpisodeDto(r);
}

export async function updateEpisode(db: Db, auth: AuthContext, actor: Actor, id: number, patch: EpisodePatch) {
  requirePersonal(auth, true);
  return db.transaction().execute(async (trx) => {
    const before = await visibleOr404(trx, auth.scope, id);
    if (before.version !== patch.version) throw errors.staleVersion();
    if (patch.status && before.status !== 'active') throw errors.invalid('status', 'Chỉ hủy được đợt cách ly đang diễn ra.', 'Only an active episode can be cancelled.');
    const next = {
      meal_support: patch.mealSupport === undefined ? before.meal_support : patch.mealSupport ? 1 : 0,
      meal_note: patch.mealNote !== undefined ? patch.mealNote : before.meal_note,
      note: patch.note !== undefined ? patch.note : before.note,
      status: patch.status ?? before.status,
    };
    const r = await trx.updateTable('quarantine_episodes').set({ ...next, version: sql`version + 1`, updated_at: nowIso() })
      .where('id', '=', id).where('version', '=', patch.version).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw errors.staleVersion();
    const changes: Record<string, [unknown, unknown]> = {};
    for (const k of Object.keys(next) as (keyof typeof next)[]) if (next[k] !== before[k]) changes[k] = [before[k], next[k]];
    await recordAudit(trx, actor, { action: patch.status ? 'cancel' : 'update', entity: 'quarantine_episode', entityId: id, unitCode: before.unit_code, unitPath: before.unit_path, changes });
    return toEpisodeDto(await visibleOr404(trx, auth.scope, id));
  });
}

/** Release on or after the planned end; an earlier end is a cancellation with a note, not a release. */
export async function releaseEpisode(db: Db, auth: AuthContext, actor: Actor, id: number, input: { version: number; date?: string }, today = vnDate()) {
  requirePersonal(auth, true);
  return db.transaction().execute(async (trx) => {
    const before = await visibleOr404(trx, auth.scope, id);
    if (before.version !== input.version) throw errors.staleVersion();
    if (before.status !== 'active') throw new AppError(409, 'NOT_ACTIVE', 'Đợt cách ly này đã kết thúc.', 'This episode has ended.', 'status');
    const date = input.date ?? today;
    if (date > today) throw errors.invalid('date', 'Ngày hoàn thành cách ly không thể ở tương lai.', 'The release date is in the future.');
    if (date < before.planned_end) {
      throw errors.invalid('date', `Chưa hết thời gian cách ly theo quy định (đến ngày ${before.planned_end.split('-').reverse().join('/')}).`, 'The quarantine period has not ended yet.');
    }
    const r = await trx.updateTable('quarantine_episodes').set({ status: 'released', released_date: date, released_by: auth.user.id, version: sql`version + 1`, updated_at: nowIso() })
      .where('id', '=', id).where('version', '=', input.version).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw errors.staleVersion();
    await recordAudit(trx, actor, { action: 'release', entity: 'quarantine_episode', entityId: id, unitCode: before.unit_code, unitPath: before.unit_path, changes: { status: ['active', 'released'], releasedDate: [null, date] } });
    return toEpisodeDto(await visibleOr404(trx, auth.scope, id));
  });
}

export async function listEpisodes(db: Db, auth: AuthContext, actor: Actor, f: EpisodeFilter & { unit?: string }, page: number, pageSize: number) {
  requirePersonal(auth, false);
  const qb = filtered(db, auth.scope, { ...f, within: await resolveWithin(db, auth, f.unit) });
  const [{ total }] = await qb.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await withDetails(qb).orderBy('quarantine_episodes.planned_end').orderBy('quarantine_episodes.id').limit(pageSize).offset((page - 1) * pageSize).execute();
  await recordAudit(db, actor, { action: 'read', entity: 'quarantine_episode', unitCode: f.unit ?? auth.user.unitCode, changes: { query: { ...f }, ids: rows.map((r) => r.id) } });
  return { items: rows.map(toEpisodeDto), total: Number(total), page, pageSize };
}

export async function* iterateEpisodes(db: Db, auth: AuthContext, f: EpisodeFilter): AsyncGenerator<EpisodeDto> {
  let after = 0;
  for (;;) {
    const batch = await withDetails(filtered(db, auth.scope, f)).where('quarantine_episodes.id', '>', after).orderBy('quarantine_episodes.id').limit(2000).execute();
    for (const b of batch) yield toEpisodeDto(b);
    if (batch.length < 2000) return;
    after = batch[batch.length - 1].id;
  }
}
