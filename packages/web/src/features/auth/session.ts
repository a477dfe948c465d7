import type { Permission } from '@pcd/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../api/client';
import { isApiError } from '../../api/errors';
import type { Session } from './types';

export const SESSION_KEY = ['session'] as const;

/** The session probe: `null` means "not signed in", which is an answer rather than an error. */
async function fetchSession(): Promise<Session | null> {
  try {
    return await api.get<Session>('/auth/me', undefined, { allowUnauthorized: true });
  } catch (err) {
    if (isApiError(err) && err.status === 401) return null;
    throw err;
  }
}

export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 5 * 60_000, retry: false });
}

/** Only for components rendered inside RequireAuth, where the session is known to exist. */
export function useCurrentSession(): Session {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentSession outside RequireAuth');
  return data;
}

export function usePermission(permission: Permission): boolean {
  const { data } = useSession();
  return !!data?.permissions.includes(permission);
}

/** Forgets the session and every cached screen, so the next user never sees the previous one's data. */
export function useEndSession() {
  const queryClient = useQueryClient();
  return useCallback(() => {
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
    queryClient.setQueryData(SESSION_KEY, null);
  }, [queryClient]);
}
