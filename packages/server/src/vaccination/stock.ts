import { sql } from 'kysely';
import { STOCK_SIGN, can, checkMovement, emptyStockLine, vnDate, type StockMovementKind } from '@pcd/core';
import type { Db, DbOrTrx } from '../db/database.js';
import type { AuthContext } from '../auth/context.js';
import { withinScope } from '../auth/scope.js';
import { recordAudit, type Actor } from '../audit/audit.js';
import { errors } from '../http/errors.js';
import { nowIso } from '../lib/time.js';
import { unitsRepo } from '../units/repository.js';
import type { UnitRow } from '../db/schema.js';
import type { MovementDto, MovementInput, StockDto } from './field-model.js';

/**
 * Vaccine stock of a province, district or commune. The balance moves only through movements:
 * received and returned add, allocated out, used and wasted take away, and nothing takes away more
 * than the unit holds. Doses given at a session are recorded with the session (as "used"); dose
 * records of individual people are counted beside the stock for reconciliation, not subtracted,
 * because they also arrive in bulk from the national registry for doses given before any stock.
 */

export const STOCK_TIERS = ['province', 'district', 'commune'];

export function requirePlan(auth: AuthContext): void {
  if (!can(auth.user.role, 'vaccination.plan')) throw errors.forbidden();
}

/** A unit in the caller's area that keeps vaccine: 404 outside the area, 400 for a village. */
export async function stockUnit(db: DbOrTrx, auth: AuthContext, code: string | null | undefined, field: string): Promise<UnitRow> {
  const unit = code ? await unitsRepo.findVisible(db, auth.scope, code) : undefined;
  if (!unit) throw errors.notFound('Đơn vị hành chính', 'Administrative unit');
  if (!STOCK_TIERS.includes(unit.tier)) throw errors.invalid(field, 'Kho vắc xin do tỉnh, huyện hoặc xã quản lý; hãy chọn đơn vị cấp xã trở lên.', 'Vaccine stock is kept by a province, district or commune.');
  return unit;
}

export async function requireProduct(db: DbOrTrx, code: string, field = 'productCode') {
  const p = await db.selectFrom('vaccine_products').select(['code', 'name']).where('code', '=', code).executeTakeFirst();
  if (!p) throw errors.invalid(field, `Loại vắc xin "${code}" không có trong danh mục.`, `Unknown vaccine product ${code}.`);
  return p;
}

export async function balanceOf(db: DbOrTrx, unitCode: string, productCode: string): Promise<number> {
  const r = await db.selectFrom('vaccine_stock').select('balance').where('unit_code', '=', unitCode).where('product_code', '=', productCode).executeTakeFirst();
  return r?.balance ?? 0;
}

export interface Movement {
  kind: StockMovementKind;
  productCode: string;
  quantity: number;
  date: string;
  counterpartUnitCode?: string | null;
  counterpart?: string | null;
  lot?: string | null;
  sessionId?: number | null;
  allocationRequestId?: number | null;
  note?: string | null;
}

/**
 * Writes one movement and moves the balance in the same transaction. An outflow is a conditional
 * update, so the check and the change are one statement: a concurrent outflow cannot slip between.
 * `field` names the input a refusal points at.
 */
export async function postMovement(trx: DbOrTrx, unit: Pick<UnitRow, 'code' | 'path'>, m: Movement, userId: number | null, field = 'quantity'): Promise<number> {
  const problems = checkMovement(m, STOCK_SIGN[m.kind] < 0 ? await balanceOf(trx, unit.code, m.productCode) : 0, vnDate(), field);
  if (problems.length) throw errors.problems(problems);
  const now = nowIso();
  if (STOCK_SIGN[m.kind] > 0) {
    await trx.insertInto('vaccine_stock').values({ unit_code: unit.code, product_code: m.productCode, unit_path: unit.path, balance: m.quantity, updated_at: now })
      .onConflict((oc) => oc.columns(['unit_code', 'product_code']).doUpdateSet({ balance: sql`vaccine_stock.balance + ${m.quantity}`, updated_at: now }))
      .execute();
  } else {
    const r = await trx.updateTable('vaccine_stock').set({ balance: sql`balance - ${m.quantity}`, updated_at: now })
      .where('unit_code', '=', unit.code).where('product_code', '=', m.productCode).where('balance', '>=', m.quantity).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) {
      throw errors.problems(checkMovement(m, await balanceOf(trx, unit.code, m.productCode), vnDate(), field));
    }
  }
  const row = await trx.insertInto('vaccine_stock_movements').values({
    unit_code: unit.code, unit_path: unit.path, product_code: m.productCode, kind: m.kind, quantity: m.quantity, date: m.date,
    counterpart_unit_code: m.counterpartUnitCode ?? null, counterpart: m.counterpart ?? null, lot: m.lot ?? null, session_id: m.sessionId ?? null,
    allocation_request_id: m.allocationRequestId ?? null, note: m.note ?? null, created_by: userId, created_at: now,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Takes back the movements of a session before they are written again or the session goes. */
export async function revokeSessionMovements(trx: DbOrTrx, sessionId: number): Promise<void> {
  const rows = await trx.selectFrom('vaccine_stock_movements').select(['unit_code', 'product_code', 'kind', 'quantity']).where('session_id', '=', sessionId).execute();
  for (const r of rows) {
    const back = -STOCK_SIGN[r.kind as StockMovementKind] * r.quantity;
    await trx.updateTable('vaccine_stock').set({ balance: sql`balance + ${back}`, updated_at: nowIso() })
      .where('unit_code', '=', r.unit_code).where('product_code', '=', r.product_code).execute();
  }
  await trx.deleteFrom('vaccine_stock_movements').where('session_id', '=', sessionId).execute();
}

/** Figures only: anyone who may see the unit may see its stock, observers included. */
export async function getStock(db: Db, auth: AuthContext, unitCode: string | undefined): Promise<StockDto> {
  const unit = await stockUnit(db, auth, unitCode ?? auth.user.unitCode, 'unit');
  const [sums, products, recorded] = await Promise.all([
    db.selectFrom('vaccine_stock_movements').select(['product_code', 'kind', (eb) => eb.fn.sum<number>('quantity').as('q')])
      .where('unit_code', '=', unit.code).groupBy(['product_code', 'kind']).execute(),
    db.selectFrom('vaccine_products').select(['code', 'name', 'active']).orderBy('sort').orderBy('code').execute(),
    db.selectFrom('vaccination_doses').innerJoin('people', 'people.id', 'vaccination_doses.person_id')
      .select(['vaccination_doses.product_code', (eb) => eb.fn.countAll<number>().as('n')])
      .where('people.unit_path', 'like', `${unit.path}%`).where('people.merged_into', 'is', null).groupBy('vaccination_doses.product_code').execute(),
  ]);
  const field = { received: 'received', allocated_out: 'allocated', used: 'used', wasted: 'wasted', returned: 'returned' } as const;
  const lines = products.map((p) => {
    const line = { ...emptyStockLine(p.code), productName: p.name, recordedDoses: Number(recorded.find((r) => r.product_code === p.code)?.n ?? 0) };
    for (const s of sums.filter((x) => x.product_code === p.code)) {
      const kind = s.kind as StockMovementKind;
      line[field[kind]] += Number(s.q);
      line.balance += STOCK_SIGN[kind] * Number(s.q);
    }
    return { line, keep: p.active === 1 || line.received + line.returned > 0 || line.recordedDoses > 0 };
  }).filter((x) => x.keep).map((x) => x.line);
  const sum = (k: 'received' | 'allocated' | 'used' | 'wasted' | 'returned' | 'balance' | 'recordedDoses') => lines.reduce((s, l) => s + l[k], 0);
  return {
    unitCode: unit.code, unitName: unit.name, lines,
    totals: { received: sum('received'), allocated: sum('allocated'), used: sum('used'), wasted: sum('wasted'), returned: sum('returned'), balance: sum('balance'), recordedDoses: sum('recordedDoses') },
  };
}

/**
 * A movement entered by hand. Allocating to another unit of the caller's area records its receipt
 * there in the same transaction, so the two ledgers agree.
 */
export async function recordMovement(db: Db, auth: AuthContext, actor: Actor, input: MovementInput): Promise<MovementDto> {
  requirePlan(auth);
  return db.transaction().execute(async (trx) => {
    const unit = await stockUnit(trx, auth, input.unitCode, 'unitCode').catch((e) => {
      if (e.status === 404) throw errors.invalid('unitCode', `Đơn vị "${input.unitCode}" không tồn tại hoặc nằm ngoài phạm vi quản lý của bạn.`, 'Unknown unit or outside your jurisdiction.');
      throw e;
    });
    await requireProduct(trx, input.productCode);
    let counterpartUnit: UnitRow | undefined;
    if (input.counterpartUnitCode) {
      counterpartUnit = await unitsRepo.findVisible(trx, auth.scope, input.counterpartUnitCode);
      if (!counterpartUnit || counterpartUnit.code === unit.code) {
        throw errors.invalid('counterpartUnitCode', 'Đơn vị bên kia phải là một đơn vị khác trong phạm vi quản lý của bạn; đơn vị ngoài phạm vi ghi ở ô “Nơi giao/nhận”.',
          'The other unit must be another unit in your jurisdiction; name others in `counterpart`.');
      }
    }
    if (input.kind === 'allocated_out' && counterpartUnit && !STOCK_TIERS.includes(counterpartUnit.tier)) {
      throw errors.invalid('counterpartUnitCode', 'Chỉ cấp vắc xin cho kho của tỉnh, huyện hoặc xã.', 'Allocate only to a province, district or commune stock.');
    }
    const m: Movement = { ...input, counterpartUnitCode: counterpartUnit?.code ?? null };
    const id = await postMovement(trx, unit, m, auth.user.id);
    if (input.kind === 'allocated_out' && counterpartUnit) {
      await postMovement(trx, counterpartUnit, { ...m, kind: 'received', counterpartUnitCode: unit.code }, auth.user.id);
    }
    await recordAudit(trx, actor, {
      action: 'create', entity: 'stock_movement', entityId: id, unitCode: unit.code, unitPath: unit.path,
      changes: { productCode: [null, input.productCode], kind: [null, input.kind], quantity: [null, input.quantity], date: [null, input.date], counterpartUnitCode: [null, counterpartUnit?.code ?? null] },
    });
    return (await movementRows(trx, auth, { id }))[0];
  });
}

async function movementRows(db: DbOrTrx, auth: AuthContext, f: { id?: number; unitCode?: string; product?: string; kind?: string }, page = 1, pageSize = 50) {
  let qb = db.selectFrom('vaccine_stock_movements as m').innerJoin('units as u', 'u.code', 'm.unit_code').innerJoin('vaccine_products as p', 'p.code', 'm.product_code')
    .leftJoin('units as c', 'c.code', 'm.counterpart_unit_code').where(withinScope(auth.scope, 'm.unit_path'));
  if (f.id) qb = qb.where('m.id', '=', f.id);
  if (f.unitCode) qb = qb.where('m.unit_code', '=', f.unitCode);
  if (f.product) qb = qb.where('m.product_code', '=', f.product);
  if (f.kind) qb = qb.where('m.kind', '=', f.kind);
  const rows = await qb.selectAll('m').select(['u.name as unit_name', 'p.name as product_name', 'c.name as counterpart_name'])
    .orderBy('m.date', 'desc').orderBy('m.id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute();
  return rows.map((r): MovementDto => ({
    id: r.id, unitCode: r.unit_code, unitName: r.unit_name, productCode: r.product_code, productName: r.product_name, kind: r.kind as StockMovementKind,
    quantity: r.quantity, date: r.date, counterpartUnitCode: r.counterpart_unit_code, counterpartUnitName: r.counterpart_name ?? null, counterpart: r.counterpart,
    lot: r.lot, sessionId: r.session_id, allocationRequestId: r.allocation_request_id, note: r.note, createdAt: r.created_at,
  }));
}

export async function listMovements(db: Db, auth: AuthContext, q: { unit?: string; product?: string; kind?: string }, page: number, pageSize: number) {
  requirePlan(auth);
  const unit = await stockUnit(db, auth, q.unit ?? auth.user.unitCode, 'unit');
  let count = db.selectFrom('vaccine_stock_movements').where('unit_code', '=', unit.code);
  if (q.product) count = count.where('product_code', '=', q.product);
  if (q.kind) count = count.where('kind', '=', q.kind);
  const [{ total }] = await count.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  return { items: await movementRows(db, auth, { unitCode: unit.code, product: q.product, kind: q.kind }, page, pageSize), total: Number(total), page, pageSize };
}
