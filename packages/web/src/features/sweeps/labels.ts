import { formatDate, SYMPTOMS, type SweepStatus, type Symptom, type VisitState } from '@pcd/core';
import type { TFunction } from 'i18next';
import type { MemberProgress, Sweep, SweepHousehold } from './types';

export const STATUS_COLORS: Record<SweepStatus, string> = { planned: 'default', active: 'processing', closed: 'success' };
export const STATE_COLORS: Record<VisitState, string> = { unvisited: 'default', attempted: 'warning', visited: 'success' };

export function periodText(s: Pick<Sweep, 'fromDate' | 'toDate'>): string {
  return `${formatDate(s.fromDate)} – ${formatDate(s.toDate)}`;
}

/** A household as a team member finds it on the ground: its number, then whose house it is, then where. */
export function householdText(t: TFunction, h: Pick<SweepHousehold, 'householdId' | 'code' | 'name' | 'headName' | 'address'>): string {
  const who = h.headName || h.name || h.address;
  const label = [h.code, who].filter(Boolean).join(' · ');
  return label || t('sweeps.households.unnamed', { id: h.householdId });
}

/** Observers get no names: members are numbered in the server's order instead. */
export function memberText(t: TFunction, m: Pick<MemberProgress, 'userId' | 'fullName'>, index: number): string {
  if (m.userId === null) return t('sweeps.members.unassigned');
  return m.fullName ?? t('sweeps.members.numbered', { n: index + 1 });
}

export const isSymptom = (s: string): s is Symptom => (SYMPTOMS as readonly string[]).includes(s);

/** "12/04/1989" when the date is known, else the year alone, as village registers keep it. */
export function birthText(p: { dateOfBirth: string | null; birthYear: number | null }): string {
  if (p.dateOfBirth) return formatDate(p.dateOfBirth);
  return p.birthYear ? String(p.birthYear) : '';
}
