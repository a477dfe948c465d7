import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { median, positivityRate, turnaroundHours, vnDate } from '@pcd/core';
import { startTestApp, type Client, type TestApp } from '../test/app.js';
import { testEngines } from '../test/db.js';
import { daysAgo, resident, today } from '../test/cases.js';
import { readTable } from '../lib/spreadsheet.js';

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
const GIVEN = ['An', 'Bình', 'Cường', 'Dung', 'Giang', 'Hà', 'Khánh', 'Lan', 'Minh', 'Nga'];
type Sample = { id: number; version: number; pooled: boolean; result: string; parentSampleId: number | null; members: { personId: number }[]; caseId: number | null };

for (const engine of await testEngines()) {
  describe(`testing campaigns and pooled samples [${engine}]`, () => {
    let t: TestApp;
    let natong: Client;
    const campaign = { name: 'Sàng lọc chợ trung tâm Na Tông', purpose: 'screening', placeType: 'market', placeName: 'Chợ Na Tông', unitCode: '03365', fromDate: daysAgo(1), toDate: today, targetCount: 12, poolSize: 5 };

    beforeAll(async () => {
      t = await startTestApp(engine);
      natong = await t.login('xa.natong');
    });
    afterAll(async () => { await t?.close(); });

    it('refuses bad campaigns and samples naming the field', async () => {
      for (const [change, field] of [[{ placeType: null }, 'placeType'], [{ poolSize: 12 }, 'poolSize'], [{ unitCode: '03364' }, 'unitCode'], [{ toDate: daysAgo(3) }, 'toDate'], [{ purpose: 'fishing' }, 'purpose']] as const) {
        const res = await natong.post('/api/v1/testing/campaigns', { ...campaign, ...change });
        expect(res.statusCode, res.body).toBe(400);
        expect(res.json().error.field).toBe(field);
        expect(res.json().error.message).toMatch(/\p{L}/u);
      }
      const c = (await natong.post('/api/v1/testing/campaigns', campaign)).json();
      const people = await Promise.all(Array.from({ length: 6 }, (_, i) => resident(natong, `Người Thử Mẫu ${GIVEN[i]}`)));
      const ids = people.map((p) => p.id);
      const sample = { campaignId: c.id, type: 'rt_pcr', collectedAt: hoursAgo(2), collector: 'Trạm Y tế Na Tông', lab: 'CDC Điện Biên' };
      for (const [body, field] of [
        [{ pooled: ids }, 'pooled'], [{ pooled: ids.slice(0, 5), type: 'rapid_antigen' }, 'type'], [{ pooled: ids.slice(0, 2), personId: ids[0] }, 'personId'],
        [{ pooled: [ids[0], ids[0]] }, 'pooled'], [{ personId: ids[0], collectedAt: hoursAgo(72) }, 'collectedAt'], [{ personId: ids[0], collectedAt: 'hôm qua' }, 'collectedAt'],
        [{ personId: ids[0], campaignId: 999999 }, 'campaignId'],
      ] as const) {
        const res = await natong.post('/api/v1/testing/samples', { ...sample, ...body });
        expect(res.statusCode, res.body).toBe(400);
        expect(res.json().error.field).toBe(field);
      }
      // A pool spanning two villages belongs to their commune; each person still counts where they live.
      const other = await resident(natong, 'Người Bản Khác', { unitCode: '03365.02' });
      const mixed = await natong.post('/api/v1/testing/samples', { ...sample, pooled: [ids[0], other.id] });
      expect(mixed.statusCode, mixed.body).toBe(201);
      expect(mixed.json().unitCode).toBe('03365');
      // An instant with a month 13, an hour 25 or a 30 February is no time at all.
      for (const [body, field] of [
        [{ resultAt: '2021-13-01T08:00:00+07:00' }, 'resultAt'], [{ collectedAt: '2021-11-20T25:00:00+07:00' }, 'collectedAt'], [{ resultAt: '2021-02-30T08:00:00Z' }, 'resultAt'],
      ] as const) {
        const res = await natong.post(`/api/v1/testing/samples/${mixed.json().id}/result`, { result: 'negative', ...body });
        expect(res.statusCode, res.body).toBe(400);
        expect(res.json().error.field).toBe(field);
      }
      expect((await natong.patch(`/api/v1/testing/campaigns/${c.id}`, { version: 1, status: 'closed' })).json().version).toBe(2);
      expect((await natong.patch(`/api/v1/testing/campaigns/${c.id}`, { version: 1, status: 'active' })).statusCode).toBe(409);
      expect((await natong.post('/api/v1/testing/samples', { ...sample, personId: ids[0] })).json().error.field).toBe('campaignId');
    });

    it('opens a follow-up single per member of a positive pool and registers the F0 from a positive single', async () => {
      const c = (await natong.post('/api/v1/testing/campaigns', campaign)).json();
      expect(c).toMatchObject({ status: 'active', poolSize: 5, samples: 0, coverage: { target: 12, tested: 0, sharePct: 0, gap: 12 } });
      const people = await Promise.all(Array.from({ length: 10 }, (_, i) => resident(natong, `Tiểu Thương Chợ ${GIVEN[i]}`)));
      const base = { campaignId: c.id, type: 'rt_pcr', collectedAt: hoursAgo(6), collector: 'Trạm Y tế Na Tông', lab: 'CDC Điện Biên' };
      const pools: Sample[] = [];
      for (const group of [people.slice(0, 5), people.slice(5)]) {
        const res = await natong.post('/api/v1/testing/samples', { ...base, pooled: group.map((p) => p.id) });
        expect(res.statusCode, res.body).toBe(201);
        pools.push(res.json());
      }
      expect(pools[0]).toMatchObject({ pooled: true, poolSize: 5, result: 'pending', unitCode: '03365.01' });

      const positive = await natong.post(`/api/v1/testing/samples/${pools[0].id}/result`, { result: 'positive', resultAt: hoursAgo(1), version: pools[0].version });
      expect(positive.statusCode, positive.body).toBe(200);
      const followUps = positive.json().followUps as Sample[];
      expect(positive.json().sample).toMatchObject({ result: 'positive', turnaroundHours: 5 });
      expect(followUps).toHaveLength(5);
      expect(followUps.every((f) => f.parentSampleId === pools[0].id && !f.pooled && f.result === 'pending')).toBe(true);
      expect(followUps.map((f) => f.members[0].personId).sort()).toEqual(people.slice(0, 5).map((p) => p.id).sort());
      expect((await natong.post(`/api/v1/testing/samples/${pools[1].id}/result`, { result: 'negative', resultAt: hoursAgo(2) })).json().followUps).toEqual([]);
      expect((await natong.post(`/api/v1/testing/samples/${pools[0].id}/result`, { result: 'negative' })).statusCode).toBe(409);
      expect((await natong.post(`/api/v1/testing/samples/${followUps[0].id}/result`, { result: 'positive', version: 7 })).statusCode).toBe(409);
      expect((await natong.post(`/api/v1/testing/samples/${followUps[0].id}/result`, { result: 'positive', resultAt: hoursAgo(8) })).json().error.field).toBe('resultAt');

      const pending = (await natong.get(`/api/v1/testing/samples?campaign=${c.id}&result=pending`)).json();
      expect(pending.total).toBe(5);
      const one = await natong.post(`/api/v1/testing/samples/${followUps[0].id}/result`, { result: 'positive', collectedAt: hoursAgo(0.5) });
      expect(one.statusCode, one.body).toBe(200);
      for (const f of followUps.slice(1)) expect((await natong.post(`/api/v1/testing/samples/${f.id}/result`, { result: 'negative' })).statusCode).toBe(200);

      expect((await natong.post(`/api/v1/testing/samples/${pools[0].id}/register-case`, { severity: 'mild' })).json().error.field).toBe('sampleId');
      expect((await natong.post(`/api/v1/testing/samples/${followUps[1].id}/register-case`, { severity: 'mild' })).json().error.field).toBe('sampleId');
      expect((await natong.post(`/api/v1/testing/samples/${followUps[0].id}/register-case`, { severity: 'kinda' })).json().error.field).toBe('severity');
      const reg = await natong.post(`/api/v1/testing/samples/${followUps[0].id}/register-case`, { severity: 'mild', spo2: 98, vaccinationDoses: 2 });
      expect(reg.statusCode, reg.body).toBe(201);
      const caseId = reg.json().caseId;
      expect(reg.json().sample.caseId).toBe(caseId);
      const kase = (await natong.get(`/api/v1/cases/${caseId}`)).json();
      expect(kase).toMatchObject({ person: { id: people[0].id }, testType: 'rt_pcr', testDate: today, lab: 'CDC Điện Biên', detectedIn: 'community', severity: 'mild', status: 'active' });
      const again = await natong.post(`/api/v1/testing/samples/${followUps[0].id}/register-case`, { severity: 'mild' });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.existingId).toBe(caseId);

      const after = (await natong.get(`/api/v1/testing/campaigns/${c.id}`)).json();
      expect(after).toMatchObject({ samples: 7, positives: 1, coverage: { target: 12, tested: 10, sharePct: 83.3, gap: 2 } });

      const audit = await t.testDb.handle.db.selectFrom('audit_log').select(['action', 'entity']).where('entity', '=', 'test_sample').execute();
      expect(audit.filter((a) => a.action === 'test_result')).toHaveLength(7);
      expect(audit.some((a) => a.action === 'read')).toBe(true);
    });

    it('finds contacts in quarantine and lockdown rounds in the lockdown, and targets a list', async () => {
      const [x, y, z] = await Promise.all(['Người Tiếp Xúc Một', 'Người Tiếp Xúc Hai', 'Người Ngoài Danh Sách'].map((n) => resident(natong, n)));
      const res = await natong.post('/api/v1/testing/campaigns', { name: 'Xét nghiệm F1 ổ dịch bản Hát Tao', purpose: 'contacts', unitCode: '03365', fromDate: today, targetPersonIds: [x.id, y.id] });
      expect(res.statusCode, res.body).toBe(201);
      const c = res.json();
      expect(c).toMatchObject({ targetListSize: 2, coverage: { target: 2, tested: 0 } });
      for (const p of [x, z]) {
        const s = (await natong.post('/api/v1/testing/samples', { campaignId: c.id, personId: p.id, type: 'rapid_antigen', collectedAt: new Date().toISOString() })).json();
        expect((await natong.post(`/api/v1/testing/samples/${s.id}/result`, { result: p === x ? 'positive' : 'negative' })).json().followUps).toEqual([]);
        if (p === x) {
          const reg = await natong.post(`/api/v1/testing/samples/${s.id}/register-case`, { severity: 'asymptomatic' });
          expect(reg.statusCode, reg.body).toBe(201);
          expect((await natong.get(`/api/v1/cases/${reg.json().caseId}`)).json()).toMatchObject({ testType: 'rapid_antigen', detectedIn: 'quarantine' });
        }
      }
      expect((await natong.get(`/api/v1/testing/campaigns/${c.id}`)).json().coverage).toEqual({ target: 2, tested: 1, sharePct: 50, gap: 1 });
    });

    it('describes every testing route in OpenAPI with a Vietnamese summary', async () => {
      const spec = (await natong.get('/api/v1/openapi.json')).json();
      const ops = Object.entries(spec.paths as Record<string, Record<string, { summary?: string; responses?: Record<string, unknown> }>>)
        .filter(([path]) => path.includes('/testing'))
        .flatMap(([path, byMethod]) => Object.entries(byMethod).map(([method, op]) => ({ route: `${method} ${path}`, ...op })));
      expect(ops).toHaveLength(12);
      for (const op of ops) {
        expect(op.summary, op.route).toMatch(/[àáảãạăâđêôơưệếềốồớờụủứừữựỳý]/);
        if (!op.route.endsWith('.xlsx')) expect(Object.keys(op.responses ?? {}).some((code) => code === '200' || code === '201'), op.route).toBe(true);
      }
    });

    it('keeps firm self-reports and counts them', async () => {
      const report = { firmName: 'Công ty May Điện Biên', unitCode: '03365', reportDate: today, workersTested: 120, positives: 2, reportedBy: 'Nguyễn Văn Quản Đốc' };
      expect((await natong.post('/api/v1/testing/firm-reports', { ...report, positives: 121 })).json().error.field).toBe('positives');
      expect((await natong.post('/api/v1/testing/firm-reports', { ...report, reportDate: '2999-01-01' })).json().error.field).toBe('reportDate');
      const feb30 = await natong.post('/api/v1/testing/firm-reports', { ...report, reportDate: '2021-02-30' });
      expect(feb30.statusCode, feb30.body).toBe(400);
      expect(feb30.json().error.field).toBe('reportDate');
      expect((await natong.post('/api/v1/testing/firm-reports', { ...report, unitCode: '03364' })).json().error.field).toBe('unitCode');
      const res = await natong.post('/api/v1/testing/firm-reports', report);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ positivityRate: 1.7, testType: 'rapid_antigen', unitName: expect.stringContaining('Na Tông') });
      expect((await natong.get('/api/v1/testing/firm-reports?unit=03365')).json().items.map((r: { id: number }) => r.id)).toContain(res.json().id);
    });

    it('reports figures equal to direct counts, per day and unit, and observers see only figures', async () => {
      const db = t.testDb.handle.db;
      const stats = (await natong.get(`/api/v1/stats/testing?unit=03365&from=${daysAgo(1)}&to=${today}`)).json();
      const [samples] = await db.selectFrom('test_samples').select((eb) => eb.fn.countAll().as('n')).execute();
      const [tested] = await db.selectFrom('test_sample_members').select((eb) => eb.fn.count('person_id').distinct().as('n')).execute();
      const [pos] = await db.selectFrom('test_sample_members as m').innerJoin('test_samples as s', 's.id', 'm.sample_id')
        .select((eb) => eb.fn.count('m.person_id').distinct().as('n')).where('s.pooled', '=', 0).where('s.result', '=', 'positive').execute();
      const [pools] = await db.selectFrom('test_samples').select((eb) => eb.fn.countAll().as('n')).where('pooled', '=', 1).where('result', '=', 'positive').execute();
      expect(stats.totals).toMatchObject({ samples: Number(samples.n), peopleTested: Number(tested.n), positives: Number(pos.n), positivePools: Number(pools.n) });
      expect(stats.totals.samples).toBe(10);
      expect(stats.totals.positives).toBe(2);
      expect(stats.totals.positivityRate).toBe(Math.round((2 / Number(tested.n)) * 1000) / 10);
      expect(stats.totals.medianTurnaroundHours).toBeGreaterThan(0);
      expect(stats.days.reduce((s: number, d: { samples: number }) => s + d.samples, 0)).toBe(10);
      expect(stats.rows.find((r: { unitCode: string }) => r.unitCode === '03365.01')).toMatchObject({ samples: 9, peopleTested: Number(tested.n) - 1, positives: 2 });
      expect(stats.rows.find((r: { unitCode: string }) => r.unitCode === '03365.02')).toMatchObject({ samples: 0, peopleTested: 1, positives: 0 });
      expect(stats.firms).toEqual({ reports: 1, workersTested: 120, positives: 2 });
      expect(stats.campaigns.find((c: { purpose: string }) => c.purpose === 'contacts')).toMatchObject({ target: 2, tested: 1, sharePct: 50 });
      expect((await natong.get(`/api/v1/stats/testing?unit=03365&to=${daysAgo(2)}`)).json().totals.samples).toBe(0);
      expect((await natong.get(`/api/v1/stats/testing?from=${today}&to=${daysAgo(2)}`)).json().error.field).toBe('from');
      const xlsx = await natong.get('/api/v1/stats/testing/export.xlsx?unit=03365');
      const text = JSON.stringify(await readTable(xlsx.rawPayload, 'x.xlsx'));
      expect(text).toContain('Tỷ lệ dương tính');
      expect(text).toContain('Sàng lọc chợ trung tâm Na Tông');

      const observer = await t.login('theodoi.dienbien');
      expect((await observer.get('/api/v1/testing/campaigns')).statusCode).toBe(403);
      expect((await observer.get('/api/v1/testing/samples')).statusCode).toBe(403);
      expect((await observer.post('/api/v1/testing/campaigns', campaign)).statusCode).toBe(403);
      const seen = await observer.get('/api/v1/stats/testing?unit=03365');
      expect(seen.statusCode).toBe(200);
      expect(seen.json().totals.samples).toBe(10);
      expect(seen.body).not.toContain('Tiểu Thương');
      const team = await t.login('to.hattao');
      expect((await team.post('/api/v1/testing/campaigns', campaign)).statusCode).toBe(403);
    });

    it('counts hundreds of samples over several days and two villages as a direct count does', async () => {
      const db = t.testDb.handle.db;
      const villages = await db.selectFrom('units').select(['code', 'path']).where('code', 'in', ['03365.01', '03365.02']).orderBy('code').execute();
      const commune = await db.selectFrom('units').select('path').where('code', '=', '03365').executeTakeFirstOrThrow();
      const people = await Promise.all(Array.from({ length: 24 }, (_, i) => resident(natong, `Người Đếm Mẫu ${GIVEN[i % 10]} ${GIVEN[Math.floor(i / 10)]}`, { unitCode: villages[i % 2].code })));
      const home = new Map(people.map((p, i) => [p.id, villages[i % 2].path]));
      const c = (await natong.post('/api/v1/testing/campaigns', { ...campaign, fromDate: daysAgo(12), toDate: null, targetCount: null })).json();
      let seed = 7;
      const rand = (n: number) => { seed = (seed * 48271) % 2147483647; return seed % n; };
      const rows: { path: string; date: string; pooled: boolean; result: string; collectedAt: string; resultAt: string | null; members: number[] }[] = [];
      for (let i = 0; i < 360; i++) {
        // Six days from nine days ago, at any hour from 22:00 the evening before, so some fall on the Vietnamese day before (ten days ago: out of range).
        const collected = new Date(Date.parse(`${daysAgo(9 - (i % 6))}T00:00:00+07:00`) + (rand(24 * 60) - 120) * 60_000);
        const pooled = i % 4 === 0;
        const mixed = pooled && i % 20 === 0;
        const v = rand(2);
        const pick = (village: number) => people.filter((_, k) => k % 2 === village)[rand(12)].id;
        const members = pooled ? [...new Set(Array.from({ length: 5 }, (_, k) => pick(mixed ? k % 2 : v)))] : [pick(v)];
        const result = ['pending', 'negative', 'negative', 'positive', 'invalid'][rand(5)];
        const resultAt = result === 'pending' ? null : new Date(collected.getTime() + rand(48 * 4) * 15 * 60_000).toISOString();
        rows.push({ path: mixed ? commune.path : villages[v].path, date: vnDate(collected), pooled, result, collectedAt: collected.toISOString(), resultAt, members });
      }
      for (const r of rows) {
        const { id } = await db.insertInto('test_samples').values({
          campaign_id: c.id, unit_code: r.path.split('/').at(-2)!, unit_path: r.path, test_type: 'rt_pcr', pooled: r.pooled ? 1 : 0, pool_size: r.members.length,
          parent_sample_id: null, collector: null, lab: null, collected_at: r.collectedAt, collected_date: r.date, result: r.result, result_at: r.resultAt,
          case_id: null, recorded_by: null, version: 1, created_at: r.collectedAt, updated_at: r.collectedAt,
        }).returning('id').executeTakeFirstOrThrow();
        await db.insertInto('test_sample_members').values(r.members.map((person_id) => ({ sample_id: id, person_id }))).execute();
      }
      // Three people moved to the other village after their tests: they count where they live now, their samples where taken.
      for (const p of people.slice(0, 3)) {
        const to = villages.find((v) => v.path !== home.get(p.id))!;
        await db.updateTable('people').set({ unit_code: to.code, unit_path: to.path }).where('id', '=', p.id).execute();
        home.set(p.id, to.path);
      }

      const count = (samples: typeof rows, livesIn: (person: number) => boolean) => {
        const tested = new Set(samples.flatMap((s) => s.members).filter(livesIn));
        const positives = new Set(samples.filter((s) => !s.pooled && s.result === 'positive').flatMap((s) => s.members).filter(livesIn));
        return {
          samples: samples.length, positivePools: samples.filter((s) => s.pooled && s.result === 'positive').length, peopleTested: tested.size, positives: positives.size,
          positivityRate: positivityRate(positives.size, tested.size),
          medianTurnaroundHours: median(samples.map((s) => (s.result === 'pending' ? null : turnaroundHours(s.collectedAt, s.resultAt))).filter((h): h is number => h !== null)),
        };
      };
      const from = daysAgo(9);
      const to = daysAgo(3);
      const inRange = rows.filter((r) => r.date >= from && r.date <= to);
      expect(inRange.length).toBeGreaterThan(300);
      const stats = (await natong.get(`/api/v1/stats/testing?unit=03365&from=${from}&to=${to}`)).json();
      expect(stats.totals).toEqual(count(inRange, () => true));
      const dates = [...new Set(inRange.map((r) => r.date))].sort();
      expect(dates.length).toBeGreaterThanOrEqual(6);
      expect(stats.days).toEqual(dates.map((date) => ({ date, ...count(inRange.filter((r) => r.date === date), () => true) })));
      for (const v of villages) {
        // Samples and turnaround where the sample belongs, people where they live, whichever sample tested them.
        const own = count(inRange.filter((r) => r.path === v.path), () => true);
        const residents = count(inRange, (p) => home.get(p) === v.path);
        expect(stats.rows.find((r: { unitCode: string }) => r.unitCode === v.code), v.code).toEqual({
          unitCode: v.code, unitName: expect.any(String), samples: own.samples, positivePools: own.positivePools, medianTurnaroundHours: own.medianTurnaroundHours,
          peopleTested: residents.peopleTested, positives: residents.positives, positivityRate: residents.positivityRate,
        });
      }
    });
  });
}
