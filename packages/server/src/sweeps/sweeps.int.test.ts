import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { addDays } from '@pcd/core';
import { startTestApp, type Client, type TestApp } from '../test/app.js';
import { testEngines } from '../test/db.js';
import { sweepFixture, V1, V2, type SweepFixture } from '../test/sweeps.js';

const count = (total: number, visited: number, attempted: number) => ({
  total, visited, attempted, remaining: total - visited, percent: total ? Math.floor((visited * 100) / total) : 0,
});

for (const engine of await testEngines()) {
  describe(`door-to-door sweeps [${engine}]`, () => {
    let t: TestApp;
    let f: SweepFixture;
    let cmd: Client;
    let sweep: { id: number; version: number };
    const url = (rest = '') => `/api/v1/sweeps/${sweep.id}${rest}`;
    const hh = (village: string, i: number) => f.households[village][i].id;

    beforeAll(async () => {
      t = await startTestApp(engine);
      f = await sweepFixture(t);
      cmd = f.cmd;
    });
    afterAll(async () => { await t?.close(); });

    it('plans a sweep over two villages of the commune, taking in their households', async () => {
      const body = { name: 'Rà soát người về từ vùng dịch', unitCode: '03365', villageCodes: [V1, V2], fromDate: f.fromDate, toDate: f.toDate };
      const bad: [Client, object, number, string | undefined][] = [
        [cmd, { ...body, villageCodes: [V1, '03364.01'] }, 400, 'villageCodes'],
        [cmd, { ...body, toDate: addDays(f.fromDate, -1) }, 400, 'toDate'],
        [cmd, { ...body, fromDate: '2021-02-30' }, 400, 'fromDate'],
        [cmd, { ...body, unitCode: '03364' }, 400, 'unitCode'],
        [cmd, { ...body, unitCode: V1 }, 400, 'unitCode'],
        [f.m1.client, body, 403, undefined],
        [await t.login('theodoi.dienbien'), body, 403, undefined],
      ];
      for (const [c, b, status, field] of bad) {
        const res = await c.post('/api/v1/sweeps', b);
        expect(res.statusCode, res.body).toBe(status);
        expect(res.json().error.field).toBe(field);
        expect(res.json().error.message).toMatch(/[ạảãáàâấầẩẫậăắằẳẵặđêếềểễệôốồổỗộơớờởỡợưứừửữựíìỉĩịúùủũụ]/);
      }
      expect((await cmd.get('/api/v1/sweeps')).json().total).toBe(0);

      const res = await cmd.post('/api/v1/sweeps', body);
      expect(res.statusCode, res.body).toBe(201);
      sweep = res.json();
      expect(res.json()).toMatchObject({
        status: 'planned', unitCode: '03365', unitName: 'Na Tông', villageCodes: [V1, V2], version: 1, access: 'manage', progress: count(6, 0, 0),
        villages: [{ unitCode: V1, unitName: 'Hát Tao', ...count(3, 0, 0) }, { unitCode: V2, ...count(3, 0, 0) }],
        members: [{ userId: null, fullName: null, ...count(6, 0, 0) }],
      });
    });

    it('splits the households between two team members, one village each', async () => {
      const stale = await cmd.post(url('/assign'), { version: 99, memberIds: [f.m1.id, f.m2.id] });
      expect(stale.statusCode).toBe(409);
      const other = (await t.testDb.handle.db.selectFrom('users').select('id').where('username', '=', 'xa.muongnha').executeTakeFirstOrThrow()).id;
      const outsider = await cmd.post(url('/assign'), { version: sweep.version, memberIds: [f.m1.id, other] });
      expect(outsider.statusCode).toBe(400);
      expect(outsider.json().error.field).toBe('memberIds');
      const both = await cmd.post(url('/assign'), { version: sweep.version, memberIds: [f.m1.id], householdIds: [hh(V1, 0)], memberId: f.m1.id });
      expect(both.statusCode).toBe(400);
      expect((await f.m1.client.post(url('/assign'), { version: sweep.version, memberIds: [f.m1.id] })).statusCode).toBe(403);

      const res = await cmd.post(url('/assign'), { version: sweep.version, memberIds: [f.m2.id, f.m1.id] });
      expect(res.statusCode, res.body).toBe(200);
      sweep = res.json();
      expect(res.json().members).toEqual([
        { userId: f.m1.id, fullName: 'Lường Văn Sơn', ...count(3, 0, 0) },
        { userId: f.m2.id, fullName: 'Lò Văn Minh', ...count(3, 0, 0) },
      ]);
      const mine = (await cmd.get(url(`/households?member=${f.m1.id}`))).json();
      expect(mine.items.map((h: { unitCode: string }) => h.unitCode)).toEqual([V1, V1, V1]);
    });

    it('offers the commune’s active team members, then its staff, as people to give households to', async () => {
      const res = await cmd.get(url('/members'));
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().items.map((m: { fullName: string; role: string }) => [m.fullName, m.role])).toEqual([
        ['Lò Văn Minh', 'team'], ['Lường Văn Sơn', 'team'], ['Cà Thị Mai', 'health'], ['Lò Thị Hoa', 'command'],
      ]);
      expect(res.json().items[1]).toEqual({ id: f.m1.id, fullName: 'Lường Văn Sơn', role: 'team', unitCode: '03365', assignedUnitCodes: [V1] });
      expect((await f.m1.client.get(url('/members'))).statusCode).toBe(403);
      expect((await (await t.login('theodoi.dienbien')).get(url('/members'))).statusCode).toBe(403);
      expect((await (await t.login('xa.muongnha')).get(url('/members'))).statusCode).toBe(404);
    });

    it('takes visits only while active, and from a member only for their own households', async () => {
      const visit = { householdId: hh(V1, 0), outcome: 'found', presentPersonIds: [f.households[V1][0].headId] };
      const early = await f.m1.client.post(url('/visits'), visit);
      expect(early.statusCode).toBe(409);
      expect(early.json().error.code).toBe('SWEEP_NOT_ACTIVE');
      expect((await cmd.patch(url(), { version: sweep.version + 1, status: 'active' })).statusCode).toBe(409);
      const started = await cmd.patch(url(), { version: sweep.version, status: 'active' });
      expect(started.statusCode, started.body).toBe(200);
      sweep = started.json();
      const back = await cmd.patch(url(), { version: sweep.version, status: 'planned' });
      expect(back.statusCode).toBe(400);
      expect(back.json().error.field).toBe('status');

      const notMine = await f.m1.client.post(url('/visits'), { householdId: hh(V2, 0), outcome: 'found' });
      expect(notMine.statusCode).toBe(404);
      const ok = await f.m1.client.post(url('/visits'), visit);
      expect(ok.statusCode, ok.body).toBe(201);
      expect(ok.json()).toMatchObject({ householdId: hh(V1, 0), householdCode: 'H1', headName: 'Lò Văn Pọm', outcome: 'found', visitedByName: 'Lường Văn Sơn', present: [{ fullName: 'Lò Văn Pọm' }], absent: [], arrivals: [] });

      const contradictions: [object, string][] = [
        [{ householdId: hh(V1, 1), outcome: 'nobody_home', presentPersonIds: [f.households[V1][1].headId] }, 'outcome'],
        [{ householdId: hh(V1, 1), outcome: 'found', presentPersonIds: [f.households[V1][1].headId], absentPersonIds: [f.households[V1][1].headId] }, 'absentPersonIds'],
        [{ householdId: hh(V1, 1), outcome: 'found', presentPersonIds: [f.households[V2][0].headId] }, 'presentPersonIds'],
        [{ householdId: hh(V1, 1), outcome: 'found', visitedAt: new Date(Date.now() + 86_400_000).toISOString() }, 'visitedAt'],
        [{ householdId: hh(V1, 1), outcome: 'found', symptoms: ['headache'] }, 'symptoms.0'],
        [{ householdId: hh(V1, 1), outcome: 'found', arrivals: [{ fullName: 'Lò Văn Tương Lai', birthYear: 1990, arrivalDate: addDays(f.today, 2) }] }, 'arrivals.0.arrivalDate'],
        [{ householdId: hh(V1, 1), outcome: 'found', arrivals: [{ fullName: 'Lò Văn Sai', idNumber: '12345', arrivalDate: f.today }] }, 'arrivals.0.idNumber'],
        [{ householdId: hh(V1, 1), outcome: 'found', arrivals: [{ fullName: 'Lò Văn Xa', originUnitCode: '99999', arrivalDate: f.today }] }, 'arrivals.0.originUnitCode'],
      ];
      for (const [body, field] of contradictions) {
        const res = await f.m1.client.post(url('/visits'), body);
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
        expect(res.json().error.field).toBe(field);
      }
      expect((await f.m1.client.post(url('/visits'), { householdId: hh(V1, 1), outcome: 'nobody_home', absentPersonIds: [f.households[V1][1].headId] })).statusCode).toBe(201);

      const arrival = { fullName: 'lò văn  tới', birthYear: 1995, sex: 'male', idNumber: '079095001234', originUnitCode: '79', arrivalDate: addDays(f.today, -5) };
      const found = await f.m2.client.post(url('/visits'), { householdId: hh(V2, 0), outcome: 'found', presentPersonIds: [f.households[V2][0].headId], arrivals: [arrival], symptoms: ['fever', 'cough'], followUpCreated: true, note: 'Về từ TP. Hồ Chí Minh bằng xe máy' });
      expect(found.statusCode, found.body).toBe(201);
      expect(found.json()).toMatchObject({ symptoms: ['fever', 'cough'], followUpCreated: true, arrivals: [{ fullName: 'Lò Văn Tới', created: true, idNumber: '079095001234', birthYear: 1995, originUnitCode: '79', arrivalDate: arrival.arrivalDate }] });
      expect(found.json().arrivals[0].originName).toContain('Hồ Chí Minh');
      const person = (await cmd.get(`/api/v1/people/${found.json().arrivals[0].personId}`)).json();
      expect(person).toMatchObject({ unitCode: V2, householdId: hh(V2, 0), residenceStatus: 'tam_tru', residenceFrom: arrival.arrivalDate });
      expect((await f.m2.client.post(url('/visits'), { householdId: hh(V2, 1), outcome: 'refused' })).statusCode).toBe(201);
    });

    it('counts progress per village and per member exactly', async () => {
      const s = (await cmd.get(url())).json();
      expect(s.progress).toEqual(count(6, 3, 1));
      expect(s.villages).toEqual([
        { unitCode: V1, unitName: 'Hát Tao', ...count(3, 1, 1) },
        { unitCode: V2, unitName: expect.any(String), ...count(3, 2, 0) },
      ]);
      expect(s.members).toEqual([
        { userId: f.m1.id, fullName: 'Lường Văn Sơn', ...count(3, 1, 1) },
        { userId: f.m2.id, fullName: 'Lò Văn Minh', ...count(3, 2, 0) },
      ]);
      const listed = (await cmd.get('/api/v1/sweeps?unit=03365&status=active')).json();
      expect(listed.items).toHaveLength(1);
      expect(listed.items[0].progress).toEqual(count(6, 3, 1));
      expect((await cmd.get('/api/v1/sweeps?status=closed')).json().total).toBe(0);
      const own = (await f.m1.client.get(url())).json();
      expect(own.access).toBe('member');
      expect(own.members).toEqual([{ userId: f.m1.id, fullName: 'Lường Văn Sơn', ...count(3, 1, 1) }]);
      expect(own.villages.map((v: { unitCode: string }) => v.unitCode)).toEqual([V1]);
    });

    it('lists the households still to visit, for the commune and for each member, and exports them', async () => {
      const ids = (res: { json(): { items: { householdId: number }[] } }) => res.json().items.map((h) => h.householdId);
      const unvisited = await cmd.get(url('/households?status=unvisited'));
      expect(ids(unvisited)).toEqual([hh(V1, 1), hh(V1, 2), hh(V2, 2)]);
      expect(unvisited.json().items[0]).toMatchObject({ state: 'attempted', visitCount: 1, lastOutcome: 'nobody_home', headName: 'Cà Thị Ún', memberName: 'Lường Văn Sơn' });
      expect(unvisited.json().items[1]).toMatchObject({ state: 'unvisited', visitCount: 0, lastOutcome: null });
      expect(ids(await cmd.get(url('/households?status=attempted')))).toEqual([hh(V1, 1)]);
      expect(ids(await cmd.get(url('/households?status=visited')))).toEqual([hh(V1, 0), hh(V2, 0), hh(V2, 1)]);
      expect(ids(await cmd.get(url(`/households?status=unvisited&member=${f.m2.id}`)))).toEqual([hh(V2, 2)]);
      expect(ids(await cmd.get(url(`/households?village=${V2}&status=visited`)))).toEqual([hh(V2, 0), hh(V2, 1)]);
      expect((await cmd.get(url('/households?member=none'))).json().total).toBe(0);
      expect((await cmd.get(url('/households?village=03365.03'))).statusCode).toBe(404);

      expect(ids(await f.m1.client.get(url('/households')))).toEqual([hh(V1, 0), hh(V1, 1), hh(V1, 2)]);
      expect((await f.m1.client.get(url(`/households?member=${f.m2.id}`))).json().total).toBe(0);
      const m1Visits = (await f.m1.client.get(url('/visits'))).json();
      expect(m1Visits.total).toBe(2);
      expect((await cmd.get(url('/visits'))).json().total).toBe(4);

      const xlsx = await cmd.get(url('/households/export.xlsx?status=unvisited'));
      expect(xlsx.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const rows: string[][] = [];
      wb.worksheets[0].eachRow((r) => rows.push((r.values as unknown[]).slice(1).map(String)));
      expect(rows).toHaveLength(4);
      expect(rows[0]).toContain('Chủ hộ');
      expect(rows.slice(1).map((r) => r[2]).sort()).toEqual(['Cà Thị Ún', 'Quàng Văn Khiêm', 'Điêu Văn Ọi'].sort());
      const visits = await cmd.get(url('/visits/export.xlsx'));
      expect(visits.statusCode).toBe(200);
      expect(visits.rawPayload.length).toBeGreaterThan(1000);
    });

    it('gives one household to another member, who may then record people in its village', async () => {
      const unknown = await cmd.post(url('/assign'), { version: sweep.version, householdIds: [999999], memberId: f.m1.id });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().error.field).toBe('householdIds');
      const res = await cmd.post(url('/assign'), { version: sweep.version, householdIds: [hh(V2, 2)], memberId: f.m1.id });
      expect(res.statusCode, res.body).toBe(200);
      sweep = res.json();
      expect(res.json().members.map((m: { userId: number; total: number }) => [m.userId, m.total])).toEqual([[f.m1.id, 4], [f.m2.id, 2]]);
      expect((await f.m2.client.post(url('/visits'), { householdId: hh(V2, 2), outcome: 'found' })).statusCode).toBe(404);
      const visit = await f.m1.client.post(url('/visits'), { householdId: hh(V2, 2), outcome: 'found', arrivals: [{ fullName: 'Quàng Thị Mới', birthYear: 2000, arrivalDate: addDays(f.today, -2) }] });
      expect(visit.statusCode, visit.body).toBe(201);
      expect(visit.json().arrivals[0]).toMatchObject({ created: true, fullName: 'Quàng Thị Mới' });
      expect((await cmd.get(`/api/v1/people/${visit.json().arrivals[0].personId}`)).json().unitCode).toBe(V2);
      expect((await cmd.get(url())).json().progress).toEqual(count(6, 4, 1));
    });

    it('opens one household with the people living in it for the visit form, to whoever may visit it', async () => {
      const names = (res: { json(): { members: { fullName: string }[] } }) => res.json().members.map((m) => m.fullName);
      // Given a household outside the villages they cover, a member still sees who lives there.
      const given = await f.m1.client.get(url(`/households/${hh(V2, 2)}`));
      expect(given.statusCode, given.body).toBe(200);
      expect(given.json()).toMatchObject({ householdId: hh(V2, 2), unitCode: V2, headName: 'Điêu Văn Ọi', memberId: f.m1.id, state: 'visited', visitCount: 1 });
      expect(names(given)).toEqual(['Điêu Văn Ọi', 'Quàng Thị Mới']);
      expect(names(await cmd.get(url(`/households/${hh(V1, 0)}`)))).toEqual(['Lò Văn Pọm']);
      expect((await f.m2.client.get(url(`/households/${hh(V1, 0)}`))).statusCode).toBe(404);
      expect((await cmd.get(url('/households/999999'))).statusCode).toBe(404);
      expect((await (await t.login('theodoi.dienbien')).get(url(`/households/${hh(V1, 0)}`))).statusCode).toBe(403);
    });

    it('shows observers every count and no names', async () => {
      const obs = await t.login('theodoi.dienbien');
      const res = await obs.get(url());
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ access: 'counts', progress: count(6, 4, 1) });
      expect(res.json().members.map((m: { fullName: string | null }) => m.fullName)).toEqual([null, null]);
      for (const name of ['Lường Văn Sơn', 'Lò Văn Minh', 'Lò Văn Pọm', 'Lò Văn Tới']) expect(res.body).not.toContain(name);
      expect((await obs.get('/api/v1/sweeps?unit=03365')).json().items[0].progress).toEqual(count(6, 4, 1));
      for (const path of ['/households', `/households/${hh(V1, 0)}`, '/members', '/households/export.xlsx', '/visits', '/visits/export.xlsx', '/cross-check', '/cross-check/export.xlsx']) {
        expect((await obs.get(url(path))).statusCode, path).toBe(403);
      }
      expect((await obs.post(url('/visits'), { householdId: hh(V1, 2), outcome: 'found' })).statusCode).toBe(403);
    });

    it('keeps sweeps of one commune away from another', async () => {
      const b = await t.login('xa.muongnha');
      expect((await b.get(url())).statusCode).toBe(404);
      expect((await b.get('/api/v1/sweeps')).json().total).toBe(0);
      expect((await b.get(url('/households'))).statusCode).toBe(404);
      expect((await b.post(url('/visits'), { householdId: hh(V1, 2), outcome: 'found' })).statusCode).toBe(404);
    });

    it('closes, refusing visits and assignments until reopened, and audits every write', async () => {
      const closed = await cmd.patch(url(), { version: sweep.version, status: 'closed' });
      expect(closed.statusCode, closed.body).toBe(200);
      sweep = closed.json();
      expect((await f.m1.client.post(url('/visits'), { householdId: hh(V1, 2), outcome: 'found' })).statusCode).toBe(409);
      const assign = await cmd.post(url('/assign'), { version: sweep.version, memberIds: [f.m1.id] });
      expect(assign.statusCode).toBe(409);
      expect(assign.json().error.code).toBe('SWEEP_CLOSED');
      const reopened = await cmd.patch(url(), { version: sweep.version, status: 'active', note: 'Còn hộ chưa rà soát' });
      expect(reopened.json()).toMatchObject({ status: 'active', note: 'Còn hộ chưa rà soát' });

      const admin = await t.login('admin');
      const actions = (entity: string) => admin.get(`/api/v1/audit?entity=${entity}&pageSize=100`).then((r) => r.json().items.map((e: { action: string }) => e.action).sort());
      expect(await actions('sweep')).toEqual(['assign', 'assign', 'create', 'update', 'update', 'update']);
      expect(await actions('sweep_visit')).toEqual(['create', 'create', 'create', 'create', 'create', 'export', 'read', 'read']);
      expect((await actions('person')).filter((a: string) => a === 'create')).toHaveLength(6 + 2);
    });
  });
}
