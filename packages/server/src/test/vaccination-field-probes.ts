import { expect } from 'vitest';
import { vnDate } from '@pcd/core';
import type { Client } from './app.js';
import { readTable } from '../lib/spreadsheet.js';
import { expect404, refusedField } from './probes.js';

/** Commune B's unvaccinated resident with a follow-up, its stock, mobile team, session and allocation request. */
export interface VaccinationFieldOfB { bUnvaccinatedId: number; bTeamId: number; bSessionId: number; bAllocationId: number }

const B_UNVACCINATED = 'Người Chưa Tiêm Pu Lau';
const B_TEAM = 'Đội lưu động Mường Nhà';

export async function seedVaccinationFieldOfB(b: Client, bVillage: string): Promise<VaccinationFieldOfB> {
  const person = (await b.post('/api/v1/people', { fullName: B_UNVACCINATED, birthYear: 1975, unitCode: bVillage })).json();
  const f = await b.request('PUT', `/api/v1/vaccination/unvaccinated/${person.id}`, { group: '18+', measure: 'dose1', reason: 'refused' });
  expect(f.statusCode, f.body).toBe(200);
  const stock = await b.post('/api/v1/vaccination/stock/movements', { unitCode: '03364', productCode: 'pfizer', kind: 'received', quantity: 100, date: vnDate() });
  expect(stock.statusCode, stock.body).toBe(201);
  const team = await b.post('/api/v1/vaccination/mobile-teams', { unitCode: '03364', name: B_TEAM, leaderName: 'BS. Quàng Văn Phong' });
  expect(team.statusCode, team.body).toBe(201);
  const session = await b.post('/api/v1/vaccination/sessions', { teamId: team.json().id, unitCode: bVillage, date: vnDate(), place: 'Nhà văn hóa Bản Pu Lau', doses: [{ productCode: 'pfizer', given: 10 }] });
  expect(session.statusCode, session.body).toBe(201);
  const request = await b.post('/api/v1/vaccination/allocation-requests', { unitCode: '03364', productCode: 'pfizer', quantity: 200, group: '18+', measure: 'dose1' });
  expect(request.statusCode, request.body).toBe(201);
  return { bUnvaccinatedId: person.id, bTeamId: team.json().id, bSessionId: session.json().id, bAllocationId: request.json().id };
}

type Ctx = VaccinationFieldOfB & { a: Client; bUnit: string; bVillage: string };

const list = '/api/v1/vaccination/unvaccinated?group=18%2B&measure=dose1';
const ids = (res: { json: () => any }) => res.json().items.map((x: { id: number }) => x.id);

export const VACCINATION_FIELD_PROBES = {
  'GET /api/v1/vaccination/unvaccinated': async ({ a, bUnit, bVillage }: Ctx) => {
    await expect404(a.get(`${list}&unit=${bUnit}`));
    await expect404(a.get(`${list}&unit=${bVillage}`));
    const own = await a.get(`${list}&pageSize=500`);
    expect(own.statusCode).toBe(200);
    expect(own.body).not.toContain(B_UNVACCINATED);
  },
  'GET /api/v1/vaccination/unvaccinated/export.xlsx': async ({ a, bUnit }: Ctx) => {
    await expect404(a.get(`/api/v1/vaccination/unvaccinated/export.xlsx?group=18%2B&measure=dose1&unit=${bUnit}`));
    const text = JSON.stringify(await readTable((await a.get('/api/v1/vaccination/unvaccinated/export.xlsx?group=18%2B&measure=dose1')).rawPayload, 'x.xlsx'));
    expect(text).not.toContain(B_UNVACCINATED);
  },
  'GET /api/v1/vaccination/unvaccinated/responsible': async ({ a, bUnit }: Ctx) => {
    await expect404(a.get(`/api/v1/vaccination/unvaccinated/responsible?unit=${bUnit}`));
    expect((await a.get('/api/v1/vaccination/unvaccinated/responsible?unit=03365')).body).not.toContain('Quàng Văn Phong');
  },
  'PUT /api/v1/vaccination/unvaccinated/:personId': ({ a, bUnvaccinatedId }: Ctx) =>
    expect404(a.request('PUT', `/api/v1/vaccination/unvaccinated/${bUnvaccinatedId}`, { group: '18+', measure: 'dose1', reason: 'away', version: 1 })),
  'GET /api/v1/vaccination/stock': async ({ a, bUnit }: Ctx) => {
    await expect404(a.get(`/api/v1/vaccination/stock?unit=${bUnit}`));
    expect((await a.get('/api/v1/vaccination/stock')).json().unitCode).toBe('03365');
  },
  'GET /api/v1/vaccination/stock/export.xlsx': ({ a, bUnit }: Ctx) => expect404(a.get(`/api/v1/vaccination/stock/export.xlsx?unit=${bUnit}`)),
  'GET /api/v1/vaccination/stock/movements': async ({ a, bUnit }: Ctx) => {
    await expect404(a.get(`/api/v1/vaccination/stock/movements?unit=${bUnit}`));
    expect((await a.get('/api/v1/vaccination/stock/movements')).json().items.every((m: { unitCode: string }) => m.unitCode.startsWith('03365'))).toBe(true);
  },
  'GET /api/v1/vaccination/stock/movements/export.xlsx': async ({ a, bUnit }: Ctx) => {
    await expect404(a.get(`/api/v1/vaccination/stock/movements/export.xlsx?unit=${bUnit}`));
    const text = JSON.stringify(await readTable((await a.get('/api/v1/vaccination/stock/movements/export.xlsx')).rawPayload, 'x.xlsx'));
    expect(text).not.toContain('Mường Nhà');
  },
  'POST /api/v1/vaccination/stock/movements': async ({ a, bUnit }: Ctx) => {
    const body = { productCode: 'pfizer', quantity: 1, date: vnDate() };
    await refusedField(a.post('/api/v1/vaccination/stock/movements', { ...body, unitCode: bUnit, kind: 'received' }), 'unitCode');
    await refusedField(a.post('/api/v1/vaccination/stock/movements', { ...body, unitCode: '03365', kind: 'allocated_out', counterpartUnitCode: bUnit }), 'counterpartUnitCode');
  },
  'GET /api/v1/vaccination/mobile-teams': async ({ a, bUnit, bTeamId }: Ctx) => {
    await expect404(a.get(`/api/v1/vaccination/mobile-teams?unit=${bUnit}`));
    expect(ids(await a.get('/api/v1/vaccination/mobile-teams?pageSize=500'))).not.toContain(bTeamId);
  },
  'POST /api/v1/vaccination/mobile-teams': ({ a, bUnit }: Ctx) =>
    refusedField(a.post('/api/v1/vaccination/mobile-teams', { unitCode: bUnit, name: 'Đội lạc xã', leaderName: 'Người Lạ' }), 'unitCode'),
  'GET /api/v1/vaccination/mobile-teams/:id': ({ a, bTeamId }: Ctx) => expect404(a.get(`/api/v1/vaccination/mobile-teams/${bTeamId}`)),
  'PATCH /api/v1/vaccination/mobile-teams/:id': ({ a, bTeamId }: Ctx) => expect404(a.patch(`/api/v1/vaccination/mobile-teams/${bTeamId}`, { version: 1, active: false })),
  'GET /api/v1/vaccination/sessions': async ({ a, bUnit, bSessionId }: Ctx) => {
    await expect404(a.get(`/api/v1/vaccination/sessions?unit=${bUnit}`));
    const own = await a.get('/api/v1/vaccination/sessions?pageSize=500');
    expect(ids(own)).not.toContain(bSessionId);
    expect(own.body).not.toContain(B_TEAM);
  },
  'GET /api/v1/vaccination/sessions/export.xlsx': async ({ a, bUnit }: Ctx) => {
    await expect404(a.get(`/api/v1/vaccination/sessions/export.xlsx?unit=${bUnit}`));
    const text = JSON.stringify(await readTable((await a.get('/api/v1/vaccination/sessions/export.xlsx')).rawPayload, 'x.xlsx'));
    expect(text).not.toContain(B_TEAM);
  },
  'POST /api/v1/vaccination/sessions': ({ a, bTeamId }: Ctx) =>
    refusedField(a.post('/api/v1/vaccination/sessions', { teamId: bTeamId, unitCode: '03365.01', date: vnDate(), place: 'Nhà văn hóa' }), 'teamId'),
  'GET /api/v1/vaccination/sessions/:id': ({ a, bSessionId }: Ctx) => expect404(a.get(`/api/v1/vaccination/sessions/${bSessionId}`)),
  'PATCH /api/v1/vaccination/sessions/:id': ({ a, bSessionId }: Ctx) => expect404(a.patch(`/api/v1/vaccination/sessions/${bSessionId}`, { version: 1, place: 'Đổi' })),
  'DELETE /api/v1/vaccination/sessions/:id': ({ a, bSessionId }: Ctx) => expect404(a.delete(`/api/v1/vaccination/sessions/${bSessionId}?version=1`)),
  'GET /api/v1/vaccination/allocation-requests/justification': ({ a, bUnit }: Ctx) =>
    expect404(a.get(`/api/v1/vaccination/allocation-requests/justification?unit=${bUnit}&group=18%2B&measure=dose1`)),
  'POST /api/v1/vaccination/allocation-requests': ({ a, bUnit }: Ctx) =>
    refusedField(a.post('/api/v1/vaccination/allocation-requests', { unitCode: bUnit, productCode: 'pfizer', quantity: 1, group: '18+', measure: 'dose1' }), 'unitCode'),
  'GET /api/v1/vaccination/allocation-requests': async ({ a, bUnit, bAllocationId }: Ctx) => {
    await expect404(a.get(`/api/v1/vaccination/allocation-requests?unit=${bUnit}`));
    expect(ids(await a.get('/api/v1/vaccination/allocation-requests?pageSize=500'))).not.toContain(bAllocationId);
  },
  'GET /api/v1/vaccination/allocation-requests/export.xlsx': async ({ a, bUnit }: Ctx) => {
    await expect404(a.get(`/api/v1/vaccination/allocation-requests/export.xlsx?unit=${bUnit}`));
    const text = JSON.stringify(await readTable((await a.get('/api/v1/vaccination/allocation-requests/export.xlsx')).rawPayload, 'x.xlsx'));
    expect(text).not.toContain('Mường Nhà');
  },
  'GET /api/v1/vaccination/allocation-requests/:id': ({ a, bAllocationId }: Ctx) => expect404(a.get(`/api/v1/vaccination/allocation-requests/${bAllocationId}`)),
  'POST /api/v1/vaccination/allocation-requests/:id/decide': ({ a, bAllocationId }: Ctx) =>
    expect404(a.post(`/api/v1/vaccination/allocation-requests/${bAllocationId}/decide`, { version: 1, decision: 'approve' })),
  'POST /api/v1/vaccination/allocation-requests/:id/delivered': ({ a, bAllocationId }: Ctx) =>
    expect404(a.post(`/api/v1/vaccination/allocation-requests/${bAllocationId}/delivered`, { version: 1 })),
};
