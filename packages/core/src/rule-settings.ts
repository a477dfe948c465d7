import { HOME_TREATMENT_RULE, SEVERITIES, SEVERITY_LABELS, type HomeTreatmentRule, type Severity } from './cases.js';
import { CONTACT_FOLLOW_UP_RULE, type ContactFollowUpRules, type NamedFollowUp } from './contacts.js';
import { CARE_SYMPTOM_LABELS, HOME_CARE_RULE, type CareSymptom, type HomeCareRule, type WarningSign } from './home-care.js';
import { QUARANTINE_RULES, type QuarantineRules } from './quarantine.js';
import type { FieldProblem } from './people.js';

/**
 * The medical rule sets a province or district may set for itself. Each is kept as flat named
 * values (what an official edits on a form and what is stored as an override); `build` turns them
 * into the rule object the domain functions take. A unit's override holds only the values it
 * changes; the rest come from the unit above it, and in the end from the national default.
 */

export const RULE_KEYS = ['home_treatment', 'home_care', 'contact_follow_up', 'quarantine'] as const;
export type RuleKey = (typeof RULE_KEYS)[number];

export type SettingValue = number | boolean | null | number[] | string[];
export type RuleValues = Record<string, SettingValue>;

export interface SettingSpec {
  key: string;
  label: string;
  labelEn: string;
  /** int: a whole number in [min, max]; days: ascending test days (1 … the duration named by `within`); bool; choices: a non-empty subset of options. */
  kind: 'int' | 'days' | 'bool' | 'choices';
  min?: number;
  max?: number;
  /** An int that may be switched off with null. */
  nullable?: boolean;
  /** Unit shown after the number. */
  suffix?: string;
  options?: readonly { value: string; label: string }[];
  /** For test days: the duration setting they must fall within. */
  within?: string;
}

export interface RuleSetSpec<T> {
  key: RuleKey;
  label: string;
  labelEn: string;
  /** The legal document the defaults come from. */
  source: string;
  settings: readonly SettingSpec[];
  defaults: RuleValues;
  /** Problems between values (each value already valid on its own). */
  cross(v: RuleValues): FieldProblem[];
  build(v: RuleValues): T;
}

const n = (v: RuleValues, k: string) => v[k] as number;
const days = (v: RuleValues, k: string) => v[k] as number[];
const same = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function dayList(testDays: readonly number[]): string {
  if (testDays.length === 0) return '';
  const parts = testDays.map((d) => `ngày ${d}`);
  return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} và ${parts[parts.length - 1]}`;
}

/** The default's own wording when the figures are the default's, else one that states the new figures. */
function named(base: NamedFollowUp, who: string, what: string, quarantineDays: number, testDays: number[]): NamedFollowUp {
  if (base.quarantineDays === quarantineDays && same(base.testDays, testDays)) return { ...base, testDays };
  const tests = testDays.length ? `, xét nghiệm ${dayList(testDays)}` : '';
  return { name: `${who}: ${what} ${quarantineDays} ngày${tests}`, quarantineDays, testDays };
}

// ---------------------------------------------------------------- home treatment eligibility

const HOME_SEVERITIES: readonly Severity[] = ['asymptomatic', 'mild', 'moderate'];

export const HOME_TREATMENT_SETTINGS: RuleSetSpec<HomeTreatmentRule> = {
  key: 'home_treatment',
  label: 'Tiêu chí điều trị F0 tại nhà',
  labelEn: 'Home treatment eligibility',
  source: 'Quyết định 4156/QĐ-BYT ngày 28/08/2021 của Bộ Y tế (Hướng dẫn chăm sóc người nhiễm COVID-19 tại nhà)',
  settings: [
    { key: 'severities', label: 'Mức độ bệnh được điều trị tại nhà', labelEn: 'Severities treated at home', kind: 'choices', options: HOME_SEVERITIES.map((s) => ({ value: s, label: SEVERITY_LABELS[s] })) },
    { key: 'minAge', label: 'Tuổi tối thiểu', labelEn: 'Minimum age', kind: 'int', min: 0, max: 18, suffix: 'tuổi' },
    { key: 'maxAge', label: 'Tuổi tối đa', labelEn: 'Maximum age', kind: 'int', min: 18, max: 120, suffix: 'tuổi' },
    { key: 'fullyVaccinatedMaxAge', label: 'Tuổi tối đa nếu đã tiêm đủ liều (để trống: không nới)', labelEn: 'Maximum age when fully vaccinated (empty: none)', kind: 'int', min: 18, max: 120, nullable: true, suffix: 'tuổi' },
    { key: 'fullyVaccinatedDoses', label: 'Số mũi được coi là tiêm đủ liều', labelEn: 'Doses counted as fully vaccinated', kind: 'int', min: 1, max: 4, suffix: 'mũi' },
    { key: 'minSpo2', label: 'SpO2 tối thiểu', labelEn: 'Minimum SpO2', kind: 'int', min: 80, max: 100, suffix: '%' },
    { key: 'maxAdultRespiratoryRate', label: 'Nhịp thở người lớn phải dưới', labelEn: 'Adult breathing rate below', kind: 'int', min: 10, max: 40, suffix: 'lần/phút' },
    { key: 'allowStableComorbidity', label: 'Nhận người có bệnh nền điều trị ổn định', labelEn: 'Accept a comorbidity under stable treatment', kind: 'bool' },
    { key: 'allowPregnant', label: 'Nhận phụ nữ mang thai', labelEn: 'Accept pregnant women', kind: 'bool' },
  ],
  defaults: {
    severities: [...HOME_TREATMENT_RULE.severities], minAge: HOME_TREATMENT_RULE.minAge, maxAge: HOME_TREATMENT_RULE.maxAge,
    fullyVaccinatedMaxAge: HOME_TREATMENT_RULE.fullyVaccinatedMaxAge, fullyVaccinatedDoses: HOME_TREATMENT_RULE.fullyVaccinatedDoses,
    minSpo2: HOME_TREATMENT_RULE.minSpo2, maxAdultRespiratoryRate: HOME_TREATMENT_RULE.maxAdultRespiratoryRate,
    allowStableComorbidity: HOME_TREATMENT_RULE.allowStableComorbidity, allowPregnant: HOME_TREATMENT_RULE.allowPregnant,
  },
  cross(v) {
    const p: FieldProblem[] = [];
    if (n(v, 'minAge') >= n(v, 'maxAge')) p.push({ field: 'maxAge', message: 'Tuổi tối đa phải lớn hơn tuổi tối thiểu.', messageEn: 'The maximum age must exceed the minimum age.' });
    const vaxMax = v.fullyVaccinatedMaxAge as number | null;
    if (vaxMax !== null && vaxMax < n(v, 'maxAge')) {
      p.push({ field: 'fullyVaccinatedMaxAge', message: 'Tuổi tối đa khi đã tiêm đủ liều không được nhỏ hơn tuổi tối đa chung.', messageEn: 'The vaccinated maximum age cannot be below the general one.' });
    }
    return p;
  },
  build: (v) => ({
    severities: v.severities as Severity[], minAge: n(v, 'minAge'), maxAge: n(v, 'maxAge'), fullyVaccinatedMaxAge: v.fullyVaccinatedMaxAge as number | null,
    fullyVaccinatedDoses: n(v, 'fullyVaccinatedDoses'), minSpo2: n(v, 'minSpo2'), maxAdultRespiratoryRate: n(v, 'maxAdultRespiratoryRate'),
    allowStableComorbidity: v.allowStableComorbidity as boolean, allowPregnant: v.allowPregnant as boolean,
  }),
};

// ---------------------------------------------------------------- home care

/** The breathing-rate age brackets of the guidance stay fixed; a unit sets the rate of each. */
const BREATHING_BRACKETS = [
  { key: 'fastBreathing12', fromAge: 12, label: 'Thở nhanh: từ 12 tuổi, từ', labelEn: 'Fast breathing from age 12' },
  { key: 'fastBreathing5', fromAge: 5, label: 'Thở nhanh: trẻ 5–11 tuổi, từ', labelEn: 'Fast breathing, age 5–11' },
  { key: 'fastBreathing1', fromAge: 1, label: 'Thở nhanh: trẻ 1–4 tuổi, từ', labelEn: 'Fast breathing, age 1–4' },
  { key: 'fastBreathing0', fromAge: 0, label: 'Thở nhanh: trẻ dưới 1 tuổi, từ', labelEn: 'Fast breathing, under 1' },
] as const;

const ALARMING: readonly (CareSymptom & WarningSign)[] = ['difficulty_breathing', 'chest_pain', 'confusion', 'cyanosis', 'poor_feeding', 'seizure'];

const rateAt = (fromAge: number) => HOME_CARE_RULE.fastBreathing.find((b) => b.fromAge === fromAge)?.rate ?? 20;

export const HOME_CARE_SETTINGS: RuleSetSpec<HomeCareRule> = {
  key: 'home_care',
  label: 'Theo dõi F0 tại nhà: dấu hiệu cảnh báo, lịch báo cáo, kết thúc điều trị',
  labelEn: 'Home care: warning signs, check-ins, release',
  source: 'Quyết định 4156/QĐ-BYT ngày 28/08/2021 của Bộ Y tế (Hướng dẫn chăm sóc người nhiễm COVID-19 tại nhà)',
  settings: [
    { key: 'maxSpo2ForAlert', label: 'Cảnh báo khi SpO2 từ mức này trở xuống', labelEn: 'Alert at SpO2 at or below', kind: 'int', min: 80, max: 100, suffix: '%' },
    ...BREATHING_BRACKETS.map((b): SettingSpec => ({ key: b.key, label: b.label, labelEn: b.labelEn, kind: 'int', min: 10, max: 80, suffix: 'lần/phút' })),
    { key: 'pulseAbove', label: 'Cảnh báo khi mạch trên', labelEn: 'Alert at pulse above', kind: 'int', min: 80, max: 200, suffix: 'lần/phút' },
    { key: 'pulseBelow', label: 'Cảnh báo khi mạch dưới', labelEn: 'Alert at pulse below', kind: 'int', min: 30, max: 80, suffix: 'lần/phút' },
    { key: 'systolicBelow', label: 'Cảnh báo khi huyết áp tâm thu dưới', labelEn: 'Alert at systolic pressure below', kind: 'int', min: 60, max: 130, suffix: 'mmHg' },
    { key: 'alarmingSymptoms', label: 'Triệu chứng tự nó là dấu hiệu cảnh báo', labelEn: 'Symptoms that alert on their own', kind: 'choices', options: ALARMING.map((s) => ({ value: s, label: CARE_SYMPTOM_LABELS[s] })) },
    { key: 'checkinsPerDay', label: 'Số lần báo cáo sức khỏe mỗi ngày', labelEn: 'Check-ins per day', kind: 'int', min: 1, max: 6, suffix: 'lần' },
    { key: 'graceHours', label: 'Quá hạn báo cáo sau', labelEn: 'Grace before a check-in is missed', kind: 'int', min: 0, max: 12, suffix: 'giờ' },
    { key: 'releaseMinDays', label: 'Số ngày tối thiểu trước khi kết thúc điều trị tại nhà', labelEn: 'Minimum days before release', kind: 'int', min: 1, max: 60, suffix: 'ngày' },
    { key: 'releaseNeedsNegativeTest', label: 'Cần xét nghiệm âm tính khi kết thúc', labelEn: 'Release needs a negative test', kind: 'bool' },
  ],
  defaults: {
    maxSpo2ForAlert: HOME_CARE_RULE.maxSpo2ForAlert,
    ...Object.fromEntries(BREATHING_BRACKETS.map((b) => [b.key, rateAt(b.fromAge)])),
    pulseAbove: HOME_CARE_RULE.pulseAbove, pulseBelow: HOME_CARE_RULE.pulseBelow, systolicBelow: HOME_CARE_RULE.systolicBelow,
    alarmingSymptoms: [...HOME_CARE_RULE.alarmingSymptoms], checkinsPerDay: HOME_CARE_RULE.checkinsPerDay, graceHours: HOME_CARE_RULE.graceHours,
    releaseMinDays: HOME_CARE_RULE.releaseMinDays, releaseNeedsNegativeTest: HOME_CARE_RULE.releaseNeedsNegativeTest,
  },
  cross(v) {
    const p: FieldProblem[] = [];
    if (n(v, 'pulseBelow') >= n(v, 'pulseAbove')) p.push({ field: 'pulseBelow', message: 'Ngưỡng mạch chậm phải nhỏ hơn ngưỡng mạch nhanh.', messageEn: 'The low pulse limit must be below the high one.' });
    // Younger children breathe faster: a limit below an older bracket's would alert on healthy children less than on adults.
    for (let i = 1; i < BREATHING_BRACKETS.length; i++) {
      const older = BREATHING_BRACKETS[i - 1], younger = BREATHING_BRACKETS[i];
      if (n(v, younger.key) < n(v, older.key)) {
        p.push({ field: younger.key, message: `${younger.label.replace(', từ', '')}: ngưỡng không được thấp hơn của nhóm tuổi lớn hơn (${n(v, older.key)}).`, messageEn: 'A younger bracket cannot have a lower limit than an older one.' });
      }
    }
    return p;
  },
  build: (v) => ({
    maxSpo2ForAlert: n(v, 'maxSpo2ForAlert'),
    fastBreathing: BREATHING_BRACKETS.map((b) => ({ fromAge: b.fromAge, rate: n(v, b.key) })),
    pulseAbove: n(v, 'pulseAbove'), pulseBelow: n(v, 'pulseBelow'), systolicBelow: n(v, 'systolicBelow'),
    alarmingSymptoms: v.alarmingSymptoms as (CareSymptom & WarningSign)[],
    checkinsPerDay: n(v, 'checkinsPerDay'), graceHours: n(v, 'graceHours'),
    releaseMinDays: n(v, 'releaseMinDays'), releaseNeedsNegativeTest: v.releaseNeedsNegativeTest as boolean,
  }),
};

// ---------------------------------------------------------------- contact follow-up

const C = CONTACT_FOLLOW_UP_RULE;

export const CONTACT_FOLLOW_UP_SETTINGS: RuleSetSpec<ContactFollowUpRules> = {
  key: 'contact_follow_up',
  label: 'Cách ly, theo dõi người tiếp xúc F1, F2',
  labelEn: 'Contact follow-up (F1, F2)',
  source: 'Quyết định 4800/QĐ-BYT ngày 12/10/2021 của Bộ Y tế (Hướng dẫn tạm thời chuyên môn y tế thực hiện Nghị quyết 128/NQ-CP)',
  settings: [
    { key: 'fullyVaccinatedDoses', label: 'Số mũi được coi là tiêm đủ liều', labelEn: 'Doses counted as fully vaccinated', kind: 'int', min: 1, max: 4, suffix: 'mũi' },
    { key: 'f1VaccinatedDays', label: 'F1 đã tiêm đủ liều: số ngày cách ly', labelEn: 'Vaccinated F1: quarantine days', kind: 'int', min: 1, max: 60, suffix: 'ngày' },
    { key: 'f1VaccinatedTestDays', label: 'F1 đã tiêm đủ liều: ngày xét nghiệm', labelEn: 'Vaccinated F1: test days', kind: 'days', within: 'f1VaccinatedDays' },
    { key: 'f1UnvaccinatedDays', label: 'F1 chưa tiêm đủ liều: số ngày cách ly', labelEn: 'Unvaccinated F1: quarantine days', kind: 'int', min: 1, max: 60, suffix: 'ngày' },
    { key: 'f1UnvaccinatedTestDays', label: 'F1 chưa tiêm đủ liều: ngày xét nghiệm', labelEn: 'Unvaccinated F1: test days', kind: 'days', within: 'f1UnvaccinatedDays' },
    { key: 'f2Days', label: 'F2: số ngày tự theo dõi sức khỏe', labelEn: 'F2: monitoring days', kind: 'int', min: 1, max: 60, suffix: 'ngày' },
    { key: 'f2TestDays', label: 'F2: ngày xét nghiệm', labelEn: 'F2: test days', kind: 'days', within: 'f2Days' },
    { key: 'maxExposureDaysBeforeSource', label: 'Ngày tiếp xúc cuối trước xét nghiệm của nguồn lây tối đa', labelEn: 'Longest exposure before the source test', kind: 'int', min: 1, max: 60, suffix: 'ngày' },
  ],
  defaults: {
    fullyVaccinatedDoses: C.fullyVaccinatedDoses,
    f1VaccinatedDays: C.F1.fullyVaccinated.quarantineDays, f1VaccinatedTestDays: [...C.F1.fullyVaccinated.testDays],
    f1UnvaccinatedDays: C.F1.notFullyVaccinated.quarantineDays, f1UnvaccinatedTestDays: [...C.F1.notFullyVaccinated.testDays],
    f2Days: C.F2.quarantineDays, f2TestDays: [...C.F2.testDays], maxExposureDaysBeforeSource: C.maxExposureDaysBeforeSource,
  },
  cross: () => [],
  build: (v) => ({
    fullyVaccinatedDoses: n(v, 'fullyVaccinatedDoses'),
    F1: {
      fullyVaccinated: named(C.F1.fullyVaccinated, 'F1 đã tiêm đủ liều', 'cách ly tại nhà', n(v, 'f1VaccinatedDays'), days(v, 'f1VaccinatedTestDays')),
      notFullyVaccinated: named(C.F1.notFullyVaccinated, 'F1 chưa tiêm đủ liều', 'cách ly', n(v, 'f1UnvaccinatedDays'), days(v, 'f1UnvaccinatedTestDays')),
    },
    F2: named(C.F2, 'F2', 'tự theo dõi sức khỏe', n(v, 'f2Days'), days(v, 'f2TestDays')),
    maxExposureDaysBeforeSource: n(v, 'maxExposureDaysBeforeSource'),
  }),
};

// ---------------------------------------------------------------- quarantine

const Q = QUARANTINE_RULES;
const Q_REASONS = [
  { key: 'f2', label: 'F2', what: 'cách ly' },
  { key: 'arrival', label: 'Người về từ vùng dịch', what: 'cách ly' },
  { key: 'f0_released', label: 'F0 ra viện', what: 'tự theo dõi, cách ly tại nhà' },
  { key: 'other', label: 'Lý do khác', what: 'cách ly' },
] as const;
const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** F1 in quarantine follow the contact follow-up rule set, so the two never disagree; this one holds the other reasons. */
export const QUARANTINE_SETTINGS: RuleSetSpec<QuarantineRules> = {
  key: 'quarantine',
  label: 'Thời gian cách ly theo đối tượng (ngoài F1) và ngưỡng quá tải khu cách ly',
  labelEn: 'Quarantine durations (other than F1) and facility overload',
  source: 'Quyết định 4800/QĐ-BYT ngày 12/10/2021 của Bộ Y tế; F0 ra viện tự theo dõi 7 ngày theo hướng dẫn xuất viện của Bộ Y tế năm 2021',
  settings: [
    ...Q_REASONS.flatMap((r): SettingSpec[] => [
      { key: `${camel(r.key)}Days`, label: `${r.label}: số ngày cách ly`, labelEn: `${r.key}: quarantine days`, kind: 'int', min: 1, max: 60, suffix: 'ngày' },
      { key: `${camel(r.key)}TestDays`, label: `${r.label}: ngày xét nghiệm`, labelEn: `${r.key}: test days`, kind: 'days', within: `${camel(r.key)}Days` },
    ]),
    { key: 'overloadPct', label: 'Cảnh báo quá tải khu cách ly mới khi giường dùng từ', labelEn: 'Default overload threshold of a new facility', kind: 'int', min: 50, max: 100, suffix: '%' },
  ],
  defaults: {
    ...Object.fromEntries(Q_REASONS.flatMap((r) => [[`${camel(r.key)}Days`, Q[r.key].quarantineDays], [`${camel(r.key)}TestDays`, [...Q[r.key].testDays]]])),
    overloadPct: Q.defaultOverloadPct,
  },
  cross: () => [],
  build: (v) => {
    const rule = (r: (typeof Q_REASONS)[number]) => named(Q[r.key], r.label, r.what, n(v, `${camel(r.key)}Days`), days(v, `${camel(r.key)}TestDays`));
    return { ...Q, f2: rule(Q_REASONS[0]), arrival: rule(Q_REASONS[1]), f0_released: rule(Q_REASONS[2]), other: rule(Q_REASONS[3]), defaultOverloadPct: n(v, 'overloadPct') };
  },
};

/** Quarantine of an F1 follows the F1 contact rule in force in the same place. */
export function withContactRule(q: QuarantineRules, c: ContactFollowUpRules): QuarantineRules {
  return { ...q, f1: c.F1, fullyVaccinatedDoses: c.fullyVaccinatedDoses };
}

export interface RuleTypes {
  home_treatment: HomeTreatmentRule;
  home_care: HomeCareRule;
  contact_follow_up: ContactFollowUpRules;
  quarantine: QuarantineRules;
}

export const RULE_SETS: { [K in RuleKey]: RuleSetSpec<RuleTypes[K]> } = {
  home_treatment: HOME_TREATMENT_SETTINGS,
  home_care: HOME_CARE_SETTINGS,
  contact_follow_up: CONTACT_FOLLOW_UP_SETTINGS,
  quarantine: QUARANTINE_SETTINGS,
};

export function isRuleKey(key: string): key is RuleKey {
  return (RULE_KEYS as readonly string[]).includes(key);
}

// ---------------------------------------------------------------- checking, merging, showing

/** Values of `override` laid over `base`; keys the rule set does not know are ignored. */
export function mergeRule(base: RuleValues, override: Partial<RuleValues> | null | undefined): RuleValues {
  const out: RuleValues = { ...base };
  for (const [k, v] of Object.entries(override ?? {})) if (k in base && v !== undefined) out[k] = v;
  return out;
}

function checkValue(s: SettingSpec, v: unknown): FieldProblem | null {
  const bad = (message: string, messageEn: string): FieldProblem => ({ field: s.key, message: `${s.label}: ${message}`, messageEn: `${s.labelEn}: ${messageEn}` });
  switch (s.kind) {
    case 'int':
      if (v === null && s.nullable) return null;
      if (typeof v !== 'number' || !Number.isInteger(v) || v < s.min! || v > s.max!) {
        return bad(`phải là số nguyên từ ${s.min} đến ${s.max}${s.suffix && s.suffix !== '%' ? ` ${s.suffix}` : s.suffix ?? ''}.`, `must be a whole number from ${s.min} to ${s.max}.`);
      }
      return null;
    case 'bool':
      return typeof v === 'boolean' ? null : bad('phải là có hoặc không.', 'must be true or false.');
    case 'choices': {
      const allowed = (s.options ?? []).map((o) => o.value);
      if (!Array.isArray(v) || v.length === 0 || v.some((x) => typeof x !== 'string' || !allowed.includes(x)) || new Set(v).size !== v.length) {
        return bad(`chọn ít nhất một trong: ${(s.options ?? []).map((o) => o.label).join(', ')}.`, `choose one or more of ${allowed.join(', ')}.`);
      }
      return null;
    }
    case 'days':
      if (!Array.isArray(v) || v.length > 20 || v.some((x) => typeof x !== 'number' || !Number.isInteger(x) || x < 1 || x > 60)) {
        return bad('mỗi ngày xét nghiệm là số nguyên từ 1 đến 60.', 'each test day must be a whole number from 1 to 60.');
      }
      if ((v as number[]).some((x, i) => i > 0 && x <= (v as number[])[i - 1])) return bad('các ngày xét nghiệm phải tăng dần, không lặp lại.', 'test days must be ascending without repeats.');
      return null;
  }
}

/**
 * Problems of an override laid over `base` (what applies without it): unknown settings, values out of
 * range, test days after the quarantine ends, values that contradict each other. Fields are setting keys.
 */
export function checkOverride(key: RuleKey, override: Record<string, unknown>, base: RuleValues = RULE_SETS[key].defaults): FieldProblem[] {
  const spec = RULE_SETS[key];
  const problems: FieldProblem[] = [];
  const known = new Map(spec.settings.map((s) => [s.key, s]));
  for (const k of Object.keys(override)) {
    if (!known.has(k)) problems.push({ field: k, message: `"${k}" không phải một giá trị của ${spec.label.toLowerCase()}.`, messageEn: `"${k}" is not a setting of ${spec.labelEn}.` });
  }
  if (Object.keys(override).length === 0) {
    problems.push({ field: 'overrides', message: 'Hãy thay đổi ít nhất một giá trị (hoặc trở về mặc định).', messageEn: 'Change at least one value (or return to the default).' });
  }
  for (const [k, v] of Object.entries(override)) {
    const s = known.get(k);
    const p = s && checkValue(s, v);
    if (p) problems.push(p);
  }
  if (problems.length) return problems;
  const merged = mergeRule(base, override as Partial<RuleValues>);
  for (const s of spec.settings) {
    if (s.kind !== 'days' || !s.within) continue;
    const limit = merged[s.within] as number;
    const late = (merged[s.key] as number[]).filter((d) => d > limit);
    if (late.length) {
      problems.push({
        field: s.key in override ? s.key : s.within,
        message: `${s.label}: ${dayList(late)} nằm sau thời gian cách ly (${limit} ngày).`,
        messageEn: `${s.labelEn}: day ${late.join(', ')} falls after the ${limit} days.`,
      });
    }
  }
  return [...problems, ...spec.cross(merged)];
}

/** The rule object of a rule set from its values. */
export function buildRule<K extends RuleKey>(key: K, values: RuleValues): RuleTypes[K] {
  return RULE_SETS[key].build(values) as RuleTypes[K];
}

const SEVERITY_SET = new Set<string>(SEVERITIES);

/** A value as an official reads it: "7 ngày", "ngày 1 và ngày 7", "Có". */
export function formatSetting(s: SettingSpec, v: SettingValue): string {
  if (v === null) return 'Không áp dụng';
  if (s.kind === 'bool') return v ? 'Có' : 'Không';
  if (s.kind === 'days') return (v as number[]).length ? dayList(v as number[]) : 'Không xét nghiệm';
  if (s.kind === 'choices') {
    return (v as string[]).map((x) => s.options?.find((o) => o.value === x)?.label ?? (SEVERITY_SET.has(x) ? SEVERITY_LABELS[x as Severity] : x)).join(', ');
  }
  return s.suffix ? `${v}${s.suffix === '%' ? ' %' : ` ${s.suffix}`}` : String(v);
}
