import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl, type Query } from '../../api/client';
import type { Page } from '../../api/paging';
import { fetchUnitChildren, unitKeys } from '../units/api';
import type {
  AssignInput,
  CrossCheck,
  HouseholdQuery,
  MemberCandidate,
  OriginOption,
  Sweep,
  SweepDetail,
  SweepHousehold,
  SweepHouseholdDetail,
  SweepInput,
  Visit,
  VisitInput,
} from './types';

export const sweepKeys = {
  all: ['sweeps'] as const,
  list: (query: object) => ['sweeps', 'list', query] as const,
  detail: (id: number) => ['sweeps', 'detail', id] as const,
  households: (id: number, query: object) => ['sweeps', 'households', id, query] as const,
  household: (id: number, householdId: number) => ['sweeps', 'household', id, householdId] as const,
  visits: (id: number, query: object) => ['sweeps', 'visits', id, query] as const,
  crossCheck: (id: number) => ['sweeps', 'cross-check', id] as const,
  members: (id: number) => ['sweeps', 'members', id] as const,
};

interface Paged {
  page: number;
  pageSize: number;
}

const base = (id: number) => `/sweeps/${id}`;

export function useSweeps(query: { status?: string; unit?: string } & Paged) {
  return useQuery({
    queryKey: sweepKeys.list(query),
    queryFn: ({ signal }) => api.get<Page<Sweep>>('/sweeps', { ...query }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSweep(id: number) {
  return useQuery({
    queryKey: sweepKeys.detail(id),
    queryFn: ({ signal }) => api.get<SweepDetail>(base(id), undefined, { signal }),
    // Progress moves while members are out visiting; a command post keeps the page open.
    refetchInterval: 60_000,
  });
}

export function useSweepHouseholds(id: number, query: HouseholdQuery & Paged, enabled = true) {
  return useQuery({
    queryKey: sweepKeys.households(id, query),
    queryFn: ({ signal }) => api.get<Page<SweepHousehold>>(`${base(id)}/households`, { ...query } as Query, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useSweepHousehold(id: number, householdId: number | null) {
  return useQuery({
    queryKey: sweepKeys.household(id, householdId ?? 0),
    queryFn: ({ signal }) => api.get<SweepHouseholdDetail>(`${base(id)}/households/${householdId}`, undefined, { signal }),
    enabled: !!householdId,
  });
}

export function useVisits(id: number, query: { household?: number; member?: number } & Paged, enabled = true) {
  return useQuery({
    queryKey: sweepKeys.visits(id, query),
    queryFn: ({ signal }) => api.get<Page<Visit>>(`${base(id)}/visits`, { ...query }, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCrossCheck(id: number, enabled = true) {
  return useQuery({
    queryKey: sweepKeys.crossCheck(id),
    queryFn: ({ signal }) => api.get<CrossCheck>(`${base(id)}/cross-check`, undefined, { signal }),
    enabled,
  });
}

export function useMemberCandidates(id: number, enabled = true) {
  return useQuery({
    queryKey: sweepKeys.members(id),
    queryFn: async ({ signal }) => (await api.get<{ items: MemberCandidate[] }>(`${base(id)}/members`, undefined, { signal })).items,
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** The villages of a commune, offered when planning a sweep over it. */
export function useCommuneVillages(code: string | undefined) {
  return useQuery({
    queryKey: unitKeys.children(code ?? null),
    queryFn: () => fetchUnitChildren(code!),
    enabled: !!code,
    staleTime: 5 * 60_000,
    select: (units) => units.filter((u) => u.tier === 'village'),
  });
}

/** One level of the national list (provinces when no parent): arrivals come from anywhere in the country. */
export function useOrigins(parent: string | null, enabled = true) {
  return useQuery({
    queryKey: ['origins', parent ?? ''],
    queryFn: async () => (await api.get<{ items: OriginOption[] }>('/public/origins', { parent: parent ?? undefined })).items,
    enabled,
    staleTime: Infinity,
  });
}

/** Any write changes progress, lists and the version, so every sweep query is refreshed. */
function useInvalidateSweeps() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: sweepKeys.all });
}

export function useCreateSweep() {
  const invalidate = useInvalidateSweeps();
  return useMutation({
    mutationFn: (input: SweepInput) => api.post<SweepDetail>('/sweeps', input),
    onSuccess: () => invalidate(),
  });
}

export function useUpdateSweep(id: number) {
  const invalidate = useInvalidateSweeps();
  return useMutation({
    mutationFn: (patch: { version: number; status?: Sweep['status']; note?: string | null }) => api.patch<SweepDetail>(base(id), patch),
    // A 409 means what is on screen is stale: refetch after failures too.
    onSettled: () => invalidate(),
  });
}

export function useAssign(id: number) {
  const invalidate = useInvalidateSweeps();
  return useMutation({
    mutationFn: (input: AssignInput) => api.post<SweepDetail>(`${base(id)}/assign`, input),
    onSettled: () => invalidate(),
  });
}

export function useRecordVisit(id: number) {
  const invalidate = useInvalidateSweeps();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: VisitInput) => api.post<Visit>(`${base(id)}/visits`, input),
    onSuccess: () => {
      // New arrivals are new people of the registry.
      void queryClient.invalidateQueries({ queryKey: ['people'] });
      return invalidate();
    },
  });
}

export const sweepLinks = {
  listXlsx: (query: { status?: string; unit?: string }) => apiUrl('/sweeps/export.xlsx', { ...query }),
  householdsXlsx: (id: number, query: HouseholdQuery) => apiUrl(`${base(id)}/households/export.xlsx`, { ...query } as Query),
  visitsXlsx: (id: number) => apiUrl(`${base(id)}/visits/export.xlsx`),
  crossCheckXlsx: (id: number) => apiUrl(`${base(id)}/cross-check/export.xlsx`),
};
