import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, vnDate } from '@pcd/core';
import { startTestApp, type Client, type TestApp } from '../test/app.js';
import { testEngines } from '../test/db.js';
import { readTable } from '../lib/spreadsheet.js';

const today = vnDate();

type Line = { productCode: string; received: number; allocated: number; used: number; wasted: number; returned: number; balance: number };

for (const engine of await testEngines()) {
  describe(`vaccine stock, mobile teams, allocation requests [${engine}]`, () => {
    let t: TestApp;
    let district: Client;
    let natong: Client;

    const line = async (c: Client, unit: string, product: string): Promise<Line> => {
      const res = await c.get(`/api/v1/vaccination/stock?unit=${unit}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().lines.find((l: Line) => l.productCode === product);
    };
    const move = (c: Client, body: Record<string, unknown>) => c.post('/api/v1/vaccination/stock/movements', { date: today, ...body });
    /** The balance kept for outflow checks equals the sum of the ledger. */
    const ledgerAgrees = async (unit: string, product: string) => {
      const db = t.testDb.handle.db;
      const kept = await db.selectFrom('vaccine_stock').select('balance').where('unit_code', '=', unit).where('product_code', '=', product).executeTakeFirst();
      expect(kept?.balance ?? 0).toBe((await line(district, unit, product)).balance);
    };

    beforeAll(async () => {
      t = await startTestApp(engine);
      district = await t.login('huyen.dienbien');
      natong = await t.login('xa.natong');
    });
    afterAll(async () => { await t?.close(); });

    it('describes every route in OpenAPI with a Vietnamese summary and response schemas', async () => {
      const spec = (await t.app.inject({ url: '/api/v1/openapi.json' })).json();
      const ours = Object.entries(spec.paths as Record<string, Record<string, { summary?: string; responses?: Record<string, unknown> }>>)
        .filter(([path]) => /^\/api\/v1\/vaccination\/(unvaccinated|stock|mobile-teams|sessions|allocation-requests)/.test(path))
        .flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ route: `${method} ${path}`, ...op })));
      expect(ours.length).toBe(26);
      for (const op of ours) {
        expect(op.summary, op.route).toMatch(/[^\x00-\x7F]/);
        if (!op.route.endsWith('.xlsx')) expect(Object.keys(op.responses ?? {}), op.route).toEqual(expect.arrayContaining(['400', '404']));
      }
    });

    it('keeps a ledger per unit and product that never goes below zero', async () => {
      const received = await move(district, { unitCode: '100', productCode: 'astrazeneca', kind: 'received', quantity: 5000, counterpart: 'CDC tỉnh Điện Biên', lot: 'ABV1234' });
      expect(received.statusCode, received.body).toBe(201);
      expect(received.json()).toMatchObject({ unitCode: '100', kind: 'received', quantity: 5000, counterpart: 'CDC tỉnh Điện Biên' });
      // Allocating to a commune of the district records the commune's receipt in the same step.
      const out = await move(district, { unitCode: '100', productCode: 'astrazeneca', kind: 'allocated_out', quantity: 1200, counterpartUnitCode: '03365' });
      expect(out.statusCode, out.body).toBe(201);
      expect(await line(district, '100', 'astrazeneca')).toMatchObject({ received: 5000, allocated: 1200, balance: 3800 });
      expect(await line(natong, '03365', 'astrazeneca')).toMatchObject({ received: 1200, balance: 1200 });

      expect((await move(natong, { unitCode: '03365', productCode: 'astrazeneca', kind: 'used', quantity: 150 })).statusCode).toBe(201);
      expect((await move(natong, { unitCode: '03365', productCode: 'astrazeneca', kind: 'wasted', quantity: 10, note: 'Lọ mở quá 6 giờ' })).statusCode).toBe(201);
      expect((await move(natong, { unitCode: '03365', productCode: 'astrazeneca', kind: 'returned', quantity: 4 })).statusCode).toBe(201);
      const tooMuch = await move(natong, { unitCode: '03365', productCode: 'astrazeneca', kind: 'used', quantity: 1045 });
      expect(tooMuch.statusCode).toBe(400);
      expect(tooMuch.json().error).toMatchObject({ field: 'quantity', message: expect.stringContaining('1044 liều') });
      expect((await move(natong, { unitCode: '03365', productCode: 'pfizer', kind: 'wasted', quantity: 1 })).json().error.field).toBe('quantity');
      expect(await line(natong, '03365', 'astrazeneca')).toMatchObject({ received: 1200, used: 150, wasted: 10, returned: 4, balance: 1044 });

      const bad: [Record<string, unknown>, string][] = [
        [{ unitCode: '03365', productCode: 'astrazeneca', kind: 'received', quantity: 0 }, 'quantity'],
        [{ unitCode: '03365', productCode: 'astrazeneca', kind: 'received', quantity: 10, date: addDays(today, 1) }, 'date'],
        [{ unitCode: '03365', productCode: 'sputnik_x', kind: 'received', quantity: 10 }, 'productCode'],
        [{ unitCode: '03365', productCode: 'astrazeneca', kind: 'lost', quantity: 10 }, 'kind'],
        [{ unitCode: '03365.01', productCode: 'astrazeneca', kind: 'received', quantity: 10 }, 'unitCode'],
        [{ unitCode: '03364', productCode: 'astrazeneca', kind: 'received', quantity: 10 }, 'unitCode'],
        [{ unitCode: '03365', productCode: 'astrazeneca', kind: 'allocated_out', quantity: 10, counterpartUnitCode: '03364' }, 'counterpartUnitCode'],
      ];
      for (const [body, field] of bad) {
        const res = await move(natong, body);
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
        expect(res.json().error.field).toBe(field);
      }
      await ledgerAgrees('03365', 'astrazeneca');
      await ledgerAgrees('100', 'astrazeneca');

      const log = (await natong.get('/api/v1/vaccination/stock/movements?unit=03365&product=astrazeneca')).json();
      expect(log.total).toBe(4);
      const logSheet = await readTable((await natong.get('/api/v1/vaccination/stock/movements/export.xlsx?unit=03365&product=astrazeneca')).rawPayload, 'x.xlsx');
      expect(logSheet.rows.map((r) => r.cells[3]).sort()).toEqual(['Hủy, hao hụt', 'Nhận về', 'Đã tiêm', 'Được trả lại']);
      expect(log.items.find((m: { kind: string }) => m.kind === 'received')).toMatchObject({ counterpartUnitCode: '100', counterpartUnitName: expect.stringContaining('Điện Biên') });

      const xlsx = await natong.get('/api/v1/vaccination/stock/export.xlsx?unit=03365');
      const table = await readTable(xlsx.rawPayload, 'x.xlsx');
      expect(table.headers).toContain('Tồn kho');
      expect(table.rows.find((r) => r.cells[0] === 'AstraZeneca')?.cells.slice(1, 7)).toEqual(['1200', '0', '150', '10', '4', '1044']);

      // Figures only: the observer of the district reads the stock, cannot write it; a team member has no stock.
      const observer = await t.login('theodoi.dienbien');
      expect((await line(observer, '03365', 'astrazeneca')).balance).toBe(1044);
      expect((await move(observer, { unitCode: '100', productCode: 'astrazeneca', kind: 'received', quantity: 1 })).statusCode).toBe(403);
      expect((await observer.get('/api/v1/vaccination/stock/movements?unit=100')).statusCode).toBe(403);
      const team = await t.login('to.hattao');
      expect((await team.get('/api/v1/vaccination/stock?unit=03365')).statusCode).toBe(404);
      expect((await natong.get('/api/v1/vaccination/stock?unit=03364')).statusCode).toBe(404);
      expect((await natong.get('/api/v1/vaccination/stock?unit=03365.01')).json().error.field).toBe('unit');
    });

    it('lets only one of two simultaneous outflows through when the stock covers one', async () => {
      await move(natong, { unitCode: '03365', productCode: 'sinopharm', kind: 'received', quantity: 100 });
      const results = await Promise.all([1, 2, 3].map(() => move(natong, { unitCode: '03365', productCode: 'sinopharm', kind: 'used', quantity: 60 })));
      expect(results.map((r) => r.statusCode).sort()).toEqual([201, 400, 400]);
      expect(await line(natong, '03365', 'sinopharm')).toMatchObject({ used: 60, balance: 40 });
      await ledgerAgrees('03365', 'sinopharm');
    });

    it('records mobile sessions against the team unit stock and gives doses back when a session changes', async () => {
      await move(natong, { unitCode: '03365', productCode: 'pfizer', kind: 'received', quantity: 300 });
      const teamRes = await natong.post('/api/v1/vaccination/mobile-teams', { unitCode: '03365', name: 'Đội tiêm lưu động số 1', leaderName: 'BS. Cà Thị Mai', members: 'ĐD Lò Thị Hoa, YS Quàng Văn Toán' });
      expect(teamRes.statusCode, teamRes.body).toBe(201);
      const team = teamRes.json();
      expect(team).toMatchObject({ unitName: expect.stringContaining('Na Tông'), active: true, sessions: 0, version: 1 });

      const session = await natong.post('/api/v1/vaccination/sessions', {
        teamId: team.id, unitCode: '03365.01', date: today, place: 'Nhà văn hóa Bản Hát Tao', doses: [{ productCode: 'pfizer', given: 120, wasted: 2 }, { productCode: 'astrazeneca', given: 44 }],
      });
      expect(session.statusCode, session.body).toBe(201);
      const s = session.json();
      expect(s).toMatchObject({ dosesGiven: 164, unitName: expect.stringContaining('Hát Tao'), recordedDoses: 0 });
      expect(await line(natong, '03365', 'pfizer')).toMatchObject({ used: 120, wasted: 2, balance: 178 });
      expect(await line(natong, '03365', 'astrazeneca')).toMatchObject({ used: 194, balance: 1000 });

      // All or nothing: the second line exceeds the stock, the first is not kept either.
      const over = await natong.post('/api/v1/vaccination/sessions', {
        teamId: team.id, unitCode: '03365.01', date: today, place: 'Chợ phiên', doses: [{ productCode: 'astrazeneca', given: 10 }, { productCode: 'pfizer', given: 179 }],
      });
      expect(over.statusCode).toBe(400);
      expect(over.json().error.field).toBe('doses.1.given');
      expect((await natong.get(`/api/v1/vaccination/sessions?teamId=${team.id}`)).json().total).toBe(1);
      expect(await line(natong, '03365', 'astrazeneca')).toMatchObject({ balance: 1000 });
      const future = await natong.post('/api/v1/vaccination/sessions', { teamId: team.id, unitCode: '03365.01', date: addDays(today, 2), place: 'Trường học', doses: [{ productCode: 'pfizer', given: 1 }] });
      expect(future.json().error.field).toBe('date');
      expect((await natong.post('/api/v1/vaccination/sessions', { teamId: team.id, unitCode: '03364.01', date: today, place: 'Bản khác' })).json().error.field).toBe('unitCode');

      const edited = await natong.patch(`/api/v1/vaccination/sessions/${s.id}`, { version: 1, doses: [{ productCode: 'pfizer', given: 100, wasted: 0 }] });
      expect(edited.statusCode, edited.body).toBe(200);
      expect(edited.json()).toMatchObject({ dosesGiven: 100, version: 2 });
      expect(await line(natong, '03365', 'pfizer')).toMatchObject({ used: 100, wasted: 0, balance: 200 });
      expect(await line(natong, '03365', 'astrazeneca')).toMatchObject({ used: 150, balance: 1044 });
      expect((await natong.patch(`/api/v1/vaccination/sessions/${s.id}`, { version: 1, place: 'Khác' })).statusCode).toBe(409);
      expect((await natong.get(`/api/v1/vaccination/mobile-teams/${team.id}`)).json()).toMatchObject({ sessions: 1, dosesGiven: 100 });
      const sessionsSheet = await readTable((await natong.get('/api/v1/vaccination/sessions/export.xlsx?unit=03365')).rawPayload, 'x.xlsx');
      expect(sessionsSheet.rows.map((r) => r.cells.slice(1, 5))).toEqual([['Đội tiêm lưu động số 1', expect.stringContaining('Hát Tao'), 'Nhà văn hóa Bản Hát Tao', '100']]);

      expect((await natong.delete(`/api/v1/vaccination/sessions/${s.id}?version=1`)).statusCode).toBe(409);
      expect((await natong.delete(`/api/v1/vaccination/sessions/${s.id}?version=2`)).statusCode).toBe(204);
      expect(await line(natong, '03365', 'pfizer')).toMatchObject({ used: 0, balance: 300 });
      await ledgerAgrees('03365', 'pfizer');

      const off = await natong.patch(`/api/v1/vaccination/mobile-teams/${team.id}`, { version: 1, active: false });
      expect(off.json()).toMatchObject({ active: false, version: 2 });
      expect((await natong.post('/api/v1/vaccination/sessions', { teamId: team.id, unitCode: '03365.01', date: today, place: 'Nhà văn hóa' })).json().error.field).toBe('teamId');
      expect((await natong.patch(`/api/v1/vaccination/mobile-teams/${team.id}`, { version: 1, name: 'Đổi tên' })).statusCode).toBe(409);
      const teamMember = await t.login('to.hattao');
      expect((await teamMember.get('/api/v1/vaccination/mobile-teams')).statusCode).toBe(403);

      const audit = await t.testDb.handle.db.selectFrom('audit_log').select(['action', 'entity']).where('entity', 'in', ['mobile_team', 'vaccination_session', 'stock_movement']).execute();
      expect(audit).toEqual(expect.arrayContaining([
        { action: 'create', entity: 'mobile_team' }, { action: 'update', entity: 'vaccination_session' }, { action: 'delete', entity: 'vaccination_session' }, { action: 'create', entity: 'stock_movement' },
      ]));
    });

    it('asks the unit above for vaccine with a justification from the gap, approved into both stocks at once', async () => {
      // 18+ without a dose in Na Tông, counted independently of the endpoint.
      const direct = await t.testDb.handle.db.selectFrom('people').select((eb) => eb.fn.countAll<number>().as('n'))
        .where('unit_path', 'like', '%/03365/%').where('merged_into', 'is', null)
        .where((eb) => eb.or([eb('date_of_birth', '<=', `${Number(today.slice(0, 4)) - 18}${today.slice(4)}`), eb.and([eb('date_of_birth', 'is', null), eb('birth_year', '<=', Number(today.slice(0, 4)) - 18)])]))
        .executeTakeFirstOrThrow();
      const onHand = (await natong.get('/api/v1/vaccination/stock?unit=03365')).json().totals.balance;
      const preview = await natong.get('/api/v1/vaccination/allocation-requests/justification?unit=03365&group=18%2B&measure=dose1&vialSize=10');
      expect(preview.statusCode, preview.body).toBe(200);
      const gap = Math.max(0, Number(direct.n) - onHand);
      expect(preview.json()).toMatchObject({ peopleWithoutDose: Number(direct.n), dosesOnHand: onHand, dosesPending: 0, gap, vialSize: 10, dosesNeeded: Math.ceil(gap / 10) * 10 });

      const created = await natong.post('/api/v1/vaccination/allocation-requests', { unitCode: '03365', productCode: 'pfizer', quantity: 600, group: '18+', measure: 'dose1', note: 'Chiến dịch tiêm mũi 1 cho người từ 18 tuổi' });
      expect(created.statusCode, created.body).toBe(201);
      const req = created.json();
      expect(req).toMatchObject({ parentCode: '100', status: 'requested', canDecide: false, justification: { peopleWithoutDose: Number(direct.n), dosesOnHand: onHand } });
      // A second request counts the first as pending.
      expect((await natong.get('/api/v1/vaccination/allocation-requests/justification?unit=03365&group=18%2B&measure=dose1')).json().dosesPending).toBe(600);
      expect((await natong.post(`/api/v1/vaccination/allocation-requests/${req.id}/decide`, { version: 1, decision: 'approve' })).statusCode).toBe(403);

      const inbox = (await district.get('/api/v1/vaccination/allocation-requests?unit=100&direction=received')).json();
      expect(inbox.items.map((r: { id: number }) => r.id)).toContain(req.id);
      expect(inbox.items.find((r: { id: number }) => r.id === req.id).canDecide).toBe(true);
      const short = await district.post(`/api/v1/vaccination/allocation-requests/${req.id}/decide`, { version: 1, decision: 'approve' });
      expect(short.statusCode).toBe(400);
      expect(short.json().error.field).toBe('quantity');
      expect(await line(district, '100', 'pfizer')).toMatchObject({ received: 0, balance: 0 });

      await move(district, { unitCode: '100', productCode: 'pfizer', kind: 'received', quantity: 1000 });
      expect((await district.post(`/api/v1/vaccination/allocation-requests/${req.id}/decide`, { version: 1, decision: 'approve', quantity: 700 })).json().error.field).toBe('quantity');
      const approved = await district.post(`/api/v1/vaccination/allocation-requests/${req.id}/decide`, { version: 1, decision: 'approve', quantity: 480, note: 'Cấp đợt 1' });
      expect(approved.statusCode, approved.body).toBe(200);
      expect(approved.json()).toMatchObject({ status: 'approved', approvedQuantity: 480, decisionNote: 'Cấp đợt 1', version: 2 });
      expect(await line(district, '100', 'pfizer')).toMatchObject({ received: 1000, allocated: 480, balance: 520 });
      expect(await line(natong, '03365', 'pfizer')).toMatchObject({ received: 780, balance: 780 });
      expect((await district.post(`/api/v1/vaccination/allocation-requests/${req.id}/decide`, { version: 2, decision: 'reject' })).json().error.field).toBe('decision');
      expect((await district.post(`/api/v1/vaccination/allocation-requests/${req.id}/decide`, { version: 1, decision: 'reject' })).statusCode).toBe(409);

      const delivered = await natong.post(`/api/v1/vaccination/allocation-requests/${req.id}/delivered`, { version: 2 });
      expect(delivered.json()).toMatchObject({ status: 'delivered', version: 3 });

      const other = (await natong.post('/api/v1/vaccination/allocation-requests', { unitCode: '03365', productCode: 'moderna', quantity: 50, group: '50+', measure: 'booster' })).json();
      const rejected = await district.post(`/api/v1/vaccination/allocation-requests/${other.id}/decide`, { version: 1, decision: 'reject', note: 'Chưa đến đợt tiêm nhắc lại' });
      expect(rejected.json()).toMatchObject({ status: 'rejected', approvedQuantity: null });
      expect((await natong.post(`/api/v1/vaccination/allocation-requests/${other.id}/delivered`, { version: 2 })).json().error.field).toBe('status');

      const sent = (await natong.get('/api/v1/vaccination/allocation-requests?direction=sent')).json();
      expect(sent.total).toBe(2);
      const sheet = await readTable((await natong.get('/api/v1/vaccination/allocation-requests/export.xlsx?direction=sent')).rawPayload, 'x.xlsx');
      expect(sheet.rows.map((r) => r.cells[sheet.headers.indexOf('Trạng thái')]).sort()).toEqual(['Không duyệt', 'Đã nhận đủ']);
      expect(sheet.rows.find((r) => r.cells.includes('Đã nhận đủ'))?.cells[sheet.headers.indexOf('Số liều được cấp')]).toBe('480');
      const muongnha = await t.login('xa.muongnha');
      expect((await muongnha.get(`/api/v1/vaccination/allocation-requests/${req.id}`)).statusCode).toBe(404);
      expect((await muongnha.post(`/api/v1/vaccination/allocation-requests/${other.id}/decide`, { version: 2, decision: 'approve' })).statusCode).toBe(404);
      expect((await natong.post('/api/v1/vaccination/allocation-requests', { unitCode: '11', productCode: 'pfizer', quantity: 1, group: '18+', measure: 'dose1' })).json().error.field).toBe('unitCode');

      const moves = await t.testDb.handle.db.selectFrom('vaccine_stock_movements').select(['unit_code', 'kind', 'quantity']).where('allocation_request_id', '=', req.id).orderBy('id').execute();
      expect(moves).toEqual([{ unit_code: '100', kind: 'allocated_out', quantity: 480 }, { unit_code: '03365', kind: 'received', quantity: 480 }]);
      const audit = await t.testDb.handle.db.selectFrom('audit_log').select('action').where('entity', '=', 'allocation_request').execute();
      expect(audit.map((a) => a.action).sort()).toEqual(['approve', 'create', 'create', 'deliver', 'reject']);
    });
  });
}
