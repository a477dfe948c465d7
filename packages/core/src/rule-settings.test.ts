import { describe, expect, it } from 'vitest';
import { HOME_TREATMENT_RULE, homeTreatmentEligibility } from './cases.js';
import { CONTACT_FOLLOW_UP_RULE, planContactFollowUp } from './contacts.js';
import { HOME_CARE_RULE, warningSigns } from './home-care.js';
import { QUARANTINE_RULES, planQuarantine } from './quarantine.js';
import { RULE_KEYS, RULE_SETS, buildRule, checkOverride, formatSetting, mergeRule, withContactRule, type RuleKey } from './rule-settings.js';

const fields = (key: RuleKey, override: Record<string, unknown>, base?: Record<string, never>) => checkOverride(key, override, base).map((p) => p.field);

describe('defaults', () => {
  it('build back into the rule objects the domain functions use by default', () => {
    expect(buildRule('home_treatment', RULE_SETS.home_treatment.defaults)).toEqual(HOME_TREATMENT_RULE);
    expect(buildRule('home_care', RULE_SETS.home_care.defaults)).toEqual(HOME_CARE_RULE);
    expect(buildRule('contact_follow_up', RULE_SETS.contact_follow_up.defaults)).toEqual(CONTACT_FOLLOW_UP_RULE);
    expect(buildRule('quarantine', RULE_SETS.quarantine.defaults)).toEqual(QUARANTINE_RULES);
  });
  it.each(RULE_KEYS)('%s: every setting has a Vietnamese label, a default and the legal source', (key) => {
    const spec = RULE_SETS[key];
    expect(spec.source).toMatch(/QĐ-BYT/);
    for (const s of spec.settings) {
      expect(s.key in spec.defaults, s.key).toBe(true);
      expect(s.label).toMatch(/[a-zà-ỹ]/i);
      expect(checkOverride(key, { [s.key]: spec.defaults[s.key] }), s.key).toEqual([]);
    }
    expect(Object.keys(spec.defaults).sort()).toEqual(spec.settings.map((s) => s.key).sort());
  });
});

describe('checkOverride', () => {
  it.each([
    ['home_care', { maxSpo2ForAlert: 94 }, []],
    ['home_care', { maxSpo2ForAlert: 79 }, ['maxSpo2ForAlert']],
    ['home_care', { maxSpo2ForAlert: 101 }, ['maxSpo2ForAlert']],
    ['home_care', { maxSpo2ForAlert: 94.5 }, ['maxSpo2ForAlert']],
    ['home_care', { maxSpo2ForAlert: '94' }, ['maxSpo2ForAlert']],
    ['home_care', { checkinsPerDay: 0 }, ['checkinsPerDay']],
    ['home_care', { releaseMinDays: 61 }, ['releaseMinDays']],
    ['home_care', { releaseNeedsNegativeTest: 'yes' }, ['releaseNeedsNegativeTest']],
    ['home_care', { pulseBelow: 80, pulseAbove: 80 }, ['pulseBelow']],
    ['home_care', { fastBreathing5: 18 }, ['fastBreathing5']],
    ['home_care', { alarmingSymptoms: [] }, ['alarmingSymptoms']],
    ['home_care', { alarmingSymptoms: ['fever'] }, ['alarmingSymptoms']],
    ['home_care', { alarmingSymptoms: ['chest_pain', 'seizure'] }, []],
    ['home_care', { spo2: 94 }, ['spo2']],
    ['home_care', {}, ['overrides']],
    ['home_treatment', { minSpo2: 94, maxAge: 65 }, []],
    ['home_treatment', { minAge: 18, maxAge: 18 }, ['maxAge']],
    ['home_treatment', { minAge: 50 }, ['minAge']],
    ['home_treatment', { maxAge: 70 }, ['fullyVaccinatedMaxAge']],
    ['home_treatment', { maxAge: 70, fullyVaccinatedMaxAge: null }, []],
    ['home_treatment', { severities: ['severe'] }, ['severities']],
    ['home_treatment', { severities: ['mild', 'mild'] }, ['severities']],
    ['contact_follow_up', { f1UnvaccinatedDays: 10, f1UnvaccinatedTestDays: [1, 5, 10] }, []],
    ['contact_follow_up', { f1UnvaccinatedDays: 10 }, ['f1UnvaccinatedDays']],
    ['contact_follow_up', { f1VaccinatedTestDays: [1, 8] }, ['f1VaccinatedTestDays']],
    ['contact_follow_up', { f1VaccinatedTestDays: [7, 1] }, ['f1VaccinatedTestDays']],
    ['contact_follow_up', { f1VaccinatedTestDays: [0, 7] }, ['f1VaccinatedTestDays']],
    ['contact_follow_up', { f2Days: 0 }, ['f2Days']],
    ['contact_follow_up', { f2Days: 61 }, ['f2Days']],
    ['quarantine', { arrivalDays: 14, arrivalTestDays: [1, 7, 14] }, []],
    ['quarantine', { otherDays: 7 }, ['otherDays']],
    ['quarantine', { overloadPct: 40 }, ['overloadPct']],
  ] as const)('%s %j → %j', (key, override, expected) => {
    expect(fields(key, override)).toEqual(expected);
  });

  it('checks test days against the duration in force above, not only the default', () => {
    const above = mergeRule(RULE_SETS.contact_follow_up.defaults, { f1UnvaccinatedDays: 21, f1UnvaccinatedTestDays: [1, 7, 14, 21] });
    expect(checkOverride('contact_follow_up', { f1UnvaccinatedTestDays: [1, 21] }, above)).toEqual([]);
    expect(checkOverride('contact_follow_up', { f1UnvaccinatedTestDays: [1, 21] }).map((p) => p.field)).toEqual(['f1UnvaccinatedTestDays']);
  });

  it('names the setting in Vietnamese', () => {
    expect(checkOverride('home_care', { maxSpo2ForAlert: 70 })[0].message).toBe('Cảnh báo khi SpO2 từ mức này trở xuống: phải là số nguyên từ 80 đến 100%.');
  });
});

describe('mergeRule', () => {
  it.each([
    [{ a: 1, b: [1, 7] }, { a: 2 }, { a: 2, b: [1, 7] }],
    [{ a: 1, b: [1, 7] }, null, { a: 1, b: [1, 7] }],
    [{ a: 1, b: true }, { b: false, c: 3 }, { a: 1, b: false }],
    [{ a: 1 as number | null }, { a: null }, { a: null }],
  ])('%j + %j', (base, override, expected) => expect(mergeRule(base, override)).toEqual(expected));

  it('lays a district over its province over the default', () => {
    const province = mergeRule(RULE_SETS.home_care.defaults, { maxSpo2ForAlert: 94, graceHours: 4 });
    const district = mergeRule(province, { graceHours: 1 });
    expect([district.maxSpo2ForAlert, district.graceHours, district.checkinsPerDay]).toEqual([94, 1, 2]);
  });
});

describe('built rules change the outcomes', () => {
  it('SpO2 alert threshold', () => {
    const rule = buildRule('home_care', mergeRule(RULE_SETS.home_care.defaults, { maxSpo2ForAlert: 94 }));
    expect(warningSigns({ spo2: 95 }, 40)).toEqual(['low_spo2']);
    expect(warningSigns({ spo2: 95 }, 40, rule)).toEqual([]);
    expect(warningSigns({ spo2: 94 }, 40, rule)).toEqual(['low_spo2']);
  });
  it('children breathing limits by bracket', () => {
    const rule = buildRule('home_care', mergeRule(RULE_SETS.home_care.defaults, { fastBreathing5: 35 }));
    expect(warningSigns({ respiratoryRate: 32 }, 8)).toEqual(['fast_breathing']);
    expect(warningSigns({ respiratoryRate: 32 }, 8, rule)).toEqual([]);
  });
  it('home treatment age limit', () => {
    const facts = { severity: 'mild' as const, age: 55, comorbidity: false, comorbidityStable: false, pregnant: false, vaccinationDoses: 0, spo2: 97, respiratoryRate: 16 };
    expect(homeTreatmentEligibility(facts).eligible).toBe(false);
    expect(homeTreatmentEligibility(facts, buildRule('home_treatment', mergeRule(RULE_SETS.home_treatment.defaults, { maxAge: 60 }))).eligible).toBe(true);
  });
  it('F1 quarantine of 10 days, named by its figures', () => {
    const rules = buildRule('contact_follow_up', mergeRule(RULE_SETS.contact_follow_up.defaults, { f1UnvaccinatedDays: 10, f1UnvaccinatedTestDays: [1, 10] }));
    const plan = planContactFollowUp('F1', 0, '2021-11-02', rules);
    expect([plan.startDate, plan.endDate, plan.tests.map((t) => t.day)]).toEqual(['2021-11-02', '2021-11-11', [1, 10]]);
    expect(plan.rule.name).toBe('F1 chưa tiêm đủ liều: cách ly 10 ngày, xét nghiệm ngày 1 và ngày 10');
    const q = withContactRule(buildRule('quarantine', RULE_SETS.quarantine.defaults), rules);
    expect(planQuarantine('f1', '2021-11-02', null, q)).toEqual({ ruleName: plan.rule.name, plannedEnd: '2021-11-11', testDates: ['2021-11-02', '2021-11-11'] });
    expect(planQuarantine('f2', '2021-11-02', null, q).plannedEnd).toBe('2021-11-08');
  });
});

describe('formatSetting', () => {
  const spec = (key: RuleKey, k: string) => RULE_SETS[key].settings.find((s) => s.key === k)!;
  it.each([
    [spec('home_care', 'maxSpo2ForAlert'), 95, '95 %'],
    [spec('home_care', 'graceHours'), 2, '2 giờ'],
    [spec('contact_follow_up', 'f1UnvaccinatedTestDays'), [1, 7, 14], 'ngày 1, ngày 7 và ngày 14'],
    [spec('contact_follow_up', 'f2TestDays'), [], 'Không xét nghiệm'],
    [spec('home_treatment', 'allowPregnant'), false, 'Không'],
    [spec('home_treatment', 'fullyVaccinatedMaxAge'), null, 'Không áp dụng'],
    [spec('home_treatment', 'severities'), ['asymptomatic', 'mild'], 'Không triệu chứng, Nhẹ'],
  ] as const)('%#: %j', (s, v, text) => expect(formatSetting(s, v as never)).toBe(text));
});
