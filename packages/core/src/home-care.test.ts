import { describe, expect, it } from 'vitest';
import { checkinOverdueAt, homeCareRelease, isCheckinOverdue, warningSigns, HOME_CARE_RULE, type CheckinValues } from './home-care.js';

describe('warningSigns', () => {
  it.each([
    ['normal adult', { spo2: 98, respiratoryRate: 16, pulse: 80, symptoms: ['cough'] }, 30, []],
    ['SpO2 96 is fine', { spo2: 96 }, 30, []],
    ['SpO2 95 alerts', { spo2: 95 }, 30, ['low_spo2']],
    ['SpO2 94 alerts', { spo2: 94, respiratoryRate: 18 }, 30, ['low_spo2']],
    ['adult breathing 20/min', { respiratoryRate: 20 }, 40, ['fast_breathing']],
    ['adult breathing 19/min', { respiratoryRate: 19 }, 40, []],
    ['unknown age counts as adult', { respiratoryRate: 22 }, null, ['fast_breathing']],
    ['child of 7 at 25/min is fine', { respiratoryRate: 25 }, 7, []],
    ['child of 7 at 30/min', { respiratoryRate: 30 }, 7, ['fast_breathing']],
    ['child of 3 at 35/min is fine', { respiratoryRate: 35 }, 3, []],
    ['child of 3 at 40/min', { respiratoryRate: 40 }, 3, ['fast_breathing']],
    ['infant at 50/min', { respiratoryRate: 50 }, 0, ['fast_breathing']],
    ['pulse 125', { pulse: 125 }, 30, ['abnormal_pulse']],
    ['pulse 45', { pulse: 45 }, 30, ['abnormal_pulse']],
    ['systolic 85', { systolic: 85 }, 30, ['low_blood_pressure']],
    ['chest pain and confusion', { symptoms: ['chest_pain', 'confusion', 'fever'] }, 30, ['chest_pain', 'confusion']],
    ['difficulty breathing with low SpO2', { spo2: 93, symptoms: ['difficulty_breathing'] }, 60, ['low_spo2', 'difficulty_breathing']],
  ] as [string, CheckinValues, number | null, string[]][])('%s', (_l, values, age, expected) => {
    expect(warningSigns(values, age)).toEqual(expected);
  });

  it('follows a province rule', () => {
    expect(warningSigns({ spo2: 96 }, 30, { ...HOME_CARE_RULE, maxSpo2ForAlert: 96 })).toEqual(['low_spo2']);
  });
});

describe('check-in schedule', () => {
  it.each([
    ['2021-11-02T00:00:00.000Z', '2021-11-02T13:59:00.000Z', false],
    ['2021-11-02T00:00:00.000Z', '2021-11-02T14:01:00.000Z', true],
    ['2021-11-01T00:00:00.000Z', '2021-11-02T10:00:00.000Z', true],
  ])('last %s, now %s → overdue %s', (last, now, overdue) => {
    expect(isCheckinOverdue(last, now)).toBe(overdue);
  });
  it('twice a day with two hours of grace', () => {
    expect(checkinOverdueAt('2021-11-02T01:00:00.000Z')).toBe('2021-11-02T15:00:00.000Z');
    expect(checkinOverdueAt('2021-11-02T01:00:00.000Z', { ...HOME_CARE_RULE, checkinsPerDay: 1, graceHours: 0 })).toBe('2021-11-03T01:00:00.000Z');
  });
});

describe('homeCareRelease', () => {
  const today = '2021-11-20';
  const fields = (d: ReturnType<typeof homeCareRelease>) => d.problems.map((p) => p.field);
  it.each([
    ['10 days with a negative test', { testDate: '2021-11-08', releaseDate: '2021-11-18', negativeTestDate: '2021-11-18', openAlerts: 0 }, []],
    ['only 9 days', { testDate: '2021-11-09', releaseDate: '2021-11-18', negativeTestDate: '2021-11-18', openAlerts: 0 }, ['date']],
    ['no negative test', { testDate: '2021-11-01', releaseDate: '2021-11-18', openAlerts: 0 }, ['negativeTestDate']],
    ['negative test before the positive', { testDate: '2021-11-01', releaseDate: '2021-11-18', negativeTestDate: '2021-10-30', openAlerts: 0 }, ['negativeTestDate']],
    ['negative test after the release', { testDate: '2021-11-01', releaseDate: '2021-11-18', negativeTestDate: '2021-11-19', openAlerts: 0 }, ['negativeTestDate']],
    ['release in the future', { testDate: '2021-11-01', releaseDate: '2021-11-21', negativeTestDate: '2021-11-18', openAlerts: 0 }, ['date']],
    ['an alert still open', { testDate: '2021-11-01', releaseDate: '2021-11-18', negativeTestDate: '2021-11-18', openAlerts: 1 }, ['alerts']],
  ] as const)('%s', (_l, facts, expected) => {
    expect(fields(homeCareRelease(facts, today))).toEqual(expected);
  });
  it('counts the days since the positive test', () => {
    expect(homeCareRelease({ testDate: '2021-11-08', releaseDate: '2021-11-18', negativeTestDate: '2021-11-18', openAlerts: 0 }, today).daysSincePositive).toBe(10);
  });
});
