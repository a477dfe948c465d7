import { addDays, planObligation, type ObligationRule } from './arrivals.js';
import { CONTACT_FOLLOW_UP_RULE, type ContactFollowUpRules, type NamedFollowUp } from './contacts.js';
import type { FieldProblem } from './people.js';

/** Centralized quarantine facilities and quarantine episodes (home or facility). Dates are ISO yyyy-mm-dd. */

export const QUARANTINE_REASONS = ['f1', 'f2', 'arrival', 'f0_released', 'other'] as const;
export type QuarantineReason = (typeof QUARANTINE_REASONS)[number];
export const QUARANTINE_REASON_LABELS: Record<QuarantineReason, string> = {
  f1: 'F1', f2: 'F2', arrival: 'Người về từ vùng dịch', f0_released: 'F0 ra viện, tiếp tục cách ly', other: 'Lý do khác',
};

export const QUARANTINE_KINDS = ['home', 'facility'] as const;
export type QuarantineKind = (typeof QUARANTINE_KINDS)[number];
export const QUARANTINE_KIND_LABELS: Record<QuarantineKind, string> = { home: 'Tại nhà', facility: 'Tập trung' };

export const FACILITY_STATUSES = ['ready', 'active', 'closed'] as const;
export type FacilityStatus = (typeof FACILITY_STATUSES)[number];
export const FACILITY_STATUS_LABELS: Record<FacilityStatus, string> = { ready: 'Sẵn sàng', active: 'Đang hoạt động', closed: 'Đã đóng' };

/** Separate areas of a facility; seed 002 (Bắc Yên): F1 and F2 apart, "không để lây chéo trong khu cách ly". */
export const AREA_KINDS = ['f1', 'f2', 'arrival'] as const;
export type AreaKind = (typeof AREA_KINDS)[number];
export const AREA_KIND_LABELS: Record<AreaKind, string> = { f1: 'Khu F1', f2: 'Khu F2', arrival: 'Khu người về từ vùng dịch' };

export const EPISODE_STATUSES = ['active', 'released', 'cancelled'] as const;
export type EpisodeStatus = (typeof EPISODE_STATUSES)[number];
export const EPISODE_STATUS_LABELS: Record<EpisodeStatus, string> = { active: 'Đang cách ly', released: 'Đã hoàn thành', cancelled: 'Đã hủy' };

/**
 * Days of quarantine and test days by reason, day 1 being the start. F1 and F2 repeat the contact
 * follow-up rule (contacts.ts) so the two never disagree; arrivals from an epidemic zone follow the
 * default arrival rule (7 days, tests on day 1 and 7); F0 released from treatment keep watching their
 * health at home 7 more days (Ministry of Health discharge guidance of 2021); anything else 14 days.
 * Which area a reason may occupy keeps F1, F2 and arrivals apart (seed 002).
 */
export interface QuarantineRules {
  f1: ContactFollowUpRules['F1'];
  f2: NamedFollowUp;
  arrival: NamedFollowUp;
  f0_released: NamedFollowUp;
  other: NamedFollowUp;
  fullyVaccinatedDoses: number;
  areaFor: Record<QuarantineReason, AreaKind>;
  defaultOverloadPct: number;
}

export const QUARANTINE_RULES: QuarantineRules = {
  f1: { fullyVaccinated: CONTACT_FOLLOW_UP_RULE.F1.fullyVaccinated, notFullyVaccinated: CONTACT_FOLLOW_UP_RULE.F1.notFullyVaccinated },
  f2: { name: 'F2: cách ly 7 ngày', quarantineDays: 7, testDays: [1, 7] },
  arrival: { name: 'Người về từ vùng dịch: cách ly 7 ngày, xét nghiệm ngày 1 và ngày 7', quarantineDays: 7, testDays: [1, 7] },
  f0_released: { name: 'F0 ra viện: tự theo dõi, cách ly tại nhà 7 ngày', quarantineDays: 7, testDays: [] },
  other: { name: 'Cách ly 14 ngày, xét nghiệm ngày 1, 7 và 14', quarantineDays: 14, testDays: [1, 7, 14] },
  fullyVaccinatedDoses: CONTACT_FOLLOW_UP_RULE.fullyVaccinatedDoses,
  areaFor: { f1: 'f1', f2: 'f2', arrival: 'arrival', f0_released: 'arrival', other: 'arrival' },
  /** Percent of beds in use from which a facility shows as overloaded. */
  defaultOverloadPct: 80,
};

type NamedRule = ObligationRule & { name: string };

export function quarantineRule(reason: QuarantineReason, vaccinationDoses: number | null, rules: QuarantineRules = QUARANTINE_RULES): NamedRule {
  // Unknown vaccination counts as not fully vaccinated: the longer quarantine is the safe side.
  const r = reason === 'f1' ? ((vaccinationDoses ?? 0) >= rules.fullyVaccinatedDoses ? rules.f1.fullyVaccinated : rules.f1.notFullyVaccinated) : rules[reason];
  return { name: r.name, quarantineDays: r.quarantineDays, testDays: [...r.testDays] };
}

export interface QuarantinePlan { ruleName: string; plannedEnd: string; testDates: string[] }

export function planQuarantine(reason: QuarantineReason, startDate: string, vaccinationDoses: number | null, rules: QuarantineRules = QUARANTINE_RULES): QuarantinePlan {
  const rule = quarantineRule(reason, vaccinationDoses, rules);
  const plan = planObligation(rule, startDate);
  return { ruleName: rule.name, plannedEnd: plan.endDate, testDates: plan.tests.map((t) => t.date) };
}

/** F1 in an F2 area (or any reason in another's area) is refused: that is how cross-infection happens. */
export function checkArea(reason: QuarantineReason, area: AreaKind, rules: QuarantineRules = QUARANTINE_RULES): FieldProblem[] {
  const want = rules.areaFor[reason];
  if (want === area) return [];
  return [{
    field: 'areaId',
    message: `${QUARANTINE_REASON_LABELS[reason]} phải ở ${AREA_KIND_LABELS[want]}, không xếp vào ${AREA_KIND_LABELS[area]} (không để lây chéo).`,
    messageEn: `A ${reason} person belongs in the ${want} area, not the ${area} area (no cross-infection).`,
  }];
}

export interface StayRecord { areaKind: AreaKind; startDate: string; /** Last night spent: the release date, or the planned end while still there. */ endDate: string }
export interface OccupancyDay { date: string; total: number; byArea: Record<AreaKind, number> }

/** People present each day from `from` to `to` (a person leaving on a day no longer counts that day). */
export function occupancyByDay(stays: readonly StayRecord[], from: string, to: string): OccupancyDay[] {
  const days: OccupancyDay[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const byArea: Record<AreaKind, number> = { f1: 0, f2: 0, arrival: 0 };
    for (const s of stays) if (s.startDate <= d && d < s.endDate) byArea[s.areaKind]++;
    days.push({ date: d, total: byArea.f1 + byArea.f2 + byArea.arrival, byArea });
    if (days.length > 366) break;
  }
  return days;
}

export interface LoadLevel { ratioPct: number; overloaded: boolean; full: boolean }

export function loadLevel(occupied: number, beds: number, thresholdPct: number): LoadLevel {
  const ratioPct = beds > 0 ? Math.round((occupied / beds) * 1000) / 10 : occupied > 0 ? 100 : 0;
  return { ratioPct, overloaded: ratioPct >= thresholdPct, full: occupied >= beds };
}
