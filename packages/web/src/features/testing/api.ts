import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl, type Query } from '../../api/client';
import type { Page } from '../../api/paging';
import type { Campaign, CampaignInput, FirmReport, Sample, SampleInput, TestingStats } from './types';

export const testingKeys = { all: ['testing'] as const };
export interface StatsQuery { unit?: string; from?: string; to?: string }

export function useCampaigns(page: number) {
  return useQuery({
    queryKey: [...testingKeys.all, 'campaigns', page],
    queryFn: ({ signal }) => api.get<Page<Campaign>>('/testing/campaigns', { page, pageSize: 20 }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCampaign(id: number) {
  return useQuery({
    queryKey: [...testingKeys.all, 'campaign', id],
    queryFn: ({ signal }) => api.get<Campaign>(`/testing/campaigns/${id}`, undefined, { signal }),
  });
}

/** A campaign of a few thousand samples fits one page; follow-ups are nested under their pool on screen. */
export function useSamples(campaignId: number) {
  return useQuery({
    queryKey: [...testingKeys.all, 'samples', campaignId],
    queryFn: ({ signal }) => api.get<Page<Sample>>('/testing/samples', { campaign: campaignId, pageSize: 500 }, { signal }),
  });
}

function useTestingWrite<I, O>(send: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: send, onSuccess: () => queryClient.invalidateQueries({ queryKey: testingKeys.all }) });
}

export const useCreateCampaign = () => useTestingWrite((input: CampaignInput) => api.post<Campaign>('/testing/campaigns', input));
export const useUpdateCampaign = () =>
  useTestingWrite(({ id, ...patch }: { id: number; version: number; status?: string }) => api.patch<Campaign>(`/testing/campaigns/${id}`, patch));
export const useCreateSample = () => useTestingWrite((input: SampleInput) => api.post<Sample>('/testing/samples', input));
export const useRecordResult = () =>
  useTestingWrite(({ id, ...body }: { id: number; result: string; version: number }) => api.post<{ sample: Sample; followUps: Sample[] }>(`/testing/samples/${id}/result`, body));
export const useRegisterCase = () =>
  useTestingWrite(({ id, ...body }: { id: number } & Record<string, unknown>) => api.post<{ caseId: number; sample: Sample }>(`/testing/samples/${id}/register-case`, body));
export const useCreateFirmReport = () => useTestingWrite((input: Record<string, unknown>) => api.post<FirmReport>('/testing/firm-reports', input));

export function useFirmReports(page: number) {
  return useQuery({
    queryKey: [...testingKeys.all, 'firm-reports', page],
    queryFn: ({ signal }) => api.get<Page<FirmReport>>('/testing/firm-reports', { page, pageSize: 20 }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useTestingStats(query: StatsQuery) {
  return useQuery({
    queryKey: [...testingKeys.all, 'stats', query],
    queryFn: ({ signal }) => api.get<TestingStats>('/stats/testing', { ...query } as Query, { signal }),
    placeholderData: keepPreviousData,
  });
}

export const testingLinks = { statsXlsx: (q: StatsQuery) => apiUrl('/stats/testing/export.xlsx', q as Query) };
