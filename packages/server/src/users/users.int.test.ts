import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { startTestApp, type TestApp } from '../test/app.js';
import { testEngines } from '../test/db.js';

for (const engine of await testEngines()) {
  describe(`users [${engine}]`, () => {
    let t: TestApp;
    beforeAll(async () => { t = await startTestApp(engine); });
    afterAll(async () => { await t?.close(); });

    it('lets an administrator create a user who can then log in, and audits it', async () => {
      const admin = await t.login('admin');
      const res = await admin.post('/api/v1/users', { username: 'Xa.PuLau', password: 'MatKhau2021', fullName: 'Lò Văn Pọm', unitCode: '03364', role: 'health' });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ username: 'xa.pulau', role: 'health', unitCode: '03364', unitName: 'Mường Nhà', disabled: false, version: 1 });
      const c = await t.login('xa.pulau', 'MatKhau2021');
      expect((await c.get('/api/v1/units/03364')).statusCode).toBe(200);
      const audit = (await admin.get(`/api/v1/audit?entity=user&entityId=${res.json().id}&action=create`)).json();
      expect(audit.items).toHaveLength(1);
      expect(JSON.stringify(audit.items[0].changes)).not.toContain('MatKhau2021');
    });

    it('validates input field by field in Vietnamese', async () => {
      const admin = await t.login('admin');
      const cases: [object, string][] = [
        [{ username: 'ab', password: 'MatKhau2021', fullName: 'A', unitCode: '03364', role: 'health' }, 'username'],
        [{ username: 'nguoi.moi', password: 'short', fullName: 'A', unitCode: '03364', role: 'health' }, 'password'],
        [{ username: 'nguoi.moi', password: 'MatKhau2021', fullName: 'A', unitCode: '99999', role: 'health' }, 'unitCode'],
        [{ username: 'nguoi.moi', password: 'MatKhau2021', fullName: 'A', unitCode: '03364', role: 'boss' }, 'role'],
        [{ username: 'nguoi.moi', password: 'MatKhau2021', fullName: '', unitCode: '03364', role: 'health' }, 'fullName'],
        [{ username: 'xa.natong', password: 'MatKhau2021', fullName: 'A', unitCode: '03364', role: 'health' }, 'username'],
        [{ username: 'nguoi.moi', password: 'MatKhau2021', fullName: 'A', unitCode: null, role: 'command' }, 'unitCode'],
      ];
      for (const [body, field] of cases) {
        const res = await admin.post('/api/v1/users', body);
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
        expect(res.json().error.field).toBe(field);
        expect(res.json().error.message.length).toBeGreaterThan(5);
      }
      expect((await admin.get('/api/v1/users?q=nguoi.moi')).json().total).toBe(0);
    });

    it('refuses user management to everyone but administrators', async () => {
      for (const u of ['huyen.dienbien', 'yte.natong', 'theodoi.dienbien', 'to.hattao']) {
        const c = await t.login(u);
        expect((await c.get('/api/v1/users')).statusCode).toBe(403);
        expect((await c.post('/api/v1/users', { username: 'x.y.z', password: 'MatKhau2021', fullName: 'A', unitCode: '03365', role: 'team' })).statusCode).toBe(403);
      }
    });

    it('keeps a province administrator inside the province', async () => {
      const c = await t.login('tinh.dienbien');
      const list = (await c.get('/api/v1/users?pageSize=200')).json();
      const units = list.items.map((u: { unitCode: string }) => u.unitCode);
      expect(units).toContain('03365');
      expect(units).not.toContain('22969');
      expect(units).not.toContain(null);
      const outside = (await (await t.login('admin')).get('/api/v1/users?q=tt.lienhuong')).json().items[0];
      expect((await c.get(`/api/v1/users/${outside.id}`)).statusCode).toBe(404);
      expect((await c.patch(`/api/v1/users/${outside.id}`, { version: outside.version, disabled: true })).statusCode).toBe(404);
      const create = await c.post('/api/v1/users', { username: 'ngoai.tinh', password: 'MatKhau2021', fullName: 'A', unitCode: '22969', role: 'command' });
      expect(create.statusCode).toBe(400);
      expect(create.json().error.field).toBe('unitCode');
    });

    it('disabling a user ends their sessions and API tokens at once', async () => {
      const admin = await t.login('admin');
      const username = 'yte.lienhuong';
      const target = await t.login(username);
      const token = (await target.post('/api/v1/auth/tokens', { name: 'tích hợp' })).json().token;
      const user = (await admin.get(`/api/v1/users?q=${username}`)).json().items[0];
      const res = await admin.patch(`/api/v1/users/${user.id}`, { version: user.version, disabled: true });
      expect(res.statusCode).toBe(200);
      expect(res.json().disabled).toBe(true);
      expect((await target.get('/api/v1/auth/me')).statusCode).toBe(401);
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(401);
      const again = await t.anonymous().post('/api/v1/auth/login', { username, password: 'Demo12345' });
      expect(again.statusCode).toBe(403);
      expect(again.json().error.code).toBe('USER_DISABLED');
      const stale = await admin.patch(`/api/v1/users/${user.id}`, { version: user.version, disabled: false });
      expect(stale.statusCode).toBe(409);
      expect((await admin.patch(`/api/v1/users/${user.id}`, { version: user.version + 1, disabled: false })).statusCode).toBe(200);
    });

    it('assigns villages to a community-team member, who then sees only those', async () => {
      const admin = await t.login('admin');
      const team = await t.login('to.hattao');
      const roots = (await team.get('/api/v1/units')).json().items.map((u: { code: string }) => u.code);
      expect(roots).toEqual(['03365.01']);
      expect((await team.get('/api/v1/units/03365')).statusCode).toBe(404);
      expect((await team.get('/api/v1/units/03365.02')).statusCode).toBe(404);
      const user = (await admin.get('/api/v1/users?q=to.hattao')).json().items[0];
      expect(user.assignedUnitCodes).toEqual(['03365.01']);
      const bad = await admin.patch(`/api/v1/users/${user.id}`, { version: user.version, assignedUnitCodes: ['03364.01'] });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.field).toBe('assignedUnitCodes');
      const ok = await admin.patch(`/api/v1/users/${user.id}`, { version: user.version, assignedUnitCodes: ['03365.01', '03365.02'] });
      expect(ok.json().assignedUnitCodes).toEqual(['03365.01', '03365.02']);
      const team2 = await t.login('to.hattao');
      expect((await team2.get('/api/v1/units/03365.02')).statusCode).toBe(200);
    });

    it('searches names without diacritics and exports users to XLSX', async () => {
      const admin = await t.login('admin');
      const found = (await admin.get('/api/v1/users?q=lo%20thi%20hoa')).json();
      expect(found.items.map((u: { username: string }) => u.username)).toEqual(['xa.natong']);
      const res = await admin.get('/api/v1/users/export.xlsx');
      expect(res.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0];
      expect(ws.getRow(1).getCell(2).value).toBe('Họ và tên');
      expect(ws.rowCount).toBeGreaterThan(8);
    });

    it('stops an administrator from disabling themselves', async () => {
      const admin = await t.login('admin');
      const me = (await admin.get('/api/v1/users?q=admin&role=admin')).json().items.find((u: { username: string }) => u.username === 'admin');
      const res = await admin.patch(`/api/v1/users/${me.id}`, { version: me.version, disabled: true });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.field).toBe('disabled');
    });
  });
}
