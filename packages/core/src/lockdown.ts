import { isIsoDate } from './arrivals.js';
import type { FieldProblem } from './people.js';

/** Lockdown zones (phong tỏa) and their testing rounds. */

export const LOCKDOWN_STATUSES = ['active', 'lifted'] as const;
export type LockdownStatus = (typeof LOCKDOWN_STATUSES)[number];
export const LOCKDOWN_STATUS_LABELS: Record<LockdownStatus, string> = { active: 'Đang phong tỏa', lifted: 'Đã gỡ phong tỏa' };

/** Seed 001 (Tuy Phong, 30/11/2021): "xét nghiệm 100% người dân trong khu vực phong tỏa". */
export const LOCKDOWN_RULES = { testingTargetPct: 100 };

export interface RoundCoverage { sharePct: number; meetsTarget: boolean }

export function roundCoverage(residents: number, tested: number, rules = LOCKDOWN_RULES): RoundCoverage {
  const sharePct = residents > 0 ? Math.round((tested / residents) * 1000) / 10 : 0;
  return { sharePct, meetsTarget: residents > 0 && sharePct >= rules.testingTargetPct };
}

export function checkLockdownDates(startDate: string, endDate: string | null | undefined): FieldProblem[] {
  if (!isIsoDate(startDate)) return [{ field: 'startDate', message: 'Ngày bắt đầu không phải ngày có thật.', messageEn: 'The start date is not a real date.' }];
  if (endDate != null && (!isIsoDate(endDate) || endDate < startDate)) {
    return [{ field: 'endDate', message: 'Ngày kết thúc phong tỏa phải từ ngày bắt đầu trở đi.', messageEn: 'The end date must not be before the start.' }];
  }
  return [];
}

export interface RoundFacts { date: string; residents: number; tested: number; positives: number }

/** A round falls inside the lockdown; it cannot test more people than live there, nor find more positives than tests. */
export function checkRound(r: RoundFacts, zone: { startDate: string; endDate: string | null }, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!isIsoDate(r.date) || r.date > today) problems.push({ field: 'date', message: 'Ngày xét nghiệm không hợp lệ hoặc ở tương lai.', messageEn: 'The round date is invalid or in the future.' });
  else if (r.date < zone.startDate || (zone.endDate && r.date > zone.endDate)) {
    problems.push({ field: 'date', message: 'Ngày xét nghiệm nằm ngoài thời gian phong tỏa.', messageEn: 'The round date is outside the lockdown.' });
  }
  if (r.tested > r.residents) problems.push({ field: 'tested', message: 'Số người được xét nghiệm lớn hơn số người trong vùng phong tỏa.', messageEn: 'More people tested than live in the zone.' });
  if (r.positives > r.tested) problems.push({ field: 'positives', message: 'Số ca dương tính lớn hơn số người được xét nghiệm.', messageEn: 'More positives than tests.' });
  return problems;
}
