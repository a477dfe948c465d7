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
  phone: string | null;
  address: string | null;
  unitName: string;
  kind: QuarantineKind;
  facilityId: number | null;
  facilityName: string | null;
  areaName: string | null;
  areaKind: AreaKind | null;
  reason: QuarantineReason;
  startDate: string;
  plannedEnd: string;
  testDates: string[];
  status: EpisodeStatus;
  releasedDate: string | null;
  /** The follow-up obligation whose tests are recorded for this quarantine. */
  obligationId: number | null;
  contactId: number | null;
  mealSupport: boolean;
  note: string | null;
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
  obligationId?: number | null;
  mealSupport?: boolean;
  mealNote?: string | null;
  note?: string | null;
}

/** The due lists of the episodes page, each one server query; `active` is every episode under way. */
export const EPISODE_TABS = ['test_today', 'release_due', 'overdue', 'active'] as const;
export type EpisodeTab = (typeof EPISODE_TABS)[number];
