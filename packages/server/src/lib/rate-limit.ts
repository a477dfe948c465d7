import { sql } from 'kysely';
import type { DbOrTrx } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { addMinutes, nowIso } from './time.js';

export interface RateLimit {
  /** Requests allowed per window. */
  limit: number;
  windowMinutes: number;
}

/**
 * Counts one hit against `key` and refuses it with 429 past the limit. The count lives in the
 * database so that it survives a restart and is shared by every process of one installation.
 */
export async function hitRateLimit(db: DbOrTrx, key: string, { limit, windowMinutes }: RateLimit): Promise<void> {
  const now = nowIso();
  const windowOpen = addMinutes(now, -windowMinutes);
  const inserted = await db.insertInto('rate_limits').values({ key, window_start: now, hits: 1 })
    .onConflict((oc) => oc.column('key').doNothing()).executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) {
    // A new address: a good moment to forget the ones whose window has long passed.
    await db.deleteFrom('rate_limits').where('window_start', '<', addMinutes(now, -24 * 60)).execute();
    return;
  }
  // One statement, so two requests at once cannot both read the old count.
  const row = await db.updateTable('rate_limits')
    .set({
      hits: sql`case when window_start < ${windowOpen} then 1 else hits + 1 end`,
      window_start: sql`case when window_start < ${windowOpen} then ${now} else window_start end`,
    })
    .where('key', '=', key)
    .returning(['hits', 'window_start'])
    .executeTakeFirst();
  if (row && row.hits > limit) {
    const retryMinutes = Math.max(1, Math.ceil((Date.parse(addMinutes(row.window_start, windowMinutes)) - Date.now()) / 60_000));
    throw new AppError(
      429, 'RATE_LIMITED',
      `Bạn đã gửi quá nhiều lần từ cùng một địa chỉ. Vui lòng thử lại sau ${retryMinutes} phút.`,
      `Too many submissions from this address; try again in ${retryMinutes} minutes.`,
    );
  }
}
