import { expect } from 'vitest';
import type { Client, TestApp } from './app.js';
import { expect404 } from './probes.js';

/**
 * Rules are set by provinces and districts, and B's district also holds A; what A must not reach is
 * a province outside its area: Bình Thuận (60), whose SpO2 alert threshold is set to 93 here.
 */
export interface RulesOfB { rulesOtherProvince: string; rulesOtherVersion: number }

export async function seedRulesOfB(t: TestApp): Promise<RulesOfB> {
  const admin = await t.login('admin');
  const res = await admin.request('PUT', '/api/v1/rule-settings/home_care', { unit: '60', overrides: { maxSpo2ForAlert: 93 } });
  expect(res.statusCode, res.body).toBe(200);
  return { rulesOtherProvince: '60', rulesOtherVersion: 1 };
}

type Ctx = RulesOfB & { a: Client; aAdmin: Client; bUnit: string };

export const RULES_PROBES = {
  'GET /api/v1/rule-settings': async ({ a, bUnit, rulesOtherProvince }: Ctx) => {
    await expect404(a.get(`/api/v1/rule-settings?unit=${bUnit}`));
    await expect404(a.get(`/api/v1/rule-settings?unit=${rulesOtherProvince}`));
    const own = (await a.get('/api/v1/rule-settings')).json() as { ruleSets: { fields: { key: string; value: unknown; fromUnit: { code: string } | null }[] }[] };
    const fields = own.ruleSets.flatMap((r) => r.fields);
    expect(fields.filter((f) => f.fromUnit?.code === rulesOtherProvince)).toEqual([]);
    expect(fields.find((f) => f.key === 'maxSpo2ForAlert')!.value).toBe(95);
  },
  'PUT /api/v1/rule-settings/:key': async ({ aAdmin, bUnit, rulesOtherProvince, rulesOtherVersion }: Ctx) => {
    for (const unit of [rulesOtherProvince, bUnit, '100']) {
      await expect404(aAdmin.request('PUT', '/api/v1/rule-settings/home_care', { unit, version: rulesOtherVersion, overrides: { maxSpo2ForAlert: 90 } }));
    }
  },
  'DELETE /api/v1/rule-settings/:key': async ({ aAdmin, rulesOtherProvince, rulesOtherVersion }: Ctx) => {
    await expect404(aAdmin.request('DELETE', `/api/v1/rule-settings/home_care?unit=${rulesOtherProvince}&version=${rulesOtherVersion}`));
  },
};
