import type { LockdownStatus } from '@pcd/core';

export interface LockdownRound {
  id: number;
  roundNo: number;
  date: string;
  residents: number;
  tested: number;
  positives: number;
  note: string | null;
  sharePct: number;
  meetsTarget: boolean;
}

export interface LockdownZone {
  id: number;
  name: string;
  unitCode: string;
  unitName: string;
  villageCodes: string[];
  villageNames: string[];
  householdIds: number[];
  addresses: string | null;
  startDate: string;
  endDate: string | null;
  reason: string;
  status: LockdownStatus;
  /** The share of residents every round should reach (100 %). */
  targetPct: number;
  rounds: LockdownRound[];
  version: number;
}

export interface ZoneInput {
  name: string;
  unitCode: string;
  villageCodes: string[];
  householdIds: number[];
  addresses?: string | null;
  startDate: string;
  endDate?: string | null;
  reason: string;
}

export interface RoundInput {
  version: number;
  date: string;
  residents: number;
  tested: number;
  positives: number;
  note?: string | null;
}
