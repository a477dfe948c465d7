import { expect } from 'vitest';
import { vnDate } from '@pcd/core';
import type { Client, TestApp } from './app.js';
import { expect404 } from './probes.js';

/** What commune B (Mường Nhà) holds of arrivals for the jurisdiction probe: a declaration point, a declaration from a zone, its follow-up. */
export interface ArrivalsOfB {
  pub: Client;
  zoneId: number;
  bCheckpointId: number;
  bCheckpointToken: string;
  bDeclarationId: number;
  bReceipt: string;
  bObligationId: number;
}

export const B_DECLARANT = 'Người Khai Pu Lau';

export async function seedArrivalsOfB(t: TestApp, b: Client, bVillage: string): Promise<ArrivalsOfB> {
  const district = await t.login('huyen.dienbien');
  const zone = await district.post('/api/v1/epidemic-zones', { unitCode: '79', fromDate: '2021-07-15' });
  expect(zone.statusCode, zone.body).toBe(201);
  const point = (await b.post('/api/v1/checkpoints', { name: 'Điểm khai báo y tế đầu bản Pu Lau', kind: 'declaration_point', unitCode: bVillage, staffOnDuty: 'Cán bộ trực B' })).json();
  await b.post(`/api/v1/checkpoints/${point.id}/passages`, { direction: 'in', vehiclePlate: '27A-999.99' });
  const d = await b.post('/api/v1/declarations', {
    fullName: B_DECLARANT, birthYear: 1990, phone: '0912000222', fromUnitCode: '79', arrivalDate: vnDate(), toUnitCode: bVillage,
    address: 'Bản Pu Lau', transport: 'bus', symptoms: ['fever'], vaccinationDoses: 2, checkpointId: point.id,
  });
  expect(d.statusCode, d.body).toBe(201);
  expect(d.json().obligationId).toBeGreaterThan(0);
  return {
    pub: t.anonymous(), zoneId: zone.json().id, bCheckpointId: point.id, bCheckpointToken: point.publicToken,
    bDeclarationId: d.json().id, bReceipt: d.json().receiptCode, bObligationId: d.json().obligationId,
  };
}

type Ctx = ArrivalsOfB & { a: Client; aAdmin: Client; bUnit: string; bVillage: string };

const refused = async (p: Promise<{ statusCode: number; body: string }>) => {
  const res = await p;
  expect([403, 404], res.body).toContain(res.statusCode);
};
const noB = (res: { statusCode: number; rawPayload: Buffer }) => {
  expect(res.statusCode).toBe(200);
  expect(res.rawPayload.includes(Buffer.from(B_DECLARANT))).toBe(false);
  expect(res.rawPayload.includes(Buffer.from('Pu Lau'))).toBe(false);
};

export const ARRIVALS_PROBES = {
  'POST /api/v1/public/declarations': async ({ pub, a, bVillage }: Ctx) => {
    const res = await pub.post('/api/v1/public/declarations', {
      fullName: 'Người Đến Bản B', birthYear: 1991, phone: '0912000333', fromUnitCode: '01', arrivalDate: vnDate(), toUnitCode: bVillage,
      address: 'Bản Pu Lau', transport: 'car', symptoms: [], vaccinationDoses: 1,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(Object.keys(res.json())).toEqual(['receiptCode']);
    expect((await a.get(`/api/v1/declarations?q=${res.json().receiptCode}`)).json().total).toBe(0);
  },
  'GET /api/v1/public/origins': { none: 'the national list of administrative units, no records' },
  'GET /api/v1/public/destinations': { none: 'names of the communes and villages taking declarations, no records' },
  'GET /api/v1/public/checkpoints/:token': async ({ pub, bCheckpointToken }: Ctx) => {
    // The token printed on B's QR code shows where the point is, and nothing else of B.
    const res = await pub.get(`/api/v1/public/checkpoints/${bCheckpointToken}`);
    expect(Object.keys(res.json()).sort()).toEqual(['communeCode', 'kind', 'location', 'name', 'unitCode', 'unitName']);
    await expect404(pub.get('/api/v1/public/checkpoints/doan-ma-khac'));
  },
  'POST /api/v1/declarations': async ({ a, bVillage, bCheckpointId }: Ctx) => {
    const body = { fullName: 'Người Thử', birthYear: 1990, fromUnitCode: '79', arrivalDate: vnDate(), toUnitCode: bVillage, address: 'Nhà thử', transport: 'bus', symptoms: [], vaccinationDoses: 0 };
    expect((await a.post('/api/v1/declarations', body)).json().error.field).toBe('toUnitCode');
    expect((await a.post('/api/v1/declarations', { ...body, toUnitCode: '03365.01', checkpointId: bCheckpointId })).json().error.field).toBe('checkpointId');
  },
  'GET /api/v1/declarations': async ({ a, bUnit, bReceipt }: Ctx) => {
    await expect404(a.get(`/api/v1/declarations?unit=${bUnit}`));
    expect((await a.get(`/api/v1/declarations?q=${bReceipt}`)).json().total).toBe(0);
    const all = (await a.get('/api/v1/declarations?pageSize=500')).json();
    expect(all.items.every((d: { toUnitCode: string }) => d.toUnitCode.startsWith('03365'))).toBe(true);
  },
  'GET /api/v1/declarations/export.xlsx': async ({ a, bUnit }: Ctx) => {
    await expect404(a.get(`/api/v1/declarations/export.xlsx?unit=${bUnit}`));
    noB(await a.get('/api/v1/declarations/export.xlsx'));
  },
  'GET /api/v1/declarations/:id': ({ a, bDeclarationId }: Ctx) => expect404(a.get(`/api/v1/declarations/${bDeclarationId}`)),
  'GET /api/v1/obligations': async ({ a, bUnit, bObligationId }: Ctx) => {
    await expect404(a.get(`/api/v1/obligations?unit=${bUnit}`));
    const all = (await a.get('/api/v1/obligations?pageSize=500')).json();
    expect(all.items.map((o: { id: number }) => o.id)).not.toContain(bObligationId);
    expect(all.items.every((o: { unitCode: string }) => o.unitCode.startsWith('03365'))).toBe(true);
  },
  'GET /api/v1/obligations/export.xlsx': async ({ a, bUnit }: Ctx) => {
    await expect404(a.get(`/api/v1/obligations/export.xlsx?unit=${bUnit}`));
    noB(await a.get('/api/v1/obligations/export.xlsx'));
  },
  'GET /api/v1/obligations/:id': ({ a, bObligationId }: Ctx) => expect404(a.get(`/api/v1/obligations/${bObligationId}`)),
  'PATCH /api/v1/obligations/:id': ({ a, bObligationId }: Ctx) => expect404(a.patch(`/api/v1/obligations/${bObligationId}`, { version: 1, action: 'cancel', reason: 'Thử' })),
  'GET /api/v1/epidemic-zones': { none: 'epidemic zones are public facts shown to every user; they hold no personal records' },
  'GET /api/v1/epidemic-zones/export.xlsx': { none: 'epidemic zones are public facts shown to every user; they hold no personal records' },
  'POST /api/v1/epidemic-zones': async ({ a, aAdmin }: Ctx) => {
    // A commune neither declares zones for itself nor for the district's list.
    await refused(a.post('/api/v1/epidemic-zones', { unitCode: '01', fromDate: '2021-10-01' }));
    await refused(aAdmin.post('/api/v1/epidemic-zones', { unitCode: '01', fromDate: '2021-10-01' }));
    expect((await a.get('/api/v1/epidemic-zones?q=01')).json().total).toBe(0);
  },
  'PATCH /api/v1/epidemic-zones/:id': async ({ a, aAdmin, zoneId }: Ctx) => {
    await refused(a.patch(`/api/v1/epidemic-zones/${zoneId}`, { version: 1, toDate: '2021-10-01' }));
    await refused(aAdmin.patch(`/api/v1/epidemic-zones/${zoneId}`, { version: 1, toDate: '2021-10-01' }));
    expect((await a.get('/api/v1/epidemic-zones?q=79')).json().items[0]).toMatchObject({ toDate: null, version: 1 });
  },
  'GET /api/v1/obligation-rules': async ({ a, bUnit }: Ctx) => {
    await expect404(a.get(`/api/v1/obligation-rules?unit=${bUnit}`));
    const rules = (await a.get('/api/v1/obligation-rules?includeReplaced=true')).json();
    expect(rules.items.every((r: { unitCode: string | null }) => r.unitCode === null || ['11', '100'].includes(r.unitCode) || r.unitCode.startsWith('03365'))).toBe(true);
  },
  'PUT /api/v1/obligation-rules': async ({ aAdmin, bUnit }: Ctx) => {
    await refused(aAdmin.request('PUT', '/api/v1/obligation-rules', { unitCode: bUnit, name: 'Quy định của xã khác', quarantineDays: 3, testDays: [1] }));
  },
  'POST /api/v1/checkpoints': async ({ a, bVillage }: Ctx) => {
    const res = await a.post('/api/v1/checkpoints', { name: 'Chốt thử', kind: 'checkpoint', unitCode: bVillage });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('unitCode');
  },
  'GET /api/v1/checkpoints': async ({ a, bUnit }: Ctx) => {
    await expect404(a.get(`/api/v1/checkpoints?unit=${bUnit}`));
    expect((await a.get('/api/v1/checkpoints?pageSize=500')).json().items.every((c: { unitCode: string }) => c.unitCode.startsWith('03365'))).toBe(true);
  },
  'GET /api/v1/checkpoints/export.xlsx': async ({ a, bUnit }: Ctx) => {
    await expect404(a.get(`/api/v1/checkpoints/export.xlsx?unit=${bUnit}`));
    noB(await a.get('/api/v1/checkpoints/export.xlsx'));
  },
  'GET /api/v1/checkpoints/:id': ({ a, bCheckpointId }: Ctx) => expect404(a.get(`/api/v1/checkpoints/${bCheckpointId}`)),
  'PATCH /api/v1/checkpoints/:id': ({ a, bCheckpointId }: Ctx) => expect404(a.patch(`/api/v1/checkpoints/${bCheckpointId}`, { version: 1, active: false })),
  'GET /api/v1/checkpoints/:id/qr.svg': ({ a, bCheckpointId }: Ctx) => expect404(a.get(`/api/v1/checkpoints/${bCheckpointId}/qr.svg`)),
  'POST /api/v1/checkpoints/:id/passages': ({ a, bCheckpointId }: Ctx) => expect404(a.post(`/api/v1/checkpoints/${bCheckpointId}/passages`, { direction: 'in' })),
  'GET /api/v1/checkpoints/:id/passages': ({ a, bCheckpointId }: Ctx) => expect404(a.get(`/api/v1/checkpoints/${bCheckpointId}/passages`)),
  'GET /api/v1/checkpoints/:id/passages/export.xlsx': ({ a, bCheckpointId }: Ctx) => expect404(a.get(`/api/v1/checkpoints/${bCheckpointId}/passages/export.xlsx`)),
  'GET /api/v1/checkpoints/:id/stats': ({ a, bCheckpointId }: Ctx) => expect404(a.get(`/api/v1/checkpoints/${bCheckpointId}/stats`)),
};
