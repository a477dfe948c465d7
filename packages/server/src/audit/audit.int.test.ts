import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { startTestApp, type TestApp } from '../test/app.js';
import { testEngines } from '../test/db.js';

async function sheetRows(payload: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as unknown as ArrayBuffer);
  const rows: string[][] = [];
  wb.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
}

for (const engine of await testEngines()) {
  describe(`audit log [${engine}]`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(engine);
      await t.login('xa.natong');
      await t.anonymous().post('/api/v1/auth/login', { username: 'xa.natong', password: 'sai-mat-khau-1' });
    });
    afterAll(async () => { await t?.close(); });

    it('finds entries by free text over the user and the record', async () => {
      const admin = await t.login('admin');
      const found = (await admin.get('/api/v1/audit?q=natong&pageSize=100')).json();
      expect(found.total).toBeGreaterThanOrEqual(2);
      expect(found.items.every((e: { username: string }) => e.username.includes('natong'))).toBe(true);
      expect(found.items.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['login', 'login_failed']));
      const none = (await admin.get('/api/v1/audit?q=khong-ai-ca')).json();
      expect(none.total).toBe(0);
    });

    it('exports actions and record kinds in Vietnamese words, not codes', async () => {
      const admin = await t.login('admin');
      const res = await admin.get('/api/v1/audit/export.xlsx?q=natong');
      expect(res.statusCode).toBe(200);
      const rows = await sheetRows(res.rawPayload);
      expect(rows[0]).toEqual(expect.arrayContaining(['Hành động', 'Đối tượng']));
      const actionCol = rows[0].indexOf('Hành động');
      const entityCol = rows[0].indexOf('Đối tượng');
      const actions = rows.slice(1).map((r) => r[actionCol]);
      expect(actions).toEqual(expect.arrayContaining(['Đăng nhập', 'Đăng nhập thất bại']));
      expect(actions).not.toContain('login');
      expect(rows.slice(1).every((r) => r[entityCol] === 'Người dùng')).toBe(true);
    });
  });
}
