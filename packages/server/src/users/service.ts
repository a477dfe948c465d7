import { foldVietnamese, isRole, type Role } from '@pcd/core';
import { sql } from 'kysely';
import type { Db, DbOrTrx } from '../db/database.js';
import type { AuthContext } from '../auth/context.js';
import { withinScope, type Scope } from '../auth/scope.js';
import { hashPassword } from '../auth/passwords.js';
import { validatePassword } from '../auth/service.js';
import { diffFields, recordAudit, type Actor } from '../audit/audit.js';
import { errors } from '../http/errors.js';
import { nowIso } from '../lib/time.js';
import { parseSort } from '../lib/paging.js';
import { unitsRepo } from '../units/repository.js';

export interface UserDto {
  id: number;
  username: string;
  fullName: string;
  role: Role;
  unitCode: string | null;
  unitName: string | null;
  disabled: boolean;
  assignedUnitCodes: string[];
  lastLoginAt: string | null;
  createdAt: string;
  version: number;
}

const notFound = () => errors.notFound('Người dùng', 'User');
export const USERNAME_RE = /^[a-z0-9][a-z0-9._-]{2,63}$/;

/** Users visible to an administrator: those whose unit lies in the scope (national ones only to national admins). */
function visibleUsers(db: DbOrTrx, scope: Scope) {
  const qb = db.selectFrom('users').leftJoin('units', 'units.code', 'users.unit_code');
  return scope.all ? qb : qb.where(withinScope(scope, 'units.path'));
}

async function assignments(db: DbOrTrx, ids: number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (!ids.length) return out;
  const rows = await db.selectFrom('user_units').select(['user_id', 'unit_code']).where('user_id', 'in', ids).orderBy('unit_code').execute();
  for (const r of rows) out.set(r.user_id, [...(out.get(r.user_id) ?? []), r.unit_code]);
  return out;
}

const columns = ['users.id', 'users.username', 'users.full_name', 'users.role', 'users.unit_code', 'users.disabled', 'users.last_login_at', 'users.created_at', 'users.version', 'units.name as unit_name'] as const;

function toDto(r: { id: number; username: string; full_name: string; role: string; unit_code: string | null; disabled: number; last_login_at: string | null; created_at: string; version: number; unit_name: string | null }, assigned: string[]): UserDto {
  return {
    id: r.id, username: r.username, fullName: r.full_name, role: r.role as Role, unitCode: r.unit_code, unitName: r.unit_name,
    disabled: r.disabled === 1, assignedUnitCodes: assigned, lastLoginAt: r.last_login_at, createdAt: r.created_at, version: r.version,
  };
}

const USER_SORTS = { username: 'users.username', fullName: 'users.full_name_folded', role: 'users.role', unit: 'users.unit_code', lastLoginAt: 'users.last_login_at', createdAt: 'users.created_at' } as const;

export async function listUsers(db: Db, auth: AuthContext, f: { q?: string; unit?: string; role?: string; sort?: string }, page: number, pageSize: number) {
  let qb = visibleUsers(db, auth.scope);
  if (f.q) {
    const folded = `%${foldVietnamese(f.q).replace(/[%_\\]/g, '')}%`;
    qb = qb.where((eb) => eb.or([eb('users.full_name_folded', 'like', folded), eb('users.username', 'like', folded)]));
  }
  if (f.unit) {
    const u = await unitsRepo.findVisible(db, auth.scope, f.unit);
    if (!u) throw errors.notFound('Đơn vị hành chính', 'Administrative unit');
    qb = qb.where('units.path', 'like', `${u.path}%`);
  }
  if (f.role) qb = qb.where('users.role', '=', f.role);
  const [{ total }] = await qb.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const { column, direction } = parseSort(f.sort, USER_SORTS, 'users.username');
  const rows = await qb.select([...columns]).orderBy(column, direction).orderBy('users.id').limit(pageSize).offset((page - 1) * pageSize).execute();
  const assigned = await assignments(db, rows.map((r) => r.id));
  return { items: rows.map((r) => toDto(r, assigned.get(r.id) ?? [])), total: Number(total), page, pageSize };
}

export async function* iterateUsers(db: Db, auth: AuthContext): AsyncGenerator<UserDto> {
  let after = 0;
  for (;;) {
    const rows = await visibleUsers(db, auth.scope).select([...columns]).where('users.id', '>', after).orderBy('users.id').limit(1000).execute();
    const assigned = await assignments(db, rows.map((r) => r.id));
    for (const r of rows) yield toDto(r, assigned.get(r.id) ?? []);
    if (rows.length < 1000) return;
    after = rows[rows.length - 1].id;
  }
}

export async function getUser(db: DbOrTrx, auth: AuthContext, id: number): Promise<UserDto> {
  const row = await visibleUsers(db, auth.scope).select([...columns]).where('users.id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  return toDto(row, (await assignments(db, [id])).get(id) ?? []);
}

async function checkUnit(db: DbOrTrx, auth: AuthContext, role: Role, unitCode: string | null) {
  if (unitCode === null) {
    if (role !== 'admin' || !auth.scope.all) throw errors.invalid('unitCode', 'Người dùng phải thuộc một đơn vị.', 'A user must belong to a unit.');
    return null;
  }
  const unit = await unitsRepo.findVisible(db, auth.scope, unitCode);
  if (!unit) throw errors.invalid('unitCode', `Đơn vị "${unitCode}" không tồn tại hoặc nằm ngoài phạm vi quản lý của bạn.`, 'Unknown unit or outside your jurisdiction.');
  return unit;
}

/** Team members are assigned villages (or other units) inside their own unit's subtree. */
async function checkAssignments(db: DbOrTrx, auth: AuthContext, unitPath: string | null, codes: string[]) {
  for (const code of codes) {
    const u = await unitsRepo.findVisible(db, auth.scope, code);
    if (!u || (unitPath && !u.path.startsWith(unitPath))) {
      throw errors.invalid('assignedUnitCodes', `Địa bàn "${code}" không thuộc đơn vị của người dùng.`, `Assigned unit ${code} is not inside the user's unit.`);
    }
  }
}

export interface CreateUserInput {
  username: string;
  password: string;
  fullName: string;
  unitCode: string | null;
  role: Role;
  assignedUnitCodes?: string[];
}

export async function createUser(db: Db, auth: AuthContext, actor: Actor, input: CreateUserInput): Promise<UserDto> {
  const username = input.username.trim().toLowerCase();
  if (!USERNAME_RE.test(username)) {
    throw errors.invalid('username', 'Tên đăng nhập gồm 3–64 ký tự: chữ thường không dấu, số, dấu chấm, gạch dưới, gạch ngang.', 'Username: 3–64 of a-z, 0-9, . _ -');
  }
  validatePassword(input.password, 'password');
  const hash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const unit = await checkUnit(trx, auth, input.role, input.unitCode);
    await checkAssignments(trx, auth, unit?.path ?? null, input.assignedUnitCodes ?? []);
    const taken = await trx.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
    if (taken) throw errors.invalid('username', `Tên đăng nhập "${username}" đã được dùng.`, 'Username already taken.');
    const now = nowIso();
    const row = await trx
      .insertInto('users')
      .values({
        username, password_hash: hash, full_name: input.fullName.trim(), full_name_folded: foldVietnamese(input.fullName),
        role: input.role, unit_code: input.unitCode, disabled: 0, version: 1, created_at: now, updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const code of input.assignedUnitCodes ?? []) await trx.insertInto('user_units').values({ user_id: row.id, unit_code: code }).execute();
    await recordAudit(trx, actor, {
      action: 'create', entity: 'user', entityId: row.id, unitCode: input.unitCode,
      changes: { username: [null, username], fullName: [null, input.fullName], role: [null, input.role], unitCode: [null, input.unitCode], assignedUnitCodes: [null, input.assignedUnitCodes ?? []] },
    });
    return getUser(trx, auth, row.id);
  });
}

export interface UpdateUserInput {
  version: number;
  fullName?: string;
  role?: Role;
  unitCode?: string | null;
  disabled?: boolean;
  password?: string;
  assignedUnitCodes?: string[];
}

export async function updateUser(db: Db, auth: AuthContext, actor: Actor, id: number, input: UpdateUserInput): Promise<UserDto> {
  if (input.password !== undefined) validatePassword(input.password, 'password');
  const hash = input.password !== undefined ? await hashPassword(input.password) : undefined;
  return db.transaction().execute(async (trx) => {
    const before = await getUser(trx, auth, id);
    if (before.version !== input.version) throw errors.staleVersion();
    if (id === auth.user.id && (input.disabled === true || (input.role && input.role !== before.role))) {
      throw errors.invalid(input.disabled ? 'disabled' : 'role', 'Không thể tự vô hiệu hóa hoặc tự đổi vai trò của chính mình.', 'You cannot disable yourself or change your own role.');
    }
    const role = input.role ?? before.role;
    if (!isRole(role)) throw errors.invalid('role', 'Vai trò không hợp lệ.', 'Invalid role.');
    const unitCode = input.unitCode !== undefined ? input.unitCode : before.unitCode;
    const unit = await checkUnit(trx, auth, role, unitCode);
    if (input.assignedUnitCodes) await checkAssignments(trx, auth, unit?.path ?? null, input.assignedUnitCodes);
    const r = await trx
      .updateTable('users')
      .set({
        ...(input.fullName !== undefined ? { full_name: input.fullName.trim(), full_name_folded: foldVietnamese(input.fullName) } : {}),
        role, unit_code: unitCode,
        ...(input.disabled !== undefined ? { disabled: input.disabled ? 1 : 0 } : {}),
        ...(hash ? { password_hash: hash } : {}),
        version: sql`version + 1`, updated_at: nowIso(),
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw errors.staleVersion();
    if (input.assignedUnitCodes) {
      await trx.deleteFrom('user_units').where('user_id', '=', id).execute();
      for (const code of input.assignedUnitCodes) await trx.insertInto('user_units').values({ user_id: id, unit_code: code }).execute();
    }
    // Disabling, a new password or a narrower role ends every session at once.
    if (input.disabled || hash || role !== before.role || unitCode !== before.unitCode) {
      await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
    }
    if (input.disabled) await trx.updateTable('api_tokens').set({ revoked_at: nowIso() }).where('user_id', '=', id).where('revoked_at', 'is', null).execute();
    const changes = diffFields(before as unknown as Record<string, unknown>, {
      fullName: input.fullName, role: input.role, unitCode: input.unitCode, disabled: input.disabled, assignedUnitCodes: input.assignedUnitCodes,
    });
    if (hash) changes.password = ['***', '***'];
    await recordAudit(trx, actor, { action: 'update', entity: 'user', entityId: id, unitCode, changes });
    return getUser(trx, auth, id);
  });
}
