import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '@pcd/core';
import { startTestApp, type Client, type TestApp } from '../test/app.js';
import { testEngines } from '../test/db.js';
import { daysAgo, registerCase, today } from '../test/cases.js';
import { readTable } from '../lib/spreadsheet.js';
import { computeCoverage } from './coverage.js';

const year = Number(today.slice(0, 4));
const yearsAgo = (n: number, plusDays = 0) => addDays(`${year - n}${today.slice(4)}`, plusDays);

type Dose = { product: string; dose: number; kind?: 'primary' | 'booster'; ago: number };
interface Resident { name: string; dob?: string; birthYear?: number; sex?: 'male' | 'female'; comorbidity?: boolean; pregnant?: boolean; doses: Dose[]; diesAgo?: number; village: number }

const AZ = (ago1: number, ago2?: number): Dose[] => [{ product: 'astrazeneca', dose: 1, ago: ago1 }, ...(ago2 === undefined ? [] : [{ product: 'astrazeneca', dose: 2, ago: ago2 }])];

/** Mường Nhà residents, their ages around the group bounds and their doses before and after the dates asked. */
const RESIDENTS: Resident[] = [
  { name: 'Quàng Văn Một', dob: yearsAgo(40), doses: AZ(100, 60), village: 0 },
  { name: 'Quàng Thị Hai', dob: yearsAgo(52), comorbidity: true, sex: 'female', doses: [...AZ(200, 170), { product: 'pfizer', dose: 3, kind: 'booster', ago: 20 }], village: 0 },
  { name: 'Lò Văn Ba', birthYear: year - 70, doses: [{ product: 'janssen', dose: 1, ago: 50 }], village: 0 },
  { name: 'Lò Thị Bốn', dob: yearsAgo(30), sex: 'female', pregnant: true, doses: [{ product: 'pfizer', dose: 1, ago: 3 }], village: 0 },
  { name: 'Lò Thị Năm', dob: yearsAgo(25), sex: 'female', pregnant: true, doses: [], village: 1 },
  { name: 'Cà Văn Sáu', dob: yearsAgo(16, -40), doses: [{ product: 'pfizer', dose: 1, ago: 35 }, { product: 'pfizer', dose: 2, ago: 5 }], village: 1 },
  // Turned 18 fifteen days ago: 17 on the earlier date, 18 today.
  { name: 'Cà Thị Bảy', dob: yearsAgo(18, -15), doses: [{ product: 'pfizer', dose: 1, ago: 40 }], village: 1 },
  { name: 'Cà Văn Tám', dob: yearsAgo(13), comorbidity: true, doses: [{ product: 'abdala', dose: 1, ago: 40 }, { product: 'abdala', dose: 2, ago: 26 }], village: 1 },
  { name: 'Cà Văn Chín', dob: yearsAgo(11), doses: [], village: 0 },
  { name: 'Lường Văn Mười', dob: yearsAgo(65), doses: [{ product: 'sinopharm', dose: 1, ago: 8 }], village: 0 },
  { name: 'Lường Thị Mười Một', birthYear: year - 64, comorbidity: true, sex: 'female', doses: AZ(90, 50), village: 1 },
  { name: 'Lường Văn Mười Hai', birthYear: year - 17, doses: [{ product: 'moderna', dose: 1, ago: 6 }], village: 1 },
  { name: 'Lường Văn Mười Ba', dob: yearsAgo(50), doses: AZ(2), village: 0 },
  { name: 'Lường Văn Mất', dob: yearsAgo(80), doses: AZ(150, 100), diesAgo: 10, village: 0 },
  { name: 'Lường Thị Không Tuổi', doses: [{ product: 'pfizer', dose: 1, ago: 30 }], village: 0 },
];

const PRIMARY_DOSES: Record<string, number> = { astrazeneca: 2, pfizer: 2, moderna: 2, sinopharm: 2, janssen: 1, abdala: 3 };
const GROUPS = ['18+', '50+', '65+', '12-17', '16-17', 'comorbidity', 'pregnant'] as const;

function ageOn(r: Resident, on: string): number | null {
  if (r.dob) return Number(on.slice(0, 4)) - Number(r.dob.slice(0, 4)) - (on.slice(5) < r.dob.slice(5) ? 1 : 0);
  return r.birthYear === undefined ? null : Number(on.slice(0, 4)) - r.birthYear;
}

function inGroup(g: (typeof GROUPS)[number], age: number, r: Resident): boolean {
  switch (g) {
    case '18+': return age >= 18;
    case '50+': return age >= 50;
    case '65+': return age >= 65;
    case '12-17': return age >= 12 && age <= 17;
    case '16-17': return age >= 16 && age <= 17;
    case 'comorbidity': return age >= 12 && Boolean(r.comorbidity);
    case 'pregnant': return age >= 18 && Boolean(r.pregnant);
  }
}

/** The figures counted one resident at a time from what the test inserted. */
function directCount(rows: Resident[], on: string) {
  const out: Record<string, { registered: number; dose1: number; full: number; booster: number }> = {};
  for (const g of GROUPS) out[g] = { registered: 0, dose1: 0, full: 0, booster: 0 };
  for (const r of rows) {
    if (r.diesAgo !== undefined && daysAgo(r.diesAgo) <= on) continue;
    const age = ageOn(r, on);
    if (age === null) continue;
    const given = r.doses.filter((d) => daysAgo(d.ago) <= on);
    const primaries = given.filter((d) => (d.kind ?? 'primary') === 'primary');
    const full = primaries.length > 0 && primaries.length >= Math.min(...primaries.map((d) => PRIMARY_DOSES[d.product]));
    for (const g of GROUPS) {
      if (!inGroup(g, age, r)) continue;
      out[g].registered++;
      if (given.length > 0) out[g].dose1++;
      if (full) out[g].full++;
      if (given.some((d) => d.kind === 'booster')) out[g].booster++;
    }
  }
  return out;
}

type Figures = { group: string; denominator: number; denominatorSource: string; registered: number; measures: { measure: string; numerator: number; percent: number | null }[] };

function expectMatches(groups: Figures[], expected: ReturnType<typeof directCount>) {
  for (const g of GROUPS) {
    const f = groups.find((x) => x.group === g)!;
    const byMeasure = Object.fromEntries(f.measures.map((m) => [m.measure, m.numerator]));
    expect({ group: g, registered: f.registered, ...byMeasure }).toEqual({ group: g, ...expected[g] });
  }
}

for (const engine of await testEngines()) {
  describe(`vaccination coverage and targets [${engine}]`, () => {
    let t: TestApp;
    let muongnha: Client;
    let villages: { code: string; name: string; population: { byAge: Record<string, number>; source: string } }[];
    const created: (Resident & { id: number })[] = [];

    beforeAll(async () => {
      t = await startTestApp(engine);
      muongnha = await t.login('xa.muongnha');
      villages = (await muongnha.get('/api/v1/units?parent=03364')).json().items;
      for (const r of RESIDENTS) {
        const res = await muongnha.post('/api/v1/people', {
          fullName: r.name, dateOfBirth: r.dob ?? null, birthYear: r.dob ? null : r.birthYear ?? null, sex: r.sex ?? null, unitCode: villages[r.village].code,
          flags: { comorbidity: Boolean(r.comorbidity), pregnant: Boolean(r.pregnant) },
        });
        expect(res.statusCode, res.body).toBe(201);
        const id = res.json().id as number;
        for (const d of r.doses) {
          const dose = await muongnha.post('/api/v1/vaccinations', { personId: id, product: d.product, dose: d.dose, kind: d.kind, date: daysAgo(d.ago) });
          expect(dose.statusCode, `${r.name}: ${dose.body}`).toBe(201);
        }
        if (r.diesAgo !== undefined) {
          const c = await registerCase(muongnha, id, { testDate: daysAgo(r.diesAgo + 5), onsetDate: daysAgo(r.diesAgo + 6) });
          const died = await muongnha.patch(`/api/v1/cases/${c.id}`, { version: c.version, status: 'died', deathDate: daysAgo(r.diesAgo), deathPlace: 'hospital' });
          expect(died.statusCode, died.body).toBe(200);
        }
        created.push({ ...r, id });
      }
    });
    afterAll(async () => { await t?.close(); });

    it('counts coverage by group and measure equal to a direct count, today and on an earlier date', async () => {
      for (const on of [today, daysAgo(30), daysAgo(4)]) {
        const res = await muongnha.get(`/api/v1/stats/vaccination?unit=03364&date=${on}`);
        expect(res.statusCode, res.body).toBe(200);
        const s = res.json();
        expect(s).toMatchObject({ unitCode: '03364', date: on });
        expectMatches(s.groups, directCount(RESIDENTS, on));
        for (const [i, v] of villages.entries()) {
          const child = s.children.find((c: { unitCode: string }) => c.unitCode === v.code);
          expectMatches(child.groups, directCount(RESIDENTS.filter((r) => r.village === i), on));
        }
      }
      // The same figures straight from the aggregate function.
      const direct = await computeCoverage(t.testDb.handle.db, '/11/100/03364/', today);
      const expected = directCount(RESIDENTS, today);
      for (const g of GROUPS) expect(direct.total.vaccinated[g]).toEqual({ dose1: expected[g].dose1, full: expected[g].full, booster: expected[g].booster });
      // Spot checks against the list above, so the direct count itself is not taken on trust.
      expect(expected['18+']).toEqual({ registered: 9, dose1: 8, full: 4, booster: 1 });
      expect(expected.pregnant).toEqual({ registered: 2, dose1: 1, full: 0, booster: 0 });
      expect(directCount(RESIDENTS, daysAgo(30))['16-17'].registered).toBe(3);
    });

    it('divides by the age-band population where the unit has one, by the registry otherwise', async () => {
      const unit = (await muongnha.get('/api/v1/units/03364')).json();
      const s = (await muongnha.get('/api/v1/stats/vaccination?unit=03364')).json();
      const b = unit.population.byAge;
      expect(unit.population.source).not.toBe('none');
      const fig = (g: string) => s.groups.find((x: Figures) => x.group === g) as Figures;
      expect(fig('18+')).toMatchObject({ denominator: b['18-49'] + b['50-64'] + b['65+'], denominatorSource: 'population' });
      expect(fig('50+')).toMatchObject({ denominator: b['50-64'] + b['65+'], denominatorSource: 'population' });
      expect(fig('12-17')).toMatchObject({ denominator: b['12-17'], denominatorSource: 'population' });
      expect(fig('16-17')).toMatchObject({ denominator: fig('16-17').registered, denominatorSource: 'registry' });
      expect(fig('pregnant')).toMatchObject({ denominator: 2, denominatorSource: 'registry' });
      const dose1 = fig('18+').measures.find((m) => m.measure === 'dose1')!;
      expect(dose1.percent).toBe(Math.round((dose1.numerator / fig('18+').denominator) * 1000) / 10);
      expect(fig('pregnant').measures.find((m) => m.measure === 'dose1')!.percent).toBe(50);

      const bad = await muongnha.get(`/api/v1/stats/vaccination?unit=03364&date=${addDays(today, 1)}`);
      expect(bad.json().error.field).toBe('date');
      const impossible = await muongnha.get(`/api/v1/stats/vaccination?unit=03364&date=${Number(today.slice(0, 4)) - 1}-02-30`);
      expect(impossible.statusCode, impossible.body).toBe(400);
      expect(impossible.json().error.field).toBe('date');
      expect((await muongnha.get('/api/v1/stats/vaccination?unit=03365')).statusCode).toBe(404);
    });

    it('lets an observer read the district figures and export them, with no person in them', async () => {
      const observer = await t.login('theodoi.dienbien');
      const res = await observer.get('/api/v1/stats/vaccination');
      expect(res.statusCode, res.body).toBe(200);
      const s = res.json();
      expect(s.unitCode).toBe('100');
      const commune = s.children.find((c: { unitCode: string }) => c.unitCode === '03364');
      expectMatches(commune.groups, directCount(RESIDENTS, today));
      for (const r of RESIDENTS) expect(res.body).not.toContain(r.name);
      const xlsx = await observer.get('/api/v1/stats/vaccination/export.xlsx?unit=03364');
      expect(xlsx.statusCode).toBe(200);
      const table = await readTable(xlsx.rawPayload, 'x.xlsx');
      expect(table.headers).toEqual(expect.arrayContaining(['Đơn vị', 'Nhóm đối tượng', 'Mẫu số', 'Ít nhất 1 mũi', 'Đủ liều cơ bản', 'Mũi nhắc lại']));
      const col = (h: string) => table.headers.indexOf(h);
      const total = table.rows.find((row) => row.cells[col('Đơn vị')].startsWith('Tổng') && row.cells[col('Nhóm đối tượng')] === 'Phụ nữ mang thai');
      expect(total?.cells[col('Ít nhất 1 mũi')]).toBe('1');
      expect(total?.cells[col('Nguồn mẫu số')]).toBe('Người dân đã đăng ký');
      expect((await observer.get('/api/v1/vaccination/targets')).statusCode).toBe(200);
      expect((await observer.post('/api/v1/vaccination/targets', { unitCode: '03364', group: '18+', measure: 'dose1', percent: 100, deadline: today })).statusCode).toBe(403);
    });

    it('sets targets for a commune and shows the gap in people and on track or behind from the last 7 days', async () => {
      const bad: [Record<string, unknown>, string][] = [
        [{ unitCode: villages[0].code }, 'unitCode'],
        [{ unitCode: '11' }, 'unitCode'],
        [{ unitCode: '03365' }, 'unitCode'],
        [{ deadline: daysAgo(1) }, 'deadline'],
        [{ percent: 120 }, 'percent'],
        [{ group: '80+' }, 'group'],
        [{ deadline: `${Number(today.slice(0, 4)) + 1}-02-30` }, 'deadline'],
      ];
      for (const [body, field] of bad) {
        const res = await muongnha.post('/api/v1/vaccination/targets', { unitCode: '03364', group: '18+', measure: 'dose1', percent: 100, deadline: addDays(today, 10), ...body });
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
        expect(res.json().error.field).toBe(field);
      }
      // Pregnant women, dose 1: 2 registered, 1 vaccinated 3 days ago; 1 left over 11 days needs 0.09/day, the week gave 1/7.
      const pregnant = await muongnha.post('/api/v1/vaccination/targets', { unitCode: '03364', group: 'pregnant', measure: 'dose1', percent: 100, deadline: addDays(today, 10), note: 'Ưu tiên phụ nữ mang thai' });
      expect(pregnant.statusCode, pregnant.body).toBe(201);
      expect(pregnant.json()).toMatchObject({
        unitCode: '03364', group: 'pregnant', percent: 100, version: 1,
        progress: { numerator: 1, denominator: 2, denominatorSource: 'registry', percentNow: 50, gapPeople: 1, daysLeft: 11, onTrack: true, recentPerDay: 0.1 },
      });
      // People with comorbidities, full course by today: 3 registered, 2 full, none became full in the week, 1 left by tonight: behind.
      const comorbid = (await muongnha.post('/api/v1/vaccination/targets', { unitCode: '03364', group: 'comorbidity', measure: 'full', percent: 100, deadline: today })).json();
      const expected = directCount(RESIDENTS, today).comorbidity;
      expect(comorbid.progress).toMatchObject({ numerator: expected.full, denominator: expected.registered, gapPeople: expected.registered - expected.full, daysLeft: 1, onTrack: false, recentPerDay: 0 });

      const huyen = await t.login('huyen.dienbien');
      const district = await huyen.post('/api/v1/vaccination/targets', { unitCode: '100', group: '18+', measure: 'dose1', percent: 100, deadline: addDays(today, 20) });
      expect(district.statusCode, district.body).toBe(201);
      const stats = (await huyen.get('/api/v1/stats/vaccination?unit=100')).json();
      const adults = stats.groups.find((g: Figures) => g.group === '18+');
      expect(district.json().progress).toMatchObject({
        numerator: adults.measures[0].numerator, denominator: adults.denominator, gapPeople: adults.denominator - adults.measures[0].numerator, onTrack: false,
      });

      // The commune sees its own targets and the district's above it; a neighbouring commune sees only the district's.
      const listed = (await muongnha.get('/api/v1/vaccination/targets?unit=03364')).json().items.map((x: { id: number }) => x.id);
      expect(listed.sort()).toEqual([pregnant.json().id, comorbid.id, district.json().id].sort());
      const natong = await t.login('xa.natong');
      expect((await natong.get('/api/v1/vaccination/targets')).json().items.map((x: { id: number }) => x.id)).toEqual([district.json().id]);
      expect((await natong.patch(`/api/v1/vaccination/targets/${pregnant.json().id}`, { version: 1, percent: 90 })).statusCode).toBe(404);

      const edited = await muongnha.patch(`/api/v1/vaccination/targets/${pregnant.json().id}`, { version: 1, percent: 50 });
      expect(edited.json()).toMatchObject({ percent: 50, version: 2, progress: { gapPeople: 0, onTrack: true } });
      expect((await muongnha.patch(`/api/v1/vaccination/targets/${pregnant.json().id}`, { version: 1, percent: 60 })).statusCode).toBe(409);
      expect((await muongnha.patch(`/api/v1/vaccination/targets/${pregnant.json().id}`, { version: 2, deadline: daysAgo(2) })).json().error.field).toBe('deadline');
      await muongnha.patch(`/api/v1/vaccination/targets/${pregnant.json().id}`, { version: 2, active: false });
      expect((await muongnha.get('/api/v1/vaccination/targets?unit=03364')).json().items.map((x: { id: number }) => x.id)).not.toContain(pregnant.json().id);
      expect((await muongnha.get('/api/v1/vaccination/targets?unit=03364&active=false')).json().items.map((x: { id: number }) => x.id)).toEqual([pregnant.json().id]);
      const audit = await t.testDb.handle.db.selectFrom('audit_log').select('action').where('entity', '=', 'vaccination_target').execute();
      expect(audit.map((a) => a.action).sort()).toEqual(['create', 'create', 'create', 'update', 'update']);
    });
  });
}
