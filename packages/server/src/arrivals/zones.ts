import { z } from 'zod';
import { sql } from 'kysely';
import { canManageZones, checkZone, vnDate, zonesCovering, type Tier } from '@pcd/core';
import type { Db, DbOrTrx } from '../db/database.js';
import type { EpidemicZoneRow } from '../db/schema.js';
import type { AuthContext } from '../auth/context.js';
import { scopeCovers } from '../auth/scope.js';
import { diffFields, recordAudit, type Actor } from '../audit/audit.js';
import { errors } from '../http/errors.js';
import { nowIso } from '../lib/time.js';
import { officialUnit } from './origins.js';
import { isoDate } from '../lib/iso-date.js';


export const zoneInput = z.object({
  unitCode: z.string().trim().min(1).max(32),
  fromDate: isoDate,
  toDate: isoDate.nullable().optional(),
  note: z.string().trim().max(500).nullable().optional(),
});
export const zonePatch = z.object({
  version: z.number().int().min(1),
  fromDate: isoDate.optional(),
  toDate: isoDate.nullable().optional(),
  note: z.string().trim().max(500).nullable().optional(),
});

export const zoneSchema = z.object({
  id: z.number(), unitCode: z.string(), unitName: z.string(), unitTier: z.string(), fromDate: z.string(), toDate: z.string().nullable(),
  note: z.string().nullable(), declaredByCode: z.string().nullable(), activeToday: z.boolean(), version: z.number(), createdAt: z.string(), updatedAt: z.string(),
});
export type ZoneDto = z.infer<typeof zoneSchema>;

export const zoneQuery = z.object({
  q: z.string().max(100).optional(),
  /** Zones in force on that date. */
  on: isoDate.optional(),
  declaredBy: z.string().max(32).optional(),
});

export function toZoneDto(r: EpidemicZoneRow, today = vnDate()): ZoneDto {
  return {
    id: r.id, unitCode: r.unit_code, unitName: r.unit_name, unitTier: r.unit_tier, fromDate: r.from_date, toDate: r.to_date, note: r.note,
    declaredByCode: r.declared_by_code, activeToday: r.from_date <= today && (r.to_date === null || r.to_date >= today),
    version: r.version, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

/** The caller's own unit with its tier, which decides who may declare zones and set rules. */
export async function callerUnit(db: DbOrTrx, auth: AuthContext): Promise<{ code: string; path: string; tier: Tier } | null> {
  if (!auth.user.unitCode) return null;
  const u = await db.selectFrom('units').select(['code', 'path', 'tier']).where('code', '=', auth.user.unitCode).executeTakeFirst();
  return u ? { code: u.code, path: u.path, tier: u.tier as Tier } : null;
}

export async function requireZoneManager(db: DbOrTrx, auth: AuthContext) {
  const unit = await callerUnit(db, auth);
  if (!canManageZones(auth.user.role, unit?.tier ?? null)) throw errors.forbidden();
  return unit;
}

/** Zones are public facts: every logged-in user sees every list, observers included. */
export function zonesQuery(db: DbOrTrx, f: z.infer<typeof zoneQuery>) {
  let qb = db.selectFrom('epidemic_zones');
  if (f.on) qb = qb.where('from_date', '<=', f.on).where((eb) => eb.or([eb('to_date', 'is', null), eb('to_date', '>=', f.on!)]));
  if (f.declaredBy) qb = qb.where('declared_by_code', '=', f.declaredBy);
  if (f.q) {
    const raw = f.q.trim().replace(/[%_\\]/g, '');
    qb = qb.where((eb) => eb.or([eb('unit_code', 'like', `${raw}%`), eb('unit_name', 'like', `%${raw}%`)]));
  }
  return qb;
}

export async function listZones(db: Db, f: z.infer<typeof zoneQuery>, page: number, pageSize: number) {
  const qb = zonesQuery(db, f);
  const [{ total }] = await qb.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await qb.selectAll().orderBy('from_date', 'desc').orderBy('id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute();
  const today = vnDate();
  return { items: rows.map((r) => toZoneDto(r, today)), total: Number(total), page, pageSize };
}

export async function createZone(db: Db, auth: AuthContext, actor: Actor, input: z.infer<typeof zoneInput>): Promise<ZoneDto> {
  return db.transaction().execute(async (trx) => {
    const declarer = await requireZoneManager(trx, auth);
    const problems = checkZone(input);
    if (problems.length) throw errors.problems(problems);
    const unit = await officialUnit(trx, input.unitCode);
    if (!unit || unit.tier === 'village') {
      throw errors.invalid('unitCode', `Mã "${input.unitCode}" không phải tỉnh, huyện hay xã trong danh mục hành chính quốc gia.`, 'Not a province, district or commune code of the national list.');
    }
    const now = nowIso();
    const row = await trx.insertInto('epidemic_zones').values({
      unit_code: unit.code, unit_name: unit.fullLabel, unit_tier: unit.tier, from_date: input.fromDate, to_date: input.toDate ?? null, note: input.note ?? null,
      declared_by_code: declarer?.code ?? null, declared_by_path: declarer?.path ?? null, declared_by_user: auth.user.id, version: 1, created_at: now, updated_at: now,
    }).returningAll().executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'create', entity: 'epidemic_zone', entityId: row.id, unitCode: declarer?.code ?? null, unitPath: declarer?.path ?? null,
      changes: { unitCode: [null, unit.code], fromDate: [null, row.from_date], toDate: [null, row.to_date] },
    });
    return toZoneDto(row);
  });
}

/** Ending or correcting a zone is for the unit whose list it is, or a unit above it. */
export async function updateZone(db: Db, auth: AuthContext, actor: Actor, id: number, patch: z.infer<typeof zonePatch>): Promise<ZoneDto> {
  return db.transaction().execute(async (trx) => {
    await requireZoneManager(trx, auth);
    const before = await trx.selectFrom('epidemic_zones').selectAll().where('id', '=', id).executeTakeFirst();
    const mine = before && (before.declared_by_path === null ? auth.scope.all : scopeCovers(auth.scope, before.declared_by_path));
    if (!before || !mine) throw errors.notFound('Vùng dịch', 'Epidemic zone');
    const next = {
      from_date: patch.fromDate ?? before.from_date,
      to_date: patch.toDate === undefined ? before.to_date : patch.toDate,
      note: patch.note === undefined ? before.note : patch.note,
    };
    const problems = checkZone({ fromDate: next.from_date, toDate: next.to_date });
    if (problems.length) throw errors.problems(problems);
    const r = await trx.updateTable('epidemic_zones').set({ ...next, version: sql`version + 1`, updated_at: nowIso() })
      .where('id', '=', id).where('version', '=', patch.version).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw errors.staleVersion();
    await recordAudit(trx, actor, {
      action: 'update', entity: 'epidemic_zone', entityId: id, unitCode: before.declared_by_code, unitPath: before.declared_by_path,
      changes: diffFields({ fromDate: before.from_date, toDate: before.to_date, note: before.note }, { fromDate: next.from_date, toDate: next.to_date, note: next.note }),
    });
    return toZoneDto(await trx.selectFrom('epidemic_zones').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
  });
}

/** The zone an origin lay in on a date, as seen from a destination (only lists of units above it apply). */
export async function zoneAt(db: DbOrTrx, lineage: string[], date: string, destinationPath: string): Promise<EpidemicZoneRow | null> {
  if (!lineage.length) return null;
  const rows = await db.selectFrom('epidemic_zones').selectAll().where('unit_code', 'in', lineage).execute();
  const records = rows.map((r) => ({ row: r, unitCode: r.unit_code, fromDate: r.from_date, toDate: r.to_date, appliesToPath: r.declared_by_path }));
  return zonesCovering(records, lineage, date, destinationPath)[0]?.row ?? null;
}
