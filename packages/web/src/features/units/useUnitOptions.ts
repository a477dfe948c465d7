import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../../api/client';
import { unitKeys, useTopUnits, useUnitSearch } from './api';
import { unitFullName, unitPlace } from './names';
import type { UnitDetail } from './types';

export interface UnitOption {
  value: string;
  label: string;
  path: string;
}

/**
 * Options for a unit picker: the caller's top units, or search hits while typing. Selected codes that are
 * in neither list (a user's existing unit) are looked up once so the box shows names, not bare codes.
 */
export function useUnitOptions(text: string, selected: string[], knownLabels: Record<string, string> = {}) {
  const top = useTopUnits();
  const search = useUnitSearch(text);
  const searching = text.trim().length >= 2;
  const units = searching ? search.data?.items : top.data;

  const listed = new Set((units ?? []).map((u) => u.code));
  const missing = selected.filter((code) => !listed.has(code) && !knownLabels[code]);
  const lookups = useQueries({
    queries: missing.map((code) => ({
      queryKey: unitKeys.detail(code),
      queryFn: () => api.get<UnitDetail>(`/units/${encodeURIComponent(code)}`),
      staleTime: 5 * 60_000,
      retry: false,
    })),
  });
  const lookedUp = lookups.map((q) => q.data).filter((u): u is UnitDetail => !!u);
  const lookedUpKey = lookedUp.map((u) => u.code).join(',');

  const options = useMemo(() => {
    const list: UnitOption[] = (units ?? []).map((u) => ({ value: u.code, label: unitFullName(u), path: unitPlace(u) }));
    const byCode = new Map(lookedUp.map((u) => [u.code, u]));
    for (const code of selected) {
      if (list.some((o) => o.value === code)) continue;
      const u = byCode.get(code);
      list.unshift({
        value: code,
        label: u ? unitFullName(u) : (knownLabels[code] ?? code),
        path: u ? u.ancestors.map(unitFullName).reverse().join(', ') : '',
      });
    }
    return list;
    // lookedUp is rebuilt every render; its codes say when it really changed.
  }, [units, selected.join(','), lookedUpKey, knownLabels]);

  return { options, searching, loading: searching && search.isFetching };
}
