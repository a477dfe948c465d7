import { visitState, type VisitOutcome } from '@pcd/core';
import type { Db, DbOrTrx } from '../db/database.js';
import type { AuthContext } from '../auth/context.js';
import { recordAudit, type Actor } from '../audit/audit.js';
import { errors } from '../http/errors.js';
import { sweepsRepo } from './repository.js';
import { findSweep, requireNames } from './service.js';
import type { SweepHouseholdDto } from './model.js';

export interface HouseholdFilter {
  /** unvisited: not settled yet (including "nobody home"); attempted: only "nobody home" so far. */
  status?: 'unvisited' | 'attempted' | 'visited';
  /** A user id, or "none" for households nobody has been given yet. */
  member?: string;
  village?: string;
}

function filtered(db: DbOrTrx, auth: AuthContext, sweepId: number, f: HouseholdFilter) {
  let qb = sweepsRepo.households(db, auth, sweepId);
  if (f.status === 'visited') qb = qb.where((eb) => sweepsRepo.settled(eb, 'a.sweep_id', 'a.household_id'));
  if (f.status === 'unvisited' || f.status === 'attempted') qb = qb.where((eb) => eb.not(sweepsRepo.settled(eb, 'a.sweep_id', 'a.household_id')));
  if (f.status === 'attempted') {
    qb = qb.where((eb) => eb.exists(eb.selectFrom('sweep_visits as av').select('av.id').whereRef('av.sweep_id', '=', 'a.sweep_id').whereRef('av.household_id', '=', 'a.household_id')));
  }
  if (f.member === 'none') qb = qb.where('a.member_user_id', 'is', null);
  else if (f.member) qb = qb.where('a.member_user_id', '=', Number(f.member));
  if (f.village) qb = qb.where('a.unit_code', '=', f.village);
  return qb;
}

function withDetails(qb: ReturnType<typeof filtered>) {
  return qb
    .innerJoin('households as h', 'h.id', 'a.household_id')
    .innerJoin('units as u', 'u.code', 'a.unit_code')
    .leftJoin('people as head', 'head.id', 'h.head_person_id')
    .leftJoin('users as m', 'm.id', 'a.member_user_id')
    .select(['a.household_id', 'a.unit_code', 'a.member_user_id', 'h.code', 'h.name', 'h.kind', 'h.address', 'u.name as unit_name', 'head.full_name as head_name', 'm.full_name as member_name']);
}

async function withVisits(db: DbOrTrx, sweepId: number, rows: Awaited<ReturnType<ReturnType<typeof withDetails>['execute']>>): Promise<SweepHouseholdDto[]> {
  const ids = rows.map((r) => r.household_id);
  const visits = ids.length
    ? await db.selectFrom('sweep_visits').select(['household_id', 'outcome', 'visited_at']).where('sweep_id', '=', sweepId).where('household_id', 'in', ids).orderBy('visited_at').orderBy('id').execute()
    : [];
  return rows.map((r) => {
    const mine = visits.filter((v) => v.household_id === r.household_id);
    const last = mine[mine.length - 1];
    return {
      householdId: r.household_id, code: r.code, name: r.name, kind: r.kind, address: r.address, headName: r.head_name, unitCode: r.unit_code, unitName: r.unit_name,
      memberId: r.member_user_id, memberName: r.member_name, state: visitState(mine.map((v) => v.outcome)), visitCount: mine.length,
      lastVisitAt: last?.visited_at ?? null, lastOutcome: (last?.outcome as VisitOutcome | undefined) ?? null,
    };
  });
}

async function checkVillage(db: DbOrTrx, sweepId: number, f: HouseholdFilter) {
  if (f.village && !(await db.selectFrom('sweep_villages').select('unit_code').where('sweep_id', '=', sweepId).where('unit_code', '=', f.village).executeTakeFirst())) {
    throw errors.notFound('Thôn/bản trong đợt rà soát', 'Village of the sweep');
  }
}

/** The households of a sweep, with where each stands: the work list of a member, the unvisited list of the commune. */
export async function listSweepHouseholds(db: Db, auth: AuthContext, actor: Actor, id: number, f: HouseholdFilter, page: number, pageSize: number) {
  requireNames(auth);
  const sweep = await findSweep(db, auth, id);
  await checkVillage(db, id, f);
  const qb = filtered(db, auth, id, f);
  const [{ total }] = await qb.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await withDetails(qb).orderBy('a.unit_code').orderBy('h.code').orderBy('a.household_id').limit(pageSize).offset((page - 1) * pageSize).execute();
  // Heads of households are named: who saw the list is kept, as for any list of people.
  await recordAudit(db, actor, { action: 'read', entity: 'sweep_household', entityId: id, unitCode: sweep.unit_code, unitPath: sweep.unit_path, changes: { query: { ...f }, ids: rows.map((r) => r.household_id) } });
  return { items: await withVisits(db, id, rows), total: Number(total), page, pageSize };
}

export async function* iterateSweepHouseholds(db: Db, auth: AuthContext, id: number, f: HouseholdFilter): AsyncGenerator<SweepHouseholdDto> {
  let after = 0;
  for (;;) {
    const rows = await withDetails(filtered(db, auth, id, f)).where('a.household_id', '>', after).orderBy('a.household_id').limit(1000).execute();
    for (const r of await withVisits(db, id, rows)) yield r;
    if (rows.length < 1000) return;
    after = rows[rows.length - 1].household_id;
  }
}

/**
 * One household of the sweep with the people living in it, for the visit form. Being given the
 * household is what entitles a team member to its members, as it is for recording the visit.
 */
export async function getSweepHousehold(db: Db, auth: AuthContext, actor: Actor, id: number, householdId: number) {
  requireNames(auth);
  const sweep = await findSweep(db, auth, id);
  const rows = await withDetails(sweepsRepo.households(db, auth, id).where('a.household_id', '=', householdId)).execute();
  if (!rows.length) throw errors.notFound('Hộ gia đình trong đợt rà soát', 'Household of the sweep');
  const [household] = await withVisits(db, id, rows);
  const members = await db.selectFrom('people').select(['id', 'full_name', 'birth_year', 'date_of_birth', 'sex', 'residence_status'])
    .where('household_id', '=', householdId).where('merged_into', 'is', null).orderBy('birth_year').orderBy('id').execute();
  await recordAudit(db, actor, { action: 'read', entity: 'sweep_household', entityId: id, unitCode: sweep.unit_code, unitPath: sweep.unit_path, changes: { householdId, people: members.map((m) => m.id) } });
  return {
    ...household,
    members: members.map((m) => ({ personId: m.id, fullName: m.full_name, birthYear: m.birth_year, dateOfBirth: m.date_of_birth, sex: m.sex, residenceStatus: m.residence_status })),
  };
}

/** For the export route: the same checks as the list, before streaming starts. */
export async function prepareHouseholdExport(db: Db, auth: AuthContext, actor: Actor, id: number, f: HouseholdFilter) {
  requireNames(auth);
  const sweep = await findSweep(db, auth, id);
  await checkVillage(db, id, f);
  await recordAudit(db, actor, { action: 'export', entity: 'sweep_household', entityId: id, unitCode: sweep.unit_code, unitPath: sweep.unit_path, changes: { query: { ...f } } });
  return sweep;
}
