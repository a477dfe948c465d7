import { formatDate, type SweepStatus, type VisitState } from '@pcd/core';
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
