import { useQuery } from '@tanstack/react-query';
import { formatDate, vaccinationAt, type VaccinationAt } from '@pcd/core';
import type { TFunction } from 'i18next';
import { api } from '../../api/client';
import { vaccinationKeys } from '../vaccination/api';
import type { Dose } from '../vaccination/types';

/**
 * The person's dose records counted at a date, as the server counts them for a case (doses on or
 * before the test date); null while unknown or when the person has no records, so the typed figure stands.
 */
export function useRecordedVaccination(personId: number | undefined, date: string | undefined): VaccinationAt | null {
  const doses = useQuery({
    queryKey: [...vaccinationKeys.all, 'person', personId],
    queryFn: ({ signal }) => api.get<{ items: Dose[] }>(`/people/${personId}/vaccinations`, undefined, { signal }),
    enabled: personId !== undefined,
    retry: false,
  });
  const items = doses.data?.items ?? [];
  if (!date || items.length === 0) return null;
  return vaccinationAt(items.map((d) => ({ productCode: d.product, doseNumber: d.dose, kind: d.kind, date: d.date })), date, true);
}

export function recordedVaccinationText(t: TFunction, v: VaccinationAt): string {
  return v.doses === 0
    ? t('cases.vaccinationRecordsNone')
    : t('cases.vaccinationRecords', { count: v.doses, dates: v.dates.map((d) => formatDate(d)).join(', ') });
}
