import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, vnDate } from '@pcd/core';
import { startTestApp, type Client, type TestApp } from '../test/app.js';
import { testEngines } from '../test/db.js';

const today = vnDate();
/** A declarant arriving at Bản Hát Tao (Na Tông) from Phường Tân Định, Quận 1, Hồ Chí Minh City. */
const tam = {
  fullName: 'lò văn  tâm', birthYear: 1995, phone: '0912 000 111', fromUnitCode: '26734', arrivalDate: today, toUnitCode: '03365.01',
  address: 'Nhà bố mẹ, bản Hát Tao', transport: 'bus', symptoms: ['cough'], vaccinationDoses: 2,
};

for (const engine of await testEngines()) {
  describe(`arrivals [${engine}]`, () => {
    let t: TestApp;
    let natong: Client;
    let district: Client;
    let admin: Client;
    let zoneId: number;
    const count = async (table: 'declarations' | 'obligations' | 'people') =>
      Number((await t.testDb.handle.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

    beforeAll(async () => {
      t = await startTestApp(engine);
      natong = await t.login('xa.natong');
      district = await t.login('huyen.dienbien');
      admin = await t.login('admin');
    });
    afterAll(async () => { await t?.close(); });

    it('lets a district declare epidemic zones anywhere in the country, and everyone see them', async () => {
      expect((await natong.post('/api/v1/epidemic-zones', { unitCode: '79', fromDate: addDays(today, -30) })).statusCode).toBe(403);
      const bad: [object, string][] = [
        [{ unitCode: '99999', fromDate: today }, 'unitCode'],
        [{ unitCode: '03365.01', fromDate: today }, 'unitCode'],
        [{ unitCode: '79', fromDate: today, toDate: addDays(today, -1) }, 'toDate'],
        [{ unitCode: '79', fromDate: '2021-02-30' }, 'fromDate'],
      ];
      for (const [body, field] of bad) {
        const res = await district.post('/api/v1/epidemic-zones', body);
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
        expect(res.json().error.field).toBe(field);
      }
      const res = await district.post('/api/v1/epidemic-zones', { unitCode: '79', fromDate: addDays(today, -30), note: 'Theo thông báo của tỉnh' });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ unitCode: '79', unitName: 'Thành phố Hồ Chí Minh', unitTier: 'province', toDate: null, declaredByCode: '100', activeToday: true });
      zoneId = res.json().id;
      const seen = (await (await t.login('theodoi.dienbien')).get(`/api/v1/epidemic-zones?on=${today}`)).json();
      expect(seen.items.map((z: { unitCode: string }) => z.unitCode)).toEqual(['79']);
      expect((await natong.get(`/api/v1/epidemic-zones?on=${addDays(today, -31)}`)).json().total).toBe(0);
    });

    it('takes a public declaration from a zone: a new temporary resident and a follow-up on the commune\'s work list', async () => {
      const anon = t.anonymous();
      const res = await anon.post('/api/v1/public/declarations', tam);
      expect(res.statusCode, res.body).toBe(201);
      // The form learns its receipt code and nothing about people or follow-ups.
      expect(Object.keys(res.json())).toEqual(['receiptCode']);
      const { receiptCode } = res.json();
      expect(receiptCode).toMatch(/^KB-[A-Z2-9]{4}-[A-Z2-9]{4}$/);

      const d = (await natong.get(`/api/v1/declarations?q=${receiptCode.toLowerCase()}`)).json().items[0];
      expect(d).toMatchObject({ fullName: 'Lò Văn Tâm', phone: '0912000111', fromZone: true, fromUnitName: 'Phường Tân Định, Quận 1, Thành phố Hồ Chí Minh', source: 'public', symptoms: ['cough'] });
      expect(d.obligationId).toBeGreaterThan(0);
      const person = (await natong.get(`/api/v1/people/${d.personId}`)).json();
      expect(person).toMatchObject({ fullName: 'Lò Văn Tâm', residenceStatus: 'tam_tru', residenceFrom: today, unitCode: '03365.01' });

      const work = (await natong.get('/api/v1/obligations?unit=03365&status=open&due=today')).json();
      const ob = work.items.find((o: { id: number }) => o.id === d.obligationId);
      expect(ob).toMatchObject({ fullName: 'Lò Văn Tâm', phone: '0912000111', kind: 'home_quarantine', startDate: today, endDate: addDays(today, 6), state: 'due_today', receiptCode });
      expect(ob.dueToday).toEqual([{ kind: 'test', day: 1, date: today }]);
      expect(ob.rule).toMatchObject({ quarantineDays: 7, testDays: [1, 7] });
      const other = await t.login('xa.muongnha');
      expect((await other.get('/api/v1/obligations')).json().total).toBe(0);
      expect((await other.get(`/api/v1/declarations?q=${receiptCode}`)).json().total).toBe(0);

      const audit = (await admin.get(`/api/v1/audit?entity=declaration&entityId=${d.id}`)).json();
      expect(audit.items.find((e: { action: string }) => e.action === 'create')).toMatchObject({ username: 'public', unitCode: '03365.01' });
    });

    it('opens no follow-up for an origin that is not a zone, nor after a zone ended', async () => {
      const before = await count('obligations');
      const hanoi = await t.anonymous().post('/api/v1/public/declarations', { ...tam, fullName: 'Cà Thị Lan', fromUnitCode: '01', birthYear: 1990 });
      expect(hanoi.statusCode, hanoi.body).toBe(201);
      const d = (await natong.get(`/api/v1/declarations?q=${hanoi.json().receiptCode}`)).json().items[0];
      expect(d).toMatchObject({ fromZone: false, obligationId: null, fromUnitName: 'Thành phố Hà Nội' });
      // A list of another district does not bind Na Tông.
      const other = await (await t.login('tinh.dienbien')).post('/api/v1/epidemic-zones', { unitCode: '74', fromDate: addDays(today, -10) });
      expect(other.statusCode).toBe(201);
      const zone = (await district.get('/api/v1/epidemic-zones?q=79')).json().items[0];
      const ended = await district.patch(`/api/v1/epidemic-zones/${zoneId}`, { version: zone.version, toDate: addDays(today, -5) });
      expect(ended.statusCode, ended.body).toBe(200);
      expect(ended.json()).toMatchObject({ toDate: addDays(today, -5), activeToday: false, version: zone.version + 1 });
      expect((await district.patch(`/api/v1/epidemic-zones/${zoneId}`, { version: zone.version, toDate: today })).statusCode).toBe(409);
      const after = await t.anonymous().post('/api/v1/public/declarations', { ...tam, fullName: 'Lường Văn Hải', birthYear: 1988 });
      expect((await natong.get(`/api/v1/declarations?q=${after.json().receiptCode}`)).json().items[0].fromZone).toBe(false);
      const earlier = await t.anonymous().post('/api/v1/public/declarations', { ...tam, fullName: 'Lường Văn Hoà', birthYear: 1988, arrivalDate: addDays(today, -6) });
      expect((await natong.get(`/api/v1/declarations?q=${earlier.json().receiptCode}`)).json().items[0].fromZone).toBe(true);
      expect(await count('obligations')).toBe(before + 1);
      await district.patch(`/api/v1/epidemic-zones/${zoneId}`, { version: zone.version + 1, toDate: null });
    });

    it('links a declaration to the person with the same ID number, or the same name, birth and village', async () => {
      const hoa = (await natong.post('/api/v1/people', { fullName: 'Lò Thị Hoa', dateOfBirth: '1989-04-12', idNumber: '011189001234', unitCode: '03365.02' })).json();
      const xuan = (await natong.post('/api/v1/people', { fullName: 'Quàng Thị Xuân', birthYear: 1980, unitCode: '03365.02' })).json();
      const people = await count('people');
      const byId = await t.anonymous().post('/api/v1/public/declarations', { ...tam, fullName: 'LÒ THỊ HOA', birthYear: undefined, dateOfBirth: '1989-04-12', idNumber: '0111 8900 1234', toUnitCode: '03365.02' });
      expect(byId.statusCode, byId.body).toBe(201);
      const byName = await t.anonymous().post('/api/v1/public/declarations', { ...tam, fullName: 'quang thi xuan', birthYear: 1980, toUnitCode: '03365.02' });
      expect(byName.statusCode, byName.body).toBe(201);
      expect(await count('people')).toBe(people);
      const list = (await natong.get('/api/v1/declarations?unit=03365.02')).json().items;
      expect(list.find((d: { receiptCode: string }) => d.receiptCode === byId.json().receiptCode).personId).toBe(hoa.id);
      expect(list.find((d: { receiptCode: string }) => d.receiptCode === byName.json().receiptCode).personId).toBe(xuan.id);
      // The follow-up is the existing person's, on the commune's list under the declared name.
      const ob = (await natong.get('/api/v1/obligations?q=lo%20thi%20hoa')).json().items[0];
      expect(ob).toMatchObject({ personId: hoa.id, fullName: 'Lò Thị Hoa', unitCode: '03365.02' });
    });

    it('carries declarations and follow-ups along when two records of a person are merged', async () => {
      const d = (await natong.get('/api/v1/declarations?q=lo%20van%20tam')).json().items[0];
      const again = (await natong.post('/api/v1/people', { fullName: 'Lò Văn Tâm', birthYear: 1995, unitCode: '03365.01', idNumber: '011095001111' })).json();
      expect(again.probableDuplicates).toEqual([d.personId]);
      const merged = await natong.post(`/api/v1/people/${again.id}/merge`, { otherId: d.personId, version: again.version });
      expect(merged.statusCode, merged.body).toBe(200);
      expect((await natong.get(`/api/v1/declarations/${d.id}`)).json().personId).toBe(again.id);
      expect((await natong.get(`/api/v1/obligations/${d.obligationId}`)).json().personId).toBe(again.id);
    });

    it('refuses bad fields with the field named, in Vietnamese, and writes nothing', async () => {
      const outside = await t.testDb.handle.db.selectFrom('units').select('code').where('tier', '=', 'commune').where('path', 'like', '/60/%').where('code', '!=', '22969').executeTakeFirstOrThrow();
      const before = [await count('declarations'), await count('people'), await count('obligations')];
      const cases: [object, string][] = [
        [{ ...tam, idNumber: '12345' }, 'idNumber'],
        [{ ...tam, idNumber: '099189001234' }, 'idNumber'],
        [{ ...tam, fromUnitCode: '99999' }, 'fromUnitCode'],
        [{ ...tam, toUnitCode: outside.code }, 'toUnitCode'],
        [{ ...tam, toUnitCode: '100' }, 'toUnitCode'],
        [{ ...tam, toUnitCode: '26734' }, 'toUnitCode'],
        [{ ...tam, arrivalDate: addDays(today, 30) }, 'arrivalDate'],
        [{ ...tam, arrivalDate: addDays(today, -60) }, 'arrivalDate'],
        [{ ...tam, birthYear: undefined, dateOfBirth: addDays(today, -1), arrivalDate: addDays(today, -2) }, 'arrivalDate'],
        [{ ...tam, birthYear: null }, 'birthYear'],
        [{ ...tam, phone: '12345' }, 'phone'],
        [{ ...tam, phone: '' }, 'phone'],
        [{ ...tam, transport: 'rocket' }, 'transport'],
        [{ ...tam, symptoms: ['sneezing'] }, 'symptoms.0'],
        [{ ...tam, vaccinationDoses: 9 }, 'vaccinationDoses'],
        [{ ...tam, checkpointToken: 'khong-co' }, 'checkpointToken'],
      ];
      const anon = t.anonymous();
      for (const [body, field] of cases) {
        const res = await anon.post('/api/v1/public/declarations', body);
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
        expect(res.json().error.field, JSON.stringify(res.json())).toBe(field);
        expect(res.json().error.message).toMatch(/[ạảãàáâăđêôơưọốồộớờợụủứừữựỳỷỹýếềểễệịỉìíòóõỏúù]/i);
      }
      expect([await count('declarations'), await count('people'), await count('obligations')]).toEqual(before);
    });

    it('turns away the honeypot and limits each address to 20 submissions in 10 minutes', async () => {
      const bot = t.anonymous();
      const trap = await bot.post('/api/v1/public/declarations', { ...tam, website: 'http://re.example' });
      expect(trap.statusCode).toBe(400);
      expect(trap.json().error).toMatchObject({ code: 'SPAM', field: 'website' });
      const flood = t.anonymous();
      for (let i = 0; i < 20; i++) expect((await flood.post('/api/v1/public/declarations', { fullName: 'x' })).statusCode).toBe(400);
      const res = await flood.post('/api/v1/public/declarations', tam);
      expect(res.statusCode).toBe(429);
      expect(res.json().error.code).toBe('RATE_LIMITED');
      expect(res.json().error.message).toContain('quá nhiều lần');
      expect((await t.anonymous().post('/api/v1/public/declarations', { ...tam, fullName: 'Lò Văn Tú' })).statusCode).toBe(201);
    });

    it('shows the commune what is due today and overdue, and records tests with the version seen', async () => {
      const staff = await t.login('yte.natong');
      const res = await staff.post('/api/v1/declarations', { ...tam, fullName: 'Tòng Văn Bình', birthYear: 1970, phone: null, arrivalDate: addDays(today, -3), toUnitCode: '03365.03' });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ source: 'staff', fromZone: true, personCreated: true });
      const id = res.json().obligationId;
      const ids = async (q: string) => (await staff.get(`/api/v1/obligations?${q}`)).json().items.map((o: { id: number }) => o.id);
      expect(await ids('due=overdue')).toContain(id);
      expect(await ids('due=today')).not.toContain(id);
      let ob = (await staff.get(`/api/v1/obligations/${id}`)).json();
      expect(ob).toMatchObject({ state: 'overdue', overdue: [{ kind: 'test', day: 1, date: addDays(today, -3) }], nextDueDate: addDays(today, -3) });

      const done = await staff.patch(`/api/v1/obligations/${id}`, { version: ob.version, action: 'test_done', testDay: 1, doneOn: addDays(today, -3), result: 'negative' });
      expect(done.statusCode, done.body).toBe(200);
      expect(done.json()).toMatchObject({ state: 'upcoming', nextDueDate: addDays(today, 3), version: ob.version + 1 });
      expect(await ids('due=overdue')).not.toContain(id);
      expect(await ids('due=upcoming')).toContain(id);
      expect((await staff.patch(`/api/v1/obligations/${id}`, { version: ob.version, action: 'cancel', reason: 'Nhầm' })).statusCode).toBe(409);
      ob = done.json();
      const early = await staff.patch(`/api/v1/obligations/${id}`, { version: ob.version, action: 'complete' });
      expect(early.statusCode).toBe(400);
      expect(early.json().error.message).toContain('ngày thứ 7');
      expect((await staff.patch(`/api/v1/obligations/${id}`, { version: ob.version, action: 'test_done', testDay: 7, doneOn: addDays(today, 1) })).json().error.field).toBe('doneOn');
      const cancelled = await staff.patch(`/api/v1/obligations/${id}`, { version: ob.version, action: 'cancel', reason: 'Đã chuyển đi nơi khác' });
      expect(cancelled.json()).toMatchObject({ status: 'cancelled', state: 'cancelled', note: 'Đã chuyển đi nơi khác', nextDueDate: null });
      expect(cancelled.json().completedAt).toBeTruthy();
      expect(await ids('status=open')).not.toContain(id);
      const audit = (await admin.get(`/api/v1/audit?entity=obligation&entityId=${id}&action=update`)).json();
      expect(audit.items.map((e: { changes: { action: [null, string] } }) => e.changes.action[1]).sort()).toEqual(['cancel', 'test_done']);

      const outside = await staff.post('/api/v1/declarations', { ...tam, toUnitCode: '03364.01' });
      expect(outside.statusCode).toBe(400);
      expect(outside.json().error.field).toBe('toUnitCode');
    });

    it('lets a district replace the follow-up rule for its arrivals, with the version seen', async () => {
      expect((await natong.request('PUT', '/api/v1/obligation-rules', { name: 'Xã tự đặt', quarantineDays: 3, testDays: [1] })).statusCode).toBe(403);
      const rules = (await natong.get('/api/v1/obligation-rules')).json();
      expect(rules.effective).toMatchObject({ unitCode: null, quarantineDays: 7, testDays: [1, 7] });
      const bad = await district.request('PUT', '/api/v1/obligation-rules', { name: 'Sai', quarantineDays: 14, testDays: [1, 15] });
      expect(bad.json().error.field).toBe('testDays');
      const set = await district.request('PUT', '/api/v1/obligation-rules', { name: 'Cách ly tại nhà 14 ngày', quarantineDays: 14, testDays: [14, 1, 7] });
      expect(set.statusCode, set.body).toBe(200);
      expect(set.json()).toMatchObject({ unitCode: '100', quarantineDays: 14, testDays: [1, 7, 14], version: 1, active: true });
      expect((await district.request('PUT', '/api/v1/obligation-rules', { name: 'Lần hai', quarantineDays: 10, testDays: [1], version: 7 })).statusCode).toBe(409);
      expect((await natong.get('/api/v1/obligation-rules')).json().effective).toMatchObject({ unitCode: '100', quarantineDays: 14 });
      const national = (await admin.get('/api/v1/obligation-rules')).json();
      expect(national.effective).toMatchObject({ unitCode: null, quarantineDays: 7 });
      expect(national.items.map((x: { unitCode: string | null }) => x.unitCode).sort()).toEqual(['100', null].sort());

      const res = await t.anonymous().post('/api/v1/public/declarations', { ...tam, fullName: 'Điêu Chính Tươi', birthYear: 1992 });
      const d = (await natong.get(`/api/v1/declarations?q=${res.json().receiptCode}`)).json().items[0];
      const ob = (await natong.get(`/api/v1/obligations/${d.obligationId}`)).json();
      expect(ob).toMatchObject({ endDate: addDays(today, 13), rule: { quarantineDays: 14, testDays: [1, 7, 14] } });
      expect(ob.tests.map((x: { date: string }) => x.date)).toEqual([today, addDays(today, 6), addDays(today, 13)]);
      // Follow-ups opened earlier keep their rule.
      expect((await natong.get('/api/v1/obligations?q=lo%20van%20tam')).json().items[0].endDate).toBe(addDays(today, 6));
    });

    it('keeps personal data from observers and from other communes, and logs who read it', async () => {
      const observer = await t.login('theodoi.dienbien');
      expect((await observer.get('/api/v1/declarations')).statusCode).toBe(403);
      expect((await observer.get('/api/v1/obligations')).statusCode).toBe(403);
      expect((await observer.get('/api/v1/declarations/export.xlsx')).statusCode).toBe(403);
      const d = (await natong.get('/api/v1/declarations?q=lo%20van%20tam')).json().items[0];
      expect((await observer.get(`/api/v1/declarations/${d.id}`)).statusCode).toBe(403);
      expect((await (await t.login('xa.muongnha')).get(`/api/v1/declarations/${d.id}`)).statusCode).toBe(404);
      expect((await district.get(`/api/v1/declarations/${d.id}`)).json().fullName).toBe('Lò Văn Tâm');
      const reads = (await admin.get(`/api/v1/audit?entity=declaration&entityId=${d.id}&action=read`)).json();
      expect(reads.items.map((e: { username: string }) => e.username)).toContain('huyen.dienbien');
      const xlsx = await natong.get('/api/v1/declarations/export.xlsx?fromZone=true');
      expect(xlsx.statusCode).toBe(200);
      expect(xlsx.headers['content-type']).toContain('spreadsheetml');
      expect((await natong.get('/api/v1/obligations/export.xlsx?due=today')).statusCode).toBe(200);
      expect((await observer.get('/api/v1/epidemic-zones/export.xlsx')).statusCode).toBe(200);
    });

    it('offers the national list as origins and the managed area as destinations to the public form', async () => {
      const anon = t.anonymous();
      const provinces = (await anon.get('/api/v1/public/origins')).json().items;
      expect(provinces).toHaveLength(63);
      expect(provinces.find((p: { code: string }) => p.code === '79').label).toBe('Thành phố Hồ Chí Minh');
      expect((await anon.get('/api/v1/public/origins?parent=760')).json().items.map((c: { code: string }) => c.code)).toContain('26734');
      const found = (await anon.get('/api/v1/public/destinations?q=hat%20tao')).json().items;
      expect(found).toEqual([{ code: '03365.01', tier: 'village', label: 'Bản Hát Tao', fullLabel: 'Bản Hát Tao, Xã Na Tông, Huyện Điện Biên' }]);
      expect((await anon.get('/api/v1/public/destinations?q=tan%20dinh')).json().items).toEqual([]);
      expect((await anon.get('/api/v1/public/destinations')).json().items).toEqual([]);
    });
  });
}
