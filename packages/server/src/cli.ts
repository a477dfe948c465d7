import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { foldVietnamese, isRole } from '@pcd/core';
import { loadConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { prepareDatabase, printFirstStart } from './bootstrap.js';
import { hashPassword } from './auth/passwords.js';
import { validatePassword } from './auth/service.js';
import { AppError, uniqueViolation } from './http/errors.js';
import { FULL_SCOPE } from './auth/scope.js';
import { registryProvince } from './units/registry.js';
import { upsertUnits } from './units/upsert.js';
import { importPopulationFile, importUnitsFile } from './units/service.js';
import { recordAudit } from './audit/audit.js';
import { nowIso } from './lib/time.js';
import type { AuthContext } from './auth/context.js';

const HELP = `Cách dùng / usage: npm run pcd -- <lệnh> [tùy chọn]
  migrate                                   Cập nhật cấu trúc cơ sở dữ liệu (migrations)
  init                                      Như khởi động lần đầu: migrate, tài khoản admin, dữ liệu minh họa
  create-user --username U --password P --full-name "Họ tên" --role admin|command|health|team|observer [--unit MÃ]
  import-units --province 11                Nhập một tỉnh từ danh mục quốc gia (trước 2025)
  import-units --file dv.xlsx [--mode all|valid]           Nhập đơn vị từ tệp XLSX/CSV
  import-units --population dan-so.xlsx [--mode all|valid] Nhập dân số theo nhóm tuổi
  backup [--out thư-mục]                    Sao lưu cơ sở dữ liệu (SQLite: tệp .sqlite; PostgreSQL: pg_dump)
Biến môi trường: PCD_DATA_DIR, DATABASE_URL`;

const SYSTEM: AuthContext = {
  user: { id: 0, username: 'cli', fullName: 'Dòng lệnh', role: 'admin', unitCode: null, unitName: null, unitPath: null },
  scope: FULL_SCOPE, via: 'token', sessionId: null,
};
const CLI_ACTOR = { userId: null, username: 'cli', ip: null };

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      username: { type: 'string' }, password: { type: 'string' }, 'full-name': { type: 'string' }, role: { type: 'string' }, unit: { type: 'string' },
      province: { type: 'string' }, file: { type: 'string' }, population: { type: 'string' }, mode: { type: 'string', default: 'all' }, out: { type: 'string' },
    },
    allowPositionals: true,
  });
  const config = loadConfig();
  if (!command || command === 'help' || command === '--help') {
    console.log(HELP);
    return command ? 0 : 1;
  }
  if (command === 'init') {
    const { handle, first, migrated } = await prepareDatabase(config);
    console.log(`Đã áp dụng ${migrated.length} migration.`);
    if (!first.seeded) console.log('Cơ sở dữ liệu đã có người dùng: không tạo lại tài khoản hay dữ liệu minh họa.');
    printFirstStart(first);
    await handle.close();
    return 0;
  }
  const handle = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const migrated = await migrateToLatest(handle.db);
    switch (command) {
      case 'migrate':
        console.log(migrated.length ? `Đã áp dụng: ${migrated.join(', ')}` : 'Cơ sở dữ liệu đã ở phiên bản mới nhất.');
        return 0;
      case 'create-user': {
        const { username, password, role } = values;
        const fullName = values['full-name'];
        const missing = [!username && '--username', !password && '--password', !fullName && '--full-name', !role && '--role'].filter(Boolean);
        if (missing.length) {
          console.error(`Thiếu tham số: ${missing.join(', ')}.\n${HELP}`);
          return 2;
        }
        if (!username || !password || !fullName || !role) return 2;
        if (!isRole(role)) {
          console.error(`Vai trò "${role}" không có. Chọn một trong: admin, command, health, team, observer.`);
          return 2;
        }
        validatePassword(password, 'password');
        const taken = await handle.db.selectFrom('users').select('id').where('username', '=', username.toLowerCase()).executeTakeFirst();
        if (taken) throw new AppError(409, 'DUPLICATE', `Tên đăng nhập "${username}" đã được dùng.`, 'Username taken.', 'username');
        const unit = values.unit ? await handle.db.selectFrom('units').select('code').where('code', '=', values.unit).executeTakeFirst() : null;
        if (values.unit && !unit) throw new AppError(400, 'VALIDATION', `Không có đơn vị mã ${values.unit}.`, 'Unknown unit.', 'unit');
        if (!values.unit && role !== 'admin') throw new AppError(400, 'VALIDATION', 'Người dùng không phải quản trị phải thuộc một đơn vị (--unit).', 'Non-admin users need --unit.', 'unit');
        const now = nowIso();
        await handle.db.transaction().execute(async (trx) => {
          const row = await trx.insertInto('users').values({
            username: username.toLowerCase(), password_hash: await hashPassword(password), full_name: fullName, full_name_folded: foldVietnamese(fullName),
            role, unit_code: values.unit ?? null, disabled: 0, version: 1, created_at: now, updated_at: now,
          }).returning('id').executeTakeFirstOrThrow();
          await recordAudit(trx, CLI_ACTOR, { action: 'create', entity: 'user', entityId: row.id, unitCode: values.unit ?? null, changes: { username: [null, username], role: [null, role] } });
        });
        console.log(`Đã tạo người dùng ${username}.`);
        return 0;
      }
      case 'import-units': {
        if (values.province) {
          const rows = registryProvince(values.province);
          if (!rows) throw new AppError(400, 'VALIDATION', `Không có tỉnh mã ${values.province}.`, 'Unknown province.', 'province');
          const r = await handle.db.transaction().execute(async (trx) => {
            const res = await upsertUnits(trx, rows);
            await recordAudit(trx, CLI_ACTOR, { action: 'import', entity: 'unit', entityId: values.province, unitCode: values.province, changes: { source: 'registry', created: res.created, updated: res.updated } });
            return res;
          });
          console.log(`Tạo mới ${r.created}, cập nhật ${r.updated}, không đổi ${r.unchanged}.`);
          return 0;
        }
        const file = values.file ?? values.population;
        if (!file) { console.error(HELP); return 2; }
        const mode = values.mode === 'valid' ? 'valid' : 'all';
        const input = { data: fs.readFileSync(file), filename: path.basename(file) };
        const r = values.file ? await importUnitsFile(handle.db, SYSTEM, CLI_ACTOR, input, mode) : await importPopulationFile(handle.db, SYSTEM, CLI_ACTOR, input, mode);
        for (const e of r.errors) console.log(`  dòng ${e.row} [${e.field}]: ${e.message}`);
        console.log(r.applied ? `Tạo mới ${r.created}, cập nhật ${r.updated}, không đổi ${r.skipped}, lỗi ${r.errors.length}.` : `Không ghi gì vì có ${r.errors.length} lỗi (chế độ all).`);
        return r.applied ? 0 : 1;
      }
      case 'backup': {
        const outDir = path.resolve(values.out ?? path.join(config.dataDir, 'backups'));
        fs.mkdirSync(outDir, { recursive: true });
        const stamp = nowIso().replace(/[:.]/g, '-');
        if (handle.engine === 'sqlite') {
          const target = path.join(outDir, `pcd-${stamp}.sqlite`);
          await handle.close();
          // better-sqlite3's online backup copies a consistent snapshot while the server keeps running.
          const SQLite = (await import('better-sqlite3')).default;
          const src = new SQLite(handle.file!, { readonly: true });
          await src.backup(target);
          src.close();
          console.log(`Đã sao lưu vào ${target}`);
          return 0;
        }
        const target = path.join(outDir, `pcd-${stamp}.dump`);
        execFileSync('pg_dump', ['--format=custom', `--file=${target}`, config.databaseUrl!], { stdio: 'inherit' });
        console.log(`Đã sao lưu vào ${target} (khôi phục bằng pg_restore)`);
        return 0;
      }
      default:
        console.error(`Lệnh không rõ: ${command}\n${HELP}`);
        return 2;
    }
  } catch (err) {
    if (err instanceof AppError) {
      console.error(`Lỗi: ${err.message}`);
      return 1;
    }
    if (uniqueViolation(err)) {
      console.error('Lỗi: dữ liệu trùng với bản ghi đã có (có thể vừa được tạo từ nơi khác).');
      return 1;
    }
    throw err;
  } finally {
    await handle.close().catch(() => undefined);
  }
}
