import { daysBetween, isIsoDate } from './arrivals.js';
import type { FieldProblem } from './people.js';

/** F0 cared for at home: warning signs in a check-in, the check-in schedule, release from home care. */

export const CARE_SYMPTOMS = [
  'fever', 'cough', 'sore_throat', 'fatigue', 'loss_of_smell', 'headache', 'muscle_ache', 'diarrhea',
  'difficulty_breathing', 'chest_pain', 'confusion', 'cyanosis', 'poor_feeding', 'seizure',
] as const;
export type CareSymptom = (typeof CARE_SYMPTOMS)[number];
export const CARE_SYMPTOM_LABELS: Record<CareSymptom, string> = {
  fever: 'Sốt', cough: 'Ho', sore_throat: 'Đau họng', fatigue: 'Mệt mỏi', loss_of_smell: 'Mất khứu giác, vị giác', headache: 'Đau đầu',
  muscle_ache: 'Đau mỏi cơ', diarrhea: 'Tiêu chảy', difficulty_breathing: 'Khó thở, thở hụt hơi', chest_pain: 'Đau tức ngực',
  confusion: 'Lú lẫn, lơ mơ, li bì', cyanosis: 'Tím môi, tím đầu chi', poor_feeding: 'Không uống được, bú kém, nôn (trẻ em)', seizure: 'Co giật',
};

export const WARNING_SIGNS = ['low_spo2', 'fast_breathing', 'abnormal_pulse', 'low_blood_pressure', 'difficulty_breathing', 'chest_pain', 'confusion', 'cyanosis', 'poor_feeding', 'seizure'] as const;
export type WarningSign = (typeof WARNING_SIGNS)[number];
export const WARNING_SIGN_LABELS: Record<WarningSign, string> = {
  low_spo2: 'SpO2 thấp', fast_breathing: 'Thở nhanh', abnormal_pulse: 'Mạch quá nhanh hoặc quá chậm', low_blood_pressure: 'Huyết áp thấp',
  difficulty_breathing: 'Khó thở', chest_pain: 'Đau tức ngực', confusion: 'Thay đổi ý thức', cyanosis: 'Tím tái', poor_feeding: 'Trẻ không uống được, bú kém', seizure: 'Co giật',
};

export const ALERT_ACTIONS = ['transfer', 'visit', 'other'] as const;
export type AlertAction = (typeof ALERT_ACTIONS)[number];
export const ALERT_ACTION_LABELS: Record<AlertAction, string> = { transfer: 'Chuyển cơ sở điều trị', visit: 'Đến khám tại nhà', other: 'Xử lý khác' };

/**
 * The home-care rule set, defaults from the Ministry of Health guidance for caring for people with
 * COVID-19 at home (Quyết định 4156/QĐ-BYT, 28/08/2021): report to the care team at once on SpO2 ≤ 95 %,
 * fast breathing (adults ≥ 20/min, the limit the home-treatment criteria in cases.ts already use;
 * children by age), pulse > 120 or < 50, systolic pressure < 90 mmHg, difficulty breathing, chest pain,
 * changed consciousness, cyanosis, a child who cannot drink. Check-ins are twice a day; release after
 * the days of isolation with a negative test. One object so a province can set its own figures.
 */
export interface HomeCareRule {
  maxSpo2ForAlert: number;
  /** Breathing rate at or above which a person of at least `fromAge` years breathes too fast; first match from the top. */
  fastBreathing: readonly { fromAge: number; rate: number }[];
  pulseAbove: number;
  pulseBelow: number;
  systolicBelow: number;
  /** Symptoms that are warning signs on their own. */
  alarmingSymptoms: readonly (CareSymptom & WarningSign)[];
  checkinsPerDay: number;
  /** Hours after a check-in was due before it counts as missed. */
  graceHours: number;
  releaseMinDays: number;
  releaseNeedsNegativeTest: boolean;
}

export const HOME_CARE_RULE: HomeCareRule = {
  maxSpo2ForAlert: 95,
  fastBreathing: [{ fromAge: 12, rate: 20 }, { fromAge: 5, rate: 30 }, { fromAge: 1, rate: 40 }, { fromAge: 0, rate: 50 }],
  pulseAbove: 120,
  pulseBelow: 50,
  systolicBelow: 90,
  alarmingSymptoms: ['difficulty_breathing', 'chest_pain', 'confusion', 'cyanosis', 'poor_feeding', 'seizure'],
  checkinsPerDay: 2,
  graceHours: 2,
  releaseMinDays: 10,
  releaseNeedsNegativeTest: true,
};

export interface CheckinValues {
  spo2?: number | null;
  respiratoryRate?: number | null;
  pulse?: number | null;
  systolic?: number | null;
  symptoms?: readonly CareSymptom[];
}

/** The warning signs in one check-in; `age` null counts as an adult (the common case at home). */
export function warningSigns(v: CheckinValues, age: number | null, rule: HomeCareRule = HOME_CARE_RULE): WarningSign[] {
  const signs: WarningSign[] = [];
  if (v.spo2 != null && v.spo2 <= rule.maxSpo2ForAlert) signs.push('low_spo2');
  const limit = rule.fastBreathing.find((b) => (age ?? 99) >= b.fromAge)?.rate;
  if (v.respiratoryRate != null && limit !== undefined && v.respiratoryRate >= limit) signs.push('fast_breathing');
  if (v.pulse != null && (v.pulse > rule.pulseAbove || v.pulse < rule.pulseBelow)) signs.push('abnormal_pulse');
  if (v.systolic != null && v.systolic < rule.systolicBelow) signs.push('low_blood_pressure');
  for (const s of rule.alarmingSymptoms) if (v.symptoms?.includes(s)) signs.push(s);
  return signs;
}

/** When the next check-in is missed: interval after the last one (or the start of home care), plus grace. */
export function checkinOverdueAt(lastAt: string, rule: HomeCareRule = HOME_CARE_RULE): string {
  const hours = 24 / rule.checkinsPerDay + rule.graceHours;
  return new Date(Date.parse(lastAt) + hours * 3_600_000).toISOString();
}

export function isCheckinOverdue(lastAt: string, now: string, rule: HomeCareRule = HOME_CARE_RULE): boolean {
  return checkinOverdueAt(lastAt, rule) < now;
}

export interface ReleaseFacts {
  testDate: string;
  releaseDate: string;
  negativeTestDate?: string | null;
  openAlerts: number;
}

export interface ReleaseDecision {
  releasable: boolean;
  daysSincePositive: number;
  problems: FieldProblem[];
}

/** Release from home care: enough days since the positive test, a negative test after it, no warning sign left open. */
export function homeCareRelease(f: ReleaseFacts, today: string, rule: HomeCareRule = HOME_CARE_RULE): ReleaseDecision {
  const problems: FieldProblem[] = [];
  const days = isIsoDate(f.releaseDate) ? daysBetween(f.testDate, f.releaseDate) : 0;
  if (!isIsoDate(f.releaseDate) || f.releaseDate > today) {
    problems.push({ field: 'date', message: 'Ngày kết thúc điều trị tại nhà không hợp lệ hoặc ở tương lai.', messageEn: 'The release date is invalid or in the future.' });
  } else if (days < rule.releaseMinDays) {
    problems.push({
      field: 'date', message: `Mới ${days} ngày kể từ ngày xét nghiệm dương tính; cần đủ ${rule.releaseMinDays} ngày.`,
      messageEn: `Only ${days} days since the positive test; ${rule.releaseMinDays} are required.`,
    });
  }
  if (rule.releaseNeedsNegativeTest) {
    const t = f.negativeTestDate;
    if (!t) problems.push({ field: 'negativeTestDate', message: 'Cần kết quả xét nghiệm âm tính trước khi kết thúc điều trị tại nhà.', messageEn: 'A negative test is required.' });
    else if (!isIsoDate(t) || t <= f.testDate || t > f.releaseDate) {
      problems.push({ field: 'negativeTestDate', message: 'Ngày xét nghiệm âm tính phải sau ngày xét nghiệm dương tính và không sau ngày kết thúc.', messageEn: 'The negative test must fall after the positive test and not after the release.' });
    }
  }
  if (f.openAlerts > 0) {
    problems.push({ field: 'alerts', message: 'Còn dấu hiệu cảnh báo chưa được xử lý; hãy xử lý trước khi kết thúc.', messageEn: 'Open warning-sign alerts must be handled first.' });
  }
  return { releasable: problems.length === 0, daysSincePositive: days, problems };
}
