import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { prepareDatabase, printFirstStart } from './bootstrap.js';
import { loadConfig } from './config.js';
import { buildApp } from './http/app.js';
import { testEngines, PG_ADMIN_URL } from './test/db.js';

/** The first start a newcomer sees: an empty database becomes a national list, five demo localities and users. */
for (const engine of await testEngines()) {
  describe(`first start [${engine}]`, () => {
    let dataDir: string;
    let pgName: string | null = null;
    let url: string | null = null;

    beforeAll(async () => {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcd-first-'));
      if (engine === 'postgres') {
        pgName = `pcd_test_${randomBytes(6).toString('hex')}`;
        const c = new pg.Client({ connectionString: PG_ADMIN_URL });
        await c.connect();
        await c.query(`CREATE DATABASE ${pgName}`);
        await c.end();
        const u = new URL(PG_ADMIN_URL);
        u.pathname = `/${pgName}`;
        url = u.toString();
      }
    });
    afterAll(async () => {
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (pgName) {
        const c = new pg.Client({ connectionString: PG_ADMIN_URL });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${pgName} WITH (FORCE)`);
        await c.end();
      }
    });

    it('seeds once, prints the logins, and serves health, login and the OpenAPI document', async () => {
      const config = { ...loadConfig({ PCD_DATA_DIR: dataDir, ...(url ? { DATABASE_URL: url } : {}) }), webDist: null };
      const { handle, first, migrated } = await prepareDatabase(config);
      try {
        expect(migrated).toContain('0001_foundation');
        if (engine === 'sqlite') expect(fs.existsSync(path.join(dataDir, 'pcd.sqlite'))).toBe(true);
        expect(first.adminPassword).toMatch(/^\S{16}$/);
        expect(first.demo?.users.map((u) => u.role)).toEqual(expect.arrayContaining(['admin', 'command', 'health', 'team', 'observer']));
        const lines: string[] = [];
        printFirstStart(first, (l) => lines.push(l));
        expect(lines.join('\n')).toContain(`admin / ${first.adminPassword}`);
        expect(lines.join('\n')).toContain('xa.natong');

        const db = handle.db;
        const count = async (tier: string) => Number((await db.selectFrom('units').select((eb) => eb.fn.countAll<number>().as('n')).where('tier', '=', tier).executeTakeFirstOrThrow()).n);
        expect(await count('province')).toBe(63);
        expect(await count('district')).toBeGreaterThan(700);
        expect(await count('commune')).toBeGreaterThan(10_000);
        expect(await count('village')).toBeGreaterThan(200);
        const names = async (parent: string) => (await db.selectFrom('units').select('name').where('parent_code', '=', parent).execute()).map((u) => u.name);
        expect(await names('03365')).toContain('Hát Tao');
        expect(await names('03364')).toContain('Pu Lau');
        expect(await names('22969')).toContain('Khu phố 1');
        for (const district of ['111', '121', '723', '100']) {
          const communes = await db.selectFrom('units').select(['code', 'pop_source', 'pop_is_demo']).where('parent_code', '=', district).execute();
          expect(communes.every((c) => c.pop_source === 'sum' && c.pop_is_demo === 1), district).toBe(true);
        }
        // Tuy Phong is only partly managed, so its population stays unknown rather than understated.
        expect((await db.selectFrom('units').select('pop_source').where('code', '=', '595').executeTakeFirstOrThrow()).pop_source).toBe('none');

        const app = await buildApp({ db, engine: handle.engine, config });
        const health = await app.inject({ url: '/api/v1/health' });
        expect(health.json()).toMatchObject({ status: 'ok', db: engine });
        const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: first.adminPassword } });
        expect(login.statusCode, login.body).toBe(200);
        const spec = (await app.inject({ url: '/api/v1/openapi.json' })).json();
        expect(spec.openapi).toMatch(/^3\./);
        expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/v1/units/{code}', '/api/v1/users', '/api/v1/audit', '/api/v1/auth/login']));
        const docs = await app.inject({ url: '/api/docs/' });
        expect(docs.statusCode).toBe(200);
        expect(docs.body).toContain('swagger');
        await app.close();
      } finally {
        await handle.close();
      }

      const again = await prepareDatabase(config);
      try {
        expect(again.first).toEqual({ seeded: false, adminPassword: null, demo: null });
        const users = await again.handle.db.selectFrom('users').select('username').where('username', '=', 'admin').execute();
        expect(users).toHaveLength(1);
      } finally {
        await again.handle.close();
      }
    });
  });
}

describe('first-start banner', () => {
  it('names the administrator even when PCD_ADMIN_PASSWORD chose the password, and stays quiet later', () => {
    const lines: string[] = [];
    printFirstStart({ seeded: true, adminPassword: null, demo: null }, (l) => lines.push(l));
    expect(lines.join('\n')).toContain('admin / (mật khẩu đặt bằng PCD_ADMIN_PASSWORD)');
    const later: string[] = [];
    printFirstStart({ seeded: false, adminPassword: null, demo: null }, (l) => later.push(l));
    expect(later).toEqual([]);
  });
});
