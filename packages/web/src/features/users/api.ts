import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl } from '../../api/client';
import type { Page } from '../../api/paging';
import type { NewUser, User, UserChanges } from './types';

export interface UserListParams {
  page: number;
  pageSize: number;
  q: string;
}

const usersKey = ['users'] as const;

export function useUsers(params: UserListParams) {
  return useQuery({
    queryKey: [...usersKey, params],
    queryFn: ({ signal }) => api.get<Page<User>>('/users', { ...params }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewUser) => api.post<User>('/users', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: User['id']; changes: UserChanges }) => api.patch<User>(`/users/${id}`, changes),
    // Refetch on failure too: a 409 means the row on screen is stale.
    onSettled: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

export const usersExportUrl = (q: string) => apiUrl('/users/export.xlsx', { q });
