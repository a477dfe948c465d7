import { sql } from 'kysely';
import { allocationJustification, can, canMoveAllocation, checkApproval, vnDate, type AllocationStatus, type CoverageMeasure, type VaccinationGroup } from '@pcd/core';
import type { Db, DbOrTrx } from '../db/database.js';
import type { AuthContext } from '../auth/context.js';
import { scopeCovers, withinScope } from '../auth/scope.js';
import { recordAudit, type Actor } from '../audit/audit.js';
import { errors } from '../http/errors.js';
import { nowIso } from '../lib/time.js';
import { unitsRepo } from '../units/repository.js';
import type { UnitRow } from '../db/schema.js';
import { balanceOf, postMovement, requirePlan, requireProduct, stockUnit } from './stock.js';
import { countUnvaccinated } from './followups.js';
import type { AllocationDto, AllocationInput, DecisionInput, JustificationDto } from './field-model.js';

const requestNotFound = () => errors.notFound('Đề nghị cấp vắc xin', 'Allocation request');

/**
 * The need behind a request on the day it is made: people of the group in the unit's area still
 * without the dose, less every dose the unit holds and every dose it has asked for and not yet heard
 * back on. The whole area is counted, beyond the caller's own villages, since the stock serves it all.
 */
async function justify(db: DbOrTrx, unit: UnitRow, f: { group: VaccinationGroup; measure: CoverageMeasure; vialSize?: number }): Promise<JustificationDto> {
  const today = vnDate();
  const [people, onHand, pending] = await Promise.all([
    countUnvaccinated(db, { all: false, paths: [unit.path] }, { within: unit.path, group: f.group, measure: f.measure }, today),
    db.selectFrom('vaccine_stock').select((eb) => eb.fn.coalesce(eb.fn.sum<number>('balance'), sql<number>`0`).as('n')).where('unit_code', '=', unit.code).executeTakeFirstOrThrow(),
    db.selectFrom('vaccine_allocation_requests').select((eb) => eb.fn.coalesce(eb.fn.sum<number>('quantity'), sql<number>`0`).as('n'))
      .where('unit_code', '=', unit.code).where('status', '=', 'requested').executeTakeFirstOrThrow(),
  ]);
  return { ...allocationJustification({ peopleWithoutDose: people, dosesOnHand: Number(onHand.n), dosesPending: Number(pending.n), vialSize: f.vialSize }), group: f.group, measure: f.measure, date: today };
}

/** A unit that asks upward: a district or commune with a unit above it. */
async function requestingUnit(db: DbOrTrx, auth: AuthContext, code: string, field: string) {
  const unit = await stockUnit(db, auth, code, field);
  const parent = unit.parent_code ? await unitsRepo.findByCode(db, unit.parent_code) : undefined;
  if (!parent) throw errors.invalid(field, 'Đơn vị cấp tỉnh không có đơn vị cấp trên trong hệ thống để đề nghị cấp vắc xin.', 'A province has no unit above it to ask.');
  return { unit, parent };
}

export async function previewJustification(db: Db, auth: AuthContext, q: { unit: string; group: VaccinationGroup; measure: CoverageMeasure; vialSize?: number }) {
  requirePlan(auth);
  const { unit } = await requestingUnit(db, auth, q.unit, 'unit');
  return justify(db, unit, q);
}

function requestsQuery(db: DbOrTrx, auth: AuthContext) {
  return db.selectFrom('vaccine_allocation_requests as a').innerJoin('units as u', 'u.code', 'a.unit_code').innerJoin('units as pu', 'pu.code', 'a.parent_code')
    .innerJoin('vaccine_products as p', 'p.code', 'a.product_code').where(withinScope(auth.scope, 'a.unit_path'))
    .selectAll('a').select(['u.name as unit_name', 'pu.name as parent_name', 'p.name as product_name']);
}
type RequestRow = Awaited<ReturnType<ReturnType<typeof requestsQuery>['execute']>>[number];

const mayDecide = (auth: AuthContext, r: { parent_path: string }) => can(auth.user.role, 'vaccination.plan') && scopeCovers(auth.scope, r.parent_path);

function toDto(auth: AuthContext, r: RequestRow): AllocationDto {
  return {
    id: r.id, unitCode: r.unit_code, unitName: r.unit_name, parentCode: r.parent_code, parentName: r.parent_name, productCode: r.product_code, productName: r.product_name,
    quantity: r.quantity, approvedQuantity: r.approved_quantity, group: r.group_code as VaccinationGroup, measure: r.measure as CoverageMeasure,
    justification: JSON.parse(r.justification) as JustificationDto, note: r.note, status: r.status as AllocationStatus, decisionNote: r.decision_note,
    decidedAt: r.decided_at, deliveredAt: r.delivered_at, canDecide: r.status === 'requested' && mayDecide(auth, r),
    version: r.version, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

async function requestOr404(db: DbOrTrx, auth: AuthContext, id: number) {
  const r = await requestsQuery(db, auth).where('a.id', '=', id).executeTakeFirst();
  if (!r) throw requestNotFound();
  return r;
}

export async function createRequest(db: Db, auth: AuthContext, actor: Actor, input: AllocationInput): Promise<AllocationDto> {
  requirePlan(auth);
  return db.transaction().execute(async (trx) => {
    const { unit, parent } = await requestingUnit(trx, auth, input.unitCode, 'unitCode').catch((e) => {
      if (e.status === 404) throw errors.invalid('unitCode', `Đơn vị "${input.unitCode}" không tồn tại hoặc nằm ngoài phạm vi quản lý của bạn.`, 'Unknown unit or outside your jurisdiction.');
      throw e;
    });
    await requireProduct(trx, input.productCode);
    const justification = await justify(trx, unit, input);
    const now = nowIso();
    const row = await trx.insertInto('vaccine_allocation_requests').values({
      unit_code: unit.code, unit_path: unit.path, parent_code: parent.code, parent_path: parent.path, product_code: input.productCode, quantity: input.quantity,
      approved_quantity: null, group_code: input.group, measure: input.measure, justification: JSON.stringify(justification), note: input.note ?? null,
      status: 'requested', decision_note: null, requested_by: auth.user.id, decided_by: null, decided_at: null, delivered_at: null, version: 1, created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'create', entity: 'allocation_request', entityId: row.id, unitCode: unit.code, unitPath: unit.path,
      changes: { productCode: [null, input.productCode], quantity: [null, input.quantity], parentCode: [null, parent.code], justification: [null, justification] },
    });
    return toDto(auth, await requestOr404(trx, auth, row.id));
  });
}

export async function listRequests(db: Db, auth: AuthContext, q: { unit?: string; status?: string; direction?: 'sent' | 'received' }, page: number, pageSize: number) {
  requirePlan(auth);
  let qb = requestsQuery(db, auth);
  if (q.unit) {
    const u = await unitsRepo.findVisible(db, auth.scope, q.unit);
    if (!u) throw errors.notFound('Đơn vị hành chính', 'Administrative unit');
    if (q.direction === 'sent') qb = qb.where('a.unit_code', '=', u.code);
    else if (q.direction === 'received') qb = qb.where('a.parent_code', '=', u.code);
    else qb = qb.where((eb) => eb.or([eb('a.unit_path', 'like', `${u.path}%`), eb('a.parent_code', '=', u.code)]));
  } else if (q.direction === 'sent' && auth.user.unitCode) qb = qb.where('a.unit_code', '=', auth.user.unitCode);
  else if (q.direction === 'received' && auth.user.unitCode) qb = qb.where('a.parent_code', '=', auth.user.unitCode);
  if (q.status) qb = qb.where('a.status', '=', q.status);
  const [{ total }] = await qb.clearSelect().select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await qb.orderBy(sql`case when a.status = 'requested' then 0 else 1 end`).orderBy('a.created_at', 'desc').orderBy('a.id', 'desc')
    .limit(pageSize).offset((page - 1) * pageSize).execute();
  return { items: rows.map((r) => toDto(auth, r)), total: Number(total), page, pageSize };
}

export async function getRequest(db: Db, auth: AuthContext, id: number) {
  requirePlan(auth);
  return toDto(auth, await requestOr404(db, auth, id));
}

/**
 * The unit above approves (possibly fewer doses than asked) or rejects. Approving moves the doses in
 * one transaction: out of the parent's stock, into the requester's, both pointing at the request.
 */
export async function decideRequest(db: Db, auth: AuthContext, actor: Actor, id: number, input: DecisionInput): Promise<AllocationDto> {
  requirePlan(auth);
  return db.transaction().execute(async (trx) => {
    const before = await requestOr404(trx, auth, id);
    if (!mayDecide(auth, before)) throw errors.forbidden();
    if (before.version !== input.version) throw errors.staleVersion();
    const next: AllocationStatus = input.decision === 'approve' ? 'approved' : 'rejected';
    if (!canMoveAllocation(before.status as AllocationStatus, next)) {
      throw errors.invalid('decision', 'Đề nghị này đã được xử lý trước đó.', 'This request has already been decided.');
    }
    const now = nowIso();
    let approved: number | null = null;
    if (next === 'approved') {
      approved = input.quantity ?? before.quantity;
      const problems = checkApproval(before.quantity, approved, await balanceOf(trx, before.parent_code, before.product_code));
      if (problems.length) throw errors.problems(problems);
      const date = vnDate();
      const common = { productCode: before.product_code, quantity: approved, date, allocationRequestId: id, note: input.note ?? null };
      await postMovement(trx, { code: before.parent_code, path: before.parent_path }, { ...common, kind: 'allocated_out', counterpartUnitCode: before.unit_code }, auth.user.id);
      await postMovement(trx, { code: before.unit_code, path: before.unit_path }, { ...common, kind: 'received', counterpartUnitCode: before.parent_code }, auth.user.id);
    }
    const r = await trx.updateTable('vaccine_allocation_requests').set({
      status: next, approved_quantity: approved, decision_note: input.note ?? null, decided_by: auth.user.id, decided_at: now, version: sql`version + 1`, updated_at: now,
    }).where('id', '=', id).where('version', '=', input.version).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw errors.staleVersion();
    await recordAudit(trx, actor, {
      action: next === 'approved' ? 'approve' : 'reject', entity: 'allocation_request', entityId: id, unitCode: before.unit_code, unitPath: before.unit_path,
      changes: { status: [before.status, next], approvedQuantity: [null, approved], decisionNote: [null, input.note ?? null] },
    });
    return toDto(auth, await requestOr404(trx, auth, id));
  });
}

/** The requesting unit confirms the doses arrived. */
export async function confirmDelivery(db: Db, auth: AuthContext, actor: Actor, id: number, version: number): Promise<AllocationDto> {
  requirePlan(auth);
  return db.transaction().execute(async (trx) => {
    const before = await requestOr404(trx, auth, id);
    if (before.version !== version) throw errors.staleVersion();
    if (!canMoveAllocation(before.status as AllocationStatus, 'delivered')) {
      throw errors.invalid('status', 'Chỉ xác nhận đã nhận với đề nghị đã được duyệt.', 'Only an approved request can be confirmed as delivered.');
    }
    const now = nowIso();
    const r = await trx.updateTable('vaccine_allocation_requests').set({ status: 'delivered', delivered_at: now, version: sql`version + 1`, updated_at: now })
      .where('id', '=', id).where('version', '=', version).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw errors.staleVersion();
    await recordAudit(trx, actor, { action: 'deliver', entity: 'allocation_request', entityId: id, unitCode: before.unit_code, unitPath: before.unit_path, changes: { status: [before.status, 'delivered'] } });
    return toDto(auth, await requestOr404(trx, auth, id));
  });
}
