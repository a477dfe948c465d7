import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl, type Query } from '../../api/client';
import { ApiError, readErrorBody } from '../../api/errors';
import type { Page } from '../../api/paging';
import i18n from '../../i18n';
import type { Checkpoint, CheckpointInput, CheckpointPatch, CheckpointStats, Passage, PassageInput } from './types';

export const checkpointKeys = {
  all: ['checkpoints'] as const,
  list: (query: object) => ['checkpoints', 'list', query] as const,
  detail: (id: number) => ['checkpoints', 'detail', id] as const,
  passages: (id: number, date: string) => ['checkpoints', 'passages', id, date] as const,
  stats: (id: number, from: string, to: string) => ['checkpoints', 'stats', id, from, to] as const,
  qr: (id: number, token: string) => ['checkpoints', 'qr', id, token] as const,
};

export function useCheckpoints(query: Query & { page: number; pageSize: number }) {
  return useQuery({
    queryKey: checkpointKeys.list(query),
    queryFn: ({ signal }) => api.get<Page<Checkpoint>>('/checkpoints', query, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCheckpoint(id: number) {
  return useQuery({ queryKey: checkpointKeys.detail(id), queryFn: () => api.get<Checkpoint>(`/checkpoints/${id}`), enabled: id > 0, retry: false });
}

export function useCreateCheckpoint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CheckpointInput) => api.post<Checkpoint>('/checkpoints', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: checkpointKeys.all }),
  });
}

export function useUpdateCheckpoint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...patch }: CheckpointPatch & { id: number }) => api.patch<Checkpoint>(`/checkpoints/${id}`, patch),
    onSettled: () => queryClient.invalidateQueries({ queryKey: checkpointKeys.all }),
  });
}

export function usePassages(id: number, date: string, enabled: boolean) {
  return useQuery({
    queryKey: checkpointKeys.passages(id, date),
    queryFn: () => api.get<Page<Passage>>(`/checkpoints/${id}/passages`, { date, pageSize: 500 }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useAddPassage(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PassageInput) => api.post<Passage>(`/checkpoints/${id}/passages`, input),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['checkpoints', 'passages', id] }),
        queryClient.invalidateQueries({ queryKey: ['checkpoints', 'stats', id] }),
      ]),
  });
}

export function useCheckpointStats(id: number, from: string, to: string) {
  return useQuery({
    queryKey: checkpointKeys.stats(id, from, to),
    queryFn: () => api.get<CheckpointStats>(`/checkpoints/${id}/stats`, { from, to }),
    placeholderData: keepPreviousData,
  });
}

/** The QR code as SVG text with the address it encodes (sent by the server in x-qr-url). */
export function useQrCode(id: number, token: string | undefined) {
  return useQuery({
    queryKey: checkpointKeys.qr(id, token ?? ''),
    enabled: !!token,
    queryFn: async () => {
      const res = await fetch(apiUrl(`/checkpoints/${id}/qr.svg`), { credentials: 'same-origin' });
      if (!res.ok) {
        const { body } = await readErrorBody(res, i18n.t('errors.http', { status: res.status }));
        throw new ApiError(res.status, body, { english: i18n.language === 'en' });
      }
      const url = res.headers.get('x-qr-url');
      return { svg: await res.text(), url: url ? decodeURI(url) : null };
    },
    staleTime: Infinity,
  });
}

export const checkpointLinks = {
  list: (query: Query) => apiUrl('/checkpoints/export.xlsx', query),
  passages: (id: number, from: string, to: string) => apiUrl(`/checkpoints/${id}/passages/export.xlsx`, { from, to }),
};

/** The public form of a point, as printed under its QR code. */
export const publicFormUrl = (token: string) => `${window.location.origin}/khai-bao/${token}`;
