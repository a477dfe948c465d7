import { sql, type RawBuilder } from 'kysely';
import { hoursFromMs, median, positivityRate, type CampaignPurpose, type CampaignStatus } from '@pcd/core';
import type { Db } from '../db/database.js';
import { isPostgres } from '../db/migrations/helpers.js';
import type { AuthContext } from '../auth/context.js';
import { withinScope } from '../auth/scope.js';
import { errors } from '../http/errors.js';
import { unitsRepo } from '../units/repository.js';
import { coverageOf, tallies, visibleCampaigns } from './campaigns.js';
import type { Figures, TestingStatsDto } from './model.js';

/** What the database counted for one day, one unit or the whole area, with the turnaround hours whose median is wanted. */
interface Tally { samples: number; positivePools: number; peopleTested: number; positives: number; hours: number[] }

const emptyTally = (): Tally => ({ samples: 0, positivePools: 0, peopleTested: 0, positives: 0, hours: [] });

function figures(t: Tally): Figures {
  return {
    samples: t.samples, positivePools: t.positivePools, peopleTested: t.peopleTested, positives: t.positives,
    positivityRate: positivityRate(t.positives, t.peopleTested), medianTurnaroundHours: median(t.hours),
  };
}

/**
 * The code of the unit right below `parentPath` that the path in `ref` runs through ('' for the parent
 * itself): cut from the materialised path, so grouping by child needs no join. The engines spell the cut differently.
 */
function childSegment(db: Db, parentPath: string, ref: string) {
  const rest = sql`substr(${sql.ref(ref)}, ${sql.lit(parentPath.length + 1)})`;
  return isPostgres(db) ? sql<string>`split_part(${rest}, '/', 1)` : sql<string>`substr(${rest}, 1, max(instr(${rest}, '/') - 1, 0))`;
}

/** Milliseconds from collection to result, from the ISO instants as stored; NULL where one does not parse (SQLite). */
function turnaroundMs(db: Db): RawBuilder<number | string | null> {
  return isPostgres(db)
    ? sql<string | null>`round(extract(epoch from (test_samples.result_at::timestamptz - test_samples.collected_at::timestamptz)) * 1000)`
    // julianday keeps whole milliseconds, so rounding the difference gives them back exactly.
    : sql<number | null>`round((julianday(test_samples.result_at) - julianday(test_samples.collected_at)) * 86400000)`;
}

/**
 * Samples and turnaround count where the sample belongs; people tested and positives count where the
 * people live. A positive person is one with a positive single sample: a positive pool names nobody.
 * Counted by the database per day and per child unit; a person lives in one unit only, so distinct
 * people add up across units, but not across days, hence the separate count for the whole area.
 */
async function tallyArea(db: Db, auth: AuthContext, area: { path: string; filtered: boolean }, q: { from?: string; to?: string }) {
  let sq = db.selectFrom('test_samples').where(withinScope(auth.scope, 'test_samples.unit_path'));
  if (area.filtered) sq = sq.where('test_samples.unit_path', 'like', `${area.path}%`);
  if (q.from) sq = sq.where('test_samples.collected_date', '>=', q.from);
  if (q.to) sq = sq.where('test_samples.collected_date', '<=', q.to);
  const members = sq.innerJoin('test_sample_members as m', 'm.sample_id', 'test_samples.id').innerJoin('people as p', 'p.id', 'm.person_id');
  const sampleChild = childSegment(db, area.path, 'test_samples.unit_path');
  const homeChild = childSegment(db, area.path, 'p.unit_path');
  const tested = sql<number | string>`count(distinct m.person_id)`;
  const positive = sql<number | string>`count(distinct case when test_samples.pooled = 0 and test_samples.result = 'positive' then m.person_id end)`;
  const positivePools = sql<number | string>`sum(case when test_samples.pooled = 1 and test_samples.result = 'positive' then 1 else 0 end)`;

  // Independent aggregations: PostgreSQL runs them on separate pool connections at once.
  const [samples, turnarounds, byDay, byHome, whole] = await Promise.all([
    sq.select(['test_samples.collected_date as day', sampleChild.as('child'), (eb) => eb.fn.countAll<number | string>().as('n'), positivePools.as('pools')])
      .groupBy(['test_samples.collected_date', sampleChild]).execute(),
    sq.select(['test_samples.collected_date as day', sampleChild.as('child'), turnaroundMs(db).as('ms')])
      .where('test_samples.result', '<>', 'pending').where('test_samples.result_at', 'is not', null).where('test_samples.result_at', '<>', '').execute(),
    members.select(['test_samples.collected_date as day', tested.as('tested'), positive.as('positives')]).groupBy('test_samples.collected_date').execute(),
    members.where('p.unit_path', 'like', `${area.path}%`).select([homeChild.as('child'), tested.as('tested'), positive.as('positives')]).groupBy(homeChild).execute(),
    members.select([tested.as('tested'), positive.as('positives')]).executeTakeFirstOrThrow(),
  ]);
  return { samples, turnarounds, byDay, byHome, whole };
}

/** Testing per day and per unit directly under the chosen one, with campaign coverage: figures only, so observers may read them. */
export async function testingStats(db: Db, auth: AuthContext, q: { unit?: string; from?: string; to?: string }): Promise<TestingStatsDto> {
  if (q.from && q.to && q.from > q.to) throw errors.invalid('from', 'Từ ngày phải trước đến ngày.', '`from` must not be after `to`.');
  const code = q.unit ?? auth.user.unitCode;
  const unit = code ? await unitsRepo.findVisible(db, auth.scope, code) : undefined;
  if (code && !unit) throw errors.notFound('Đơn vị hành chính', 'Administrative unit');
  let children = await db.selectFrom('units').select(['code', 'name', 'path']).where(withinScope(auth.scope, 'units.path'))
    .where((eb) => (unit ? eb('parent_code', '=', unit.code) : eb('parent_code', 'is', null))).orderBy('code').execute();
  // A unit with nothing below it is its own only row, holding everything inside it.
  const lone = unit && children.length === 0 ? unit.code : null;
  if (unit && lone) children = [{ code: unit.code, name: unit.name, path: unit.path }];

  const c = await tallyArea(db, auth, { path: unit?.path ?? '/', filtered: !!unit }, q);
  const byDate = new Map<string, Tally>();
  const byUnit = new Map<string, Tally>();
  const all = emptyTally();
  const at = (m: Map<string, Tally>, key: string) => m.get(key) ?? m.set(key, emptyTally()).get(key)!;
  const unitKey = (child: string) => lone ?? child;
  for (const r of c.samples) {
    for (const t of [at(byDate, r.day), at(byUnit, unitKey(r.child)), all]) { t.samples += Number(r.n); t.positivePools += Number(r.pools); }
  }
  for (const r of c.turnarounds) {
    const h = hoursFromMs(r.ms == null ? null : Number(r.ms));
    if (h !== null) for (const t of [at(byDate, r.day), at(byUnit, unitKey(r.child)), all]) t.hours.push(h);
  }
  for (const r of c.byDay) { const t = at(byDate, r.day); t.peopleTested += Number(r.tested); t.positives += Number(r.positives); }
  for (const r of c.byHome) { const t = at(byUnit, unitKey(r.child)); t.peopleTested += Number(r.tested); t.positives += Number(r.positives); }
  all.peopleTested = Number(c.whole.tested);
  all.positives = Number(c.whole.positives);

  const days = [...byDate.keys()].sort().map((date) => ({ date, ...figures(byDate.get(date)!) }));
  const rows = children.map((u) => ({ unitCode: u.code, unitName: u.name, ...figures(byUnit.get(u.code) ?? emptyTally()) }));

  let cq = visibleCampaigns(db, auth.scope);
  if (unit) cq = cq.where('unit_path', 'like', `${unit.path}%`);
  if (q.from) cq = cq.where((eb) => eb.or([eb('to_date', 'is', null), eb('to_date', '>=', q.from!)]));
  if (q.to) cq = cq.where('from_date', '<=', q.to);
  const campaignRows = await cq.selectAll().orderBy('from_date', 'desc').orderBy('id', 'desc').limit(200).execute();
  const t = await tallies(db, campaignRows.map((c) => c.id));

  let fq = db.selectFrom('firm_test_reports').where(withinScope(auth.scope, 'firm_test_reports.unit_path'));
  if (unit) fq = fq.where('unit_path', 'like', `${unit.path}%`);
  if (q.from) fq = fq.where('report_date', '>=', q.from);
  if (q.to) fq = fq.where('report_date', '<=', q.to);
  const firms = await fq.select((eb) => [eb.fn.countAll().as('n'), eb.fn.sum('workers_tested').as('tested'), eb.fn.sum('positives').as('pos')]).executeTakeFirstOrThrow();

  return {
    unitCode: unit?.code ?? null, unitName: unit?.name ?? 'Toàn quốc', from: q.from ?? null, to: q.to ?? null,
    days, rows, totals: figures(all),
    campaigns: campaignRows.map((c) => ({
      id: c.id, name: c.name, purpose: c.purpose as CampaignPurpose, unitCode: c.unit_code, status: c.status as CampaignStatus, ...coverageOf(c, t.get(c.id)!),
    })),
    firms: { reports: Number(firms.n), workersTested: Number(firms.tested ?? 0), positives: Number(firms.pos ?? 0) },
  };
}
