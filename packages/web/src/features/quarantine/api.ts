import { addDays, vnDate } from '@pcd/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl, type Query } from '../../api/client';
import type { Page } from '../../api/paging';
import type { Obligation } from '../arrivals/types';
import type { Episode, EpisodeInput, EpisodeTab, Facility, FacilityInput, Occupancy } from './types';

export const quarantineKeys = {
  facilities: ['quarantine-facilities'] as const,
  episodes: ['quarantine-episodes'] as const,
};

export function useFacilities(page: number) {
  return useQuery({
    queryKey: [...quarantineKeys.facilities, 'list', page],
    queryFn: ({ signal }) => api.get<Page<Facility>>('/quarantine/facilities', { page, pageSize: 20 }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useFacility(id: number) {
  return useQuery({
    queryKey: [...quarantineKeys.facilities, id],
    queryFn: ({ signal }) => api.get<Facility>(`/quarantine/facilities/${id}`, undefined, { signal }),
  });
}

/** The last fortnight: one full F1 quarantine, enough to see a facility filling up. */
export function useOccupancy(id: number) {
  const to = vnDate();
  return useQuery({
    queryKey: [...quarantineKeys.facilities, id, 'occupancy', to],
    queryFn: ({ signal }) => api.get<Occupancy>(`/quarantine/facilities/${id}/occupancy`, { from: addDays(to, -13), to }, { signal }),
  });
}

export function useFacilityEpisodes(facilityId: number) {
  return useQuery({
    queryKey: [...quarantineKeys.episodes, { facilityId }],
    queryFn: ({ signal }) => api.get<Page<Episode>>('/quarantine/episodes', { facilityId, status: 'active', pageSize: 500 }, { signal }),
  });
}

export function useCreateFacility() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: FacilityInput) => api.post<Facility>('/quarantine/facilities', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: quarantineKeys.facilities }),
  });
}

/** A placement changes the facility's counts too. */
export function useCreateEpisode() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: EpisodeInput) => api.post<Episode>('/quarantine/episodes', input),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: quarantineKeys.episodes }),
        queryClient.invalidateQueries({ queryKey: quarantineKeys.facilities }),
      ]),
  });
}

export function useEpisodes(query: { tab: EpisodeTab; kind?: string; page: number }) {
  return useQuery({
    queryKey: [...quarantineKeys.episodes, 'list', query],
    queryFn: ({ signal }) => api.get<Page<Episode>>('/quarantine/episodes', { ...episodeFilter(query.tab), kind: query.kind, page: query.page, pageSize: 20 }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function episodeFilter(tab: EpisodeTab): Query {
  return tab === 'active' ? { status: 'active' } : { due: tab };
}

/** A release or a cancellation frees a bed, so facilities are refreshed too. */
function useEpisodeWrite<I>(send: (input: I) => Promise<Episode>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: quarantineKeys.episodes }),
        queryClient.invalidateQueries({ queryKey: quarantineKeys.facilities }),
      ]),
  });
}

export const useReleaseEpisode = () =>
  useEpisodeWrite(({ id, ...body }: { id: number; version: number; date?: string }) => api.post<Episode>(`/quarantine/episodes/${id}/release`, body));
export const useCancelEpisode = () =>
  useEpisodeWrite(({ id, version, note }: { id: number; version: number; note: string }) => api.patch<Episode>(`/quarantine/episodes/${id}`, { version, note, status: 'cancelled' }));

/** The open follow-up obligation of a person, found by name and then matched on the person. */
export function useOpenObligationOf(person: { id: number; fullName: string } | null | undefined) {
  return useQuery({
    queryKey: ['obligations', 'of-person', person?.id],
    queryFn: async ({ signal }) => {
      const page = await api.get<Page<Obligation>>('/obligations', { q: person!.fullName, status: 'open', pageSize: 50 }, { signal });
      return page.items.find((o) => o.personId === person!.id) ?? null;
    },
    enabled: !!person,
  });
}

export function useObligation(id: number | null) {
  return useQuery({ queryKey: ['obligations', 'one', id], queryFn: ({ signal }) => api.get<Obligation>(`/obligations/${id}`, undefined, { signal }), enabled: !!id });
}

export const quarantineLinks = {
  episodes: (query: Query) => apiUrl('/quarantine/episodes/export.xlsx', query),
  mealRoster: (id: number) => apiUrl(`/quarantine/facilities/${id}/meal-roster.xlsx`),
};
