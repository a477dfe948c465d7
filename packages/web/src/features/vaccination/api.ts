import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl, type Query } from '../../api/client';
import type { CoverageStats, Dose, DoseInput, TargetInput, VaccinationTarget, VaccineProduct } from './types';

export const vaccinationKeys = { all: ['vaccination'] as const };
export interface CoverageQuery { unit?: string; date?: string }

export function useCoverage(query: CoverageQuery) {
  return useQuery({
    queryKey: [...vaccinationKeys.all, 'coverage', query],
    queryFn: ({ signal }) => api.get<CoverageStats>('/stats/vaccination', { ...query } as Query, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useTargets(query: { unit?: string; active?: 'true' | 'all' }) {
  return useQuery({
    queryKey: [...vaccinationKeys.all, 'targets', query],
    queryFn: ({ signal }) => api.get<{ items: VaccinationTarget[] }>('/vaccination/targets', { ...query } as Query, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useProducts() {
  return useQuery({
    queryKey: [...vaccinationKeys.all, 'products'],
    queryFn: ({ signal }) => api.get<{ items: VaccineProduct[] }>('/vaccine-products', undefined, { signal }),
    staleTime: 10 * 60_000,
  });
}

export function usePersonDoses(personId: number) {
  return useQuery({
    queryKey: [...vaccinationKeys.all, 'person', personId],
    queryFn: ({ signal }) => api.get<{ items: Dose[] }>(`/people/${personId}/vaccinations`, undefined, { signal }),
  });
}

/** Any write changes coverage and target progress as well, so every vaccination query is refreshed. */
function useVaccinationWrite<I, O>(send: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: send, onSuccess: () => queryClient.invalidateQueries({ queryKey: vaccinationKeys.all }) });
}

export const useCreateTarget = () => useVaccinationWrite((input: TargetInput) => api.post<VaccinationTarget>('/vaccination/targets', input));
export const useUpdateTarget = () =>
  useVaccinationWrite(({ id, ...patch }: { id: number; version: number; percent?: number; deadline?: string; note?: string | null; active?: boolean }) =>
    api.patch<VaccinationTarget>(`/vaccination/targets/${id}`, patch));
export const useCreateDose = () => useVaccinationWrite((input: DoseInput) => api.post<Dose>('/vaccinations', input));
export const useUpdateDose = () =>
  useVaccinationWrite(({ id, ...patch }: Partial<Omit<DoseInput, 'personId'>> & { id: number; version: number }) => api.patch<Dose>(`/vaccinations/${id}`, patch));
export const useDeleteDose = () => useVaccinationWrite(({ id, version }: { id: number; version: number }) => api.delete<void>(`/vaccinations/${id}?version=${version}`));

export const vaccinationLinks = { coverageXlsx: (q: CoverageQuery) => apiUrl('/stats/vaccination/export.xlsx', q as Query) };
