import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, ageAt, groupsForAge, meetsMeasure, vnDate, type CoverageMeasure, type DoseKind, type VaccinationGroup } from '@pcd/core';
import { startTestApp, type Client, type TestApp } from '../test/app.js';
import { testEngines } from '../test/db.js';
import { readTable } from '../lib/spreadsheet.js';
import { nowIso } from '../lib/time.js';

const today = vnDate();
const year = Number(today.slice(0, 4));
const VILLAGE = '03365.01';

for (const engine of await testEngines()) {
  describe(`unvaccinated follow-up lists [${engine}]`, () => {
    let t: TestApp;
    let natong: Client;
    const ids: Record<string, number> = {};

    async function dose(personId: number, product: string, doseNumber: number, kind: DoseKind, daysAgo: number) {
      const now = nowIso();
      await t.testDb.handle.db.insertInto('vaccination_doses').values({
        person_id: personId, product_code: product, lot: null, dose_number: doseNumber, kind, vaccinated_on: addDays(today, -daysAgo), site: 'Trạm y tế xã',
        mobile_team_id: null, adverse_reaction: null, source: 'manual', import_job_id: null, created_by: null, created_at: now, updated_at: now,
      }).execute();
    }

    /** The list computed person by person with the core rules, to check the SQL against. */
    async function directList(group: VaccinationGroup, measure: CoverageMeasure): Promise<number[]> {
      const db = t.testDb.handle.db;
      const people = await db.selectFrom('people').selectAll().where('unit_path', 'like', '%/03365.01/').where('merged_into', 'is', null).execute();
      const doses = await db.selectFrom('vaccination_doses').selectAll().execute();
      return people.filter((p) => {
        const groups = groupsForAge(ageAt(today, { dateOfBirth: p.date_of_birth, birthYear: p.birth_year }), { comorbidity: p.comorbidity === 1, pregnant: p.pregnant === 1 });
        const mine = doses.filter((d) => d.person_id === p.id).map((d) => ({ productCode: d.product_code, doseNumber: d.dose_number, kind: d.kind as DoseKind, date: d.vaccinated_on }));
        return groups.includes(group) && !meetsMeasure(measure, mine);
      }).map((p) => p.id).sort((a, b) => a - b);
    }

    async function listIds(c: Client, query: string): Promise<number[]> {
      const res = await c.get(`/api/v1/vaccination/unvaccinated?${query}&pageSize=500`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items.map((p: { personId: number }) => p.personId).sort((a: number, b: number) => a - b);
    }

    beforeAll(async () => {
      t = await startTestApp(engine);
      natong = await t.login('xa.natong');
      const add = async (key: string, body: Record<string, unknown>) => {
        const res = await natong.post('/api/v1/people', { unitCode: VILLAGE, ...body });
        expect(res.statusCode, res.body).toBe(201);
        ids[key] = res.json().id;
      };
      await add('none', { fullName: 'Lò Văn Chưa', birthYear: 1970, phone: '0912345678', address: 'Nhà văn hóa bản, đi 200 m' });
      await add('oneAz', { fullName: 'Lò Thị Một', dateOfBirth: '1985-04-02' });
      await add('janssen', { fullName: 'Quàng Văn Giăng', birthYear: 1990 });
      await add('full', { fullName: 'Cà Văn Đủ', birthYear: 1960 });
      await add('turns18Tomorrow', { fullName: 'Lường Thị Mai', dateOfBirth: addDays(`${year - 18}${today.slice(4)}`, 1) });
      await add('turned18Today', { fullName: 'Lường Văn Tròn', dateOfBirth: `${year - 18}${today.slice(4)}` });
      await add('teen', { fullName: 'Lò Thị Nhỏ', birthYear: year - 16 });
      await add('pregnant', { fullName: 'Tòng Thị Bầu', birthYear: 1996, sex: 'female', flags: { pregnant: true } });
      await dose(ids.oneAz, 'astrazeneca', 1, 'primary', 40);
      await dose(ids.janssen, 'janssen', 1, 'primary', 60);
      await dose(ids.full, 'pfizer', 1, 'primary', 100);
      await dose(ids.full, 'pfizer', 2, 'primary', 70);
    });
    afterAll(async () => { await t?.close(); });

    it('lists the people of a group (age today) without the dose, as a direct count finds them', async () => {
      for (const group of ['18+', '12-17', '16-17', '50+', 'pregnant'] as const) {
        for (const measure of ['dose1', 'full', 'booster'] as const) {
          expect(await listIds(natong, `unit=${VILLAGE}&group=${encodeURIComponent(group)}&measure=${measure}`), `${group} ${measure}`).toEqual(await directList(group, measure));
        }
      }
      const dose1 = await listIds(natong, `unit=${VILLAGE}&group=18%2B&measure=dose1`);
      expect(dose1).toEqual(expect.arrayContaining([ids.none, ids.turned18Today, ids.pregnant]));
      expect(dose1).not.toContain(ids.oneAz);
      expect(dose1).not.toContain(ids.turns18Tomorrow);
      const full = await listIds(natong, `unit=${VILLAGE}&group=18%2B&measure=full`);
      expect(full).toContain(ids.oneAz);
      expect(full).not.toContain(ids.janssen);
      expect(full).not.toContain(ids.full);
      expect(await listIds(natong, `unit=${VILLAGE}&group=12-17&measure=dose1`)).toEqual(expect.arrayContaining([ids.teen, ids.turns18Tomorrow]));

      const page = (await natong.get(`/api/v1/vaccination/unvaccinated?unit=03365&group=18%2B&measure=dose1&q=lo%20van%20chua`)).json();
      expect(page.total).toBe(1);
      expect(page.items[0]).toMatchObject({ fullName: 'Lò Văn Chưa', birthYear: 1970, phone: '0912345678', unitName: expect.stringContaining('Hát Tao'), doses: 0, reason: null, version: null });
    });

    it('records a reason and the member responsible, with versions, and filters and exports by them', async () => {
      const team = await t.login('to.hattao');
      const members = (await natong.get(`/api/v1/vaccination/unvaccinated/responsible?unit=${VILLAGE}`)).json().items;
      const son = members.find((m: { fullName: string }) => m.fullName === 'Lường Văn Sơn');
      expect(son).toMatchObject({ role: 'team', assignedUnitCodes: [VILLAGE] });
      expect(members[0].role).toBe('team');

      const put = (c: Client, personId: number, body: Record<string, unknown>) => c.request('PUT', `/api/v1/vaccination/unvaccinated/${personId}`, { group: '18+', measure: 'dose1', ...body });
      const first = await put(natong, ids.none, { reason: 'refused', responsibleUserId: son.id, note: 'Sợ phản ứng sau tiêm, vận động lại cùng trưởng bản' });
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json()).toMatchObject({ reason: 'refused', responsibleName: 'Lường Văn Sơn', version: 1, followupGroup: '18+' });
      expect((await put(natong, ids.none, { reason: 'away' })).statusCode).toBe(409);
      expect((await put(natong, ids.none, { reason: 'away', version: 2 })).statusCode).toBe(409);
      // The team member of the village updates it from the door.
      const second = await put(team, ids.none, { reason: 'sick', version: 1 });
      expect(second.statusCode, second.body).toBe(200);
      expect(second.json()).toMatchObject({ reason: 'sick', responsibleUserId: son.id, note: expect.stringContaining('trưởng bản'), version: 2 });
      // The same reason shows in every group list the person is in.
      const in50 = (await natong.get(`/api/v1/vaccination/unvaccinated?unit=${VILLAGE}&group=50%2B&measure=dose1`)).json().items.find((p: { personId: number }) => p.personId === ids.none);
      expect(in50).toMatchObject({ reason: 'sick', version: 2 });

      const bad: [number, Record<string, unknown>, string][] = [
        [ids.teen, { reason: 'refused' }, 'group'],
        [ids.oneAz, { reason: 'refused' }, 'measure'],
        [ids.pregnant, { reason: 'lazy' }, 'reason'],
        [ids.pregnant, { reason: 'refused', responsibleUserId: 999999 }, 'responsibleUserId'],
      ];
      for (const [personId, body, field] of bad) {
        const res = await put(natong, personId, body);
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
        expect(res.json().error.field).toBe(field);
        expect(res.json().error.message).toMatch(/[àáảãạăâđêôơư]/);
      }
      const muongnha = (await t.testDb.handle.db.selectFrom('users').select('id').where('username', '=', 'xa.muongnha').executeTakeFirstOrThrow()).id;
      expect((await put(natong, ids.pregnant, { responsibleUserId: muongnha })).json().error.field).toBe('responsibleUserId');

      expect(await listIds(natong, `unit=${VILLAGE}&group=18%2B&measure=dose1&reason=sick`)).toEqual([ids.none]);
      expect(await listIds(natong, `unit=${VILLAGE}&group=18%2B&measure=dose1&responsibleUserId=${son.id}`)).toEqual([ids.none]);
      expect(await listIds(natong, `unit=${VILLAGE}&group=18%2B&measure=dose1&reason=none`)).not.toContain(ids.none);

      const xlsx = await natong.get(`/api/v1/vaccination/unvaccinated/export.xlsx?unit=${VILLAGE}&group=18%2B&measure=dose1`);
      expect(xlsx.statusCode).toBe(200);
      const table = await readTable(xlsx.rawPayload, 'x.xlsx');
      expect(table.headers.slice(0, 7)).toEqual(['Họ và tên', 'Năm sinh', 'Ngày sinh', 'Thôn/bản', 'Địa chỉ', 'Điện thoại', 'Hộ gia đình']);
      const row = table.rows.find((r) => r.cells[0] === 'Lò Văn Chưa')!;
      expect(row.cells).toEqual(expect.arrayContaining(['1970', '0912345678', 'Đang ốm', 'Lường Văn Sơn']));
      expect(table.rows.length).toBe((await directList('18+', 'dose1')).length);

      const audit = await t.testDb.handle.db.selectFrom('audit_log').select(['action', 'entity']).where('entity', 'in', ['vaccination_followup', 'unvaccinated_list']).execute();
      expect(audit).toEqual(expect.arrayContaining([
        { action: 'create', entity: 'vaccination_followup' }, { action: 'update', entity: 'vaccination_followup' },
        { action: 'read', entity: 'unvaccinated_list' }, { action: 'export', entity: 'unvaccinated_list' },
      ]));
    });

    it('keeps team members to their villages and observers away from people', async () => {
      const team = await t.login('to.hattao');
      expect((await team.get('/api/v1/vaccination/unvaccinated?unit=03365&group=18%2B&measure=dose1')).statusCode).toBe(404);
      expect(await listIds(team, `group=18%2B&measure=dose1`)).toEqual(await directList('18+', 'dose1'));
      const outside = await natong.post('/api/v1/people', { fullName: 'Người Bản Khác', birthYear: 1970, unitCode: '03365.02' });
      expect(outside.statusCode, outside.body).toBe(201);
      expect(await listIds(natong, 'unit=03365&group=18%2B&measure=dose1')).toContain(outside.json().id);
      expect(await listIds(team, 'group=18%2B&measure=dose1')).not.toContain(outside.json().id);
      expect((await team.request('PUT', `/api/v1/vaccination/unvaccinated/${outside.json().id}`, { group: '18+', measure: 'dose1', reason: 'away' })).statusCode).toBe(404);
      const observer = await t.login('theodoi.dienbien');
      const seen = await observer.get(`/api/v1/vaccination/unvaccinated?unit=${VILLAGE}&group=18%2B&measure=dose1`);
      expect(seen.statusCode).toBe(403);
      expect(seen.body).not.toContain('Lò Văn Chưa');
      expect((await observer.get(`/api/v1/vaccination/unvaccinated/export.xlsx?unit=${VILLAGE}&group=18%2B&measure=dose1`)).statusCode).toBe(403);
      expect((await observer.request('PUT', `/api/v1/vaccination/unvaccinated/${ids.none}`, { group: '18+', measure: 'dose1', reason: 'away' })).statusCode).toBe(403);
      expect((await natong.get(`/api/v1/vaccination/unvaccinated?unit=${VILLAGE}&group=adults&measure=dose1`)).json().error.field).toBe('group');
    });
  });
}
