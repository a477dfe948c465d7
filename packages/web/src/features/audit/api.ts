import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, apiUrl } from '../../api/client';
import type { Page } from '../../api/paging';
import type { AuditEntry, AuditFilters } from './types';

export function useAuditLog(page: number, pageSize: number, filters: AuditFilters) {
  return useQuery({
    queryKey: ['audit', page, pageSize, filters],
    queryFn: ({ signal }) => api.get<Page<AuditEntry>>('/audit', { page, pageSize, ...filters }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export const auditExportUrl = (filters: AuditFilters) => apiUrl('/audit/export.xlsx', { ...filters });
