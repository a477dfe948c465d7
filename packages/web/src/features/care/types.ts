import type { AlertAction, CareSymptom, WarningSign } from '@pcd/core';

export interface CareAlert {
  id: number;
  caseId: number;
  checkinId: number;
  personId: number;
  fullName: string;
  phone: string | null;
  unitCode: string;
  unitName: string;
  signs: WarningSign[];
  openedAt: string;
  spo2: number | null;
  respiratoryRate: number | null;
  pulse: number | null;
  temperature: number | null;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
  action: AlertAction | null;
  note: string | null;
  closedAt: string | null;
  version: number;
}

export interface CheckinInput {
  temperature?: number | null;
  spo2?: number | null;
  pulse?: number | null;
  respiratoryRate?: number | null;
  symptoms: CareSymptom[];
  note?: string | null;
}

export interface Checkin extends Required<Omit<CheckinInput, 'note'>> {
  id: number;
  caseId: number;
  at: string;
  note: string | null;
  warningSigns: WarningSign[];
}

export interface OverdueCase {
  caseId: number;
  fullName: string;
  phone: string | null;
  address: string | null;
  unitName: string;
  carePlace: string;
  lastCheckinAt: string | null;
  overdueSince: string;
  careTeam: string | null;
}

export interface CareTeam {
  id: number;
  name: string;
  unitCode: string;
  unitName: string;
  leaderUserId: number | null;
  leaderName: string | null;
  phone: string | null;
  members: { userId: number | null; personId: number | null; fullName: string }[];
  caseIds: number[];
  cases: { id: number; fullName: string }[];
  version: number;
}

export interface CareTeamInput {
  name: string;
  unitCode: string;
  leaderUserId?: number | null;
  leaderPersonId?: number | null;
  leaderHealthWorker?: boolean;
  phone?: string | null;
  memberUserIds?: number[];
  memberPersonIds?: number[];
  caseIds?: number[];
}

/** The few fields of a case the check-in picker shows. */
export interface CaseBrief {
  id: number;
  person: { id: number; fullName: string; birthYear: number | null };
  unitName: string;
  carePlace: string;
}
