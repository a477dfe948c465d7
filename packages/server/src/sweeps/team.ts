import type { Db } from '../db/database.js';
import type { AuthContext } from '../auth/context.js';
import { findSweep, memberCandidates, requireManage } from './service.js';

const ROLE_ORDER: Record<string, number> = { team: 0, health: 1, command: 2 };

/**
 * Who the planner may give households to. User management is for administrators only, so the
 * sweep answers this itself, limited to the commune and the caller's scope (as `assign` checks).
 * Team members come first, with the villages they usually cover, since the split follows villages.
 */
export async function listMemberCandidates(db: Db, auth: AuthContext, id: number) {
  requireManage(auth);
  const sweep = await findSweep(db, auth, id);
  const rows = await memberCandidates(db, auth, sweep).select(['users.id', 'users.full_name', 'users.role', 'users.unit_code']).execute();
  const ids = rows.map((r) => r.id);
  const areas = ids.length ? await db.selectFrom('user_units').select(['user_id', 'unit_code']).where('user_id', 'in', ids).orderBy('unit_code').execute() : [];
  const items = rows.map((r) => ({
    id: r.id, fullName: r.full_name, role: r.role, unitCode: r.unit_code ?? sweep.unit_code,
    assignedUnitCodes: areas.filter((a) => a.user_id === r.id).map((a) => a.unit_code),
  }));
  items.sort((a, b) => (ROLE_ORDER[a.role] ?? 9) - (ROLE_ORDER[b.role] ?? 9) || a.fullName.localeCompare(b.fullName, 'vi'));
  return { items };
}
