import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldVietnamese, vnDate } from '@pcd/core';
import { startTestApp, DEMO_PASSWORD, type Client, type TestApp } from '../test/app.js';
import { testEngines } from '../test/db.js';
import { hashPassword } from '../auth/passwords.js';
import { nowIso } from '../lib/time.js';
import { multipart } from '../test/multipart.js';
import { expect404 } from '../test/probes.js';
import { ARRIVALS_PROBES, seedArrivalsOfB, type ArrivalsOfB } from '../test/arrivals-probes.js';
import { CASES_PROBES, seedCasesOfB, type CasesOfB } from '../test/cases-probes.js';
import { CARE_PROBES, seedCareOfB, type CareOfB } from '../test/care-probes.js';
import { QUARANTINE_PROBES, seedQuarantineOfB, type QuarantineOfB } from '../test/quarantine-probes.js';
import { LOCKDOWN_PROBES, seedLockdownOfB, type LockdownOfB } from '../test/lockdown-probes.js';
import { ORPHANS_PROBES, seedOrphansOfB, type OrphansOfB } from '../test/orphans-probes.js';
import { VACCINATION_PROBES, seedVaccinationOfB, type VaccinationOfB } from '../test/vaccination-probes.js';
import { VACCINATION_FIELD_PROBES, seedVaccinationFieldOfB, type VaccinationFieldOfB } from '../test/vaccination-field-probes.js';
import { VACCINATION_IMPORT_PROBES, seedVaccinationImportOfB, type VaccinationImportOfB } from '../test/vaccination-import-probes.js';
import { TESTING_PROBES, seedTestingOfB, type TestingOfB } from '../test/testing-probes.js';
import { RULES_PROBES, seedRulesOfB, type RulesOfB } from '../test/rules-probes.js';

/**
 * For every route the server registers, a user of commune A (Na Tông, 03365) asks for what belongs to
 * commune B (Mường Nhà, 03364) and must get 404 or no B record. A new route without a probe here
 * fails the coverage test, so jurisdiction is checked for routes that do not exist yet.
 */
interface Ctx extends ArrivalsOfB, CasesOfB, CareOfB, QuarantineOfB, LockdownOfB, OrphansOfB, VaccinationOfB, VaccinationFieldOfB, VaccinationImportOfB, TestingOfB, RulesOfB {
  a: Client; // command staff of A
  aAdmin: Client; // administrator scoped to A
  bUnit: string;
  bVillage: string;
  bUserId: number;
  bTokenId: number;
  bPersonId: number;
  bHouseholdId: number;
  bDuplicateId: number;
  aPersonId: number;
  bJobId: string;
  bSweepId: number;
}

type Probe = (ctx: Ctx) => Promise<void>;


async function waitJob(c: Client, id: string) {
  for (let i = 0; i < 200; i++) {
    const job = (await c.get(`/api/v1/jobs/${id}`)).json();
    if (job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`job ${id} did not finish`);
}

const byAge = { '0-11': 1, '12-17': 1, '18-49': 1, '50-64': 1, '65+': 1 };

const PROBES: Record<string, Probe | { none: string }> = {
  'GET /api/v1/health': { none: 'server status, no records' },
  'GET /api/v1/openapi.json': { none: 'API description, no records' },
  'POST /api/v1/auth/login': { none: 'takes credentials, returns only the caller' },
  'POST /api/v1/auth/logout': { none: 'ends the caller\'s own session' },
  'GET /api/v1/auth/me': { none: 'returns only the caller' },
  'POST /api/v1/auth/password': { none: 'changes only the caller\'s password' },
  'GET /api/v1/auth/tokens': async ({ a }) => {
    const items = (await a.get('/api/v1/auth/tokens')).json().items as { name: string }[];
    expect(items.map((i) => i.name)).not.toContain('token of B');
  },
  'POST /api/v1/auth/tokens': { none: 'creates a token for the caller only' },
  'DELETE /api/v1/auth/tokens/:id': ({ a, bTokenId }) => expect404(a.delete(`/api/v1/auth/tokens/${bTokenId}`)),
  'GET /api/v1/units': async ({ a, bUnit }) => {
    await expect404(a.get(`/api/v1/units?parent=${bUnit}`));
    await expect404(a.get(`/api/v1/units?unit=${bUnit}`));
    const search = (await a.get('/api/v1/units?q=muong%20nha')).json();
    expect(search.items).toEqual([]);
    const tier = (await a.get('/api/v1/units?tier=commune&pageSize=500')).json();
    expect(tier.items.map((u: { code: string }) => u.code)).toEqual(['03365']);
  },
  'GET /api/v1/units/export.xlsx': async ({ a, bUnit }) => {
    await expect404(a.get(`/api/v1/units/export.xlsx?parent=${bUnit}`));
    await expect404(a.get(`/api/v1/units/export.xlsx?unit=${bUnit}`));
    const all = await a.get('/api/v1/units/export.xlsx');
    expect(all.statusCode).toBe(200);
    expect(all.rawPayload.includes(Buffer.from('Mường Nhà'))).toBe(false);
  },
  'GET /api/v1/units/import/template.xlsx': { none: 'an empty template' },
  'GET /api/v1/units/registry/provinces': { none: 'the public national list of provinces' },
  'GET /api/v1/units/:code': ({ a, bUnit }) => expect404(a.get(`/api/v1/units/${bUnit}`)),
  'PATCH /api/v1/units/:code': ({ a, bVillage }) => expect404(a.patch(`/api/v1/units/${bVillage}`, { version: 1, population: { byAge } })),
  'POST /api/v1/units/import': async ({ aAdmin, bVillage }) => {
    const csv = `Mã,0-11,12-17,18-49,50-64,65+\n${bVillage},1,1,1,1,1\n`;
    const boundary = 'pcdprobe';
    const body = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="type"\r\n\r\npopulation\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="mode"\r\n\r\nvalid\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="dan-so.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`,
    );
    const res = await aAdmin.request('POST', '/api/v1/units/import', body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().updated).toBe(0);
    expect(res.json().errors[0]).toMatchObject({ field: 'code' });
  },
  'GET /api/v1/users': async ({ aAdmin, bUnit }) => {
    await expect404(aAdmin.get(`/api/v1/users?unit=${bUnit}`));
    const all = (await aAdmin.get('/api/v1/users?pageSize=500')).json();
    expect(all.items.every((u: { unitCode: string }) => u.unitCode?.startsWith('03365'))).toBe(true);
  },
  'GET /api/v1/users/export.xlsx': async ({ aAdmin }) => {
    const res = await aAdmin.get('/api/v1/users/export.xlsx');
    expect(res.rawPayload.includes(Buffer.from('xa.muongnha'))).toBe(false);
  },
  'GET /api/v1/users/:id': ({ aAdmin, bUserId }) => expect404(aAdmin.get(`/api/v1/users/${bUserId}`)),
  'POST /api/v1/users': async ({ aAdmin, bUnit }) => {
    const res = await aAdmin.post('/api/v1/users', { username: 'xam.nhap', password: 'MatKhau2021', fullName: 'A', unitCode: bUnit, role: 'command' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('unitCode');
  },
  'PATCH /api/v1/users/:id': ({ aAdmin, bUserId }) => expect404(aAdmin.patch(`/api/v1/users/${bUserId}`, { version: 1, disabled: true })),
  'GET /api/v1/audit': async ({ aAdmin, bUnit }) => {
    await expect404(aAdmin.get(`/api/v1/audit?unit=${bUnit}`));
    const all = (await aAdmin.get('/api/v1/audit?pageSize=500')).json();
    expect(all.items.length).toBeGreaterThan(0);
    expect(all.items.every((e: { unitCode: string | null }) => e.unitCode?.startsWith('03365'))).toBe(true);
  },
  'POST /api/v1/people': async ({ a, bVillage }) => {
    const res = await a.post('/api/v1/people', { fullName: 'Người Thử', birthYear: 1990, unitCode: bVillage });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('unitCode');
  },
  'GET /api/v1/people': async ({ a, bUnit }) => {
    await expect404(a.get(`/api/v1/people?unit=${bUnit}`));
    const found = (await a.get('/api/v1/people?q=nguoi%20muong%20nha')).json();
    expect(found.total).toBe(0);
    const all = (await a.get('/api/v1/people?pageSize=500')).json();
    expect(all.items.every((p: { unitCode: string }) => p.unitCode.startsWith('03365'))).toBe(true);
  },
  'GET /api/v1/people/export.xlsx': async ({ a, bUnit }) => {
    await expect404(a.get(`/api/v1/people/export.xlsx?unit=${bUnit}`));
    const res = await a.get('/api/v1/people/export.xlsx');
    expect(res.rawPayload.includes(Buffer.from('Mường Nhà'))).toBe(false);
  },
  'GET /api/v1/people/duplicates': async ({ a, bUnit }) => {
    await expect404(a.get(`/api/v1/people/duplicates?unit=${bUnit}`));
    expect((await a.get('/api/v1/people/duplicates')).json().total).toBe(0);
  },
  'POST /api/v1/people/duplicates/:id/dismiss': ({ a, bDuplicateId }) => expect404(a.post(`/api/v1/people/duplicates/${bDuplicateId}/dismiss`)),
  'GET /api/v1/people/:id': ({ a, bPersonId }) => expect404(a.get(`/api/v1/people/${bPersonId}`)),
  'PATCH /api/v1/people/:id': ({ a, bPersonId }) => expect404(a.patch(`/api/v1/people/${bPersonId}`, { version: 1, fullName: 'Đổi Tên' })),
  'POST /api/v1/people/:id/merge': async ({ a, bPersonId, aPersonId }) => {
    await expect404(a.post(`/api/v1/people/${bPersonId}/merge`, { otherId: aPersonId, version: 1 }));
    await expect404(a.post(`/api/v1/people/${aPersonId}/merge`, { otherId: bPersonId, version: 1 }));
  },
  'POST /api/v1/households': async ({ a, bVillage }) => {
    const res = await a.post('/api/v1/households', { unitCode: bVillage, address: 'Nhà thử' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('unitCode');
  },
  'GET /api/v1/households': async ({ a, bUnit }) => {
    await expect404(a.get(`/api/v1/households?unit=${bUnit}`));
    expect((await a.get('/api/v1/households')).json().items.every((h: { unitCode: string }) => h.unitCode.startsWith('03365'))).toBe(true);
  },
  'GET /api/v1/households/export.xlsx': async ({ a, bUnit }) => {
    await expect404(a.get(`/api/v1/households/export.xlsx?unit=${bUnit}`));
    const res = await a.get('/api/v1/households/export.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.includes(Buffer.from('Nhà số 1'))).toBe(false);
  },
  'GET /api/v1/households/:id': ({ a, bHouseholdId }) => expect404(a.get(`/api/v1/households/${bHouseholdId}`)),
  'PATCH /api/v1/households/:id': ({ a, bHouseholdId }) => expect404(a.patch(`/api/v1/households/${bHouseholdId}`, { version: 1, address: 'Đổi' })),
  'GET /api/v1/people/import/template.xlsx': { none: 'an empty template with example rows' },
  'POST /api/v1/people/import': async ({ a, bVillage }) => {
    const csv = `Họ và tên,Năm sinh,Mã thôn/bản\nNgười Lạc Xã,1990,${bVillage}\n`;
    const m = multipart({ mode: 'valid' }, { name: 'dan-cu.csv', data: Buffer.from(csv), type: 'text/csv' });
    const res = await a.request('POST', '/api/v1/people/import', m.body, m.headers);
    expect(res.statusCode, res.body).toBe(202);
    const job = await waitJob(a, res.json().jobId);
    expect(job.result.created).toBe(0);
    expect(job.result.errors[0]).toMatchObject({ field: 'unitCode' });
    expect((await a.get('/api/v1/people?q=nguoi%20lac%20xa')).json().total).toBe(0);
  },
  'GET /api/v1/jobs/:id': ({ a, bJobId }) => expect404(a.get(`/api/v1/jobs/${bJobId}`)),
  'POST /api/v1/sweeps': async ({ a, bUnit, bVillage }) => {
    const sweep = { name: 'Rà soát xã khác', fromDate: '2021-10-26', toDate: '2021-11-05' };
    const other = await a.post('/api/v1/sweeps', { ...sweep, unitCode: bUnit });
    expect(other.statusCode).toBe(400);
    expect(other.json().error.field).toBe('unitCode');
    const mixed = await a.post('/api/v1/sweeps', { ...sweep, unitCode: '03365', villageCodes: [bVillage] });
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().error.field).toBe('villageCodes');
  },
  'GET /api/v1/sweeps': async ({ a, bUnit }) => {
    await expect404(a.get(`/api/v1/sweeps?unit=${bUnit}`));
    const all = (await a.get('/api/v1/sweeps?pageSize=500')).json();
    expect(all.items.filter((s: { unitCode: string }) => s.unitCode !== '03365')).toEqual([]);
  },
  'GET /api/v1/sweeps/export.xlsx': async ({ a, bUnit }) => {
    await expect404(a.get(`/api/v1/sweeps/export.xlsx?unit=${bUnit}`));
    const res = await a.get('/api/v1/sweeps/export.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.includes(Buffer.from('Pu Lau'))).toBe(false);
  },
  'GET /api/v1/sweeps/:id': ({ a, bSweepId }) => expect404(a.get(`/api/v1/sweeps/${bSweepId}`)),
  'PATCH /api/v1/sweeps/:id': ({ a, bSweepId }) => expect404(a.patch(`/api/v1/sweeps/${bSweepId}`, { version: 3, status: 'closed' })),
  'POST /api/v1/sweeps/:id/assign': ({ a, bSweepId }) => expect404(a.post(`/api/v1/sweeps/${bSweepId}/assign`, { version: 3, householdIds: [1], memberId: null })),
  'GET /api/v1/sweeps/:id/households': ({ a, bSweepId }) => expect404(a.get(`/api/v1/sweeps/${bSweepId}/households`)),
  'GET /api/v1/sweeps/:id/households/:householdId': ({ a, bSweepId, bHouseholdId }) => expect404(a.get(`/api/v1/sweeps/${bSweepId}/households/${bHouseholdId}`)),
  'GET /api/v1/sweeps/:id/members': ({ a, bSweepId }) => expect404(a.get(`/api/v1/sweeps/${bSweepId}/members`)),
  'GET /api/v1/sweeps/:id/households/export.xlsx': ({ a, bSweepId }) => expect404(a.get(`/api/v1/sweeps/${bSweepId}/households/export.xlsx`)),
  'POST /api/v1/sweeps/:id/visits': ({ a, bSweepId, bHouseholdId }) => expect404(a.post(`/api/v1/sweeps/${bSweepId}/visits`, { householdId: bHouseholdId, outcome: 'found' })),
  'GET /api/v1/sweeps/:id/visits': ({ a, bSweepId }) => expect404(a.get(`/api/v1/sweeps/${bSweepId}/visits`)),
  'GET /api/v1/sweeps/:id/visits/export.xlsx': ({ a, bSweepId }) => expect404(a.get(`/api/v1/sweeps/${bSweepId}/visits/export.xlsx`)),
  'GET /api/v1/sweeps/:id/cross-check': ({ a, bSweepId }) => expect404(a.get(`/api/v1/sweeps/${bSweepId}/cross-check`)),
  'GET /api/v1/sweeps/:id/cross-check/export.xlsx': ({ a, bSweepId }) => expect404(a.get(`/api/v1/sweeps/${bSweepId}/cross-check/export.xlsx`)),
  ...ARRIVALS_PROBES,
  ...CASES_PROBES,
  ...CARE_PROBES,
  ...QUARANTINE_PROBES,
  ...LOCKDOWN_PROBES,
  ...ORPHANS_PROBES,
  ...VACCINATION_PROBES,
  ...VACCINATION_FIELD_PROBES,
  ...VACCINATION_IMPORT_PROBES,
  ...TESTING_PROBES,
  ...RULES_PROBES,
  'GET /api/v1/audit/export.xlsx': async ({ aAdmin }) => {
    const res = await aAdmin.get('/api/v1/audit/export.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.includes(Buffer.from('03364'))).toBe(false);
  },
};

for (const engine of await testEngines()) {
  describe(`jurisdiction probe [${engine}]`, () => {
    let t: TestApp;
    let ctx: Ctx;
    beforeAll(async () => {
      t = await startTestApp(engine);
      const db = t.testDb.handle.db;
      const now = nowIso();
      await db.insertInto('users').values({
        username: 'qt.natong', password_hash: await hashPassword(DEMO_PASSWORD), full_name: 'Quản trị xã Na Tông', full_name_folded: foldVietnamese('Quản trị xã Na Tông'),
        role: 'admin', unit_code: '03365', disabled: 0, version: 1, created_at: now, updated_at: now,
      }).execute();
      const b = await t.login('xa.muongnha');
      const bTokenId = (await b.post('/api/v1/auth/tokens', { name: 'token of B' })).json().id;
      const bVillageRow = (await b.get('/api/v1/units?parent=03364')).json().items[0];
      await b.patch(`/api/v1/units/${bVillageRow.code}`, { version: bVillageRow.version, population: { byAge } });
      const bUser = await db.selectFrom('users').select('id').where('username', '=', 'xa.muongnha').executeTakeFirstOrThrow();
      const person = { fullName: 'Người Mường Nhà', birthYear: 1980, unitCode: bVillageRow.code };
      const bPersonId = (await b.post('/api/v1/people', person)).json().id;
      const bDuplicateId = (await b.post('/api/v1/people', person)).json().probableDuplicates.length
        ? (await b.get('/api/v1/people/duplicates')).json().items[0].id : 0;
      const bHouseholdId = (await b.post('/api/v1/households', { unitCode: bVillageRow.code, address: 'Nhà số 1', headPersonId: bPersonId })).json().id;
      const bImport = multipart({ mode: 'valid' }, { name: 'b.csv', data: Buffer.from(`Họ và tên,Năm sinh,Mã thôn/bản\nNgười Nhập B,1970,${bVillageRow.code}\n`), type: 'text/csv' });
      const bJobId = (await b.request('POST', '/api/v1/people/import', bImport.body, bImport.headers)).json().jobId as string;
      await waitJob(b, bJobId);
      // A running sweep of B over its village, with a visit that found a new arrival.
      const bSweep = (await b.post('/api/v1/sweeps', { name: 'Rà soát bản Pu Lau', unitCode: '03364', villageCodes: [bVillageRow.code], fromDate: vnDate(), toDate: vnDate() })).json();
      const bSplit = (await b.post(`/api/v1/sweeps/${bSweep.id}/assign`, { version: bSweep.version, memberIds: [bUser.id] })).json();
      await b.patch(`/api/v1/sweeps/${bSweep.id}`, { version: bSplit.version, status: 'active' });
      const bVisit = await b.post(`/api/v1/sweeps/${bSweep.id}/visits`, { householdId: bHouseholdId, outcome: 'found', arrivals: [{ fullName: 'Người Về Pu Lau', birthYear: 1990, arrivalDate: vnDate() }] });
      expect(bVisit.statusCode, bVisit.body).toBe(201);
      const arrivalsOfB = await seedArrivalsOfB(t, b, bVillageRow.code);
      const casesOfB = await seedCasesOfB(b, bVillageRow.code);
      const careOfB = await seedCareOfB(t, b, bVillageRow.code);
      const quarantineOfB = await seedQuarantineOfB(b, bVillageRow.code);
      const lockdownOfB = await seedLockdownOfB(b, bVillageRow.code);
      const orphansOfB = await seedOrphansOfB(b, bVillageRow.code);
      const vaccinationOfB = await seedVaccinationOfB(b, bVillageRow.code);
      const vaccinationFieldOfB = await seedVaccinationFieldOfB(b, bVillageRow.code);
      const vaccinationImportOfB = await seedVaccinationImportOfB(b, bVillageRow.code);
      const testingOfB = await seedTestingOfB(b, bVillageRow.code);
      const rulesOfB = await seedRulesOfB(t);
      const a = await t.login('xa.natong');
      await a.get('/api/v1/units/03365');
      const aPersonId = (await a.post('/api/v1/people', { fullName: 'Người Na Tông', birthYear: 1985, unitCode: '03365.01' })).json().id;
      expect(bDuplicateId).toBeGreaterThan(0);
      ctx = { a, aAdmin: await t.login('qt.natong'), bUnit: '03364', bVillage: bVillageRow.code, bUserId: bUser.id, bTokenId, bPersonId, bHouseholdId, bDuplicateId, aPersonId, ...arrivalsOfB, ...casesOfB, ...careOfB, ...quarantineOfB, ...lockdownOfB, ...orphansOfB, ...vaccinationOfB, ...vaccinationFieldOfB, ...vaccinationImportOfB, ...testingOfB, ...rulesOfB, bJobId, bSweepId: bSweep.id };
    });
    afterAll(async () => { await t?.close(); });

    it('has a probe for every registered API route', () => {
      const routes = t.app.routeTable.filter((r) => r.url.startsWith('/api/v1/')).map((r) => `${r.method} ${r.url}`);
      const missing = routes.filter((r) => !(r in PROBES));
      expect(missing, 'routes without a jurisdiction probe').toEqual([]);
      expect(Object.keys(PROBES).filter((k) => !routes.includes(k)), 'probes for routes that no longer exist').toEqual([]);
    });

    for (const [route, probe] of Object.entries(PROBES)) {
      if (typeof probe === 'function') it(`${route} keeps commune B away from commune A`, () => probe(ctx));
    }

    it('private routes refuse anonymous callers', async () => {
      const anon = t.anonymous();
      for (const r of t.app.routeTable.filter((x) => x.url.startsWith('/api/v1/') && !x.public)) {
        const url = r.url.replace(':code', '03365').replace(':id', '1');
        const res = await anon.request(r.method, url, r.method === 'GET' || r.method === 'DELETE' ? undefined : {});
        expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      }
    });
  });
}
