import { daysBetween, isIsoDate } from './arrivals.js';
import { ageOn, type FieldProblem } from './people.js';

/** F0 cases: confirmation, clinical severity, care places, outcomes. Dates are ISO yyyy-mm-dd in Vietnam. */

export const TEST_TYPES = ['rt_pcr', 'rapid_antigen'] as const;
export type TestType = (typeof TEST_TYPES)[number];
export const TEST_TYPE_LABELS: Record<TestType, string> = { rt_pcr: 'RT-PCR', rapid_antigen: 'Test nhanh kháng nguyên' };

/** Where the case was found: the epidemic-level rules count community cases only. */
export const DETECTION_SETTINGS = ['community', 'quarantine', 'lockdown'] as const;
export type DetectionSetting = (typeof DETECTION_SETTINGS)[number];
export const DETECTION_SETTING_LABELS: Record<DetectionSetting, string> = {
  community: 'Trong cộng đồng', quarantine: 'Trong khu cách ly', lockdown: 'Trong khu phong tỏa',
};

export const SEVERITIES = ['asymptomatic', 'mild', 'moderate', 'severe', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SEVERITY_LABELS: Record<Severity, string> = {
  asymptomatic: 'Không triệu chứng', mild: 'Nhẹ', moderate: 'Trung bình', severe: 'Nặng', critical: 'Nguy kịch',
};

export const CARE_PLACES = ['home', 'community_care', 'facility_t1', 'facility_t2', 'facility_t3_icu', 'hospital_upper'] as const;
export type CarePlace = (typeof CARE_PLACES)[number];
export const CARE_PLACE_LABELS: Record<CarePlace, string> = {
  home: 'Tại nhà',
  community_care: 'Tổ chăm sóc người nhiễm cộng đồng',
  facility_t1: 'Cơ sở thu dung, điều trị tầng 1',
  facility_t2: 'Cơ sở điều trị tầng 2',
  facility_t3_icu: 'Cơ sở điều trị tầng 3 (hồi sức tích cực)',
  hospital_upper: 'Bệnh viện tuyến trên',
};

export const CASE_STATUSES = ['active', 'recovered', 'died', 'transferred_out'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  active: 'Đang điều trị', recovered: 'Khỏi bệnh, ra viện', died: 'Tử vong', transferred_out: 'Chuyển khỏi địa bàn',
};

export const DEATH_PLACES = ['home', 'facility', 'hospital', 'on_the_way', 'other'] as const;
export type DeathPlace = (typeof DEATH_PLACES)[number];
export const DEATH_PLACE_LABELS: Record<DeathPlace, string> = {
  home: 'Tại nhà', facility: 'Tại cơ sở thu dung, điều trị', hospital: 'Tại bệnh viện', on_the_way: 'Trên đường chuyển viện', other: 'Nơi khác',
};

export const TEST_RESULTS_AT_DISCHARGE = ['negative', 'positive_low_load'] as const;
export type DischargeTestResult = (typeof TEST_RESULTS_AT_DISCHARGE)[number];
export const DISCHARGE_TEST_LABELS: Record<DischargeTestResult, string> = { negative: 'Âm tính', positive_low_load: 'Dương tính, tải lượng vi rút thấp' };

/**
 * The case rules a province may set differently. One object, so that no figure is repeated in code.
 *
 * Care places follow the three-tier treatment model of 2021: asymptomatic and mild cases at home or
 * in a tier-1 facility, moderate in tier 2, severe and critical in tier 3 (ICU) or an upper hospital.
 * The Bình Dương office (seed 003, 13/08/2021) orders F0 isolated at home "when eligible" and severe
 * cases moved upward; Tuy Phong (seed 001, 30/11/2021) treats asymptomatic/mild F0 at home.
 */
export const CASE_RULES = {
  /** Places where nobody watches the patient round the clock. */
  homePlaces: ['home', 'community_care'] as readonly CarePlace[],
  /** A case this severe may not stay in a home place: it must be transferred first. */
  facilityOnlySeverities: ['severe', 'critical'] as readonly Severity[],
  /** Where a new case goes by default when it is not eligible for home treatment. */
  facilityBySeverity: {
    asymptomatic: 'facility_t1', mild: 'facility_t1', moderate: 'facility_t2', severe: 'facility_t3_icu', critical: 'facility_t3_icu',
  } as Record<Severity, CarePlace>,
  /**
   * A positive test this soon after a discharge belongs to the same episode (lingering virus),
   * not a new infection; 90 days is the usual reinfection window.
   */
  reinfectionAfterDays: 90,
  maxVaccinationDoses: 4,
} as const;

/**
 * Home-treatment criteria, defaults of the Ministry of Health home-care guidance of 2021
 * (Hướng dẫn chăm sóc người nhiễm COVID-19 tại nhà, Quyết định 4156/QĐ-BYT, 28/08/2021): no or mild
 * symptoms, no respiratory distress (SpO2 ≥ 96 % on room air, breathing rate below 20/min in adults),
 * over 1 and at most 50 years old, no comorbidity or one under stable treatment, not pregnant.
 * Provinces relaxed the age limit for fully vaccinated people as vaccination progressed; that
 * relaxation is a setting here (`fullyVaccinatedMaxAge`, null to switch it off).
 */
export interface HomeTreatmentRule {
  severities: readonly Severity[];
  minAge: number;
  maxAge: number;
  fullyVaccinatedMaxAge: number | null;
  fullyVaccinatedDoses: number;
  minSpo2: number;
  maxAdultRespiratoryRate: number;
  allowStableComorbidity: boolean;
  allowPregnant: boolean;
}

export const HOME_TREATMENT_RULE: HomeTreatmentRule = {
  severities: ['asymptomatic', 'mild'],
  minAge: 1,
  maxAge: 50,
  fullyVaccinatedMaxAge: 65,
  fullyVaccinatedDoses: 2,
  minSpo2: 96,
  maxAdultRespiratoryRate: 20,
  allowStableComorbidity: true,
  allowPregnant: false,
};

export interface CaseDates {
  onsetDate?: string | null;
  testDate: string;
  dischargeDate?: string | null;
  dischargeTestDate?: string | null;
  deathDate?: string | null;
  transferDate?: string | null;
}

const DATE_LABELS: Record<keyof CaseDates, [string, string]> = {
  onsetDate: ['Ngày khởi phát', 'Onset date'],
  testDate: ['Ngày xét nghiệm khẳng định', 'Test date'],
  dischargeDate: ['Ngày khỏi bệnh, ra viện', 'Discharge date'],
  dischargeTestDate: ['Ngày xét nghiệm khi ra viện', 'Discharge test date'],
  deathDate: ['Ngày tử vong', 'Death date'],
  transferDate: ['Ngày chuyển khỏi địa bàn', 'Transfer date'],
};

/**
 * Dates of a case in their natural order: onset ≤ test ≤ discharge, discharge test between the
 * test and the discharge, death not before onset (a test may follow a death), nothing in the future.
 */
export function checkCaseDates(d: CaseDates, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string, messageEn: string) => problems.push({ field, message, messageEn });
  const valid: Partial<Record<keyof CaseDates, string>> = {};
  for (const key of Object.keys(DATE_LABELS) as (keyof CaseDates)[]) {
    const v = d[key];
    if (v == null) continue;
    const [vi, en] = DATE_LABELS[key];
    if (!isIsoDate(v)) add(key, `${vi} "${v}" không phải ngày có thật.`, `${en} is not a real date.`);
    else if (v > today) add(key, `${vi} không thể ở tương lai.`, `${en} is in the future.`);
    else valid[key] = v;
  }
  const { onsetDate: onset, testDate: test, dischargeDate: discharge, dischargeTestDate: dTest, deathDate: death, transferDate: transfer } = valid;
  if (onset && test && onset > test) add('onsetDate', 'Ngày khởi phát sau ngày xét nghiệm khẳng định.', 'Onset is after the confirming test.');
  if (discharge && test && discharge < test) add('dischargeDate', 'Ngày ra viện trước ngày xét nghiệm khẳng định.', 'Discharge is before the confirming test.');
  if (dTest && test && dTest < test) add('dischargeTestDate', 'Xét nghiệm khi ra viện trước xét nghiệm khẳng định.', 'The discharge test is before the confirming test.');
  if (dTest && discharge && dTest > discharge) add('dischargeTestDate', 'Xét nghiệm khi ra viện sau ngày ra viện.', 'The discharge test is after the discharge.');
  if (death && onset && death < onset) add('deathDate', 'Ngày tử vong trước ngày khởi phát.', 'Death is before onset.');
  if (transfer && test && transfer < test) add('transferDate', 'Ngày chuyển đi trước ngày xét nghiệm khẳng định.', 'The transfer is before the confirming test.');
  return problems;
}

export interface CaseOutcome {
  status: CaseStatus;
  dischargeDate?: string | null;
  dischargeTestType?: string | null;
  dischargeTestDate?: string | null;
  deathDate?: string | null;
  deathPlace?: string | null;
  transferDate?: string | null;
  transferTo?: string | null;
}

/** What each outcome must say; the dates' order is checked by checkCaseDates. */
export function checkOutcome(o: CaseOutcome): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string, messageEn: string) => problems.push({ field, message, messageEn });
  if (o.status === 'recovered') {
    if (!o.dischargeDate) add('dischargeDate', 'Hãy ghi ngày khỏi bệnh, ra viện.', 'The discharge date is required.');
    if (o.dischargeTestDate && !o.dischargeTestType) add('dischargeTestType', 'Hãy ghi loại xét nghiệm khi ra viện.', 'The discharge test type is required.');
  }
  if (o.status === 'died') {
    if (!o.deathDate) add('deathDate', 'Hãy ghi ngày tử vong.', 'The date of death is required.');
    if (!o.deathPlace) add('deathPlace', 'Hãy ghi nơi tử vong.', 'The place of death is required.');
  }
  if (o.status === 'transferred_out') {
    if (!o.transferDate) add('transferDate', 'Hãy ghi ngày chuyển khỏi địa bàn.', 'The transfer date is required.');
    if (!o.transferTo?.trim()) add('transferTo', 'Hãy ghi nơi chuyển đến.', 'Where the case went is required.');
  }
  return problems;
}

/** The day an episode stopped being active, from its outcome. */
export function outcomeDate(o: CaseOutcome): string | null {
  if (o.status === 'recovered') return o.dischargeDate ?? null;
  if (o.status === 'died') return o.deathDate ?? null;
  if (o.status === 'transferred_out') return o.transferDate ?? null;
  return null;
}

/** Severe and critical patients are not left at home: they are transferred first (or in the same step). */
export function checkSeverityPlace(severity: Severity, place: CarePlace, field: 'carePlace' | 'severity' = 'carePlace'): FieldProblem[] {
  if (!CASE_RULES.facilityOnlySeverities.includes(severity) || !CASE_RULES.homePlaces.includes(place)) return [];
  return [{
    field,
    message: `Ca bệnh mức độ ${SEVERITY_LABELS[severity].toLowerCase()} không được để ${CARE_PLACE_LABELS[place].toLowerCase()}: hãy ghi chuyển lên cơ sở điều trị.`,
    messageEn: `A ${severity} case cannot stay ${place === 'home' ? 'at home' : 'with the community care team'}: record a transfer to a treatment facility.`,
  }];
}

export interface EpisodeRecord {
  id: number;
  status: CaseStatus;
  testDate: string;
  dischargeDate: string | null;
}

/**
 * Refuses a second F0 episode for a person who already has one active, or whose last episode
 * ended so recently that a new positive test is the same infection.
 */
export function duplicateEpisode(existing: readonly EpisodeRecord[], testDate: string, rules = CASE_RULES): { episode: EpisodeRecord; problem: FieldProblem } | null {
  const active = existing.find((e) => e.status === 'active');
  if (active) {
    return { episode: active, problem: { field: 'personId', message: 'Người này đang là F0 (ca bệnh chưa kết thúc); không ghi trùng ca bệnh.', messageEn: 'This person already has an active F0 episode.' } };
  }
  const recent = existing.find((e) => e.status === 'recovered' && e.dischargeDate && e.dischargeDate <= testDate && daysBetween(e.dischargeDate, testDate) < rules.reinfectionAfterDays);
  if (recent) {
    return {
      episode: recent,
      problem: {
        field: 'testDate',
        message: `Người này khỏi bệnh chưa đến ${rules.reinfectionAfterDays} ngày; xét nghiệm dương tính lúc này thuộc cùng đợt bệnh, không phải ca mới.`,
        messageEn: `Less than ${rules.reinfectionAfterDays} days since recovery: the same episode, not a new case.`,
      },
    };
  }
  return null;
}

export interface EligibilityFacts {
  severity: Severity;
  /** On the test date; null when the birth date and year are unknown. */
  age: number | null;
  comorbidity: boolean;
  comorbidityStable: boolean;
  pregnant: boolean;
  vaccinationDoses: number;
  spo2: number | null;
  respiratoryRate: number | null;
}

export type EligibilityCriterion = 'severity' | 'age' | 'comorbidity' | 'pregnancy' | 'spo2' | 'respiratoryRate';

export interface EligibilityReason {
  criterion: EligibilityCriterion;
  /** met: fits home treatment; unmet: rules it out; unknown: not recorded yet, to be checked. */
  outcome: 'met' | 'unmet' | 'unknown';
  message: string;
  messageEn: string;
}

export interface Eligibility {
  /** Every criterion is met; unknown facts leave it false with the reasons saying what is missing. */
  eligible: boolean;
  reasons: EligibilityReason[];
}

export function ageOnTest(testDate: string, dateOfBirth: string | null, birthYear: number | null): number | null {
  return ageOn(testDate, dateOfBirth, birthYear);
}

/** Whether a case may be treated at home, with one reason per criterion of the rule. */
export function homeTreatmentEligibility(f: EligibilityFacts, rule: HomeTreatmentRule = HOME_TREATMENT_RULE): Eligibility {
  const reasons: EligibilityReason[] = [];
  const push = (criterion: EligibilityCriterion, outcome: EligibilityReason['outcome'], message: string, messageEn: string) =>
    reasons.push({ criterion, outcome, message, messageEn });

  if (rule.severities.includes(f.severity)) push('severity', 'met', `Mức độ ${SEVERITY_LABELS[f.severity].toLowerCase()}.`, `Severity ${f.severity}.`);
  else push('severity', 'unmet', `Mức độ ${SEVERITY_LABELS[f.severity].toLowerCase()}: chỉ điều trị tại nhà ca không triệu chứng hoặc nhẹ.`, 'Only asymptomatic or mild cases are treated at home.');

  const vaccinated = f.vaccinationDoses >= rule.fullyVaccinatedDoses;
  const maxAge = vaccinated && rule.fullyVaccinatedMaxAge !== null ? Math.max(rule.maxAge, rule.fullyVaccinatedMaxAge) : rule.maxAge;
  if (f.age === null) push('age', 'unknown', 'Chưa rõ tuổi (thiếu ngày/năm sinh).', 'Age unknown.');
  else if (f.age < rule.minAge) push('age', 'unmet', `${f.age} tuổi: dưới ${rule.minAge} tuổi không điều trị tại nhà.`, `Under ${rule.minAge} years old.`);
  else if (f.age > maxAge) {
    push('age', 'unmet', vaccinated || rule.fullyVaccinatedMaxAge === null
      ? `${f.age} tuổi: quá ${maxAge} tuổi.`
      : `${f.age} tuổi: quá ${rule.maxAge} tuổi và chưa tiêm đủ ${rule.fullyVaccinatedDoses} mũi vắc xin (đủ mũi thì đến ${rule.fullyVaccinatedMaxAge} tuổi).`,
    `${f.age} years old: over ${maxAge}.`);
  } else push('age', 'met', `${f.age} tuổi${f.age > rule.maxAge ? `, đã tiêm đủ ${rule.fullyVaccinatedDoses} mũi` : ''}.`, `${f.age} years old.`);

  if (!f.comorbidity) push('comorbidity', 'met', 'Không có bệnh nền.', 'No comorbidity.');
  else if (f.comorbidityStable && rule.allowStableComorbidity) push('comorbidity', 'met', 'Có bệnh nền đang điều trị ổn định.', 'Comorbidity under stable treatment.');
  else push('comorbidity', 'unmet', 'Có bệnh nền chưa ổn định.', 'Comorbidity not under stable treatment.');

  if (f.pregnant && !rule.allowPregnant) push('pregnancy', 'unmet', 'Đang mang thai.', 'Pregnant.');
  else push('pregnancy', 'met', f.pregnant ? 'Đang mang thai (được phép theo quy định).' : 'Không mang thai.', f.pregnant ? 'Pregnant (allowed).' : 'Not pregnant.');

  if (f.spo2 === null) push('spo2', 'unknown', 'Chưa đo SpO2.', 'SpO2 not measured.');
  else if (f.spo2 >= rule.minSpo2) push('spo2', 'met', `SpO2 ${f.spo2} %.`, `SpO2 ${f.spo2} %.`);
  else push('spo2', 'unmet', `SpO2 ${f.spo2} % (dưới ${rule.minSpo2} %).`, `SpO2 ${f.spo2} % is below ${rule.minSpo2} %.`);

  // The breathing-rate limit is an adult figure; children's limits depend on age and are left to the doctor.
  if (f.respiratoryRate !== null && (f.age === null || f.age >= 18)) {
    if (f.respiratoryRate < rule.maxAdultRespiratoryRate) push('respiratoryRate', 'met', `Nhịp thở ${f.respiratoryRate} lần/phút.`, `Breathing rate ${f.respiratoryRate}/min.`);
    else push('respiratoryRate', 'unmet', `Nhịp thở ${f.respiratoryRate} lần/phút (từ ${rule.maxAdultRespiratoryRate} trở lên).`, `Breathing rate ${f.respiratoryRate}/min is ${rule.maxAdultRespiratoryRate} or more.`);
  }
  return { eligible: reasons.every((r) => r.outcome === 'met'), reasons };
}

/** Home when eligible, else the facility tier of the severity. */
export function suggestedCarePlace(severity: Severity, eligibility: Eligibility): CarePlace {
  return eligibility.eligible ? 'home' : CASE_RULES.facilityBySeverity[severity];
}
