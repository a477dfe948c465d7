import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../test/app.js';
import { testEngines } from '../test/db.js';
import { daysAgo, today } from '../test/cases.js';
import { readTable } from '../lib/spreadsheet.js';

for (const engine of await testEngines()) {
  describe(`lockdown zones [${engine}]`, () => {
    let t: TestApp;
    let natong: Client;

    beforeAll(async () => {
      t = await startTestApp(engine);
      natong = await t.login('xa.natong');
    });
    afterAll(async () => { await t?.close(); });

    it('declares a zone, records testing rounds with the share tested, lifts it', async () => {
      const res = await natong.post('/api/v1/lockdown-zones', {
        name: 'Phong tỏa Bản Hát Tao', unitCode: '03365', villageCodes: ['03365.01'], addresses: 'Nhà văn hóa bản và 5 hộ liền kề', startDate: daysAgo(5), reason: 'Ổ dịch 4 ca F0 trong cộng đồng',
      });
      expect(res.statusCode, res.body).toBe(201);
      let zone = res.json();
      expect(zone).toMatchObject({ status: 'active', villageCodes: ['03365.01'], targetPct: 100, rounds: [], version: 1 });

      const first = await natong.post(`/api/v1/lockdown-zones/${zone.id}/rounds`, { version: 1, date: daysAgo(4), residents: 240, tested: 180, positives: 3 });
      expect(first.statusCode, first.body).toBe(201);
      zone = first.json();
      expect(zone.rounds).toEqual([expect.objectContaining({ roundNo: 1, sharePct: 75, meetsTarget: false })]);
      const second = await natong.post(`/api/v1/lockdown-zones/${zone.id}/rounds`, { version: zone.version, date: daysAgo(1), residents: 240, tested: 240, positives: 0 });
      zone = second.json();
      expect(zone.rounds[1]).toMatchObject({ roundNo: 2, sharePct: 100, meetsTarget: true });
      expect((await natong.post(`/api/v1/lockdown-zones/${zone.id}/rounds`, { version: 1, date: today, residents: 1, tested: 1, positives: 0 })).statusCode).toBe(409);

      const bad: [Record<string, unknown>, string][] = [
        [{ date: daysAgo(9), residents: 10, tested: 10, positives: 0 }, 'date'],
        [{ date: today, residents: 10, tested: 11, positives: 0 }, 'tested'],
        [{ date: today, residents: 10, tested: 5, positives: 6 }, 'positives'],
        [{ date: today, residents: -1, tested: 0, positives: 0 }, 'residents'],
      ];
      for (const [body, field] of bad) {
        const r = await natong.post(`/api/v1/lockdown-zones/${zone.id}/rounds`, { version: zone.version, ...body });
        expect(r.statusCode, JSON.stringify(body)).toBe(400);
        expect(r.json().error.field).toBe(field);
      }

      const lifted = await natong.patch(`/api/v1/lockdown-zones/${zone.id}`, { version: zone.version, status: 'lifted' });
      expect(lifted.statusCode, lifted.body).toBe(200);
      // Lifting touches the status only: the places stay as declared.
      expect(lifted.json()).toMatchObject({ status: 'lifted', endDate: today, villageCodes: ['03365.01'], addresses: 'Nhà văn hóa bản và 5 hộ liền kề' });
      expect((await natong.patch(`/api/v1/lockdown-zones/${zone.id}`, { version: zone.version, reason: 'Lý do cũ' })).statusCode).toBe(409);

      const xlsx = await natong.get('/api/v1/lockdown-zones/export.xlsx?unit=03365');
      expect(JSON.stringify(await readTable(xlsx.rawPayload, 'x.xlsx'))).toContain('Phong tỏa Bản Hát Tao');
      const observer = await t.login('theodoi.dienbien');
      expect((await observer.get('/api/v1/lockdown-zones?unit=03365')).json().items[0].rounds[1].sharePct).toBe(100);
      expect((await observer.post('/api/v1/lockdown-zones', { name: 'Phong tỏa X', unitCode: '03365', villageCodes: ['03365.01'], startDate: today, reason: 'Thử nghiệm' })).statusCode).toBe(403);
    });

    it('refuses zones without places, outside the unit, or with dates out of order', async () => {
      const base = { name: 'Phong tỏa thử', unitCode: '03365', startDate: daysAgo(1), reason: 'Thử nghiệm' };
      expect((await natong.post('/api/v1/lockdown-zones', base)).json().error.field).toBe('villageCodes');
      expect((await natong.post('/api/v1/lockdown-zones', { ...base, villageCodes: ['03364.01'] })).json().error.field).toBe('villageCodes');
      expect((await natong.post('/api/v1/lockdown-zones', { ...base, addresses: 'Chợ', endDate: daysAgo(2) })).json().error.field).toBe('endDate');
      expect((await natong.post('/api/v1/lockdown-zones', { ...base, addresses: 'Chợ', unitCode: '100' })).json().error.field).toBe('unitCode');
    });
  });
}
