import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl, type Query } from '../../api/client';
import type { Page } from '../../api/paging';
import type { Case } from '../cases/types';
import type { DeathsOrphansStats, Orphan, OrphanInput } from './types';

export const orphanKeys = { all: ['orphans'] as const };

export interface StatsQuery { unit?: string; from?: string; to?: string }

export function useDeathsOrphansStats(query: StatsQuery) {
  return useQuery({
    queryKey: [...orphanKeys.all, 'stats', query],
    queryFn: ({ signal }) => api.get<DeathsOrphansStats>('/stats/deaths-orphans', { ...query } as Query, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useOrphans(query: { supportStatus?: string; page: number }) {
  return useQuery({
    queryKey: [...orphanKeys.all, 'list', query],
    queryFn: ({ signal }) => api.get<Page<Orphan>>('/orphans', { supportStatus: query.supportStatus, page: query.page, pageSize: 20 }, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** Deaths are the cases recorded as died; the orphans list is keyed beside them. */
export function useDeaths(page: number) {
  return useQuery({
    queryKey: [...orphanKeys.all, 'deaths', page],
    queryFn: ({ signal }) => api.get<Page<Case>>('/cases', { status: 'died', page, pageSize: 10 }, { signal }),
    placeholderData: keepPreviousData,
  });
}

function useOrphanWrite<I>(send: (input: I) => Promise<Orphan>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: send, onSuccess: () => queryClient.invalidateQueries({ queryKey: orphanKeys.all }) });
}

export const useCreateOrphan = () => useOrphanWrite((input: OrphanInput) => api.post<Orphan>('/orphans', input));
export const useUpdateOrphan = () =>
  useOrphanWrite(({ id, ...body }: { id: number; version: number; supportStatus?: string; supportNotes?: string | null }) => api.patch<Orphan>(`/orphans/${id}`, body));

export const orphanLinks = {
  statsXlsx: (q: StatsQuery) => apiUrl('/stats/deaths-orphans/export.xlsx', { ...q } as Query),
  orphansXlsx: (supportStatus?: string) => apiUrl('/orphans/export.xlsx', { supportStatus }),
};
