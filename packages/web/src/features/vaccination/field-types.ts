import type { AllocationStatus, CoverageMeasure, NotVaccinatedReason, StockMovementKind, VaccinationGroup } from '@pcd/core';

/** The server's DTOs of vaccination field work (packages/server/src/vaccination/field-model.ts). */

export interface UnvaccinatedPerson {
  personId: number;
  fullName: string;
  dateOfBirth: string | null;
  birthYear: number | null;
  age: number | null;
  sex: string | null;
  phone: string | null;
  address: string | null;
  unitCode: string;
  unitName: string;
  householdId: number | null;
  household: string | null;
  doses: number;
  reason: NotVaccinatedReason | null;
  responsibleUserId: number | null;
  responsibleName: string | null;
  note: string | null;
  followupGroup: string | null;
  version: number | null;
  updatedAt: string | null;
}

export interface FollowupInput {
  group: VaccinationGroup;
  measure: CoverageMeasure;
  reason?: NotVaccinatedReason | null;
  responsibleUserId?: number | null;
  note?: string | null;
  version?: number;
}

export interface ResponsibleCandidate { id: number; fullName: string; role: string; unitCode: string | null; assignedUnitCodes: string[] }

export interface StockLine {
  productCode: string;
  productName: string;
  received: number;
  allocated: number;
  used: number;
  wasted: number;
  returned: number;
  balance: number;
  recordedDoses: number;
}
export interface Stock { unitCode: string; unitName: string; lines: StockLine[]; totals: Omit<StockLine, 'productCode' | 'productName'> }

export interface Movement {
  id: number;
  unitCode: string;
  unitName: string;
  productCode: string;
  productName: string;
  kind: StockMovementKind;
  quantity: number;
  date: string;
  counterpartUnitCode: string | null;
  counterpartUnitName: string | null;
  counterpart: string | null;
  lot: string | null;
  sessionId: number | null;
  allocationRequestId: number | null;
  note: string | null;
  createdAt: string;
}

export interface MovementInput {
  unitCode: string;
  productCode: string;
  kind: StockMovementKind;
  quantity: number;
  date: string;
  counterpartUnitCode?: string | null;
  counterpart?: string | null;
  lot?: string | null;
  note?: string | null;
}

export interface MobileTeam {
  id: number;
  unitCode: string;
  unitName: string;
  name: string;
  leaderName: string;
  leaderUserId: number | null;
  leaderPhone: string | null;
  members: string | null;
  active: boolean;
  sessions: number;
  dosesGiven: number;
  version: number;
}

export interface TeamInput { unitCode: string; name: string; leaderName: string; leaderPhone?: string | null; members?: string | null }

export interface SessionDose { productCode: string; productName: string; given: number; wasted: number }
export interface Session {
  id: number;
  teamId: number;
  teamName: string;
  teamUnitCode: string;
  unitCode: string;
  unitName: string;
  date: string;
  place: string;
  doses: SessionDose[];
  dosesGiven: number;
  recordedDoses: number;
  note: string | null;
  version: number;
}
export interface SessionInput {
  teamId: number;
  unitCode: string;
  date: string;
  place: string;
  doses: { productCode: string; given: number; wasted: number }[];
  note?: string | null;
}

export interface Justification {
  peopleWithoutDose: number;
  dosesOnHand: number;
  dosesPending: number;
  gap: number;
  vialSize: number;
  dosesNeeded: number;
  vials: number;
  group: VaccinationGroup;
  measure: CoverageMeasure;
  date: string;
}

export interface AllocationRequest {
  id: number;
  unitCode: string;
  unitName: string;
  parentCode: string;
  parentName: string;
  productCode: string;
  productName: string;
  quantity: number;
  approvedQuantity: number | null;
  group: VaccinationGroup;
  measure: CoverageMeasure;
  justification: Justification;
  note: string | null;
  status: AllocationStatus;
  decisionNote: string | null;
  decidedAt: string | null;
  deliveredAt: string | null;
  canDecide: boolean;
  version: number;
  createdAt: string;
}

export interface AllocationInput {
  unitCode: string;
  productCode: string;
  quantity: number;
  group: VaccinationGroup;
  measure: CoverageMeasure;
  vialSize?: number;
  note?: string | null;
}

export interface VaccineProductOption { code: string; name: string; active: boolean }
