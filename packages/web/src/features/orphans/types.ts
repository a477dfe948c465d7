import type { OrphanRelation, SupportStatus } from '@pcd/core';

export interface Orphan {
  id: number;
  childPersonId: number;
  childName: string;
  childDateOfBirth: string | null;
  childBirthYear: number | null;
  ageAtDeath: number | null;
  unitCode: string;
  unitName: string;
  caseId: number;
  parentPersonId: number;
  parentName: string;
  deathDate: string;
  relation: OrphanRelation;
  supportStatus: SupportStatus;
  supportNotes: string | null;
  version: number;
}

export interface OrphanInput {
  childPersonId: number;
  caseId: number;
  relation: OrphanRelation;
  supportStatus: SupportStatus;
  supportNotes?: string | null;
}

export interface DeathsOrphansFigures {
  deaths: number;
  orphans: number;
  supportNone: number;
  supportProposed: number;
  supportReceiving: number;
}

export interface DeathsOrphansStats {
  unitCode: string | null;
  unitName: string;
  from: string | null;
  to: string | null;
  rows: (DeathsOrphansFigures & { unitCode: string; unitName: string })[];
  totals: DeathsOrphansFigures;
}
