import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, vnDate } from '@pcd/core';
import { startTestApp, type Client, type TestApp } from '../test/app.js';
import { testEngines } from '../test/db.js';

const today = vnDate();
// The two declaration points of Thông báo 01-TB/BCĐ (Điện Biên district, 02/11/2021).
const hatTao = { name: 'Điểm khai báo y tế đầu bản Hát Tao', kind: 'declaration_point', unitCode: '03365.01', location: 'Đầu bản Hát Tao, xã Na Tông', lat: 21.28, lng: 102.98, staffOnDuty: 'Lò Văn Sơn (0912 345 001), Đồn Biên phòng Mường Nhà' };

for (const engine of await testEngines()) {
  describe(`checkpoints [${engine}]`, () => {
    let t: TestApp;
    let natong: Client;
    let point: { id: number; version: number; publicToken: string };

    beforeAll(async () => {
      t = await startTestApp(engine);
      natong = await t.login('xa.natong');
    });
    afterAll(async () => { await t?.close(); });

    it('creates a declaration point in the commune, for command staff only', async () => {
      expect((await (await t.login('yte.natong')).post('/api/v1/checkpoints', hatTao)).statusCode).toBe(403);
      const outside = await natong.post('/api/v1/checkpoints', { ...hatTao, name: 'Điểm Pu Lau', unitCode: '03364.01' });
      expect(outside.json().error.field).toBe('unitCode');
      expect((await natong.post('/api/v1/checkpoints', { ...hatTao, lng: null })).json().error.field).toBe('lng');
      const res = await natong.post('/api/v1/checkpoints', hatTao);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ kind: 'declaration_point', unitCode: '03365.01', unitName: 'Hát Tao', active: true, version: 1 });
      point = res.json();
      expect(point.publicToken).toMatch(/^[\w-]{16}$/);
      const list = (await natong.get('/api/v1/checkpoints?unit=03365&kind=declaration_point')).json();
      expect(list.items.map((c: { id: number }) => c.id)).toEqual([point.id]);
      expect((await (await t.login('xa.muongnha')).get(`/api/v1/checkpoints/${point.id}`)).statusCode).toBe(404);
    });

    it('tells the public form where it is, and serves the QR code of the form', async () => {
      const pub = await t.anonymous().get(`/api/v1/public/checkpoints/${point.publicToken}`);
      expect(pub.statusCode).toBe(200);
      expect(pub.json()).toEqual({ name: hatTao.name, kind: 'declaration_point', unitCode: '03365.01', unitName: 'Hát Tao', location: hatTao.location, communeCode: '03365' });
      expect((await t.anonymous().get('/api/v1/public/checkpoints/khong-co-ma-nay')).statusCode).toBe(404);
      const qr = await natong.get(`/api/v1/checkpoints/${point.id}/qr.svg`);
      expect(qr.statusCode).toBe(200);
      expect(qr.headers['content-type']).toContain('image/svg+xml');
      expect(qr.body).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      expect(decodeURI(String(qr.headers['x-qr-url']))).toMatch(new RegExp(`^http://localhost(:80)?/khai-bao/${point.publicToken}$`));
      const villages = (await t.anonymous().get(`/api/v1/public/destinations?checkpointToken=${point.publicToken}`)).json().items;
      expect(villages[0]).toMatchObject({ code: '03365', tier: 'commune' });
      expect(villages.slice(1).every((v: { code: string }) => v.code.startsWith('03365.'))).toBe(true);
    });

    it('logs passages and counts them per day with the declarations made there', async () => {
      const team = await t.login('to.hattao');
      const base = `/api/v1/checkpoints/${point.id}`;
      expect((await team.get(base)).statusCode).toBe(200);
      const first = await team.post(`${base}/passages`, { direction: 'in', vehiclePlate: '27a-123.45', personCount: 3 });
      expect(first.statusCode, first.body).toBe(201);
      expect(first.json()).toMatchObject({ direction: 'in', vehiclePlate: '27A12345', personCount: 3, day: today });
      await team.post(`${base}/passages`, { direction: 'out' });
      const yesterday = new Date(Date.now() - 86_400_000).toISOString();
      await team.post(`${base}/passages`, { direction: 'in', at: yesterday, personCount: 2 });
      expect((await team.post(`${base}/passages`, { direction: 'in', vehiclePlate: 'xe máy' })).json().error.field).toBe('vehiclePlate');
      expect((await team.post(`${base}/passages`, { direction: 'in', at: new Date(Date.now() + 3_600_000).toISOString() })).json().error.field).toBe('at');
      expect((await team.post(`${base}/passages`, { direction: 'sideways' })).statusCode).toBe(400);

      const decl = await t.anonymous().post('/api/v1/public/declarations', {
        fullName: 'Lò Văn Tâm', birthYear: 1995, phone: '0912000111', fromUnitCode: '01', arrivalDate: today, toUnitCode: '03365.01',
        address: 'Bản Hát Tao', transport: 'motorbike', symptoms: [], vaccinationDoses: 2, checkpointToken: point.publicToken,
      });
      expect(decl.statusCode, decl.body).toBe(201);
      const d = (await natong.get(`/api/v1/declarations?checkpointId=${point.id}`)).json().items[0];
      expect(d).toMatchObject({ source: 'public', checkpointId: point.id, checkpointName: hatTao.name });
      const staff = await natong.post('/api/v1/declarations', { fullName: 'Cà Văn Nam', birthYear: 1985, fromUnitCode: '01', arrivalDate: today, toUnitCode: '03365.01', address: 'Bản Hát Tao', transport: 'car', symptoms: [], vaccinationDoses: 1, checkpointId: point.id });
      expect(staff.json()).toMatchObject({ source: 'checkpoint', checkpointId: point.id });

      const log = (await team.get(`${base}/passages?date=${today}`)).json();
      expect(log.total).toBe(2);
      expect(log.items.map((p: { direction: string }) => p.direction).sort()).toEqual(['in', 'out']);
      const stats = (await (await t.login('theodoi.dienbien')).get(`${base}/stats?from=${addDays(today, -2)}&to=${today}`)).json();
      expect(stats.days.map((x: { date: string }) => x.date)).toEqual([addDays(today, -2), addDays(today, -1), today]);
      expect(stats.days.at(-1)).toEqual({ date: today, passagesIn: 1, passagesOut: 1, peopleIn: 3, peopleOut: 1, declarations: 2 });
      expect(stats.totals).toEqual({ passagesIn: 2, passagesOut: 1, peopleIn: 5, peopleOut: 1, declarations: 2 });
      expect((await natong.get(`${base}/stats?from=${today}&to=${addDays(today, -1)}`)).json().error.field).toBe('to');
      expect((await natong.get(`${base}/passages/export.xlsx?from=${addDays(today, -1)}&to=${today}`)).statusCode).toBe(200);
      expect((await natong.get('/api/v1/checkpoints/export.xlsx')).statusCode).toBe(200);
    });

    it('shows observers the figures but not the officials on duty or the plates', async () => {
      const observer = await t.login('theodoi.dienbien');
      const c = (await observer.get(`/api/v1/checkpoints/${point.id}`)).json();
      expect(c.name).toBe(hatTao.name);
      expect(c.staffOnDuty).toBeNull();
      expect((await observer.get(`/api/v1/checkpoints/${point.id}/passages`)).statusCode).toBe(403);
      expect((await observer.post(`/api/v1/checkpoints/${point.id}/passages`, { direction: 'in' })).statusCode).toBe(403);
      expect((await natong.get(`/api/v1/checkpoints/${point.id}`)).json().staffOnDuty).toBe(hatTao.staffOnDuty);
    });

    it('edits with the version seen, rotates the QR code and retires a point', async () => {
      const res = await natong.patch(`/api/v1/checkpoints/${point.id}`, { version: point.version, staffOnDuty: 'Quàng Văn Ún', rotateToken: true });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().publicToken).not.toBe(point.publicToken);
      expect((await t.anonymous().get(`/api/v1/public/checkpoints/${point.publicToken}`)).statusCode).toBe(404);
      expect((await natong.patch(`/api/v1/checkpoints/${point.id}`, { version: point.version, name: 'Cũ' })).statusCode).toBe(409);
      const retired = await natong.patch(`/api/v1/checkpoints/${point.id}`, { version: res.json().version, active: false });
      expect(retired.json()).toMatchObject({ active: false, version: point.version + 2 });
      expect((await t.anonymous().get(`/api/v1/public/checkpoints/${res.json().publicToken}`)).statusCode).toBe(404);
      expect((await natong.post(`/api/v1/checkpoints/${point.id}/passages`, { direction: 'in' })).statusCode).toBe(409);
      const audit = (await (await t.login('admin')).get(`/api/v1/audit?entity=checkpoint&entityId=${point.id}&action=update`)).json();
      expect(audit.items.map((e: { changes: Record<string, unknown> }) => e.changes.public_token ?? null)).toContainEqual(['***', '***']);
      expect(audit.items.map((e: { changes: Record<string, unknown> }) => e.changes.active ?? null)).toContainEqual([1, 0]);
    });
  });
}
