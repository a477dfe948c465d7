import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { DeclarationPayload, DestinationOption, OriginOption, PublicCheckpoint } from './types';

/**
 * The calls the no-login form makes. They are also used by staff forms (origins, destinations),
 * so they live here rather than in a staff module the public page would then have to load.
 */
export const publicKeys = {
  origins: (parent: string | null) => ['public', 'origins', parent ?? ''] as const,
  destinations: (q: string, token: string) => ['public', 'destinations', q, token] as const,
  checkpoint: (token: string) => ['public', 'checkpoint', token] as const,
};

/** One level of the national list: provinces without a parent. It changes once in years, hence no refetching. */
export function useOrigins(parent: string | null, enabled = true) {
  return useQuery({
    queryKey: publicKeys.origins(parent),
    queryFn: async () => (await api.get<{ items: OriginOption[] }>('/public/origins', { parent })).items,
    enabled,
    staleTime: Infinity,
    gcTime: 30 * 60_000,
  });
}

/** Communes and villages that take declarations; with a point's token, those around the point even before typing. */
export function useDestinations(q: string, checkpointToken: string | undefined) {
  const text = q.trim();
  return useQuery({
    queryKey: publicKeys.destinations(text, checkpointToken ?? ''),
    queryFn: async ({ signal }) =>
      (await api.get<{ items: DestinationOption[] }>('/public/destinations', { q: text, checkpointToken }, { signal })).items,
    enabled: !!checkpointToken || text.length >= 2,
    staleTime: 5 * 60_000,
  });
}

export function usePublicCheckpoint(token: string | undefined) {
  return useQuery({
    queryKey: publicKeys.checkpoint(token ?? ''),
    queryFn: () => api.get<PublicCheckpoint>(`/public/checkpoints/${encodeURIComponent(token!)}`),
    enabled: !!token,
    retry: false,
    staleTime: 10 * 60_000,
  });
}

export function useSubmitDeclaration() {
  return useMutation({
    mutationFn: (payload: DeclarationPayload & { checkpointToken?: string; website?: string }) =>
      api.post<{ receiptCode: string }>('/public/declarations', payload),
  });
}
