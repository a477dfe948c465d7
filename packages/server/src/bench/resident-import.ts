import { performance } from 'node:perf_hooks';
import { foldVietnamese } from '@pcd/core';
import type { Db } from '../db/database.js';
import type { AuthContext } from '../auth/context.js';
import { FULL_SCOPE } from '../auth/scope.js';
import { nowIso } from '../lib/time.js';
import { readTable } from '../lib/spreadsheet.js';
import { importResidents, RESIDENT_COLUMNS } from '../people/import.js';

const SYSTEM: AuthContext = {
  user: { id: 0, username: 'bench', fullName: 'Đo hiệu năng', role: 'admin', unitCode: null, unitName: null, unitPath: null },
  scope: FULL_SCOPE, via: 'token', sessionId: null,
};

const FAMILY = ['Lò', 'Quàng', 'Cà', 'Lường', 'Nguyễn', 'Trần', 'Vì', 'Tòng', 'Điêu', 'Hoàng'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Ngọc', 'Minh'];
const GIVEN = ['Hoa', 'Ún', 'Sơn', 'Pâng', 'Xuân', 'Mai', 'Đạt', 'Thắm', 'Khánh', 'Phượng', 'Inh', 'Lả'];

/** A resident CSV as the template lays it out: n rows over the given villages, four people a household. */
export function residentCsv(n: number, villages: string[]): Buffer {
  const header = Object.values(RESIDENT_COLUMNS).join(',');
  const lines = [header];
  for (let i = 0; i < n; i++) {
    const year = 1940 + (i % 80);
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (i % 12)).padStart(2, '0');
    const name = `${FAMILY[i % FAMILY.length]} ${MIDDLE[(i >> 3) % MIDDLE.length]} ${GIVEN[(i >> 5) % GIVEN.length]}`;
    const male = i % 2 === 0;
    const centurySex = (year >= 2000 ? 2 : 0) + (male ? 0 : 1);
    const id = `011${centurySex}${String(year % 100).padStart(2, '0')}${String(i).padStart(6, '0')}`;
    const village = villages[Math.floor(i / 4) % villages.length];
    lines.push([
      name, `${day}/${month}/${year}`, '', male ? 'Nam' : 'Nữ', id, `09${String(10000000 + i).slice(-8)}`, 'Thái', '', village,
      `Nhà số ${Math.floor(i / 4)}`, `H${Math.floor(i / 4)}`, i % 4 === 0 ? 'x' : '', 'Thường trú', '', '', i % 17 === 0 ? 'x' : '', '', '',
    ].join(','));
  }
  return Buffer.from(lines.join('\n'), 'utf8');
}

export interface ImportBenchResult {
  rows: number;
  importMs: number;
  rawMs: number;
  peakRssMiB: number;
}

/**
 * Times the resident import (parse, checks, households, duplicates, audit) against a plain chunked
 * insert of the same people into the same table, both in one transaction, in the same run.
 */
export async function benchResidentImport(db: Db, n: number): Promise<ImportBenchResult> {
  const villages = (await db.selectFrom('units').select('code').where('tier', '=', 'village').where('path', 'like', '/11/100/%').execute()).map((u) => u.code);
  if (villages.length === 0) throw new Error('the demo villages of Huyện Điện Biên are missing');
  const csv = residentCsv(n, villages);
  const before = await db.selectFrom('people').select((eb) => eb.fn.max('id').as('max')).executeTakeFirst();
  const firstNewId = Number(before?.max ?? 0) + 1;

  const rss0 = process.memoryUsage().rss;
  let peak = rss0;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
  const t0 = performance.now();
  const table = await readTable(csv, 'bench.csv');
  const report = await importResidents(db, SYSTEM, { userId: null, username: 'bench', ip: null }, table, 'valid', null, 'bench.csv');
  const importMs = performance.now() - t0;
  clearInterval(timer);
  if (report.created !== n) throw new Error(`import created ${report.created} of ${n}: ${JSON.stringify(report.errors.slice(0, 3))}`);

  // The same people again, written the plainest way: what the import costs above the database itself.
  const people = await db.selectFrom('people').selectAll().where('id', '>=', firstNewId).orderBy('id').execute();
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('person_duplicates').where('person_id', '>=', firstNewId).execute();
    await trx.updateTable('households').set({ head_person_id: null }).where('head_person_id', '>=', firstNewId).execute();
    await trx.deleteFrom('people').where('id', '>=', firstNewId).execute();
  });
  const now = nowIso();
  const t1 = performance.now();
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < people.length; i += 500) {
      await trx.insertInto('people').values(people.slice(i, i + 500).map(({ id: _id, ...p }) => ({ ...p, name_folded: foldVietnamese(p.full_name), created_at: now, updated_at: now }))).execute();
    }
  });
  const rawMs = performance.now() - t1;
  return { rows: n, importMs, rawMs, peakRssMiB: (peak - rss0) / 1048576 };
}
