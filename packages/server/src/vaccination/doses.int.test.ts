import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '@pcd/core';
import { startTestApp, type Client, type TestApp } from '../test/app.js';
import { testEngines } from '../test/db.js';
import { daysAgo, resident, today } from '../test/cases.js';

const year = Number(today.slice(0, 4));

for (const engine of await testEngines()) {
  describe(`vaccination doses and products [${engine}]`, () => {
    let t: TestApp;
    let yte: Client;

    beforeAll(async () => {
      t = await startTestApp(engine);
      yte = await t.login('yte.natong');
    });
    afterAll(async () => { await t?.close(); });

    it('records doses with the product rules, edits with version, deletes the last one, and audits reads', async () => {
      const p = await resident(yte, 'Lò Văn Tiêm', { dateOfBirth: `${year - 40}-03-10`, birthYear: null });
      const first = await yte.post('/api/v1/vaccinations', { personId: p.id, product: 'AZ', dose: 1, date: daysAgo(150), lot: 'ABV0123', site: 'Trạm Y tế xã Na Tông' });
      expect(first.statusCode, first.body).toBe(201);
      expect(first.json()).toMatchObject({ personName: 'Lò Văn Tiêm', product: 'astrazeneca', productName: 'AstraZeneca', dose: 1, kind: 'primary', date: daysAgo(150), source: 'manual', version: 1, unitCode: '03365.01' });

      const refused: [Record<string, unknown>, string, RegExp][] = [
        [{ product: 'astrazeneca', dose: 2, date: daysAgo(130) }, 'date', /tối thiểu 28 ngày/],
        [{ product: 'astrazeneca', dose: 1, date: daysAgo(60) }, 'dose', /đã có mũi 1/],
        [{ product: 'astrazeneca', dose: 3, date: daysAgo(60) }, 'dose', /Chưa có mũi 2/],
        [{ product: 'astrazeneca', dose: 2, date: addDays(today, 1) }, 'date', /tương lai/],
        [{ product: 'Sinovac', dose: 2, date: daysAgo(60) }, 'product', /không có trong danh mục/],
        [{ product: 'astrazeneca', dose: 2, date: 'hôm qua' }, 'date', /yyyy-mm-dd/],
        [{ product: 'astrazeneca', dose: 2, date: `${year - 1}-02-30` }, 'date', /không có thật/],
        [{ product: 'astrazeneca', dose: 2, date: `${year - 1}-13-01` }, 'date', /không có thật/],
        [{ product: 'astrazeneca', dose: 7, date: daysAgo(60) }, 'dose', /./],
      ];
      for (const [body, field, message] of refused) {
        const res = await yte.post('/api/v1/vaccinations', { personId: p.id, ...body });
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
        expect(res.json().error.field).toBe(field);
        expect(res.json().error.message).toMatch(message);
      }
      const baby = await resident(yte, 'Lò Thị Nhỏ', { dateOfBirth: daysAgo(10), birthYear: null });
      const early = await yte.post('/api/v1/vaccinations', { personId: baby.id, product: 'pfizer', dose: 1, date: daysAgo(20) });
      expect(early.json().error).toMatchObject({ field: 'date', message: 'Ngày tiêm trước ngày sinh.' });

      const second = (await yte.post('/api/v1/vaccinations', { personId: p.id, product: 'Vero Cell', dose: 2, date: daysAgo(110) })).json();
      expect(second).toMatchObject({ product: 'sinopharm', dose: 2, kind: 'primary' });
      const booster = await yte.post('/api/v1/vaccinations', { personId: p.id, product: 'Pfizer-BioNTech', dose: 3, date: daysAgo(10) });
      expect(booster.statusCode, booster.body).toBe(201);
      expect(booster.json()).toMatchObject({ kind: 'booster', product: 'pfizer' });

      const edited = await yte.patch(`/api/v1/vaccinations/${second.id}`, { version: 1, date: daysAgo(108), adverseReaction: 'Sốt nhẹ 1 ngày' });
      expect(edited.statusCode, edited.body).toBe(200);
      expect(edited.json()).toMatchObject({ date: daysAgo(108), adverseReaction: 'Sốt nhẹ 1 ngày', version: 2 });
      expect((await yte.patch(`/api/v1/vaccinations/${second.id}`, { version: 1, lot: 'X' })).statusCode).toBe(409);
      const tooClose = await yte.patch(`/api/v1/vaccinations/${second.id}`, { version: 2, date: daysAgo(149) });
      expect(tooClose.json().error.field).toBe('date');
      // Renumbering dose 1 as dose 4 would leave dose 2 without the dose it follows.
      const gap = await yte.patch(`/api/v1/vaccinations/${first.json().id}`, { version: 1, dose: 4, date: daysAgo(5) });
      expect(gap.statusCode, gap.body).toBe(400);
      expect(gap.json().error.field).toBe('dose');

      const list = (await yte.get(`/api/v1/people/${p.id}/vaccinations`)).json().items;
      expect(list.map((d: { dose: number }) => d.dose)).toEqual([1, 2, 3]);
      const page = (await yte.get(`/api/v1/vaccinations?personId=${p.id}&from=${daysAgo(115)}`)).json();
      expect(page.total).toBe(2);

      expect((await yte.delete(`/api/v1/vaccinations/${second.id}?version=2`)).json().error.field).toBe('dose');
      expect((await yte.delete(`/api/v1/vaccinations/${booster.json().id}?version=9`)).statusCode).toBe(409);
      expect((await yte.delete(`/api/v1/vaccinations/${booster.json().id}?version=1`)).statusCode).toBe(204);
      expect((await yte.get(`/api/v1/vaccinations/${booster.json().id}`)).statusCode).toBe(404);

      const db = t.testDb.handle.db;
      const audit = await db.selectFrom('audit_log').select(['action', 'entity_id']).where('entity', '=', 'vaccination_dose').execute();
      expect(audit.filter((a) => a.action === 'create')).toHaveLength(3);
      expect(audit.filter((a) => a.action === 'update')).toHaveLength(1);
      expect(audit.filter((a) => a.action === 'delete')).toEqual([{ action: 'delete', entity_id: String(booster.json().id) }]);
      expect(audit.filter((a) => a.action === 'read').length).toBeGreaterThanOrEqual(2);
    });

    it('keeps doses inside the jurisdiction: other communes, team villages, observers', async () => {
      const muongnha = await t.login('xa.muongnha');
      const villageB = (await muongnha.get('/api/v1/units?parent=03364')).json().items[0].code;
      const b = (await muongnha.post('/api/v1/people', { fullName: 'Quàng Văn Bê', birthYear: 1970, unitCode: villageB })).json();
      const bDose = (await muongnha.post('/api/v1/vaccinations', { personId: b.id, product: 'moderna', dose: 1, date: daysAgo(5) })).json();
      expect((await yte.post('/api/v1/vaccinations', { personId: b.id, product: 'moderna', dose: 2, date: today })).json().error.field).toBe('personId');
      expect((await yte.get(`/api/v1/vaccinations/${bDose.id}`)).statusCode).toBe(404);
      expect((await yte.patch(`/api/v1/vaccinations/${bDose.id}`, { version: 1, lot: 'X' })).statusCode).toBe(404);
      expect((await yte.delete(`/api/v1/vaccinations/${bDose.id}?version=1`)).statusCode).toBe(404);
      expect((await yte.get(`/api/v1/people/${b.id}/vaccinations`)).statusCode).toBe(404);
      expect((await yte.get('/api/v1/vaccinations?unit=03364')).statusCode).toBe(404);
      expect((await yte.get('/api/v1/vaccinations?pageSize=500')).json().items.map((d: { id: number }) => d.id)).not.toContain(bDose.id);

      // The team of Bản Hát Tao (03365.01) sees its village only.
      const team = await t.login('to.hattao');
      const other = await resident(yte, 'Lò Văn Khác Bản', { unitCode: '03365.02' });
      const mine = await resident(yte, 'Lò Văn Cùng Bản');
      expect((await team.post('/api/v1/vaccinations', { personId: other.id, product: 'pfizer', dose: 1, date: today })).json().error.field).toBe('personId');
      expect((await team.post('/api/v1/vaccinations', { personId: mine.id, product: 'pfizer', dose: 1, date: today })).statusCode).toBe(201);
      // A mobile team of the person's commune may be named; one of another commune may not.
      const ownTeam = await yte.post('/api/v1/vaccination/mobile-teams', { unitCode: '03365', name: 'Đội tiêm lưu động Na Tông', leaderName: 'Cà Thị Mai' });
      expect(ownTeam.statusCode, ownTeam.body).toBe(201);
      const otherTeam = (await muongnha.post('/api/v1/vaccination/mobile-teams', { unitCode: '03364', name: 'Đội tiêm lưu động Mường Nhà', leaderName: 'Quàng Văn Phong' })).json();
      const withOther = await yte.post('/api/v1/vaccinations', { personId: other.id, product: 'pfizer', dose: 1, date: today, mobileTeamId: otherTeam.id });
      expect(withOther.json().error?.field, withOther.body).toBe('mobileTeamId');
      expect((await yte.post('/api/v1/vaccinations', { personId: other.id, product: 'pfizer', dose: 1, date: today, mobileTeamId: ownTeam.json().id })).json()).toMatchObject({ mobileTeamId: ownTeam.json().id });

      // Figures too: by default the team member's village, not the commune outside their scope.
      const teamStats = (await team.get('/api/v1/stats/vaccination')).json();
      expect(teamStats.unitCode).toBe('03365.01');
      expect(teamStats.groups.find((g: { group: string }) => g.group === '18+').measures[0].numerator).toBe(2); // Lò Văn Tiêm and Lò Văn Cùng Bản
      expect((await team.get('/api/v1/stats/vaccination?unit=03365')).statusCode).toBe(404);

      const observer = await t.login('theodoi.dienbien');
      expect((await observer.get('/api/v1/vaccinations')).statusCode).toBe(403);
      expect((await observer.get(`/api/v1/people/${mine.id}/vaccinations`)).statusCode).toBe(403);
      expect((await observer.post('/api/v1/vaccinations', { personId: mine.id, product: 'pfizer', dose: 2, date: today })).statusCode).toBe(403);
    });

    it('lets a national administrator manage the product list', async () => {
      const list = (await yte.get('/api/v1/vaccine-products')).json().items;
      expect(list.map((p: { code: string }) => p.code)).toEqual(['astrazeneca', 'pfizer', 'moderna', 'sinopharm', 'sputnik_v', 'abdala', 'janssen', 'hayat_vax']);
      expect(list.find((p: { code: string }) => p.code === 'abdala')).toMatchObject({ primaryDoses: 3, minIntervalDays: 14 });

      const admin = await t.login('admin');
      const provincial = await t.login('tinh.dienbien');
      const product = { code: 'covaxin', name: 'Covaxin', primaryDoses: 2, minIntervalDays: 28, boosterMinDays: 90 };
      expect((await provincial.post('/api/v1/vaccine-products', product)).statusCode).toBe(403);
      expect((await yte.post('/api/v1/vaccine-products', product)).statusCode).toBe(403);
      const created = await admin.post('/api/v1/vaccine-products', product);
      expect(created.statusCode, created.body).toBe(201);
      expect((await admin.post('/api/v1/vaccine-products', product)).json().error.field).toBe('code');
      expect((await admin.post('/api/v1/vaccine-products', { ...product, code: 'Có Dấu' })).json().error.field).toBe('code');

      const p = await resident(yte, 'Lò Thị Covaxin');
      expect((await yte.post('/api/v1/vaccinations', { personId: p.id, product: 'Covaxin', dose: 1, date: daysAgo(40) })).statusCode).toBe(201);
      const retired = await admin.patch('/api/v1/vaccine-products/covaxin', { version: 1, active: false });
      expect(retired.json()).toMatchObject({ active: false, version: 2 });
      expect((await admin.patch('/api/v1/vaccine-products/covaxin', { version: 1, active: true })).statusCode).toBe(409);
      expect((await yte.post('/api/v1/vaccinations', { personId: p.id, product: 'covaxin', dose: 2, date: daysAgo(5) })).json().error.field).toBe('product');
      expect((await yte.get('/api/v1/vaccine-products')).json().items.map((x: { code: string }) => x.code)).not.toContain('covaxin');
      expect((await yte.get('/api/v1/vaccine-products?all=true')).json().items.map((x: { code: string }) => x.code)).toContain('covaxin');
      // Old doses keep their retired product.
      expect((await yte.get(`/api/v1/people/${p.id}/vaccinations`)).json().items[0]).toMatchObject({ product: 'covaxin', productName: 'Covaxin' });
    });
  });
}
