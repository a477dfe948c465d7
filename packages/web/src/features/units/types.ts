import type { PopulationByAge, Tier } from '@pcd/core';

export interface UnitRef {
  code: string;
  name: string;
  kind: string;
  tier?: Tier | string;
  /** False for ancestors above the caller's scope: shown for orientation, not opened. */
  visible?: boolean;
}

/** `own`: entered for this unit; `sum`: added up from its sub-units; `none`: nothing yet. */
export type PopulationSource = 'own' | 'sum' | 'none';

export interface UnitPopulation {
  total: number;
  byAge: PopulationByAge;
  source?: PopulationSource;
  isDemo: boolean;
}

export interface UnitSummary extends UnitRef {
  tier: Tier;
  kindLabel?: string;
  parentCode: string | null;
  hasChildren?: boolean;
  population?: UnitPopulation;
  version?: number;
  /** Search results only: the ancestors' names, nearest first ("Huyện Tân Uyên, Tỉnh Lai Châu"). */
  place?: string;
}

export interface UnitDetail extends UnitSummary {
  /** Root first, parent last. */
  ancestors: UnitRef[];
  childCount?: number;
  population: UnitPopulation;
  version: number;
  updatedAt?: string;
}

export interface ImportRowError {
  row: number;
  field?: string | null;
  message: string;
}

export interface ImportResult {
  created: number;
  updated: number;
  skipped: number;
  errors: ImportRowError[];
  /** False when an all-or-nothing import was refused because of invalid rows. */
  applied?: boolean;
  /** Existing units the file placed under another parent. */
  moved?: { row: number; code: string; name: string; fromPath: string; toParentCode: string | null }[];
}

export type ImportType = 'units' | 'population';
export type ImportMode = 'all' | 'valid';

export interface RegistryProvince {
  code: string;
  name: string;
  kind: string;
}
