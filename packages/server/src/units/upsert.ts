import { sql } from 'kysely';
import { childPath, foldVietnamese, type Tier } from '@pcd/core';
import type { DbOrTrx } from '../db/database.js';
import type { NewUnit } from '../db/schema.js';
import { nowIso } from '../lib/time.js';

export interface UnitInput {
  code: string;
  name: string;
  kind: string;
  tier: Tier;
  parentCode: string | null;
}

export interface UpsertResult {
  created: number;
  updated: number;
  unchanged: number;
  /** Codes written, for the audit log. */
  createdCodes: string[];
  updatedCodes: string[];
}

const CHUNK = 400;

/**
 * Inserts new units and updates changed ones, keyed by code, so that importing twice never
 * duplicates. `rows` must list every parent before its children (or have the parent stored already).
 */
export async function upsertUnits(db: DbOrTrx, rows: UnitInput[]): Promise<UpsertResult> {
  const result: UpsertResult = { created: 0, updated: 0, unchanged: 0, createdCodes: [], updatedCodes: [] };
  const codes = new Set<string>();
  for (const r of rows) {
    codes.add(r.code);
    if (r.parentCode) codes.add(r.parentCode);
  }
  const existing = new Map<string, { name: string; kind: string; tier: string; parent_code: string | null; path: string }>();
  const all = [...codes];
  for (let i = 0; i < all.length; i += CHUNK) {
    const part = await db
      .selectFrom('units')
      .select(['code', 'name', 'kind', 'tier', 'parent_code', 'path'])
      .where('code', 'in', all.slice(i, i + CHUNK))
      .execute();
    for (const u of part) existing.set(u.code, u);
  }

  const now = nowIso();
  const inserts: NewUnit[] = [];
  const flush = async () => {
    for (let i = 0; i < inserts.length; i += CHUNK) await db.insertInto('units').values(inserts.slice(i, i + CHUNK)).execute();
    inserts.length = 0;
  };

  for (const r of rows) {
    const parentPath = r.parentCode ? existing.get(r.parentCode)?.path : null;
    if (r.parentCode && !parentPath) throw new Error(`parent ${r.parentCode} of ${r.code} is unknown`);
    const path = childPath(parentPath ?? null, r.code);
    const old = existing.get(r.code);
    if (!old) {
      inserts.push({
        code: r.code, name: r.name, name_folded: foldVietnamese(r.name), kind: r.kind, tier: r.tier, parent_code: r.parentCode,
        path, depth: path.split('/').filter(Boolean).length, version: 1, created_at: now, updated_at: now,
      });
      existing.set(r.code, { name: r.name, kind: r.kind, tier: r.tier, parent_code: r.parentCode, path });
      result.created++;
      result.createdCodes.push(r.code);
      continue;
    }
    if (old.name === r.name && old.kind === r.kind && old.tier === r.tier && old.parent_code === r.parentCode && old.path === path) {
      result.unchanged++;
      continue;
    }
    // Inserts queued so far may be parents of what moves below; write them first.
    await flush();
    await db
      .updateTable('units')
      .set({ name: r.name, name_folded: foldVietnamese(r.name), kind: r.kind, tier: r.tier, parent_code: r.parentCode, version: sql`version + 1`, updated_at: now })
      .where('code', '=', r.code)
      .execute();
    if (old.path !== path) {
      await movePaths(db, old.path, path);
      // Descendants looked up above moved with it; later rows must see where they are now.
      for (const [code, e] of existing) if (e.path.startsWith(old.path)) existing.set(code, { ...e, path: path + e.path.slice(old.path.length) });
    }
    existing.set(r.code, { name: r.name, kind: r.kind, tier: r.tier, parent_code: r.parentCode, path });
    result.updated++;
    result.updatedCodes.push(r.code);
  }
  await flush();
  return result;
}

/** A unit moved under another parent: rewrite the path prefix of its whole subtree. */
async function movePaths(db: DbOrTrx, oldPath: string, newPath: string): Promise<void> {
  await db
    .updateTable('units')
    .set({
      path: sql`${newPath} || substr(path, ${oldPath.length + 1})`,
      depth: sql`depth + ${newPath.split('/').length - oldPath.split('/').length}`,
    })
    .where('path', 'like', `${oldPath}%`)
    .execute();
}
