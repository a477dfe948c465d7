import type { Sex, SweepAccess, SweepStatus, Symptom, VisitOutcome, VisitState } from '@pcd/core';

/** Households done / to do; "attempted" ones (nobody home) still count as remaining. */
export interface Progress {
  total: number;
  visited: number;
  attempted: number;
  remaining: number;
  percent: number;
}

export interface Sweep {
  id: number;
  name: string;
  unitCode: string;
  unitName: string;
  /** yyyy-mm-dd */
  fromDate: string;
  toDate: string;
  status: SweepStatus;
  note: string | null;
  villageCodes: string[];
  progress: Progress;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface VillageProgress extends Progress {
  unitCode: string;
  unitName: string;
}

export interface MemberProgress extends Progress {
  /** null: households nobody has been given yet. */
  userId: number | null;
  /** Hidden from observers. */
  fullName: string | null;
}

export interface SweepDetail extends Sweep {
  access: SweepAccess;
  villages: VillageProgress[];
  members: MemberProgress[];
}

export interface SweepInput {
  name: string;
  unitCode: string;
  villageCodes?: string[];
  fromDate: string;
  toDate: string;
  note?: string | null;
}

export const SWEEP_FILTERS = ['status', 'unit'] as const;

export type HouseholdStateFilter = VisitState;

export interface SweepHousehold {
  householdId: number;
  code: string | null;
  name: string | null;
  kind: string;
  address: string;
  headName: string | null;
  unitCode: string;
  unitName: string;
  memberId: number | null;
  memberName: string | null;
  state: VisitState;
  visitCount: number;
  lastVisitAt: string | null;
  lastOutcome: VisitOutcome | null;
}

export interface HouseholdPerson {
  personId: number;
  fullName: string;
  birthYear: number | null;
  dateOfBirth: string | null;
  sex: Sex | null;
  residenceStatus: string;
}

export interface SweepHouseholdDetail extends SweepHousehold {
  members: HouseholdPerson[];
}

export interface HouseholdQuery {
  status?: VisitState | '';
  /** A user id, or "none" for households not given to anyone. */
  member?: string;
  village?: string;
}

export interface MemberCandidate {
  id: number;
  fullName: string;
  role: string;
  unitCode: string;
  assignedUnitCodes: string[];
}

export type AssignInput = { version: number; memberIds: number[] } | { version: number; householdIds: number[]; memberId: number | null };

export interface ArrivalInput {
  fullName: string;
  dateOfBirth?: string | null;
  birthYear?: number | null;
  sex?: Sex | null;
  idNumber?: string | null;
  phone?: string | null;
  originUnitCode?: string | null;
  arrivalDate: string;
}

export interface VisitInput {
  householdId: number;
  outcome: VisitOutcome;
  presentPersonIds: number[];
  absentPersonIds: number[];
  arrivals: ArrivalInput[];
  symptoms: Symptom[];
  followUpCreated: boolean;
  note: string | null;
}

interface PersonRef {
  personId: number;
  fullName: string;
}

export interface VisitArrival extends PersonRef {
  created: boolean;
  idNumber: string | null;
  birthYear: number | null;
  originUnitCode: string | null;
  originName: string | null;
  arrivalDate: string | null;
  probableDuplicates?: number[];
}

export interface Visit {
  id: number;
  sweepId: number;
  householdId: number;
  householdCode: string | null;
  headName: string | null;
  unitCode: string;
  visitedAt: string;
  visitedBy: number;
  visitedByName: string;
  outcome: VisitOutcome;
  present: PersonRef[];
  absent: PersonRef[];
  arrivals: VisitArrival[];
  symptoms: string[];
  followUpCreated: boolean;
  note: string | null;
  createdAt: string;
}

export interface CrossCheckEntry {
  source: 'declared' | 'found';
  personId: number | null;
  fullName: string;
  birthYear: number | null;
  idNumber: string | null;
  unitCode: string;
  unitName: string;
  arrivalDate: string | null;
  origin: string | null;
  recordId: number;
}

export interface CrossCheck {
  sweepId: number;
  fromDate: string;
  toDate: string;
  declared: number;
  found: number;
  matched: number;
  onlyDeclared: CrossCheckEntry[];
  onlyFound: CrossCheckEntry[];
}

/** One level of the national administrative list, as offered for "where from". */
export interface OriginOption {
  code: string;
  label: string;
  tier: string;
}
