import type {
  CarePlace, CaseStatus, ClusterSetting, ContactLevel, ContactRelation, ContactStatus, DeathPlace, DetectionSetting,
  DischargeTestResult, Severity, Sex, TestType,
} from '@pcd/core';

export interface PersonBrief {
  id: number; fullName: string; dateOfBirth: string | null; birthYear: number | null; sex: Sex | null;
  idNumber: string | null; phone: string | null; address: string | null; unitCode: string;
}

export interface EligibilityReason { criterion: string; outcome: 'met' | 'unmet' | 'unknown'; message: string; messageEn: string }

export interface Case {
  id: number; person: PersonBrief; unitCode: string; unitName: string;
  testType: TestType; testDate: string; lab: string | null; detectedIn: DetectionSetting; onsetDate: string | null; severity: Severity;
  comorbidities: string[]; comorbidityStable: boolean; pregnant: boolean; vaccinationDoses: number | null; vaccinationSource: 'records' | 'declared' | null; spo2: number | null; respiratoryRate: number | null;
  carePlace: CarePlace; careFacility: string | null; clusterId: number | null; clusterName: string | null;
  sourceCaseId: number | null; fromContactId: number | null; status: CaseStatus;
  dischargeDate: string | null; dischargeTestType: TestType | null; dischargeTestDate: string | null; dischargeTestResult: DischargeTestResult | null;
  deathDate: string | null; deathPlace: DeathPlace | null; deathCause: string | null; transferDate: string | null; transferTo: string | null;
  note: string | null; homeTreatment: { eligible: boolean; reasons: EligibilityReason[] };
  version: number; createdAt: string; updatedAt: string;
}

export interface CarePlaceEntry {
  id: number; place: CarePlace; facilityName: string | null; severity: Severity; fromDate: string; toDate: string | null; reason: string | null; createdAt: string;
}

export interface CaseDetail extends Case { carePlaces: CarePlaceEntry[]; contacts: Contact[] }

export interface Contact {
  id: number; level: ContactLevel; relation: ContactRelation; lastExposureDate: string; setting: string | null; vaccinationDoses: number | null; vaccinationSource: 'records' | 'declared' | null;
  status: ContactStatus; note: string | null; access: 'full' | 'recorded';
  unitCode: string; unitName: string; recordedUnitCode: string; recordedUnitName: string; handedOver: boolean; handedOverAt: string | null;
  person: PersonBrief | null;
  entered: { fullName: string; dateOfBirth: string | null; birthYear: number | null; sex: Sex | null; phone: string | null; address: string | null; unitCode: string } | null;
  source: { kind: 'case' | 'contact'; level: 'F0' | 'F1'; id: number | null; unitCode: string; unitName: string };
  clusterId: number | null;
  obligation: { id: number; kind: 'contact_f1' | 'contact_f2'; startDate: string; endDate: string; status: string; nextDueDate: string | null } | null;
  promotedCaseId: number | null;
  version: number; createdAt: string; updatedAt: string;
}

export interface Cluster {
  id: number; name: string; setting: ClusterSetting; unitCode: string; unitName: string; firstDate: string; note: string | null;
  counts: { cases: number; activeCases: number; deaths: number; f1: number; f2: number };
  version: number; createdAt: string; updatedAt: string;
}

export interface ChainNode {
  id: string; kind: 'case' | 'contact'; level: 'F0' | 'F1' | 'F2'; anonymous: boolean; label: string | null; status: string | null;
  severity: string | null; date: string | null; unitCode: string | null; handedOver: boolean | null;
}
export interface ChainEdge { from: string; to: string; kind: 'infection' | 'contact' }
export interface ChainCounts { cases: number; activeCases: number; recovered: number; deaths: number; f1: number; f2: number; total: number }
export interface ChainPage {
  root: { kind: 'cluster' | 'case'; id: number; name: string | null };
  counts: ChainCounts; nodes: ChainNode[]; edges: ChainEdge[]; offset: number; limit: number; truncated: boolean; nextOffset: number | null;
}
export type ChainContacts = 'none' | 'f1' | 'all';

export interface DayFigures {
  newCommunity: number; newQuarantine: number; newLockdown: number; newTotal: number; active: number; activeByPlace: Record<string, number>;
  severeCritical: number; deaths: number; recoveries: number; transfersOut: number;
}
export interface CaseDay extends DayFigures { date: string }
export interface CaseStats {
  unitCode: string; unitName: string; from: string; to: string; days: CaseDay[]; totals: DayFigures;
  units: { unitCode: string; unitName: string; days: CaseDay[]; totals: DayFigures }[];
}

export const CASE_FILTERS = ['unit', 'status', 'severity', 'detectedIn', 'carePlace', 'clusterId', 'from', 'to', 'q'] as const;
export type CaseQuery = Partial<Record<(typeof CASE_FILTERS)[number], string>>;
export const CONTACT_FILTERS = ['unit', 'level', 'status', 'handover', 'q'] as const;
export type ContactQuery = Partial<Record<(typeof CONTACT_FILTERS)[number], string>>;

/** A new person typed in a form; unitCode is where they live (for a contact, possibly another commune). */
export interface NewPerson {
  fullName: string; birthYear?: number | null; sex?: Sex | null; phone?: string | null; idNumber?: string | null; unitCode: string; address?: string | null;
}
