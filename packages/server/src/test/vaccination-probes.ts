import { expect } from 'vitest';
import { addDays, vnDate } from '@pcd/core';
import type { Client } from './app.js';
import { readTable } from '../lib/spreadsheet.js';
import { expect404, refusedField } from './probes.js';

/** Commune B's vaccinated resident, their dose and B's coverage target, for the jurisdiction probe. */
export interface VaccinationOfB { bVaccinatedId: number; bDoseId: number; bTargetId: number }

const B_VACCINATED = 'Người Tiêm Pu Lau';

export async function seedVaccinationOfB(b: Client, bVillage: string): Promise<VaccinationOfB> {
  const person = (await b.post('/api/v1/people', { fullName: B_VACCINATED, birthYear: 1975, unitCode: bVillage })).json();
  const dose = await b.post('/api/v1/vaccinations', { personId: person.id, product: 'astrazeneca', dose: 1, date: addDays(vnDate(), -2) });
  expect(dose.statusCode, dose.body).toBe(201);
  const target = await b.post('/api/v1/vaccination/targets', { unitCode: '03364', group: '18+', measure: 'dose1', percent: 100, deadline: addDays(vnDate(), 30) });
  expect(target.statusCode, target.body).toBe(201);
  return { bVaccinatedId: person.id, bDoseId: dose.json().id, bTargetId: target.json().id };
}

type Ctx = VaccinationOfB & { a: Client; aAdmin: Client; bUnit: string; aPersonId: number };

export const VACCINATION_PROBES = {
  'POST /api/v1/vaccinations': ({ a, bVaccinatedId }: Ctx) =>
    refusedField(a.post('/api/v1/vaccinations', { personId: bVaccinatedId, product: 'astrazeneca', dose: 2, date: vnDate() }), 'personId'),
  'GET /api/v1/vaccinations': async ({ a, bUnit, bDoseId, bVaccinatedId }: Ctx) => {
    await expect404(a.get(`/api/v1/vaccinations?unit=${bUnit}`));
    expect((await a.get('/api/v1/vaccinations?pageSize=500')).json().items.map((d: { id: number }) => d.id)).not.toContain(bDoseId);
    expect((await a.get(`/api/v1/vaccinations?personId=${bVaccinatedId}`)).json().total).toBe(0);
  },
  'GET /api/v1/vaccinations/:id': ({ a, bDoseId }: Ctx) => expect404(a.get(`/api/v1/vaccinations/${bDoseId}`)),
  'PATCH /api/v1/vaccinations/:id': ({ a, bDoseId }: Ctx) => expect404(a.patch(`/api/v1/vaccinations/${bDoseId}`, { version: 1, lot: 'X' })),
  'DELETE /api/v1/vaccinations/:id': ({ a, bDoseId }: Ctx) => expect404(a.delete(`/api/v1/vaccinations/${bDoseId}?version=1`)),
  'GET /api/v1/people/:id/vaccinations': ({ a, bVaccinatedId }: Ctx) => expect404(a.get(`/api/v1/people/${bVaccinatedId}/vaccinations`)),
  'GET /api/v1/vaccine-products': { none: 'the national list of vaccine products, no records of a unit' },
  'POST /api/v1/vaccine-products': async ({ aAdmin }: Ctx) => {
    // The list is national: an administrator of one commune may not change it.
    const res = await aAdmin.post('/api/v1/vaccine-products', { code: 'xa_nhap', name: 'Vắc xin xã', primaryDoses: 2, minIntervalDays: 21, boosterMinDays: 90 });
    expect(res.statusCode, res.body).toBe(403);
  },
  'PATCH /api/v1/vaccine-products/:code': async ({ aAdmin }: Ctx) => {
    const res = await aAdmin.patch('/api/v1/vaccine-products/pfizer', { version: 1, active: false });
    expect(res.statusCode, res.body).toBe(403);
  },
  'GET /api/v1/vaccination/targets': async ({ a, bUnit, bTargetId }: Ctx) => {
    await expect404(a.get(`/api/v1/vaccination/targets?unit=${bUnit}`));
    expect((await a.get('/api/v1/vaccination/targets?active=all')).json().items.map((x: { id: number }) => x.id)).not.toContain(bTargetId);
  },
  'POST /api/v1/vaccination/targets': ({ a, bUnit }: Ctx) =>
    refusedField(a.post('/api/v1/vaccination/targets', { unitCode: bUnit, group: '18+', measure: 'dose1', percent: 100, deadline: addDays(vnDate(), 10) }), 'unitCode'),
  'PATCH /api/v1/vaccination/targets/:id': ({ a, bTargetId }: Ctx) => expect404(a.patch(`/api/v1/vaccination/targets/${bTargetId}`, { version: 1, percent: 10 })),
  'GET /api/v1/stats/vaccination': async ({ a, bUnit }: Ctx) => {
    await expect404(a.get(`/api/v1/stats/vaccination?unit=${bUnit}`));
    const own = (await a.get('/api/v1/stats/vaccination')).json();
    expect(own.unitCode).toBe('03365');
    expect(own.children.map((c: { unitCode: string }) => c.unitCode)).not.toContain(bUnit);
  },
  'GET /api/v1/stats/vaccination/export.xlsx': async ({ a, bUnit }: Ctx) => {
    await expect404(a.get(`/api/v1/stats/vaccination/export.xlsx?unit=${bUnit}`));
    const text = JSON.stringify(await readTable((await a.get('/api/v1/stats/vaccination/export.xlsx')).rawPayload, 'x.xlsx'));
    expect(text).toContain('Na Tông');
    expect(text).not.toContain('Mường Nhà');
  },
};
