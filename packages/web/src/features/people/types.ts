import type { AgeBand, ResidenceStatus, RiskFlag, Sex } from '@pcd/core';

export type PersonFlags = Record<RiskFlag, boolean>;

export interface Person {
  id: number;
  fullName: string;
  /** yyyy-mm-dd, or null when only the birth year is known (common in village registers). */
  dateOfBirth: string | null;
  birthYear: number | null;
  sex: Sex | null;
  idNumber: string | null;
  phone: string | null;
  ethnicity: string | null;
  occupation: string | null;
  unitCode: string;
  unitName?: string;
  address: string | null;
  householdId: number | null;
  residenceStatus: ResidenceStatus;
  residenceFrom: string | null;
  residenceTo: string | null;
  flags: PersonFlags;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** One open "probably the same person" pair as seen from a person's record. */
export interface DuplicateRef {
  duplicateId: number;
  personId: number;
}

export interface PersonDetail extends Person {
  probableDuplicates: DuplicateRef[];
}

export interface PersonInput {
  fullName: string;
  dateOfBirth: string | null;
  birthYear: number | null;
  sex: Sex | null;
  idNumber: string | null;
  phone: string | null;
  ethnicity: string | null;
  occupation: string | null;
  unitCode: string;
  address: string | null;
  householdId: number | null;
  residenceStatus: ResidenceStatus;
  residenceFrom: string | null;
  residenceTo: string | null;
  flags: PersonFlags;
}

export type PersonChanges = Partial<PersonInput> & { version: number };

export interface CreatedPerson extends Person {
  /** Records with the same name, birth date and village, flagged for a merge decision. */
  probableDuplicates: number[];
}

export const PEOPLE_FILTERS = ['q', 'unit', 'residenceStatus', 'ageBand', 'flag'] as const;
export type PeopleFilterName = (typeof PEOPLE_FILTERS)[number];
export type PeopleFilters = Record<PeopleFilterName, string>;

export interface PeopleQuery {
  q?: string;
  unit?: string;
  residenceStatus?: ResidenceStatus | '';
  ageBand?: AgeBand | '';
  flag?: RiskFlag | '';
  householdId?: number;
}

export interface DuplicatePair {
  id: number;
  reason: string;
  createdAt: string;
  person: Person;
  other: Person;
}

export const HOUSEHOLD_KINDS = ['family', 'boarding_house'] as const;
export type HouseholdKind = (typeof HOUSEHOLD_KINDS)[number];

export interface Household {
  id: number;
  unitCode: string;
  unitName?: string;
  kind: HouseholdKind;
  code: string | null;
  name: string | null;
  address: string;
  headPersonId: number | null;
  headName?: string | null;
  landlordName: string | null;
  landlordPhone: string | null;
  capacity: number | null;
  memberCount?: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface HouseholdDetail extends Household {
  members: Person[];
}

export interface HouseholdInput {
  unitCode: string;
  kind: HouseholdKind;
  code: string | null;
  name: string | null;
  address: string;
  headPersonId: number | null;
  landlordName: string | null;
  landlordPhone: string | null;
  capacity: number | null;
}

export const HOUSEHOLD_FILTERS = ['q', 'unit', 'kind'] as const;
export type HouseholdFilters = Record<(typeof HOUSEHOLD_FILTERS)[number], string>;

export type ImportMode = 'all' | 'valid';

export interface ResidentRowError {
  row: number;
  field: string;
  message: string;
}

export interface ResidentsImportResult {
  created: number;
  updated: number;
  householdsCreated: number;
  probableDuplicates: number;
  errors: ResidentRowError[];
  /** False when an all-or-nothing import found bad rows and wrote nothing. */
  applied: boolean;
}

export interface Job<R> {
  id: string;
  kind: string;
  status: 'running' | 'done' | 'failed';
  total: number;
  processed: number;
  /** The work's answer once done; `{error}` when it failed. */
  result: R | { error: { code: string; message: string; field?: string } } | null;
  createdAt: string;
  finishedAt: string | null;
}
