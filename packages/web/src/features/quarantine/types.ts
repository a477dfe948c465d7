import type { AreaKind, EpisodeStatus, FacilityStatus, QuarantineKind, QuarantineReason } from '@pcd/core';

export interface FacilityArea {
  id: number;
  kind: AreaKind;
  name: string;
  beds: number;
  occupied: number;
}

export interface Facility {
  id: number;
  name: string;
  unitCode: string;
  unitName: string;
  address: string | null;
  rooms: number;
  operator: string | null;
  status: FacilityStatus;
  overloadPct: number;
  beds: number;
  occupied: number;
  load: { ratioPct: number; overloaded: boolean; full: boolean };
  /** Set by the server while occupancy is at or above the threshold. */
  warning: string | null;
  areas: FacilityArea[];
  version: number;
}

export interface FacilityInput {
  name: string;
  unitCode: string;
  address?: string | null;
  rooms?: number;
  operator?: string | null;
  status?: FacilityStatus;
  overloadPct?: number;
  areas: { kind: AreaKind; name: string; beds: number }[];
}

export interface OccupancyDay {
  date: string;
  total: number;
  byArea: Record<AreaKind, number>;
  ratioPct: number;
  overloaded: boolean;
}

export interface Occupancy {
  facilityId: number;
  beds: number;
  overloadPct: number;
  days: OccupancyDay[];
}

export interface Episode {
  id: number;
  personId: number;
  fullName: string;
  birthYear: number | null;
  unitName: string;
  kind: QuarantineKind;
  areaName: string | null;
  areaKind: AreaKind | null;
  reason: QuarantineReason;
  startDate: string;
  plannedEnd: string;
  testDates: string[];
  status: EpisodeStatus;
  mealSupport: boolean;
  version: number;
}

export interface EpisodeInput {
  personId: number;
  kind: QuarantineKind;
  facilityId?: number | null;
  areaId?: number | null;
  reason: QuarantineReason;
  startDate?: string;
  vaccinationDoses?: number | null;
  mealSupport?: boolean;
}
