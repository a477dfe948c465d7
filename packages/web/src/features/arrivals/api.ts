import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl, type Query } from '../../api/client';
import type { Page } from '../../api/paging';
import type { DeclarationPayload } from '../declare/types';
import type { Declaration, Obligation, ObligationAction, Rule, RuleInput, StaffDeclaration, WorkTab, Zone, ZoneInput } from './types';

export const arrivalKeys = {
  declarations: ['declarations'] as const,
  obligations: ['obligations'] as const,
  zones: ['epidemic-zones'] as const,
  rules: ['obligation-rules'] as const,
};

interface Paged {
  page: number;
  pageSize: number;
}

export function useDeclarations(query: Query & Paged) {
  return useQuery({
    queryKey: [...arrivalKeys.declarations, query],
    queryFn: ({ signal }) => api.get<Page<Declaration>>('/declarations', query, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** A declaration may open a follow-up, so both lists (and the checkpoint's counts) are refreshed. */
export function useCreateDeclaration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: DeclarationPayload & { checkpointId?: number | null }) => api.post<StaffDeclaration>('/declarations', input),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: arrivalKeys.declarations }),
        queryClient.invalidateQueries({ queryKey: arrivalKeys.obligations }),
        queryClient.invalidateQueries({ queryKey: ['checkpoints'] }),
      ]),
  });
}

/** What each tab of the work list asks the server. */
export function workTabQuery(tab: WorkTab): Query {
  switch (tab) {
    case 'today':
    case 'overdue':
    case 'upcoming':
      return { status: 'open', due: tab };
    default:
      return { status: tab };
  }
}

export function useObligations(query: Query & Paged) {
  return useQuery({
    queryKey: [...arrivalKeys.obligations, query],
    queryFn: ({ signal }) => api.get<Page<Obligation>>('/obligations', query, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useObligationAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, action }: { id: number; version: number; action: ObligationAction }) =>
      api.patch<Obligation>(`/obligations/${id}`, { version, ...action }),
    // Refetch after a failure too: a 409 means the row on screen is stale.
    onSettled: () => queryClient.invalidateQueries({ queryKey: arrivalKeys.obligations }),
  });
}

export function useZones(query: Query & Paged) {
  return useQuery({
    queryKey: [...arrivalKeys.zones, query],
    queryFn: ({ signal }) => api.get<Page<Zone>>('/epidemic-zones', query, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateZone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ZoneInput) => api.post<Zone>('/epidemic-zones', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: arrivalKeys.zones }),
  });
}

export function useUpdateZone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...changes }: { id: number; version: number; toDate?: string | null; note?: string | null }) =>
      api.patch<Zone>(`/epidemic-zones/${id}`, changes),
    onSettled: () => queryClient.invalidateQueries({ queryKey: arrivalKeys.zones }),
  });
}

export interface RulesAnswer extends Page<Rule> {
  effective: Rule | null;
}

export function useRules() {
  return useQuery({
    queryKey: arrivalKeys.rules,
    queryFn: () => api.get<RulesAnswer>('/obligation-rules', { pageSize: 100 }),
  });
}

export function useReplaceRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RuleInput) => api.put<Rule>('/obligation-rules', input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: arrivalKeys.rules }),
  });
}

export const arrivalLinks = {
  declarations: (query: Query) => apiUrl('/declarations/export.xlsx', query),
  obligations: (query: Query) => apiUrl('/obligations/export.xlsx', query),
  zones: (query: Query) => apiUrl('/epidemic-zones/export.xlsx', query),
};
