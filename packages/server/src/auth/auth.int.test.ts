import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, DEMO_PASSWORD, type TestApp } from '../test/app.js';
import { testEngines } from '../test/db.js';

for (const engine of await testEngines()) {
  describe(`auth [${engine}]`, () => {
    let t: TestApp;
    beforeAll(async () => { t = await startTestApp(engine); });
    afterAll(async () => { await t?.close(); });

    it('logs in with an httpOnly SameSite=Lax session cookie and a readable CSRF cookie', async () => {
      const c = t.anonymous();
      const res = await c.post('/api/v1/auth/login', { username: 'xa.natong', password: DEMO_PASSWORD });
      expect(res.statusCode).toBe(200);
      expect(res.json().user).toMatchObject({ username: 'xa.natong', role: 'command', unitCode: '03365', unitName: 'Na Tông' });
      const cookies = res.cookies as { name: string; httpOnly?: boolean; sameSite?: string }[];
      expect(cookies.find((k) => k.name === 'pcd_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
      expect(cookies.find((k) => k.name === 'pcd_csrf')?.httpOnly).toBeFalsy();
      const me = (await c.get('/api/v1/auth/me')).json();
      expect(me.permissions).toContain('units.write');
      expect(me.permissions).not.toContain('users.manage');
      // Every permission the role has is reported, including those of later modules.
      expect(me.permissions).toEqual(expect.arrayContaining(['zones.manage', 'checkpoints.manage']));
      const stored = await t.testDb.handle.db.selectFrom('sessions').select('id').execute();
      expect(stored.some((s) => s.id === c.cookies.get('pcd_session'))).toBe(false);
    });

    it('answers 401 without a session, with a Vietnamese message', async () => {
      const res = await t.anonymous().get('/api/v1/units');
      expect(res.statusCode).toBe(401);
      expect(res.json().error).toMatchObject({ code: 'UNAUTHENTICATED', message: 'Bạn cần đăng nhập để tiếp tục.' });
      expect((await t.anonymous().get('/api/v1/health')).json()).toMatchObject({ status: 'ok', db: engine });
    });

    it('refuses a wrong password with one message for unknown users and bad passwords', async () => {
      const a = await t.anonymous().post('/api/v1/auth/login', { username: 'xa.natong', password: 'sai-mat-khau1' });
      const b = await t.anonymous().post('/api/v1/auth/login', { username: 'khong.ton.tai', password: 'sai-mat-khau1' });
      expect(a.statusCode).toBe(401);
      expect(b.statusCode).toBe(401);
      expect(a.json().error.message).toBe(b.json().error.message);
    });

    it('requires the CSRF header on writes made with the session cookie', async () => {
      const c = await t.login('xa.natong');
      const unit = (await c.get('/api/v1/units/03365.02')).json();
      const body = { version: unit.version, population: { byAge: { '0-11': 1, '12-17': 2, '18-49': 3, '50-64': 4, '65+': 5 } } };
      const noHeader = await c.request('PATCH', '/api/v1/units/03365.02', body, { 'x-csrf-token': '' });
      expect(noHeader.statusCode).toBe(403);
      expect(noHeader.json().error.code).toBe('CSRF');
      const wrong = await c.request('PATCH', '/api/v1/units/03365.02', body, { 'x-csrf-token': 'khac' });
      expect(wrong.statusCode).toBe(403);
      const foreign = await c.request('PATCH', '/api/v1/units/03365.02', body, { origin: 'https://evil.example' });
      expect(foreign.statusCode).toBe(403);
      expect(foreign.json().error.code).toBe('BAD_ORIGIN');
      expect((await c.get('/api/v1/units/03365.02')).json().version).toBe(unit.version);
      expect((await c.patch('/api/v1/units/03365.02', body)).statusCode).toBe(200);
    });

    it('locks an account after 10 failures for 15 minutes, even for the right password', async () => {
      const c = t.anonymous();
      for (let i = 0; i < 9; i++) {
        expect((await c.post('/api/v1/auth/login', { username: 'xa.muongnha', password: `sai${i}abcdef` })).statusCode).toBe(401);
      }
      const tenth = await c.post('/api/v1/auth/login', { username: 'xa.muongnha', password: 'sai9abcdef' });
      expect(tenth.statusCode).toBe(429);
      expect(tenth.json().error.message).toMatch(/tạm khóa đến \d\d\/\d\d\/\d{4}/);
      const locked = await c.post('/api/v1/auth/login', { username: 'xa.muongnha', password: DEMO_PASSWORD });
      expect(locked.statusCode).toBe(429);
      expect(locked.json().error.code).toBe('LOGIN_LOCKED');
      expect(locked.json().error.message).toMatch(/tạm khóa/);
      // Another account from another address is unaffected.
      expect((await t.anonymous().post('/api/v1/auth/login', { username: 'xa.natong', password: DEMO_PASSWORD })).statusCode).toBe(200);
      const failures = await t.testDb.handle.db.selectFrom('audit_log').select('id').where('action', '=', 'login_failed').where('username', '=', 'xa.muongnha').execute();
      expect(failures.length).toBe(10);
    });

    it('logs out and the session no longer works', async () => {
      const c = await t.login('yte.natong');
      const cookie = c.cookies.get('pcd_session')!;
      expect((await c.post('/api/v1/auth/logout')).statusCode).toBe(204);
      const replay = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies: { pcd_session: cookie } });
      expect(replay.statusCode).toBe(401);
    });

    it('changes a password: the old one stops working and other sessions end', async () => {
      const first = await t.login('tt.lienhuong');
      const second = await t.login('tt.lienhuong');
      const weak = await first.post('/api/v1/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'ngan' });
      expect(weak.statusCode).toBe(400);
      expect(weak.json().error.field).toBe('newPassword');
      const wrong = await first.post('/api/v1/auth/password', { currentPassword: 'khongdung1', newPassword: 'MatKhauMoi2021' });
      expect(wrong.json().error.field).toBe('currentPassword');
      expect((await first.post('/api/v1/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'MatKhauMoi2021' })).statusCode).toBe(204);
      expect((await first.get('/api/v1/auth/me')).statusCode).toBe(200);
      expect((await second.get('/api/v1/auth/me')).statusCode).toBe(401);
      expect((await t.anonymous().post('/api/v1/auth/login', { username: 'tt.lienhuong', password: DEMO_PASSWORD })).statusCode).toBe(401);
      expect((await t.anonymous().post('/api/v1/auth/login', { username: 'tt.lienhuong', password: 'MatKhauMoi2021' })).statusCode).toBe(200);
    });

    it('issues API tokens scoped like their user, usable without cookies or CSRF, and revocable', async () => {
      const c = await t.login('xa.natong');
      const created = await c.post('/api/v1/auth/tokens', { name: 'Đồng bộ báo cáo' });
      expect(created.statusCode).toBe(201);
      const { token, id } = created.json();
      expect(token).toMatch(/^pcd_/);
      const bearer = (url: string, method = 'GET', payload?: object) =>
        t.app.inject({ method: method as 'GET', url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
      expect((await bearer('/api/v1/units/03365')).statusCode).toBe(200);
      expect((await bearer('/api/v1/units/03364')).statusCode).toBe(404);
      const unit = (await bearer('/api/v1/units/03365.03')).json();
      const write = await bearer('/api/v1/units/03365.03', 'PATCH', { version: unit.version, population: { byAge: { '0-11': 9, '12-17': 9, '18-49': 9, '50-64': 9, '65+': 9 } } });
      expect(write.statusCode).toBe(200);
      const list = (await c.get('/api/v1/auth/tokens')).json();
      expect(list.items[0]).toMatchObject({ id, name: 'Đồng bộ báo cáo', revokedAt: null });
      expect(JSON.stringify(list)).not.toContain(token);
      expect((await c.delete(`/api/v1/auth/tokens/${id}`)).statusCode).toBe(204);
      expect((await bearer('/api/v1/units/03365')).statusCode).toBe(401);
      const other = await t.login('yte.lienhuong');
      expect((await other.delete(`/api/v1/auth/tokens/${id}`)).statusCode).toBe(404);
    });
  });
}
