import { splitHouseholds } from '@pcd/core';
import type { Db } from '../db/database.js';
import type { AuthContext } from '../auth/context.js';
import { recordAudit, type Actor } from '../audit/audit.js';
import { errors } from '../http/errors.js';
import { nowIso } from '../lib/time.js';
import { sweepsRepo } from './repository.js';
import { addNewHouseholds, assertOpen, bumpVersion, checkMembers, findSweep, getSweep, requireManage } from './service.js';
import type { AssignInput } from './model.js';

/**
 * Splits the households still to visit among the members (households already settled stay with
 * whoever settled them), or gives named households to one member. Households added to the
 * villages since the sweep began join it first.
 */
export async function assignHouseholds(db: Db, auth: AuthContext, actor: Actor, id: number, input: AssignInput) {
  requireManage(auth);
  const split = input.memberIds !== undefined;
  const explicit = input.householdIds !== undefined;
  if (split === explicit) {
    throw errors.invalid('memberIds', 'Hãy gửi memberIds (chia tự động) hoặc householdIds cùng memberId (giao từng hộ), không gửi cả hai.',
      'Send memberIds (automatic split) or householdIds with memberId (explicit assignment), not both.');
  }
  if (explicit && input.memberId === undefined) throw errors.invalid('memberId', 'Hãy chọn người được giao (memberId, hoặc null để thu hồi).', 'memberId is required (null to unassign).');
  await db.transaction().execute(async (trx) => {
    const sweep = await findSweep(trx, auth, id);
    assertOpen(sweep);
    await bumpVersion(trx, id, input.version);
    const added = await addNewHouseholds(trx, id, await sweepsRepo.villages(trx, id));
    const now = nowIso();
    if (split) {
      const members = await checkMembers(trx, auth, sweep, [...new Set(input.memberIds)]);
      const open = await trx.selectFrom('sweep_assignments as a').select(['a.household_id', 'a.unit_code'])
        .where('a.sweep_id', '=', id).where((eb) => eb.not(sweepsRepo.settled(eb, 'a.sweep_id', 'a.household_id'))).execute();
      const shares = splitHouseholds(open.map((h) => ({ id: h.household_id, village: h.unit_code })), members.map((m) => m.id));
      for (const share of shares) {
        for (let i = 0; i < share.householdIds.length; i += 500) {
          await trx.updateTable('sweep_assignments').set({ member_user_id: share.memberId, assigned_at: now })
            .where('sweep_id', '=', id).where('household_id', 'in', share.householdIds.slice(i, i + 500)).execute();
        }
      }
      await recordAudit(trx, actor, {
        action: 'assign', entity: 'sweep', entityId: id, unitCode: sweep.unit_code, unitPath: sweep.unit_path,
        changes: { split: [null, Object.fromEntries(shares.map((s) => [s.memberId, s.householdIds.length]))], addedHouseholds: [null, added] },
      });
      return;
    }
    const memberId = input.memberId ?? null;
    if (memberId !== null) await checkMembers(trx, auth, sweep, [memberId]);
    const ids = [...new Set(input.householdIds)];
    const present = await trx.selectFrom('sweep_assignments').select('household_id').where('sweep_id', '=', id).where('household_id', 'in', ids).execute();
    const unknown = ids.filter((h) => !present.some((p) => p.household_id === h));
    if (unknown.length) {
      throw errors.invalid('householdIds', `Hộ mã ${unknown.join(', ')} không thuộc đợt rà soát này.`, `Households ${unknown.join(', ')} are not in this sweep.`);
    }
    await trx.updateTable('sweep_assignments').set({ member_user_id: memberId, assigned_at: memberId === null ? null : now })
      .where('sweep_id', '=', id).where('household_id', 'in', ids).execute();
    await recordAudit(trx, actor, {
      action: 'assign', entity: 'sweep', entityId: id, unitCode: sweep.unit_code, unitPath: sweep.unit_path,
      changes: { households: [null, ids], memberId: [null, memberId], addedHouseholds: [null, added] },
    });
  });
  return getSweep(db, auth, id);
}
