import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl, type Query } from '../../api/client';
import type { Page } from '../../api/paging';
import type {
  CreatedPerson,
  DuplicatePair,
  Household,
  HouseholdDetail,
  HouseholdInput,
  ImportMode,
  Job,
  Person,
  PersonChanges,
  PersonDetail,
  PersonInput,
  PeopleQuery,
  ResidentsImportResult,
} from './types';

export const peopleKeys = {
  all: ['people'] as const,
  list: (query: object) => ['people', 'list', query] as const,
  detail: (id: number) => ['people', 'detail', id] as const,
  duplicates: (query: object) => ['people', 'duplicates', query] as const,
};

export const householdKeys = {
  all: ['households'] as const,
  list: (query: object) => ['households', 'list', query] as const,
  detail: (id: number) => ['households', 'detail', id] as const,
};

interface Paged {
  page: number;
  pageSize: number;
}

export function usePeople(query: PeopleQuery & Paged, enabled = true) {
  return useQuery({
    queryKey: peopleKeys.list(query),
    queryFn: ({ signal }) => api.get<Page<Person>>('/people', { ...query } as Query, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function usePerson(id: number | null | undefined) {
  return useQuery({
    queryKey: peopleKeys.detail(id ?? 0),
    queryFn: () => api.get<PersonDetail>(`/people/${id}`),
    enabled: !!id,
  });
}

/** People, households and duplicate pairs all change together (a merge moves household members). */
function useInvalidatePeople() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: peopleKeys.all }),
      queryClient.invalidateQueries({ queryKey: householdKeys.all }),
    ]);
}

export function useCreatePerson() {
  const invalidate = useInvalidatePeople();
  return useMutation({
    mutationFn: (input: PersonInput) => api.post<CreatedPerson>('/people', input),
    onSuccess: () => invalidate(),
  });
}

export function useUpdatePerson() {
  const invalidate = useInvalidatePeople();
  return useMutation({
    mutationFn: ({ id, changes }: { id: number; changes: PersonChanges }) => api.patch<Person>(`/people/${id}`, changes),
    // Refetch after a failure too: a 409 means what is on screen is stale.
    onSettled: () => invalidate(),
  });
}

export function useMergePeople() {
  const invalidate = useInvalidatePeople();
  return useMutation({
    mutationFn: ({ keepId, otherId, version }: { keepId: number; otherId: number; version: number }) =>
      api.post<Person>(`/people/${keepId}/merge`, { otherId, version }),
    onSettled: () => invalidate(),
  });
}

export function useDuplicates(query: { unit?: string } & Paged) {
  return useQuery({
    queryKey: peopleKeys.duplicates(query),
    queryFn: ({ signal }) => api.get<Page<DuplicatePair>>('/people/duplicates', { ...query }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useDismissDuplicate() {
  const invalidate = useInvalidatePeople();
  return useMutation({
    mutationFn: (duplicateId: number) => api.post<void>(`/people/duplicates/${duplicateId}/dismiss`),
    onSettled: () => invalidate(),
  });
}

export function useHouseholds(query: { q?: string; unit?: string; kind?: string } & Paged, enabled = true) {
  return useQuery({
    queryKey: householdKeys.list(query),
    queryFn: ({ signal }) => api.get<Page<Household>>('/households', { ...query }, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useHousehold(id: number | null | undefined) {
  return useQuery({
    queryKey: householdKeys.detail(id ?? 0),
    queryFn: () => api.get<HouseholdDetail>(`/households/${id}`),
    enabled: !!id,
  });
}

export function useCreateHousehold() {
  const invalidate = useInvalidatePeople();
  return useMutation({
    mutationFn: (input: HouseholdInput) => api.post<Household>('/households', input),
    onSuccess: () => invalidate(),
  });
}

export function useUpdateHousehold() {
  const invalidate = useInvalidatePeople();
  return useMutation({
    mutationFn: ({ id, changes }: { id: number; changes: Partial<HouseholdInput> & { version: number } }) =>
      api.patch<Household>(`/households/${id}`, changes),
    onSettled: () => invalidate(),
  });
}

export function startResidentImport(input: { mode: ImportMode; file: File }): Promise<{ jobId: string; total: number }> {
  // The mode goes before the file: the server reads the multipart stream in order.
  const form = new FormData();
  form.append('mode', input.mode);
  form.append('file', input.file, input.file.name);
  return api.post<{ jobId: string; total: number }>('/people/import', form);
}

/** Polls a background job until it ends; the interval is short because imports of a few thousand rows take seconds. */
export function useJob<R>(jobId: string | null) {
  return useQuery({
    queryKey: ['jobs', jobId],
    queryFn: () => api.get<Job<R>>(`/jobs/${jobId}`),
    enabled: !!jobId,
    refetchInterval: (query) => (query.state.data && query.state.data.status !== 'running' ? false : 400),
    staleTime: 0,
  });
}

export function useResidentImportJob(jobId: string | null) {
  return useJob<ResidentsImportResult>(jobId);
}

export const peopleLinks = {
  exportXlsx: (query: PeopleQuery) => apiUrl('/people/export.xlsx', { ...query } as Query),
  template: () => apiUrl('/people/import/template.xlsx'),
};
