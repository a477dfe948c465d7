import type { CheckpointKind, PassageDirection } from '@pcd/core';

export interface Checkpoint {
  id: number;
  name: string;
  kind: CheckpointKind;
  unitCode: string;
  unitName?: string;
  location: string | null;
  lat: number | null;
  lng: number | null;
  /** The token of the printed QR code: /khai-bao/<publicToken>. */
  publicToken: string;
  /** Null for observers, who do not see officials' names and phones. */
  staffOnDuty: string | null;
  active: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface CheckpointInput {
  name: string;
  kind: CheckpointKind;
  unitCode: string;
  location?: string | null;
  lat?: number | null;
  lng?: number | null;
  staffOnDuty?: string | null;
}

export type CheckpointPatch = Partial<CheckpointInput> & { version: number; active?: boolean; rotateToken?: boolean };

export const CHECKPOINT_FILTERS = ['q', 'unit', 'kind', 'active'] as const;
export type CheckpointFilters = Record<(typeof CHECKPOINT_FILTERS)[number], string>;

export interface Passage {
  id: number;
  checkpointId: number;
  direction: PassageDirection;
  at: string;
  day: string;
  vehiclePlate: string | null;
  personCount: number;
  note: string | null;
}

export interface PassageInput {
  direction: PassageDirection;
  vehiclePlate?: string | null;
  personCount: number;
  note?: string | null;
}

export interface DayCounts {
  date: string;
  passagesIn: number;
  passagesOut: number;
  peopleIn: number;
  peopleOut: number;
  declarations: number;
}

export interface CheckpointStats {
  checkpointId: number;
  from: string;
  to: string;
  days: DayCounts[];
  totals: Omit<DayCounts, 'date'>;
}
