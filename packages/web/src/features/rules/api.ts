import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { RuleSettings, SettingValue } from './types';

export const rulesKeys = { all: ['rule-settings'] as const };

export function useRuleSettings(unit: string | undefined) {
  return useQuery({
    queryKey: [...rulesKeys.all, unit ?? ''],
    queryFn: ({ signal }) => api.get<RuleSettings>('/rule-settings', { unit }, { signal }),
  });
}

/** A change anywhere may alter what applies below it: every unit's view is refreshed. */
function useRuleWrite<I>(send: (input: I) => Promise<RuleSettings>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: send, onSuccess: () => queryClient.invalidateQueries({ queryKey: rulesKeys.all }) });
}

export const useSaveRuleSetting = () =>
  useRuleWrite((input: { key: string; unit: string; overrides: Record<string, SettingValue>; version?: number }) =>
    api.put<RuleSettings>(`/rule-settings/${input.key}`, { unit: input.unit, overrides: input.overrides, version: input.version }));

export const useResetRuleSetting = () =>
  useRuleWrite((input: { key: string; unit: string; version: number }) =>
    api.delete<RuleSettings>(`/rule-settings/${input.key}?unit=${encodeURIComponent(input.unit)}&version=${input.version}`));
