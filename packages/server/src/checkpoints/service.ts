import { sql } from 'kysely';
import { addDays, can, daysBetween, foldVietnamese, isIsoDate, normalizePlate, vnDate } from '@pcd/core';
import type { Db, DbOrTrx } from '../db/database.js';
import type { CheckpointRow } from '../db/schema.js';
import type { AuthContext } from '../auth/context.js';
import { diffFields, recordAudit, type Actor } from '../audit/audit.js';
import { AppError, errors } from '../http/errors.js';
import { nowIso } from '../lib/time.js';
import { randomToken } from '../lib/tokens.js';
import { unitsRepo } from '../units/repository.js';
import { requirePersonal } from '../people/service.js';
import { checkpointsRepo } from './repository.js';
import { toCheckpointDto, toPassageDto, type CheckpointDto, type CheckpointInput, type CheckpointPatch, type PassageInput } from './model.js';

const notFound = () => errors.notFound('Chốt kiểm soát/điểm khai báo', 'Checkpoint');
const MAX_STATS_DAYS = 366;

function requireManager(auth: AuthContext) {
  if (!can(auth.user.role, 'checkpoints.manage')) throw errors.forbidden();
}

/** Officials' names and phones on the duty roster are not for observers, who see figures only. */
const showsStaff = (auth: AuthContext) => can(auth.user.role, 'personal.read');

async function visibleOr404(db: DbOrTrx, auth: AuthContext, id: number): Promise<CheckpointRow> {
  const c = await checkpointsRepo.findVisible(db, auth.scope, id);
  if (!c) throw notFound();
  return c;
}

async function checkpointUnit(db: DbOrTrx, auth: AuthContext, code: string) {
  const unit = await unitsRepo.findVisible(db, auth.scope, code);
  if (!unit) throw errors.invalid('unitCode', `Đơn vị "${code}" không tồn tại hoặc nằm ngoài phạm vi quản lý của bạn.`, 'Unknown unit or outside your jurisdiction.');
  return unit;
}

function checkCoordinates(lat: number | null | undefined, lng: number | null | undefined) {
  if ((lat == null) !== (lng == null)) throw errors.invalid(lat == null ? 'lat' : 'lng', 'Hãy nhập đủ cả vĩ độ và kinh độ, hoặc bỏ trống cả hai.', 'Give both latitude and longitude, or neither.');
}

export async function createCheckpoint(db: Db, auth: AuthContext, actor: Actor, input: CheckpointInput): Promise<CheckpointDto> {
  requireManager(auth);
  checkCoordinates(input.lat, input.lng);
  return db.transaction().execute(async (trx) => {
    const unit = await checkpointUnit(trx, auth, input.unitCode);
    const now = nowIso();
    const row = await trx.insertInto('checkpoints').values({
      name: input.name, kind: input.kind, unit_code: unit.code, unit_path: unit.path, location: input.location ?? null, lat: input.lat ?? null, lng: input.lng ?? null,
      public_token: randomToken(12), staff_on_duty: input.staffOnDuty ?? null, active: input.active === false ? 0 : 1, version: 1, created_at: now, updated_at: now,
    }).returningAll().executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: 'create', entity: 'checkpoint', entityId: row.id, unitCode: unit.code, unitPath: unit.path, changes: { name: [null, row.name], kind: [null, row.kind] } });
    return toCheckpointDto({ ...row, unit_name: unit.name }, true);
  });
}

export interface CheckpointFilter { within?: string; q?: string; kind?: string; active?: boolean }

export function checkpointsQuery(db: DbOrTrx, auth: AuthContext, f: CheckpointFilter) {
  let qb = checkpointsRepo.visible(db, auth.scope).innerJoin('units', 'units.code', 'checkpoints.unit_code');
  if (f.within) qb = qb.where('checkpoints.unit_path', 'like', `${f.within}%`);
  if (f.kind) qb = qb.where('checkpoints.kind', '=', f.kind);
  if (f.active !== undefined) qb = qb.where('checkpoints.active', '=', f.active ? 1 : 0);
  if (f.q) {
    const words = foldVietnamese(f.q).replace(/[%_\\]/g, '').split(' ').filter(Boolean);
    // Names are few and short: folding them in the query keeps the table free of a derived column.
    qb = qb.where((eb) => eb.and(words.map((w) => eb.or([eb('checkpoints.name', 'like', `%${f.q!.trim()}%`), eb('units.name_folded', 'like', `%${w}%`)]))));
  }
  return qb;
}

export async function listCheckpoints(db: Db, auth: AuthContext, f: CheckpointFilter, page: number, pageSize: number) {
  const qb = checkpointsQuery(db, auth, f);
  const [{ total }] = await qb.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await qb.selectAll('checkpoints').select('units.name as unit_name').orderBy('checkpoints.unit_path').orderBy('checkpoints.name')
    .limit(pageSize).offset((page - 1) * pageSize).execute();
  return { items: rows.map((r) => toCheckpointDto(r, showsStaff(auth))), total: Number(total), page, pageSize };
}

export async function getCheckpoint(db: Db, auth: AuthContext, id: number): Promise<CheckpointDto> {
  const row = await checkpointsQuery(db, auth, {}).selectAll('checkpoints').select('units.name as unit_name').where('checkpoints.id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  return toCheckpointDto(row, showsStaff(auth));
}

/** Edits a point; `active: false` retires it (its passages and declarations stay attached). */
export async function updateCheckpoint(db: Db, auth: AuthContext, actor: Actor, id: number, patch: CheckpointPatch): Promise<CheckpointDto> {
  requireManager(auth);
  return db.transaction().execute(async (trx) => {
    const before = await visibleOr404(trx, auth, id);
    const unit = patch.unitCode && patch.unitCode !== before.unit_code ? await checkpointUnit(trx, auth, patch.unitCode) : null;
    const next = {
      name: patch.name ?? before.name, kind: patch.kind ?? before.kind, location: patch.location === undefined ? before.location : patch.location,
      lat: patch.lat === undefined ? before.lat : patch.lat, lng: patch.lng === undefined ? before.lng : patch.lng,
      staff_on_duty: patch.staffOnDuty === undefined ? before.staff_on_duty : patch.staffOnDuty,
      active: patch.active === undefined ? before.active : patch.active ? 1 : 0,
      unit_code: unit?.code ?? before.unit_code, unit_path: unit?.path ?? before.unit_path,
      public_token: patch.rotateToken ? randomToken(12) : before.public_token,
    };
    checkCoordinates(next.lat, next.lng);
    const r = await trx.updateTable('checkpoints').set({ ...next, version: sql`version + 1`, updated_at: nowIso() })
      .where('id', '=', id).where('version', '=', patch.version).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw errors.staleVersion();
    const changes = diffFields(before as unknown as Record<string, unknown>, next as unknown as Record<string, unknown>, ['public_token']);
    await recordAudit(trx, actor, { action: 'update', entity: 'checkpoint', entityId: id, unitCode: next.unit_code, unitPath: next.unit_path, changes });
    const row = await checkpointsQuery(trx, auth, {}).selectAll('checkpoints').select('units.name as unit_name').where('checkpoints.id', '=', id).executeTakeFirstOrThrow();
    return toCheckpointDto(row, true);
  });
}

/** The commune a point serves (a point may sit at a village entrance): where its declarants mostly go. */
export async function communeOfPoint(db: DbOrTrx, c: CheckpointRow): Promise<{ code: string; path: string } | null> {
  const unit = await unitsRepo.findByCode(db, c.unit_code);
  if (!unit) return null;
  if (unit.tier === 'commune') return { code: unit.code, path: unit.path };
  if (unit.tier === 'village' && unit.parent_code) return { code: unit.parent_code, path: unit.path.slice(0, unit.path.length - unit.code.length - 1) };
  return null;
}

/** What the public form shows about the point its QR code opened: no people, no figures. */
export async function publicCheckpoint(db: Db, token: string) {
  const c = await checkpointsRepo.byToken(db, token);
  if (!c) throw errors.notFound('Điểm khai báo y tế', 'Declaration point');
  const unit = await unitsRepo.findByCode(db, c.unit_code);
  const commune = await communeOfPoint(db, c);
  return { name: c.name, kind: c.kind as CheckpointDto['kind'], unitCode: c.unit_code, unitName: unit?.name ?? '', location: c.location, communeCode: commune?.code ?? null };
}

export async function addPassage(db: Db, auth: AuthContext, actor: Actor, id: number, input: PassageInput) {
  requirePersonal(auth, true);
  return db.transaction().execute(async (trx) => {
    const c = await visibleOr404(trx, auth, id);
    if (c.active !== 1) throw new AppError(409, 'CHECKPOINT_CLOSED', 'Chốt/điểm này đã ngừng hoạt động.', 'The checkpoint is closed.', 'checkpointId');
    const now = nowIso();
    const at = input.at ? new Date(input.at).toISOString() : now;
    if (at > new Date(Date.now() + 5 * 60_000).toISOString()) throw errors.invalid('at', 'Thời điểm qua chốt không thể ở tương lai.', 'The passage time is in the future.');
    if (daysBetween(vnDate(new Date(at)), vnDate()) > 7) throw errors.invalid('at', 'Chỉ ghi được lượt qua chốt trong 7 ngày gần nhất.', 'Passages older than 7 days cannot be recorded.');
    let plate: string | null = null;
    if (input.vehiclePlate && input.vehiclePlate.trim()) {
      plate = normalizePlate(input.vehiclePlate);
      if (!plate) throw errors.invalid('vehiclePlate', `Biển số "${input.vehiclePlate}" không đúng dạng (ví dụ 27A-123.45).`, 'Invalid plate number.');
    }
    const row = await trx.insertInto('checkpoint_passages').values({
      checkpoint_id: c.id, unit_path: c.unit_path, direction: input.direction, at, day: vnDate(new Date(at)), vehicle_plate: plate,
      person_count: input.personCount, note: input.note ?? null, recorded_by: auth.user.id, created_at: now,
    }).returningAll().executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'create', entity: 'checkpoint_passage', entityId: row.id, unitCode: c.unit_code, unitPath: c.unit_path,
      changes: { checkpointId: [null, c.id], direction: [null, row.direction], personCount: [null, row.person_count], vehiclePlate: [null, plate] },
    });
    return toPassageDto(row);
  });
}

export function passagesQuery(db: DbOrTrx, checkpointId: number, from: string, to: string) {
  return db.selectFrom('checkpoint_passages').where('checkpoint_id', '=', checkpointId).where('day', '>=', from).where('day', '<=', to);
}

/** The log of one day (plates are shown, so the read is logged). */
export async function listPassages(db: Db, auth: AuthContext, actor: Actor, id: number, date: string | undefined, page: number, pageSize: number) {
  requirePersonal(auth, false);
  const c = await visibleOr404(db, auth, id);
  const day = date ?? vnDate();
  const qb = passagesQuery(db, c.id, day, day);
  const [{ total }] = await qb.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await qb.selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute();
  await recordAudit(db, actor, { action: 'read', entity: 'checkpoint_passage', entityId: c.id, unitCode: c.unit_code, unitPath: c.unit_path, changes: { date: day } });
  return { items: rows.map(toPassageDto), total: Number(total), page, pageSize };
}

export async function checkpointForExport(db: Db, auth: AuthContext, actor: Actor, id: number, from: string, to: string) {
  requirePersonal(auth, false);
  const c = await visibleOr404(db, auth, id);
  await recordAudit(db, actor, { action: 'export', entity: 'checkpoint_passage', entityId: c.id, unitCode: c.unit_code, unitPath: c.unit_path, changes: { from, to } });
  return c;
}

export function statsRange(from: string | undefined, to: string | undefined): { from: string; to: string } {
  const end = to ?? vnDate();
  const start = from ?? addDays(end, -6);
  if (!isIsoDate(start)) throw errors.invalid('from', 'Ngày bắt đầu không hợp lệ.', 'Invalid start date.');
  if (!isIsoDate(end)) throw errors.invalid('to', 'Ngày kết thúc không hợp lệ.', 'Invalid end date.');
  if (end < start) throw errors.invalid('to', 'Ngày kết thúc trước ngày bắt đầu.', 'The range ends before it starts.');
  if (daysBetween(start, end) >= MAX_STATS_DAYS) throw errors.invalid('from', `Chỉ thống kê tối đa ${MAX_STATS_DAYS} ngày một lần.`, `At most ${MAX_STATS_DAYS} days at a time.`);
  return { from: start, to: end };
}

/** Counts per day, every day of the range present (zeros included), for charts and daily reports. */
export async function checkpointStats(db: Db, auth: AuthContext, id: number, range: { from: string; to: string }) {
  const c = await visibleOr404(db, auth, id);
  const passages = await passagesQuery(db, c.id, range.from, range.to)
    .select(['day', 'direction', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('person_count').as('people')])
    .groupBy(['day', 'direction']).execute();
  const declarations = await db.selectFrom('declarations').select(['arrival_date', (eb) => eb.fn.countAll<number>().as('n')])
    .where('checkpoint_id', '=', c.id).where('arrival_date', '>=', range.from).where('arrival_date', '<=', range.to).groupBy('arrival_date').execute();
  const days: { date: string; passagesIn: number; passagesOut: number; peopleIn: number; peopleOut: number; declarations: number }[] = [];
  for (let d = range.from; d <= range.to; d = addDays(d, 1)) {
    const at = (dir: string) => passages.find((p) => p.day === d && p.direction === dir);
    days.push({
      date: d, passagesIn: Number(at('in')?.n ?? 0), passagesOut: Number(at('out')?.n ?? 0),
      peopleIn: Number(at('in')?.people ?? 0), peopleOut: Number(at('out')?.people ?? 0),
      declarations: Number(declarations.find((x) => x.arrival_date === d)?.n ?? 0),
    });
  }
  const sum = (k: 'passagesIn' | 'passagesOut' | 'peopleIn' | 'peopleOut' | 'declarations') => days.reduce((s, d) => s + d[k], 0);
  return {
    checkpointId: c.id, ...range, days,
    totals: { passagesIn: sum('passagesIn'), passagesOut: sum('passagesOut'), peopleIn: sum('peopleIn'), peopleOut: sum('peopleOut'), declarations: sum('declarations') },
  };
}
