import { sql } from 'kysely';
import { z } from 'zod';
import type { Db, DbOrTrx } from '../db/database.js';
import type { AuthContext } from '../auth/context.js';
import { scopeCovers, withinScope, type Scope } from '../auth/scope.js';
import { diffFields, recordAudit, type Actor } from '../audit/audit.js';
import { errors } from '../http/errors.js';
import { nowIso } from '../lib/time.js';
import { requirePersonal } from '../people/service.js';
import { peopleRepo } from '../people/repository.js';
import { unitsRepo } from '../units/repository.js';
import { casesRepo } from '../cases/repository.js';
import { resolveWithin } from '../cases/service.js';
import type { CareTeamRow } from '../db/schema.js';
import { registerPersonReference } from '../people/references.js';

registerPersonReference('care_teams', 'leader_person_id');
registerPersonReference('care_team_members', 'person_id');

const ids = z.array(z.number().int().min(1)).max(200);
export const teamInput = z.object({
  name: z.string().trim().min(2).max(200),
  unitCode: z.string().max(32),
  /** The leader, a user with the health role… */
  leaderUserId: z.number().int().min(1).nullable().optional(),
  /** …or a registered person the commune declares a health worker (leaderHealthWorker: true). */
  leaderPersonId: z.number().int().min(1).nullable().optional(),
  leaderHealthWorker: z.boolean().optional(),
  phone: z.string().trim().max(20).nullable().optional(),
  note: z.string().trim().max(1000).nullable().optional(),
  memberUserIds: ids.optional(),
  memberPersonIds: ids.optional(),
  caseIds: ids.optional(),
});
export type TeamInput = z.infer<typeof teamInput>;
export const teamPatch = teamInput.partial().extend({ version: z.number().int().min(1) });
export type TeamPatch = z.infer<typeof teamPatch>;

const member = z.object({ userId: z.number().nullable(), personId: z.number().nullable(), fullName: z.string() });
export const teamSchema = z.object({
  id: z.number(), name: z.string(), unitCode: z.string(), unitName: z.string(), leaderUserId: z.number().nullable(), leaderPersonId: z.number().nullable(),
  leaderName: z.string().nullable(), leaderHealthWorker: z.boolean(), phone: z.string().nullable(), note: z.string().nullable(),
  members: z.array(member), caseIds: z.array(z.number()),
  /** The assigned F0 by name, so the team's page says who they look after. */
  cases: z.array(z.object({ id: z.number(), fullName: z.string() })), version: z.number(), createdAt: z.string(), updatedAt: z.string(),
});
export type TeamDto = z.infer<typeof teamSchema>;

const teamNotFound = () => errors.notFound('Tổ chăm sóc người nhiễm COVID-19', 'Care team');

function filtered(db: DbOrTrx, scope: Scope, f: { within?: string }) {
  let qb = db.selectFrom('care_teams').where(withinScope(scope, 'care_teams.unit_path'));
  if (f.within) qb = qb.where('care_teams.unit_path', 'like', `${f.within}%`);
  return qb;
}

async function toDto(db: DbOrTrx, t: CareTeamRow): Promise<TeamDto> {
  const [unit, leaderUser, leaderPerson, members, cases] = await Promise.all([
    db.selectFrom('units').select('name').where('code', '=', t.unit_code).executeTakeFirstOrThrow(),
    t.leader_user_id ? db.selectFrom('users').select('full_name').where('id', '=', t.leader_user_id).executeTakeFirst() : undefined,
    t.leader_person_id ? db.selectFrom('people').select('full_name').where('id', '=', t.leader_person_id).executeTakeFirst() : undefined,
    db.selectFrom('care_team_members').leftJoin('users', 'users.id', 'care_team_members.user_id').leftJoin('people', 'people.id', 'care_team_members.person_id')
      .select(['care_team_members.user_id', 'care_team_members.person_id', 'users.full_name as user_name', 'people.full_name as person_name'])
      .where('care_team_members.team_id', '=', t.id).execute(),
    db.selectFrom('care_team_cases').innerJoin('cases', 'cases.id', 'care_team_cases.case_id').innerJoin('people', 'people.id', 'cases.person_id')
      .select(['care_team_cases.case_id', 'people.full_name']).where('care_team_cases.team_id', '=', t.id).orderBy('care_team_cases.case_id').execute(),
  ]);
  return {
    id: t.id, name: t.name, unitCode: t.unit_code, unitName: unit.name, leaderUserId: t.leader_user_id, leaderPersonId: t.leader_person_id,
    leaderName: leaderUser?.full_name ?? leaderPerson?.full_name ?? null, leaderHealthWorker: t.leader_health_worker === 1, phone: t.phone, note: t.note,
    members: members.map((m) => ({ userId: m.user_id, personId: m.person_id, fullName: m.user_name ?? m.person_name ?? '' })),
    caseIds: cases.map((c) => c.case_id), cases: cases.map((c) => ({ id: c.case_id, fullName: c.full_name })), version: t.version, createdAt: t.created_at, updatedAt: t.updated_at,
  };
}

async function visibleTeamOr404(db: DbOrTrx, scope: Scope, id: number): Promise<CareTeamRow> {
  const t = await filtered(db, scope, {}).selectAll().where('id', '=', id).executeTakeFirst();
  if (!t) throw teamNotFound();
  return t;
}

async function userInScope(db: DbOrTrx, scope: Scope, id: number) {
  const u = await db.selectFrom('users').leftJoin('units', 'units.code', 'users.unit_code').select(['users.id', 'users.role', 'users.disabled', 'units.path'])
    .where('users.id', '=', id).executeTakeFirst();
  return u && u.disabled === 0 && scopeCovers(scope, u.path) ? u : undefined;
}

/** Seed 001: each team is led by a health worker ("bố trí nhân viên y tế làm Tổ trưởng"). */
async function checkLeader(db: DbOrTrx, auth: AuthContext, t: { leaderUserId: number | null; leaderPersonId: number | null; leaderHealthWorker: boolean }) {
  if (t.leaderUserId) {
    const u = await userInScope(db, auth.scope, t.leaderUserId);
    if (!u) throw errors.invalid('leaderUserId', 'Tổ trưởng không có trong danh sách người dùng thuộc phạm vi quản lý của bạn.', 'Unknown leader or outside your jurisdiction.');
    if (u.role !== 'health') throw errors.invalid('leaderUserId', 'Tổ trưởng phải là nhân viên y tế (người dùng có vai trò Cán bộ y tế).', 'The leader must be a health worker (health role).');
    return;
  }
  if (t.leaderPersonId) {
    if (!(await peopleRepo.findVisible(db, auth.scope, t.leaderPersonId))) throw errors.invalid('leaderPersonId', 'Tổ trưởng không có trong danh sách dân cư thuộc phạm vi quản lý của bạn.', 'Unknown leader person.');
    if (!t.leaderHealthWorker) throw errors.invalid('leaderHealthWorker', 'Tổ trưởng phải là nhân viên y tế; hãy xác nhận người này là nhân viên y tế.', 'The leader must be a health worker; confirm it.');
    return;
  }
  throw errors.invalid('leaderUserId', 'Hãy chọn tổ trưởng là nhân viên y tế.', 'A health-worker leader is required.');
}

async function teamUnit(db: DbOrTrx, auth: AuthContext, code: string) {
  const u = await unitsRepo.findVisible(db, auth.scope, code);
  if (!u || (u.tier !== 'village' && u.tier !== 'commune')) {
    throw errors.invalid('unitCode', 'Tổ chăm sóc thuộc một xã hoặc thôn/bản trong phạm vi quản lý của bạn.', 'A care team belongs to a commune or village in your jurisdiction.');
  }
  return u;
}

async function writeMembersAndCases(trx: DbOrTrx, auth: AuthContext, teamId: number, input: Pick<TeamInput, 'memberUserIds' | 'memberPersonIds' | 'caseIds'>) {
  if (input.memberUserIds || input.memberPersonIds) {
    for (const id of input.memberUserIds ?? []) {
      if (!(await userInScope(trx, auth.scope, id))) throw errors.invalid('memberUserIds', 'Thành viên không có trong danh sách người dùng thuộc phạm vi quản lý của bạn.', 'Unknown member user.');
    }
    for (const id of input.memberPersonIds ?? []) {
      if (!(await peopleRepo.findVisible(trx, auth.scope, id))) throw errors.invalid('memberPersonIds', 'Thành viên không có trong danh sách dân cư thuộc phạm vi quản lý của bạn.', 'Unknown member person.');
    }
    await trx.deleteFrom('care_team_members').where('team_id', '=', teamId).execute();
    const rows: { team_id: number; user_id: number | null; person_id: number | null }[] = [
      ...[...new Set(input.memberUserIds ?? [])].map((id) => ({ team_id: teamId, user_id: id, person_id: null })),
      ...[...new Set(input.memberPersonIds ?? [])].map((id) => ({ team_id: teamId, user_id: null, person_id: id })),
    ];
    if (rows.length) await trx.insertInto('care_team_members').values(rows).execute();
  }
  if (input.caseIds) {
    for (const id of input.caseIds) {
      const c = await casesRepo.findVisible(trx, auth.scope, id);
      if (!c || c.status !== 'active') throw errors.invalid('caseIds', `Ca bệnh ${id} không tồn tại, đã kết thúc hoặc nằm ngoài phạm vi quản lý của bạn.`, `Case ${id} is unknown, closed or outside your jurisdiction.`);
    }
    await trx.deleteFrom('care_team_cases').where('team_id', '=', teamId).execute();
    const unique = [...new Set(input.caseIds)];
    // A case moves to this team from any other one.
    if (unique.length) {
      await trx.deleteFrom('care_team_cases').where('case_id', 'in', unique).execute();
      await trx.insertInto('care_team_cases').values(unique.map((id) => ({ case_id: id, team_id: teamId }))).execute();
    }
  }
}

export async function createTeam(db: Db, auth: AuthContext, actor: Actor, input: TeamInput): Promise<TeamDto> {
  requirePersonal(auth, true);
  return db.transaction().execute(async (trx) => {
    const unit = await teamUnit(trx, auth, input.unitCode);
    const leader = { leaderUserId: input.leaderUserId ?? null, leaderPersonId: input.leaderUserId ? null : input.leaderPersonId ?? null, leaderHealthWorker: input.leaderUserId ? true : input.leaderHealthWorker ?? false };
    await checkLeader(trx, auth, leader);
    const now = nowIso();
    const row = await trx.insertInto('care_teams').values({
      name: input.name, unit_code: unit.code, unit_path: unit.path, leader_user_id: leader.leaderUserId, leader_person_id: leader.leaderPersonId,
      leader_health_worker: leader.leaderHealthWorker ? 1 : 0, phone: input.phone ?? null, note: input.note ?? null, version: 1, created_at: now, updated_at: now,
    }).returningAll().executeTakeFirstOrThrow();
    await writeMembersAndCases(trx, auth, row.id, input);
    const dto = await toDto(trx, row);
    await recordAudit(trx, actor, {
      action: 'create', entity: 'care_team', entityId: row.id, unitCode: unit.code, unitPath: unit.path,
      changes: { name: [null, dto.name], leader: [null, dto.leaderName], members: [null, dto.members.length], caseIds: [null, dto.caseIds] },
    });
    return dto;
  });
}

export async function updateTeam(db: Db, auth: AuthContext, actor: Actor, id: number, patch: TeamPatch): Promise<TeamDto> {
  requirePersonal(auth, true);
  return db.transaction().execute(async (trx) => {
    const before = await visibleTeamOr404(trx, auth.scope, id);
    if (before.version !== patch.version) throw errors.staleVersion();
    const beforeDto = await toDto(trx, before);
    const unit = patch.unitCode ? await teamUnit(trx, auth, patch.unitCode) : { code: before.unit_code, path: before.unit_path };
    const leaderChanged = patch.leaderUserId !== undefined || patch.leaderPersonId !== undefined || patch.leaderHealthWorker !== undefined;
    const leaderUserId = patch.leaderUserId !== undefined ? patch.leaderUserId : patch.leaderPersonId ? null : before.leader_user_id;
    const leaderPersonId = leaderUserId ? null : patch.leaderPersonId !== undefined ? patch.leaderPersonId : before.leader_person_id;
    const leaderHealthWorker = leaderUserId ? true : patch.leaderHealthWorker ?? before.leader_health_worker === 1;
    if (leaderChanged) await checkLeader(trx, auth, { leaderUserId, leaderPersonId, leaderHealthWorker });
    const r = await trx.updateTable('care_teams').set({
      name: patch.name ?? before.name, unit_code: unit.code, unit_path: unit.path, leader_user_id: leaderUserId, leader_person_id: leaderPersonId,
      leader_health_worker: leaderHealthWorker ? 1 : 0, phone: patch.phone !== undefined ? patch.phone : before.phone,
      note: patch.note !== undefined ? patch.note : before.note, version: sql`version + 1`, updated_at: nowIso(),
    }).where('id', '=', id).where('version', '=', patch.version).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw errors.staleVersion();
    await writeMembersAndCases(trx, auth, id, patch);
    const after = await toDto(trx, await visibleTeamOr404(trx, auth.scope, id));
    const { version: _v, updatedAt: _u, ...fields } = after;
    await recordAudit(trx, actor, {
      action: 'update', entity: 'care_team', entityId: id, unitCode: unit.code, unitPath: unit.path,
      changes: diffFields(beforeDto as unknown as Record<string, unknown>, fields as unknown as Record<string, unknown>),
    });
    return after;
  });
}

export async function getTeam(db: Db, auth: AuthContext, actor: Actor, id: number): Promise<TeamDto> {
  requirePersonal(auth, false);
  const t = await visibleTeamOr404(db, auth.scope, id);
  await recordAudit(db, actor, { action: 'read', entity: 'care_team', entityId: id, unitCode: t.unit_code, unitPath: t.unit_path });
  return toDto(db, t);
}

export async function listTeams(db: Db, auth: AuthContext, f: { unit?: string }, page: number, pageSize: number) {
  requirePersonal(auth, false);
  const qb = filtered(db, auth.scope, { within: await resolveWithin(db, auth, f.unit) });
  const [{ total }] = await qb.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await qb.selectAll().orderBy('name').orderBy('id').limit(pageSize).offset((page - 1) * pageSize).execute();
  const items: TeamDto[] = [];
  for (const r of rows) items.push(await toDto(db, r));
  return { items, total: Number(total), page, pageSize };
}

export async function* iterateTeams(db: Db, auth: AuthContext, within: string | undefined): AsyncGenerator<TeamDto> {
  for (const r of await filtered(db, auth.scope, { within }).selectAll().orderBy('name').orderBy('id').execute()) yield toDto(db, r);
}
