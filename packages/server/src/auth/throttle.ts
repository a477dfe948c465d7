import type { DbOrTrx } from '../db/database.js';
import { addMinutes, nowIso } from '../lib/time.js';

export const THROTTLE = {
  accountFailures: 10,
  // A commune office shares one public address, so the per-address limit is looser.
  ipFailures: 50,
  windowMinutes: 15,
  lockMinutes: 15,
};

export const accountKey = (username: string) => `u:${username.toLowerCase()}`;
export const ipKey = (ip: string) => `ip:${ip}`;

/** The time until which a key is locked, or null. */
export async function lockedUntil(db: DbOrTrx, keys: string[]): Promise<string | null> {
  const now = nowIso();
  const rows = await db.selectFrom('login_throttle').select('locked_until').where('key', 'in', keys).where('locked_until', '>', now).execute();
  return rows.map((r) => r.locked_until!).sort().pop() ?? null;
}

/** Counts a failure; returns the lock's end when this failure locked the key. */
export async function recordFailure(db: DbOrTrx, key: string, limit: number): Promise<string | null> {
  const now = nowIso();
  const row = await db.selectFrom('login_throttle').selectAll().where('key', '=', key).executeTakeFirst();
  const windowStart = addMinutes(now, -THROTTLE.windowMinutes);
  if (!row || row.first_failure_at < windowStart || (row.locked_until && row.locked_until <= now)) {
    const values = { failures: 1, first_failure_at: now, locked_until: limit <= 1 ? addMinutes(now, THROTTLE.lockMinutes) : null };
    if (row) await db.updateTable('login_throttle').set(values).where('key', '=', key).execute();
    else await db.insertInto('login_throttle').values({ key, ...values }).execute();
    return values.locked_until;
  }
  const failures = row.failures + 1;
  const lockedUntil = failures >= limit ? addMinutes(now, THROTTLE.lockMinutes) : null;
  await db.updateTable('login_throttle').set({ failures, locked_until: lockedUntil }).where('key', '=', key).execute();
  return lockedUntil;
}

export async function clearFailures(db: DbOrTrx, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}
