import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { addDays, foldVietnamese } from '@pcd/core';
import { startTestApp, type TestApp } from '../test/app.js';
import { testEngines } from '../test/db.js';
import { activeSweep, sweepFixture, V1, V2, type SweepFixture } from '../test/sweeps.js';
import { nowIso } from '../lib/time.js';

for (const engine of await testEngines()) {
  describe(`arrivals found door to door and the police cross-check [${engine}]`, () => {
    let t: TestApp;
    let f: SweepFixture;
    let sweep: { id: number; version: number };
    const url = (rest = '') => `/api/v1/sweeps/${sweep.id}${rest}`;
    const hh = (village: string, i: number) => f.households[village][i].id;
    let toi: number;
    let receipts = 0;

    /** A declaration as the arrivals module stores it; only the columns the cross-check reads matter here. */
    async function declare(personId: number, toUnitCode: string, arrivalDate: string) {
      const db = t.testDb.handle.db;
      const p = await db.selectFrom('people').selectAll().where('id', '=', personId).executeTakeFirstOrThrow();
      const to = await db.selectFrom('units').select(['code', 'path']).where('code', '=', toUnitCode).executeTakeFirstOrThrow();
      await db.insertInto('declarations').values({
        receipt_code: `KB-TEST-${++receipts}`, person_id: p.id, full_name: p.full_name, name_folded: foldVietnamese(p.full_name),
        date_of_birth: p.date_of_birth, birth_year: p.birth_year, id_number: p.id_number, phone: null, from_unit_code: '79', from_unit_name: 'Thành phố Hồ Chí Minh',
        from_zone: 1, zone_id: null, arrival_date: arrivalDate, to_unit_code: to.code, to_unit_path: to.path, address: 'Nhà người thân', transport: 'motorbike',
        symptoms: '[]', vaccination_doses: 1, source: 'public', checkpoint_id: null, recorded_by: null, created_at: nowIso(),
      }).execute();
    }

    beforeAll(async () => {
      t = await startTestApp(engine);
      f = await sweepFixture(t);
      sweep = await activeSweep(f);
    });
    afterAll(async () => { await t?.close(); });

    it('creates a new arrival once: the same ID number found again links to the same person', async () => {
      const arrival = { fullName: 'Lò Văn Tới', birthYear: 1995, idNumber: '079095001234', originUnitCode: '79', arrivalDate: addDays(f.today, -5) };
      const first = await f.m2.client.post(url('/visits'), { householdId: hh(V2, 0), outcome: 'found', arrivals: [arrival] });
      expect(first.statusCode, first.body).toBe(201);
      toi = first.json().arrivals[0].personId;
      expect(first.json().arrivals[0]).toMatchObject({ created: true, probableDuplicates: [] });
      const again = await f.m2.client.post(url('/visits'), { householdId: hh(V2, 1), outcome: 'found', arrivals: [{ ...arrival, idNumber: '0790 9500 1234', fullName: 'Lo Van Toi' }] });
      expect(again.statusCode, again.body).toBe(201);
      expect(again.json().arrivals[0]).toMatchObject({ personId: toi, created: false, fullName: 'Lò Văn Tới' });
      expect((await f.cmd.get('/api/v1/people?q=079095001234')).json().total).toBe(1);
    });

    it('flags a probable duplicate (same name, birth year and village) and a merge keeps the visit', async () => {
      const resident = (await f.cmd.post('/api/v1/people', { fullName: 'Cà Văn Đông', birthYear: 1988, unitCode: V1 })).json();
      const res = await f.m1.client.post(url('/visits'), { householdId: hh(V1, 0), outcome: 'found', arrivals: [{ fullName: 'ca van dong', birthYear: 1988, arrivalDate: addDays(f.today, -40) }] });
      expect(res.statusCode, res.body).toBe(201);
      const dup = res.json().arrivals[0];
      expect(dup).toMatchObject({ created: true, probableDuplicates: [resident.id] });
      const merged = await f.cmd.post(`/api/v1/people/${resident.id}/merge`, { otherId: dup.personId, version: resident.version });
      expect(merged.statusCode, merged.body).toBe(200);
      const visits = (await f.cmd.get(url(`/visits?household=${hh(V1, 0)}`))).json();
      expect(visits.items[0].arrivals[0]).toMatchObject({ personId: resident.id, fullName: 'Cà Văn Đông' });
    });

    it('an ID number registered in another commune is refused on the arrival line, naming no one', async () => {
      const b = await t.login('xa.muongnha');
      expect((await b.post('/api/v1/people', { fullName: 'Người Mường Nhà', birthYear: 1990, idNumber: '011090009999', unitCode: '03364.01' })).statusCode).toBe(201);
      const res = await f.m1.client.post(url('/visits'), { householdId: hh(V1, 1), outcome: 'found', arrivals: [{ fullName: 'Người Lạ', birthYear: 1990, idNumber: '011090009999', arrivalDate: f.today }] });
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({ code: 'DUPLICATE_ID', field: 'arrivals.0.idNumber' });
      expect(res.body).not.toContain('Mường Nhà');
      expect((await f.cmd.get(url('/visits?household=' + hh(V1, 1)))).json().total).toBe(0);
    });

    it('lists those declared but not found and those found but not declared', async () => {
      const cmd = f.cmd;
      const bien = (await f.m1.client.post(url('/visits'), { householdId: hh(V1, 2), outcome: 'found', arrivals: [
        { fullName: 'Quàng Thị Biên', birthYear: 2001, arrivalDate: addDays(f.today, -3) },
        { fullName: 'Tòng Văn Lạ', birthYear: 1979, arrivalDate: addDays(f.today, -1), origin: 'Khu công nghiệp VSIP, Bình Dương' },
      ] })).json().arrivals;
      const quietly = (await cmd.post('/api/v1/people', { fullName: 'Lường Văn Khai', birthYear: 1992, unitCode: V1 })).json().id;
      const bienDeclared = (await cmd.post('/api/v1/people', { fullName: 'Quàng Thị Biên', birthYear: 2001, unitCode: '03365' })).json().id;
      const elsewhere = (await cmd.post('/api/v1/people', { fullName: 'Lò Thị Ngoài', birthYear: 1980, unitCode: '03365.03' })).json().id;
      const b = await t.login('xa.muongnha');
      const other = (await b.post('/api/v1/people', { fullName: 'Lò Văn Bên Kia', birthYear: 1985, unitCode: '03364.01' })).json().id;
      await declare(toi, V2, addDays(f.today, -5)); // found: the same record
      await declare(bienDeclared, '03365', addDays(f.today, -3)); // found: same name and birth year, declared to the commune
      await declare(quietly, V1, addDays(f.today, -2)); // declared, never found
      await declare(quietly, V1, addDays(f.fromDate, -30)); // long before the window
      await declare(elsewhere, '03365.03', addDays(f.today, -2)); // a village outside the sweep
      await declare(other, '03364.01', addDays(f.today, -2)); // another commune

      const res = await cmd.get(url('/cross-check'));
      expect(res.statusCode, res.body).toBe(200);
      const r = res.json();
      expect(r).toMatchObject({ fromDate: addDays(f.fromDate, -14), toDate: f.toDate, declared: 3, found: 3, matched: 2 });
      expect(r.onlyDeclared).toEqual([expect.objectContaining({ source: 'declared', personId: quietly, fullName: 'Lường Văn Khai', birthYear: 1992, unitCode: V1, unitName: 'Hát Tao', origin: 'Thành phố Hồ Chí Minh' })]);
      expect(r.onlyFound).toEqual([expect.objectContaining({ source: 'found', personId: bien[1].personId, fullName: 'Tòng Văn Lạ', unitCode: V1, origin: 'Khu công nghiệp VSIP, Bình Dương' })]);

      const narrow = (await cmd.get(url(`/cross-check?from=${f.today}`))).json();
      expect(narrow).toMatchObject({ declared: 0, found: 0, onlyDeclared: [], onlyFound: [] });
      const wrong = await cmd.get(url(`/cross-check?from=${f.today}&to=${addDays(f.today, -1)}`));
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().error.field).toBe('to');

      const xlsx = await cmd.get(url('/cross-check/export.xlsx'));
      expect(xlsx.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const names: string[] = [];
      wb.worksheets[0].eachRow((row, n) => { if (n > 1) names.push(String(row.getCell(3).value)); });
      expect(names).toEqual(['Lường Văn Khai', 'Tòng Văn Lạ']);

      expect((await f.m1.client.get(url('/cross-check'))).statusCode).toBe(403);
      expect((await b.get(url('/cross-check'))).statusCode).toBe(404);
    });
  });
}
