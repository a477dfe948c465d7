import { expect } from 'vitest';
import { addDays, vnDate } from '@pcd/core';
import type { Client, TestApp } from './app.js';
import { readTable } from '../lib/spreadsheet.js';
import { expect404, refusedField } from './probes.js';

/** What commune B (Mường Nhà) holds of home care for the jurisdiction probe: an F0 at home, overdue, with an open alert, and a care team. */
export interface CareOfB {
  bHomeCaseId: number;
  bAlertId: number;
  bTeamId: number;
  bTeamLeaderId: number;
}

const B_HOME = 'Người Ở Nhà Pu Lau';
const B_TEAM = 'Tổ chăm sóc bản Pu Lau';

export async function seedCareOfB(t: TestApp, b: Client, bVillage: string): Promise<CareOfB> {
  const person = (await b.post('/api/v1/people', { fullName: B_HOME, birthYear: 1990, unitCode: bVillage })).json();
  const c = await b.post('/api/v1/cases', { personId: person.id, testType: 'rapid_antigen', testDate: addDays(vnDate(), -1), detectedIn: 'community', severity: 'mild', carePlace: 'home' });
  expect(c.statusCode, c.body).toBe(201);
  const checkin = await b.post(`/api/v1/care/${c.json().id}/checkins`, { at: new Date(Date.now() - 20 * 3_600_000).toISOString(), spo2: 94, symptoms: [] });
  expect(checkin.statusCode, checkin.body).toBe(201);
  // At home since yesterday, so the missed check-in makes it overdue.
  await t.testDb.handle.db.updateTable('case_care_places').set({ created_at: new Date(Date.now() - 30 * 3_600_000).toISOString() }).where('case_id', '=', c.json().id).execute();
  const leader = (await b.post('/api/v1/people', { fullName: 'Y Tá Pu Lau', birthYear: 1988, unitCode: bVillage })).json();
  const team = await b.post('/api/v1/care-teams', { name: B_TEAM, unitCode: '03364', leaderPersonId: leader.id, leaderHealthWorker: true, caseIds: [c.json().id] });
  expect(team.statusCode, team.body).toBe(201);
  return { bHomeCaseId: c.json().id, bAlertId: checkin.json().alerts[0].id, bTeamId: team.json().id, bTeamLeaderId: leader.id };
}

type Ctx = CareOfB & { a: Client; bUnit: string; bVillage: string; aPersonId: number };

const noB = async (res: { statusCode: number; rawPayload: Buffer }) => {
  expect(res.statusCode).toBe(200);
  const text = JSON.stringify(await readTable(res.rawPayload, 'x.xlsx'));
  for (const name of [B_HOME, B_TEAM, 'Pu Lau', 'Mường Nhà']) expect(text).not.toContain(name);
};

export const CARE_PROBES = {
  'POST /api/v1/care/:caseId/checkins': ({ a, bHomeCaseId }: Ctx) => expect404(a.post(`/api/v1/care/${bHomeCaseId}/checkins`, { spo2: 97, symptoms: [] })),
  'GET /api/v1/care/:caseId/checkins': ({ a, bHomeCaseId }: Ctx) => expect404(a.get(`/api/v1/care/${bHomeCaseId}/checkins`)),
  'GET /api/v1/care/overdue': async ({ a, bUnit, bHomeCaseId }: Ctx) => {
    await expect404(a.get(`/api/v1/care/overdue?unit=${bUnit}`));
    const own = (await a.get('/api/v1/care/overdue?pageSize=500')).json();
    expect(own.items.map((o: { caseId: number }) => o.caseId)).not.toContain(bHomeCaseId);
  },
  'GET /api/v1/care/overdue/export.xlsx': async ({ a, bUnit }: Ctx) => {
    await expect404(a.get(`/api/v1/care/overdue/export.xlsx?unit=${bUnit}`));
    await noB(await a.get('/api/v1/care/overdue/export.xlsx'));
  },
  'POST /api/v1/care/:caseId/release': ({ a, bHomeCaseId }: Ctx) =>
    expect404(a.post(`/api/v1/care/${bHomeCaseId}/release`, { version: 1, negativeTestType: 'rapid_antigen', negativeTestDate: vnDate() })),
  'GET /api/v1/care/:caseId/release-confirmation': ({ a, bHomeCaseId }: Ctx) => expect404(a.get(`/api/v1/care/${bHomeCaseId}/release-confirmation`)),
  'GET /api/v1/care/:caseId/release-confirmation.html': ({ a, bHomeCaseId }: Ctx) => expect404(a.get(`/api/v1/care/${bHomeCaseId}/release-confirmation.html`)),
  'GET /api/v1/stats/home-care': async ({ a, bUnit }: Ctx) => {
    await expect404(a.get(`/api/v1/stats/home-care?unit=${bUnit}`));
    expect((await a.get('/api/v1/stats/home-care')).json()).toMatchObject({ openAlerts: 0, overdue: 0 });
  },
  'GET /api/v1/alerts': async ({ a, bUnit, bAlertId }: Ctx) => {
    await expect404(a.get(`/api/v1/alerts?unit=${bUnit}`));
    expect((await a.get('/api/v1/alerts?pageSize=500')).json().items.map((x: { id: number }) => x.id)).not.toContain(bAlertId);
  },
  'GET /api/v1/alerts/export.xlsx': async ({ a, bUnit }: Ctx) => {
    await expect404(a.get(`/api/v1/alerts/export.xlsx?unit=${bUnit}`));
    await noB(await a.get('/api/v1/alerts/export.xlsx'));
  },
  'POST /api/v1/alerts/:id/acknowledge': ({ a, bAlertId }: Ctx) => expect404(a.post(`/api/v1/alerts/${bAlertId}/acknowledge`, { action: 'visit', version: 1 })),
  'POST /api/v1/care-teams': async ({ a, bUnit, bTeamLeaderId, bHomeCaseId, aPersonId }: Ctx) => {
    await refusedField(a.post('/api/v1/care-teams', { name: 'Tổ xã khác', unitCode: bUnit, leaderPersonId: aPersonId, leaderHealthWorker: true }), 'unitCode');
    await refusedField(a.post('/api/v1/care-teams', { name: 'Tổ lạc', unitCode: '03365', leaderPersonId: bTeamLeaderId, leaderHealthWorker: true }), 'leaderPersonId');
    await refusedField(a.post('/api/v1/care-teams', { name: 'Tổ lạc', unitCode: '03365', leaderPersonId: aPersonId, leaderHealthWorker: true, caseIds: [bHomeCaseId] }), 'caseIds');
  },
  'GET /api/v1/care-teams': async ({ a, bUnit, bTeamId }: Ctx) => {
    await expect404(a.get(`/api/v1/care-teams?unit=${bUnit}`));
    expect((await a.get('/api/v1/care-teams?pageSize=500')).json().items.map((x: { id: number }) => x.id)).not.toContain(bTeamId);
  },
  'GET /api/v1/care-teams/export.xlsx': async ({ a, bUnit }: Ctx) => {
    await expect404(a.get(`/api/v1/care-teams/export.xlsx?unit=${bUnit}`));
    await noB(await a.get('/api/v1/care-teams/export.xlsx'));
  },
  'GET /api/v1/care-teams/:id': ({ a, bTeamId }: Ctx) => expect404(a.get(`/api/v1/care-teams/${bTeamId}`)),
  'PATCH /api/v1/care-teams/:id': ({ a, bTeamId }: Ctx) => expect404(a.patch(`/api/v1/care-teams/${bTeamId}`, { version: 1, name: 'Đổi tên' })),
};
