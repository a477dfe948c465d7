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

/** Age on the date, from the date of birth when known, else from the birth year (as village registers keep it). */
function ageSql(date: string): RawBuilder<number> {
  const year = sql.lit(Number(date.slice(0, 4)));
  return sql<number>`(case when p.date_of_birth is not null
    then ${year} - cast(substr(p.date_of_birth, 1, 4) as integer) - (case when substr(p.date_of_birth, 6, 5) > ${date.slice(5)} then 1 else 0 end)
    else ${year} - p.birth_year end)`;
}

function groupSql(g: VaccinationGroup): RawBuilder<unknown> {
  const r = GROUP_RULES[g];
  const parts = [`x.age >= ${r.minAge}`];
  if (r.maxAge !== null) parts.push(`x.age <= ${r.maxAge}`);
  if (r.flag) parts.push(`x.${r.flag} = 1`);
  return sql.raw(parts.join(' and '));
}

/** Full course: as many primary doses as the shortest course among the person's primary products (Janssen 1, Abdala 3). */
const MEASURE_SQL: Record<CoverageMeasure, string> = {
  dose1: 'd.person_id is not null',
  full: 'd.primaries >= d.needed',
  booster: 'd.boosted = 1',
};

/**
 * Coverage of a unit's subtree on a date, counted by the database: one pass over the people of the
 * subtree left-joined to one row per vaccinated person, summed per registered unit. No person leaves
 * the database, so a district of 300 000 people costs one grouped query.
 * People merged into another record and people who died of COVID-19 by the date are not counted.
 */
export async function computeCoverage(db: DbOrTrx, unitPath: string, date: string): Promise<CoverageResult> {
  const within = `${unitPath}%`;
  const sums: RawBuilder<unknown>[] = [];
  VACCINATION_GROUPS.forEach((g, gi) => {
    sums.push(sql`sum(case when ${groupSql(g)} then 1 else 0 end) as ${sql.ref(`r_${gi}`)}`);
    COVERAGE_MEASURES.forEach((m, mi) => {
      sums.push(sql`sum(case when ${groupSql(g)} and ${sql.raw(MEASURE_SQL[m])} then 1 else 0 end) as ${sql.ref(`n_${gi}_${mi}`)}`);
    });
  });
  const { rows } = await sql<Record<string, string | number | null>>`
    select x.unit_path, ${sql.join(sums, sql`, `)}
    from (
      select p.id, p.unit_path, p.comorbidity, p.pregnant, ${ageSql(date)} as age
      from people p
      where p.unit_path like ${within} and p.merged_into is null
        and not exists (select 1 from cases c where c.person_id = p.id and c.status = 'died' and c.death_date <= ${date})
    ) x
    left join (
      select vd.person_id,
        sum(case when vd.kind = 'primary' then 1 else 0 end) as primaries,
        min(case when vd.kind = 'primary' then vp.primary_doses end) as needed,
        max(case when vd.kind = 'booster' then 1 else 0 end) as boosted
      from vaccination_doses vd
      join people pp on pp.id = vd.person_id
      join vaccine_products vp on vp.code = vd.product_code
      where pp.unit_path like ${within} and pp.merged_into is null and vd.vaccinated_on <= ${date}
      group by vd.person_id
    ) d on d.person_id = x.id
    group by x.unit_path
  `.execute(db);

  const total = emptyCounts();
  const byPath = rows.map((r) => {
    const counts = emptyCounts();
    VACCINATION_GROUPS.forEach((g, gi) => {
      counts.registered[g] = Number(r[`r_${gi}`] ?? 0);
      COVERAGE_MEASURES.forEach((m, mi) => { counts.vaccinated[g][m] = Number(r[`n_${gi}_${mi}`] ?? 0); });
    });
    addCounts(total, counts);
    return { unitPath: String(r.unit_path), counts };
  });
  return { unitPath, date, total, byPath };
}
