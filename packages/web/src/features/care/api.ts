import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl, type Query } from '../../api/client';
import type { Page } from '../../api/paging';
import type { CareAlert, CareTeam, CareTeamInput, CaseBrief, Checkin, CheckinInput, OverdueCase } from './types';

export const careKeys = {
  alerts: ['care-alerts'] as const,
  overdue: ['care-overdue'] as const,
  teams: ['care-teams'] as const,
};

/** A warning sign may mean a transfer to hospital within the hour, so the board polls. */
const BOARD_REFRESH_MS = 30_000;

export function useOpenAlerts(page: number) {
  return useQuery({
    queryKey: [...careKeys.alerts, { open: true, page }],
    queryFn: ({ signal }) => api.get<Page<CareAlert>>('/alerts', { open: true, page, pageSize: 20 }, { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: BOARD_REFRESH_MS,
  });
}

export function useAcknowledgeAlert() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: number; action: string; note?: string | null; version: number }) => api.post<CareAlert>(`/alerts/${id}/acknowledge`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: careKeys.alerts }),
  });
}

export function useRecordCheckin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ caseId, ...body }: CheckinInput & { caseId: number }) => api.post<{ checkin: Checkin; alerts: CareAlert[] }>(`/care/${caseId}/checkins`, body),
    onSuccess: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: careKeys.alerts }), queryClient.invalidateQueries({ queryKey: careKeys.overdue })]),
  });
}

export function useOverdue(page: number) {
  return useQuery({
    queryKey: [...careKeys.overdue, page],
    queryFn: ({ signal }) => api.get<Page<OverdueCase>>('/care/overdue', { page, pageSize: 20 }, { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: BOARD_REFRESH_MS,
  });
}

export function useTeams() {
  return useQuery({
    queryKey: careKeys.teams,
    queryFn: ({ signal }) => api.get<Page<CareTeam>>('/care-teams', { pageSize: 100 }, { signal }),
  });
}

export function useCreateTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CareTeamInput) => api.post<CareTeam>('/care-teams', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: careKeys.teams }),
  });
}

export function useUpdateTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: Partial<CareTeamInput> & { id: number; version: number }) => api.patch<CareTeam>(`/care-teams/${id}`, body),
    // A stale version refreshes the list too, so the next try starts from what is stored.
    onSettled: () => queryClient.invalidateQueries({ queryKey: careKeys.teams }),
  });
}

/** Active F0 cases matching a name, for the check-in picker. */
export function useActiveCases(q: string) {
  return useQuery({
    queryKey: ['cases', 'care-picker', q],
    queryFn: ({ signal }) => api.get<Page<CaseBrief>>('/cases', { status: 'active', q: q || undefined, pageSize: 20 }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export const careLinks = {
  alerts: (query: Query) => apiUrl('/alerts/export.xlsx', query),
  overdue: () => apiUrl('/care/overdue/export.xlsx'),
};
