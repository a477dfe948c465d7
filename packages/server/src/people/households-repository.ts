import type { DbOrTrx } from '../db/database.js';
import type { HouseholdRow } from '../db/schema.js';
import { withinScope, type Scope } from '../auth/scope.js';

export const householdsRepo = {
  visible(db: DbOrTrx, scope: Scope) {
    return db.selectFrom('households').where(withinScope(scope, 'households.unit_path'));
  },
  async findVisible(db: DbOrTrx, scope: Scope, id: number): Promise<HouseholdRow | undefined> {
    return householdsRepo.visible(db, scope).selectAll('households').where('households.id', '=', id).executeTakeFirst();
  },
};
