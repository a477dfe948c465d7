import { expect } from 'vitest';
import type { Client } from './app.js';
import { readTable } from '../lib/spreadsheet.js';
import { expect404, refusedField } from './probes.js';

/** What commune B (Mường Nhà) holds of quarantine for the jurisdiction probe: a facility and a person placed in it, with meal support. */
export interface QuarantineOfB {
  bFacilityId: number;
  bF1AreaId: number;
  bEpisodeId: number;
  bQuarantinedId: number;
}

const B_FACILITY = 'Khu cách ly Trường Mầm non Mường Nhà';
const B_PERSON = 'Người Cách Ly Pu Lau';

export async function seedQuarantineOfB(b: Client, bVillage: string): Promise<QuarantineOfB> {
  const f = await b.post('/api/v1/quarantine/facilities', { name: B_FACILITY, unitCode: '03364', status: 'active', areas: [{ kind: 'f1', name: 'Khu F1', beds: 10 }, { kind: 'f2', name: 'Khu F2', beds: 10 }] });
  expect(f.statusCode, f.body).toBe(201);
  const person = (await b.post('/api/v1/people', { fullName: B_PERSON, birthYear: 1992, unitCode: bVillage })).json();
  const areaId = f.json().areas[0].id;
  const e = await b.post('/api/v1/quarantine/episodes', { personId: person.id, kind: 'facility', facilityId: f.json().id, areaId, reason: 'f1', mealSupport: true, mealNote: 'Hộ nghèo' });
  expect(e.statusCode, e.body).toBe(201);
  return { bFacilityId: f.json().id, bF1AreaId: areaId, bEpisodeId: e.json().id, bQuarantinedId: person.id };
}

type Ctx = QuarantineOfB & { a: Client; bUnit: string; aPersonId: number };

const noB = async (res: { statusCode: number; rawPayload: Buffer }) => {
  expect(res.statusCode).toBe(200);
  const text = JSON.stringify(await readTable(res.rawPayload, 'x.xlsx'));
  for (const name of [B_FACILITY, B_PERSON, 'Pu Lau', 'Mường Nhà']) expect(text).not.toContain(name);
};

export const QUARANTINE_PROBES = {
  'POST /api/v1/quarantine/facilities': ({ a, bUnit }: Ctx) =>
    refusedField(a.post('/api/v1/quarantine/facilities', { name: 'Khu xã khác', unitCode: bUnit, areas: [{ kind: 'f1', name: 'F1', beds: 1 }] }), 'unitCode'),
  'GET /api/v1/quarantine/facilities': async ({ a, bUnit, bFacilityId }: Ctx) => {
    await expect404(a.get(`/api/v1/quarantine/facilities?unit=${bUnit}`));
    expect((await a.get('/api/v1/quarantine/facilities?pageSize=500')).json().items.map((f: { id: number }) => f.id)).not.toContain(bFacilityId);
  },
  'GET /api/v1/quarantine/facilities/export.xlsx': async ({ a, bUnit }: Ctx) => {
    await expect404(a.get(`/api/v1/quarantine/facilities/export.xlsx?unit=${bUnit}`));
    await noB(await a.get('/api/v1/quarantine/facilities/export.xlsx'));
  },
  'GET /api/v1/quarantine/facilities/:id': ({ a, bFacilityId }: Ctx) => expect404(a.get(`/api/v1/quarantine/facilities/${bFacilityId}`)),
  'PATCH /api/v1/quarantine/facilities/:id': ({ a, bFacilityId }: Ctx) => expect404(a.patch(`/api/v1/quarantine/facilities/${bFacilityId}`, { version: 1, status: 'closed' })),
  'GET /api/v1/quarantine/facilities/:id/occupancy': ({ a, bFacilityId }: Ctx) => expect404(a.get(`/api/v1/quarantine/facilities/${bFacilityId}/occupancy`)),
  'GET /api/v1/quarantine/facilities/:id/meal-roster.xlsx': ({ a, bFacilityId }: Ctx) => expect404(a.get(`/api/v1/quarantine/facilities/${bFacilityId}/meal-roster.xlsx`)),
  'POST /api/v1/quarantine/episodes': async ({ a, bQuarantinedId, bFacilityId, bF1AreaId, aPersonId }: Ctx) => {
    await refusedField(a.post('/api/v1/quarantine/episodes', { personId: bQuarantinedId, kind: 'home', reason: 'f1' }), 'personId');
    await refusedField(a.post('/api/v1/quarantine/episodes', { personId: aPersonId, kind: 'facility', facilityId: bFacilityId, areaId: bF1AreaId, reason: 'f1' }), 'facilityId');
  },
  'GET /api/v1/quarantine/episodes': async ({ a, bUnit, bEpisodeId }: Ctx) => {
    await expect404(a.get(`/api/v1/quarantine/episodes?unit=${bUnit}`));
    expect((await a.get('/api/v1/quarantine/episodes?pageSize=500')).json().items.map((e: { id: number }) => e.id)).not.toContain(bEpisodeId);
  },
  'GET /api/v1/quarantine/episodes/export.xlsx': async ({ a, bUnit }: Ctx) => {
    await expect404(a.get(`/api/v1/quarantine/episodes/export.xlsx?unit=${bUnit}`));
    await noB(await a.get('/api/v1/quarantine/episodes/export.xlsx'));
  },
  'GET /api/v1/quarantine/episodes/:id': ({ a, bEpisodeId }: Ctx) => expect404(a.get(`/api/v1/quarantine/episodes/${bEpisodeId}`)),
  'PATCH /api/v1/quarantine/episodes/:id': ({ a, bEpisodeId }: Ctx) => expect404(a.patch(`/api/v1/quarantine/episodes/${bEpisodeId}`, { version: 1, mealSupport: false })),
  'POST /api/v1/quarantine/episodes/:id/release': ({ a, bEpisodeId }: Ctx) => expect404(a.post(`/api/v1/quarantine/episodes/${bEpisodeId}/release`, { version: 1 })),
};
