import { sweepAccess, CONCLUSIVE_OUTCOMES, type SweepAccess } from '@pcd/core';
import { sql, type ExpressionBuilder } from 'kysely';
import type { DbOrTrx } from '../db/database.js';
import type { Database, SweepRow } from '../db/schema.js';
import type { AuthContext } from '../auth/context.js';
import { withinScope } from '../auth/scope.js';
import { registerPersonReference } from '../people/references.js';

// A merge of two people repoints the visits that saw them.
registerPersonReference('sweep_visit_people', 'person_id');

export function accessOf(auth: AuthContext): SweepAccess {
  return sweepAccess(auth.user.role);
}

/**
 * Staff and observers see the sweeps of communes in their scope. A team member's scope is a few
 * villages, so they see the sweeps over those villages and any sweep that gave them households.
 */
function visibleSweep(auth: AuthContext) {
  return (eb: ExpressionBuilder<Database, 'sweeps'>) => {
    if (accessOf(auth) !== 'member') return withinScope(auth.scope, 'sweeps.unit_path')(eb);
    return eb.or([
      eb.exists(eb.selectFrom('sweep_assignments as m').select('m.sweep_id').whereRef('m.sweep_id', '=', 'sweeps.id').where('m.member_user_id', '=', auth.user.id)),
      eb.exists(eb.selectFrom('sweep_villages as sv').select('sv.sweep_id').whereRef('sv.sweep_id', '=', 'sweeps.id').where(withinScope(auth.scope, 'sv.unit_path'))),
    ]);
  };
}

export const sweepsRepo = {
  visible(db: DbOrTrx, auth: AuthContext) {
    return db.selectFrom('sweeps').where(visibleSweep(auth));
  },

  async findVisible(db: DbOrTrx, auth: AuthContext, id: number): Promise<(SweepRow & { unit_name: string }) | undefined> {
    return sweepsRepo.visible(db, auth).innerJoin('units', 'units.code', 'sweeps.unit_code')
      .selectAll('sweeps').select('units.name as unit_name').where('sweeps.id', '=', id).executeTakeFirst();
  },

  async villages(db: DbOrTrx, sweepId: number) {
    return db.selectFrom('sweep_villages').innerJoin('units', 'units.code', 'sweep_villages.unit_code')
      .select(['sweep_villages.unit_code', 'sweep_villages.unit_path', 'units.name']).where('sweep_villages.sweep_id', '=', sweepId)
      .orderBy('sweep_villages.unit_code').execute();
  },

  /**
   * The sweep's households the caller may see by name: all of them for staff (within their scope),
   * only their own for a team member, none for an observer.
   */
  households(db: DbOrTrx, auth: AuthContext, sweepId: number) {
    let qb = db.selectFrom('sweep_assignments as a').where('a.sweep_id', '=', sweepId);
    const access = accessOf(auth);
    if (access === 'member') qb = qb.where('a.member_user_id', '=', auth.user.id);
    else if (access === 'counts') qb = qb.where(sql<boolean>`1 = 0`);
    else qb = qb.where(withinScope(auth.scope, 'a.unit_path'));
    return qb;
  },

  /** Rows (household, village, member) with each visit's outcome, for progress counts. */
  async progressRows(db: DbOrTrx, sweepId: number) {
    return db.selectFrom('sweep_assignments as a')
      .leftJoin('sweep_visits as v', (j) => j.onRef('v.sweep_id', '=', 'a.sweep_id').onRef('v.household_id', '=', 'a.household_id'))
      .select(['a.household_id', 'a.unit_code', 'a.member_user_id', 'v.outcome'])
      .where('a.sweep_id', '=', sweepId)
      .execute();
  },

  /** Households that at least one visit has settled (someone found, a refusal, an empty house). */
  settled(eb: ExpressionBuilder<any, any>, sweepRef: string, householdRef: string) {
    return eb.exists(
      eb.selectFrom('sweep_visits as dv').select('dv.id')
        .whereRef('dv.sweep_id', '=', sweepRef as any).whereRef('dv.household_id', '=', householdRef as any)
        .where('dv.outcome', 'in', [...CONCLUSIVE_OUTCOMES]),
    );
  },
};
