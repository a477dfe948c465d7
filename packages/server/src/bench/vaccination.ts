import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { addDays, foldVietnamese, vnDate } from '@pcd/core';
import type { Db, DbOrTrx } from '../db/database.js';
import type { AuthContext } from '../auth/context.js';
import { FULL_SCOPE } from '../auth/scope.js';
import { isPostgres } from '../db/migrations/helpers.js';
import { nowIso } from '../lib/time.js';
import { computeCoverage } from '../vaccination/coverage.js';
import { importDoses, IMPORT_BATCH } from '../vaccination/import.js';
import { DOSE_COLUMNS } from '../vaccination/import-rows.js';

const SYSTEM: AuthContext = {
  user: { id: 0, username: 'bench', fullName: 'Đo hiệu năng', role: 'admin', unitCode: null, unitName: null, unitPath: null },
  scope: FULL_SCOPE, via: 'token', sessionId: null,
};
const ACTOR = { userId: null, username: 'bench', ip: null };

const FAMILY = ['Lò', 'Quàng', 'Cà', 'Lường', 'Nguyễn', 'Trần', 'Vì', 'Tòng', 'Điêu', 'Hoàng'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Ngọc', 'Minh'];
const GIVEN = ['Hoa', 'Ún', 'Sơn', 'Pâng', 'Xuân', 'Mai', 'Đạt', 'Thắm', 'Khánh', 'Phượng', 'Inh', 'Lả'];
const PRODUCTS = [['AstraZeneca', 'astrazeneca'], ['Vero Cell', 'sinopharm'], ['Pfizer-BioNTech', 'pfizer']] as const;

type Unit = { code: string; path: string };

/**
 * Person k of the generated registry: a name and birth date unique to k (people without an ID
 * number are matched on them), a CCCD consistent with the birth year for 19 in 20.
 */
function benchPerson(k: number) {
  const q = Math.floor(k / 7200);
  const year = 1940 + (Math.floor(q / 336) % 65);
  const month = 1 + (Math.floor(q / 28) % 12);
  const day = 1 + (q % 28);
  const female = Math.floor(k / 10) % 5 === 1;
  const name = `${FAMILY[k % 10]} ${MIDDLE[Math.floor(k / 10) % 5]} ${GIVEN[Math.floor(k / 50) % 12]} ${GIVEN[Math.floor(k / 600) % 12]}`;
  const centurySex = (year >= 2000 ? 2 : 0) + (female ? 1 : 0);
  const idNumber = k % 20 === 0 || k % 20 === 1 ? null : `011${centurySex}${String(year % 100).padStart(2, '0')}${String(k).padStart(6, '0')}`;
  return { name, dob: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, female, idNumber };
}

/** The doses of person k: two primary doses, and a booster for one in five. */
function benchDoses(k: number): { n: number; text: string; product: string; code: string; date: string; kind: string }[] {
  const [text, code]: readonly [string, string] = PRODUCTS[k % 3];
  const d1 = addDays('2021-07-01', k % 120);
  const d2 = addDays(d1, 35);
  const out = [{ n: 1, text: '1', product: text, code, date: d1, kind: 'primary' }, { n: 2, text: '2', product: text, code, date: d2, kind: 'primary' }];
  if (k % 5 === 0) out.push({ n: 3, text: '3 (nhắc lại)', product: 'Pfizer', code: 'pfizer', date: addDays(d2, 120), kind: 'booster' });
  return out;
}

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** People needed for about `rows` dose rows (2.2 doses each on average). */
const peopleFor = (rows: number) => Math.ceil(rows / 2.2);

/** Writes the registry CSV of `rows` dose rows to a file, a slice at a time. */
async function writeDoseCsv(file: string, rows: number, units: Unit[]): Promise<number> {
  const out = fs.createWriteStream(file);
  out.write(Object.values(DOSE_COLUMNS).join(',') + '\n');
  let written = 0;
  let buf = '';
  for (let k = 0; written < rows; k++) {
    const p = benchPerson(k);
    const unit = units[k % units.length];
    for (const d of benchDoses(k)) {
      if (written >= rows) break;
      buf += `${p.name},${dmy(p.dob)},${p.female ? 'Nữ' : 'Nam'},${p.idNumber ?? ''},,${unit.code},${d.product},${d.text},${dmy(d.date)},L${k % 997},Trạm Y tế xã\n`;
      written++;
    }
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
  return written;
}

function personValues(k: number, unit: Unit, now: string) {
  const p = benchPerson(k);
  return {
    full_name: p.name, name_folded: foldVietnamese(p.name), date_of_birth: p.dob, birth_year: Number(p.dob.slice(0, 4)), sex: p.female ? 'female' : 'male',
    id_number: p.idNumber, phone: null, ethnicity: null, occupation: null, unit_code: unit.code, unit_path: unit.path, address: null, household_id: null,
    residence_status: 'thuong_tru', residence_from: null, residence_to: null, merged_into: null, version: 1, created_at: now, updated_at: now,
  };
}

async function insertPeople(db: DbOrTrx, ks: number[], units: Unit[], now: string): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < ks.length; i += 1000) {
    const got = await db.insertInto('people').values(ks.slice(i, i + 1000).map((k) => personValues(k, units[k % units.length], now))).returning('id').execute();
    for (const g of got) ids.push(g.id);
  }
  return ids;
}

const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

function peakSampler() {
  globalThis.gc?.();
  const rss0 = process.memoryUsage().rss;
  let peak = rss0;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
  return () => { clearInterval(timer); return { peakMiB: peak / 1048576, growthMiB: (peak - rss0) / 1048576 }; };
}

export interface DoseImportBench {
  rows: number;
  people: number;
  preRegistered: number;
  importMs: number;
  rawMs: number;
  /** CPU time of this process: steadier than wall time on a shared machine (SQLite runs in-process; PostgreSQL's own work is not in it). */
  importCpuMs: number;
  rawCpuMs: number;
  peakRssMiB: number;
  rssGrowthMiB: number;
  result: { created: number; matched: number; dosesAdded: number; skipped: number; errorCount: number };
}

/**
 * Imports `rows` generated dose rows from a CSV file through the import (matching, checks, batches)
 * into a district where every other person is registered already, then writes the same people and
 * doses again with plain chunked inserts in batches of the same size: what the import costs above
 * the database itself.
 */
export async function benchDoseImport(db: Db, rows: number): Promise<DoseImportBench> {
  const district = await db.selectFrom('units').select(['code', 'path', 'tier']).where('path', '=', '/11/100/').executeTakeFirstOrThrow();
  const units = await db.selectFrom('units').select(['code', 'path']).where('path', 'like', `${district.path}%`).where('tier', 'in', ['commune', 'village']).orderBy('path').execute();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pcd-bench-doses-')), 'mui-tiem.csv');
  const people = peopleFor(rows);
  const now = nowIso();
  try {
    const written = await writeDoseCsv(file, rows, units);
    // Every even person is registered before the import: half the rows match, half create.
    const registered = Array.from({ length: Math.ceil(people / 2) }, (_, i) => i * 2);
    const registeredIds = await insertPeople(db, registered, units, now);
    const firstNewId = Math.max(0, ...registeredIds.slice(-1)) + 1;
    if (isPostgres(db)) await sql`ANALYZE people`.execute(db);

    const sample = peakSampler();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const result = await importDoses(db, SYSTEM, ACTOR, file, 'csv', { importUnit: { ...district }, filename: 'mui-tiem.csv' }, null);
    const importMs = performance.now() - t0;
    const importCpuMs = cpuMs(process.cpuUsage(cpu0));
    const mem = sample();
    if (result.dosesAdded !== written || result.errorCount) throw new Error(`import added ${result.dosesAdded} of ${written} doses: ${JSON.stringify(result.errors.slice(0, 3))}`);

    // Clear what the import wrote, then the same rows the plainest way.
    await db.deleteFrom('vaccination_doses').execute();
    await db.deleteFrom('people').where('id', '>=', firstNewId).execute();
    // Without it PostgreSQL would insert the raw rows beside the dead ones, checking them in the unique indexes.
    if (isPostgres(db)) await sql`VACUUM ANALYZE vaccination_doses, people`.execute(db);
    const personId = new Map<number, number>(registered.map((k, i) => [k, registeredIds[i]]));
    const cpu1 = process.cpuUsage();
    const t1 = performance.now();
    let pending: { k: number; d: ReturnType<typeof benchDoses>[number] }[] = [];
    const flush = async () => {
      await db.transaction().execute(async (trx) => {
        const fresh = [...new Set(pending.map((p) => p.k).filter((k) => !personId.has(k)))];
        const ids = await insertPeople(trx, fresh, units, now);
        fresh.forEach((k, i) => personId.set(k, ids[i]));
        for (let i = 0; i < pending.length; i += 2000) {
          await trx.insertInto('vaccination_doses').values(pending.slice(i, i + 2000).map(({ k, d }) => ({
            person_id: personId.get(k)!, product_code: d.code, lot: `L${k % 997}`, dose_number: d.n, kind: d.kind, vaccinated_on: d.date, site: 'Trạm Y tế xã',
            mobile_team_id: null, adverse_reaction: null, source: 'import', import_job_id: null, created_by: null, created_at: now, updated_at: now, version: 1,
          }))).execute();
        }
      });
      pending = [];
    };
    let count = 0;
    for (let k = 0; count < rows; k++) {
      for (const d of benchDoses(k)) {
        if (count >= rows) break;
        pending.push({ k, d });
        count++;
        if (pending.length >= IMPORT_BATCH) await flush();
      }
    }
    if (pending.length) await flush();
    const rawMs = performance.now() - t1;
    const rawCpuMs = cpuMs(process.cpuUsage(cpu1));
    return { rows: written, people, preRegistered: registered.length, importMs, rawMs, importCpuMs, rawCpuMs, peakRssMiB: mem.peakMiB, rssGrowthMiB: mem.growthMiB, result };
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

export interface CoverageBench {
  district: string;
  people: number;
  doses: number;
  seedMs: number;
  coverageMs: number;
  rawMs: number;
  adultsDose1: number;
}

const timed = async (n: number, fn: () => Promise<unknown>) => {
  await fn();
  const t = performance.now();
  for (let i = 0; i < n; i++) await fn();
  return (performance.now() - t) / n;
};

/**
 * Coverage of a district of `people` people holding `people × 5/3` doses (300 000 and 500 000 by
 * default): five in six with dose 1, four in six with dose 2, one in six boosted. Times
 * computeCoverage (every group and measure, per village) against one aggregate query counting the
 * district's vaccinated people.
 */
export async function benchCoverage(db: Db, people: number): Promise<CoverageBench> {
  const district = await db.selectFrom('units as d').select(['d.code', 'd.path', 'd.name'])
    .where('d.parent_code', '=', '11').where('d.tier', '=', 'district').where('d.code', '!=', '100')
    .orderBy((eb) => eb.selectFrom('units as c').select((c) => c.fn.countAll().as('n')).whereRef('c.parent_code', '=', 'd.code'), 'desc')
    .executeTakeFirstOrThrow();
  const units = await db.selectFrom('units').select(['code', 'path']).where('parent_code', '=', district.code).where('tier', '=', 'commune').orderBy('code').execute();
  const now = nowIso();
  const t0 = performance.now();
  let doses = 0;
  for (let start = 0; start < people; start += 10_000) {
    const ks = Array.from({ length: Math.min(10_000, people - start) }, (_, i) => start + i);
    await db.transaction().execute(async (trx) => {
      const ids: number[] = [];
      for (let i = 0; i < ks.length; i += 1000) {
        const got = await trx.insertInto('people').values(ks.slice(i, i + 1000).map((k) => {
          const u = units[k % units.length];
          const name = `${FAMILY[k % 10]} ${MIDDLE[Math.floor(k / 10) % 5]} ${GIVEN[Math.floor(k / 50) % 12]}`;
          return {
            full_name: name, name_folded: foldVietnamese(name), date_of_birth: null, birth_year: 1930 + (k % 92), sex: k % 2 ? 'female' : 'male', id_number: null, phone: null,
            ethnicity: null, occupation: null, unit_code: u.code, unit_path: u.path, address: null, household_id: null, residence_status: 'thuong_tru', residence_from: null,
            residence_to: null, comorbidity: k % 20 === 0 ? 1 : 0, pregnant: k % 2 === 1 && k % 50 === 7 ? 1 : 0, merged_into: null, version: 1, created_at: now, updated_at: now,
          };
        })).returning('id').execute();
        for (const g of got) ids.push(g.id);
      }
      const rows = ks.flatMap((k, i) => {
        const slot = k % 6;
        if (slot === 5) return [];
        const d1 = addDays('2021-08-01', k % 100);
        const list = [{ n: 1, kind: 'primary', date: d1 }];
        if (slot <= 3) list.push({ n: 2, kind: 'primary', date: addDays(d1, 35) });
        if (slot === 0) list.push({ n: 3, kind: 'booster', date: addDays(d1, 160) });
        return list.map((d) => ({
          person_id: ids[i], product_code: 'astrazeneca', lot: null, dose_number: d.n, kind: d.kind, vaccinated_on: d.date, site: null, mobile_team_id: null,
          adverse_reaction: null, source: 'manual', import_job_id: null, created_by: null, created_at: now, updated_at: now, version: 1,
        }));
      });
      for (let i = 0; i < rows.length; i += 2000) await trx.insertInto('vaccination_doses').values(rows.slice(i, i + 2000)).execute();
      doses += rows.length;
    });
  }
  const seedMs = performance.now() - t0;
  if (isPostgres(db)) await sql`ANALYZE`.execute(db);
  const today = vnDate();
  let adultsDose1 = 0;
  const coverageMs = await timed(5, async () => { adultsDose1 = (await computeCoverage(db, district.path, today)).total.vaccinated['18+'].dose1; });
  const rawMs = await timed(5, () => sql`select count(distinct vd.person_id) as n from vaccination_doses vd join people p on p.id = vd.person_id
    where p.unit_path like ${district.path + '%'} and vd.vaccinated_on <= ${today}`.execute(db));
  return { district: district.name, people, doses, seedMs, coverageMs, rawMs, adultsDose1 };
}
