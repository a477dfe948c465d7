import { expect } from 'vitest';
import { vnDate } from '@pcd/core';
import type { Client } from './app.js';
import { readTable } from '../lib/spreadsheet.js';
import { expect404, refusedField } from './probes.js';

/** Commune B's testing campaign, a positive single sample and a firm report, for the jurisdiction probe. */
export interface TestingOfB { bCampaignId: number; bSampleId: number; bTestedPersonId: number; bFirmReportId: number }

const B_CAMPAIGN = 'Sàng lọc chợ Mường Nhà';

export async function seedTestingOfB(b: Client, bVillage: string): Promise<TestingOfB> {
  const person = (await b.post('/api/v1/people', { fullName: 'Người Xét Nghiệm Pu Lau', birthYear: 1975, unitCode: bVillage })).json();
  const c = await b.post('/api/v1/testing/campaigns', { name: B_CAMPAIGN, purpose: 'screening', placeType: 'market', unitCode: '03364', fromDate: vnDate(), targetCount: 50 });
  expect(c.statusCode, c.body).toBe(201);
  const s = await b.post('/api/v1/testing/samples', { campaignId: c.json().id, personId: person.id, type: 'rt_pcr', collectedAt: new Date().toISOString() });
  expect(s.statusCode, s.body).toBe(201);
  expect((await b.post(`/api/v1/testing/samples/${s.json().id}/result`, { result: 'positive' })).statusCode).toBe(200);
  const f = await b.post('/api/v1/testing/firm-reports', { firmName: 'Doanh nghiệp Mường Nhà', unitCode: '03364', reportDate: vnDate(), workersTested: 10, positives: 0, reportedBy: 'Quản lý B' });
  expect(f.statusCode, f.body).toBe(201);
  return { bCampaignId: c.json().id, bSampleId: s.json().id, bTestedPersonId: person.id, bFirmReportId: f.json().id };
}

type Ctx = TestingOfB & { a: Client; bUnit: string; aPersonId: number };

async function ownCampaign(a: Client): Promise<number> {
  const res = await a.post('/api/v1/testing/campaigns', { name: 'Xét nghiệm người có triệu chứng Na Tông', purpose: 'symptomatic', unitCode: '03365', fromDate: vnDate() });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

export const TESTING_PROBES = {
  'POST /api/v1/testing/campaigns': async ({ a, bUnit, bTestedPersonId }: Ctx) => {
    await refusedField(a.post('/api/v1/testing/campaigns', { name: 'Đợt lạc xã', purpose: 'other', unitCode: bUnit, fromDate: vnDate() }), 'unitCode');
    await refusedField(a.post('/api/v1/testing/campaigns', { name: 'Đợt lạc người', purpose: 'other', unitCode: '03365', fromDate: vnDate(), targetPersonIds: [bTestedPersonId] }), 'targetPersonIds');
  },
  'GET /api/v1/testing/campaigns': async ({ a, bUnit, bCampaignId }: Ctx) => {
    await expect404(a.get(`/api/v1/testing/campaigns?unit=${bUnit}`));
    expect((await a.get('/api/v1/testing/campaigns?pageSize=500')).json().items.map((c: { id: number }) => c.id)).not.toContain(bCampaignId);
  },
  'GET /api/v1/testing/campaigns/:id': ({ a, bCampaignId }: Ctx) => expect404(a.get(`/api/v1/testing/campaigns/${bCampaignId}`)),
  'PATCH /api/v1/testing/campaigns/:id': ({ a, bCampaignId }: Ctx) => expect404(a.patch(`/api/v1/testing/campaigns/${bCampaignId}`, { version: 1, status: 'closed' })),
  'POST /api/v1/testing/samples': async ({ a, bCampaignId, bTestedPersonId, aPersonId }: Ctx) => {
    const at = new Date().toISOString();
    await refusedField(a.post('/api/v1/testing/samples', { campaignId: bCampaignId, personId: aPersonId, type: 'rt_pcr', collectedAt: at }), 'campaignId');
    const own = await ownCampaign(a);
    await refusedField(a.post('/api/v1/testing/samples', { campaignId: own, personId: bTestedPersonId, type: 'rt_pcr', collectedAt: at }), 'personId');
    await refusedField(a.post('/api/v1/testing/samples', { campaignId: own, pooled: [aPersonId, bTestedPersonId], type: 'rt_pcr', collectedAt: at }), 'pooled');
  },
  'GET /api/v1/testing/samples': async ({ a, bCampaignId, bSampleId }: Ctx) => {
    await expect404(a.get(`/api/v1/testing/samples?campaign=${bCampaignId}`));
    const all = await a.get('/api/v1/testing/samples?pageSize=500');
    expect(all.json().items.map((s: { id: number }) => s.id)).not.toContain(bSampleId);
    expect(all.body).not.toContain('Pu Lau');
  },
  'POST /api/v1/testing/samples/:id/result': ({ a, bSampleId }: Ctx) => expect404(a.post(`/api/v1/testing/samples/${bSampleId}/result`, { result: 'negative' })),
  'POST /api/v1/testing/samples/:id/register-case': ({ a, bSampleId }: Ctx) => expect404(a.post(`/api/v1/testing/samples/${bSampleId}/register-case`, { severity: 'mild' })),
  'POST /api/v1/testing/firm-reports': ({ a, bUnit }: Ctx) =>
    refusedField(a.post('/api/v1/testing/firm-reports', { firmName: 'Công ty lạc xã', unitCode: bUnit, reportDate: vnDate(), workersTested: 1, positives: 0, reportedBy: 'Ai đó' }), 'unitCode'),
  'GET /api/v1/testing/firm-reports': async ({ a, bUnit, bFirmReportId }: Ctx) => {
    await expect404(a.get(`/api/v1/testing/firm-reports?unit=${bUnit}`));
    expect((await a.get('/api/v1/testing/firm-reports?pageSize=500')).json().items.map((r: { id: number }) => r.id)).not.toContain(bFirmReportId);
  },
  'GET /api/v1/stats/testing': async ({ a, bUnit }: Ctx) => {
    await expect404(a.get(`/api/v1/stats/testing?unit=${bUnit}`));
    const own = await a.get('/api/v1/stats/testing');
    expect(own.json().unitCode).toBe('03365');
    expect(own.json().totals.samples).toBe(0);
    expect(own.json().firms.reports).toBe(0);
    expect(own.body).not.toContain(B_CAMPAIGN);
  },
  'GET /api/v1/stats/testing/export.xlsx': async ({ a, bUnit }: Ctx) => {
    await expect404(a.get(`/api/v1/stats/testing/export.xlsx?unit=${bUnit}`));
    const text = JSON.stringify(await readTable((await a.get('/api/v1/stats/testing/export.xlsx')).rawPayload, 'x.xlsx'));
    expect(text).not.toContain(B_CAMPAIGN);
    expect(text).not.toContain('Mường Nhà');
  },
};
