import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { startTestApp, type TestApp } from '../test/app.js';
import { testEngines } from '../test/db.js';

const hoa = { fullName: 'lò thị  hoa', dateOfBirth: '1989-04-12', sex: 'female', idNumber: '011189001234', phone: '0912 345 678', unitCode: '03365.01', address: 'Bản Hát Tao', residenceStatus: 'thuong_tru' };

for (const engine of await testEngines()) {
  describe(`people [${engine}]`, () => {
    let t: TestApp;
    beforeAll(async () => { t = await startTestApp(engine); });
    afterAll(async () => { await t?.close(); });

    it('registers a person, normalising name, ID and phone, and audits the write and the read', async () => {
      const c = await t.login('xa.natong');
      const res = await c.post('/api/v1/people', hoa);
      expect(res.statusCode, res.body).toBe(201);
      const p = res.json();
      expect(p).toMatchObject({ fullName: 'Lò Thị Hoa', birthYear: 1989, idNumber: '011189001234', phone: '0912345678', unitCode: '03365.01', unitName: 'Hát Tao', version: 1, probableDuplicates: [] });
      const read = await c.get(`/api/v1/people/${p.id}`);
      expect(read.statusCode).toBe(200);
      const audit = (await (await t.login('admin')).get(`/api/v1/audit?entity=person&entityId=${p.id}`)).json();
      expect(audit.items.map((e: { action: string }) => e.action).sort()).toEqual(['create', 'read']);
    });

    it('refuses a second record with the same ID number, naming the existing one when visible', async () => {
      const c = await t.login('yte.natong');
      const res = await c.post('/api/v1/people', { ...hoa, fullName: 'Lò Thị Hoa B', phone: null });
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({ code: 'DUPLICATE_ID', field: 'idNumber' });
      expect(res.json().error.existingId).toBeGreaterThan(0);
      const other = await t.login('xa.muongnha');
      const hidden = await other.post('/api/v1/people', { ...hoa, unitCode: '03364.01' });
      expect(hidden.statusCode).toBe(409);
      expect(hidden.json().error.existingId).toBeUndefined();
      expect(hidden.json().error.message).not.toContain('Hoa');
    });

    it('reports every bad field in Vietnamese and writes nothing', async () => {
      const c = await t.login('xa.natong');
      const before = (await c.get('/api/v1/people?unit=03365')).json().total;
      const cases: [object, string][] = [
        [{ ...hoa, idNumber: '12345' }, 'idNumber'],
        [{ ...hoa, idNumber: '099189001234' }, 'idNumber'],
        [{ ...hoa, idNumber: null, dateOfBirth: '2099-01-01' }, 'dateOfBirth'],
        [{ ...hoa, idNumber: null, dateOfBirth: '2021-02-30' }, 'dateOfBirth'],
        [{ ...hoa, idNumber: null, phone: '12345' }, 'phone'],
        [{ ...hoa, idNumber: null, unitCode: '03364.01' }, 'unitCode'],
        [{ ...hoa, idNumber: null, unitCode: '100' }, 'unitCode'],
        [{ ...hoa, idNumber: null, residenceStatus: 'vang' }, 'residenceStatus'],
        [{ ...hoa, idNumber: '011190001234' }, 'idNumber'],
      ];
      for (const [body, field] of cases) {
        const res = await c.post('/api/v1/people', body);
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
        expect(res.json().error.field).toBe(field);
      }
      const many = await c.post('/api/v1/people', { ...hoa, fullName: '', idNumber: 'x', phone: 'y' });
      expect(many.json().error.details.map((d: { field: string }) => d.field).sort()).toEqual(['fullName', 'idNumber', 'phone']);
      expect((await c.get('/api/v1/people?unit=03365')).json().total).toBe(before);
    });

    it('flags a probable duplicate and merges it, keeping every link', async () => {
      const c = await t.login('xa.natong');
      const a = (await c.post('/api/v1/people', { fullName: 'Quàng Văn Ún', birthYear: 1950, unitCode: '03365.02', phone: '0988111222' })).json();
      const household = (await c.post('/api/v1/households', { unitCode: '03365.02', address: 'Nhà số 4', headPersonId: a.id })).json();
      const b = (await c.post('/api/v1/people', { fullName: 'quang van un', birthYear: 1950, unitCode: '03365.02', idNumber: '011050001111', sex: 'male' })).json();
      expect(b.probableDuplicates).toEqual([a.id]);
      const pairs = (await c.get('/api/v1/people/duplicates?unit=03365')).json();
      expect(pairs.items.some((d: { person: { id: number }; other: { id: number } }) => d.person.id === b.id && d.other.id === a.id)).toBe(true);

      const stale = await c.post(`/api/v1/people/${b.id}/merge`, { otherId: a.id, version: 99 });
      expect(stale.statusCode).toBe(409);
      const merged = await c.post(`/api/v1/people/${b.id}/merge`, { otherId: a.id, version: b.version });
      expect(merged.statusCode, merged.body).toBe(200);
      expect(merged.json()).toMatchObject({ id: b.id, idNumber: '011050001111', phone: '0988111222', householdId: household.id });
      expect((await c.get(`/api/v1/people/${a.id}`)).statusCode).toBe(404);
      const h = (await c.get(`/api/v1/households/${household.id}`)).json();
      expect(h.headPersonId).toBe(b.id);
      expect(h.members.map((m: { id: number }) => m.id)).toEqual([b.id]);
      expect((await c.get('/api/v1/people/duplicates?unit=03365')).json().items.find((d: { person: { id: number } }) => d.person.id === b.id)).toBeUndefined();
    });

    it('searches without diacritics, by ID and phone, and filters by status, age band and flag', async () => {
      const c = await t.login('xa.natong');
      await c.post('/api/v1/people', { fullName: 'Cà Thị Ngọc', birthYear: 1940, unitCode: '03365.03', residenceStatus: 'tam_vang', flags: { elderlyAlone: true } });
      await c.post('/api/v1/people', { fullName: 'Lò Văn Minh', dateOfBirth: `${new Date().getFullYear() - 14}-03-01`, unitCode: '03365.03', residenceStatus: 'tam_tru', phone: '0977000111' });
      const names = async (q: string) => (await c.get(`/api/v1/people?${q}`)).json().items.map((p: { fullName: string }) => p.fullName);
      expect(await names('q=ca%20thi%20ngoc')).toEqual(['Cà Thị Ngọc']);
      expect(await names('q=011189001234')).toEqual(['Lò Thị Hoa']);
      expect(await names('q=0977000111')).toEqual(['Lò Văn Minh']);
      expect(await names('q=%2B84977000111')).toEqual(['Lò Văn Minh']);
      expect(await names('unit=03365.03&residenceStatus=tam_vang')).toEqual(['Cà Thị Ngọc']);
      expect(await names('unit=03365.03&ageBand=65%2B')).toEqual(['Cà Thị Ngọc']);
      expect(await names('unit=03365.03&ageBand=12-17')).toEqual(['Lò Văn Minh']);
      expect(await names('unit=03365&flag=elderlyAlone')).toEqual(['Cà Thị Ngọc']);
    });

    it('updates with optimistic concurrency and records the changed fields', async () => {
      const c = await t.login('xa.natong');
      const p = (await c.get('/api/v1/people?q=lo%20van%20minh')).json().items[0];
      const res = await c.patch(`/api/v1/people/${p.id}`, { version: p.version, residenceStatus: 'thuong_tru', occupation: 'Học sinh' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ residenceStatus: 'thuong_tru', occupation: 'Học sinh', version: p.version + 1 });
      const again = await c.patch(`/api/v1/people/${p.id}`, { version: p.version, occupation: 'Nông dân' });
      expect(again.statusCode).toBe(409);
      const bad = await c.patch(`/api/v1/people/${p.id}`, { version: p.version + 1, dateOfBirth: '2030-01-01' });
      expect(bad.statusCode).toBe(400);
      expect((await c.get(`/api/v1/people/${p.id}`)).json().occupation).toBe('Học sinh');
      const audit = (await (await t.login('admin')).get(`/api/v1/audit?entity=person&entityId=${p.id}&action=update`)).json();
      expect(audit.items[0].changes).toMatchObject({ residenceStatus: ['tam_tru', 'thuong_tru'], occupation: [null, 'Học sinh'] });
    });

    it('keeps boarding houses with their landlord and capacity', async () => {
      const c = await t.login('tt.lienhuong');
      const noLandlord = await c.post('/api/v1/households', { unitCode: '22969.01', kind: 'boarding_house', address: 'Khu trọ công nhân số 2' });
      expect(noLandlord.json().error.field).toBe('landlordName');
      const res = await c.post('/api/v1/households', { unitCode: '22969.01', kind: 'boarding_house', name: 'Khu trọ Hòa Bình', address: 'Khu trọ công nhân số 2', landlordName: 'Nguyễn Văn Bình', landlordPhone: '0903 123 456', capacity: 40 });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ kind: 'boarding_house', landlordPhone: '0903123456', capacity: 40 });
      const list = (await c.get('/api/v1/households?kind=boarding_house')).json();
      expect(list.items.map((h: { name: string }) => h.name)).toEqual(['Khu trọ Hòa Bình']);
      // Lists and the household page name the village, not only its code.
      const village = (await c.get('/api/v1/units/22969.01')).json().name;
      expect(village).toBeTruthy();
      expect(list.items[0].unitName).toBe(village);
      expect((await c.get(`/api/v1/households/${res.json().id}`)).json()).toMatchObject({ unitName: village, memberCount: 0, members: [] });
      // Found without diacritics, by name and by address.
      expect((await c.get('/api/v1/households?q=hoa%20binh')).json().items.map((h: { id: number }) => h.id)).toEqual([res.json().id]);
      expect((await c.get('/api/v1/households?q=cong%20nhan%20so%202')).json().total).toBe(1);
      const exported = await c.get('/api/v1/households/export.xlsx?kind=boarding_house');
      expect(exported.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
      const sheet = wb.worksheets[0];
      expect(sheet.getRow(1).values).toEqual(expect.arrayContaining(['Mã hộ', 'Chủ hộ', 'Chủ nhà trọ', 'Sức chứa']));
      expect(sheet.rowCount).toBe(2);
      expect(sheet.getRow(2).values).toEqual(expect.arrayContaining(['Khu trọ Hòa Bình', 'Nhà trọ/khu trọ', 'Nguyễn Văn Bình', 40]));
    });

    it('hides people from observers and from other communes, and team members see only their villages', async () => {
      expect((await (await t.login('theodoi.dienbien')).get('/api/v1/people')).statusCode).toBe(403);
      const hoaId = (await (await t.login('xa.natong')).get('/api/v1/people?q=011189001234')).json().items[0].id;
      const other = await t.login('xa.muongnha');
      expect((await other.get(`/api/v1/people/${hoaId}`)).statusCode).toBe(404);
      expect((await other.get('/api/v1/people?q=lo%20thi%20hoa')).json().total).toBe(0);
      const team = await t.login('to.hattao');
      const seen = (await team.get('/api/v1/people?pageSize=500')).json().items.map((p: { unitCode: string }) => p.unitCode);
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.every((u: string) => u === '03365.01')).toBe(true);
      const district = await t.login('huyen.dienbien');
      expect((await district.get(`/api/v1/people/${hoaId}`)).statusCode).toBe(200);
    });

    it('exports the filtered list to XLSX with Vietnamese headers and logs the export', async () => {
      const c = await t.login('xa.natong');
      const res = await c.get('/api/v1/people/export.xlsx?unit=03365.03');
      expect(res.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0];
      expect(ws.getRow(1).values).toEqual(expect.arrayContaining(['Họ và tên', 'Số CCCD/CMND', 'Tình trạng cư trú']));
      const names: string[] = [];
      ws.eachRow((r, n) => { if (n > 1) names.push(String(r.getCell(2).value)); });
      expect(names.sort()).toEqual(['Cà Thị Ngọc', 'Lò Văn Minh']);
      const audit = (await (await t.login('admin')).get('/api/v1/audit?entity=person&action=export')).json();
      expect(audit.total).toBeGreaterThan(0);
    });
  });
}
