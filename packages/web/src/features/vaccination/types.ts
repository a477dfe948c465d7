import type { CoverageMeasure, DoseKind, VaccinationGroup } from '@pcd/core';

export interface MeasureFigure { measure: CoverageMeasure; label: string; numerator: number; percent: number | null }

export interface GroupFigure {
  group: VaccinationGroup;
  label: string;
  denominator: number;
  denominatorSource: 'population' | 'registry';
  registered: number;
  measures: MeasureFigure[];
}

export interface CoverageStats {
  unitCode: string | null;
  unitName: string;
  date: string;
  groups: GroupFigure[];
  children: { unitCode: string; unitName: string; groups: GroupFigure[] }[];
}

export interface TargetProgress {
  date: string;
  numerator: number;
  denominator: number;
  denominatorSource: 'population' | 'registry';
  percentNow: number | null;
  targetPeople: number;
  gapPeople: number;
  daysLeft: number;
  neededPerDay: number;
  recentPerDay: number;
  onTrack: boolean;
}

export interface VaccinationTarget {
  id: number;
  unitCode: string;
  unitName: string;
  group: VaccinationGroup;
  groupLabel: string;
  measure: CoverageMeasure;
  measureLabel: string;
  percent: number;
  deadline: string;
  note: string | null;
  active: boolean;
  progress: TargetProgress;
  version: number;
}

export interface TargetInput { unitCode: string; group: VaccinationGroup; measure: CoverageMeasure; percent: number; deadline: string; note?: string | null }

export interface VaccineProduct { code: string; name: string; primaryDoses: number; minIntervalDays: number; boosterMinDays: number; active: boolean }

export interface Dose {
  id: number;
  personId: number;
  personName: string;
  product: string;
  productName: string;
  lot: string | null;
  dose: number;
  kind: DoseKind;
  date: string;
  site: string | null;
  mobileTeamId: number | null;
  adverseReaction: string | null;
  source: 'manual' | 'import';
  version: number;
}

export interface DoseInput {
  personId: number;
  product: string;
  dose: number;
  kind?: DoseKind;
  date: string;
  lot?: string | null;
  site?: string | null;
  adverseReaction?: string | null;
}
