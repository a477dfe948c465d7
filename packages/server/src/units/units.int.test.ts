import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { startTestApp, type TestApp } from '../test/app.js';
import { testEngines } from '../test/db.js';

for (const engine of await testEngines()) {
  describe(`units [${engine}]`, () => {
    let t: TestApp;
    beforeAll(async () => { t = await startTestApp(engine); });
    afterAll(async () => { await t?.close(); });

    it('returns the caller\'s subtree roots and lazily its children', async () => {
      const c = await t.login('huyen.dienbien');
      const roots = (await c.get('/api/v1/units')).json();
      expect(roots.items.map((u: { code: string }) => u.code)).toEqual(['100']);
      expect(roots.items[0]).toMatchObject({ name: 'Điện Biên', kind: 'huyen', tier: 'district', parentCode: '11', hasChildren: true });
      const communes = (await c.get('/api/v1/units?parent=100&pageSize=100')).json();
      expect(communes.total).toBeGreaterThan(10);
      expect(communes.items.map((u: { name: string }) => u.name)).toContain('Na Tông');
      const villages = (await c.get('/api/v1/units?parent=03365')).json();
      expect(villages.items.map((u: { name: string }) => u.name)).toContain('Hát Tao');
    });

    it('finds units without diacritics and names their place', async () => {
      const c = await t.login('admin');
      const res = (await c.get('/api/v1/units?q=dien%20bien&tier=district')).json();
      expect(res.items.map((u: { name: string }) => u.name).sort()).toEqual(['Điện Biên', 'Điện Biên Phủ', 'Điện Biên Đông'].sort());
      const hatTao = (await c.get('/api/v1/units?q=hat%20tao')).json();
      expect(hatTao.items).toHaveLength(1);
      expect(hatTao.items[0]).toMatchObject({ code: '03365.01', place: 'Na Tông, Điện Biên, Điện Biên' });
    });

    it('filters a subtree by unit and tier, and sorts', async () => {
      const c = await t.login('huyen.dienbien');
      const villages = (await c.get('/api/v1/units?unit=03365&tier=village')).json();
      expect(villages.total).toBeGreaterThan(2);
      expect(villages.items.every((u: { parentCode: string; tier: string }) => u.parentCode === '03365' && u.tier === 'village')).toBe(true);
      const byPop = (await c.get('/api/v1/units?parent=100&sort=-population&pageSize=100')).json().items.map((u: { population: { total: number } }) => u.population.total);
      expect(byPop).toEqual([...byPop].sort((a, b) => b - a));
      const byName = (await c.get('/api/v1/units?parent=100&sort=name&pageSize=100')).json().items.map((u: { name: string }) => u.name);
      expect(byName[0].localeCompare(byName[byName.length - 1], 'vi')).toBeLessThan(0);
      expect((await c.get('/api/v1/units?unit=03364.01')).statusCode).toBe(200);
      expect((await (await t.login('xa.natong')).get('/api/v1/units?unit=03364')).statusCode).toBe(404);
    });

    it('gives 404, not 403, for a unit of another commune', async () => {
      const c = await t.login('xa.natong');
      expect((await c.get('/api/v1/units/03365')).statusCode).toBe(200);
      const other = await c.get('/api/v1/units/03364');
      expect(other.statusCode).toBe(404);
      expect(other.json().error.code).toBe('NOT_FOUND');
      expect((await c.get('/api/v1/units?parent=03364')).statusCode).toBe(404);
      expect((await c.patch('/api/v1/units/03364.01', { version: 1, population: { byAge: { '0-11': 1, '12-17': 1, '18-49': 1, '50-64': 1, '65+': 1 } } })).statusCode).toBe(404);
    });

    it('edits a population, rolls it up, audits it, and refuses a stale version', async () => {
      const c = await t.login('xa.natong');
      const before = (await c.get('/api/v1/units/03365.01')).json();
      const commune = (await c.get('/api/v1/units/03365')).json();
      const byAge = { '0-11': 100, '12-17': 50, '18-49': 300, '50-64': 80, '65+': 40 };
      const res = await c.patch('/api/v1/units/03365.01', { version: before.version, population: { byAge } });
      expect(res.statusCode).toBe(200);
      expect(res.json().population).toMatchObject({ total: 570, byAge, source: 'own', isDemo: false });
      const communeAfter = (await c.get('/api/v1/units/03365')).json();
      expect(communeAfter.population.total).toBe(commune.population.total - before.population.total + 570);
      expect(communeAfter.population.source).toBe('sum');

      const stale = await c.patch('/api/v1/units/03365.01', { version: before.version, population: { byAge } });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error).toMatchObject({ code: 'VERSION_CONFLICT', field: 'version' });

      const admin = await t.login('admin');
      const audit = (await admin.get('/api/v1/audit?entity=unit&entityId=03365.01')).json();
      expect(audit.items[0]).toMatchObject({ action: 'update', username: 'xa.natong', unitCode: '03365.01' });
      expect(audit.items[0].changes.population[1]).toEqual(byAge);
    });

    it('rejects bad population input with the field and a Vietnamese message, writing nothing', async () => {
      const c = await t.login('xa.natong');
      const before = (await c.get('/api/v1/units/03365.02')).json();
      const res = await c.patch('/api/v1/units/03365.02', { version: before.version, population: { byAge: { '0-11': -5, '12-17': 1, '18-49': 1, '50-64': 1, '65+': 1 } } });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.field).toBe('population.byAge.0-11');
      expect(res.json().error.message).toMatch(/Trường/);
      expect((await c.get('/api/v1/units/03365.02')).json()).toEqual(before);
    });

    it('lets only writers edit: health staff and observers are refused', async () => {
      for (const u of ['yte.natong', 'theodoi.dienbien']) {
        const c = await t.login(u);
        const unit = (await c.get('/api/v1/units/03365.03')).json();
        const res = await c.patch('/api/v1/units/03365.03', { version: unit.version, population: { byAge: { '0-11': 1, '12-17': 1, '18-49': 1, '50-64': 1, '65+': 1 } } });
        expect(res.statusCode).toBe(403);
      }
    });

    it('exports the visible subtree to XLSX with Vietnamese headers', async () => {
      const c = await t.login('xa.natong');
      const res = await c.get('/api/v1/units/export.xlsx');
      expect(res.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0];
      expect(ws.getRow(1).getCell(1).value).toBe('Mã');
      expect(ws.getRow(1).getCell(2).value).toBe('Tên');
      const codes: string[] = [];
      ws.eachRow((r, n) => { if (n > 1) codes.push(String(r.getCell(1).value)); });
      expect(codes[0]).toBe('03365');
      expect(codes.every((code) => code.startsWith('03365'))).toBe(true);
      expect(codes.length).toBeGreaterThan(3);
    });
  });
}
