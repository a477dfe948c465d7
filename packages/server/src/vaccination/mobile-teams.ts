import { sql } from 'kysely';
import { isIsoDate, vnDate } from '@pcd/core';
import type { Db, DbOrTrx } from '../db/database.js';
import type { AuthContext } from '../auth/context.js';
import { withinScope } from '../auth/scope.js';
import { diffFields, recordAudit, type Actor } from '../audit/audit.js';
import { errors } from '../http/errors.js';
import { nowIso } from '../lib/time.js';
import { unitsRepo } from '../units/repository.js';
import { resolveWithin } from '../cases/service.js';
import type { VaccinationMobileTeamsTable } from '../db/schema.js';
import type { Selectable } from 'kysely';
import { postMovement, requirePlan, requireProduct, revokeSessionMovements, stockUnit } from './stock.js';
import type { SessionDto, SessionInput, SessionPatch, TeamDto, TeamInput, TeamPatch } from './field-model.js';

type TeamRow = Selectable<VaccinationMobileTeamsTable>;

const teamNotFound = () => errors.notFound('Đội tiêm lưu động', 'Mobile vaccination team');
const sessionNotFound = () => errors.notFound('Buổi tiêm lưu động', 'Vaccination session');

async function teamOr404(db: DbOrTrx, auth: AuthContext, id: number): Promise<TeamRow> {
  const t = await db.selectFrom('vaccination_mobile_teams').selectAll().where(withinScope(auth.scope, 'unit_path')).where('id', '=', id).executeTakeFirst();
  if (!t) throw teamNotFound();
  return t;
}

/** A leader chosen among users must be active staff of the team's area. */
async function checkLeader(db: DbOrTrx, unitPath: string, userId: number | null | undefined) {
  if (userId == null) return;
  const ok = await db.selectFrom('users').innerJoin('units', 'units.code', 'users.unit_code').select('users.id')
    .where('users.id', '=', userId).where('users.disabled', '=', 0).where('units.path', 'like', `${unitPath}%`).executeTakeFirst();
  if (!ok) throw errors.invalid('leaderUserId', 'Đội trưởng phải là người dùng đang hoạt động của đơn vị quản lý đội.', 'The leader must be an active user of the team\'s unit.');
}

async function teamDtos(db: DbOrTrx, rows: TeamRow[]): Promise<TeamDto[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [units, counts] = await Promise.all([
    db.selectFrom('units').select(['code', 'name']).where('code', 'in', [...new Set(rows.map((r) => r.unit_code))]).execute(),
    db.selectFrom('vaccination_sessions as s').leftJoin('vaccination_session_doses as d', 'd.session_id', 's.id')
      .select(['s.team_id', sql<number>`count(distinct s.id)`.as('sessions'), sql<number>`coalesce(sum(d.given), 0)`.as('given')])
      .where('s.team_id', 'in', ids).groupBy('s.team_id').execute(),
  ]);
  return rows.map((t) => {
    const c = counts.find((x) => x.team_id === t.id);
    return {
      id: t.id, unitCode: t.unit_code, unitName: units.find((u) => u.code === t.unit_code)?.name ?? t.unit_code, name: t.name, leaderName: t.leader_name,
      leaderUserId: t.leader_user_id, leaderPhone: t.leader_phone, members: t.members, active: t.active === 1, sessions: Number(c?.sessions ?? 0),
      dosesGiven: Number(c?.given ?? 0), version: t.version, createdAt: t.created_at, updatedAt: t.updated_at,
    };
  });
}

export async function listTeams(db: Db, auth: AuthContext, q: { unit?: string; active?: boolean }, page: number, pageSize: number) {
  requirePlan(auth);
  const within = await resolveWithin(db, auth, q.unit);
  let qb = db.selectFrom('vaccination_mobile_teams').where(withinScope(auth.scope, 'unit_path'));
  if (within) qb = qb.where('unit_path', 'like', `${within}%`);
  if (q.active !== undefined) qb = qb.where('active', '=', q.active ? 1 : 0);
  const [{ total }] = await qb.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await qb.selectAll().orderBy('active', 'desc').orderBy('name').limit(pageSize).offset((page - 1) * pageSize).execute();
  return { items: await teamDtos(db, rows), total: Number(total), page, pageSize };
}

export async function getTeam(db: Db, auth: AuthContext, id: number): Promise<TeamDto> {
  requirePlan(auth);
  return (await teamDtos(db, [await teamOr404(db, auth, id)]))[0];
}

export async function createTeam(db: Db, auth: AuthContext, actor: Actor, input: TeamInput): Promise<TeamDto> {
  requirePlan(auth);
  return db.transaction().execute(async (trx) => {
    const unit = await stockUnit(trx, auth, input.unitCode, 'unitCode').catch((e) => {
      if (e.status === 404) throw errors.invalid('unitCode', `Đơn vị "${input.unitCode}" không tồn tại hoặc nằm ngoài phạm vi quản lý của bạn.`, 'Unknown unit or outside your jurisdiction.');
      throw e;
    });
    await checkLeader(trx, unit.path, input.leaderUserId);
    const now = nowIso();
    const row = await trx.insertInto('vaccination_mobile_teams').values({
      unit_code: unit.code, unit_path: unit.path, name: input.name, leader_name: input.leaderName, leader_user_id: input.leaderUserId ?? null,
      leader_phone: input.leaderPhone ?? null, members: input.members ?? null, active: input.active ? 1 : 0, created_by: auth.user.id, version: 1, created_at: now, updated_at: now,
    }).returningAll().executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: 'create', entity: 'mobile_team', entityId: row.id, unitCode: unit.code, unitPath: unit.path, changes: { name: [null, input.name], leaderName: [null, input.leaderName] } });
    return (await teamDtos(trx, [row]))[0];
  });
}

export async function updateTeam(db: Db, auth: AuthContext, actor: Actor, id: number, patch: TeamPatch): Promise<TeamDto> {
  requirePlan(auth);
  return db.transaction().execute(async (trx) => {
    const before = await teamOr404(trx, auth, id);
    if (before.version !== patch.version) throw errors.staleVersion();
    if (patch.leaderUserId !== undefined) await checkLeader(trx, before.unit_path, patch.leaderUserId);
    const set = {
      name: patch.name ?? before.name, leader_name: patch.leaderName ?? before.leader_name,
      leader_user_id: patch.leaderUserId !== undefined ? patch.leaderUserId : before.leader_user_id,
      leader_phone: patch.leaderPhone !== undefined ? patch.leaderPhone : before.leader_phone,
      members: patch.members !== undefined ? patch.members : before.members, active: patch.active === undefined ? before.active : patch.active ? 1 : 0,
    };
    const r = await trx.updateTable('vaccination_mobile_teams').set({ ...set, version: sql`version + 1`, updated_at: nowIso() })
      .where('id', '=', id).where('version', '=', patch.version).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw errors.staleVersion();
    await recordAudit(trx, actor, { action: 'update', entity: 'mobile_team', entityId: id, unitCode: before.unit_code, unitPath: before.unit_path, changes: diffFields(before as unknown as Record<string, unknown>, set) });
    return (await teamDtos(trx, [await teamOr404(trx, auth, id)]))[0];
  });
}

// ---- Sessions ------------------------------------------------------------------------------------

function sessionsQuery(db: DbOrTrx, auth: AuthContext) {
  return db.selectFrom('vaccination_sessions as s').innerJoin('vaccination_mobile_teams as t', 't.id', 's.team_id').innerJoin('units as u', 'u.code', 's.unit_code')
    .where(withinScope(auth.scope, 't.unit_path'))
    .selectAll('s').select(['t.name as team_name', 't.unit_code as team_unit_code', 'u.name as unit_name']);
}
type SessionRow = Awaited<ReturnType<ReturnType<typeof sessionsQuery>['execute']>>[number];

async function sessionDtos(db: DbOrTrx, rows: SessionRow[]): Promise<SessionDto[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const doses = await db.selectFrom('vaccination_session_doses as d').innerJoin('vaccine_products as p', 'p.code', 'd.product_code')
    .select(['d.session_id', 'd.product_code', 'd.given', 'd.wasted', 'p.name']).where('d.session_id', 'in', ids).orderBy('p.sort').execute();
  const recorded = await db.selectFrom('vaccination_doses').select(['mobile_team_id', 'vaccinated_on', (eb) => eb.fn.countAll<number>().as('n')])
    .where('mobile_team_id', 'in', [...new Set(rows.map((r) => r.team_id))]).where('vaccinated_on', 'in', [...new Set(rows.map((r) => r.date))])
    .groupBy(['mobile_team_id', 'vaccinated_on']).execute();
  return rows.map((s) => {
    const mine = doses.filter((d) => d.session_id === s.id).map((d) => ({ productCode: d.product_code, productName: d.name, given: d.given, wasted: d.wasted }));
    return {
      id: s.id, teamId: s.team_id, teamName: s.team_name, teamUnitCode: s.team_unit_code, unitCode: s.unit_code, unitName: s.unit_name, date: s.date, place: s.place,
      doses: mine, dosesGiven: mine.reduce((n, d) => n + d.given, 0),
      recordedDoses: Number(recorded.find((r) => r.mobile_team_id === s.team_id && r.vaccinated_on === s.date)?.n ?? 0),
      note: s.note, version: s.version, createdAt: s.created_at, updatedAt: s.updated_at,
    };
  });
}

async function sessionOr404(db: DbOrTrx, auth: AuthContext, id: number) {
  const s = await sessionsQuery(db, auth).where('s.id', '=', id).executeTakeFirst();
  if (!s) throw sessionNotFound();
  return s;
}

export async function listSessions(db: Db, auth: AuthContext, q: { unit?: string; teamId?: number; from?: string; to?: string }, page: number, pageSize: number) {
  requirePlan(auth);
  const within = await resolveWithin(db, auth, q.unit);
  let qb = sessionsQuery(db, auth);
  if (within) qb = qb.where((eb) => eb.or([eb('s.unit_path', 'like', `${within}%`), eb('t.unit_path', 'like', `${within}%`)]));
  if (q.teamId) qb = qb.where('s.team_id', '=', q.teamId);
  if (q.from) qb = qb.where('s.date', '>=', q.from);
  if (q.to) qb = qb.where('s.date', '<=', q.to);
  const [{ total }] = await qb.clearSelect().select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await qb.orderBy('s.date', 'desc').orderBy('s.id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute();
  return { items: await sessionDtos(db, rows), total: Number(total), page, pageSize };
}

export async function getSession(db: Db, auth: AuthContext, id: number): Promise<SessionDto> {
  requirePlan(auth);
  return (await sessionDtos(db, [await sessionOr404(db, auth, id)]))[0];
}

/** The place lies in the team's area; the doses given and wasted leave the team's unit stock. */
async function writeSessionDoses(trx: DbOrTrx, auth: AuthContext, team: TeamRow, sessionId: number, date: string, doses: SessionInput['doses']) {
  const seen = new Set<string>();
  const stock = { code: team.unit_code, path: team.unit_path };
  for (const [i, d] of doses.entries()) {
    await requireProduct(trx, d.productCode, `doses.${i}.productCode`);
    if (seen.has(d.productCode)) throw errors.invalid(`doses.${i}.productCode`, 'Mỗi loại vắc xin chỉ ghi một dòng trong một buổi tiêm.', 'One line per product.');
    seen.add(d.productCode);
    if (d.given + d.wasted === 0) continue;
    await trx.insertInto('vaccination_session_doses').values({ session_id: sessionId, product_code: d.productCode, given: d.given, wasted: d.wasted }).execute();
    if (d.given > 0) await postMovement(trx, stock, { kind: 'used', productCode: d.productCode, quantity: d.given, date, sessionId, counterpart: 'Buổi tiêm lưu động' }, auth.user.id, `doses.${i}.given`);
    if (d.wasted > 0) await postMovement(trx, stock, { kind: 'wasted', productCode: d.productCode, quantity: d.wasted, date, sessionId, counterpart: 'Buổi tiêm lưu động' }, auth.user.id, `doses.${i}.wasted`);
  }
}

async function sessionPlace(trx: DbOrTrx, auth: AuthContext, team: TeamRow, unitCode: string) {
  const place = await unitsRepo.findVisible(trx, auth.scope, unitCode);
  if (!place || !place.path.startsWith(team.unit_path)) {
    throw errors.invalid('unitCode', 'Nơi tổ chức buổi tiêm phải thuộc địa bàn của đơn vị quản lý đội.', 'The session must be held in the team\'s area.');
  }
  return place;
}

function checkSessionDate(date: string, doses: SessionInput['doses']) {
  if (!isIsoDate(date)) throw errors.invalid('date', 'Ngày không hợp lệ.', 'Invalid date.');
  if (date > vnDate() && doses.some((d) => d.given + d.wasted > 0)) {
    throw errors.invalid('date', 'Buổi tiêm chưa diễn ra thì chưa ghi được số liều đã tiêm.', 'Doses cannot be recorded for a session that has not happened yet.');
  }
}

export async function createSession(db: Db, auth: AuthContext, actor: Actor, input: SessionInput): Promise<SessionDto> {
  requirePlan(auth);
  checkSessionDate(input.date, input.doses);
  return db.transaction().execute(async (trx) => {
    const team = await trx.selectFrom('vaccination_mobile_teams').selectAll().where(withinScope(auth.scope, 'unit_path')).where('id', '=', input.teamId).executeTakeFirst();
    if (!team) throw errors.invalid('teamId', 'Đội tiêm lưu động không tồn tại hoặc nằm ngoài phạm vi quản lý của bạn.', 'Unknown team or outside your jurisdiction.');
    if (team.active !== 1) throw errors.invalid('teamId', 'Đội tiêm này đã ngừng hoạt động.', 'This team is no longer active.');
    const place = await sessionPlace(trx, auth, team, input.unitCode);
    const now = nowIso();
    const row = await trx.insertInto('vaccination_sessions').values({
      team_id: team.id, unit_code: place.code, unit_path: place.path, date: input.date, place: input.place, note: input.note ?? null,
      created_by: auth.user.id, version: 1, created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    await writeSessionDoses(trx, auth, team, row.id, input.date, input.doses);
    await recordAudit(trx, actor, {
      action: 'create', entity: 'vaccination_session', entityId: row.id, unitCode: team.unit_code, unitPath: team.unit_path,
      changes: { teamId: [null, team.id], date: [null, input.date], place: [null, input.place], doses: [null, input.doses] },
    });
    return (await sessionDtos(trx, [await sessionOr404(trx, auth, row.id)]))[0];
  });
}

/** Changing the doses of a session takes its stock movements back and writes them again, all or nothing. */
export async function updateSession(db: Db, auth: AuthContext, actor: Actor, id: number, patch: SessionPatch): Promise<SessionDto> {
  requirePlan(auth);
  return db.transaction().execute(async (trx) => {
    const before = await sessionOr404(trx, auth, id);
    if (before.version !== patch.version) throw errors.staleVersion();
    const team = await teamOr404(trx, auth, before.team_id);
    const beforeDto = (await sessionDtos(trx, [before]))[0];
    const date = patch.date ?? before.date;
    const doses = patch.doses ?? beforeDto.doses.map((d) => ({ productCode: d.productCode, given: d.given, wasted: d.wasted }));
    checkSessionDate(date, doses);
    const place = patch.unitCode ? await sessionPlace(trx, auth, team, patch.unitCode) : { code: before.unit_code, path: before.unit_path };
    const r = await trx.updateTable('vaccination_sessions').set({
      unit_code: place.code, unit_path: place.path, date, place: patch.place ?? before.place, note: patch.note !== undefined ? patch.note : before.note,
      version: sql`version + 1`, updated_at: nowIso(),
    }).where('id', '=', id).where('version', '=', patch.version).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw errors.staleVersion();
    if (patch.doses || patch.date) {
      await revokeSessionMovements(trx, id);
      await trx.deleteFrom('vaccination_session_doses').where('session_id', '=', id).execute();
      await writeSessionDoses(trx, auth, team, id, date, doses);
    }
    const after = (await sessionDtos(trx, [await sessionOr404(trx, auth, id)]))[0];
    await recordAudit(trx, actor, {
      action: 'update', entity: 'vaccination_session', entityId: id, unitCode: team.unit_code, unitPath: team.unit_path,
      changes: diffFields({ date: before.date, place: before.place, unitCode: before.unit_code, note: before.note, doses: beforeDto.doses } as Record<string, unknown>,
        { date: after.date, place: after.place, unitCode: after.unitCode, note: after.note, doses: after.doses }),
    });
    return after;
  });
}

export async function deleteSession(db: Db, auth: AuthContext, actor: Actor, id: number, version: number): Promise<void> {
  requirePlan(auth);
  await db.transaction().execute(async (trx) => {
    const before = await sessionOr404(trx, auth, id);
    if (before.version !== version) throw errors.staleVersion();
    const dto = (await sessionDtos(trx, [before]))[0];
    await revokeSessionMovements(trx, id);
    await trx.deleteFrom('vaccination_session_doses').where('session_id', '=', id).execute();
    await trx.deleteFrom('vaccination_sessions').where('id', '=', id).execute();
    await recordAudit(trx, actor, {
      action: 'delete', entity: 'vaccination_session', entityId: id, unitCode: before.team_unit_code,
      changes: { date: [before.date, null], place: [before.place, null], doses: [dto.doses, null] },
    });
  });
}
