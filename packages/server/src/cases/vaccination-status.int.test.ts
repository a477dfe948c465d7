import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planContactFollowUp } from '@pcd/core';
import { startTestApp, type Client, type TestApp } from '../test/app.js';
import { testEngines } from '../test/db.js';
import { daysAgo, registerCase, resident } from '../test/cases.js';

async function dose(c: Client, personId: number, n: number, ago: number, product = 'astrazeneca') {
  const res = await c.post('/api/v1/vaccinations', { personId, product, dose: n, date: daysAgo(ago) });
  expect(res.statusCode, res.body).toBe(201);
}

for (const engine of await testEngines()) {
  describe(`vaccination status of cases and contacts from dose records [${engine}]`, () => {
    let t: TestApp;
    let natong: Client;

    beforeAll(async () => {
      t = await startTestApp(engine);
      natong = await t.login('xa.natong');
    });
    afterAll(async () => { await t?.close(); });

    it('counts the recorded doses given by the test date, over what was typed', async () => {
      const twice = await resident(natong, 'Lò Văn Hai Mũi');
      await dose(natong, twice.id, 1, 120);
      await dose(natong, twice.id, 2, 60);
      const c = await registerCase(natong, twice.id, { vaccinationDoses: 0 });
      expect(c).toMatchObject({ vaccinationDoses: 2, vaccinationSource: 'records' });
      const detail = (await natong.get(`/api/v1/cases/${c.id}`)).json();
      expect(detail).toMatchObject({ vaccinationDoses: 2, vaccinationSource: 'records' });
      expect(detail.homeTreatment.reasons.length).toBeGreaterThan(0);
      const listed = (await natong.get('/api/v1/cases?q=lo%20van%20hai%20mui')).json().items;
      expect(listed.map((x: { id: number; vaccinationDoses: number; vaccinationSource: string }) => [x.id, x.vaccinationDoses, x.vaccinationSource])).toEqual([[c.id, 2, 'records']]);
      // A later correction of the typed figure does not override the records.
      const patched = await natong.patch(`/api/v1/cases/${c.id}`, { version: detail.version, vaccinationDoses: 0 });
      expect(patched.statusCode, patched.body).toBe(200);
      expect(patched.json()).toMatchObject({ vaccinationDoses: 2, vaccinationSource: 'records' });
    });

    it('leaves out a dose given after the test date, and recounts when the test date is corrected', async () => {
      const late = await resident(natong, 'Cà Thị Tiêm Muộn', { sex: 'female' });
      await dose(natong, late.id, 1, 100);
      await dose(natong, late.id, 2, 1);
      const c = await registerCase(natong, late.id, { testDate: daysAgo(2), onsetDate: daysAgo(3), vaccinationDoses: 2 });
      expect(c).toMatchObject({ vaccinationDoses: 1, vaccinationSource: 'records' });
      const moved = await natong.patch(`/api/v1/cases/${c.id}`, { version: c.version, testDate: daysAgo(1), onsetDate: daysAgo(3) });
      expect(moved.statusCode, moved.body).toBe(200);
      expect(moved.json()).toMatchObject({ testDate: daysAgo(1), vaccinationDoses: 2, vaccinationSource: 'records' });
    });

    it('keeps the typed figure only for people without dose records', async () => {
      const typed = await registerCase(natong, (await resident(natong, 'Lường Văn Khai Báo')).id, { vaccinationDoses: 1 });
      expect(typed).toMatchObject({ vaccinationDoses: 1, vaccinationSource: 'declared' });
      const unknown = await registerCase(natong, (await resident(natong, 'Lường Văn Chưa Rõ')).id, { vaccinationDoses: null });
      expect(unknown).toMatchObject({ vaccinationDoses: null, vaccinationSource: null });
    });

    it('puts a contact with two recorded doses before the exposure under the fully vaccinated F1 plan', async () => {
      const f0 = await registerCase(natong, (await resident(natong, 'Quàng Văn Nguồn')).id);
      const exposure = daysAgo(2);
      const full = planContactFollowUp('F1', 2, exposure);
      const notFull = planContactFollowUp('F1', 1, exposure);
      expect(full.endDate).not.toBe(notFull.endDate);

      const vaccinated = await resident(natong, 'Quàng Thị Đủ Liều', { sex: 'female' });
      await dose(natong, vaccinated.id, 1, 120, 'pfizer');
      await dose(natong, vaccinated.id, 2, 60, 'pfizer');
      const a = await natong.post(`/api/v1/cases/${f0.id}/contacts`, { personId: vaccinated.id, relation: 'household', lastExposure: exposure, vaccinationDoses: 0 });
      expect(a.statusCode, a.body).toBe(201);
      expect(a.json()).toMatchObject({ vaccinationDoses: 2, vaccinationSource: 'records', obligation: { kind: 'contact_f1', startDate: full.startDate, endDate: full.endDate } });

      // A dose on the day of the exposure gives no protection yet.
      const sameDay = await resident(natong, 'Quàng Văn Cùng Ngày');
      await dose(natong, sameDay.id, 1, 60);
      await dose(natong, sameDay.id, 2, 2);
      const b = await natong.post(`/api/v1/cases/${f0.id}/contacts`, { personId: sameDay.id, relation: 'neighbour', lastExposure: exposure, vaccinationDoses: 2 });
      expect(b.statusCode, b.body).toBe(201);
      expect(b.json()).toMatchObject({ vaccinationDoses: 1, vaccinationSource: 'records', obligation: { endDate: notFull.endDate } });
      // A corrected exposure date after the second dose recounts it and re-plans the follow-up.
      const fixed = await natong.patch(`/api/v1/contacts/${b.json().id}`, { version: b.json().version, lastExposure: daysAgo(1) });
      expect(fixed.statusCode, fixed.body).toBe(200);
      expect(fixed.json()).toMatchObject({ vaccinationDoses: 2, vaccinationSource: 'records', obligation: { endDate: planContactFollowUp('F1', 2, daysAgo(1)).endDate } });

      // The course of the product decides "đủ liều": one Janssen dose is complete.
      const janssen = await resident(natong, 'Quàng Văn Một Mũi');
      await dose(natong, janssen.id, 1, 90, 'janssen');
      const j = await natong.post(`/api/v1/cases/${f0.id}/contacts`, { personId: janssen.id, relation: 'event', lastExposure: exposure });
      expect(j.statusCode, j.body).toBe(201);
      expect(j.json()).toMatchObject({ vaccinationDoses: 1, vaccinationSource: 'records', obligation: { endDate: full.endDate } });

      const typed = await natong.post(`/api/v1/cases/${f0.id}/contacts`, { personId: (await resident(natong, 'Quàng Văn Tự Khai')).id, relation: 'workplace', lastExposure: exposure, vaccinationDoses: 2 });
      expect(typed.json()).toMatchObject({ vaccinationDoses: 2, vaccinationSource: 'declared', obligation: { endDate: full.endDate } });
    });
  });
}
