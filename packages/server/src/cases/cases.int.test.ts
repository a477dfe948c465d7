import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '@pcd/core';
import { startTestApp, type Client, type TestApp } from '../test/app.js';
import { testEngines } from '../test/db.js';
import { daysAgo, positiveTest, registerCase, resident, today } from '../test/cases.js';

for (const engine of await testEngines()) {
  describe(`F0 cases [${engine}]`, () => {
    let t: TestApp;
    let natong: Client;
    let admin: Client;

    beforeAll(async () => {
      t = await startTestApp(engine);
      natong = await t.login('xa.natong');
      admin = await t.login('admin');
    });
    afterAll(async () => { await t?.close(); });

    it('registers an F0 from a positive test, with home-treatment eligibility and the first care period', async () => {
      const p = await resident(natong, 'Lò Văn Piềng', { birthYear: 1985, phone: '0912345678' });
      const res = await natong.post('/api/v1/cases', { personId: p.id, ...positiveTest() });
      expect(res.statusCode, res.body).toBe(201);
      const c = res.json();
      expect(c).toMatchObject({
        person: { id: p.id, fullName: 'Lò Văn Piềng', phone: '0912345678' }, unitCode: '03365.01', testType: 'rt_pcr', testDate: daysAgo(2),
        detectedIn: 'community', severity: 'mild', carePlace: 'home', status: 'active', version: 1, homeTreatment: { eligible: true },
      });
      const detail = (await natong.get(`/api/v1/cases/${c.id}`)).json();
      expect(detail.carePlaces).toMatchObject([{ place: 'home', severity: 'mild', fromDate: daysAgo(2), toDate: null }]);
      const audit = (await admin.get(`/api/v1/audit?entity=case&entityId=${c.id}`)).json();
      expect(audit.items.map((e: { action: string }) => e.action).sort()).toEqual(['create', 'read']);

      // A new person typed in goes through the registry; an older, unvaccinated one is not for home treatment.
      const elder = await natong.post('/api/v1/cases', { person: { fullName: 'Cà Văn Khằm', birthYear: 1950, unitCode: '03365.01' }, ...positiveTest({ vaccinationDoses: 0 }) });
      expect(elder.statusCode, elder.body).toBe(201);
      expect(elder.json().carePlace).toBe('facility_t1');
      expect(elder.json().homeTreatment.reasons.find((r: { criterion: string }) => r.criterion === 'age')).toMatchObject({ outcome: 'unmet' });
      expect((await natong.get(`/api/v1/people?q=ca%20van%20kham`)).json().total).toBe(1);
    });

    it('refuses bad input with the field at fault', async () => {
      const p = await resident(natong, 'Quàng Văn Xôm');
      const bad: [Record<string, unknown>, number, string][] = [
        [positiveTest({ onsetDate: daysAgo(1) }), 400, 'onsetDate'],
        [positiveTest({ testDate: addDays(today, 1) }), 400, 'testDate'],
        [positiveTest({ severity: 'critical', carePlace: 'home' }), 400, 'carePlace'],
        [positiveTest({ severity: 'severe', carePlace: 'community_care' }), 400, 'carePlace'],
        [positiveTest({ detectedIn: 'market' }), 400, 'detectedIn'],
      ];
      for (const [body, status, field] of bad) {
        const res = await natong.post('/api/v1/cases', { personId: p.id, ...body });
        expect(res.statusCode, res.body).toBe(status);
        expect(res.json().error).toMatchObject({ field });
        expect(res.json().error.messageEn).toBeTruthy();
      }
      expect((await natong.post('/api/v1/cases', { ...positiveTest() })).json().error.field).toBe('personId');

      const first = await registerCase(natong, p.id);
      const dup = await natong.post('/api/v1/cases', { personId: p.id, ...positiveTest({ testDate: daysAgo(1) }) });
      expect(dup.statusCode).toBe(409);
      expect(dup.json().error).toMatchObject({ code: 'DUPLICATE_CASE', field: 'personId', existingId: first.id });
      expect(dup.json().error.message).toContain('F0');

      const patches: [Record<string, unknown>, string][] = [
        [{ status: 'recovered', dischargeDate: daysAgo(3) }, 'dischargeDate'],
        [{ status: 'died', deathDate: daysAgo(4), deathPlace: 'home' }, 'deathDate'],
        [{ status: 'died', deathDate: daysAgo(1) }, 'deathPlace'],
        [{ status: 'transferred_out', transferDate: daysAgo(1) }, 'transferTo'],
        [{ severity: 'critical' }, 'severity'],
      ];
      for (const [patch, field] of patches) {
        const res = await natong.patch(`/api/v1/cases/${first.id}`, { version: first.version, ...patch });
        expect(res.statusCode, JSON.stringify(patch)).toBe(400);
        expect(res.json().error.field).toBe(field);
      }
      // A chain is a tree: a case cannot descend from its own descendant.
      const child = await registerCase(natong, (await resident(natong, 'Quàng Thị Xôm')).id, { sourceCaseId: first.id });
      const loop = await natong.patch(`/api/v1/cases/${first.id}`, { version: first.version, sourceCaseId: child.id });
      expect(loop.statusCode).toBe(400);
      expect(loop.json().error.field).toBe('sourceCaseId');
      const stale = await natong.patch(`/api/v1/cases/${first.id}`, { version: first.version + 1, lab: 'Khác' });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error).toMatchObject({ code: 'VERSION_CONFLICT', field: 'version' });
    });

    it('transfers a worsening case up with a reason, then records death and closes the care history', async () => {
      const p = await resident(natong, 'Tòng Văn Hặc');
      const c = await registerCase(natong, p.id, { testDate: daysAgo(5), onsetDate: daysAgo(6) });
      const up = await natong.post(`/api/v1/cases/${c.id}/care-places`, {
        version: c.version, place: 'facility_t3_icu', facilityName: 'Bệnh viện Đa khoa tỉnh Điện Biên', date: daysAgo(2), reason: 'SpO2 giảm còn 90 %', severity: 'critical',
      });
      expect(up.statusCode, up.body).toBe(201);
      expect(up.json()).toMatchObject({ carePlace: 'facility_t3_icu', severity: 'critical', version: 2 });
      expect(up.json().carePlaces.map((x: { place: string; toDate: string | null }) => [x.place, x.toDate])).toEqual([['home', daysAgo(2)], ['facility_t3_icu', null]]);
      // Back home while critical is refused; so is a transfer dated before the last one.
      expect((await natong.post(`/api/v1/cases/${c.id}/care-places`, { version: 2, place: 'home', reason: 'Về nhà' })).json().error.field).toBe('place');
      expect((await natong.post(`/api/v1/cases/${c.id}/care-places`, { version: 2, place: 'hospital_upper', date: daysAgo(3), reason: 'Chuyển tuyến' })).json().error.field).toBe('date');

      const died = await natong.patch(`/api/v1/cases/${c.id}`, { version: 2, status: 'died', deathDate: daysAgo(1), deathPlace: 'hospital', deathCause: 'Suy hô hấp' });
      expect(died.statusCode, died.body).toBe(200);
      expect(died.json()).toMatchObject({ status: 'died', deathDate: daysAgo(1), version: 3 });
      const detail = (await natong.get(`/api/v1/cases/${c.id}`)).json();
      expect(detail.carePlaces[1]).toMatchObject({ place: 'facility_t3_icu', toDate: daysAgo(1) });
      expect((await natong.post(`/api/v1/cases/${c.id}/care-places`, { version: 3, place: 'hospital_upper', reason: 'Chuyển tuyến' })).json().error.field).toBe('status');
      const audit = (await admin.get(`/api/v1/audit?entity=case&entityId=${c.id}`)).json();
      expect(audit.items.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['transfer', 'outcome_died']));
    });

    it('records a recovery with its discharge test, and lets a mistaken outcome be withdrawn', async () => {
      const p = await resident(natong, 'Lường Thị Ún');
      const c = await registerCase(natong, p.id);
      const ok = await natong.patch(`/api/v1/cases/${c.id}`, { version: 1, status: 'recovered', dischargeDate: today, dischargeTestType: 'rapid_antigen', dischargeTestDate: today, dischargeTestResult: 'negative' });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({ status: 'recovered', dischargeDate: today, dischargeTestResult: 'negative' });
      // A positive test a week after the discharge is the same episode, not a new case.
      const again = await natong.post('/api/v1/cases', { personId: p.id, ...positiveTest({ testDate: today, onsetDate: null }) });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.field).toBe('testDate');
      const reopened = await natong.patch(`/api/v1/cases/${c.id}`, { version: 2, status: 'active' });
      expect(reopened.json()).toMatchObject({ status: 'active', dischargeDate: null, dischargeTestType: null });
      expect((await natong.get(`/api/v1/cases/${c.id}`)).json().carePlaces[0].toDate).toBeNull();
    });

    it('keeps cases in their commune: another commune, an observer and a filter get nothing', async () => {
      const muongnha = await t.login('xa.muongnha');
      const observer = await t.login('theodoi.dienbien');
      const list = (await natong.get('/api/v1/cases?unit=03365&status=active&pageSize=500')).json();
      expect(list.total).toBeGreaterThan(0);
      expect(list.items.every((c: { status: string; unitCode: string }) => c.status === 'active' && c.unitCode.startsWith('03365'))).toBe(true);
      expect((await natong.get('/api/v1/cases?q=lo%20van%20pieng')).json().items.map((c: { person: { fullName: string } }) => c.person.fullName)).toEqual(['Lò Văn Piềng']);
      expect((await natong.get('/api/v1/cases?severity=critical')).json().items.map((c: { status: string }) => c.status)).toEqual(['died']);
      expect((await muongnha.get('/api/v1/cases')).json().total).toBe(0);
      expect((await muongnha.get(`/api/v1/cases/${list.items[0].id}`)).statusCode).toBe(404);
      expect((await observer.get('/api/v1/cases')).statusCode).toBe(403);
      expect((await observer.get(`/api/v1/cases/${list.items[0].id}`)).statusCode).toBe(403);
      const xlsx = await natong.get('/api/v1/cases/export.xlsx?unit=03365');
      expect(xlsx.statusCode).toBe(200);
      expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    });

    it('carries cases along when two records of one person are merged', async () => {
      const a = await resident(natong, 'Điêu Văn Ọi', { birthYear: 1977 });
      const b = (await natong.post('/api/v1/people', { fullName: 'Điêu Văn Ọi', birthYear: 1977, unitCode: '03365.01' })).json();
      expect(b.probableDuplicates).toEqual([a.id]);
      const c = await registerCase(natong, b.id);
      const merged = await natong.post(`/api/v1/people/${a.id}/merge`, { otherId: b.id, version: a.version });
      expect(merged.statusCode, merged.body).toBe(200);
      expect((await natong.get(`/api/v1/cases/${c.id}`)).json().person.id).toBe(a.id);
      expect((await natong.post('/api/v1/cases', { personId: a.id, ...positiveTest() })).statusCode).toBe(409);
    });
  });
}
