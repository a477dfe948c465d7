import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { DEFAULT_PAGE_SIZE } from './paging';

/**
 * Paging and filters of a server-paged list, kept in the URL so that Back, reload and a shared link
 * all show the same page. Changing a filter goes back to page 1.
 */
export function useListParams<F extends string>(filterNames: readonly F[]) {
  const [params, setParams] = useSearchParams();

  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Math.max(1, Number(params.get('pageSize')) || DEFAULT_PAGE_SIZE);
  const filterKey = filterNames.map((name) => params.get(name) ?? '').join('\u0000');
  const filters = useMemo(() => {
    const values = filterKey.split('\u0000');
    return Object.fromEntries(filterNames.map((name, i) => [name, values[i] ?? ''])) as Record<F, string>;
    // filterNames is a constant list per screen.
  }, [filterKey]);

  const setPage = useCallback(
    (nextPage: number, nextSize: number) => {
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        next.set('page', String(nextSize !== pageSize ? 1 : nextPage));
        next.set('pageSize', String(nextSize));
        return next;
      });
    },
    [setParams, pageSize],
  );

  const setFilters = useCallback(
    (values: Partial<Record<F, string>>) => {
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        for (const [name, value] of Object.entries(values) as [F, string | undefined][]) {
          if (value) next.set(name, value);
          else next.delete(name);
        }
        next.delete('page');
        return next;
      });
    },
    [setParams],
  );

  return { page, pageSize, filters, setPage, setFilters };
}
