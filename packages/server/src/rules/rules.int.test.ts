import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '@pcd/core';
import { startTestApp, type Client, type TestApp } from '../test/app.js';
import { testEngines } from '../test/db.js';
import { daysAgo, registerCase, resident, today } from '../test/cases.js';

type Field = { key: string; value: unknown; inheritedValue: unknown; defaultValue: unknown; fromUnit: { code: string; name: string } | null; text: string };
type View = { unit: { code: string } | null; canEdit: boolean; ruleSets: { key: string; source: string; fields: Field[]; own: { version: number; overrides: Record<string, unknown> } | null }[] };
const field = (v: View, key: string, name: string) => v.ruleSets.find((r) => r.key === key)!.fields.find((f) => f.key === name)!;
const own = (v: View, key: string) => v.ruleSets.find((r) => r.key === key)!.own;

for (const engine of await testEngines()) {
  describe(`medical rule settings per province and district [${engine}]`, () => {
    let t: TestApp;
    let province: Client; // administrator of Điện Biên province (11)
    let district: Client; // command of Điện Biên district (100), which holds Na Tông and Mường Nhà
    let natong: Client;
    let lienhuong: Client; // a town in Bình Thuận (60), another province
    let lienhuongVillage: string;

    beforeAll(async () => {
      t = await startTestApp(engine);
      [province, district, natong, lienhuong] = await Promise.all(['tinh.dienbien', 'huyen.dienbien', 'xa.natong', 'tt.lienhuong'].map((u) => t.login(u)));
      lienhuongVillage = (await lienhuong.get('/api/v1/units?parent=22969')).json().items[0].code;
    });
    afterAll(async () => { await t?.close(); });

    it('shows the defaults with their legal source before anyone sets anything', async () => {
      const res = await natong.get('/api/v1/rule-settings');
      expect(res.statusCode, res.body).toBe(200);
      const v = res.json() as View;
      expect(v).toMatchObject({ unit: { code: '03365' }, canEdit: false });
      expect(v.ruleSets.map((r) => r.key)).toEqual(['home_treatment', 'home_care', 'contact_follow_up', 'quarantine']);
      expect(v.ruleSets.find((r) => r.key === 'home_care')!.source).toContain('4156/QĐ-BYT');
      expect(field(v, 'home_care', 'maxSpo2ForAlert')).toMatchObject({ value: 95, defaultValue: 95, fromUnit: null, text: '95 %' });
      expect((await district.get('/api/v1/rule-settings')).json().canEdit).toBe(true);
    });

    it('a province threshold of SpO2 94 silences a 95 reading there, not in another province', async () => {
      const set = await province.request('PUT', '/api/v1/rule-settings/home_care', { unit: '11', overrides: { maxSpo2ForAlert: 94 } });
      expect(set.statusCode, set.body).toBe(200);
      expect(own(set.json(), 'home_care')).toMatchObject({ version: 1, overrides: { maxSpo2ForAlert: 94 } });

      const seen = (await natong.get('/api/v1/rule-settings')).json() as View;
      expect(field(seen, 'home_care', 'maxSpo2ForAlert')).toMatchObject({ value: 94, defaultValue: 95, fromUnit: { code: '11' } });
      expect(field(seen, 'home_care', 'checkinsPerDay')).toMatchObject({ value: 2, fromUnit: null });

      const here = await registerCase(natong, (await resident(natong, 'Lò Văn Chín Lăm')).id);
      const quiet = await natong.post(`/api/v1/care/${here.id}/checkins`, { spo2: 95, respiratoryRate: 16 });
      expect(quiet.statusCode, quiet.body).toBe(201);
      expect(quiet.json().alerts).toEqual([]);
      expect(quiet.json().checkin.warningSigns).toEqual([]);
      const low = await natong.post(`/api/v1/care/${here.id}/checkins`, { spo2: 94, respiratoryRate: 16 });
      expect(low.json().alerts[0].signs).toEqual(['low_spo2']);

      const person = (await lienhuong.post('/api/v1/people', { fullName: 'Nguyễn Văn Chín Lăm', birthYear: 1985, unitCode: lienhuongVillage })).json();
      const there = await registerCase(lienhuong, person.id);
      const alerted = await lienhuong.post(`/api/v1/care/${there.id}/checkins`, { spo2: 95, respiratoryRate: 16 });
      expect(alerted.statusCode, alerted.body).toBe(201);
      expect(alerted.json().alerts[0].signs).toEqual(['low_spo2']);
    });

    it('a district F1 quarantine of 10 days applies to a new F1 there and to F1 quarantine, and a district value wins over its province', async () => {
      const set = await district.request('PUT', '/api/v1/rule-settings/contact_follow_up', { unit: '100', overrides: { f1UnvaccinatedDays: 10, f1UnvaccinatedTestDays: [1, 10] } });
      expect(set.statusCode, set.body).toBe(200);
      const f0 = await registerCase(natong, (await resident(natong, 'Lò Văn Nguồn')).id);
      const neighbour = await resident(natong, 'Lò Thị Hàng Xóm');
      const c = await natong.post(`/api/v1/cases/${f0.id}/contacts`, { personId: neighbour.id, relation: 'neighbour', lastExposure: daysAgo(1), vaccinationDoses: 0 });
      expect(c.statusCode, c.body).toBe(201);
      expect(c.json().obligation).toMatchObject({ kind: 'contact_f1', endDate: addDays(daysAgo(1), 9) });
      const ob = (await natong.get(`/api/v1/obligations/${c.json().obligation.id}`)).json();
      expect(ob.tests.map((x: { day: number }) => x.day)).toEqual([1, 10]);

      const q = await natong.post('/api/v1/quarantine/episodes', { personId: (await resident(natong, 'Lò Văn Cách Ly')).id, kind: 'home', reason: 'f1', startDate: today, vaccinationDoses: 0 });
      expect(q.statusCode, q.body).toBe(201);
      expect(q.json()).toMatchObject({ plannedEnd: addDays(today, 9), ruleName: 'F1 chưa tiêm đủ liều: cách ly 10 ngày, xét nghiệm ngày 1 và ngày 10' });

      // Elsewhere the default 14 days still apply.
      const lf0 = await registerCase(lienhuong, (await lienhuong.post('/api/v1/people', { fullName: 'Trần Văn Nguồn', birthYear: 1980, unitCode: lienhuongVillage })).json().id);
      const lp = (await lienhuong.post('/api/v1/people', { fullName: 'Trần Thị Tiếp Xúc', birthYear: 1982, unitCode: lienhuongVillage })).json();
      const lc = await lienhuong.post(`/api/v1/cases/${lf0.id}/contacts`, { personId: lp.id, relation: 'household', lastExposure: daysAgo(1), vaccinationDoses: 0 });
      expect(lc.json().obligation).toMatchObject({ endDate: addDays(daysAgo(1), 13) });

      // Province says 12, district 10: the nearer one applies, and the view says where each value comes from.
      const prov = await province.request('PUT', '/api/v1/rule-settings/contact_follow_up', { unit: '11', overrides: { f1UnvaccinatedDays: 12, f1UnvaccinatedTestDays: [1, 12], f2Days: 5 } });
      expect(prov.statusCode, prov.body).toBe(200);
      const v = (await natong.get('/api/v1/rule-settings')).json() as View;
      expect(field(v, 'contact_follow_up', 'f1UnvaccinatedDays')).toMatchObject({ value: 10, fromUnit: { code: '100' } });
      expect(field(v, 'contact_follow_up', 'f2Days')).toMatchObject({ value: 5, fromUnit: { code: '11' } });
      const dv = (await district.get('/api/v1/rule-settings')).json() as View;
      expect(field(dv, 'contact_follow_up', 'f1UnvaccinatedDays')).toMatchObject({ value: 10, inheritedValue: 12, defaultValue: 14 });
    });

    it('home treatment criteria of the unit decide a new case\'s eligibility', async () => {
      const older = { birthYear: Number(today.slice(0, 4)) - 56 };
      const before = await registerCase(natong, (await resident(natong, 'Lò Văn Năm Sáu', older)).id, { vaccinationDoses: 0 });
      expect(before.carePlace).toBe('facility_t1');
      const set = await province.request('PUT', '/api/v1/rule-settings/home_treatment', { unit: '11', overrides: { maxAge: 60, fullyVaccinatedMaxAge: 65 } });
      expect(set.statusCode, set.body).toBe(200);
      const after = await registerCase(natong, (await resident(natong, 'Lò Thị Năm Sáu', older)).id, { vaccinationDoses: 0 });
      expect(after.carePlace).toBe('home');
      expect((await natong.get(`/api/v1/cases/${after.id}`)).json().homeTreatment.eligible).toBe(true);
    });

    it('names the wrong field, checks test days against the duration, and refuses communes and stale versions', async () => {
      const bad = async (c: Client, key: string, body: unknown, status: number, f?: string) => {
        const res = await c.request('PUT', `/api/v1/rule-settings/${key}`, body);
        expect(res.statusCode, res.body).toBe(status);
        if (f) expect(res.json().error.field).toBe(f);
        return res;
      };
      const spo2 = await bad(district, 'home_care', { unit: '100', overrides: { maxSpo2ForAlert: 70 } }, 400, 'overrides.maxSpo2ForAlert');
      expect(spo2.json().error.message).toContain('từ 80 đến 100');
      await bad(district, 'home_care', { unit: '100', overrides: { spo2Alert: 94 } }, 400, 'overrides.spo2Alert');
      await bad(district, 'home_care', { unit: '100', overrides: {} }, 400, 'overrides');
      // The province's 12 days are what the district's test days are checked against.
      await bad(district, 'contact_follow_up', { unit: '100', version: 1, overrides: { f1UnvaccinatedTestDays: [1, 13] } }, 400, 'overrides.f1UnvaccinatedTestDays');
      await bad(district, 'contact_follow_up', { unit: '100', version: 1, overrides: { f1VaccinatedTestDays: [7, 1] } }, 400, 'overrides.f1VaccinatedTestDays');
      await bad(district, 'quarantine', { unit: '03365', overrides: { otherDays: 10, otherTestDays: [1, 10] } }, 400, 'unit');
      await bad(district, 'nonsense', { unit: '100', overrides: { x: 1 } }, 400, 'key');

      await bad(natong, 'home_care', { unit: '03365', overrides: { maxSpo2ForAlert: 94 } }, 403);
      await bad(await t.login('yte.natong'), 'home_care', { unit: '03365', overrides: { maxSpo2ForAlert: 94 } }, 403);
      // Outside the caller's area: not found, whatever the role.
      await bad(district, 'home_care', { unit: '11', overrides: { maxSpo2ForAlert: 93 } }, 404);
      await bad(district, 'home_care', { unit: '60', overrides: { maxSpo2ForAlert: 93 } }, 404);

      await bad(province, 'home_care', { unit: '11', overrides: { maxSpo2ForAlert: 93 } }, 409, 'version');
      await bad(province, 'home_care', { unit: '11', version: 7, overrides: { maxSpo2ForAlert: 93 } }, 409, 'version');
      await bad(district, 'quarantine', { unit: '100', version: 1, overrides: { otherDays: 10, otherTestDays: [1, 10] } }, 409, 'version');
      const ok = await bad(province, 'home_care', { unit: '11', version: 1, overrides: { maxSpo2ForAlert: 93, graceHours: 3 } }, 200);
      expect(own(ok.json(), 'home_care')).toMatchObject({ version: 2, overrides: { maxSpo2ForAlert: 93, graceHours: 3 } });
      await bad(province, 'home_care', { unit: '11', version: 1, overrides: { maxSpo2ForAlert: 92 } }, 409, 'version');
    });

    it('a district returns to the rules above it; every change is audited', async () => {
      expect((await natong.request('DELETE', '/api/v1/rule-settings/contact_follow_up?unit=100&version=1')).statusCode).toBe(404);
      expect((await district.request('DELETE', '/api/v1/rule-settings/contact_follow_up?unit=100&version=5')).statusCode).toBe(409);
      const back = await district.request('DELETE', '/api/v1/rule-settings/contact_follow_up?unit=100&version=1');
      expect(back.statusCode, back.body).toBe(200);
      const v = back.json() as View;
      expect(own(v, 'contact_follow_up')).toBeNull();
      expect(field(v, 'contact_follow_up', 'f1UnvaccinatedDays')).toMatchObject({ value: 12, fromUnit: { code: '11' } });
      expect((await district.request('DELETE', '/api/v1/rule-settings/contact_follow_up?unit=100&version=1')).statusCode).toBe(404);

      const log = await t.testDb.handle.db.selectFrom('audit_log').select(['action', 'unit_code', 'changes']).where('entity', '=', 'rule_setting').orderBy('id').execute();
      expect(log.map((l) => `${l.action} ${l.unit_code}`)).toEqual([
        'create 11', 'create 100', 'create 11', 'create 11', 'update 11', 'delete 100',
      ]);
      expect(JSON.parse(log[4].changes!)).toMatchObject({ ruleKey: [null, 'home_care'], overrides: [{ maxSpo2ForAlert: 94 }, { maxSpo2ForAlert: 93, graceHours: 3 }] });
    });

    it('overdue check-ins follow the schedule of the unit that manages the case', async () => {
      // Province 11 now allows 3 hours of grace after the 12-hour interval: 14 hours since the last contact is not yet missed there.
      const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
      const here = await registerCase(natong, (await resident(natong, 'Lò Văn Muộn')).id);
      const person = (await lienhuong.post('/api/v1/people', { fullName: 'Nguyễn Văn Muộn', birthYear: 1985, unitCode: lienhuongVillage })).json();
      const there = await registerCase(lienhuong, person.id);
      await t.testDb.handle.db.updateTable('case_care_places').set({ created_at: hoursAgo(14.5) }).where('case_id', 'in', [here.id, there.id]).execute();
      const natongOverdue = (await natong.get('/api/v1/care/overdue?pageSize=500')).json().items.map((o: { caseId: number }) => o.caseId);
      const lienhuongOverdue = (await lienhuong.get('/api/v1/care/overdue?pageSize=500')).json().items;
      expect(natongOverdue).not.toContain(here.id);
      expect(lienhuongOverdue.map((o: { caseId: number }) => o.caseId)).toContain(there.id);
      const since = lienhuongOverdue.find((o: { caseId: number }) => o.caseId === there.id).overdueSince;
      expect(Math.abs(Date.parse(since) - (Date.now() - 0.5 * 3_600_000))).toBeLessThan(120_000);
    });

    it('a province cannot change or drop a value that a district below it relies on', async () => {
      // The province's F2 watch is 5 days; the district tests its F2 on day 5, which only holds while the 5 days do.
      const mine = await district.request('PUT', '/api/v1/rule-settings/contact_follow_up', { unit: '100', overrides: { f2TestDays: [5] } });
      expect(mine.statusCode, mine.body).toBe(200);
      const shorter = await province.request('PUT', '/api/v1/rule-settings/contact_follow_up', { unit: '11', version: 1, overrides: { f1UnvaccinatedDays: 12, f1UnvaccinatedTestDays: [1, 12], f2Days: 3 } });
      expect(shorter.statusCode, shorter.body).toBe(400);
      expect(shorter.json().error.field).toBe('overrides.f2Days');
      expect(shorter.json().error.message).toContain('(100)');
      // Without the province's setting the default 7 days apply; a district test on day 9 would fall after them.
      const longer = await district.request('PUT', '/api/v1/rule-settings/contact_follow_up', { unit: '11', version: 1, overrides: { f1UnvaccinatedDays: 12, f1UnvaccinatedTestDays: [1, 12], f2Days: 9 } });
      expect(longer.statusCode).toBe(404);
      const wider = await province.request('PUT', '/api/v1/rule-settings/contact_follow_up', { unit: '11', version: 1, overrides: { f1UnvaccinatedDays: 12, f1UnvaccinatedTestDays: [1, 12], f2Days: 9 } });
      expect(wider.statusCode, wider.body).toBe(200);
      expect((await district.request('PUT', '/api/v1/rule-settings/contact_follow_up', { unit: '100', version: 1, overrides: { f2TestDays: [5, 9] } })).statusCode).toBe(200);
      const drop = await province.request('DELETE', '/api/v1/rule-settings/contact_follow_up?unit=11&version=2');
      expect(drop.statusCode, drop.body).toBe(400);
      expect(drop.json().error.field).toBe('unit');
      const v = (await natong.get('/api/v1/rule-settings')).json() as View;
      expect(field(v, 'contact_follow_up', 'f2Days')).toMatchObject({ value: 9, fromUnit: { code: '11' } });
    });
  });
}
