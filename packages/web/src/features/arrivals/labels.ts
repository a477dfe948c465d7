import { formatDate } from '@pcd/core';
import type { TFunction } from 'i18next';
import type { DueItem, Obligation, ObligationState } from './types';

/** "Cách ly tại nhà 7 ngày; xét nghiệm ngày 1, 7" — how the directives word a rule. */
export function ruleText(t: TFunction, rule: { quarantineDays: number; testDays: number[] }): string {
  const stay = rule.quarantineDays > 0 ? t('arrivals.rule.quarantine', { days: rule.quarantineDays }) : t('arrivals.rule.monitoring');
  return rule.testDays.length ? `${stay}; ${t('arrivals.rule.tests', { days: rule.testDays.join(', ') })}` : stay;
}

export function birthText(p: { dateOfBirth: string | null; birthYear: number | null }): string {
  if (p.dateOfBirth) return formatDate(p.dateOfBirth);
  return p.birthYear ? String(p.birthYear) : '';
}

export function dueItemText(t: TFunction, item: DueItem): string {
  return item.kind === 'test' ? t('arrivals.work.testDay', { day: item.day }) : t('arrivals.work.endItem');
}

export const STATE_COLORS: Record<ObligationState, string> = {
  overdue: 'red', due_today: 'orange', upcoming: 'blue', done: 'green', cancelled: 'default',
};

/** Tests not yet recorded, earliest first: the one a health worker most likely records next. */
export function pendingTests(o: Obligation) {
  return o.tests.filter((x) => !x.doneOn).sort((a, b) => a.day - b.day);
}
