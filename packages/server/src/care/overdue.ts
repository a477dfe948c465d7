import { sql } from 'kysely';
import { checkinOverdueAt, CASE_RULES, type HomeCareRule } from '@pcd/core';
import { z } from 'zod';
import type { Db, DbOrTrx } from '../db/database.js';
import type { AuthContext } from '../auth/context.js';
import { withinScope, type Scope } from '../auth/scope.js';
import { recordAudit, type Actor } from '../audit/audit.js';
import { requirePersonal } from '../people/service.js';
import { resolveWithin } from '../cases/service.js';
import { RuleBook } from '../rules/resolve.js';
import { alertsRepo } from './checkins.js';

export const overdueSchema = z.object({
  caseId: z.number(), personId: z.number(), fullName: z.string(), phone: z.string().nullable(), address: z.string().nullable(),
  unitCode: z.string(), unitName: z.string(), carePlace: z.string(), lastCheckinAt: z.string().nullable(), overdueSince: z.string(), careTeam: z.string().nullable(),
});
export type OverdueDto = z.infer<typeof overdueSchema>;

export const homeCareSummarySchema = z.object({ unitCode: z.string().nullable(), inHomeCare: z.number(), openAlerts: z.number(), overdue: z.number() });

/** The latest of the last check-in and the start of the current home-care period. */
const lastContact = sql<string>`(select max(t) from (
  select cc.at as t from care_checkins cc where cc.case_id = cases.id
  union all select cp.created_at as t from case_care_places cp where cp.case_id = cases.id) x)`;

function homeCareCases(db: DbOrTrx, scope: Scope, within: string | undefined) {
  let qb = db.selectFrom('cases').where(withinScope(scope, 'cases.unit_path')).where('cases.status', '=', 'active')
    .where('cases.care_place', 'in', [...CASE_RULES.homePlaces]);
  if (within) qb = qb.where('cases.unit_path', 'like', `${within}%`);
  return qb;
}

/** A check-in missed by the full interval plus grace: last contact before now minus that span. */
const cutoff = (rule: HomeCareRule, now: string) => new Date(Date.parse(now) - (24 / rule.checkinsPerDay + rule.graceHours) * 3_600_000).toISOString();

/** Each case against the check-in schedule of the province or district that manages it. */
function overdueCases(db: DbOrTrx, scope: Scope, within: string | undefined, now: string, rules: RuleBook<'home_care'>) {
  return homeCareCases(db, scope, within).where(rules.where('cases.unit_path', (rule, eb) => eb(lastContact, '<', cutoff(rule, now))));
}

function withDetails(qb: ReturnType<typeof overdueCases>) {
  return qb.innerJoin('people', 'people.id', 'cases.person_id').innerJoin('units', 'units.code', 'cases.unit_code')
    .leftJoin('care_team_cases', 'care_team_cases.case_id', 'cases.id').leftJoin('care_teams', 'care_teams.id', 'care_team_cases.team_id')
    .select([
      'cases.id as case_id', 'cases.unit_path', 'people.id as person_id', 'people.full_name', 'people.phone', 'people.address', 'cases.unit_code', 'units.name as unit_name',
      'cases.care_place', 'care_teams.name as team_name', lastContact.as('last_contact'),
      sql<string | null>`(select max(cc.at) from care_checkins cc where cc.case_id = cases.id)`.as('last_checkin'),
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof withDetails>['execute']>>[number];
const toDto = (rules: RuleBook<'home_care'>) => (r: Row): OverdueDto => ({
  caseId: r.case_id, personId: r.person_id, fullName: r.full_name, phone: r.phone, address: r.address, unitCode: r.unit_code, unitName: r.unit_name,
  carePlace: r.care_place, lastCheckinAt: r.last_checkin, overdueSince: checkinOverdueAt(r.last_contact, rules.forPath(r.unit_path)), careTeam: r.team_name,
});

export async function listOverdue(db: Db, auth: AuthContext, actor: Actor, unit: string | undefined, page: number, pageSize: number, now = new Date().toISOString()) {
  requirePersonal(auth, false);
  const rules = await RuleBook.load(db, 'home_care');
  const qb = overdueCases(db, auth.scope, await resolveWithin(db, auth, unit), now, rules);
  const [{ total }] = await qb.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await withDetails(qb).orderBy(lastContact).orderBy('cases.id').limit(pageSize).offset((page - 1) * pageSize).execute();
  await recordAudit(db, actor, { action: 'read', entity: 'care_overdue', unitCode: unit ?? auth.user.unitCode, changes: { ids: rows.map((r) => r.case_id) } });
  return { items: rows.map(toDto(rules)), total: Number(total), page, pageSize };
}

export async function* iterateOverdue(db: Db, auth: AuthContext, within: string | undefined, now = new Date().toISOString()): AsyncGenerator<OverdueDto> {
  let after = 0;
  const rules = await RuleBook.load(db, 'home_care');
  for (;;) {
    const batch = await withDetails(overdueCases(db, auth.scope, within, now, rules)).where('cases.id', '>', after).orderBy('cases.id').limit(2000).execute();
    for (const b of batch) yield toDto(rules)(b);
    if (batch.length < 2000) return;
    after = batch[batch.length - 1].case_id;
  }
}

/** Counts only, for every role including observers. */
export async function homeCareSummary(db: Db, auth: AuthContext, unit: string | undefined, now = new Date().toISOString()) {
  const within = await resolveWithin(db, auth, unit);
  const n = (r: { n: number | string | bigint }) => Number(r.n);
  return {
    unitCode: unit ?? auth.user.unitCode,
    inHomeCare: n(await homeCareCases(db, auth.scope, within).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()),
    openAlerts: n(await alertsRepo.filtered(db, auth.scope, { within, open: true }).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()),
    overdue: n(await overdueCases(db, auth.scope, within, now, await RuleBook.load(db, 'home_care')).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()),
  };
}
