import { sql } from 'kysely';
import { z } from 'zod';
import {
  addDays, buildCaseDays, caseTotals, daysBetween, isIsoDate, vnDate,
  type CarePeriodCount, type CaseDayStats, type CaseTotals, type NewCount, type OutcomeCount,
} from '@pcd/core';
import type { Db } from '../db/database.js';
import { isPostgres } from '../db/migrations/helpers.js';
import type { AuthContext } from '../auth/context.js';
import { errors } from '../http/errors.js';
import { unitsRepo } from '../units/repository.js';

export const MAX_CASE_STATS_DAYS = 366;

const OUTCOME_DATES = [['recovered', 'cases.discharge_date'], ['died', 'cases.death_date'], ['transferred_out', 'cases.transfer_date']] as const;

const figures = {
  newCommunity: z.number(), newQuarantine: z.number(), newLockdown: z.number(), newTotal: z.number(),
  active: z.number(), activeByPlace: z.record(z.string(), z.number()), severeCritical: z.number(),
  deaths: z.number(), recoveries: z.number(), transfersOut: z.number(),
};
const daySchema = z.object({ date: z.string(), ...figures });
const totalsSchema = z.object(figures);
export const caseStatsSchema = z.object({
  unitCode: z.string(), unitName: z.string(), from: z.string(), to: z.string(),
  days: z.array(daySchema), totals: totalsSchema,
  /** The same figures for each unit directly below (villages of a commune, communes of a district). */
  units: z.array(z.object({ unitCode: z.string(), unitName: z.string(), days: z.array(daySchema), totals: totalsSchema })),
});
export type CaseStats = z.infer<typeof caseStatsSchema>;

export function caseStatsRange(from: string | undefined, to: string | undefined): { from: string; to: string } {
  const end = to ?? vnDate();
  const start = from ?? addDays(end, -6);
  if (!isIsoDate(start)) throw errors.invalid('from', 'Ngày bắt đầu không hợp lệ.', 'Invalid start date.');
  if (!isIsoDate(end)) throw errors.invalid('to', 'Ngày kết thúc không hợp lệ.', 'Invalid end date.');
  if (end < start) throw errors.invalid('to', 'Ngày kết thúc trước ngày bắt đầu.', 'The range ends before it starts.');
  if (daysBetween(start, end) >= MAX_CASE_STATS_DAYS) throw errors.invalid('from', `Chỉ thống kê tối đa ${MAX_CASE_STATS_DAYS} ngày một lần.`, `At most ${MAX_CASE_STATS_DAYS} days at a time.`);
  return { from: start, to: end };
}

/** The unit asked for, or the caller's own (the first of its areas for a community team member). */
async function statsUnit(db: Db, auth: AuthContext, code: string | undefined) {
  const wanted = code ?? auth.user.unitCode ?? undefined;
  if (!wanted) throw errors.invalid('unit', 'Hãy chọn đơn vị cần thống kê.', 'Choose a unit.');
  let unit = await unitsRepo.findVisible(db, auth.scope, wanted);
  if (!unit && !code && auth.scope.paths[0]) unit = await unitsRepo.findVisible(db, auth.scope, auth.scope.paths[0].split('/').filter(Boolean).pop()!);
  if (!unit) throw errors.notFound('Đơn vị hành chính', 'Administrative unit');
  return unit;
}

/**
 * The code of the child unit a case belongs to: the path segment right after the unit's own path
 * ('' when the case is managed by the unit itself). Cut from the materialised path, so grouping by
 * child needs no join; the two engines spell the cut differently.
 */
function childSegment(db: Db, unitPath: string) {
  const start = unitPath.length + 1;
  const rest = sql`substr(${sql.ref('cases.unit_path')}, ${sql.lit(start)})`;
  return isPostgres(db)
    ? sql<string>`split_part(${rest}, '/', 1)`
    : sql<string>`substr(${rest}, 1, max(instr(${rest}, '/') - 1, 0))`;
}

/**
 * Daily figures of a unit and of each unit below it, aggregated by the database from the case records
 * and their care history: a case counts for the child unit its path runs through, or for the unit
 * itself when managed there directly. Figures hold no personal data, so observers may read them.
 */
export async function caseStats(db: Db, auth: AuthContext, q: { unit?: string; from?: string; to?: string }): Promise<CaseStats> {
  const unit = await statsUnit(db, auth, q.unit);
  const range = caseStatsRange(q.from, q.to);
  const children = await db.selectFrom('units').select(['code', 'name']).where('parent_code', '=', unit.code).orderBy('name_folded').execute();
  const bucket = childSegment(db, unit.path);
  const under = `${unit.path}%`;

  // Independent aggregations: PostgreSQL runs them on separate pool connections at once.
  const [news, periods, ...byOutcome] = await Promise.all([
    db.selectFrom('cases')
      .select([bucket.as('bucket'), 'cases.test_date as day', 'cases.detected_in as detectedIn', (eb) => eb.fn.countAll<number>().as('n')])
      .where('cases.unit_path', 'like', under).where('cases.test_date', '>=', range.from).where('cases.test_date', '<=', range.to)
      .groupBy([bucket, 'cases.test_date', 'cases.detected_in']).execute(),
    db.selectFrom('case_care_places as cp').innerJoin('cases', 'cases.id', 'cp.case_id')
      .select([bucket.as('bucket'), 'cp.from_date as from', 'cp.to_date as to', 'cp.place', 'cp.severity', (eb) => eb.fn.countAll<number>().as('n')])
      .where('cases.unit_path', 'like', under).where('cp.from_date', '<=', range.to)
      .where((eb) => eb.or([eb('cp.to_date', 'is', null), eb('cp.to_date', '>', range.from)]))
      .groupBy([bucket, 'cp.from_date', 'cp.to_date', 'cp.place', 'cp.severity']).execute(),
    ...OUTCOME_DATES.map(([status, column]) => db.selectFrom('cases')
      .select([bucket.as('bucket'), `${column} as day`, (eb) => eb.fn.countAll<number>().as('n')])
      .where('cases.unit_path', 'like', under).where('cases.status', '=', status).where(column, '>=', range.from).where(column, '<=', range.to)
      .groupBy([bucket, column]).execute()
      .then((rows) => rows.map((r) => ({ bucket: r.bucket, day: r.day as string, status, n: Number(r.n) })))),
  ]);
  const outcomes: (OutcomeCount & { bucket: string })[] = byOutcome.flat();

  type Data = { news: NewCount[]; periods: CarePeriodCount[]; outcomes: OutcomeCount[] };
  const all: Data = { news: [], periods: [], outcomes: [] };
  const perChild = new Map<string, Data>(children.map((c) => [c.code, { news: [], periods: [], outcomes: [] }]));
  const add = <K extends keyof Data>(key: K, code: string, row: Data[K][number]) => {
    (all[key] as Data[K][number][]).push(row);
    const d = perChild.get(code);
    if (d) (d[key] as Data[K][number][]).push(row);
  };
  for (const r of news) add('news', r.bucket, { day: r.day, detectedIn: r.detectedIn as NewCount['detectedIn'], n: Number(r.n) });
  for (const r of periods) add('periods', r.bucket, { from: r.from, to: r.to, place: r.place as CarePeriodCount['place'], severity: r.severity as CarePeriodCount['severity'], n: Number(r.n) });
  for (const r of outcomes) add('outcomes', r.bucket, r);
  const days = buildCaseDays(range, all);
  const units = children.map((c) => {
    const d = buildCaseDays(range, perChild.get(c.code)!);
    return { unitCode: c.code, unitName: c.name, days: d, totals: caseTotals(d) };
  });
  return { unitCode: unit.code, unitName: unit.name, ...range, days, totals: caseTotals(days), units };
}

export type StatsRow = { unitCode: string; unitName: string } & CaseDayStats;
export type { CaseTotals };

/** One row per unit and day, the whole unit first, for the spreadsheet. */
export function* statsRows(s: CaseStats): Generator<StatsRow> {
  for (const d of s.days) yield { unitCode: s.unitCode, unitName: s.unitName, ...(d as CaseDayStats) };
  for (const u of s.units) for (const d of u.days) yield { unitCode: u.unitCode, unitName: u.unitName, ...(d as CaseDayStats) };
}
