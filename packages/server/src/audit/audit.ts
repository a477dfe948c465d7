import type { DbOrTrx } from '../db/database.js';
import { nowIso } from '../lib/time.js';

export interface Actor {
  userId: number | null;
  username: string | null;
  ip: string | null;
}

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | number | null;
  unitCode?: string | null;
  unitPath?: string | null;
  /** For writes, field → [before, after]; for reads of personal data, what was read. */
  changes?: Record<string, unknown> | null;
}

/** Written inside the caller's transaction so that a write and its audit row land or fail together. */
export async function recordAudit(db: DbOrTrx, actor: Actor, entry: AuditEntry): Promise<void> {
  let unitPath = entry.unitPath;
  if (unitPath === undefined && entry.unitCode) {
    unitPath = (await db.selectFrom('units').select('path').where('code', '=', entry.unitCode).executeTakeFirst())?.path ?? null;
  }
  await db
    .insertInto('audit_log')
    .values({
      at: nowIso(),
      user_id: actor.userId,
      username: actor.username,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId == null ? null : String(entry.entityId),
      unit_code: entry.unitCode ?? null,
      unit_path: unitPath ?? null,
      changes: entry.changes ? JSON.stringify(entry.changes) : null,
      ip: actor.ip,
    })
    .execute();
}

/** Field-by-field difference of two flat records, as [before, after] pairs. */
export function diffFields<T extends Record<string, unknown>>(before: T, after: Partial<T>, hidden: string[] = []): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const key of Object.keys(after)) {
    const a = after[key];
    if (a === undefined) continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(a)) {
      out[key] = hidden.includes(key) ? ['***', '***'] : [before[key], a];
    }
  }
  return out;
}
