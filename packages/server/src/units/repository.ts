import { sql } from 'kysely';
import { foldVietnamese, type PopulationByAge } from '@pcd/core';
import type { Db, DbOrTrx } from '../db/database.js';
import type { UnitRow } from '../db/schema.js';
import { withinScope, type Scope } from '../auth/scope.js';
import { nowIso } from '../lib/time.js';
import { popColumns } from './model.js';
import { parseSort } from '../lib/paging.js';

export const UNIT_SORTS = { name: 'units.name_folded', code: 'units.code', population: 'units.pop_total' } as const;

export interface UnitFilter {
  parent?: string;
  /** Path of a unit whose whole subtree is wanted (the `unit` list parameter). */
  within?: string;
  sort?: string;
  q?: string;
  tier?: string;
  /** Only the top units of the scope (no parent, no query). */
  roots?: boolean;
}

function filtered(db: DbOrTrx, scope: Scope, f: UnitFilter) {
  let qb = db.selectFrom('units').where(withinScope(scope, 'units.path'));
  if (f.parent) qb = qb.where('units.parent_code', '=', f.parent);
  if (f.tier) qb = qb.where('units.tier', '=', f.tier);
  if (f.within) qb = qb.where('units.path', 'like', `${f.within}%`);
  if (f.q) {
    const words = foldVietnamese(f.q).split(' ').filter(Boolean);
    const raw = f.q.trim();
    qb = qb.where((eb) =>
      eb.or([eb.and(words.map((w) => eb('units.name_folded', 'like', `%${w.replace(/[%_\\]/g, '')}%`))), eb('units.code', '=', raw)]),
    );
  }
  if (f.roots) {
    qb = scope.all ? qb.where('units.parent_code', 'is', null) : qb.where('units.path', 'in', scope.paths.length ? scope.paths : ['-']);
  }
  return qb;
}

export const unitsRepo = {
  async findByCode(db: DbOrTrx, code: string): Promise<UnitRow | undefined> {
    return db.selectFrom('units').selectAll().where('code', '=', code).executeTakeFirst();
  },

  async findVisible(db: DbOrTrx, scope: Scope, code: string): Promise<UnitRow | undefined> {
    return db.selectFrom('units').selectAll().where('code', '=', code).where(withinScope(scope, 'units.path')).executeTakeFirst();
  },

  async list(db: Db, scope: Scope, f: UnitFilter, page: number, pageSize: number) {
    const base = filtered(db, scope, f);
    const [{ total }] = await base.select((eb) => eb.fn.countAll<number>().as('total')).execute();
    const rows = await base
      .selectAll('units')
      .select((eb) =>
        eb.exists(eb.selectFrom('units as c').select('c.code').whereRef('c.parent_code', '=', 'units.code')).as('has_children'),
      )
      .orderBy('units.depth')
      .$call((q) => {
        const { column, direction } = parseSort(f.sort, UNIT_SORTS, 'units.name_folded');
        return q.orderBy(column, direction);
      })
      .orderBy('units.code')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    return { total: Number(total), rows };
  },

  /** Every row of a filter, in pages, for exports that must not hold a province in memory twice. */
  async *iterate(db: Db, scope: Scope, f: UnitFilter, batch = 2000): AsyncGenerator<UnitRow> {
    let after = '';
    for (;;) {
      const rows = await filtered(db, scope, f).selectAll('units').where('units.path', '>', after).orderBy('units.path').limit(batch).execute();
      for (const r of rows) yield r;
      if (rows.length < batch) return;
      after = rows[rows.length - 1].path;
    }
  },

  async byCodes(db: DbOrTrx, codes: string[]): Promise<UnitRow[]> {
    if (codes.length === 0) return [];
    return db.selectFrom('units').selectAll().where('code', 'in', codes).execute();
  },

  async childCount(db: DbOrTrx, code: string): Promise<number> {
    const r = await db.selectFrom('units').select((eb) => eb.fn.countAll<number>().as('n')).where('parent_code', '=', code).executeTakeFirst();
    return Number(r?.n ?? 0);
  },

  /** Optimistic update: nothing is written unless the stored version is the one the caller saw. */
  async setPopulation(db: DbOrTrx, code: string, version: number, byAge: PopulationByAge, isDemo: boolean): Promise<boolean> {
    const r = await db
      .updateTable('units')
      .set({ ...popColumns(byAge), pop_source: 'own', pop_is_demo: isDemo ? 1 : 0, version: sql`version + 1`, updated_at: nowIso() })
      .where('code', '=', code)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  /**
   * Recomputes ancestors whose figures are a sum of their children, stopping at one with its own figures.
   */
  async rollUp(db: DbOrTrx, fromParent: string | null): Promise<void> {
    let code = fromParent;
    while (code) {
      const unit = await unitsRepo.findByCode(db, code);
      if (!unit || unit.pop_source === 'own') return;
      const s = await db
        .selectFrom('units')
        .select((eb) => [
          eb.fn.coalesce(eb.fn.sum<number>('pop_0_11'), sql<number>`0`).as('a'),
          eb.fn.coalesce(eb.fn.sum<number>('pop_12_17'), sql<number>`0`).as('b'),
          eb.fn.coalesce(eb.fn.sum<number>('pop_18_49'), sql<number>`0`).as('c'),
          eb.fn.coalesce(eb.fn.sum<number>('pop_50_64'), sql<number>`0`).as('d'),
          eb.fn.coalesce(eb.fn.sum<number>('pop_65_plus'), sql<number>`0`).as('e'),
          eb.fn.coalesce(eb.fn.max<number>('pop_is_demo'), sql<number>`0`).as('demo'),
          eb.fn.countAll<number>().as('n'),
          eb.fn.sum<number>(sql`case when pop_source = 'none' then 0 else 1 end`).as('known'),
        ])
        .where('parent_code', '=', code)
        .executeTakeFirstOrThrow();
      // A sum over some children only would understate the population, so it stays unknown until all are known.
      const complete = Number(s.n) > 0 && Number(s.known ?? 0) === Number(s.n);
      const byAge = complete
        ? { '0-11': Number(s.a), '12-17': Number(s.b), '18-49': Number(s.c), '50-64': Number(s.d), '65+': Number(s.e) }
        : { '0-11': 0, '12-17': 0, '18-49': 0, '50-64': 0, '65+': 0 };
      await db
        .updateTable('units')
        .set({
          ...popColumns(byAge),
          pop_source: complete ? 'sum' : 'none',
          pop_is_demo: complete && Number(s.demo) > 0 ? 1 : 0,
          updated_at: nowIso(),
        })
        .where('code', '=', code)
        .execute();
      code = unit.parent_code;
    }
  },
};
