import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl, type Query } from '../../api/client';
import type { Page } from '../../api/paging';
import type { Case, CaseDetail, CaseQuery, CaseStats, Cluster, Contact, ContactQuery } from './types';

interface Paged { page: number; pageSize: number }

export const caseKeys = {
  // Cases, contacts, clusters and chains move together: a promotion or a new F1 touches all of them.
  all: ['cases'] as const,
  list: (q: object) => ['cases', 'list', q] as const,
  detail: (id: number) => ['cases', 'detail', id] as const,
  contacts: (q: object) => ['cases', 'contacts', q] as const,
  contact: (id: number) => ['cases', 'contact', id] as const,
  clusters: (q: object) => ['cases', 'clusters', q] as const,
  stats: (q: object) => ['cases', 'stats', q] as const,
};

export function useCases(query: CaseQuery & Paged) {
  return useQuery({
    queryKey: caseKeys.list(query),
    queryFn: ({ signal }) => api.get<Page<Case>>('/cases', { ...query } as Query, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCase(id: number) {
  return useQuery({ queryKey: caseKeys.detail(id), queryFn: ({ signal }) => api.get<CaseDetail>(`/cases/${id}`, undefined, { signal }) });
}

export function useContacts(query: ContactQuery & Paged) {
  return useQuery({
    queryKey: caseKeys.contacts(query),
    queryFn: ({ signal }) => api.get<Page<Contact>>('/contacts', { ...query } as Query, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useContact(id: number) {
  return useQuery({ queryKey: caseKeys.contact(id), queryFn: ({ signal }) => api.get<Contact>(`/contacts/${id}`, undefined, { signal }) });
}

export function useClusters(query: { q?: string; unit?: string } & Paged) {
  return useQuery({
    queryKey: caseKeys.clusters(query),
    queryFn: ({ signal }) => api.get<Page<Cluster>>('/clusters', { ...query } as Query, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCaseStats(query: { unit?: string; from?: string; to?: string }) {
  return useQuery({
    queryKey: caseKeys.stats(query),
    queryFn: ({ signal }) => api.get<CaseStats>('/stats/cases', query as Query, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** A write that refreshes every case, contact and cluster view once it succeeds. */
export function useCaseWrite<I, O>(send: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: send, onSuccess: () => client.invalidateQueries({ queryKey: caseKeys.all }) });
}

export const casesApi = {
  create: (body: object) => api.post<Case>('/cases', body),
  patch: (id: number, body: object) => api.patch<Case>(`/cases/${id}`, body),
  transfer: (id: number, body: object) => api.post<Case>(`/cases/${id}/care-places`, body),
  addContact: (source: { kind: 'case' | 'contact'; id: number }, body: object) =>
    api.post<Contact>(`/${source.kind === 'case' ? 'cases' : 'contacts'}/${source.id}/contacts`, body),
  promote: (id: number, body: object) => api.post<{ case: Case; contact: Contact; upgraded: Contact[] }>(`/contacts/${id}/promote`, body),
  createCluster: (body: object) => api.post<Cluster>('/clusters', body),
};

export const caseLinks = {
  casesXlsx: (q: CaseQuery) => apiUrl('/cases/export.xlsx', { ...q } as Query),
  contactsXlsx: (q: ContactQuery) => apiUrl('/contacts/export.xlsx', { ...q } as Query),
  clustersXlsx: () => apiUrl('/clusters/export.xlsx'),
  statsXlsx: (q: { unit?: string; from?: string; to?: string }) => apiUrl('/stats/cases/export.xlsx', q as Query),
};
