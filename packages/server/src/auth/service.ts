import { formatDateTime, isRole, isStrongPassword } from '@pcd/core';
import type { Db, DbOrTrx } from '../db/database.js';
import { recordAudit, type Actor } from '../audit/audit.js';
import { AppError, errors } from '../http/errors.js';
import { addMinutes, nowIso } from '../lib/time.js';
import { randomToken, sha256 } from '../lib/tokens.js';
import type { AuthContext, AuthUser } from './context.js';
import { hashPassword, PASSWORD_MIN_LENGTH, verifyPassword } from './passwords.js';
import { buildScope } from './scope.js';
import { accountKey, clearFailures, ipKey, lockedUntil, recordFailure, THROTTLE } from './throttle.js';

export const SESSION_HOURS = 12;
// A hash to verify against when the account does not exist, so both cases take the same time.
let dummyHash: Promise<string> | null = null;

async function loadAuthUser(db: DbOrTrx, userId: number): Promise<{ user: AuthUser; assigned: string[] } | null> {
  const row = await db
    .selectFrom('users')
    .leftJoin('units', 'units.code', 'users.unit_code')
    .select(['users.id', 'users.username', 'users.full_name', 'users.role', 'users.unit_code', 'users.disabled', 'units.name as unit_name', 'units.path as unit_path'])
    .where('users.id', '=', userId)
    .executeTakeFirst();
  if (!row || row.disabled || !isRole(row.role)) return null;
  const assigned = await db
    .selectFrom('user_units')
    .innerJoin('units', 'units.code', 'user_units.unit_code')
    .select('units.path')
    .where('user_units.user_id', '=', userId)
    .execute();
  return {
    user: { id: row.id, username: row.username, fullName: row.full_name, role: row.role, unitCode: row.unit_code, unitName: row.unit_name, unitPath: row.unit_path },
    assigned: assigned.map((a) => a.path),
  };
}

export async function authContextFor(db: DbOrTrx, userId: number, via: 'session' | 'token', sessionId: string | null): Promise<AuthContext | null> {
  const loaded = await loadAuthUser(db, userId);
  if (!loaded) return null;
  const { user, assigned } = loaded;
  return { user, via, sessionId, scope: buildScope({ role: user.role, unitPath: user.unitPath, assignedPaths: assigned }) };
}

function lockedError(until: string): AppError {
  return new AppError(429, 'LOGIN_LOCKED',
    `Đăng nhập sai quá nhiều lần. Tài khoản tạm khóa đến ${formatDateTime(until)}; vui lòng thử lại sau ${THROTTLE.lockMinutes} phút hoặc liên hệ quản trị viên.`,
    `Too many failed logins; locked until ${until}.`);
}

export async function login(db: Db, username: string, password: string, ip: string, userAgent: string | null) {
  const actor: Actor = { userId: null, username, ip };
  const keys = [accountKey(username), ipKey(ip)];
  const locked = await lockedUntil(db, keys);
  if (locked) throw lockedError(locked);
  const row = await db.selectFrom('users').selectAll().where('username', '=', username.toLowerCase()).executeTakeFirst();
  dummyHash ??= hashPassword(randomToken());
  const ok = await verifyPassword(row?.password_hash ?? (await dummyHash), password);
  if (!row || !ok || row.disabled) {
    const nowLocked = await db.transaction().execute(async (trx) => {
      const account = await recordFailure(trx, keys[0], THROTTLE.accountFailures);
      const address = await recordFailure(trx, keys[1], THROTTLE.ipFailures);
      await recordAudit(trx, { ...actor, userId: row?.id ?? null }, { action: 'login_failed', entity: 'user', entityId: row?.id ?? null, changes: row?.disabled && ok ? { reason: 'disabled' } : null });
      return account ?? address;
    });
    // The failure that reaches the limit already says so, rather than leaving it to the next attempt.
    if (nowLocked) throw lockedError(nowLocked);
    if (row?.disabled && ok) throw new AppError(403, 'USER_DISABLED', 'Tài khoản đã bị vô hiệu hóa. Liên hệ quản trị viên.', 'This account is disabled.');
    throw new AppError(401, 'BAD_CREDENTIALS', 'Tên đăng nhập hoặc mật khẩu không đúng.', 'Wrong username or password.');
  }
  const token = randomToken();
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    await clearFailures(trx, keys[0]);
    await trx.insertInto('sessions').values({
      id: sha256(token), user_id: row.id, created_at: now, expires_at: addMinutes(now, SESSION_HOURS * 60), last_seen_at: now, ip, user_agent: userAgent?.slice(0, 400) ?? null,
    }).execute();
    await trx.updateTable('users').set({ last_login_at: now }).where('id', '=', row.id).execute();
    await recordAudit(trx, { ...actor, userId: row.id }, { action: 'login', entity: 'user', entityId: row.id, unitCode: row.unit_code });
  });
  return { token, userId: row.id };
}

/** Resolves a session cookie; sliding expiry is refreshed at most every few minutes to spare writes. */
export async function resolveSession(db: Db, token: string): Promise<AuthContext | null> {
  const id = sha256(token);
  const s = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
  const now = nowIso();
  if (!s || s.expires_at <= now) return null;
  if (addMinutes(s.last_seen_at, 5) < now) {
    await db.updateTable('sessions').set({ last_seen_at: now, expires_at: addMinutes(now, SESSION_HOURS * 60) }).where('id', '=', id).execute();
  }
  return authContextFor(db, s.user_id, 'session', id);
}

export async function resolveApiToken(db: Db, token: string): Promise<AuthContext | null> {
  const t = await db.selectFrom('api_tokens').selectAll().where('token_hash', '=', sha256(token)).where('revoked_at', 'is', null).executeTakeFirst();
  if (!t) return null;
  const now = nowIso();
  if (!t.last_used_at || addMinutes(t.last_used_at, 5) < now) await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', t.id).execute();
  return authContextFor(db, t.user_id, 'token', null);
}

export async function logout(db: Db, auth: AuthContext, actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (auth.sessionId) await trx.deleteFrom('sessions').where('id', '=', auth.sessionId).execute();
    await recordAudit(trx, actor, { action: 'logout', entity: 'user', entityId: auth.user.id });
  });
}

export function validatePassword(password: string, field = 'newPassword'): void {
  if (password.length < PASSWORD_MIN_LENGTH) {
    throw errors.invalid(field, `Mật khẩu phải có ít nhất ${PASSWORD_MIN_LENGTH} ký tự.`, `Password must be at least ${PASSWORD_MIN_LENGTH} characters.`);
  }
  if (!isStrongPassword(password)) {
    throw errors.invalid(field, 'Mật khẩu phải có cả chữ và số.', 'Password must contain letters and digits.');
  }
}

export async function changePassword(db: Db, auth: AuthContext, actor: Actor, current: string, next: string): Promise<void> {
  const row = await db.selectFrom('users').select(['password_hash']).where('id', '=', auth.user.id).executeTakeFirstOrThrow();
  if (!(await verifyPassword(row.password_hash, current))) {
    throw errors.invalid('currentPassword', 'Mật khẩu hiện tại không đúng.', 'Current password is wrong.');
  }
  validatePassword(next);
  const hash = await hashPassword(next);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: hash, updated_at: nowIso() }).where('id', '=', auth.user.id).execute();
    // Other sessions end: a changed password is often a suspected leak.
    let del = trx.deleteFrom('sessions').where('user_id', '=', auth.user.id);
    if (auth.sessionId) del = del.where('id', '!=', auth.sessionId);
    await del.execute();
    await recordAudit(trx, actor, { action: 'password_change', entity: 'user', entityId: auth.user.id, changes: { password: ['***', '***'] } });
  });
}

export async function createApiToken(db: Db, auth: AuthContext, actor: Actor, name: string) {
  const token = `pcd_${randomToken(24)}`;
  const now = nowIso();
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('api_tokens')
      .values({ user_id: auth.user.id, name, token_hash: sha256(token), prefix: token.slice(0, 10), created_at: now })
      .returning(['id', 'name', 'prefix', 'created_at'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: 'create', entity: 'api_token', entityId: row.id, changes: { name: [null, name] } });
    return { id: row.id, name: row.name, prefix: row.prefix, createdAt: row.created_at, token };
  });
}

export async function listApiTokens(db: Db, auth: AuthContext) {
  const rows = await db.selectFrom('api_tokens').selectAll().where('user_id', '=', auth.user.id).orderBy('id', 'desc').execute();
  return rows.map((t) => ({ id: t.id, name: t.name, prefix: t.prefix, createdAt: t.created_at, lastUsedAt: t.last_used_at, revokedAt: t.revoked_at }));
}

export async function revokeApiToken(db: Db, auth: AuthContext, actor: Actor, id: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const r = await trx.updateTable('api_tokens').set({ revoked_at: nowIso() }).where('id', '=', id).where('user_id', '=', auth.user.id).where('revoked_at', 'is', null).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw errors.notFound('Mã truy cập API', 'API token');
    await recordAudit(trx, actor, { action: 'revoke', entity: 'api_token', entityId: id });
  });
}
