import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl } from '../../api/client';
import type { Page } from '../../api/paging';
import type { LockdownZone, RoundInput, ZoneInput } from './types';

export const lockdownKeys = { all: ['lockdown-zones'] as const };

export function useZones(query: { status?: string; page: number }) {
  return useQuery({
    queryKey: [...lockdownKeys.all, 'list', query],
    queryFn: ({ signal }) => api.get<Page<LockdownZone>>('/lockdown-zones', { status: query.status, page: query.page, pageSize: 20 }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useZone(id: number) {
  return useQuery({ queryKey: [...lockdownKeys.all, id], queryFn: ({ signal }) => api.get<LockdownZone>(`/lockdown-zones/${id}`, undefined, { signal }) });
}

/** Every write answers the whole zone; the list and the zone page are refreshed from it. */
function useZoneWrite<I>(send: (input: I) => Promise<LockdownZone>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: send, onSuccess: () => queryClient.invalidateQueries({ queryKey: lockdownKeys.all }) });
}

export const useCreateZone = () => useZoneWrite((input: ZoneInput) => api.post<LockdownZone>('/lockdown-zones', input));
export const useLiftZone = (id: number) =>
  useZoneWrite((input: { version: number; endDate?: string }) => api.patch<LockdownZone>(`/lockdown-zones/${id}`, { ...input, status: 'lifted' }));
export const useAddRound = (id: number) => useZoneWrite((input: RoundInput) => api.post<LockdownZone>(`/lockdown-zones/${id}/rounds`, input));

export const lockdownLinks = { xlsx: (status?: string) => apiUrl('/lockdown-zones/export.xlsx', { status }) };
