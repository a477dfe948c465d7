import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '@pcd/core';
import { startTestApp, type Client, type TestApp } from '../test/app.js';
import { testEngines } from '../test/db.js';
import { daysAgo, resident, today } from '../test/cases.js';
import { readTable } from '../lib/spreadsheet.js';

const facility = {
  name: 'Khu cách ly Trường THCS Na Tông', unitCode: '03365', address: 'Bản Hát Tao, xã Na Tông', rooms: 6, operator: 'Ban CHQS huyện Điện Biên', status: 'active',
  overloadPct: 80, areas: [{ kind: 'f1', name: 'Dãy A — F1', beds: 4 }, { kind: 'f2', name: 'Dãy B — F2', beds: 2 }, { kind: 'arrival', name: 'Dãy C — người về', beds: 4 }],
};

for (const engine of await testEngines()) {
  describe(`quarantine [${engine}]`, () => {
    let t: TestApp;
    let natong: Client;
    let fac: { id: number; version: number; areas: { id: number; kind: string }[] };
    const area = (kind: string) => fac.areas.find((a) => a.kind === kind)!.id;

    beforeAll(async () => {
      t = await startTestApp(engine);
      natong = await t.login('xa.natong');
      const res = await natong.post('/api/v1/quarantine/facilities', facility);
      expect(res.statusCode, res.body).toBe(201);
      fac = res.json();
    });
    afterAll(async () => { await t?.close(); });

    it('keeps facilities with separate areas, and refuses bad input', async () => {
      expect(fac).toMatchObject({ beds: 10, occupied: 0, load: { overloaded: false }, warning: null, operator: 'Ban CHQS huyện Điện Biên', version: 1 });
      expect((await natong.post('/api/v1/quarantine/facilities', { ...facility, unitCode: '03365.01' })).json().error.field).toBe('unitCode');
      expect((await natong.post('/api/v1/quarantine/facilities', { ...facility, areas: [] })).json().error.field).toBe('areas');
      expect((await natong.post('/api/v1/quarantine/facilities', { ...facility, status: 'open' })).json().error.field).toBe('status');
      const renamed = await natong.patch(`/api/v1/quarantine/facilities/${fac.id}`, { version: 1, rooms: 8 });
      expect(renamed.statusCode, renamed.body).toBe(200);
      // A patch changes what it names: the status of an active facility stays.
      expect(renamed.json()).toMatchObject({ rooms: 8, status: 'active', version: 2 });
      const stale = await natong.patch(`/api/v1/quarantine/facilities/${fac.id}`, { version: 1, rooms: 9 });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error.field).toBe('version');
      fac = renamed.json();
    });

    it('places F1 and F2 apart, plans the end and tests, warns past the threshold, refuses a full area', async () => {
      const f1 = await resident(natong, 'Lò Văn Một');
      const wrong = await natong.post('/api/v1/quarantine/episodes', { personId: f1.id, kind: 'facility', facilityId: fac.id, areaId: area('f2'), reason: 'f1' });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().error).toMatchObject({ field: 'areaId' });
      expect(wrong.json().error.message).toContain('lây chéo');
      const ok = await natong.post('/api/v1/quarantine/episodes', { personId: f1.id, kind: 'facility', facilityId: fac.id, areaId: area('f1'), reason: 'f1', vaccinationDoses: 2 });
      expect(ok.statusCode, ok.body).toBe(201);
      expect(ok.json()).toMatchObject({ plannedEnd: addDays(today, 6), testDates: [today, addDays(today, 6)], areaKind: 'f1', status: 'active' });
      const again = await natong.post('/api/v1/quarantine/episodes', { personId: f1.id, kind: 'home', reason: 'f1' });
      expect(again.statusCode).toBe(409);
      expect(again.json().error).toMatchObject({ code: 'DUPLICATE_QUARANTINE', field: 'personId' });

      const place = async (name: string, reason: string, kind: string) => {
        const p = await resident(natong, name);
        const res = await natong.post('/api/v1/quarantine/episodes', { personId: p.id, kind: 'facility', facilityId: fac.id, areaId: area(kind), reason });
        return res;
      };
      for (const n of ['Hai', 'Ba', 'Bốn']) expect((await place(`Lò Văn ${n}`, 'f1', 'f1')).statusCode).toBe(201);
      const full = await place('Lò Văn Năm', 'f1', 'f1');
      expect(full.statusCode).toBe(409);
      expect(full.json().error).toMatchObject({ code: 'AREA_FULL', field: 'areaId' });
      for (const n of ['Sáu', 'Bảy']) expect((await place(`Cà Thị ${n}`, 'f2', 'f2')).statusCode).toBe(201);
      let detail = (await natong.get(`/api/v1/quarantine/facilities/${fac.id}`)).json();
      expect(detail).toMatchObject({ occupied: 6, load: { ratioPct: 60, overloaded: false }, warning: null });
      for (const n of ['Tám', 'Chín']) expect((await place(`Quàng Văn ${n}`, 'arrival', 'arrival')).statusCode).toBe(201);
      detail = (await natong.get(`/api/v1/quarantine/facilities/${fac.id}`)).json();
      expect(detail).toMatchObject({ occupied: 8, load: { ratioPct: 80, overloaded: true } });
      expect(detail.warning).toContain('80%');
      expect(detail.areas.map((a: { occupied: number }) => a.occupied)).toEqual([4, 2, 2]);

      const occ = (await natong.get(`/api/v1/quarantine/facilities/${fac.id}/occupancy?from=${daysAgo(1)}&to=${today}`)).json();
      expect(occ.days).toEqual([
        { date: daysAgo(1), total: 0, byArea: { f1: 0, f2: 0, arrival: 0 }, ratioPct: 0, overloaded: false },
        { date: today, total: 8, byArea: { f1: 4, f2: 2, arrival: 2 }, ratioPct: 80, overloaded: true },
      ]);
      expect((await natong.get(`/api/v1/quarantine/facilities/${fac.id}/occupancy?from=${today}&to=${daysAgo(1)}`)).json().error.field).toBe('from');
      const list = (await natong.get('/api/v1/quarantine/facilities')).json();
      expect(list.items.find((f: { id: number }) => f.id === fac.id).load.overloaded).toBe(true);
    });

    it('lists due tests, due releases and overdue episodes; releases by the rule', async () => {
      const dueToday = await natong.post('/api/v1/quarantine/episodes', { personId: (await resident(natong, 'Điêu Văn Đến')).id, kind: 'home', reason: 'arrival', startDate: daysAgo(6) });
      expect(dueToday.statusCode, dueToday.body).toBe(201);
      expect(dueToday.json().plannedEnd).toBe(today);
      const late = (await natong.post('/api/v1/quarantine/episodes', { personId: (await resident(natong, 'Điêu Văn Muộn')).id, kind: 'home', reason: 'other', startDate: daysAgo(20) })).json();
      const fresh = (await natong.post('/api/v1/quarantine/episodes', { personId: (await resident(natong, 'Điêu Văn Mới')).id, kind: 'home', reason: 'f2', startDate: daysAgo(2) })).json();
      const ids = async (due: string) => (await natong.get(`/api/v1/quarantine/episodes?unit=03365&due=${due}&pageSize=500`)).json().items.map((e: { id: number }) => e.id);
      expect(await ids('test_today')).toContain(dueToday.json().id);
      expect(await ids('test_today')).not.toContain(fresh.id);
      expect(await ids('release_due')).toEqual([dueToday.json().id]);
      expect(await ids('overdue')).toEqual([late.id]);
      expect((await natong.post('/api/v1/quarantine/episodes', { personId: (await resident(natong, 'Điêu Văn Xa')).id, kind: 'home', reason: 'f2', startDate: addDays(today, 5) })).json().error.field).toBe('startDate');
      expect((await natong.post('/api/v1/quarantine/episodes', { personId: fresh.personId, kind: 'home', reason: 'sick' })).json().error.field).toBe('reason');

      const early = await natong.post(`/api/v1/quarantine/episodes/${fresh.id}/release`, { version: fresh.version });
      expect(early.statusCode).toBe(400);
      expect(early.json().error.field).toBe('date');
      const done = await natong.post(`/api/v1/quarantine/episodes/${late.id}/release`, { version: late.version });
      expect(done.statusCode, done.body).toBe(200);
      expect(done.json()).toMatchObject({ status: 'released', releasedDate: today, releasedBy: 'Lò Thị Hoa', version: 2 });
      expect((await natong.post(`/api/v1/quarantine/episodes/${late.id}/release`, { version: late.version })).statusCode).toBe(409);
      expect(await ids('overdue')).toEqual([]);
      const xlsx = await natong.get('/api/v1/quarantine/episodes/export.xlsx?due=release_due');
      const text = JSON.stringify(await readTable(xlsx.rawPayload, 'x.xlsx'));
      expect(text).toContain('Điêu Văn Đến');
      expect(text).not.toContain('Điêu Văn Mới');
    });

    it('exports the meal-support roster of a facility for the Fatherland Front', async () => {
      const all = (await natong.get(`/api/v1/quarantine/episodes?facilityId=${fac.id}&status=active&pageSize=500`)).json().items;
      const poor = all.find((e: { fullName: string }) => e.fullName === 'Quàng Văn Tám');
      const patched = await natong.patch(`/api/v1/quarantine/episodes/${poor.id}`, { version: poor.version, mealSupport: true, mealNote: 'Về từ Bình Dương, mất việc' });
      expect(patched.statusCode, patched.body).toBe(200);
      expect(patched.json()).toMatchObject({ mealSupport: true, version: poor.version + 1 });
      expect((await natong.patch(`/api/v1/quarantine/episodes/${poor.id}`, { version: poor.version, mealSupport: false })).statusCode).toBe(409);
      const roster = await natong.get(`/api/v1/quarantine/facilities/${fac.id}/meal-roster.xlsx`);
      expect(roster.statusCode).toBe(200);
      const table = await readTable(roster.rawPayload, 'x.xlsx');
      expect(table.rows.length).toBe(1);
      expect(JSON.stringify(table)).toContain('Về từ Bình Dương, mất việc');

      const observer = await t.login('theodoi.dienbien');
      expect((await observer.get('/api/v1/quarantine/episodes')).statusCode).toBe(403);
      expect((await observer.get(`/api/v1/quarantine/facilities/${fac.id}/meal-roster.xlsx`)).statusCode).toBe(403);
      const seen = await observer.get(`/api/v1/quarantine/facilities/${fac.id}`);
      expect(seen.statusCode).toBe(200);
      expect(seen.json().occupied).toBe(8);
      expect(seen.body).not.toContain('Quàng');
      expect((await observer.post('/api/v1/quarantine/facilities', facility)).statusCode).toBe(403);
    });
  });
}
