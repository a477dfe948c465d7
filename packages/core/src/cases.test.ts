import { describe, expect, it } from 'vitest';
import {
  checkCaseDates, checkOutcome, checkSeverityPlace, duplicateEpisode, homeTreatmentEligibility, outcomeDate, suggestedCarePlace,
  HOME_TREATMENT_RULE, type EligibilityFacts, type EpisodeRecord,
} from './cases.js';
import { carryTests, checkContact, contactLevelFor, planContactFollowUp, planPromotion, type ContactRecord } from './contacts.js';
import { buildCaseDays, caseTotals } from './case-stats.js';

const TODAY = '2021-11-02';
const fields = (problems: { field: string }[]) => problems.map((p) => p.field).sort();

describe('checkCaseDates', () => {
  it.each([
    ['a test alone', { testDate: '2021-10-30' }, []],
    ['onset before test, discharge after', { onsetDate: '2021-10-28', testDate: '2021-10-30', dischargeDate: '2021-11-01', dischargeTestDate: '2021-11-01' }, []],
    ['onset on the test day', { onsetDate: '2021-10-30', testDate: '2021-10-30' }, []],
    ['onset after the test', { onsetDate: '2021-10-31', testDate: '2021-10-30' }, ['onsetDate']],
    ['discharge before the test', { testDate: '2021-10-30', dischargeDate: '2021-10-29' }, ['dischargeDate']],
    ['discharge test before the test', { testDate: '2021-10-30', dischargeDate: '2021-11-01', dischargeTestDate: '2021-10-29' }, ['dischargeTestDate']],
    ['discharge test after the discharge', { testDate: '2021-10-30', dischargeDate: '2021-10-31', dischargeTestDate: '2021-11-01' }, ['dischargeTestDate']],
    ['death before onset', { onsetDate: '2021-10-28', testDate: '2021-10-30', deathDate: '2021-10-27' }, ['deathDate']],
    ['a test after death is allowed', { onsetDate: '2021-10-25', testDate: '2021-10-30', deathDate: '2021-10-29' }, []],
    ['transfer before the test', { testDate: '2021-10-30', transferDate: '2021-10-20' }, ['transferDate']],
    ['a test in the future', { testDate: '2021-11-03' }, ['testDate']],
    ['not a real date', { testDate: '2021-02-30' }, ['testDate']],
  ] as const)('%s', (_label, dates, expected) => {
    expect(fields(checkCaseDates(dates, TODAY))).toEqual([...expected].sort());
  });
});

describe('checkOutcome and outcomeDate', () => {
  it.each([
    [{ status: 'active' }, [], null],
    [{ status: 'recovered', dischargeDate: '2021-11-01' }, [], '2021-11-01'],
    [{ status: 'recovered' }, ['dischargeDate'], null],
    [{ status: 'recovered', dischargeDate: '2021-11-01', dischargeTestDate: '2021-11-01' }, ['dischargeTestType'], '2021-11-01'],
    [{ status: 'died', deathDate: '2021-11-01', deathPlace: 'hospital' }, [], '2021-11-01'],
    [{ status: 'died', deathDate: '2021-11-01' }, ['deathPlace'], '2021-11-01'],
    [{ status: 'transferred_out', transferDate: '2021-11-01', transferTo: ' ' }, ['transferTo'], '2021-11-01'],
  ] as const)('%j', (outcome, expected, date) => {
    expect(fields(checkOutcome(outcome))).toEqual(expected);
    expect(outcomeDate(outcome)).toBe(date);
  });
});

describe('checkSeverityPlace', () => {
  it.each([
    ['critical', 'home', ['carePlace']],
    ['severe', 'community_care', ['carePlace']],
    ['critical', 'facility_t3_icu', []],
    ['moderate', 'home', []],
    ['mild', 'home', []],
  ] as const)('%s at %s', (severity, place, expected) => {
    expect(fields(checkSeverityPlace(severity, place))).toEqual(expected);
  });
});

describe('duplicateEpisode', () => {
  const e = (id: number, status: EpisodeRecord['status'], testDate: string, dischargeDate: string | null = null): EpisodeRecord => ({ id, status, testDate, dischargeDate });
  it.each([
    ['no earlier episode', [], '2021-11-01', null],
    ['an active episode', [e(1, 'active', '2021-10-20')], '2021-11-01', 'personId'],
    ['recovered 20 days ago: same episode', [e(1, 'recovered', '2021-09-20', '2021-10-12')], '2021-11-01', 'testDate'],
    ['recovered 90 days ago: a new infection', [e(1, 'recovered', '2021-07-20', '2021-08-03')], '2021-11-01', null],
    ['an earlier death does not block a record', [e(1, 'died', '2021-10-01')], '2021-11-01', null],
  ] as const)('%s', (_label, existing, testDate, field) => {
    expect(duplicateEpisode(existing, testDate)?.problem.field ?? null).toBe(field);
  });
});

describe('homeTreatmentEligibility', () => {
  const base: EligibilityFacts = { severity: 'mild', age: 35, comorbidity: false, comorbidityStable: false, pregnant: false, vaccinationDoses: 2, spo2: 98, respiratoryRate: 16 };
  it.each([
    ['a mild adult', {}, true, []],
    ['moderate', { severity: 'moderate' }, false, ['severity']],
    ['an infant', { age: 0 }, false, ['age']],
    ['58 and fully vaccinated', { age: 58 }, true, []],
    ['58 and not vaccinated', { age: 58, vaccinationDoses: 0 }, false, ['age']],
    ['70 even if vaccinated', { age: 70 }, false, ['age']],
    ['unstable comorbidity', { comorbidity: true }, false, ['comorbidity']],
    ['stable comorbidity', { comorbidity: true, comorbidityStable: true }, true, []],
    ['pregnant', { pregnant: true }, false, ['pregnancy']],
    ['SpO2 95', { spo2: 95 }, false, ['spo2']],
    ['SpO2 96 is enough', { spo2: 96 }, true, []],
    ['fast breathing in an adult', { respiratoryRate: 22 }, false, ['respiratoryRate']],
    ['a child\'s breathing rate is left to the doctor', { age: 6, respiratoryRate: 26 }, true, []],
  ] as const)('%s', (_label, patch, eligible, unmet) => {
    const r = homeTreatmentEligibility({ ...base, ...patch });
    expect(r.eligible).toBe(eligible);
    expect(r.reasons.filter((x) => x.outcome === 'unmet').map((x) => x.criterion)).toEqual(unmet);
    expect(r.reasons.every((x) => x.message && x.messageEn)).toBe(true);
  });

  it('waits for missing facts instead of guessing', () => {
    const r = homeTreatmentEligibility({ ...base, age: null, spo2: null });
    expect(r.eligible).toBe(false);
    expect(r.reasons.filter((x) => x.outcome === 'unknown').map((x) => x.criterion)).toEqual(['age', 'spo2']);
  });

  it('takes a province\'s own rule', () => {
    const strict = { ...HOME_TREATMENT_RULE, fullyVaccinatedMaxAge: null };
    expect(homeTreatmentEligibility({ ...base, age: 58 }, strict).eligible).toBe(false);
  });

  it.each([
    ['mild', true, 'home'],
    ['mild', false, 'facility_t1'],
    ['moderate', false, 'facility_t2'],
    ['critical', false, 'facility_t3_icu'],
  ] as const)('suggests a place for %s (eligible %s)', (severity, eligible, place) => {
    expect(suggestedCarePlace(severity, { eligible, reasons: [] })).toBe(place);
  });
});

describe('contacts', () => {
  it.each([
    [{ kind: 'case' } as const, 'F1'],
    [{ kind: 'contact', level: 'F1', status: 'monitoring' } as const, 'F2'],
    [{ kind: 'contact', level: 'F2', status: 'monitoring' } as const, null],
    [{ kind: 'contact', level: 'F1', status: 'promoted' } as const, null],
  ])('level of a contact of %j', (source, level) => {
    const r = contactLevelFor(source);
    expect(r.ok ? r.level : null).toBe(level);
  });

  it.each([
    ['F1', 2, '2021-10-30', 'contact_f1', '2021-11-05', ['2021-10-30', '2021-11-05']],
    ['F1', 1, '2021-10-30', 'contact_f1', '2021-11-12', ['2021-10-30', '2021-11-05', '2021-11-12']],
    ['F1', null, '2021-10-30', 'contact_f1', '2021-11-12', ['2021-10-30', '2021-11-05', '2021-11-12']],
    ['F2', 0, '2021-10-30', 'contact_f2', '2021-11-05', []],
  ] as const)('%s with %s doses exposed %s', (level, doses, exposed, kind, end, testDates) => {
    const plan = planContactFollowUp(level, doses, exposed);
    expect(plan).toMatchObject({ kind, startDate: exposed, endDate: end });
    expect(plan.tests.map((t) => t.date)).toEqual(testDates);
  });

  it('keeps recorded tests when an F2 becomes F1', () => {
    const f2 = planContactFollowUp('F1', 2, '2021-10-30').tests.map((t) => (t.day === 1 ? { ...t, doneOn: '2021-10-30', result: 'negative' as const } : t));
    const f1 = carryTests(f2, planContactFollowUp('F1', 0, '2021-10-30').tests);
    expect(f1.map((t) => [t.day, t.doneOn])).toEqual([[1, '2021-10-30'], [7, null], [14, null]]);
  });

  it.each([
    ['a last exposure in range', { lastExposureDate: '2021-10-29', sourceTestDate: '2021-10-30' }, []],
    ['in the future', { lastExposureDate: '2021-11-03' }, ['lastExposure']],
    ['a month before the source\'s test', { lastExposureDate: '2021-09-30', sourceTestDate: '2021-10-30' }, ['lastExposure']],
  ] as const)('checkContact: %s', (_label, c, expected) => {
    expect(fields(checkContact(c, TODAY))).toEqual(expected);
  });

  const c = (id: number, level: 'F1' | 'F2', status: ContactRecord['status'], sourceCaseId: number | null, sourceContactId: number | null): ContactRecord => ({ id, level, status, sourceCaseId, sourceContactId });
  it('promotes an F1: its F2 still followed become F1 of the new case', () => {
    const f1 = c(10, 'F1', 'monitoring', 1, null);
    const r = planPromotion(f1, [c(20, 'F2', 'monitoring', null, 10), c(21, 'F2', 'released', null, 10), c(22, 'F2', 'monitoring', null, 99)], null);
    expect(r).toEqual({ ok: true, plan: { sourceCaseId: 1, upgrade: [20] } });
  });
  it('promotes an F2 under its F1\'s source case', () => {
    const r = planPromotion(c(20, 'F2', 'monitoring', null, 10), [], c(10, 'F1', 'monitoring', 1, null));
    expect(r).toEqual({ ok: true, plan: { sourceCaseId: 1, upgrade: [] } });
  });
  it.each(['promoted', 'cancelled'] as const)('refuses to promote a %s contact', (status) => {
    const r = planPromotion(c(10, 'F1', status, 1, null), [], null);
    expect(r.ok ? null : r.problem.field).toBe('status');
  });
});

describe('buildCaseDays', () => {
  const range = { from: '2021-11-01', to: '2021-11-03' };
  const days = buildCaseDays(range, {
    news: [
      { day: '2021-11-01', detectedIn: 'community', n: 2 },
      { day: '2021-11-02', detectedIn: 'quarantine', n: 1 },
      { day: '2021-11-03', detectedIn: 'lockdown', n: 1 },
      { day: '2021-10-31', detectedIn: 'community', n: 5 },
    ],
    periods: [
      { from: '2021-10-31', to: null, place: 'home', severity: 'mild', n: 3 },
      { from: '2021-10-31', to: '2021-11-02', place: 'home', severity: 'moderate', n: 1 },
      { from: '2021-11-02', to: null, place: 'facility_t3_icu', severity: 'critical', n: 1 },
      { from: '2021-11-03', to: '2021-11-03', place: 'facility_t2', severity: 'severe', n: 4 },
    ],
    outcomes: [{ day: '2021-11-03', status: 'died', n: 1 }, { day: '2021-11-02', status: 'recovered', n: 2 }],
  });

  it('counts flows on their day and stocks per day', () => {
    expect(days.map((d) => [d.date, d.newCommunity, d.newQuarantine, d.newLockdown, d.newTotal])).toEqual([
      ['2021-11-01', 2, 0, 0, 2], ['2021-11-02', 0, 1, 0, 1], ['2021-11-03', 0, 0, 1, 1],
    ]);
    expect(days.map((d) => [d.active, d.activeByPlace.home, d.activeByPlace.facility_t3_icu, d.severeCritical])).toEqual([
      [4, 4, 0, 0], [4, 3, 1, 1], [4, 3, 1, 1],
    ]);
    expect(days.map((d) => [d.deaths, d.recoveries])).toEqual([[0, 0], [0, 2], [1, 0]]);
  });

  it('totals flows and keeps the last day\'s stocks', () => {
    expect(caseTotals(days)).toMatchObject({ newTotal: 4, newCommunity: 2, active: 4, severeCritical: 1, deaths: 1, recoveries: 2 });
  });
});
