import type { DeclarationSource, ObligationKind, ObligationStatus, Symptom, TestResult, Transport } from '@pcd/core';

export interface Declaration {
  id: number;
  receiptCode: string;
  personId: number;
  fullName: string;
  dateOfBirth: string | null;
  birthYear: number | null;
  idNumber: string | null;
  phone: string | null;
  fromUnitCode: string;
  fromUnitName: string;
  fromZone: boolean;
  zoneId: number | null;
  arrivalDate: string;
  toUnitCode: string;
  toUnitName?: string;
  address: string;
  transport: Transport;
  symptoms: Symptom[];
  vaccinationDoses: number;
  source: DeclarationSource;
  checkpointId: number | null;
  checkpointName?: string | null;
  obligationId?: number | null;
  createdAt: string;
}

export type StaffDeclaration = Declaration & { personCreated: boolean };

export const DECLARATION_FILTERS = ['q', 'unit', 'from', 'to', 'fromZone'] as const;
export type DeclarationFilters = Record<(typeof DECLARATION_FILTERS)[number], string>;

export interface TestDue {
  day: number;
  date: string;
  doneOn: string | null;
  result: TestResult | null;
}

export type DueItem = { kind: 'test'; day?: number; date: string } | { kind: 'end'; day?: number; date: string };

export type ObligationState = 'done' | 'cancelled' | 'overdue' | 'due_today' | 'upcoming';

export interface Obligation {
  id: number;
  personId: number;
  declarationId: number | null;
  fullName: string;
  phone: string | null;
  address: string | null;
  unitCode: string;
  unitName: string;
  fromUnitName: string | null;
  arrivalDate: string | null;
  receiptCode: string | null;
  kind: ObligationKind;
  rule: { name?: string; quarantineDays: number; testDays: number[] };
  startDate: string;
  endDate: string;
  tests: TestDue[];
  status: ObligationStatus;
  state: ObligationState;
  dueToday: DueItem[];
  overdue: DueItem[];
  nextDueDate: string | null;
  completedAt: string | null;
  note: string | null;
  version: number;
}

/** The tabs of the work list, each one server query. */
export const WORK_TABS = ['today', 'overdue', 'upcoming', 'open', 'done', 'cancelled'] as const;
export type WorkTab = (typeof WORK_TABS)[number];

export type ObligationAction =
  | { action: 'test_done'; testDay: number; doneOn: string; result: TestResult | null }
  | { action: 'complete' }
  | { action: 'cancel'; reason: string }
  | { action: 'reopen' };

export interface Zone {
  id: number;
  unitCode: string;
  unitName: string;
  unitTier: string;
  fromDate: string;
  toDate: string | null;
  note: string | null;
  declaredByCode: string | null;
  activeToday: boolean;
  version: number;
}

export interface ZoneInput {
  unitCode: string;
  fromDate: string;
  toDate?: string | null;
  note?: string | null;
}

export interface Rule {
  id: number;
  name: string;
  unitCode: string | null;
  quarantineDays: number;
  testDays: number[];
  active: boolean;
  replacedAt: string | null;
  version: number;
  createdAt: string;
}

export interface RuleInput {
  name: string;
  quarantineDays: number;
  testDays: number[];
  version?: number;
}
