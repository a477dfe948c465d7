import { sql } from 'kysely';
import { productFromText, type VaccineProduct } from '@pcd/core';
import type { Db, DbOrTrx } from '../db/database.js';
import type { VaccineProductRow } from '../db/schema.js';
import type { AuthContext } from '../auth/context.js';
import { recordAudit, type Actor } from '../audit/audit.js';
import { AppError, errors } from '../http/errors.js';
import type { ProductDto, ProductInput, ProductPatch } from './model.js';

const toDto = (r: VaccineProductRow): ProductDto => ({
  code: r.code, name: r.name, primaryDoses: r.primary_doses, minIntervalDays: r.min_interval_days, boosterMinDays: r.booster_min_days,
  active: r.active === 1, sort: r.sort, version: r.version,
});

export const toRule = (r: VaccineProductRow): VaccineProduct => ({
  code: r.code, name: r.name, primaryDoses: r.primary_doses, minIntervalDays: r.min_interval_days, boosterMinDays: r.booster_min_days,
});

export async function productRows(db: DbOrTrx): Promise<VaccineProductRow[]> {
  return db.selectFrom('vaccine_products').selectAll().orderBy('sort').orderBy('code').execute();
}

/**
 * The active product a form or a file names: its code, its name in the list, or a known alias.
 * Retired products stay readable on old doses but take no new ones.
 */
export function resolveProduct(rows: readonly VaccineProductRow[], text: string): VaccineProductRow | undefined {
  const t = text.trim();
  const lower = t.toLowerCase();
  const row = rows.find((r) => r.code === lower) ?? rows.find((r) => r.name.toLowerCase() === lower) ?? rows.find((r) => r.code === productFromText(t));
  return row && row.active === 1 ? row : undefined;
}

/** The national list belongs to administrators of the whole country, not of one locality. */
function requireNationalAdmin(auth: AuthContext) {
  if (auth.user.role !== 'admin' || !auth.scope.all) throw errors.forbidden();
}

export async function listProducts(db: Db, includeInactive: boolean): Promise<ProductDto[]> {
  return (await productRows(db)).filter((r) => includeInactive || r.active === 1).map(toDto);
}

export async function createProduct(db: Db, auth: AuthContext, actor: Actor, input: ProductInput): Promise<ProductDto> {
  requireNationalAdmin(auth);
  return db.transaction().execute(async (trx) => {
    const clash = await trx.selectFrom('vaccine_products').select('code').where('code', '=', input.code).executeTakeFirst();
    if (clash) throw new AppError(409, 'DUPLICATE', `Mã vắc xin "${input.code}" đã có trong danh mục.`, 'This product code exists.', 'code');
    const max = await trx.selectFrom('vaccine_products').select((eb) => eb.fn.max('sort').as('m')).executeTakeFirst();
    const row = {
      code: input.code, name: input.name, primary_doses: input.primaryDoses, min_interval_days: input.minIntervalDays, booster_min_days: input.boosterMinDays,
      active: 1, sort: input.sort ?? Number(max?.m ?? 0) + 10, version: 1,
    };
    await trx.insertInto('vaccine_products').values(row).execute();
    await recordAudit(trx, actor, { action: 'create', entity: 'vaccine_product', entityId: input.code, changes: Object.fromEntries(Object.entries(row).map(([k, v]) => [k, [null, v]])) });
    return toDto(await trx.selectFrom('vaccine_products').selectAll().where('code', '=', input.code).executeTakeFirstOrThrow());
  });
}

export async function updateProduct(db: Db, auth: AuthContext, actor: Actor, code: string, patch: ProductPatch): Promise<ProductDto> {
  requireNationalAdmin(auth);
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('vaccine_products').selectAll().where('code', '=', code).executeTakeFirst();
    if (!before) throw errors.notFound('Loại vắc xin', 'Vaccine product');
    if (before.version !== patch.version) throw errors.staleVersion();
    const next = {
      name: patch.name ?? before.name, primary_doses: patch.primaryDoses ?? before.primary_doses, min_interval_days: patch.minIntervalDays ?? before.min_interval_days,
      booster_min_days: patch.boosterMinDays ?? before.booster_min_days, sort: patch.sort ?? before.sort, active: patch.active === undefined ? before.active : patch.active ? 1 : 0,
    };
    const r = await trx.updateTable('vaccine_products').set({ ...next, version: sql`version + 1` }).where('code', '=', code).where('version', '=', patch.version).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw errors.staleVersion();
    const changes: Record<string, [unknown, unknown]> = {};
    for (const k of Object.keys(next) as (keyof typeof next)[]) if (next[k] !== before[k]) changes[k] = [before[k], next[k]];
    await recordAudit(trx, actor, { action: 'update', entity: 'vaccine_product', entityId: code, changes });
    return toDto(await trx.selectFrom('vaccine_products').selectAll().where('code', '=', code).executeTakeFirstOrThrow());
  });
}
