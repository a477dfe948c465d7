import { sql } from 'kysely';
import { can, checkLockdownDates, checkRound, roundCoverage, vnDate, LOCKDOWN_RULES, type LockdownStatus } from '@pcd/core';
import type { Db, DbOrTrx } from '../db/database.js';
import type { AuthContext } from '../auth/context.js';
import { withinScope, type Scope } from '../auth/scope.js';
import { diffFields, recordAudit, type Actor } from '../audit/audit.js';
import { errors } from '../http/errors.js';
import { nowIso } from '../lib/time.js';
import { unitsRepo } from '../units/repository.js';
import { householdsRepo } from '../people/households-repository.js';
import { resolveWithin } from '../cases/service.js';
import type { LockdownZoneRow } from '../db/schema.js';
import type { RoundInput, ZoneDto, ZoneInput, ZonePatch } from './model.js';

const zoneNotFound = () => errors.notFound('Vùng phong tỏa', 'Lockdown zone');

/** A zone names places, not people: everyone may read it; recording one needs the right to record people. */
function requireWrite(auth: AuthContext) {
  if (!can(auth.user.role, 'personal.write') || auth.user.role === 'team') throw errors.forbidden();
}

function filtered(db: DbOrTrx, scope: Scope, f: { within?: string; status?: string }) {
  let qb = db.selectFrom('lockdown_zones').where(withinScope(scope, 'lockdown_zones.unit_path'));
  if (f.within) qb = qb.where('lockdown_zones.unit_path', 'like', `${f.within}%`);
  if (f.status) qb = qb.where('lockdown_zones.status', '=', f.status);
  return qb;
}

async function visibleOr404(db: DbOrTrx, scope: Scope, id: number) {
  const z = await filtered(db, scope, {}).selectAll().where('id', '=', id).executeTakeFirst();
  if (!z) throw zoneNotFound();
  return z;
}

async function toDto(db: DbOrTrx, z: LockdownZoneRow): Promise<ZoneDto> {
  const villageCodes = JSON.parse(z.village_codes) as string[];
  const [unit, villages, rounds] = await Promise.all([
    db.selectFrom('units').select('name').where('code', '=', z.unit_code).executeTakeFirstOrThrow(),
    villageCodes.length ? db.selectFrom('units').select(['code', 'name']).where('code', 'in', villageCodes).execute() : [],
    db.selectFrom('lockdown_rounds').selectAll().where('zone_id', '=', z.id).orderBy('round_no').execute(),
  ]);
  return {
    id: z.id, name: z.name, unitCode: z.unit_code, unitName: unit.name, villageCodes,
    villageNames: villageCodes.map((c) => villages.find((v) => v.code === c)?.name ?? c), householdIds: JSON.parse(z.household_ids) as number[],
    addresses: z.addresses, startDate: z.start_date, endDate: z.end_date, reason: z.reason, status: z.status as LockdownStatus,
    targetPct: LOCKDOWN_RULES.testingTargetPct,
    rounds: rounds.map((r) => ({ id: r.id, roundNo: r.round_no, date: r.date, residents: r.residents, tested: r.tested, positives: r.positives, note: r.note, ...roundCoverage(r.residents, r.tested) })),
    version: z.version, createdAt: z.created_at, updatedAt: z.updated_at,
  };
}

/** The declaring unit, and villages and households inside it. */
async function checkPlaces(db: DbOrTrx, auth: AuthContext, unitCode: string, villageCodes: string[], householdIds: number[], addresses: string | null | undefined) {
  const unit = await unitsRepo.findVisible(db, auth.scope, unitCode);
  if (!unit || (unit.tier !== 'commune' && unit.tier !== 'village')) {
    throw errors.invalid('unitCode', 'Vùng phong tỏa thuộc một xã hoặc thôn/bản trong phạm vi quản lý của bạn.', 'A lockdown zone belongs to a commune or village in your jurisdiction.');
  }
  for (const code of villageCodes) {
    const v = await unitsRepo.findVisible(db, auth.scope, code);
    if (!v || !v.path.startsWith(unit.path)) throw errors.invalid('villageCodes', `Thôn/bản "${code}" không thuộc ${unit.name}.`, `Village ${code} is not in the zone's unit.`);
  }
  for (const id of householdIds) {
    const h = await householdsRepo.findVisible(db, auth.scope, id);
    if (!h || !h.unit_path.startsWith(unit.path)) throw errors.invalid('householdIds', `Hộ ${id} không thuộc ${unit.name}.`, `Household ${id} is not in the zone's unit.`);
  }
  if (!villageCodes.length && !householdIds.length && !addresses) {
    throw errors.invalid('villageCodes', 'Hãy chọn thôn/bản, hộ gia đình hoặc ghi danh sách địa chỉ bị phong tỏa.', 'Give villages, households or addresses.');
  }
  return unit;
}

export async function createZone(db: Db, auth: AuthContext, actor: Actor, input: ZoneInput): Promise<ZoneDto> {
  requireWrite(auth);
  const problems = checkLockdownDates(input.startDate, input.endDate);
  if (problems.length) throw errors.problems(problems);
  return db.transaction().execute(async (trx) => {
    const unit = await checkPlaces(trx, auth, input.unitCode, input.villageCodes, input.householdIds, input.addresses);
    const now = nowIso();
    const row = await trx.insertInto('lockdown_zones').values({
      name: input.name, unit_code: unit.code, unit_path: unit.path, village_codes: JSON.stringify([...new Set(input.villageCodes)]),
      household_ids: JSON.stringify([...new Set(input.householdIds)]), addresses: input.addresses ?? null, start_date: input.startDate,
      end_date: input.endDate ?? null, reason: input.reason, status: 'active', version: 1, created_at: now, updated_at: now,
    }).returningAll().executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'create', entity: 'lockdown_zone', entityId: row.id, unitCode: unit.code, unitPath: unit.path,
      changes: { name: [null, input.name], startDate: [null, input.startDate], villageCodes: [null, input.villageCodes], households: [null, input.householdIds.length] },
    });
    return toDto(trx, row);
  });
}

export async function updateZone(db: Db, auth: AuthContext, actor: Actor, id: number, patch: ZonePatch): Promise<ZoneDto> {
  requireWrite(auth);
  return db.transaction().execute(async (trx) => {
    const before = await visibleOr404(trx, auth.scope, id);
    if (before.version !== patch.version) throw errors.staleVersion();
    const beforeDto = await toDto(trx, before);
    const next = {
      unitCode: patch.unitCode ?? before.unit_code, villageCodes: patch.villageCodes ?? beforeDto.villageCodes, householdIds: patch.householdIds ?? beforeDto.householdIds,
      addresses: patch.addresses !== undefined ? patch.addresses : before.addresses, startDate: patch.startDate ?? before.start_date,
      endDate: patch.endDate !== undefined ? patch.endDate : before.end_date,
    };
    const problems = checkLockdownDates(next.startDate, next.endDate);
    if (problems.length) throw errors.problems(problems);
    const unit = await checkPlaces(trx, auth, next.unitCode, next.villageCodes, next.householdIds, next.addresses);
    // Lifting a lockdown closes it today unless an end date is given.
    const status = patch.status ?? before.status;
    const endDate = status === 'lifted' && !next.endDate ? vnDate() : next.endDate;
    const r = await trx.updateTable('lockdown_zones').set({
      name: patch.name ?? before.name, unit_code: unit.code, unit_path: unit.path, village_codes: JSON.stringify([...new Set(next.villageCodes)]),
      household_ids: JSON.stringify([...new Set(next.householdIds)]), addresses: next.addresses, start_date: next.startDate, end_date: endDate,
      reason: patch.reason ?? before.reason, status, version: sql`version + 1`, updated_at: nowIso(),
    }).where('id', '=', id).where('version', '=', patch.version).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw errors.staleVersion();
    const after = await toDto(trx, await visibleOr404(trx, auth.scope, id));
    const { version: _v, updatedAt: _u, ...fields } = after;
    await recordAudit(trx, actor, {
      action: 'update', entity: 'lockdown_zone', entityId: id, unitCode: unit.code, unitPath: unit.path,
      changes: diffFields(beforeDto as unknown as Record<string, unknown>, fields as unknown as Record<string, unknown>),
    });
    return after;
  });
}

/** Rounds are numbered in order; the zone's version moves so two offices cannot both record round n. */
export async function addRound(db: Db, auth: AuthContext, actor: Actor, id: number, input: RoundInput & { version: number }): Promise<ZoneDto> {
  requireWrite(auth);
  return db.transaction().execute(async (trx) => {
    const z = await visibleOr404(trx, auth.scope, id);
    if (z.version !== input.version) throw errors.staleVersion();
    const problems = checkRound(input, { startDate: z.start_date, endDate: z.end_date }, vnDate());
    if (problems.length) throw errors.problems(problems);
    const last = await trx.selectFrom('lockdown_rounds').select((eb) => eb.fn.max('round_no').as('n')).where('zone_id', '=', id).executeTakeFirst();
    const roundNo = Number(last?.n ?? 0) + 1;
    const r = await trx.updateTable('lockdown_zones').set({ version: sql`version + 1`, updated_at: nowIso() }).where('id', '=', id).where('version', '=', input.version).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw errors.staleVersion();
    await trx.insertInto('lockdown_rounds').values({
      zone_id: id, round_no: roundNo, date: input.date, residents: input.residents, tested: input.tested, positives: input.positives,
      note: input.note ?? null, recorded_by: auth.user.id, created_at: nowIso(),
    }).execute();
    await recordAudit(trx, actor, {
      action: 'add_round', entity: 'lockdown_zone', entityId: id, unitCode: z.unit_code, unitPath: z.unit_path,
      changes: { roundNo: [null, roundNo], date: [null, input.date], residents: [null, input.residents], tested: [null, input.tested], positives: [null, input.positives] },
    });
    return toDto(trx, await visibleOr404(trx, auth.scope, id));
  });
}

export async function getZone(db: Db, auth: AuthContext, id: number) {
  return toDto(db, await visibleOr404(db, auth.scope, id));
}

export async function listZones(db: Db, auth: AuthContext, f: { unit?: string; status?: string }, page: number, pageSize: number) {
  const qb = filtered(db, auth.scope, { status: f.status, within: await resolveWithin(db, auth, f.unit) });
  const [{ total }] = await qb.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await qb.selectAll().orderBy('start_date', 'desc').orderBy('id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute();
  const items: ZoneDto[] = [];
  for (const r of rows) items.push(await toDto(db, r));
  return { items, total: Number(total), page, pageSize };
}

export async function* iterateZones(db: Db, auth: AuthContext, f: { within?: string; status?: string }): AsyncGenerator<ZoneDto> {
  for (const r of await filtered(db, auth.scope, f).selectAll().orderBy('start_date', 'desc').orderBy('id', 'desc').execute()) yield toDto(db, r);
}
