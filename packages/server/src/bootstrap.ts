import type { Config } from './config.js';
import { openDatabase, type DbHandle } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { hashPassword, randomPassword } from './auth/passwords.js';
import { foldVietnamese } from '@pcd/core';
import { nowIso } from './lib/time.js';
import { seedDemo, type DemoUser } from './demo/seed.js';
import { upsertUnits } from './units/upsert.js';
import { registryAll } from './units/registry.js';

export interface FirstStart {
  /** True when this start filled an empty database. */
  seeded: boolean;
  adminPassword: string | null;
  demo: { password: string; users: DemoUser[] } | null;
}

/** Opens the database, migrates it, and fills an empty one (admin, national list, demo localities). */
export async function prepareDatabase(config: Config): Promise<{ handle: DbHandle; first: FirstStart; migrated: string[] }> {
  const handle = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const migrated = await migrateToLatest(handle.db);
  const first: FirstStart = { seeded: false, adminPassword: null, demo: null };
  const anyUser = await handle.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (!anyUser) {
    first.seeded = true;
    if (config.demo) first.demo = await seedDemo(handle.db, { password: process.env.PCD_DEMO_PASSWORD || null });
    else await handle.db.transaction().execute((trx) => upsertUnits(trx, registryAll()));
    const password = config.adminPassword ?? randomPassword(16);
    const now = nowIso();
    await handle.db.insertInto('users').values({
      username: 'admin', password_hash: await hashPassword(password), full_name: 'Quản trị hệ thống', full_name_folded: foldVietnamese('Quản trị hệ thống'),
      role: 'admin', unit_code: null, disabled: 0, version: 1, created_at: now, updated_at: now,
    }).execute();
    first.adminPassword = config.adminPassword ? null : password;
  }
  return { handle, first, migrated };
}

export function printFirstStart(first: FirstStart, log: (s: string) => void = console.log): void {
  if (!first.seeded) return;
  log('');
  log('=== PCD: lần khởi động đầu tiên / first start ===');
  if (first.adminPassword) log(`Quản trị viên / administrator: admin / ${first.adminPassword}   (chỉ hiện một lần — đổi ngay sau khi đăng nhập)`);
  else log('Quản trị viên / administrator: admin / (mật khẩu đặt bằng PCD_ADMIN_PASSWORD)');
  if (first.demo) {
    log(`Tài khoản minh họa / demo users (mật khẩu chung / shared password: ${first.demo.password}):`);
    for (const u of first.demo.users) log(`  ${u.username.padEnd(18)} ${u.role.padEnd(9)} ${u.unitCode.padEnd(9)} ${u.fullName}`);
  }
  log('=================================================');
  log('');
}
