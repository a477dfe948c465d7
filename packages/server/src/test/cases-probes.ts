import { expect } from 'vitest';
import { addDays, vnDate } from '@pcd/core';
import type { Client } from './app.js';
import { readTable } from '../lib/spreadsheet.js';
import { expect404, refusedField } from './probes.js';

/** What commune B (Mường Nhà) holds of cases for the jurisdiction probe: a cluster, an F0 in it, an F1 and an F2. */
export interface CasesOfB {
  bClusterId: number;
  bCaseId: number;
  bContactId: number;
  bF2Id: number;
}

export const B_F0 = 'Người Bệnh Pu Lau';
const B_NAMES = [B_F0, 'Người Tiếp Xúc Pu Lau', 'Người Tiếp Xúc Gần Pu Lau'];

export async function seedCasesOfB(b: Client, bVillage: string): Promise<CasesOfB> {
  const day = addDays(vnDate(), -2);
  const cluster = (await b.post('/api/v1/clusters', { name: 'Chợ phiên Mường Nhà', setting: 'market', firstDate: day })).json();
  const created = await b.post('/api/v1/people', { fullName: B_F0, birthYear: 1979, unitCode: bVillage });
  expect(created.statusCode, created.body).toBe(201);
  const person = created.json();
  const c = await b.post('/api/v1/cases', { personId: person.id, testType: 'rt_pcr', testDate: day, detectedIn: 'community', severity: 'mild', clusterId: cluster.id });
  expect(c.statusCode, c.body).toBe(201);
  const f1 = await b.post(`/api/v1/cases/${c.json().id}/contacts`, { person: { fullName: B_NAMES[1], birthYear: 1981, unitCode: bVillage }, relation: 'household', lastExposure: day });
  expect(f1.statusCode, f1.body).toBe(201);
  const f2 = await b.post(`/api/v1/contacts/${f1.json().id}/contacts`, { person: { fullName: B_NAMES[2], birthYear: 2001, unitCode: bVillage }, relation: 'neighbour', lastExposure: day });
  expect(f2.statusCode, f2.body).toBe(201);
  return { bClusterId: cluster.id, bCaseId: c.json().id, bContactId: f1.json().id, bF2Id: f2.json().id };
}

type Ctx = CasesOfB & { a: Client; bUnit: string; bVillage: string; aPersonId: number };

const noB = async (res: { statusCode: number; rawPayload: Buffer }) => {
  expect(res.statusCode).toBe(200);
  const text = JSON.stringify(await readTable(res.rawPayload, 'x.xlsx'));
  for (const name of [...B_NAMES, 'Pu Lau', 'Mường Nhà']) expect(text).not.toContain(name);
};
const positive = { testType: 'rt_pcr', testDate: vnDate(), detectedIn: 'community', severity: 'mild' };
const contact = { relation: 'household', lastExposure: vnDate() };

export const CASES_PROBES = {
  'POST /api/v1/cases': async ({ a, aPersonId, bVillage, bClusterId, bCaseId }: Ctx) => {
    await refusedField(a.post('/api/v1/cases', { person: { fullName: 'Người Lạc Xã', birthYear: 1990, unitCode: bVillage }, ...positive }), 'unitCode');
    await refusedField(a.post('/api/v1/cases', { personId: aPersonId, unitCode: bVillage, ...positive }), 'unitCode');
    await refusedField(a.post('/api/v1/cases', { personId: aPersonId, clusterId: bClusterId, ...positive }), 'clusterId');
    await refusedField(a.post('/api/v1/cases', { personId: aPersonId, sourceCaseId: bCaseId, ...positive }), 'sourceCaseId');
  },
  'GET /api/v1/cases': async ({ a, bUnit }: Ctx) => {
    await expect404(a.get(`/api/v1/cases?unit=${bUnit}`));
    expect((await a.get('/api/v1/cases?q=pu%20lau')).json().total).toBe(0);
    expect((await a.get('/api/v1/cases?pageSize=500')).json().items.every((c: { unitCode: string }) => c.unitCode.startsWith('03365'))).toBe(true);
  },
  'GET /api/v1/cases/export.xlsx': async ({ a, bUnit }: Ctx) => {
    await expect404(a.get(`/api/v1/cases/export.xlsx?unit=${bUnit}`));
    await noB(await a.get('/api/v1/cases/export.xlsx'));
  },
  'GET /api/v1/cases/:id': ({ a, bCaseId }: Ctx) => expect404(a.get(`/api/v1/cases/${bCaseId}`)),
  'PATCH /api/v1/cases/:id': ({ a, bCaseId }: Ctx) => expect404(a.patch(`/api/v1/cases/${bCaseId}`, { version: 1, severity: 'moderate' })),
  'POST /api/v1/cases/:id/care-places': ({ a, bCaseId }: Ctx) => expect404(a.post(`/api/v1/cases/${bCaseId}/care-places`, { version: 1, place: 'facility_t1', reason: 'Thử' })),
  'POST /api/v1/cases/:id/contacts': ({ a, bCaseId, aPersonId }: Ctx) => expect404(a.post(`/api/v1/cases/${bCaseId}/contacts`, { personId: aPersonId, ...contact })),
  'POST /api/v1/contacts/:id/contacts': ({ a, bContactId, aPersonId }: Ctx) => expect404(a.post(`/api/v1/contacts/${bContactId}/contacts`, { personId: aPersonId, ...contact })),
  'GET /api/v1/contacts': async ({ a, bUnit, bContactId }: Ctx) => {
    await expect404(a.get(`/api/v1/contacts?unit=${bUnit}`));
    const all = (await a.get('/api/v1/contacts?pageSize=500')).json();
    expect(all.items.map((c: { id: number }) => c.id)).not.toContain(bContactId);
    expect((await a.get('/api/v1/contacts?q=pu%20lau')).json().total).toBe(0);
  },
  'GET /api/v1/contacts/export.xlsx': async ({ a, bUnit }: Ctx) => {
    await expect404(a.get(`/api/v1/contacts/export.xlsx?unit=${bUnit}`));
    await noB(await a.get('/api/v1/contacts/export.xlsx'));
  },
  'GET /api/v1/contacts/:id': ({ a, bContactId }: Ctx) => expect404(a.get(`/api/v1/contacts/${bContactId}`)),
  'PATCH /api/v1/contacts/:id': ({ a, bContactId }: Ctx) => expect404(a.patch(`/api/v1/contacts/${bContactId}`, { version: 1, status: 'released' })),
  'POST /api/v1/contacts/:id/promote': ({ a, bF2Id }: Ctx) => expect404(a.post(`/api/v1/contacts/${bF2Id}/promote`, { version: 1, ...positive })),
  'GET /api/v1/clusters': async ({ a, bUnit, bClusterId }: Ctx) => {
    await expect404(a.get(`/api/v1/clusters?unit=${bUnit}`));
    expect((await a.get('/api/v1/clusters?pageSize=500')).json().items.map((c: { id: number }) => c.id)).not.toContain(bClusterId);
  },
  'GET /api/v1/clusters/export.xlsx': async ({ a, bUnit }: Ctx) => {
    await expect404(a.get(`/api/v1/clusters/export.xlsx?unit=${bUnit}`));
    const text = JSON.stringify(await readTable((await a.get('/api/v1/clusters/export.xlsx')).rawPayload, 'x.xlsx'));
    expect(text).not.toContain('Chợ phiên Mường Nhà');
  },
  'POST /api/v1/clusters': ({ a, bUnit }: Ctx) => refusedField(a.post('/api/v1/clusters', { name: 'Ổ dịch xã khác', setting: 'market', unitCode: bUnit, firstDate: vnDate() }), 'unitCode'),
  'GET /api/v1/clusters/:id': ({ a, bClusterId }: Ctx) => expect404(a.get(`/api/v1/clusters/${bClusterId}`)),
  'PATCH /api/v1/clusters/:id': ({ a, bClusterId }: Ctx) => expect404(a.patch(`/api/v1/clusters/${bClusterId}`, { version: 1, name: 'Đổi tên' })),
  'GET /api/v1/chains/:ref': async ({ a, bClusterId, bCaseId }: Ctx) => {
    await expect404(a.get(`/api/v1/chains/${bClusterId}`));
    await expect404(a.get(`/api/v1/chains/case-${bCaseId}`));
  },
  'GET /api/v1/stats/cases': async ({ a, bUnit }: Ctx) => {
    await expect404(a.get(`/api/v1/stats/cases?unit=${bUnit}`));
    const own = (await a.get('/api/v1/stats/cases')).json();
    expect(own.unitCode).toBe('03365');
    expect(own.totals.newTotal).toBe(0);
  },
  'GET /api/v1/stats/cases/export.xlsx': ({ a, bUnit }: Ctx) => expect404(a.get(`/api/v1/stats/cases/export.xlsx?unit=${bUnit}`)),
};
