import { expect } from 'vitest';
import { vnDate } from '@pcd/core';
import type { Client } from './app.js';
import { readTable } from '../lib/spreadsheet.js';
import { expect404 } from './probes.js';

/** Commune B's lockdown zone for the jurisdiction probe. */
export interface LockdownOfB { bZoneId: number }

const B_ZONE = 'Phong tỏa bản Pu Lau';

export async function seedLockdownOfB(b: Client, bVillage: string): Promise<LockdownOfB> {
  const z = await b.post('/api/v1/lockdown-zones', { name: B_ZONE, unitCode: '03364', villageCodes: [bVillage], startDate: vnDate(), reason: 'Ổ dịch trong bản' });
  expect(z.statusCode, z.body).toBe(201);
  return { bZoneId: z.json().id };
}

type Ctx = LockdownOfB & { a: Client; bUnit: string; bVillage: string };


export const LOCKDOWN_PROBES = {
  'POST /api/v1/lockdown-zones': async ({ a, bUnit, bVillage }: Ctx) => {
    for (const [body, field] of [[{ unitCode: bUnit, villageCodes: [bVillage] }, 'unitCode'], [{ unitCode: '03365', villageCodes: [bVillage] }, 'villageCodes']] as const) {
      const res = await a.post('/api/v1/lockdown-zones', { name: 'Phong tỏa lạc xã', startDate: vnDate(), reason: 'Thử nghiệm', ...body });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.field).toBe(field);
    }
  },
  'GET /api/v1/lockdown-zones': async ({ a, bUnit, bZoneId }: Ctx) => {
    await expect404(a.get(`/api/v1/lockdown-zones?unit=${bUnit}`));
    expect((await a.get('/api/v1/lockdown-zones?pageSize=500')).json().items.map((z: { id: number }) => z.id)).not.toContain(bZoneId);
  },
  'GET /api/v1/lockdown-zones/export.xlsx': async ({ a, bUnit }: Ctx) => {
    await expect404(a.get(`/api/v1/lockdown-zones/export.xlsx?unit=${bUnit}`));
    const text = JSON.stringify(await readTable((await a.get('/api/v1/lockdown-zones/export.xlsx')).rawPayload, 'x.xlsx'));
    expect(text).not.toContain(B_ZONE);
  },
  'GET /api/v1/lockdown-zones/:id': ({ a, bZoneId }: Ctx) => expect404(a.get(`/api/v1/lockdown-zones/${bZoneId}`)),
  'PATCH /api/v1/lockdown-zones/:id': ({ a, bZoneId }: Ctx) => expect404(a.patch(`/api/v1/lockdown-zones/${bZoneId}`, { version: 1, status: 'lifted' })),
  'POST /api/v1/lockdown-zones/:id/rounds': ({ a, bZoneId }: Ctx) =>
    expect404(a.post(`/api/v1/lockdown-zones/${bZoneId}/rounds`, { version: 1, date: vnDate(), residents: 10, tested: 10, positives: 0 })),
};
