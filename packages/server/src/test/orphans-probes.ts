import { expect } from 'vitest';
import { vnDate } from '@pcd/core';
import type { Client } from './app.js';
import { readTable } from '../lib/spreadsheet.js';
import { expect404 } from './probes.js';

/** Commune B's death and orphaned child for the jurisdiction probe. */
export interface OrphansOfB { bDiedCaseId: number; bOrphanId: number; bChildId: number }

const B_CHILD = 'Trẻ Mồ Côi Pu Lau';

export async function seedOrphansOfB(b: Client, bVillage: string): Promise<OrphansOfB> {
  const parent = (await b.post('/api/v1/people', { fullName: 'Người Mất Pu Lau', birthYear: 1965, unitCode: bVillage })).json();
  const c = (await b.post('/api/v1/cases', { personId: parent.id, testType: 'rt_pcr', testDate: vnDate(), detectedIn: 'community', severity: 'mild', carePlace: 'facility_t1' })).json();
  const died = await b.patch(`/api/v1/cases/${c.id}`, { version: c.version, status: 'died', deathDate: vnDate(), deathPlace: 'facility' });
  expect(died.statusCode, died.body).toBe(200);
  const child = (await b.post('/api/v1/people', { fullName: B_CHILD, birthYear: Number(vnDate().slice(0, 4)) - 8, unitCode: bVillage })).json();
  const o = await b.post('/api/v1/orphans', { childPersonId: child.id, caseId: c.id, relation: 'parent' });
  expect(o.statusCode, o.body).toBe(201);
  return { bDiedCaseId: c.id, bOrphanId: o.json().id, bChildId: child.id };
}

type Ctx = OrphansOfB & { a: Client; bUnit: string; aPersonId: number };


export const ORPHANS_PROBES = {
  'POST /api/v1/orphans': async ({ a, bDiedCaseId, bChildId, aPersonId }: Ctx) => {
    for (const [body, field] of [[{ childPersonId: bChildId, caseId: bDiedCaseId }, 'childPersonId'], [{ childPersonId: aPersonId, caseId: bDiedCaseId }, 'caseId']] as const) {
      const res = await a.post('/api/v1/orphans', { relation: 'parent', ...body });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.field).toBe(field);
    }
  },
  'GET /api/v1/orphans': async ({ a, bUnit, bOrphanId }: Ctx) => {
    await expect404(a.get(`/api/v1/orphans?unit=${bUnit}`));
    expect((await a.get('/api/v1/orphans?pageSize=500')).json().items.map((o: { id: number }) => o.id)).not.toContain(bOrphanId);
  },
  'GET /api/v1/orphans/export.xlsx': async ({ a, bUnit }: Ctx) => {
    await expect404(a.get(`/api/v1/orphans/export.xlsx?unit=${bUnit}`));
    const text = JSON.stringify(await readTable((await a.get('/api/v1/orphans/export.xlsx')).rawPayload, 'x.xlsx'));
    expect(text).not.toContain(B_CHILD);
  },
  'GET /api/v1/orphans/:id': ({ a, bOrphanId }: Ctx) => expect404(a.get(`/api/v1/orphans/${bOrphanId}`)),
  'PATCH /api/v1/orphans/:id': ({ a, bOrphanId }: Ctx) => expect404(a.patch(`/api/v1/orphans/${bOrphanId}`, { version: 1, supportStatus: 'receiving' })),
  'GET /api/v1/stats/deaths-orphans': async ({ a, bUnit }: Ctx) => {
    await expect404(a.get(`/api/v1/stats/deaths-orphans?unit=${bUnit}`));
    const own = (await a.get('/api/v1/stats/deaths-orphans')).json();
    expect(own.unitCode).toBe('03365');
    expect(own.totals).toMatchObject({ deaths: 0, orphans: 0 });
  },
  'GET /api/v1/stats/deaths-orphans/export.xlsx': async ({ a, bUnit }: Ctx) => {
    await expect404(a.get(`/api/v1/stats/deaths-orphans/export.xlsx?unit=${bUnit}`));
    const text = JSON.stringify(await readTable((await a.get('/api/v1/stats/deaths-orphans/export.xlsx')).rawPayload, 'x.xlsx'));
    expect(text).not.toContain('Mường Nhà');
  },
};
