import type { CampaignPurpose, CampaignStatus, PlaceType, SampleResult, TestType } from '@pcd/core';

export interface Coverage { target: number | null; tested: number; sharePct: number | null; gap: number | null }

export interface Campaign {
  id: number; name: string; purpose: CampaignPurpose; placeType: PlaceType | null; placeName: string | null; unitCode: string; unitName: string;
  fromDate: string; toDate: string | null; targetCount: number | null; targetListSize: number; poolSize: number; status: CampaignStatus;
  note: string | null; samples: number; positives: number; coverage: Coverage; version: number; createdAt: string; updatedAt: string;
}

export interface CampaignInput {
  name: string; purpose: CampaignPurpose; placeType?: PlaceType | null; placeName?: string | null; unitCode: string; fromDate: string;
  toDate?: string | null; targetCount?: number | null; poolSize: number; note?: string | null;
}

export interface SampleMember { personId: number; fullName: string; birthYear: number | null; unitCode: string }

export interface Sample {
  id: number; campaignId: number; campaignName: string; unitCode: string; type: TestType; pooled: boolean; poolSize: number; parentSampleId: number | null;
  collector: string | null; lab: string | null; collectedAt: string; collectedDate: string; result: SampleResult; resultAt: string | null;
  turnaroundHours: number | null; caseId: number | null; members: SampleMember[]; version: number; createdAt: string;
}

export interface SampleInput { campaignId: number; pooled?: number[]; personId?: number; type: TestType; collectedAt: string; collector?: string; lab?: string }

export interface FirmReport {
  id: number; firmName: string; unitCode: string; unitName: string; reportDate: string; workersTested: number; positives: number;
  positivityRate: number | null; testType: TestType; reportedBy: string; note: string | null; createdAt: string;
}

export interface Figures { samples: number; positivePools: number; peopleTested: number; positives: number; positivityRate: number | null; medianTurnaroundHours: number | null }

export interface TestingStats {
  unitCode: string | null; unitName: string; from: string | null; to: string | null;
  days: (Figures & { date: string })[];
  rows: (Figures & { unitCode: string; unitName: string })[];
  totals: Figures;
  campaigns: (Coverage & { id: number; name: string; purpose: CampaignPurpose; unitCode: string; status: CampaignStatus })[];
  firms: { reports: number; workersTested: number; positives: number };
}
