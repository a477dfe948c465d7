import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { foldVietnamese } from '@pcd/core';
import type { Engine } from '../db/database.js';
import { buildApp } from '../http/app.js';
import { loadConfig } from '../config.js';
import { hashPassword } from '../auth/passwords.js';
import { seedDemo } from '../demo/seed.js';
import { nowIso } from '../lib/time.js';
import { createTestDb, type TestDb } from './db.js';

export const DEMO_PASSWORD = 'Demo12345';
export const ADMIN_PASSWORD = 'Admin12345';

export interface TestApp {
  app: FastifyInstance;
  testDb: TestDb;
  engine: Engine;
  login(username: string, password?: string): Promise<Client>;
  anonymous(): Client;
  close(): Promise<void>;
}

/** A logged-in browser as the server sees it: session cookie, CSRF cookie echoed in a header. */
export class Client {
  cookies = new Map<string, string>();
  constructor(private app: FastifyInstance, private ip = '10.0.0.1') {}

  async request(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const csrf = this.cookies.get('pcd_csrf');
    const res = await this.app.inject({
      method: method as 'GET',
      url,
      remoteAddress: this.ip,
      headers: {
        ...(this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
        ...(csrf && method !== 'GET' ? { 'x-csrf-token': csrf } : {}),
        ...headers,
      },
      ...(body !== undefined ? (Buffer.isBuffer(body) || typeof body === 'string' ? { payload: body } : { payload: body as object }) : {}),
    });
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }
  get(url: string) { return this.request('GET', url); }
  post(url: string, body?: unknown, headers?: Record<string, string>) { return this.request('POST', url, body ?? {}, headers); }
  patch(url: string, body: unknown) { return this.request('PATCH', url, body); }
  delete(url: string) { return this.request('DELETE', url); }
}

/**
 * An app over a fresh database holding Điện Biên and Bình Thuận from the national list, the
 * demo villages there, the demo users (password DEMO_PASSWORD) and a national `admin`.
 */
export async function startTestApp(engine: Engine, opts: { provinces?: string[] } = {}): Promise<TestApp> {
  const testDb = await createTestDb(engine);
  const db = testDb.handle.db;
  await seedDemo(db, { password: DEMO_PASSWORD, provinces: opts.provinces ?? ['11', '60'] });
  const now = nowIso();
  await db.insertInto('users').values({
    username: 'admin', password_hash: await hashPassword(ADMIN_PASSWORD), full_name: 'Quản trị hệ thống', full_name_folded: foldVietnamese('Quản trị hệ thống'),
    role: 'admin', unit_code: null, disabled: 0, version: 1, created_at: now, updated_at: now,
  }).execute();
  const config = { ...loadConfig({}), webDist: null };
  const app = await buildApp({ db, engine, config });
  await app.ready();
  let ipCounter = 1;
  return {
    app, testDb, engine,
    anonymous: () => new Client(app, `10.0.${Math.floor(ipCounter / 250)}.${(ipCounter++ % 250) + 1}`),
    async login(username, password) {
      const c = new Client(app, `10.1.${Math.floor(ipCounter / 250)}.${(ipCounter++ % 250) + 1}`);
      const res = await c.post('/api/v1/auth/login', { username, password: password ?? (username === 'admin' ? ADMIN_PASSWORD : DEMO_PASSWORD) });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      return c;
    },
    async close() {
      await app.close();
      await testDb.drop();
    },
  };
}
