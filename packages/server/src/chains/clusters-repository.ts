import { foldVietnamese } from '@pcd/core';
import type { DbOrTrx } from '../db/database.js';
import type { ClusterRow } from '../db/schema.js';
import { withinScope, type Scope } from '../auth/scope.js';

export interface ClusterFilter {
  within?: string;
  setting?: string;
  q?: string;
  from?: string;
  to?: string;
}

/**
 * A cluster is seen by the units inside the one that declared it, and by any unit that has one of
 * its cases: a commune sees the district's market cluster its F0 belongs to.
 */
function visible(db: DbOrTrx, scope: Scope) {
  return db.selectFrom('clusters').where((eb) => eb.or([
    withinScope(scope, 'clusters.unit_path')(eb),
    eb.exists(eb.selectFrom('cases').select('cases.id').whereRef('cases.cluster_id', '=', 'clusters.id').where(withinScope(scope, 'cases.unit_path'))),
  ]));
}

export const clustersRepo = {
  visible,

  filtered(db: DbOrTrx, scope: Scope, f: ClusterFilter) {
    let qb = visible(db, scope);
    if (f.within) {
      const within = f.within;
      qb = qb.where((eb) => eb.or([
        eb('clusters.unit_path', 'like', `${within}%`),
        eb.exists(eb.selectFrom('cases').select('cases.id').whereRef('cases.cluster_id', '=', 'clusters.id').where('cases.unit_path', 'like', `${within}%`)),
      ]));
    }
    if (f.setting) qb = qb.where('clusters.setting', '=', f.setting);
    if (f.from) qb = qb.where('clusters.first_date', '>=', f.from);
    if (f.to) qb = qb.where('clusters.first_date', '<=', f.to);
    if (f.q) {
      const words = foldVietnamese(f.q).replace(/[%_\\]/g, '').split(' ').filter(Boolean);
      qb = qb.where((eb) => eb.and(words.map((w) => eb('clusters.name_folded', 'like', `%${w}%`))));
    }
    return qb;
  },

  async findVisible(db: DbOrTrx, scope: Scope, id: number): Promise<ClusterRow | undefined> {
    return visible(db, scope).selectAll('clusters').where('clusters.id', '=', id).executeTakeFirst();
  },
};
