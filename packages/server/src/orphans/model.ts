import { z } from 'zod';
import { ORPHAN_RELATIONS, SUPPORT_STATUSES } from '@pcd/core';

export const orphanInput = z.object({
  childPersonId: z.number().int().min(1),
  /** The case of the parent or caregiver who died of COVID-19. */
  caseId: z.number().int().min(1),
  relation: z.enum(ORPHAN_RELATIONS),
  supportStatus: z.enum(SUPPORT_STATUSES).default('none'),
  supportNotes: z.string().trim().max(1000).nullable().optional(),
});
export type OrphanInput = z.infer<typeof orphanInput>;

export const orphanPatch = z.object({
  version: z.number().int().min(1),
  relation: z.enum(ORPHAN_RELATIONS).optional(),
  supportStatus: z.enum(SUPPORT_STATUSES).optional(),
  supportNotes: z.string().trim().max(1000).nullable().optional(),
});
export type OrphanPatch = z.infer<typeof orphanPatch>;

export const orphanSchema = z.object({
  id: z.number(), childPersonId: z.number(), childName: z.string(), childDateOfBirth: z.string().nullable(), childBirthYear: z.number().nullable(),
  ageAtDeath: z.number().nullable(), unitCode: z.string(), unitName: z.string(), caseId: z.number(), parentPersonId: z.number(), parentName: z.string(),
  deathDate: z.string(), relation: z.enum(ORPHAN_RELATIONS), supportStatus: z.enum(SUPPORT_STATUSES), supportNotes: z.string().nullable(),
  version: z.number(), createdAt: z.string(), updatedAt: z.string(),
});
export type OrphanDto = z.infer<typeof orphanSchema>;

const statRow = z.object({
  unitCode: z.string(), unitName: z.string(), deaths: z.number(), orphans: z.number(), supportNone: z.number(), supportProposed: z.number(), supportReceiving: z.number(),
});
export const deathsOrphansSchema = z.object({
  unitCode: z.string().nullable(), unitName: z.string(), from: z.string().nullable(), to: z.string().nullable(), rows: z.array(statRow), totals: statRow.omit({ unitCode: true, unitName: true }),
});
export type DeathsOrphansDto = z.infer<typeof deathsOrphansSchema>;
