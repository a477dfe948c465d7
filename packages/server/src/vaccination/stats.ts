import { COVERAGE_MEASURES, COVERAGE_MEASURE_LABELS, VACCINATION_GROUPS, VACCINATION_GROUP_LABELS, vnDate, type VaccinationGroup } from '@pcd/core';
import type { Db, DbOrTrx } from '../db/database.js';
import type { UnitRow } from '../db/schema.js';
import type { AuthContext } from '../auth/context.js';
import { withinScope } from '../auth/scope.js';
import { errors } from '../http/errors.js';
import { unitsRepo } from '../units/repository.js';
import { addCounts, computeCoverage, emptyCounts, type CoverageCounts } from './coverage.js';
import type { CoverageDto, GroupFigure } from './model.js';

type PopRow = Pick<UnitRow, 'pop_12_17' | 'pop_18_49' | 'pop_50_64' | 'pop_65_plus' | 'pop_source'>;

/** The unit's own age-band figures for a group, when the bands hold it and the figures are known. */
export function populationOf(u: PopRow | null, g: VaccinationGroup): number | null {
  if (!u || u.pop_source === 'none') return null;
  const n = g === '18+' ? u.pop_18_49 + u.pop_50_64 + u.pop_65_plus
    : g === '50+' ? u.pop_50_64 + u.pop_65_plus
      : g === '65+' ? u.pop_65_plus
        : g === '12-17' ? u.pop_12_17
          : null;
  return n && n > 0 ? n : null;
}

export function percentOf(numerator: number, denominator: number): number | null {
  return denominator > 0 ? Math.round((numerator / denominator) * 1000) / 10 : null;
}

export function groupFigures(counts: CoverageCounts, pop: PopRow | null): GroupFigure[] {
  return VACCINATION_GROUPS.map((g) => {
    const population = populationOf(pop, g);
    const denominator = population ?? counts.registered[g];
    return {
      group: g, label: VACCINATION_GROUP_LABELS[g], denominator, denominatorSource: population === null ? 'registry' : 'population', registered: counts.registered[g],
      measures: COVERAGE_MEASURES.map((m) => ({ measure: m, label: COVERAGE_MEASURE_LABELS[m], numerator: counts.vaccinated[g][m], percent: percentOf(counts.vaccinated[g][m], denominator) })),
    };
  });
}

const POP_COLUMNS = ['code', 'name', 'path', 'pop_12_17', 'pop_18_49', 'pop_50_64', 'pop_65_plus', 'pop_source'] as const;

/**
 * The unit asked for, inside the caller's scope or 404. By default the caller's own unit, the country for a
 * national account, or the first assigned village of a team member (whose commune lies outside their scope).
 */
export async function statsUnit(db: DbOrTrx, auth: AuthContext, code: string | undefined): Promise<UnitRow | null> {
  if (code === undefined) {
    if (auth.scope.all && !auth.user.unitCode) return null;
    const own = auth.user.unitCode ? await unitsRepo.findVisible(db, auth.scope, auth.user.unitCode) : undefined;
    if (own) return own;
    code = auth.scope.paths[0]?.split('/').filter(Boolean).at(-1);
    if (!code) throw errors.notFound('Đơn vị hành chính', 'Administrative unit');
  }
  const unit = await unitsRepo.findVisible(db, auth.scope, code);
  if (!unit) throw errors.notFound('Đơn vị hành chính', 'Administrative unit');
  return unit;
}

/**
 * Coverage of a unit and of each unit directly under it on a date, by group and measure.
 * Figures only (no person), so observers read them too.
 */
export async function vaccinationStats(db: Db, auth: AuthContext, q: { unit?: string; date?: string }): Promise<CoverageDto> {
  const date = q.date ?? vnDate();
  if (date > vnDate()) throw errors.invalid('date', 'Ngày xem số liệu ở tương lai.', 'The date is in the future.');
  const unit = await statsUnit(db, auth, q.unit);
  const children = await db.selectFrom('units').select(POP_COLUMNS).where(withinScope(auth.scope, 'units.path'))
    .where((eb) => (unit ? eb('parent_code', '=', unit.code) : eb('parent_code', 'is', null))).orderBy('code').execute();
  const coverage = await computeCoverage(db, unit?.path ?? '', date);
  const childCounts = children.map(() => emptyCounts());
  for (const row of coverage.byPath) {
    const i = children.findIndex((c) => row.unitPath.startsWith(c.path));
    if (i >= 0) addCounts(childCounts[i], row.counts);
  }
  // The country has no row of its own: its figures are known when every province's are.
  const nationalPop = (): PopRow => {
    const known = children.length > 0 && children.every((c) => c.pop_source !== 'none');
    const sum = (k: 'pop_12_17' | 'pop_18_49' | 'pop_50_64' | 'pop_65_plus') => children.reduce((s, c) => s + c[k], 0);
    return { pop_source: known ? 'sum' : 'none', pop_12_17: sum('pop_12_17'), pop_18_49: sum('pop_18_49'), pop_50_64: sum('pop_50_64'), pop_65_plus: sum('pop_65_plus') };
  };
  return {
    unitCode: unit?.code ?? null, unitName: unit?.name ?? 'Toàn quốc', date,
    groups: groupFigures(coverage.total, unit ?? nationalPop()),
    children: children.map((c, i) => ({ unitCode: c.code, unitName: c.name, groups: groupFigures(childCounts[i], c) })),
  };
}
