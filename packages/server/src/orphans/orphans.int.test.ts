import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../test/app.js';
import { testEngines } from '../test/db.js';
import { daysAgo, registerCase, resident, today } from '../test/cases.js';
import { readTable } from '../lib/spreadsheet.js';

const year = Number(today.slice(0, 4));

for (const engine of await testEngines()) {
  describe(`deaths and orphaned children [${engine}]`, () => {
    let t: TestApp;
    let natong: Client;

    beforeAll(async () => {
      t = await startTestApp(engine);
      natong = await t.login('xa.natong');
    });
    afterAll(async () => { await t?.close(); });

    it('records a child under 16 who lost a parent, with support status, and counts by unit', async () => {
      const parent = await resident(natong, 'Lò Văn Mất', { birthYear: 1970 });
      const c = await registerCase(natong, parent.id, { vaccinationDoses: 0 });
      const child = await resident(natong, 'Lò Thị Côi', { birthYear: year - 10 });
      const adult = await resident(natong, 'Lò Văn Lớn', { birthYear: year - 17 });
      expect((await natong.post('/api/v1/orphans', { childPersonId: child.id, caseId: c.id, relation: 'parent' })).json().error.field).toBe('caseId');

      const died = await natong.patch(`/api/v1/cases/${c.id}`, { version: c.version, status: 'died', deathDate: daysAgo(1), deathPlace: 'hospital', deathCause: 'Suy hô hấp' });
      expect(died.statusCode, died.body).toBe(200);
      const tooOld = await natong.post('/api/v1/orphans', { childPersonId: adult.id, caseId: c.id, relation: 'parent' });
      expect(tooOld.statusCode).toBe(400);
      expect(tooOld.json().error).toMatchObject({ field: 'childPersonId' });
      expect(tooOld.json().error.message).toContain('dưới 16 tuổi');
      expect((await natong.post('/api/v1/orphans', { childPersonId: parent.id, caseId: c.id, relation: 'parent' })).json().error.field).toBe('childPersonId');
      expect((await natong.post('/api/v1/orphans', { childPersonId: child.id, caseId: c.id, relation: 'uncle' })).json().error.field).toBe('relation');

      const res = await natong.post('/api/v1/orphans', { childPersonId: child.id, caseId: c.id, relation: 'parent', supportStatus: 'proposed', supportNotes: 'Đề xuất hỗ trợ theo Nghị quyết 68' });
      expect(res.statusCode, res.body).toBe(201);
      const o = res.json();
      expect(o).toMatchObject({ childName: 'Lò Thị Côi', parentName: 'Lò Văn Mất', deathDate: daysAgo(1), supportStatus: 'proposed', version: 1 });
      expect((await natong.post('/api/v1/orphans', { childPersonId: child.id, caseId: c.id, relation: 'parent' })).statusCode).toBe(409);

      const up = await natong.patch(`/api/v1/orphans/${o.id}`, { version: 1, supportStatus: 'receiving' });
      expect(up.json()).toMatchObject({ supportStatus: 'receiving', version: 2 });
      expect((await natong.patch(`/api/v1/orphans/${o.id}`, { version: 1, supportStatus: 'none' })).statusCode).toBe(409);

      const stats = (await natong.get('/api/v1/stats/deaths-orphans?unit=03365')).json();
      expect(stats.totals).toMatchObject({ deaths: 1, orphans: 1, supportReceiving: 1 });
      expect(stats.rows.find((r: { unitCode: string }) => r.unitCode === '03365.01')).toMatchObject({ deaths: 1, orphans: 1 });
      expect((await natong.get(`/api/v1/stats/deaths-orphans?unit=03365&to=${daysAgo(2)}`)).json().totals).toMatchObject({ deaths: 0, orphans: 0 });
      expect((await natong.get(`/api/v1/stats/deaths-orphans?from=${today}&to=${daysAgo(2)}`)).json().error.field).toBe('from');
      const xlsx = await natong.get('/api/v1/stats/deaths-orphans/export.xlsx?unit=03365');
      expect(JSON.stringify(await readTable(xlsx.rawPayload, 'x.xlsx'))).toContain('Tổng Na Tông');
      const list = await natong.get('/api/v1/orphans/export.xlsx');
      expect(JSON.stringify(await readTable(list.rawPayload, 'x.xlsx'))).toContain('Lò Thị Côi');

      const observer = await t.login('theodoi.dienbien');
      expect((await observer.get('/api/v1/orphans')).statusCode).toBe(403);
      const seen = await observer.get('/api/v1/stats/deaths-orphans?unit=03365');
      expect(seen.statusCode).toBe(200);
      expect(seen.json().totals.orphans).toBe(1);
      expect(seen.body).not.toContain('Côi');
    });
  });
}
