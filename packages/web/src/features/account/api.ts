import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { itemsOf } from '../../api/paging';

export interface ApiToken {
  id: number | string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface CreatedToken {
  id: number | string;
  name: string;
  /** The only time the secret is ever sent. */
  token: string;
}

const tokensKey = ['auth', 'tokens'] as const;

export function useTokens() {
  return useQuery({
    queryKey: tokensKey,
    queryFn: async () => itemsOf(await api.get<ApiToken[] | { items: ApiToken[] }>('/auth/tokens')),
  });
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api.post<CreatedToken>('/auth/tokens', { name }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKey }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: ApiToken['id']) => api.delete<unknown>(`/auth/tokens/${id}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: tokensKey }),
  });
}

export function changePassword(input: { currentPassword: string; newPassword: string }) {
  // A wrong current password may be answered with 401; that must not end the session on screen.
  return api.post<unknown>('/auth/password', input, { allowUnauthorized: true });
}
