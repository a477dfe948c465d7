import { canMoveSweep, checkSweepDates, CONCLUSIVE_OUTCOMES, sweepProgress, visitState, SWEEP_STATUS_LABELS, type SweepStatus } from '@pcd/core';
import { sql } from 'kysely';
import type { Db, DbOrTrx } from '../db/database.js';
import type { SweepRow } from '../db/schema.js';
import type { AuthContext } from '../auth/context.js';
import { withinScope } from '../auth/scope.js';
import { diffFields, recordAudit, type Actor } from '../audit/audit.js';
import { AppError, errors } from '../http/errors.js';
import { nowIso } from '../lib/time.js';
import { unitsRepo } from '../units/repository.js';
import { accessOf, sweepsRepo } from './repository.js';
import type { SweepDto, SweepInput, SweepPatch } from './model.js';

export const sweepNotFound = () => errors.notFound('Đợt rà soát', 'Sweep');

export function requireManage(auth: AuthContext): void {
  if (accessOf(auth) !== 'manage') throw errors.forbidden();
}

export function requireNames(auth: AuthContext): void {
  if (accessOf(auth) === 'counts') throw errors.forbidden();
}

export async function findSweep(db: DbOrTrx, auth: AuthContext, id: number) {
  const s = await sweepsRepo.findVisible(db, auth, id);
  if (!s) throw sweepNotFound();
  return s;
}

export function assertOpen(s: SweepRow): void {
  if (s.status === 'closed') {
    throw new AppError(409, 'SWEEP_CLOSED', 'Đợt rà soát đã kết thúc; mở lại trước khi thay đổi.', 'The sweep is closed; reopen it first.', 'status');
  }
}

function toDto(s: SweepRow & { unit_name: string }, villageCodes: string[], counts: { total: number; visited: number; attempted: number }): SweepDto {
  const remaining = counts.total - counts.visited;
  return {
    id: s.id, name: s.name, unitCode: s.unit_code, unitName: s.unit_name, fromDate: s.from_date, toDate: s.to_date, status: s.status as SweepStatus,
    note: s.note, villageCodes, version: s.version, createdAt: s.created_at, updatedAt: s.updated_at,
    progress: { ...counts, remaining, percent: counts.total ? Math.floor((counts.visited * 100) / counts.total) : 0 },
  };
}

/** Households of the sweep's villages not in it yet (new since it started) join it, unassigned. */
export async function addNewHouseholds(trx: DbOrTrx, sweepId: number, villages: { unit_code: string; unit_path: string }[]): Promise<number> {
  let added = 0;
  for (const v of villages) {
    const rows = await trx.selectFrom('households').select('households.id')
      .where('households.unit_path', 'like', `${v.unit_path}%`)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('sweep_assignments as a').select('a.household_id').where('a.sweep_id', '=', sweepId).whereRef('a.household_id', '=', 'households.id'))))
      .orderBy('households.id').execute();
    for (let i = 0; i < rows.length; i += 500) {
      await trx.insertInto('sweep_assignments').values(rows.slice(i, i + 500).map((h) => ({
        sweep_id: sweepId, household_id: h.id, unit_code: v.unit_code, unit_path: v.unit_path, member_user_id: null, assigned_at: null,
      }))).execute();
    }
    added += rows.length;
  }
  return added;
}

async function chooseVillages(db: DbOrTrx, commune: { code: string }, codes: string[] | undefined) {
  const all = await db.selectFrom('units').select(['code', 'path', 'name']).where('parent_code', '=', commune.code).where('tier', '=', 'village').orderBy('code').execute();
  if (!codes) {
    if (!all.length) throw errors.invalid('villageCodes', 'Xã này chưa có thôn/bản/tổ dân phố nào để rà soát.', 'The commune has no villages.');
    return all;
  }
  const unknown = [...new Set(codes)].filter((c) => !all.some((v) => v.code === c));
  if (unknown.length) {
    throw errors.invalid('villageCodes', `Thôn/bản ${unknown.join(', ')} không thuộc xã đã chọn.`, `Villages ${unknown.join(', ')} are not in the chosen commune.`);
  }
  return all.filter((v) => codes.includes(v.code));
}

export async function createSweep(db: Db, auth: AuthContext, actor: Actor, input: SweepInput) {
  requireManage(auth);
  const commune = await unitsRepo.findVisible(db, auth.scope, input.unitCode);
  if (!commune || commune.tier !== 'commune') {
    throw errors.invalid('unitCode', `Xã/phường "${input.unitCode}" không tồn tại hoặc nằm ngoài phạm vi quản lý của bạn.`, 'Unknown commune or outside your jurisdiction.');
  }
  const problems = checkSweepDates(input.fromDate, input.toDate);
  if (problems.length) throw errors.problems(problems);
  const villages = await chooseVillages(db, commune, input.villageCodes);
  const id = await db.transaction().execute(async (trx) => {
    const now = nowIso();
    const row = await trx.insertInto('sweeps').values({
      name: input.name, unit_code: commune.code, unit_path: commune.path, from_date: input.fromDate, to_date: input.toDate, status: 'planned',
      note: input.note ?? null, created_by: auth.user.id, version: 1, created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    await trx.insertInto('sweep_villages').values(villages.map((v) => ({ sweep_id: row.id, unit_code: v.code, unit_path: v.path }))).execute();
    const households = await addNewHouseholds(trx, row.id, villages.map((v) => ({ unit_code: v.code, unit_path: v.path })));
    await recordAudit(trx, actor, {
      action: 'create', entity: 'sweep', entityId: row.id, unitCode: commune.code, unitPath: commune.path,
      changes: { name: [null, input.name], villages: [null, villages.map((v) => v.code)], fromDate: [null, input.fromDate], toDate: [null, input.toDate], households: [null, households] },
    });
    return row.id;
  });
  return getSweep(db, auth, id);
}

const listCounts = (qb: ReturnType<typeof sweepsRepo.visible>) =>
  qb.innerJoin('units', 'units.code', 'sweeps.unit_code').selectAll('sweeps').select('units.name as unit_name')
    .select((eb) => eb.selectFrom('sweep_assignments as a').select((e) => e.fn.countAll<number>().as('n')).whereRef('a.sweep_id', '=', 'sweeps.id').as('total'))
    .select((eb) => eb.selectFrom('sweep_visits as v').select(sql<number>`count(distinct v.household_id)`.as('n'))
      .whereRef('v.sweep_id', '=', 'sweeps.id').where('v.outcome', 'in', [...CONCLUSIVE_OUTCOMES]).as('visited'))
    .select((eb) => eb.selectFrom('sweep_visits as v').select(sql<number>`count(distinct v.household_id)`.as('n'))
      .whereRef('v.sweep_id', '=', 'sweeps.id').as('touched'));

async function villageCodesOf(db: DbOrTrx, ids: number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (!ids.length) return out;
  const rows = await db.selectFrom('sweep_villages').select(['sweep_id', 'unit_code']).where('sweep_id', 'in', ids).orderBy('unit_code').execute();
  for (const r of rows) out.set(r.sweep_id, [...(out.get(r.sweep_id) ?? []), r.unit_code]);
  return out;
}

type ListRow = SweepRow & { unit_name: string; total: number | null; visited: number | null; touched: number | null };
const rowCounts = (r: ListRow) => {
  const visited = Number(r.visited ?? 0);
  return { total: Number(r.total ?? 0), visited, attempted: Number(r.touched ?? 0) - visited };
};

export interface SweepFilter {
  unit?: string;
  status?: SweepStatus;
}

async function filtered(db: DbOrTrx, auth: AuthContext, f: SweepFilter) {
  let qb = sweepsRepo.visible(db, auth);
  if (f.unit) {
    const u = await unitsRepo.findVisible(db, auth.scope, f.unit);
    if (!u) throw errors.notFound('Đơn vị hành chính', 'Administrative unit');
    // A village narrows to the sweeps that cover it; a district or province to the sweeps of its communes.
    qb = qb.where((eb) => eb.or([
      eb('sweeps.unit_path', 'like', `${u.path}%`),
      eb.exists(eb.selectFrom('sweep_villages as fv').select('fv.sweep_id').whereRef('fv.sweep_id', '=', 'sweeps.id').where('fv.unit_path', 'like', `${u.path}%`)),
    ]));
  }
  if (f.status) qb = qb.where('sweeps.status', '=', f.status);
  return qb;
}

export async function listSweeps(db: Db, auth: AuthContext, f: SweepFilter, page: number, pageSize: number) {
  const qb = await filtered(db, auth, f);
  const [{ total }] = await qb.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = (await listCounts(qb).orderBy('sweeps.from_date', 'desc').orderBy('sweeps.id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute()) as ListRow[];
  const villages = await villageCodesOf(db, rows.map((r) => r.id));
  return { items: rows.map((r) => toDto(r, villages.get(r.id) ?? [], rowCounts(r))), total: Number(total), page, pageSize };
}

/** Resolved before the export starts streaming, so that a unit outside the scope is still a 404. */
export async function sweepsForExport(db: Db, auth: AuthContext, f: SweepFilter) {
  return iterateSweeps(db, await filtered(db, auth, f));
}

async function* iterateSweeps(db: Db, qb: Awaited<ReturnType<typeof filtered>>): AsyncGenerator<SweepDto> {
  let after = 0;
  for (;;) {
    const rows = (await listCounts(qb).where('sweeps.id', '>', after).orderBy('sweeps.id').limit(500).execute()) as ListRow[];
    const villages = await villageCodesOf(db, rows.map((r) => r.id));
    for (const r of rows) yield toDto(r, villages.get(r.id) ?? [], rowCounts(r));
    if (rows.length < 500) return;
    after = rows[rows.length - 1].id;
  }
}

export const sweepStatusLabel = (s: string) => SWEEP_STATUS_LABELS[s as SweepStatus] ?? s;

/**
 * A sweep with its progress per village and per member. A team member sees the villages they
 * work in and their own line; an observer sees every count but no member's name.
 */
export async function getSweep(db: DbOrTrx, auth: AuthContext, id: number) {
  const s = await findSweep(db, auth, id);
  const access = accessOf(auth);
  const villages = await sweepsRepo.villages(db, id);
  const outcomes = new Map<number, { village: string; memberId: number | null; outcomes: string[] }>();
  for (const r of await sweepsRepo.progressRows(db, id)) {
    const h = outcomes.get(r.household_id) ?? { village: r.unit_code, memberId: r.member_user_id, outcomes: [] };
    if (r.outcome) h.outcomes.push(r.outcome);
    outcomes.set(r.household_id, h);
  }
  const rows = [...outcomes.values()].map((h) => ({ village: h.village, memberId: h.memberId, state: visitState(h.outcomes) }));
  const all = sweepProgress(rows);
  let shownVillages = villages;
  let byMember = all.byMember;
  if (access === 'member') {
    const mine = new Set(rows.filter((r) => r.memberId === auth.user.id).map((r) => r.village));
    shownVillages = villages.filter((v) => mine.has(v.unit_code) || auth.scope.paths.some((p) => v.unit_path.startsWith(p)));
    byMember = byMember.filter((m) => m.memberId === auth.user.id);
  }
  const memberIds = byMember.map((m) => m.memberId).filter((m): m is number => m !== null);
  const names = access === 'counts' || !memberIds.length ? [] : await db.selectFrom('users').select(['id', 'full_name']).where('id', 'in', memberIds).execute();
  const byVillage = new Map(all.byVillage.map((v) => [v.village, v]));
  const zero = { total: 0, visited: 0, attempted: 0, remaining: 0, percent: 0 };
  return {
    ...toDto(s, villages.map((v) => v.unit_code), all.overall),
    access,
    villages: shownVillages.map((v) => {
      const { village: _omit, ...count } = byVillage.get(v.unit_code) ?? { village: v.unit_code, ...zero };
      return { unitCode: v.unit_code, unitName: v.name, ...count };
    }),
    members: byMember.map(({ memberId, ...count }) => ({ userId: memberId, fullName: names.find((n) => n.id === memberId)?.full_name ?? null, ...count })),
  };
}

export async function updateSweep(db: Db, auth: AuthContext, actor: Actor, id: number, patch: SweepPatch) {
  requireManage(auth);
  await db.transaction().execute(async (trx) => {
    const before = await findSweep(trx, auth, id);
    if (before.version !== patch.version) throw errors.staleVersion();
    const status = (patch.status ?? before.status) as SweepStatus;
    if (!canMoveSweep(before.status as SweepStatus, status)) {
      throw errors.invalid('status', `Không thể chuyển đợt rà soát từ "${sweepStatusLabel(before.status)}" sang "${sweepStatusLabel(status)}".`, `A sweep cannot go from ${before.status} to ${status}.`);
    }
    const fromDate = patch.fromDate ?? before.from_date;
    const toDate = patch.toDate ?? before.to_date;
    const problems = checkSweepDates(fromDate, toDate);
    if (problems.length) throw errors.problems(problems);
    const set = {
      status, from_date: fromDate, to_date: toDate,
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.note !== undefined ? { note: patch.note } : {}),
    };
    const r = await trx.updateTable('sweeps').set({ ...set, version: sql`version + 1`, updated_at: nowIso() })
      .where('id', '=', id).where('version', '=', patch.version).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw errors.staleVersion();
    await recordAudit(trx, actor, {
      action: 'update', entity: 'sweep', entityId: id, unitCode: before.unit_code, unitPath: before.unit_path,
      changes: diffFields(before as unknown as Record<string, unknown>, set),
    });
  });
  return getSweep(db, auth, id);
}

/** Members are active staff of the sweep's commune (and of the caller's scope) who can go door to door. */
export function memberCandidates(db: DbOrTrx, auth: AuthContext, sweep: Pick<SweepRow, 'unit_path'>) {
  return db.selectFrom('users').innerJoin('units', 'units.code', 'users.unit_code')
    .where('users.disabled', '=', 0).where('users.role', 'in', ['team', 'health', 'command'])
    .where('units.path', 'like', `${sweep.unit_path}%`).where(withinScope(auth.scope, 'units.path'));
}

export async function checkMembers(db: DbOrTrx, auth: AuthContext, sweep: SweepRow, ids: number[]) {
  const rows = await memberCandidates(db, auth, sweep).select(['users.id', 'users.full_name']).where('users.id', 'in', ids).execute();
  const unknown = ids.filter((i) => !rows.some((r) => r.id === i));
  if (unknown.length) {
    throw errors.invalid('memberIds', `Người dùng mã ${unknown.join(', ')} không phải cán bộ/thành viên Tổ COVID cộng đồng đang hoạt động của xã này.`,
      `Users ${unknown.join(', ')} are not active team members or staff of this commune.`);
  }
  return rows;
}

export async function bumpVersion(trx: DbOrTrx, id: number, seen: number): Promise<void> {
  const r = await trx.updateTable('sweeps').set({ version: sql`version + 1`, updated_at: nowIso() }).where('id', '=', id).where('version', '=', seen).executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw errors.staleVersion();
}
