import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, CARE_PLACES } from '@pcd/core';
import { startTestApp, type Client, type TestApp } from '../test/app.js';
import { testEngines } from '../test/db.js';
import { readTable } from '../lib/spreadsheet.js';
import { MUONG_NHA_VILLAGE, daysAgo, registerCase, resident, today } from '../test/cases.js';

const FROM = daysAgo(10);

for (const engine of await testEngines()) {
  describe(`case statistics [${engine}]`, () => {
    let t: TestApp;
    let natong: Client;
    let muongnha: Client;

    /** The figures of one day counted straight from the records, one question at a time. */
    async function directCount(unitPath: string, day: string) {
      const db = t.testDb.handle.db;
      const n = async (qb: { select: Function }) => Number((await (qb as any).select((eb: any) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      const cases = () => db.selectFrom('cases').where('unit_path', 'like', `${unitPath}%`);
      const periods = () => db.selectFrom('case_care_places as cp').innerJoin('cases', 'cases.id', 'cp.case_id').where('cases.unit_path', 'like', `${unitPath}%`)
        .where('cp.from_date', '<=', day).where((eb) => eb.or([eb('cp.to_date', 'is', null), eb('cp.to_date', '>', day)]));
      const byPlace: Record<string, number> = {};
      for (const p of CARE_PLACES) byPlace[p] = await n(periods().where('cp.place', '=', p));
      return {
        newCommunity: await n(cases().where('test_date', '=', day).where('detected_in', '=', 'community')),
        newQuarantine: await n(cases().where('test_date', '=', day).where('detected_in', '=', 'quarantine')),
        newLockdown: await n(cases().where('test_date', '=', day).where('detected_in', '=', 'lockdown')),
        active: await n(periods()),
        activeByPlace: byPlace,
        severeCritical: await n(periods().where('cp.severity', 'in', ['severe', 'critical'])),
        deaths: await n(cases().where('status', '=', 'died').where('death_date', '=', day)),
        recoveries: await n(cases().where('status', '=', 'recovered').where('discharge_date', '=', day)),
      };
    }

    beforeAll(async () => {
      t = await startTestApp(engine);
      natong = await t.login('xa.natong');
      muongnha = await t.login('xa.muongnha');
      const add = async (name: string, extra: Record<string, unknown>) => registerCase(natong, (await resident(natong, name)).id, extra);
      await add('Lò Văn Một', { testDate: daysAgo(9), onsetDate: daysAgo(10) });
      await add('Lò Văn Hai', { testDate: daysAgo(9), onsetDate: null, detectedIn: 'quarantine' });
      await add('Lò Văn Ba', { testDate: daysAgo(6), onsetDate: null, detectedIn: 'lockdown', severity: 'asymptomatic' });
      const worse = await add('Lò Văn Bốn', { testDate: daysAgo(8), onsetDate: daysAgo(8), severity: 'moderate', carePlace: 'facility_t2' });
      const moved = await natong.post(`/api/v1/cases/${worse.id}/care-places`, { version: 1, place: 'facility_t3_icu', date: daysAgo(5), reason: 'Suy hô hấp', severity: 'critical' });
      expect(moved.statusCode, moved.body).toBe(201);
      expect((await natong.patch(`/api/v1/cases/${worse.id}`, { version: 2, status: 'died', deathDate: daysAgo(3), deathPlace: 'hospital' })).statusCode).toBe(200);
      const healed = await add('Lò Văn Năm', { testDate: daysAgo(7), onsetDate: null });
      expect((await natong.patch(`/api/v1/cases/${healed.id}`, { version: 1, status: 'recovered', dischargeDate: daysAgo(1) })).statusCode).toBe(200);
      await add('Lò Văn Sáu', { testDate: daysAgo(20), onsetDate: null });
      const other = (await muongnha.post('/api/v1/people', { fullName: 'Quàng Văn Bảy', birthYear: 1970, unitCode: MUONG_NHA_VILLAGE })).json();
      await registerCase(muongnha, other.id, { testDate: daysAgo(4), onsetDate: null });
    });
    afterAll(async () => { await t?.close(); });

    it('gives daily figures equal to direct counts of the records', async () => {
      const res = await natong.get(`/api/v1/stats/cases?unit=03365&from=${FROM}&to=${today}`);
      expect(res.statusCode, res.body).toBe(200);
      const s = res.json();
      expect(s.days).toHaveLength(11);
      const path = (await t.testDb.handle.db.selectFrom('units').select('path').where('code', '=', '03365').executeTakeFirstOrThrow()).path;
      for (const d of s.days) {
        expect(d, d.date).toMatchObject(await directCount(path, d.date));
      }
      expect(s.totals).toMatchObject({ newCommunity: 3, newQuarantine: 1, newLockdown: 1, newTotal: 5, deaths: 1, recoveries: 1, active: 4, severeCritical: 0 });
      expect(s.days.find((d: { date: string }) => d.date === daysAgo(4))).toMatchObject({ severeCritical: 1, activeByPlace: { facility_t3_icu: 1 } });
      // Every case is managed in Bản Hát Tao, so the village's figures are the commune's.
      expect(s.units.find((u: { unitCode: string }) => u.unitCode === '03365.01').totals).toEqual(s.totals);
    });

    it('adds communes up for the district and keeps another commune\'s figures from a commune', async () => {
      const district = (await (await t.login('huyen.dienbien')).get(`/api/v1/stats/cases?unit=100&from=${FROM}&to=${today}`)).json();
      const byUnit = Object.fromEntries(district.units.map((u: { unitCode: string; totals: { newTotal: number } }) => [u.unitCode, u.totals.newTotal]));
      expect(byUnit['03365']).toBe(5);
      expect(byUnit['03364']).toBe(1);
      expect(district.totals.newTotal).toBe(6);
      expect((await natong.get('/api/v1/stats/cases?unit=03364')).statusCode).toBe(404);
      const bad = await natong.get(`/api/v1/stats/cases?unit=03365&from=${today}&to=${daysAgo(1)}`);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.field).toBe('to');
    });

    it('lets an observer read figures and export them, without any personal data', async () => {
      const observer = await t.login('theodoi.dienbien');
      const res = await observer.get(`/api/v1/stats/cases?unit=100&from=${FROM}&to=${today}`);
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toMatch(/Lò Văn|Quàng Văn/);
      expect(res.json().totals.newTotal).toBe(6);
      expect((await observer.get('/api/v1/cases')).statusCode).toBe(403);
      const xlsx = await observer.get(`/api/v1/stats/cases/export.xlsx?unit=100&from=${addDays(today, -2)}&to=${today}`);
      expect(xlsx.statusCode).toBe(200);
      const sheet = await readTable(xlsx.rawPayload, 's.xlsx');
      expect(sheet.headers.slice(0, 4)).toEqual(['Mã đơn vị', 'Đơn vị', 'Ngày', 'F0 mới trong cộng đồng']);
      // Three days for the district and for each of its communes.
      expect(sheet.rows.filter((r) => r.cells[0] === '100')).toHaveLength(3);
      expect(sheet.rows.filter((r) => r.cells[0] === '03365')).toHaveLength(3);
    });
  });
}
