import type { PopulationByAge } from '@pcd/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl } from '../../api/client';
import type { Page } from '../../api/paging';
import type { ImportMode, ImportResult, ImportType, RegistryProvince, UnitDetail, UnitSummary } from './types';

/** The server's largest page; a tree level is read whole so that no commune goes missing. */
const LEVEL_PAGE_SIZE = 500;
export const SEARCH_PAGE_SIZE = 50;

export const unitKeys = {
  all: ['units'] as const,
  children: (parent: string | null) => ['units', 'children', parent ?? ''] as const,
  search: (q: string) => ['units', 'search', q] as const,
  detail: (code: string) => ['units', 'detail', code] as const,
  registry: ['units', 'registry'] as const,
};

/** Children of a unit, or the caller's top units when `parent` is null, all pages of them. */
export async function fetchUnitChildren(parent: string | null): Promise<UnitSummary[]> {
  const items: UnitSummary[] = [];
  for (let page = 1; ; page++) {
    const answer = await api.get<Page<UnitSummary>>('/units', { parent: parent ?? undefined, page, pageSize: LEVEL_PAGE_SIZE });
    items.push(...answer.items);
    if (answer.items.length === 0 || items.length >= answer.total) return items;
  }
}

export function useTopUnits() {
  return useQuery({ queryKey: unitKeys.children(null), queryFn: () => fetchUnitChildren(null), staleTime: 5 * 60_000 });
}

export function useUnitSearch(q: string) {
  const text = q.trim();
  return useQuery({
    queryKey: unitKeys.search(text),
    queryFn: ({ signal }) => api.get<Page<UnitSummary>>('/units', { q: text, pageSize: SEARCH_PAGE_SIZE }, { signal }),
    enabled: text.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useUnit(code: string | undefined) {
  return useQuery({
    queryKey: unitKeys.detail(code ?? ''),
    queryFn: () => api.get<UnitDetail>(`/units/${encodeURIComponent(code!)}`),
    enabled: !!code,
  });
}

export function useSavePopulation(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { version: number; byAge: PopulationByAge }) =>
      api.patch<UnitSummary>(`/units/${encodeURIComponent(code)}`, {
        version: input.version,
        population: { byAge: input.byAge },
      }),
    onSuccess: (updated) => {
      // The answer has no ancestors; keep those from the cached detail.
      queryClient.setQueryData<UnitDetail>(unitKeys.detail(code), (old) => (old ? { ...old, ...updated } : old));
      // Parents show sums of their sub-units, so their cached figures are now stale.
      void queryClient.invalidateQueries({ queryKey: ['units', 'detail'] });
    },
  });
}

export function useRegistryProvinces(enabled: boolean) {
  return useQuery({
    queryKey: unitKeys.registry,
    queryFn: async () => (await api.get<{ items: RegistryProvince[] }>('/units/registry/provinces')).items,
    enabled,
    staleTime: Infinity,
  });
}

export function importUnitsFile(input: { type: ImportType; mode: ImportMode; file: File }): Promise<ImportResult> {
  // Fields before the file, as the multipart stream is read in order.
  const form = new FormData();
  form.append('type', input.type);
  form.append('mode', input.mode);
  form.append('file', input.file, input.file.name);
  return api.post<ImportResult>('/units/import', form);
}

export function importUnitsFromRegistry(provinceCode: string): Promise<ImportResult> {
  return api.post<ImportResult>('/units/import', { source: 'registry', provinceCode });
}

export const unitLinks = {
  exportXlsx: (parent: string | null) => apiUrl('/units/export.xlsx', { parent: parent ?? undefined }),
  template: (type: ImportType) => apiUrl('/units/import/template.xlsx', { type }),
};
