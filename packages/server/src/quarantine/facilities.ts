import { sql } from 'kysely';
import {
  addDays, can, loadLevel, occupancyByDay, vnDate, type AreaKind, type FacilityStatus,
} from '@pcd/core';
import type { Db, DbOrTrx } from '../db/database.js';
import type { AuthContext } from '../auth/context.js';
import { withinScope, type Scope } from '../auth/scope.js';
import { diffFields, recordAudit, type Actor } from '../audit/audit.js';
import { AppError, errors } from '../http/errors.js';
import { nowIso } from '../lib/time.js';
import { unitsRepo } from '../units/repository.js';
import { resolveWithin } from '../cases/service.js';
import type { QuarantineFacilityRow } from '../db/schema.js';
import type { FacilityDto, FacilityInput, FacilityPatch } from './model.js';
import { resolveRule } from '../rules/resolve.js';

export const facilityNotFound = () => errors.notFound('Khu cách ly tập trung', 'Quarantine facility');

/** Facilities hold no personal data: anyone may read them; writing needs the right to record people. */
function requireWrite(auth: AuthContext) {
  if (!can(auth.user.role, 'personal.write') || auth.user.role === 'team') throw errors.forbidden();
}

export function filteredFacilities(db: DbOrTrx, scope: Scope, f: { within?: string; status?: string }) {
  let qb = db.selectFrom('quarantine_facilities').where(withinScope(scope, 'quarantine_facilities.unit_path'));
  if (f.within) qb = qb.where('quarantine_facilities.unit_path', 'like', `${f.within}%`);
  if (f.status) qb = qb.where('quarantine_facilities.status', '=', f.status);
  return qb;
}

export async function visibleFacilityOr404(db: DbOrTrx, scope: Scope, id: number): Promise<QuarantineFacilityRow> {
  const row = await filteredFacilities(db, scope, {}).selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw facilityNotFound();
  return row;
}

/** People in each area now: active episodes that have started. */
export async function areaOccupancy(db: DbOrTrx, facilityId: number, today = vnDate()) {
  const rows = await db.selectFrom('quarantine_episodes').select(['area_id', (eb) => eb.fn.countAll().as('n')])
    .where('facility_id', '=', facilityId).where('status', '=', 'active').where('start_date', '<=', today).groupBy('area_id').execute();
  return new Map(rows.map((r) => [r.area_id, Number(r.n)]));
}

export async function toFacilityDto(db: DbOrTrx, f: QuarantineFacilityRow): Promise<FacilityDto> {
  const [unit, areas, occ] = await Promise.all([
    db.selectFrom('units').select('name').where('code', '=', f.unit_code).executeTakeFirstOrThrow(),
    db.selectFrom('quarantine_areas').selectAll().where('facility_id', '=', f.id).orderBy('id').execute(),
    areaOccupancy(db, f.id),
  ]);
  const beds = areas.reduce((s, a) => s + a.beds, 0);
  const occupied = [...occ.values()].reduce((s, n) => s + n, 0);
  const load = loadLevel(occupied, beds, f.overload_pct);
  return {
    id: f.id, name: f.name, unitCode: f.unit_code, unitName: unit.name, address: f.address, rooms: f.rooms, operator: f.operator,
    status: f.status as FacilityStatus, overloadPct: f.overload_pct, note: f.note, beds, occupied, load,
    warning: load.overloaded ? `Khu cách ly đã dùng ${load.ratioPct}% số giường (ngưỡng ${f.overload_pct}%): cần chuẩn bị phương án khi quá tải.` : null,
    areas: areas.map((a) => ({ id: a.id, kind: a.kind as AreaKind, name: a.name, beds: a.beds, occupied: occ.get(a.id) ?? 0 })),
    version: f.version, createdAt: f.created_at, updatedAt: f.updated_at,
  };
}

async function facilityUnit(db: DbOrTrx, auth: AuthContext, code: string) {
  const u = await unitsRepo.findVisible(db, auth.scope, code);
  if (!u || u.tier === 'village') {
    throw errors.invalid('unitCode', 'Khu cách ly thuộc một tỉnh, huyện hoặc xã trong phạm vi quản lý của bạn.', 'A facility belongs to a province, district or commune in your jurisdiction.');
  }
  return u;
}

/** Areas listed replace the facility's: listed ids are updated, new ones added, others removed when nobody stayed there. */
async function writeAreas(trx: DbOrTrx, facilityId: number, areas: FacilityInput['areas']) {
  const existing = await trx.selectFrom('quarantine_areas').selectAll().where('facility_id', '=', facilityId).execute();
  const occ = await areaOccupancy(trx, facilityId, '9999-12-31');
  for (const [i, a] of areas.entries()) {
    if (a.id === undefined) {
      await trx.insertInto('quarantine_areas').values({ facility_id: facilityId, kind: a.kind, name: a.name, beds: a.beds }).execute();
      continue;
    }
    const old = existing.find((e) => e.id === a.id);
    if (!old) throw errors.invalid(`areas.${i}.id`, 'Khu này không thuộc khu cách ly đang sửa.', 'Unknown area of this facility.');
    if (old.kind !== a.kind && (occ.get(old.id) ?? 0) > 0) {
      throw errors.invalid(`areas.${i}.kind`, 'Không đổi loại khu khi còn người đang cách ly trong khu.', 'An occupied area cannot change kind.');
    }
    await trx.updateTable('quarantine_areas').set({ kind: a.kind, name: a.name, beds: a.beds }).where('id', '=', old.id).execute();
  }
  for (const old of existing.filter((e) => !areas.some((a) => a.id === e.id))) {
    const used = await trx.selectFrom('quarantine_episodes').select('id').where('area_id', '=', old.id).limit(1).executeTakeFirst();
    if (used) throw new AppError(409, 'AREA_IN_USE', `Khu "${old.name}" đã có người cách ly nên không xóa được.`, 'An area with episodes cannot be removed.', 'areas');
    await trx.deleteFrom('quarantine_areas').where('id', '=', old.id).execute();
  }
}

export async function createFacility(db: Db, auth: AuthContext, actor: Actor, input: FacilityInput): Promise<FacilityDto> {
  requireWrite(auth);
  return db.transaction().execute(async (trx) => {
    const unit = await facilityUnit(trx, auth, input.unitCode);
    const now = nowIso();
    const row = await trx.insertInto('quarantine_facilities').values({
      name: input.name, unit_code: unit.code, unit_path: unit.path, address: input.address ?? null, rooms: input.rooms, operator: input.operator ?? null,
      status: input.status, overload_pct: input.overloadPct ?? (await resolveRule(trx, unit.path, 'quarantine')).rule.defaultOverloadPct, note: input.note ?? null, version: 1, created_at: now, updated_at: now,
    }).returningAll().executeTakeFirstOrThrow();
    await writeAreas(trx, row.id, input.areas.map(({ id: _id, ...a }) => a));
    const dto = await toFacilityDto(trx, row);
    await recordAudit(trx, actor, {
      action: 'create', entity: 'quarantine_facility', entityId: row.id, unitCode: unit.code, unitPath: unit.path,
      changes: { name: [null, dto.name], beds: [null, dto.beds], status: [null, dto.status], areas: [null, dto.areas.map((a) => `${a.kind}:${a.beds}`)] },
    });
    return dto;
  });
}

export async function updateFacility(db: Db, auth: AuthContext, actor: Actor, id: number, patch: FacilityPatch): Promise<FacilityDto> {
  requireWrite(auth);
  return db.transaction().execute(async (trx) => {
    const before = await visibleFacilityOr404(trx, auth.scope, id);
    if (before.version !== patch.version) throw errors.staleVersion();
    const beforeDto = await toFacilityDto(trx, before);
    const unit = patch.unitCode ? await facilityUnit(trx, auth, patch.unitCode) : { code: before.unit_code, path: before.unit_path };
    const r = await trx.updateTable('quarantine_facilities').set({
      name: patch.name ?? before.name, unit_code: unit.code, unit_path: unit.path, address: patch.address !== undefined ? patch.address : before.address,
      rooms: patch.rooms ?? before.rooms, operator: patch.operator !== undefined ? patch.operator : before.operator, status: patch.status ?? before.status,
      overload_pct: patch.overloadPct ?? before.overload_pct, note: patch.note !== undefined ? patch.note : before.note, version: sql`version + 1`, updated_at: nowIso(),
    }).where('id', '=', id).where('version', '=', patch.version).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw errors.staleVersion();
    if (patch.areas) await writeAreas(trx, id, patch.areas);
    const after = await toFacilityDto(trx, await visibleFacilityOr404(trx, auth.scope, id));
    const { version: _v, updatedAt: _u, load: _l, warning: _w, ...fields } = after;
    await recordAudit(trx, actor, {
      action: 'update', entity: 'quarantine_facility', entityId: id, unitCode: unit.code, unitPath: unit.path,
      changes: diffFields(beforeDto as unknown as Record<string, unknown>, fields as unknown as Record<string, unknown>),
    });
    return after;
  });
}

export async function listFacilities(db: Db, auth: AuthContext, f: { unit?: string; status?: string }, page: number, pageSize: number) {
  const qb = filteredFacilities(db, auth.scope, { status: f.status, within: await resolveWithin(db, auth, f.unit) });
  const [{ total }] = await qb.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await qb.selectAll().orderBy('name').orderBy('id').limit(pageSize).offset((page - 1) * pageSize).execute();
  const items: FacilityDto[] = [];
  for (const r of rows) items.push(await toFacilityDto(db, r));
  return { items, total: Number(total), page, pageSize };
}

export async function* iterateFacilities(db: Db, auth: AuthContext, f: { within?: string; status?: string }): AsyncGenerator<FacilityDto> {
  for (const r of await filteredFacilities(db, auth.scope, f).selectAll().orderBy('name').orderBy('id').execute()) yield toFacilityDto(db, r);
}

export async function facilityOccupancy(db: Db, auth: AuthContext, id: number, from?: string, to?: string) {
  const f = await visibleFacilityOr404(db, auth.scope, id);
  const end = to ?? vnDate();
  const start = from ?? addDays(end, -13);
  if (start > end) throw errors.invalid('from', 'Từ ngày phải trước đến ngày.', '`from` must not be after `to`.');
  if (addDays(start, 366) < end) throw errors.invalid('to', 'Chỉ xem tối đa một năm.', 'At most one year.');
  const [areas, stays] = await Promise.all([
    db.selectFrom('quarantine_areas').select(['id', 'kind', 'beds']).where('facility_id', '=', id).execute(),
    db.selectFrom('quarantine_episodes').innerJoin('quarantine_areas', 'quarantine_areas.id', 'quarantine_episodes.area_id')
      .select(['quarantine_areas.kind', 'quarantine_episodes.start_date', 'quarantine_episodes.released_date'])
      .where('quarantine_episodes.facility_id', '=', id).where('quarantine_episodes.status', '!=', 'cancelled')
      .where('quarantine_episodes.start_date', '<=', end)
      .where((eb) => eb.or([eb('quarantine_episodes.released_date', 'is', null), eb('quarantine_episodes.released_date', '>', start)])).execute(),
  ]);
  const beds = areas.reduce((s, a) => s + a.beds, 0);
  // Someone not yet released is still there, even past the planned end.
  const days = occupancyByDay(stays.map((s) => ({ areaKind: s.kind as AreaKind, startDate: s.start_date, endDate: s.released_date ?? '9999-12-31' })), start, end);
  return {
    facilityId: id, beds, overloadPct: f.overload_pct,
    days: days.map((d) => { const l = loadLevel(d.total, beds, f.overload_pct); return { ...d, ratioPct: l.ratioPct, overloaded: l.overloaded }; }),
  };
}
