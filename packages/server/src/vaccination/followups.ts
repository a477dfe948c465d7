import { sql, type ExpressionBuilder, type SqlBool } from 'kysely';
import { ageOn, foldVietnamese, groupBirthBounds, vnDate, type CoverageMeasure, type NotVaccinatedReason, type VaccinationGroup } from '@pcd/core';
import type { Db, DbOrTrx } from '../db/database.js';
import type { Database } from '../db/schema.js';
import type { AuthContext } from '../auth/context.js';
import type { Scope } from '../auth/scope.js';
import { recordAudit, type Actor } from '../audit/audit.js';
import { errors } from '../http/errors.js';
import { nowIso } from '../lib/time.js';
import { peopleRepo, visiblePeople } from '../people/repository.js';
import { requirePersonal } from '../people/service.js';
import { resolveWithin } from '../cases/service.js';
import { unitsRepo } from '../units/repository.js';
import type { FollowupInput, UnvaccinatedDto, UnvaccinatedQuery } from './field-model.js';

// A merge of two person records moves follow-ups in people/merge-vaccination.ts, keeping the newer one per measure.

type PeopleEb = ExpressionBuilder<Database, 'people'>;

/** People of a group on `today` (age from the date of birth, or the birth year when only that is known). */
export function inGroup(group: VaccinationGroup, today: string) {
  const b = groupBirthBounds(group, today);
  return (eb: PeopleEb) => {
    const byDate = [eb('people.date_of_birth', 'is not', null), eb('people.date_of_birth', '<=', b.bornOnOrBefore)];
    if (b.bornAfter) byDate.push(eb('people.date_of_birth', '>', b.bornAfter));
    const byYear = [eb('people.date_of_birth', 'is', null), eb('people.birth_year', 'is not', null), eb('people.birth_year', '<=', b.bornInOrBefore)];
    if (b.bornInOrAfter !== null) byYear.push(eb('people.birth_year', '>=', b.bornInOrAfter));
    const age = eb.or([eb.and(byDate), eb.and(byYear)]);
    return b.flag ? eb.and([age, eb(`people.${b.flag}`, '=', 1)]) : age;
  };
}

/**
 * People who do not yet count for a measure, as `meetsMeasure` in core decides it: no dose at all, no
 * booster, or fewer primary doses than the shortest course among the products they received.
 */
export function lacksMeasure(measure: CoverageMeasure) {
  if (measure === 'dose1') return sql<SqlBool>`not exists (select 1 from vaccination_doses d where d.person_id = people.id)`;
  if (measure === 'booster') return sql<SqlBool>`not exists (select 1 from vaccination_doses d where d.person_id = people.id and d.kind = 'booster')`;
  return sql<SqlBool>`(select count(*) from vaccination_doses d where d.person_id = people.id and d.kind = 'primary')
    < coalesce((select min(p.primary_doses) from vaccination_doses d join vaccine_products p on p.code = d.product_code where d.person_id = people.id and d.kind = 'primary'), 1)`;
}

/** The deceased are nobody's door-to-door task. */
const alive = sql<SqlBool>`not exists (select 1 from cases c where c.person_id = people.id and c.status = 'died')`;

export function unvaccinatedPeople(db: DbOrTrx, scope: Scope, f: { within?: string; group: VaccinationGroup; measure: CoverageMeasure }, today: string) {
  let qb = visiblePeople(db, scope).where(inGroup(f.group, today)).where(lacksMeasure(f.measure)).where(alive);
  if (f.within) qb = qb.where('people.unit_path', 'like', `${f.within}%`);
  return qb;
}

/** How many people of a group in an area still lack the dose: the need an allocation request rests on. */
export async function countUnvaccinated(db: DbOrTrx, scope: Scope, f: { within: string; group: VaccinationGroup; measure: CoverageMeasure }, today = vnDate()) {
  const r = await unvaccinatedPeople(db, scope, f, today).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

function listQuery(db: DbOrTrx, scope: Scope, q: UnvaccinatedQuery & { within?: string }, today: string) {
  let qb = unvaccinatedPeople(db, scope, q, today)
    .leftJoin('vaccination_followups as f', (j) => j.onRef('f.person_id', '=', 'people.id').on('f.measure', '=', q.measure));
  if (q.reason === 'none') qb = qb.where('f.reason', 'is', null);
  else if (q.reason) qb = qb.where('f.reason', '=', q.reason);
  if (q.responsibleUserId) qb = qb.where('f.responsible_user_id', '=', q.responsibleUserId);
  if (q.q) {
    const words = foldVietnamese(q.q).replace(/[%_\\]/g, '').split(' ').filter(Boolean);
    if (words.length) qb = qb.where((eb) => eb.and(words.map((w) => eb('people.name_folded', 'like', `%${w}%`))));
  }
  return qb;
}

function withDetails(qb: ReturnType<typeof listQuery>) {
  return qb.innerJoin('units', 'units.code', 'people.unit_code')
    .leftJoin('households', 'households.id', 'people.household_id')
    .leftJoin('users as r', 'r.id', 'f.responsible_user_id')
    .select([
      'people.id', 'people.full_name', 'people.date_of_birth', 'people.birth_year', 'people.sex', 'people.phone', 'people.address', 'people.unit_code',
      'people.household_id', 'units.name as unit_name', 'households.code as household_code', 'households.name as household_name', 'households.address as household_address',
      'f.reason', 'f.responsible_user_id', 'f.note', 'f.group_code', 'f.version', 'f.updated_at', 'r.full_name as responsible_name',
      sql<number>`(select count(*) from vaccination_doses d where d.person_id = people.id)`.as('doses'),
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof withDetails>['execute']>>[number];

function toDto(r: Row, today: string): UnvaccinatedDto {
  const household = r.household_id ? [r.household_code, r.household_name ?? r.household_address].filter(Boolean).join(' – ') : null;
  return {
    personId: r.id, fullName: r.full_name, dateOfBirth: r.date_of_birth, birthYear: r.birth_year, age: ageOn(today, r.date_of_birth, r.birth_year),
    sex: r.sex, phone: r.phone, address: r.address ?? r.household_address, unitCode: r.unit_code, unitName: r.unit_name, householdId: r.household_id,
    household: household || null, doses: Number(r.doses), reason: (r.reason as NotVaccinatedReason | null) ?? null, responsibleUserId: r.responsible_user_id ?? null,
    responsibleName: r.responsible_name ?? null, note: r.note ?? null, followupGroup: r.group_code ?? null, version: r.version ?? null, updatedAt: r.updated_at ?? null,
  };
}

export async function listUnvaccinated(db: Db, auth: AuthContext, actor: Actor, q: UnvaccinatedQuery, page: number, pageSize: number) {
  requirePersonal(auth, false);
  const today = vnDate();
  const within = await resolveWithin(db, auth, q.unit);
  const qb = listQuery(db, auth.scope, { ...q, within }, today);
  const [{ total }] = await qb.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await withDetails(qb).orderBy('units.code').orderBy('people.name_folded').orderBy('people.id')
    .limit(pageSize).offset((page - 1) * pageSize).execute();
  await recordAudit(db, actor, {
    action: 'read', entity: 'unvaccinated_list', unitCode: q.unit ?? auth.user.unitCode, changes: { query: { ...q }, ids: rows.map((r) => r.id) },
  });
  return { items: rows.map((r) => toDto(r, today)), total: Number(total), page, pageSize };
}

/**
 * The whole list for an export, one village (or commune) at a time and a block at a time within it,
 * so a district's list is never held at once and no query sorts more than one village. Each block
 * starts after the last person of the one before (not at an offset): nobody is skipped when someone
 * already listed gets their dose mid-export.
 */
export async function* iterateUnvaccinated(db: Db, auth: AuthContext, q: UnvaccinatedQuery & { within?: string }, block = 1000): AsyncGenerator<UnvaccinatedDto> {
  const today = vnDate();
  let units = visiblePeople(db, auth.scope);
  if (q.within) units = units.where('people.unit_path', 'like', `${q.within}%`);
  const areas = await units.select(['people.unit_code', 'people.unit_path']).distinct().orderBy('people.unit_code').execute();
  for (const area of areas) {
    let after: { name: string; id: number } | null = null;
    for (;;) {
      let qb = withDetails(listQuery(db, auth.scope, q, today)).select('people.name_folded').where('people.unit_path', '=', area.unit_path);
      if (after) {
        const a: { name: string; id: number } = after;
        qb = qb.where((eb) => eb(eb.refTuple('people.name_folded', 'people.id'), '>', eb.tuple(a.name, a.id)));
      }
      const rows = await qb.orderBy('people.name_folded').orderBy('people.id').limit(block).execute();
      for (const r of rows) yield toDto(r, today);
      if (rows.length < block) break;
      const last = rows[rows.length - 1];
      after = { name: last.name_folded, id: last.id };
    }
  }
}

/** The commune a person's unit belongs to (the unit itself when it is a commune). */
async function communeOf(db: DbOrTrx, unitCode: string) {
  const unit = await unitsRepo.findByCode(db, unitCode);
  if (!unit) return undefined;
  if (unit.tier === 'village' && unit.parent_code) return unitsRepo.findByCode(db, unit.parent_code);
  return unit;
}

/** Who may answer for a person's door: active community team members and staff of the commune. */
function responsibleCandidates(db: DbOrTrx, communePath: string) {
  return db.selectFrom('users').innerJoin('units', 'units.code', 'users.unit_code')
    .where('users.disabled', '=', 0).where('users.role', 'in', ['team', 'health', 'command'])
    .where('units.path', 'like', `${communePath}%`);
}

export async function listResponsible(db: Db, auth: AuthContext, unit: string | undefined) {
  requirePersonal(auth, false);
  const code = unit ?? auth.user.unitCode;
  const u = code ? await unitsRepo.findVisible(db, auth.scope, code) : undefined;
  if (!u) throw errors.notFound('Đơn vị hành chính', 'Administrative unit');
  const commune = await communeOf(db, u.code);
  if (!commune || (commune.tier !== 'commune' && commune.tier !== 'village')) {
    throw errors.invalid('unit', 'Hãy chọn một xã hoặc thôn/bản.', 'Choose a commune or a village.');
  }
  const rows = await responsibleCandidates(db, commune.path).select(['users.id', 'users.full_name', 'users.role', 'users.unit_code']).orderBy('users.full_name').execute();
  const ids = rows.map((r) => r.id);
  const areas = ids.length ? await db.selectFrom('user_units').select(['user_id', 'unit_code']).where('user_id', 'in', ids).orderBy('unit_code').execute() : [];
  const order: Record<string, number> = { team: 0, health: 1, command: 2 };
  const items = rows.map((r) => ({ id: r.id, fullName: r.full_name, role: r.role, unitCode: r.unit_code, assignedUnitCodes: areas.filter((a) => a.user_id === r.id).map((a) => a.unit_code) }));
  items.sort((a, b) => (order[a.role] ?? 9) - (order[b.role] ?? 9) || a.fullName.localeCompare(b.fullName, 'vi'));
  return { items };
}

/**
 * Records why a person is still without a dose and who goes to them. The person must be in the
 * group and still lack the dose: a reason on someone already vaccinated would only mislead.
 */
export async function setFollowup(db: Db, auth: AuthContext, actor: Actor, personId: number, input: FollowupInput): Promise<UnvaccinatedDto> {
  requirePersonal(auth, true);
  const today = vnDate();
  return db.transaction().execute(async (trx) => {
    const person = await peopleRepo.findVisible(trx, auth.scope, personId);
    if (!person) throw errors.notFound('Người dân', 'Person');
    const inList = () => unvaccinatedPeople(trx, auth.scope, { group: input.group, measure: input.measure }, today).where('people.id', '=', personId);
    if (!(await visiblePeople(trx, auth.scope).where('people.id', '=', personId).where(inGroup(input.group, today)).select('people.id').executeTakeFirst())) {
      throw errors.invalid('group', 'Người này không thuộc nhóm đối tượng đã chọn (theo tuổi hôm nay hoặc đối tượng ưu tiên).', 'This person is not in the chosen group today.');
    }
    if (!(await inList().select('people.id').executeTakeFirst())) {
      throw errors.invalid('measure', 'Người này đã có mũi tiêm này, không còn trong danh sách chưa tiêm.', 'This person already has this dose.');
    }
    if (input.responsibleUserId != null) {
      const commune = await communeOf(trx, person.unit_code);
      const ok = commune && await responsibleCandidates(trx, commune.path).where('users.id', '=', input.responsibleUserId).select('users.id').executeTakeFirst();
      if (!ok) {
        throw errors.invalid('responsibleUserId', 'Người phụ trách phải là thành viên Tổ COVID cộng đồng hoặc cán bộ đang hoạt động của xã nơi người này cư trú.',
          'The person responsible must be an active team member or staff of the commune.');
      }
    }
    const before = await trx.selectFrom('vaccination_followups').selectAll().where('person_id', '=', personId).where('measure', '=', input.measure).executeTakeFirst();
    const now = nowIso();
    const next = {
      group_code: input.group,
      reason: input.reason !== undefined ? input.reason : before?.reason ?? null,
      responsible_user_id: input.responsibleUserId !== undefined ? input.responsibleUserId : before?.responsible_user_id ?? null,
      note: input.note !== undefined ? input.note || null : before?.note ?? null,
    };
    let id: number;
    if (before) {
      if (input.version !== before.version) throw errors.staleVersion();
      const r = await trx.updateTable('vaccination_followups').set({ ...next, updated_by: auth.user.id, updated_at: now, version: sql`version + 1` })
        .where('id', '=', before.id).where('version', '=', before.version).executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw errors.staleVersion();
      id = before.id;
    } else {
      // Someone else's first record between our read and this insert surfaces as a unique violation (409).
      id = (await trx.insertInto('vaccination_followups').values({ person_id: personId, measure: input.measure, ...next, updated_by: auth.user.id, version: 1, created_at: now, updated_at: now })
        .returning('id').executeTakeFirstOrThrow()).id;
    }
    const changes: Record<string, [unknown, unknown]> = { personId: [before ? personId : null, personId], measure: [before ? input.measure : null, input.measure] };
    for (const k of Object.keys(next) as (keyof typeof next)[]) if ((before?.[k] ?? null) !== next[k]) changes[k] = [before?.[k] ?? null, next[k]];
    await recordAudit(trx, actor, { action: before ? 'update' : 'create', entity: 'vaccination_followup', entityId: id, unitCode: person.unit_code, unitPath: person.unit_path, changes });
    const row = await withDetails(listQuery(trx, auth.scope, { group: input.group, measure: input.measure }, today)).where('people.id', '=', personId).executeTakeFirstOrThrow();
    return toDto(row, today);
  });
}
