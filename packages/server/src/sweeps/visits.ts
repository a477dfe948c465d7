import { checkVisit, vnDate, type VisitOutcome } from '@pcd/core';
import type { Db, DbOrTrx } from '../db/database.js';
import type { AuthContext } from '../auth/context.js';
import { scopeCovers, withinScope } from '../auth/scope.js';
import { recordAudit, type Actor } from '../audit/audit.js';
import { AppError, errors } from '../http/errors.js';
import { nowIso } from '../lib/time.js';
import { sweepsRepo } from './repository.js';
import { findSweep, requireNames } from './service.js';
import { resolveArrival, type FoundArrival } from './arrivals-found.js';
import type { VisitDto, VisitInput } from './model.js';

const householdNotFound = () => errors.notFound('Hộ gia đình trong đợt rà soát', 'Household of the sweep');

/**
 * Being given a household is what lets a team member record people in its village, even one
 * outside the villages they usually cover; nothing else about their scope changes.
 */
function widenTo(auth: AuthContext, villagePath: string): AuthContext {
  return scopeCovers(auth.scope, villagePath) ? auth : { ...auth, scope: { all: false, paths: [...auth.scope.paths, villagePath] } };
}

async function checkPeople(db: DbOrTrx, auth: AuthContext, householdId: number, villagePath: string, ids: number[], field: string) {
  if (!ids.length) return;
  const rows = await db.selectFrom('people').select('id').where('id', 'in', ids).where('merged_into', 'is', null).where(withinScope(auth.scope, 'people.unit_path'))
    .where((eb) => eb.or([eb('household_id', '=', householdId), eb('unit_path', 'like', `${villagePath}%`)])).execute();
  const unknown = ids.filter((i) => !rows.some((r) => r.id === i));
  if (unknown.length) {
    throw errors.invalid(field, `Người mã ${unknown.join(', ')} không thuộc hộ hoặc thôn/bản này.`, `People ${unknown.join(', ')} are not of this household or village.`);
  }
}

function visitTime(raw: string | undefined, fromDate: string): string {
  if (!raw) return nowIso();
  const at = new Date(raw);
  if (at.getTime() > Date.now() + 5 * 60_000) throw errors.invalid('visitedAt', 'Thời điểm đến hộ không thể ở tương lai.', 'The visit time is in the future.');
  if (vnDate(at) < fromDate) throw errors.invalid('visitedAt', 'Thời điểm đến hộ trước ngày bắt đầu đợt rà soát.', 'The visit is before the sweep starts.');
  return at.toISOString();
}

/** A visit by the member given the household (or by commune staff): who was there, who is away, who has just come. */
export async function recordVisit(db: Db, auth: AuthContext, actor: Actor, sweepId: number, input: VisitInput): Promise<VisitDto & { arrivals: { probableDuplicates?: number[] }[] }> {
  requireNames(auth);
  const found: FoundArrival[] = [];
  const visitId = await db.transaction().execute(async (trx) => {
    const sweep = await findSweep(trx, auth, sweepId);
    const assignment = await sweepsRepo.households(trx, auth, sweepId).select(['a.household_id', 'a.unit_code', 'a.unit_path'])
      .where('a.household_id', '=', input.householdId).executeTakeFirst();
    if (!assignment) throw householdNotFound();
    if (sweep.status !== 'active') {
      throw new AppError(409, 'SWEEP_NOT_ACTIVE', 'Đợt rà soát chưa bắt đầu hoặc đã kết thúc: chưa ghi được lượt đến hộ.', 'The sweep is not active.', 'status');
    }
    const visitedAt = visitTime(input.visitedAt, sweep.from_date);
    const problems = checkVisit({ outcome: input.outcome, presentPersonIds: input.presentPersonIds, absentPersonIds: input.absentPersonIds, arrivals: input.arrivals.length });
    if (problems.length) throw errors.problems(problems);
    const household = await trx.selectFrom('households').selectAll().where('id', '=', input.householdId).executeTakeFirstOrThrow();
    const as = widenTo(auth, household.unit_path);
    await checkPeople(trx, as, household.id, household.unit_path, input.presentPersonIds, 'presentPersonIds');
    await checkPeople(trx, as, household.id, household.unit_path, input.absentPersonIds, 'absentPersonIds');
    for (const [i, a] of input.arrivals.entries()) {
      const f = await resolveArrival(trx, as, actor, household, a, i);
      if (!found.some((x) => x.personId === f.personId)) found.push(f);
    }
    const now = nowIso();
    const visit = await trx.insertInto('sweep_visits').values({
      sweep_id: sweepId, household_id: household.id, unit_code: assignment.unit_code, unit_path: assignment.unit_path, visited_at: visitedAt, visited_by: auth.user.id,
      outcome: input.outcome, symptoms: input.symptoms.length ? JSON.stringify(input.symptoms) : null, follow_up_created: input.followUpCreated ? 1 : 0,
      note: input.note ?? null, version: 1, created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    const noArrival = { created_person: 0, origin_unit_code: null, origin_text: null, arrival_date: null };
    const people = [
      // Every row names every column: SQLite has no DEFAULT inside a multi-row VALUES.
      ...[...new Set(input.presentPersonIds)].map((person_id) => ({ person_id, role: 'present', ...noArrival })),
      ...[...new Set(input.absentPersonIds)].map((person_id) => ({ person_id, role: 'absent', ...noArrival })),
      ...found.map((f) => ({ person_id: f.personId, role: 'arrival', created_person: f.created ? 1 : 0, origin_unit_code: f.originUnitCode, origin_text: f.origin, arrival_date: f.arrivalDate })),
    ];
    if (people.length) await trx.insertInto('sweep_visit_people').values(people.map((p) => ({ visit_id: visit.id, sweep_id: sweepId, ...p }))).execute();
    await recordAudit(trx, actor, {
      action: 'create', entity: 'sweep_visit', entityId: visit.id, unitCode: assignment.unit_code, unitPath: assignment.unit_path,
      changes: {
        sweepId: [null, sweepId], householdId: [null, household.id], outcome: [null, input.outcome], present: [null, input.presentPersonIds], absent: [null, input.absentPersonIds],
        arrivals: [null, found.map((f) => f.personId)], symptoms: [null, input.symptoms], followUpCreated: [null, input.followUpCreated],
      },
    });
    return visit.id;
  });
  const [dto] = await loadVisits(db, [visitId]);
  const dups = new Map(found.map((f) => [f.personId, f.probableDuplicates]));
  return { ...dto, arrivals: dto.arrivals.map((a) => ({ ...a, probableDuplicates: dups.get(a.personId) ?? [] })) };
}

export async function loadVisits(db: DbOrTrx, ids: number[]): Promise<VisitDto[]> {
  if (!ids.length) return [];
  const visits = await db.selectFrom('sweep_visits as v').innerJoin('users as u', 'u.id', 'v.visited_by')
    .innerJoin('households as h', 'h.id', 'v.household_id').leftJoin('people as head', 'head.id', 'h.head_person_id')
    .selectAll('v').select(['u.full_name as visited_by_name', 'h.code as household_code', 'head.full_name as head_name']).where('v.id', 'in', ids).execute();
  const people = await db.selectFrom('sweep_visit_people as vp').innerJoin('people as p', 'p.id', 'vp.person_id')
    .select(['vp.visit_id', 'vp.person_id', 'vp.role', 'vp.created_person', 'vp.origin_unit_code', 'vp.origin_text', 'vp.arrival_date', 'p.full_name', 'p.id_number', 'p.birth_year'])
    .where('vp.visit_id', 'in', ids).orderBy('vp.id').execute();
  const byId = new Map(visits.map((v) => [v.id, v]));
  return ids.filter((id) => byId.has(id)).map((id) => {
    const v = byId.get(id)!;
    const mine = people.filter((p) => p.visit_id === id);
    const ref = (p: (typeof mine)[number]) => ({ personId: p.person_id, fullName: p.full_name });
    return {
      id: v.id, sweepId: v.sweep_id, householdId: v.household_id, householdCode: v.household_code, headName: v.head_name, unitCode: v.unit_code, visitedAt: v.visited_at, visitedBy: v.visited_by, visitedByName: v.visited_by_name,
      outcome: v.outcome as VisitOutcome,
      present: mine.filter((p) => p.role === 'present').map(ref),
      absent: mine.filter((p) => p.role === 'absent').map(ref),
      arrivals: mine.filter((p) => p.role === 'arrival').map((p) => ({
        ...ref(p), created: p.created_person === 1, idNumber: p.id_number, birthYear: p.birth_year, originUnitCode: p.origin_unit_code,
        originName: p.origin_text, arrivalDate: p.arrival_date,
      })),
      symptoms: v.symptoms ? (JSON.parse(v.symptoms) as string[]) : [], followUpCreated: v.follow_up_created === 1, note: v.note, createdAt: v.created_at,
    };
  });
}

export interface VisitFilter {
  household?: number;
  member?: number;
}

/** Visits the caller may read: every one of the sweep for staff, those to their own households for a team member. */
export function visibleVisits(db: DbOrTrx, auth: AuthContext, sweepId: number, f: VisitFilter) {
  let qb = db.selectFrom('sweep_visits as v').where('v.sweep_id', '=', sweepId)
    .where('v.household_id', 'in', sweepsRepo.households(db, auth, sweepId).select('a.household_id'));
  if (f.household) qb = qb.where('v.household_id', '=', f.household);
  if (f.member) qb = qb.where('v.visited_by', '=', f.member);
  return qb;
}

export async function listVisits(db: Db, auth: AuthContext, actor: Actor, sweepId: number, f: VisitFilter, page: number, pageSize: number) {
  requireNames(auth);
  const sweep = await findSweep(db, auth, sweepId);
  const qb = visibleVisits(db, auth, sweepId, f);
  const [{ total }] = await qb.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const ids = (await qb.select('v.id').orderBy('v.visited_at', 'desc').orderBy('v.id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute()).map((r) => r.id);
  await recordAudit(db, actor, { action: 'read', entity: 'sweep_visit', entityId: sweepId, unitCode: sweep.unit_code, unitPath: sweep.unit_path, changes: { query: { ...f }, ids } });
  return { items: await loadVisits(db, ids), total: Number(total), page, pageSize };
}

export async function* iterateVisits(db: Db, auth: AuthContext, sweepId: number, f: VisitFilter): AsyncGenerator<VisitDto> {
  let after = 0;
  for (;;) {
    const ids = (await visibleVisits(db, auth, sweepId, f).select('v.id').where('v.id', '>', after).orderBy('v.id').limit(500).execute()).map((r) => r.id);
    for (const v of await loadVisits(db, ids)) yield v;
    if (ids.length < 500) return;
    after = ids[ids.length - 1];
  }
}
