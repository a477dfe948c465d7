import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { openDatabase, type DbHandle, type Engine } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';

export const PG_ADMIN_URL = process.env.PCD_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function postgresReachable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

let enginesCache: Engine[] | null = null;

/**
 * The engines data tests run on. PostgreSQL missing is a printed skip, or a failure when
 * REQUIRE_POSTGRES=1 (as in CI), so that no database test can silently not run.
 */
export async function testEngines(): Promise<Engine[]> {
  if (enginesCache) return enginesCache;
  if (await postgresReachable()) return (enginesCache = ['sqlite', 'postgres']);
  if (process.env.REQUIRE_POSTGRES === '1') throw new Error(`PostgreSQL is required (REQUIRE_POSTGRES=1) but ${PG_ADMIN_URL} is unreachable`);
  console.warn(`\n*** PostgreSQL at ${PG_ADMIN_URL} is unreachable: PostgreSQL tests are SKIPPED (set REQUIRE_POSTGRES=1 to fail instead) ***\n`);
  return (enginesCache = ['sqlite']);
}

export interface TestDb {
  handle: DbHandle;
  url: string | null;
  drop(): Promise<void>;
}

/** A fresh migrated database of its own: SQLite in memory, or a new PostgreSQL database pcd_test_<random>. */
export async function createTestDb(engine: Engine): Promise<TestDb> {
  if (engine === 'sqlite') {
    const handle = openDatabase({ databaseUrl: null, sqliteFile: ':memory:' });
    await migrateToLatest(handle.db);
    return { handle, url: null, drop: () => handle.close() };
  }
  const name = `pcd_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  const handle = openDatabase({ databaseUrl: url.toString() });
  await migrateToLatest(handle.db);
  return {
    handle,
    url: url.toString(),
    async drop() {
      await handle.close();
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      // A closed pool's sockets can outlive pool.end() by a moment; forcing the drop then kills them
      // and the dying clients raise errors nobody listens to. Wait for them to leave first.
      for (let i = 0; i < 50; i++) {
        const { rows } = await c.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
        if (rows[0].n === 0) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
