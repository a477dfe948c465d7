import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../test/app.js';
import { testEngines } from '../test/db.js';

const VILLAGE = '03365.02';
type Dose = { id: number; dose: number; date: string; product: string; personId: number };

for (const engine of await testEngines()) {
  describe(`merging two person records with doses and follow-ups [${engine}]`, () => {
    let t: TestApp;
    let c: Client;
    const person = async (fullName: string, extra: Record<string, unknown> = {}) => {
      const res = await c.post('/api/v1/people', { fullName, birthYear: 1975, unitCode: VILLAGE, ...extra });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: number; version: number };
    };
    const dose = async (personId: number, n: number, date: string, product = 'astrazeneca') => {
      const res = await c.post('/api/v1/vaccinations', { personId, product, dose: n, date });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as Dose;
    };
    const dosesOf = async (personId: number) => {
      const res = await c.get(`/api/v1/people/${personId}/vaccinations`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().items as Dose[]).map((d) => [d.id, d.dose, d.date, d.product]).sort((a, b) => Number(a[1]) - Number(b[1]));
    };

    beforeAll(async () => {
      t = await startTestApp(engine);
      c = await t.login('xa.natong');
    });
    afterAll(async () => { await t?.close(); });

    it('counts an injection entered on both records once and numbers the rest by date', async () => {
      const keep = await person('Điêu Văn Gộp', { idNumber: '011075009901' });
      const other = await person('Dieu Van Gop', { phone: '0912000111' });
      // The commune entered the second injection as "dose 1"; the district's import has both.
      const second = await dose(keep.id, 1, '2021-09-05');
      const first = await dose(other.id, 1, '2021-08-01');
      const copy = await dose(other.id, 2, '2021-09-05');
      const booster = await dose(other.id, 3, '2022-01-10', 'pfizer');

      const res = await c.post(`/api/v1/people/${keep.id}/merge`, { otherId: other.id, version: keep.version });
      expect(res.statusCode, res.body).toBe(200);
      expect(await dosesOf(keep.id)).toEqual([
        [first.id, 1, '2021-08-01', 'astrazeneca'], [second.id, 2, '2021-09-05', 'astrazeneca'], [booster.id, 3, '2022-01-10', 'pfizer'],
      ]);
      expect((await c.get(`/api/v1/vaccinations/${copy.id}`)).statusCode).toBe(404);
      const audit = await t.testDb.handle.db.selectFrom('audit_log').select(['action', 'entity_id']).where('entity', '=', 'vaccination_dose').where('entity_id', 'in', [copy.id, second.id, first.id].map(String)).where('action', 'in', ['delete', 'update']).execute();
      expect(audit.map((a) => `${a.action}:${a.entity_id}`).sort()).toEqual([`delete:${copy.id}`, `update:${first.id}`, `update:${second.id}`].sort());
    });

    it('refuses a combined history that breaks the interval rules, names the doses, and changes nothing', async () => {
      const keep = await person('Lò Văn Khoảng Cách');
      const other = await person('Lo Van Khoang Cach');
      const a = await dose(keep.id, 1, '2021-08-01');
      const b = await dose(other.id, 1, '2021-08-15');
      const res = await c.post(`/api/v1/people/${keep.id}/merge`, { otherId: other.id, version: keep.version });
      expect(res.statusCode, res.body).toBe(409);
      const error = res.json().error;
      expect(error).toMatchObject({ code: 'MERGE_DOSES_CONFLICT', field: 'vaccinations' });
      expect(error.message).toContain(`mũi 2 (AstraZeneca, 15/08/2021; đang là mũi 1 của hồ sơ số ${other.id})`);
      expect(error.message).toContain('tối thiểu 28 ngày');
      expect(error.details).toHaveLength(1);
      expect((await c.get(`/api/v1/people/${other.id}`)).statusCode).toBe(200);
      expect(await dosesOf(keep.id)).toEqual([[a.id, 1, '2021-08-01', 'astrazeneca']]);
      expect(await dosesOf(other.id)).toEqual([[b.id, 1, '2021-08-15', 'astrazeneca']]);

      // Once the wrong entry is removed, the merge goes through.
      expect((await c.request('DELETE', `/api/v1/vaccinations/${b.id}?version=1`)).statusCode).toBeLessThan(300);
      const again = await c.post(`/api/v1/people/${keep.id}/merge`, { otherId: other.id, version: keep.version });
      expect(again.statusCode, again.body).toBe(200);
    });

    it('moves the unvaccinated follow-ups, keeping the newer one when both records have one', async () => {
      const keep = await person('Cầm Thị Chưa Tiêm', { sex: 'female' });
      const other = await person('Cam Thi Chua Tiem', { sex: 'female' });
      const put = async (personId: number, body: Record<string, unknown>) => {
        const res = await c.request('PUT', `/api/v1/vaccination/unvaccinated/${personId}`, { group: '18+', ...body });
        expect(res.statusCode, res.body).toBe(200);
      };
      await put(keep.id, { measure: 'dose1', reason: 'away', note: 'Đi làm ăn xa' });
      await new Promise((r) => setTimeout(r, 20));
      await put(other.id, { measure: 'dose1', reason: 'refused', note: 'Đã về, từ chối tiêm' });
      await put(other.id, { measure: 'full', reason: 'refused' });

      const res = await c.post(`/api/v1/people/${keep.id}/merge`, { otherId: other.id, version: keep.version });
      expect(res.statusCode, res.body).toBe(200);
      const rows = await t.testDb.handle.db.selectFrom('vaccination_followups').select(['person_id', 'measure', 'reason', 'note']).where('person_id', 'in', [keep.id, other.id]).orderBy('measure').execute();
      expect(rows).toEqual([
        { person_id: keep.id, measure: 'dose1', reason: 'refused', note: 'Đã về, từ chối tiêm' },
        { person_id: keep.id, measure: 'full', reason: 'refused', note: null },
      ]);
    });
  });
}
