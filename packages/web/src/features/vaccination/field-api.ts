import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CoverageMeasure, VaccinationGroup } from '@pcd/core';
import { api, apiUrl } from '../../api/client';
import type { Page } from '../../api/paging';
import type {
  AllocationInput, AllocationRequest, FollowupInput, Justification, MobileTeam, Movement, MovementInput, ResponsibleCandidate, Session, SessionInput, Stock,
  TeamInput, UnvaccinatedPerson, VaccineProductOption,
} from './field-types';

export const fieldKeys = {
  unvaccinated: ['vaccination', 'unvaccinated'] as const,
  stock: ['vaccination', 'stock'] as const,
  teams: ['vaccination', 'mobile-teams'] as const,
  sessions: ['vaccination', 'sessions'] as const,
  allocations: ['vaccination', 'allocation-requests'] as const,
};

export interface UnvaccinatedQuery { unit?: string; group: VaccinationGroup; measure: CoverageMeasure; reason?: string; q?: string; page: number; pageSize: number }

export function useUnvaccinated(q: UnvaccinatedQuery) {
  return useQuery({
    queryKey: [...fieldKeys.unvaccinated, q],
    queryFn: ({ signal }) => api.get<Page<UnvaccinatedPerson>>('/vaccination/unvaccinated', { ...q }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export const unvaccinatedXlsx = (q: Omit<UnvaccinatedQuery, 'page' | 'pageSize'>) => apiUrl('/vaccination/unvaccinated/export.xlsx', { ...q });

export function useResponsible(unit: string | undefined) {
  return useQuery({
    queryKey: [...fieldKeys.unvaccinated, 'responsible', unit ?? null],
    queryFn: ({ signal }) => api.get<{ items: ResponsibleCandidate[] }>('/vaccination/unvaccinated/responsible', { unit }, { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useSetFollowup() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ personId, ...body }: FollowupInput & { personId: number }) => api.put<UnvaccinatedPerson>(`/vaccination/unvaccinated/${personId}`, body),
    onSettled: () => qc.invalidateQueries({ queryKey: fieldKeys.unvaccinated }),
  });
}

export function useProducts() {
  return useQuery({
    queryKey: ['vaccine-products'],
    queryFn: ({ signal }) => api.get<{ items: VaccineProductOption[] }>('/vaccine-products', undefined, { signal }),
    staleTime: 10 * 60_000,
  });
}

export function useStock(unit: string | undefined) {
  return useQuery({ queryKey: [...fieldKeys.stock, unit ?? null], queryFn: ({ signal }) => api.get<Stock>('/vaccination/stock', { unit }, { signal }), enabled: !!unit });
}

export function useMovements(unit: string | undefined, page: number) {
  return useQuery({
    queryKey: [...fieldKeys.stock, 'movements', unit ?? null, page],
    queryFn: ({ signal }) => api.get<Page<Movement>>('/vaccination/stock/movements', { unit, page, pageSize: 10 }, { signal }),
    enabled: !!unit,
    placeholderData: keepPreviousData,
  });
}

export const stockXlsx = (unit: string | undefined) => apiUrl('/vaccination/stock/export.xlsx', { unit });
export const movementsXlsx = (unit: string | undefined) => apiUrl('/vaccination/stock/movements/export.xlsx', { unit });
export const sessionsXlsx = () => apiUrl('/vaccination/sessions/export.xlsx');
export const allocationsXlsx = (unit: string, direction: 'sent' | 'received') => apiUrl('/vaccination/allocation-requests/export.xlsx', { unit, direction });

/** Stock, sessions and requests move each other's figures: one write refreshes them all. */
function useFieldWrite<I, O>(send: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSettled: () => Promise.all([fieldKeys.stock, fieldKeys.teams, fieldKeys.sessions, fieldKeys.allocations].map((queryKey) => qc.invalidateQueries({ queryKey }))),
  });
}

export const useRecordMovement = () => useFieldWrite((input: MovementInput) => api.post<Movement>('/vaccination/stock/movements', input));

export function useTeams(unit: string | undefined) {
  return useQuery({
    queryKey: [...fieldKeys.teams, unit ?? null],
    queryFn: ({ signal }) => api.get<Page<MobileTeam>>('/vaccination/mobile-teams', { unit, pageSize: 200 }, { signal }),
  });
}
export const useCreateTeam = () => useFieldWrite((input: TeamInput) => api.post<MobileTeam>('/vaccination/mobile-teams', input));
export const useUpdateTeam = () => useFieldWrite(({ id, ...body }: { id: number; version: number; active?: boolean }) => api.patch<MobileTeam>(`/vaccination/mobile-teams/${id}`, body));

export function useSessions(unit: string | undefined, page: number) {
  return useQuery({
    queryKey: [...fieldKeys.sessions, unit ?? null, page],
    queryFn: ({ signal }) => api.get<Page<Session>>('/vaccination/sessions', { unit, page, pageSize: 10 }, { signal }),
    placeholderData: keepPreviousData,
  });
}
export const useCreateSession = () => useFieldWrite((input: SessionInput) => api.post<Session>('/vaccination/sessions', input));
export const useDeleteSession = () => useFieldWrite(({ id, version }: { id: number; version: number }) => api.delete<null>(`/vaccination/sessions/${id}?version=${version}`));

export function useAllocations(unit: string | undefined, direction: 'sent' | 'received') {
  return useQuery({
    queryKey: [...fieldKeys.allocations, unit ?? null, direction],
    queryFn: ({ signal }) => api.get<Page<AllocationRequest>>('/vaccination/allocation-requests', { unit, direction, pageSize: 100 }, { signal }),
    enabled: !!unit,
  });
}

export function useJustification(q: { unit?: string; group?: VaccinationGroup; measure?: CoverageMeasure; vialSize?: number }) {
  return useQuery({
    queryKey: [...fieldKeys.allocations, 'justification', q],
    queryFn: ({ signal }) => api.get<Justification>('/vaccination/allocation-requests/justification', { ...q }, { signal }),
    enabled: !!(q.unit && q.group && q.measure),
  });
}

export const useCreateAllocation = () => useFieldWrite((input: AllocationInput) => api.post<AllocationRequest>('/vaccination/allocation-requests', input));
export const useDecideAllocation = () =>
  useFieldWrite(({ id, ...body }: { id: number; version: number; decision: 'approve' | 'reject'; quantity?: number; note?: string | null }) =>
    api.post<AllocationRequest>(`/vaccination/allocation-requests/${id}/decide`, body));
export const useConfirmDelivery = () =>
  useFieldWrite(({ id, version }: { id: number; version: number }) => api.post<AllocationRequest>(`/vaccination/allocation-requests/${id}/delivered`, { version }));
