import { AGE_BANDS, kindLabel, type PopulationByAge } from '@pcd/core';
import type { UnitRow } from '../db/schema.js';
import { z } from 'zod';

export const byAgeSchema = z.object({
  '0-11': z.number().int().min(0).max(50_000_000),
  '12-17': z.number().int().min(0).max(50_000_000),
  '18-49': z.number().int().min(0).max(50_000_000),
  '50-64': z.number().int().min(0).max(50_000_000),
  '65+': z.number().int().min(0).max(50_000_000),
});

export const unitSchema = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  tier: z.enum(['province', 'district', 'commune', 'village']),
  parentCode: z.string().nullable(),
  population: z.object({
    total: z.number(),
    byAge: byAgeSchema,
    source: z.enum(['own', 'sum', 'none']),
    isDemo: z.boolean(),
  }),
  version: z.number(),
  hasChildren: z.boolean().optional(),
});
export type UnitDto = z.infer<typeof unitSchema>;

export const POP_COLUMNS = {
  '0-11': 'pop_0_11',
  '12-17': 'pop_12_17',
  '18-49': 'pop_18_49',
  '50-64': 'pop_50_64',
  '65+': 'pop_65_plus',
} as const satisfies Record<(typeof AGE_BANDS)[number], keyof UnitRow>;

export function byAgeOf(row: Pick<UnitRow, (typeof POP_COLUMNS)[keyof typeof POP_COLUMNS]>): PopulationByAge {
  return {
    '0-11': row.pop_0_11,
    '12-17': row.pop_12_17,
    '18-49': row.pop_18_49,
    '50-64': row.pop_50_64,
    '65+': row.pop_65_plus,
  };
}

export function popColumns(byAge: PopulationByAge) {
  return {
    pop_0_11: byAge['0-11'],
    pop_12_17: byAge['12-17'],
    pop_18_49: byAge['18-49'],
    pop_50_64: byAge['50-64'],
    pop_65_plus: byAge['65+'],
    pop_total: AGE_BANDS.reduce((s, b) => s + byAge[b], 0),
  };
}

export function toUnitDto(row: UnitRow, hasChildren?: boolean): UnitDto {
  return {
    code: row.code,
    name: row.name,
    kind: row.kind,
    kindLabel: kindLabel(row.kind),
    tier: row.tier as UnitDto['tier'],
    parentCode: row.parent_code,
    population: {
      total: row.pop_total,
      byAge: byAgeOf(row),
      source: row.pop_source as 'own' | 'sum' | 'none',
      isDemo: row.pop_is_demo === 1,
    },
    version: row.version,
    ...(hasChildren === undefined ? {} : { hasChildren }),
  };
}

/** Codes go into LIKE patterns and URLs, so they are kept to safe characters. */
export const UNIT_CODE_RE = /^[0-9A-Za-z][0-9A-Za-z.-]{0,31}$/;
