import { sql, type RawBuilder } from 'kysely';
import { COVERAGE_MEASURES, GROUP_RULES, VACCINATION_GROUPS, type CoverageMeasure, type VaccinationGroup } from '@pcd/core';
import type { DbOrTrx } from '../db/database.js';

export interface CoverageCounts {
  /** Living registered people of each group on the date. */
  registered: Record<VaccinationGroup, number>;
  /** Of those, how many meet each measure with the doses given up to the date. */
  vaccinated: Record<VaccinationGroup, Record<CoverageMeasure, number>>;
}

export interface CoverageResult {
  unitPath: string;
  date: string;
  total: CoverageCounts;
  /** The same figures for each unit people are registered in (villages, or communes without villages). */
  byPath: { unitPath: string; counts: CoverageCounts }[];
}

export function emptyCounts(): CoverageCounts {
  const registered = {} as CoverageCounts['registered'];
  const vaccinated = {} as CoverageCounts['vaccinated'];
  for (const g of VACCINATION_GROUPS) {
    registered[g] = 0;
    vaccinated[g] = { dose1: 0, full: 0, booster: 0 };
  }
  return { registered, vaccinated };
}

export function addCounts(into: CoverageCounts, from: CoverageCounts): CoverageCounts {
  for (const g of VACCINATION_GROUPS) {
    into.registered[g] += from.registered[g];
    for (const m of COVERAGE_MEASURES) into.vaccinated[g][m] += from.vaccinated[g][m];
  }
  return into;
}

/**
 * Age bounds of the groups (12, 16, 18, 50, 65): between two of them everyone belongs to the same groups,
 * so people are counted per age band and the bands summed into groups afterwards.
 */
const AGE_BOUNDS = [...new Set(VACCINATION_GROUPS.flatMap((g) => {
  const r = GROUP_RULES[g];
  return r.maxAge === null ? [r.minAge] : [r.minAge, r.maxAge + 1];
}))].sort((a, b) => a - b);

/** Band b (1…AGE_BOUNDS.length) holds ages AGE_BOUNDS[b-1] up to the next bound; 0 is below the first. */
function bandInGroup(band: number, g: VaccinationGroup): boolean {
  if (band < 1) return false;
  const r = GROUP_RULES[g];
  const lo = AGE_BOUNDS[band - 1];
  const hi = band < AGE_BOUNDS.length ? AGE_BOUNDS[band] - 1 : Infinity;
  return lo >= r.minAge && (r.maxAge === null || hi <= r.maxAge);
}

/**
 * The age band on the date as plain comparisons: "at least N years old" is "born on or before the
 * date N years back" (ISO dates compare as text), or born in that year or before when only the year is known.
 */
function bandSql(date: string): RawBuilder<number> {
  const year = Number(date.slice(0, 4));
  const monthDay = date.slice(5);
  const desc = AGE_BOUNDS.map((n, i) => ({ n, band: i + 1 })).reverse();
  const byDob = desc.map(({ n, band }) => sql`when p.date_of_birth <= ${`${String(year - n).padStart(4, '0')}-${monthDay}`} then ${sql.lit(band)}`);
  const byYear = desc.map(({ n, band }) => sql`when p.birth_year <= ${sql.lit(year - n)} then ${sql.lit(band)}`);
  return sql<number>`(case
    when p.date_of_birth is not null then (case ${sql.join(byDob, sql` `)} else 0 end)
    when p.birth_year is not null then (case ${sql.join(byYear, sql` `)} else 0 end)
    end)`;
}

/** The counting query of computeCoverage, on its own so that its plan can be read (EXPLAIN) and timed. */
export function coverageCountsSql(unitPath: string, date: string) {
  const within = `${unitPath}%`;
  return sql<{ unit_path: string; band: number | string; comorbidity: number | string; pregnant: number | string; vaccinated: number | string; full: number | string; boosted: number | string; n: number | string }>`
    select x.unit_path, x.band, x.comorbidity, x.pregnant, x.vaccinated, x.full, x.boosted, count(*) as n
    from (
      select p.unit_path, ${bandSql(date)} as band, p.comorbidity, p.pregnant,
        case when count(vd.id) > 0 then 1 else 0 end as vaccinated,
        case when sum(case when vd.kind = 'primary' then 1 else 0 end) >= min(case when vd.kind = 'primary' then vp.primary_doses end) then 1 else 0 end as full,
        max(case when vd.kind = 'booster' then 1 else 0 end) as boosted
      from people p
      left join vaccination_doses vd on vd.person_id = p.id and vd.vaccinated_on <= ${date}
      left join vaccine_products vp on vp.code = vd.product_code
      where p.unit_path like ${within} and p.merged_into is null
        and not exists (select 1 from cases c where c.person_id = p.id and c.status = 'died' and c.death_date <= ${date})
      group by p.id, p.unit_path, p.date_of_birth, p.birth_year, p.comorbidity, p.pregnant
    ) x
    where x.band > 0
    group by x.unit_path, x.band, x.comorbidity, x.pregnant, x.vaccinated, x.full, x.boosted
  `;
}

/**
 * Coverage of a unit's subtree on a date, counted by the database: people of the subtree left-joined to
 * their doses up to the date and folded to one row each, then counted per registered unit, age band, flags and dose status.
 * What comes back is a few thousand counts at most, whatever the population: no person leaves the database.
 * People merged into another record and people who died of COVID-19 by the date are not counted.
 * Full course: as many primary doses as the shortest course among the person's primary products (Janssen 1, Abdala 3).
 */
export async function computeCoverage(db: DbOrTrx, unitPath: string, date: string): Promise<CoverageResult> {
  const { rows } = await coverageCountsSql(unitPath, date).execute(db);
  const total = emptyCounts();
  const byPathMap = new Map<string, CoverageCounts>();
  for (const r of rows) {
    const path = String(r.unit_path);
    let counts = byPathMap.get(path);
    if (!counts) byPathMap.set(path, (counts = emptyCounts()));
    const band = Number(r.band);
    const n = Number(r.n);
    const flags = { comorbidity: Number(r.comorbidity) === 1, pregnant: Number(r.pregnant) === 1 };
    const met: Record<CoverageMeasure, boolean> = { dose1: Number(r.vaccinated) === 1, full: Number(r.full) === 1, booster: Number(r.boosted) === 1 };
    for (const g of VACCINATION_GROUPS) {
      const flag = GROUP_RULES[g].flag;
      if (!bandInGroup(band, g) || (flag && !flags[flag])) continue;
      counts.registered[g] += n;
      for (const m of COVERAGE_MEASURES) if (met[m]) counts.vaccinated[g][m] += n;
    }
  }
  const byPath = [...byPathMap].map(([unitPath, counts]) => {
    addCounts(total, counts);
    return { unitPath, counts };
  });
  return { unitPath, date, total, byPath };
}
