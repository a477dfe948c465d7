import { sql, type ExpressionBuilder } from 'kysely';
import { z } from 'zod';
import {
  addDays, buildCaseDays, caseTotals, daysBetween, isIsoDate, vnDate,
  type CarePeriodCount, type CaseDayStats, type CaseTotals, type NewCount, type OutcomeCount,
} from '@pcd/core';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import type { AuthContext } from '../auth/context.js';
import { errors } from '../http/errors.js';
import { unitsRepo } from '../units/repository.js';

export const MAX_CASE_STATS_DAYS = 366;

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
 * Daily figures of a unit and of each unit below it, aggregated by the database from the case records
 * and their care history: a case is counted in the child whose path begins its own, or in the unit
 * itself when managed there directly. Figures hold no personal data, so observers may read them.
 */
export async function caseStats(db: Db, auth: AuthContext, q: { unit?: string; from?: string; to?: string }): Promise<CaseStats> {
  const unit = await statsUnit(db, auth, q.unit);
  const range = caseStatsRange(q.from, q.to);
  const children = await db.selectFrom('units').select(['code', 'name']).where('parent_code', '=', unit.code).orderBy('name_folded').execute();
  const bucket = (eb: ExpressionBuilder<Database & { b: Database['units'] }, 'cases' | 'b'>) => eb.or([
    eb.and([eb('b.code', '=', unit.code), eb('cases.unit_path', '=', unit.path)]),
    eb.and([eb('b.parent_code', '=', unit.code), eb('cases.unit_path', 'like', sql<string>`(${sql.ref('b.path')} || '%')`)]),
  ]);
  const under = `${unit.path}%`;

  const news = await db.selectFrom('cases').innerJoin('units as b', (j) => j.on((eb) => bucket(eb as never)))
    .select(['b.code as bucket', 'cases.test_date as day', 'cases.detected_in as detectedIn', (eb) => eb.fn.countAll<number>().as('n')])
    .where('cases.unit_path', 'like', under).where('cases.test_date', '>=', range.from).where('cases.test_date', '<=', range.to)
    .groupBy(['b.code', 'cases.test_date', 'cases.detected_in']).execute();

  const periods = await db.selectFrom('case_care_places as cp').innerJoin('cases', 'cases.id', 'cp.case_id').innerJoin('units as b', (j) => j.on((eb) => bucket(eb as never)))
    .select(['b.code as bucket', 'cp.from_date as from', 'cp.to_date as to', 'cp.place', 'cp.severity', (eb) => eb.fn.countAll<number>().as('n')])
    .where('cases.unit_path', 'like', under).where('cp.from_date', '<=', range.to)
    .where((eb) => eb.or([eb('cp.to_date', 'is', null), eb('cp.to_date', '>', range.from)]))
    .groupBy(['b.code', 'cp.from_date', 'cp.to_date', 'cp.place', 'cp.severity']).execute();

  const outcomes: (OutcomeCount & { bucket: string })[] = [];
  for (const [status, column] of [['recovered', 'cases.discharge_date'], ['died', 'cases.death_date'], ['transferred_out', 'cases.transfer_date']] as const) {
    const rows = await db.selectFrom('cases').innerJoin('units as b', (j) => j.on((eb) => bucket(eb as never)))
      .select(['b.code as bucket', `${column} as day`, (eb) => eb.fn.countAll<number>().as('n')])
      .where('cases.unit_path', 'like', under).where('cases.status', '=', status).where(column, '>=', range.from).where(column, '<=', range.to)
      .groupBy(['b.code', column]).execute();
    for (const r of rows) outcomes.push({ bucket: r.bucket, day: r.day as string, status, n: Number(r.n) });
  }

  const data = (code?: string) => ({
    news: news.filter((r) => !code || r.bucket === code).map((r) => ({ day: r.day, detectedIn: r.detectedIn, n: Number(r.n) }) as NewCount),
    periods: periods.filter((r) => !code || r.bucket === code).map((r) => ({ from: r.from, to: r.to, place: r.place, severity: r.severity, n: Number(r.n) }) as CarePeriodCount),
    outcomes: outcomes.filter((r) => !code || r.bucket === code),
  });
  const days = buildCaseDays(range, data());
  const units = children.map((c) => {
    const d = buildCaseDays(range, data(c.code));
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
