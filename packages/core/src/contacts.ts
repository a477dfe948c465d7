import { daysBetween, isIsoDate, planObligation, type ObligationRule, type TestDue } from './arrivals.js';
import type { FieldProblem } from './people.js';

/** Contacts of cases: F1 (contact of an F0) and F2 (contact of an F1), their follow-up and promotion to F0. */

export const CONTACT_LEVELS = ['F1', 'F2'] as const;
export type ContactLevel = (typeof CONTACT_LEVELS)[number];

export const CONTACT_RELATIONS = ['household', 'workplace', 'neighbour', 'travel', 'event', 'other'] as const;
export type ContactRelation = (typeof CONTACT_RELATIONS)[number];
export const CONTACT_RELATION_LABELS: Record<ContactRelation, string> = {
  household: 'Cùng hộ gia đình', workplace: 'Nơi làm việc', neighbour: 'Hàng xóm', travel: 'Cùng chuyến đi', event: 'Cùng sự kiện, nơi đông người', other: 'Khác',
};

export const CONTACT_STATUSES = ['monitoring', 'released', 'promoted', 'cancelled'] as const;
export type ContactStatus = (typeof CONTACT_STATUSES)[number];
export const CONTACT_STATUS_LABELS: Record<ContactStatus, string> = {
  monitoring: 'Đang cách ly, theo dõi', released: 'Đã hết thời gian theo dõi', promoted: 'Đã thành F0', cancelled: 'Đã hủy (ghi nhầm)',
};

export interface ContactFollowUpRule extends ObligationRule {
  name: string;
}

export interface NamedFollowUp { name: string; quarantineDays: number; testDays: readonly number[] }

export interface ContactFollowUpRules {
  fullyVaccinatedDoses: number;
  F1: { fullyVaccinated: NamedFollowUp; notFullyVaccinated: NamedFollowUp };
  F2: NamedFollowUp;
  maxExposureDaysBeforeSource: number;
}

/**
 * Follow-up of contacts, counted from the last exposure (day 1). Defaults of the rules in force in
 * late 2021, when the seed directives were written: Tuy Phong (seed 001, 30/11/2021) quarantines F1
 * at home under the provincial plan (Công văn 4577 of 29/11/2021 amending Phương án 4228/PA-BCĐ);
 * Bắc Yên (seed 002) keeps F1 and F2 apart in quarantine; Điện Biên (seed 004, 02/11/2021) works
 * under Quyết định 4800/QĐ-BYT of 12/10/2021. The Ministry of Health guidance of that period put a
 * fully vaccinated F1 in 7 days of home quarantine with tests on day 1 and day 7, and others in 14
 * days with tests on days 1, 7 and 14; F2 watch their health until their F1 is cleared. A province
 * with different figures changes this object, and each follow-up keeps the rule it started under.
 */
export const CONTACT_FOLLOW_UP_RULE: ContactFollowUpRules = {
  fullyVaccinatedDoses: 2,
  F1: {
    fullyVaccinated: { name: 'F1 đã tiêm đủ liều: cách ly tại nhà 7 ngày, xét nghiệm ngày 1 và ngày 7', quarantineDays: 7, testDays: [1, 7] },
    notFullyVaccinated: { name: 'F1 chưa tiêm đủ liều: cách ly 14 ngày, xét nghiệm ngày 1, 7 và 14', quarantineDays: 14, testDays: [1, 7, 14] },
  },
  F2: { name: 'F2: tự theo dõi sức khỏe 7 ngày', quarantineDays: 7, testDays: [] },
  /** A last exposure this long before the source's positive test is a typo, not a contact. */
  maxExposureDaysBeforeSource: 14,
};

export type ContactFollowUpKind = 'contact_f1' | 'contact_f2';

export function contactFollowUpRule(level: ContactLevel, vaccinationDoses: number | null, rules: ContactFollowUpRules = CONTACT_FOLLOW_UP_RULE): ContactFollowUpRule {
  if (level === 'F2') return { ...rules.F2, testDays: [...rules.F2.testDays] };
  // Unknown vaccination counts as not fully vaccinated: the longer quarantine is the safe side.
  const r = (vaccinationDoses ?? 0) >= rules.fullyVaccinatedDoses ? rules.F1.fullyVaccinated : rules.F1.notFullyVaccinated;
  return { ...r, testDays: [...r.testDays] };
}

export interface ContactFollowUpPlan {
  kind: ContactFollowUpKind;
  rule: ContactFollowUpRule;
  startDate: string;
  endDate: string;
  tests: TestDue[];
}

export function planContactFollowUp(level: ContactLevel, vaccinationDoses: number | null, lastExposureDate: string, rules: ContactFollowUpRules = CONTACT_FOLLOW_UP_RULE): ContactFollowUpPlan {
  const rule = contactFollowUpRule(level, vaccinationDoses, rules);
  const plan = planObligation(rule, lastExposureDate);
  return { kind: level === 'F1' ? 'contact_f1' : 'contact_f2', rule, startDate: plan.startDate, endDate: plan.endDate, tests: plan.tests };
}

/** A re-planned follow-up keeps the tests already recorded on the days both plans share. */
export function carryTests(done: readonly TestDue[], planned: readonly TestDue[]): TestDue[] {
  return planned.map((t) => {
    const before = done.find((d) => d.day === t.day && d.doneOn);
    return before ? { ...t, doneOn: before.doneOn, result: before.result } : { ...t };
  });
}

export type ContactSource = { kind: 'case' } | { kind: 'contact'; level: ContactLevel; status: ContactStatus };

/** F1 for a contact of an F0, F2 for a contact of an F1; contacts of an F2 are not traced. */
export function contactLevelFor(source: ContactSource): { ok: true; level: ContactLevel } | { ok: false; problem: FieldProblem } {
  if (source.kind === 'case') return { ok: true, level: 'F1' };
  if (source.level === 'F2') {
    return { ok: false, problem: { field: 'level', message: 'Không truy vết tiếp xúc của F2; khi F2 thành F1 mới ghi người tiếp xúc của họ.', messageEn: 'Contacts of an F2 are not traced.' } };
  }
  if (source.status === 'promoted' || source.status === 'cancelled') {
    return { ok: false, problem: { field: 'status', message: 'F1 này đã thành F0 hoặc đã hủy; hãy ghi người tiếp xúc vào ca bệnh.', messageEn: 'This F1 was promoted or cancelled; record contacts on the case.' } };
  }
  return { ok: true, level: 'F2' };
}

export function checkContact(c: { lastExposureDate: string; sourceTestDate?: string | null }, today: string, rules: ContactFollowUpRules = CONTACT_FOLLOW_UP_RULE): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!isIsoDate(c.lastExposureDate)) {
    problems.push({ field: 'lastExposure', message: `Ngày tiếp xúc cuối "${c.lastExposureDate}" không phải ngày có thật.`, messageEn: 'Invalid last exposure date.' });
  } else if (c.lastExposureDate > today) {
    problems.push({ field: 'lastExposure', message: 'Ngày tiếp xúc cuối không thể ở tương lai.', messageEn: 'The last exposure is in the future.' });
  } else if (c.sourceTestDate && daysBetween(c.lastExposureDate, c.sourceTestDate) > rules.maxExposureDaysBeforeSource) {
    problems.push({
      field: 'lastExposure',
      message: `Ngày tiếp xúc cuối trước ngày xét nghiệm của nguồn lây hơn ${rules.maxExposureDaysBeforeSource} ngày; kiểm tra lại ngày.`,
      messageEn: `The last exposure is more than ${rules.maxExposureDaysBeforeSource} days before the source's test.`,
    });
  }
  return problems;
}

export interface ContactRecord {
  id: number;
  level: ContactLevel;
  status: ContactStatus;
  sourceCaseId: number | null;
  sourceContactId: number | null;
}

export interface PromotionPlan {
  /** The case the new F0 descends from in the chain (an F2's is its F1's source case). */
  sourceCaseId: number | null;
  /** Contacts of the promoted F1 that become F1 of the new case. */
  upgrade: number[];
}

/**
 * An F1 (or F2) who tests positive becomes F0; the F2 still being followed under that F1 become F1
 * of the new case. Released or cancelled F2 stay as they were.
 */
export function planPromotion(contact: ContactRecord, children: readonly ContactRecord[], parent: ContactRecord | null): { ok: true; plan: PromotionPlan } | { ok: false; problem: FieldProblem } {
  if (contact.status === 'promoted') {
    return { ok: false, problem: { field: 'status', message: 'Người tiếp xúc này đã được chuyển thành F0.', messageEn: 'This contact is already an F0.' } };
  }
  if (contact.status === 'cancelled') {
    return { ok: false, problem: { field: 'status', message: 'Người tiếp xúc này đã bị hủy (ghi nhầm); không chuyển thành F0.', messageEn: 'This contact was cancelled.' } };
  }
  const sourceCaseId = contact.level === 'F1' ? contact.sourceCaseId : parent?.sourceCaseId ?? null;
  const upgrade = contact.level === 'F1'
    ? children.filter((c) => c.sourceContactId === contact.id && c.level === 'F2' && c.status === 'monitoring').map((c) => c.id)
    : [];
  return { ok: true, plan: { sourceCaseId, upgrade } };
}

/** Clusters are named by where transmission happened (seed 001: "chợ Liên Hương", the port, boarding houses). */
export const CLUSTER_SETTINGS = ['market', 'workplace', 'household', 'school', 'boarding_house', 'healthcare', 'port', 'event', 'community', 'other'] as const;
export type ClusterSetting = (typeof CLUSTER_SETTINGS)[number];
export const CLUSTER_SETTING_LABELS: Record<ClusterSetting, string> = {
  market: 'Chợ', workplace: 'Doanh nghiệp, nơi làm việc', household: 'Hộ gia đình', school: 'Trường học', boarding_house: 'Khu nhà trọ',
  healthcare: 'Cơ sở y tế', port: 'Cảng, bến', event: 'Sự kiện, nơi đông người', community: 'Cộng đồng', other: 'Khác',
};
