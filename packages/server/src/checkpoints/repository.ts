import type { DbOrTrx } from '../db/database.js';
import type { CheckpointRow } from '../db/schema.js';
import { withinScope, type Scope } from '../auth/scope.js';

export const checkpointsRepo = {
  visible(db: DbOrTrx, scope: Scope) {
    return db.selectFrom('checkpoints').where(withinScope(scope, 'checkpoints.unit_path'));
  },

  async findVisible(db: DbOrTrx, scope: Scope, id: number): Promise<CheckpointRow | undefined> {
    return checkpointsRepo.visible(db, scope).selectAll('checkpoints').where('checkpoints.id', '=', id).executeTakeFirst();
  },

  /** The point a QR code opens; a retired point no longer takes declarations. */
  async byToken(db: DbOrTrx, token: string): Promise<CheckpointRow | undefined> {
    return db.selectFrom('checkpoints').selectAll().where('public_token', '=', token).where('active', '=', 1).executeTakeFirst();
  },
};
