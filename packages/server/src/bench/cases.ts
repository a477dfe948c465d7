import { performance } from 'node:perf_hooks';
import { sql, type Kysely } from 'kysely';
import { addDays, foldVietnamese, vnDate } from '@pcd/core';
import type { Db } from '../db/database.js';
import { nowIso } from '../lib/time.js';
import { isPostgres } from '../db/migrations/helpers.js';

/** The size of the peer system's failure the issue cites: 4 746 F0 and the rest their contacts, 20 000 in all. */
export const CLUSTER_CASES = 4_746;
export const CLUSTER_PEOPLE = 20_000;
const DAYS = 60;

type Unit = { code: string; path: string };
type Get = (url: string) => Promise<{ statusCode: number; body: string }>;

const FAMILY = ['Lò', 'Quàng', 'Cà', 'Lường', 'Vì', 'Tòng', 'Điêu', 'Hoàng'];
const GIVEN = ['Văn Hoa', 'Thị Ún', 'Văn Sơn', 'Thị Pâng', 'Văn Xuân', 'Thị Mai', 'Văn Đạt', 'Thị Thắm'];

/**
 * Plain multi-row inserts in chunks sized to stay under both engines' bound-parameter limits;
 * returns the new ids in insertion order so later rows can point at earlier ones.
 */
async function insertChunked(db: Kysely<any>, table: string, rows: Record<string, unknown>[]): Promise<number[]> {
  if (rows.length === 0) return [];
  const size = Math.max(1, Math.floor(30_000 / Object.keys(rows[0]).length));
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += size) {
    const got = await db.insertInto(table).values(rows.slice(i, i + size)).returning('id').execute();
    for (const g of got) ids.push(Number(g.id));
  }
  return ids;
}

function people(n: number, unitOf: (i: number) => Unit, tag: string, now: string) {
  return Array.from({ length: n }, (_, i) => {
    const u = unitOf(i);
    const full = `${FAMILY[i % FAMILY.length]} ${GIVEN[(i >> 3) % GIVEN.length]} ${tag}${i}`;
    return {
      full_name: full, name_folded: foldVietnamese(full), date_of_birth: null, birth_year: 1950 + (i % 60), sex: i % 2 ? 'female' : 'male',
      id_number: null, phone: null, ethnicity: 'Thái', occupation: null, unit_code: u.code, unit_path: u.path, address: null, household_id: null,
      residence_status: 'thuong_tru', residence_from: null, residence_to: null, created_at: now, updated_at: now,
    };
  });
}

/**
 * One case as the service leaves it after its life so far: the record and its care periods. About one
 * case in five moved from home to a facility two days in; cases older than two weeks have ended
 * (mostly recovered, some died or transferred out), closing the open period on the outcome day, as
 * updateCase does, so the stats queries meet realistic history rather than one open row per case.
 */
function caseLife(i: number, testDate: string, today: string) {
  const age = Math.round((Date.parse(today) - Date.parse(testDate)) / 86_400_000);
  const moved = i % 5 === 0 && age >= 2;
  const severity = moved ? (i % 25 === 0 ? 'severe' : 'moderate') : i % 3 === 0 ? 'asymptomatic' : 'mild';
  const place = moved ? (severity === 'severe' ? 'facility_t2' : 'facility_t1') : i % 7 === 0 ? 'community_care' : 'home';
  let status = 'active';
  const outcome: Record<string, string | null> = {
    discharge_date: null, discharge_test_type: null, discharge_test_date: null, discharge_test_result: null,
    death_date: null, death_place: null, death_cause: null, transfer_date: null, transfer_to: null,
  };
  let ended: string | null = null;
  if (age >= 14) {
    if (i % 97 === 0) {
      status = 'died'; ended = addDays(testDate, 7);
      Object.assign(outcome, { death_date: ended, death_place: 'hospital', death_cause: 'Suy hô hấp' });
    } else if (i % 53 === 0) {
      status = 'transferred_out'; ended = addDays(testDate, 3);
      Object.assign(outcome, { transfer_date: ended, transfer_to: 'Bệnh viện Đa khoa tỉnh Lai Châu' });
    } else {
      status = 'recovered'; ended = addDays(testDate, 10 + (i % 5));
      Object.assign(outcome, { discharge_date: ended, discharge_test_type: 'rt_pcr', discharge_test_date: addDays(ended, -1), discharge_test_result: 'negative' });
    }
  }
  const periods = moved
    ? [
      { place: 'home', severity: 'mild', from_date: testDate, to_date: addDays(testDate, 2), reason: 'Xác định ca bệnh' },
      { place, severity, from_date: addDays(testDate, 2), to_date: ended, reason: 'Chuyển tầng điều trị' },
    ]
    : [{ place, severity, from_date: testDate, to_date: ended, reason: 'Xác định ca bệnh' }];
  return { severity, place, status, outcome, periods };
}

function caseRow(i: number, personId: number, u: Unit, testDate: string, today: string, extra: { cluster_id: number | null; source_case_id: number | null }, now: string) {
  const life = caseLife(i, testDate, today);
  return {
    row: {
      person_id: personId, unit_code: u.code, unit_path: u.path, test_type: i % 4 ? 'rapid_antigen' : 'rt_pcr', test_date: testDate, lab: null,
      detected_in: i % 10 < 6 ? 'community' : i % 10 < 9 ? 'quarantine' : 'lockdown', onset_date: null, severity: life.severity, comorbidities: '[]',
      comorbidity_stable: 0, pregnant: 0, vaccination_doses: i % 3, spo2: null, respiratory_rate: null, care_place: life.place, care_facility: null,
      ...extra, from_contact_id: null, status: life.status, ...life.outcome, note: null, recorded_by: null, version: 1, created_at: now, updated_at: now,
    },
    periods: life.periods,
  };
}

/** Writes cases and their care periods the way the service does, in insertion order. */
async function insertCases(db: Kysely<any>, built: ReturnType<typeof caseRow>[], now: string): Promise<number[]> {
  const ids = await insertChunked(db, 'cases', built.map((b) => b.row));
  await insertChunked(db, 'case_care_places', built.flatMap((b, k) => b.periods.map((p) => ({
    case_id: ids[k], facility_name: null, recorded_by: null, created_at: now, ...p,
  }))));
  return ids;
}

async function district(db: Db) {
  const d = await db.selectFrom('units').select(['code', 'path']).where('path', '=', '/11/100/').executeTakeFirstOrThrow();
  const villages = await db.selectFrom('units').select(['code', 'path']).where('tier', '=', 'village').where('path', 'like', '/11/100/%').orderBy('code').execute();
  const communes = await db.selectFrom('units').select(['code', 'path']).where('tier', '=', 'commune').where('path', 'like', '/11/100/%').orderBy('code').execute();
  if (villages.length === 0 || communes.length === 0) throw new Error('the units of Huyện Điện Biên are missing');
  return { district: d, villages, communes };
}

/**
 * A community cluster of 20 000 people in the demo villages: the cases form a tree, each infecting
 * three in the next generation, so edges point at cases inserted a generation earlier; two thirds of
 * the contacts are F1 of those cases, the rest F2 of the F1s. Returns the cluster id.
 */
export async function seedCluster(db: Db, today = vnDate()): Promise<number> {
  const { district: d, villages } = await district(db);
  const now = nowIso();
  return db.transaction().execute(async (trx) => {
    const t = trx as unknown as Kysely<any>;
    const cluster = await trx.insertInto('clusters').values({
      name: 'Ổ dịch bản Noong Bua (đo hiệu năng)', name_folded: foldVietnamese('Ổ dịch bản Noong Bua (đo hiệu năng)'), setting: 'community',
      unit_code: d.code, unit_path: d.path, first_date: addDays(today, -(DAYS - 1)), note: null, created_by: null, version: 1, created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    const village = (i: number) => villages[i % villages.length];
    const personIds = await insertChunked(t, 'people', people(CLUSTER_PEOPLE, village, 'C', now));

    const caseIds: number[] = [];
    let prev: number[] = [];
    for (let gen = 0, made = 0; made < CLUSTER_CASES; gen++) {
      const n = Math.min(gen === 0 ? 1 : prev.length * 3, CLUSTER_CASES - made);
      // Each generation a few days after the last, across the whole 60 days.
      const testDate = addDays(today, -(DAYS - 1) + Math.min(DAYS - 1, gen * 6));
      const built = Array.from({ length: n }, (_, j) => caseRow(made + j, personIds[made + j], village(made + j), testDate, today,
        { cluster_id: cluster.id, source_case_id: gen === 0 ? null : prev[Math.floor(j / 3)] }, now));
      prev = await insertCases(t, built, now);
      caseIds.push(...prev);
      made += n;
    }

    const nContacts = CLUSTER_PEOPLE - CLUSTER_CASES;
    const nF1 = Math.round((nContacts * 2) / 3);
    const contact = (i: number, level: 'F1' | 'F2', src: { source_case_id: number | null; source_contact_id: number | null }) => {
      const p = CLUSTER_CASES + i;
      const u = village(p);
      return {
        person_id: personIds[p], level, ...src, cluster_id: cluster.id, relation: i % 3 ? 'neighbour' : 'household',
        last_exposure_date: addDays(today, -(i % 14)), setting: null, vaccination_doses: null, unit_code: u.code, unit_path: u.path,
        recorded_unit_code: u.code, recorded_unit_path: u.path, handed_over_from_unit_path: null, handed_over_at: null,
        entered_person: null, entered_name_folded: null, obligation_id: null, status: i % 4 ? 'monitoring' : 'released',
        promoted_case_id: null, note: null, recorded_by: null, version: 1, created_at: now, updated_at: now,
      };
    };
    const f1 = await insertChunked(t, 'contacts', Array.from({ length: nF1 }, (_, i) => contact(i, 'F1', { source_case_id: caseIds[i % caseIds.length], source_contact_id: null })));
    await insertChunked(t, 'contacts', Array.from({ length: nContacts - nF1 }, (_, i) => contact(nF1 + i, 'F2', { source_case_id: null, source_contact_id: f1[i % f1.length] })));
    return cluster.id;
  });
}

/** n cases (one person each) over the district's communes and the last 60 days, with their care history. */
export async function seedCases(db: Db, n: number, today = vnDate()): Promise<void> {
  const { villages, communes } = await district(db);
  // Demo villages where they exist, the commune itself elsewhere: both are where real cases are managed.
  const withVillages = new Set(villages.map((v) => v.path.split('/')[3]));
  const units: Unit[] = [...villages, ...communes.filter((c) => !withVillages.has(c.code))];
  const now = nowIso();
  const CHUNK = 10_000;
  await db.transaction().execute(async (trx) => {
    const t = trx as unknown as Kysely<any>;
    for (let s = 0; s < n; s += CHUNK) {
      const m = Math.min(CHUNK, n - s);
      const unit = (i: number) => units[(s + i) % units.length];
      const ids = await insertChunked(t, 'people', people(m, unit, `D${s}-`, now));
      await insertCases(t, Array.from({ length: m }, (_, i) => caseRow(s + i, ids[i], unit(i), addDays(today, -((s + i) % DAYS)), today,
        { cluster_id: null, source_case_id: null }, now)), now);
    }
  });
}

export interface CasesBenchResult {
  seedMs: number;
  clusterPeople: number;
  districtCases: number;
  firstPageMs: number;
  firstPageRawMs: number;
  wholeMs: number;
  wholeRawMs: number;
  pages: number;
  peakRssMiB: number;
  statsMs: number;
  statsRawMs: number;
}

async function timed(n: number, fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await fn();
  return (performance.now() - t0) / n;
}

async function ok(get: Get, url: string) {
  const r = await get(url);
  if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode} ${r.body.slice(0, 300)}`);
  return JSON.parse(r.body);
}

/**
 * Seeds the cluster and `nCases` district cases in all (the cluster's included), then times the chain
 * and stats endpoints through HTTP, each beside the plainest SQL that reads the same rows.
 */
export async function benchCases(db: Db, get: Get, nCases: number): Promise<CasesBenchResult> {
  const today = vnDate();
  const t0 = performance.now();
  const clusterId = await seedCluster(db, today);
  await seedCases(db, Math.max(0, nCases - CLUSTER_CASES), today);
  const seedMs = performance.now() - t0;
  // Fresh tables: without statistics PostgreSQL would plan the bench queries blind.
  if (isPostgres(db)) await sql`ANALYZE`.execute(db);

  const chainUrl = `/api/v1/chains/${clusterId}?limit=500`;
  const firstPageMs = await timed(10, () => ok(get, chainUrl));
  const firstPageRawMs = await timed(10, () => sql`select c.id, c.source_case_id, p.full_name from cases c join people p on p.id = c.person_id
    where c.cluster_id = ${clusterId} order by c.test_date, c.id limit 500`.execute(db));

  globalThis.gc?.();
  const rss0 = process.memoryUsage().rss;
  let peak = rss0;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  let pages = 0;
  let seen = 0;
  const t1 = performance.now();
  for (let offset: number | null = 0; offset !== null; pages++) {
    const page: { nodes: unknown[]; nextOffset: number | null; counts: { total: number } } = await ok(get, `${chainUrl}&offset=${offset}`);
    seen += page.nodes.length;
    offset = page.nextOffset;
  }
  const wholeMs = performance.now() - t1;
  clearInterval(timer);
  if (seen !== CLUSTER_PEOPLE) throw new Error(`the chain returned ${seen} of ${CLUSTER_PEOPLE} nodes`);
  const wholeRawMs = await timed(3, async () => {
    await sql`select id, source_case_id from cases where cluster_id = ${clusterId}`.execute(db);
    await sql`select id, level, source_case_id, source_contact_id from contacts where cluster_id = ${clusterId}`.execute(db);
  });

  const d = await db.selectFrom('units').select(['code', 'path']).where('path', '=', '/11/100/').executeTakeFirstOrThrow();
  const from = addDays(today, -(DAYS - 1));
  const statsMs = await timed(5, () => ok(get, `/api/v1/stats/cases?unit=${d.code}&from=${from}&to=${today}`));
  const statsRawMs = await timed(5, () => sql`select test_date, count(*) as n from cases
    where unit_path like ${d.path + '%'} and test_date >= ${from} and test_date <= ${today} group by test_date`.execute(db));
  const [{ n }] = (await sql<{ n: number }>`select count(*) as n from cases where unit_path like ${d.path + '%'}`.execute(db)).rows;

  return {
    seedMs, clusterPeople: seen, districtCases: Number(n), firstPageMs, firstPageRawMs, wholeMs, wholeRawMs, pages,
    peakRssMiB: (peak - rss0) / 1048576, statsMs, statsRawMs,
  };
}
