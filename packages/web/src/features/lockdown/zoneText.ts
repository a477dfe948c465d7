import { formatDate } from '@pcd/core';
import type { TFunction } from 'i18next';
import type { LockdownZone } from './types';

/** What the zone covers, in one line: villages, then the number of households, then the addresses. */
export function placesText(t: TFunction, z: LockdownZone): string {
  const parts: string[] = [];
  if (z.villageNames.length) parts.push(z.villageNames.join(', '));
  if (z.householdIds.length) parts.push(t('lockdown.households', { count: z.householdIds.length }));
  if (z.addresses) parts.push(z.addresses);
  return parts.join(' · ');
}

export function periodText(t: TFunction, z: Pick<LockdownZone, 'startDate' | 'endDate'>): string {
  return z.endDate ? `${formatDate(z.startDate)} – ${formatDate(z.endDate)}` : t('lockdown.since', { date: formatDate(z.startDate) });
}
