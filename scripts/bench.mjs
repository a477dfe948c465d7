// `npm run bench`: figures for the foundation's hot paths, each beside a raw baseline measured in the same run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ensureBuilt } from './build.mjs';

ensureBuilt({ quiet: true });
const { prepareDatabase, buildApp, loadConfig } = await import('../packages/server/dist/index.js');
const { benchResidentImport } = await import('../packages/server/dist/bench/resident-import.js');
const { benchCases } = await import('../packages/server/dist/bench/cases.js');
const { benchDoseImport, benchCoverage } = await import('../packages/server/dist/bench/vaccination.js');
const pg = (await import('pg')).default;

const RESIDENTS = Number(process.env.PCD_BENCH_ROWS ?? 100_000);
const CASES = Number(process.env.PCD_BENCH_CASES ?? 100_000);
const DOSES = Number(process.env.PCD_BENCH_DOSES ?? 1_000_000);
const COVERAGE_PEOPLE = Number(process.env.PCD_BENCH_COVERAGE_PEOPLE ?? 300_000);
const PG_URL = process.env.PCD_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function runEngine(databaseUrl) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcd-bench-'));
  const config = { ...loadConfig({ PCD_DATA_DIR: dataDir, PCD_ADMIN_PASSWORD: 'Bench12345', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) }), webDist: null };
  process.env.PCD_DEMO_PASSWORD = 'Bench12345';

  const t0 = performance.now();
  const { handle } = await prepareDatabase(config);
  const seedMs = performance.now() - t0;
  const app = await buildApp({ db: handle.db, engine: handle.engine, config });
  const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: 'Bench12345' } });
  const cookie = login.cookies.find((c) => c.name === 'pcd_session').value;
  const get = (url) => app.inject({ method: 'GET', url, cookies: { pcd_session: cookie } });

  async function time(label, n, fn) {
    await fn();
    const start = performance.now();
    for (let i = 0; i < n; i++) await fn();
    const ms = (performance.now() - start) / n;
    return { label, ms };
  }

  const { sql } = await import('kysely');
  const rows = [];
  rows.push(['first start: migrate + national list (11 367 units) + demo', seedMs.toFixed(0) + ' ms', '']);

  const search = await time('search "dien bien" (HTTP, folded, with place names)', 50, () => get('/api/v1/units?q=dien%20bien'));
  const searchRaw = await time('raw', 50, () => sql`select * from units where name_folded like '%dien%' and name_folded like '%bien%' limit 50`.execute(handle.db));
  rows.push([search.label, search.ms.toFixed(2) + ' ms', 'raw SQL ' + searchRaw.ms.toFixed(2) + ' ms']);

  const children = await time('children of a province (HTTP, paged 500)', 50, () => get('/api/v1/units?parent=11&pageSize=500'));
  const childrenRaw = await time('raw', 50, () => sql`select * from units where parent_code = '11'`.execute(handle.db));
  rows.push([children.label, children.ms.toFixed(2) + ' ms', 'raw SQL ' + childrenRaw.ms.toFixed(2) + ' ms']);

  const detail = await time('unit detail with ancestors (HTTP)', 200, () => get('/api/v1/units/03365.01'));
  const detailRaw = await time('raw', 200, () => sql`select * from units where code = '03365.01'`.execute(handle.db));
  rows.push([detail.label, detail.ms.toFixed(2) + ' ms', 'raw SQL ' + detailRaw.ms.toFixed(2) + ' ms']);

  global.gc?.();
  const rss0 = process.memoryUsage().rss;
  let peak = rss0;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const exp = await time('export whole country to XLSX (11 367 rows, streamed)', 2, async () => {
    const r = await get('/api/v1/units/export.xlsx');
    if (r.statusCode !== 200) throw new Error(r.body);
  });
  clearInterval(timer);
  const expRaw = await time('raw', 2, () => sql`select * from units order by path`.execute(handle.db));
  rows.push([exp.label, exp.ms.toFixed(0) + ' ms, RSS +' + ((peak - rss0) / 1048576).toFixed(0) + ' MiB', 'raw SQL select ' + expRaw.ms.toFixed(0) + ' ms']);

  const loginT = await time('login (argon2id verify + session)', 10, () => app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: 'Bench12345' }, remoteAddress: '10.9.9.9' }));
  rows.push([loginT.label, loginT.ms.toFixed(1) + ' ms', '']);

  const imp = await benchResidentImport(handle.db, RESIDENTS);
  rows.push([`import ${RESIDENTS.toLocaleString('en')} residents from CSV (checks, households, duplicates)`, `${(imp.rows / (imp.importMs / 1000)).toFixed(0)} rows/s, ${(imp.importMs / 1000).toFixed(1)} s, RSS +${imp.peakRssMiB.toFixed(0)} MiB`, `raw chunked insert ${(imp.rows / (imp.rawMs / 1000)).toFixed(0)} rows/s (${(imp.rawMs / 1000).toFixed(1)} s); import at ${((imp.rawMs / imp.importMs) * 100).toFixed(0)} % of raw`]);

  const cs = await benchCases(handle.db, get, CASES);
  const people = cs.clusterPeople.toLocaleString('en');
  rows.push([`seed ${people}-person cluster + ${cs.districtCases.toLocaleString('en')} district cases (chunked insert)`, `${(cs.seedMs / 1000).toFixed(1)} s`, '']);
  rows.push([`chain of a ${people}-person cluster, first page (HTTP, 500 nodes)`, cs.firstPageMs.toFixed(1) + ' ms', 'raw SQL first 500 cases ' + cs.firstPageRawMs.toFixed(1) + ' ms']);
  rows.push([`chain of a ${people}-person cluster, paged to the end (${cs.pages} pages)`, `${cs.wholeMs.toFixed(0)} ms, RSS +${cs.peakRssMiB.toFixed(0)} MiB`, 'raw SQL all nodes and edges ' + cs.wholeRawMs.toFixed(0) + ' ms']);
  rows.push([`case stats of the district over 60 days (HTTP, ${cs.districtCases.toLocaleString('en')} cases, by commune)`, cs.statsMs.toFixed(1) + ' ms', 'raw SQL count per day ' + cs.statsRawMs.toFixed(1) + ' ms']);

  const vi = await benchDoseImport(handle.db, DOSES);
  rows.push([`import ${vi.rows.toLocaleString('en')} vaccination doses from CSV (${vi.people.toLocaleString('en')} people, half registered before)`, `${(vi.rows / (vi.importMs / 1000)).toFixed(0)} rows/s, ${(vi.importMs / 1000).toFixed(1)} s, peak RSS ${vi.peakRssMiB.toFixed(0)} MiB (+${vi.rssGrowthMiB.toFixed(0)})`, `raw chunked insert ${(vi.rows / (vi.rawMs / 1000)).toFixed(0)} rows/s (${(vi.rawMs / 1000).toFixed(1)} s); import at ${((vi.rawMs / vi.importMs) * 100).toFixed(0)} % of raw`]);
  const cov = await benchCoverage(handle.db, COVERAGE_PEOPLE);
  rows.push([`seed ${cov.people.toLocaleString('en')} people + ${cov.doses.toLocaleString('en')} doses in ${cov.district} (chunked insert)`, `${(cov.seedMs / 1000).toFixed(1)} s`, '']);
  rows.push([`vaccination coverage of the district (every group and measure, by commune)`, cov.coverageMs.toFixed(0) + ' ms', 'raw SQL count of vaccinated people ' + cov.rawMs.toFixed(0) + ' ms']);

  console.log(`\nPCD bench — ${handle.engine}, Node ${process.version}, ${os.cpus().length} CPU\n`);
  const w = Math.max(...rows.map((r) => r[0].length));
  for (const [a, b, c] of rows) console.log(`${a.padEnd(w)}  ${b.padStart(24)}  ${c}`);
  await app.close();
  await handle.close();
  fs.rmSync(dataDir, { recursive: true, force: true });

}

await runEngine(null);
const admin = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
let reachable = true;
await admin.connect().catch(() => (reachable = false));
if (!reachable) {
  console.log(`\nPostgreSQL at ${PG_URL} unreachable: PostgreSQL figures skipped.`);
} else {
  const name = `pcd_bench_${Math.random().toString(16).slice(2, 10)}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  try {
    await runEngine(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
