import { z } from 'zod';
import { isoDate } from '../lib/iso-date.js';
import { COVERAGE_MEASURES, DOSE_KINDS, DOSE_SOURCES, MAX_DOSE_NUMBER, VACCINATION_GROUPS } from '@pcd/core';

export { isoDate };

// ---------------------------------------------------------------- products

export const productSchema = z.object({
  code: z.string(), name: z.string(), primaryDoses: z.number(), minIntervalDays: z.number(), boosterMinDays: z.number(), active: z.boolean(), sort: z.number(), version: z.number(),
});
export type ProductDto = z.infer<typeof productSchema>;

export const productInput = z.object({
  code: z.string().trim().regex(/^[a-z0-9_]{2,32}$/, 'Mã chỉ gồm chữ thường không dấu, số và dấu gạch dưới (2–32 ký tự)'),
  name: z.string().trim().min(2).max(200),
  primaryDoses: z.number().int().min(1).max(4),
  minIntervalDays: z.number().int().min(0).max(365),
  boosterMinDays: z.number().int().min(0).max(730),
  sort: z.number().int().min(0).max(10_000).optional(),
});
export type ProductInput = z.infer<typeof productInput>;

export const productPatch = productInput.omit({ code: true }).partial().extend({ version: z.number().int().min(1), active: z.boolean().optional() });
export type ProductPatch = z.infer<typeof productPatch>;

// ---------------------------------------------------------------- doses

export const doseInput = z.object({
  personId: z.number().int().min(1),
  /** A product code, or a name the managed list knows ("Pfizer-BioNTech", "Vero Cell"). */
  product: z.string().trim().min(1).max(100),
  dose: z.number().int().min(1).max(MAX_DOSE_NUMBER),
  /** When left out: primary up to the product's course, booster after it. */
  kind: z.enum(DOSE_KINDS).optional(),
  date: isoDate,
  lot: z.string().trim().max(64).nullable().optional(),
  site: z.string().trim().max(300).nullable().optional(),
  mobileTeamId: z.number().int().min(1).nullable().optional(),
  adverseReaction: z.string().trim().max(1000).nullable().optional(),
});
export type DoseInput = z.infer<typeof doseInput>;

export const dosePatch = doseInput.omit({ personId: true }).partial().extend({ version: z.number().int().min(1) });
export type DosePatch = z.infer<typeof dosePatch>;

export const doseSchema = z.object({
  id: z.number(), personId: z.number(), personName: z.string(), unitCode: z.string(), unitName: z.string(),
  product: z.string(), productName: z.string(), lot: z.string().nullable(), dose: z.number(), kind: z.enum(DOSE_KINDS), date: z.string(),
  site: z.string().nullable(), mobileTeamId: z.number().nullable(), adverseReaction: z.string().nullable(), source: z.enum(DOSE_SOURCES),
  version: z.number(), createdAt: z.string(), updatedAt: z.string(),
});
export type DoseDto = z.infer<typeof doseSchema>;

export const doseQuery = z.object({
  unit: z.string().max(32).optional(),
  personId: z.coerce.number().int().min(1).optional(),
  product: z.string().max(32).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type DoseQuery = z.infer<typeof doseQuery>;

// ---------------------------------------------------------------- coverage

const measureFigure = z.object({ measure: z.enum(COVERAGE_MEASURES), label: z.string(), numerator: z.number(), percent: z.number().nullable() });
export const groupFigure = z.object({
  group: z.enum(VACCINATION_GROUPS), label: z.string(),
  denominator: z.number(), denominatorSource: z.enum(['population', 'registry']),
  /** Living registered people of the group, whatever the denominator is. */
  registered: z.number(),
  measures: z.array(measureFigure),
});
export type GroupFigure = z.infer<typeof groupFigure>;

export const coverageSchema = z.object({
  unitCode: z.string().nullable(), unitName: z.string(), date: z.string(),
  groups: z.array(groupFigure),
  children: z.array(z.object({ unitCode: z.string(), unitName: z.string(), groups: z.array(groupFigure) })),
});
export type CoverageDto = z.infer<typeof coverageSchema>;

// ---------------------------------------------------------------- targets

export const targetInput = z.object({
  unitCode: z.string().trim().min(1).max(32),
  group: z.enum(VACCINATION_GROUPS),
  measure: z.enum(COVERAGE_MEASURES),
  percent: z.number().int().min(1).max(100),
  deadline: isoDate,
  note: z.string().trim().max(1000).nullable().optional(),
});
export type TargetInput = z.infer<typeof targetInput>;

export const targetPatch = z.object({
  version: z.number().int().min(1),
  percent: z.number().int().min(1).max(100).optional(),
  deadline: isoDate.optional(),
  note: z.string().trim().max(1000).nullable().optional(),
  active: z.boolean().optional(),
});
export type TargetPatch = z.infer<typeof targetPatch>;

export const targetSchema = z.object({
  id: z.number(), unitCode: z.string(), unitName: z.string(), group: z.enum(VACCINATION_GROUPS), groupLabel: z.string(),
  measure: z.enum(COVERAGE_MEASURES), measureLabel: z.string(), percent: z.number(), deadline: z.string(), note: z.string().nullable(), active: z.boolean(),
  progress: z.object({
    date: z.string(), numerator: z.number(), denominator: z.number(), denominatorSource: z.enum(['population', 'registry']), percentNow: z.number().nullable(),
    targetPeople: z.number(), gapPeople: z.number(), daysLeft: z.number(), neededPerDay: z.number(), recentPerDay: z.number(), onTrack: z.boolean(),
  }),
  version: z.number(), createdAt: z.string(), updatedAt: z.string(),
});
export type TargetDto = z.infer<typeof targetSchema>;

export const targetQuery = z.object({ unit: z.string().max(32).optional(), active: z.enum(['true', 'false', 'all']).default('true') });
