import { addDays, vnDate } from '@pcd/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl } from '../../api/client';
import type { Page } from '../../api/paging';
import type { Episode, EpisodeInput, Facility, FacilityInput, Occupancy } from './types';

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

export const quarantineLinks = {
  mealRoster: (id: number) => apiUrl(`/quarantine/facilities/${id}/meal-roster.xlsx`),
};
