import { z } from 'zod';
import { RESIDENCE_STATUSES, SEXES, SWEEP_STATUSES, SYMPTOMS, VISIT_OUTCOMES } from '@pcd/core';
import { isoDate } from '../lib/iso-date.js';

const id = z.number().int().min(1);

export const sweepInput = z.object({
  name: z.string().trim().min(3).max(200),
  /** The commune; villages are chosen among its own. */
  unitCode: z.string().max(32),
  /** Omitted: every village of the commune. */
  villageCodes: z.array(z.string().max(32)).min(1).max(200).optional(),
  fromDate: isoDate,
  toDate: isoDate,
  note: z.string().trim().max(1000).nullable().optional(),
});
export type SweepInput = z.infer<typeof sweepInput>;

export const sweepPatch = z.object({
  version: z.number().int().min(1),
  status: z.enum(SWEEP_STATUSES).optional(),
  name: z.string().trim().min(3).max(200).optional(),
  fromDate: isoDate.optional(),
  toDate: isoDate.optional(),
  note: z.string().trim().max(1000).nullable().optional(),
});
export type SweepPatch = z.infer<typeof sweepPatch>;

/** Either an automatic split among members, or named households given to one member (null: taken back). */
export const assignInput = z.object({
  version: z.number().int().min(1),
  memberIds: z.array(id).min(1).max(200).optional(),
  memberId: id.nullable().optional(),
  householdIds: z.array(id).min(1).max(5000).optional(),
});
export type AssignInput = z.infer<typeof assignInput>;

export const arrivalInput = z.object({
  /** An existing record; otherwise the person is looked up by ID number or created. */
  personId: id.optional(),
  fullName: z.string().max(200).optional(),
  dateOfBirth: isoDate.nullable().optional(),
  birthYear: z.number().int().nullable().optional(),
  sex: z.enum(SEXES).nullable().optional(),
  idNumber: z.string().max(20).nullable().optional(),
  phone: z.string().max(20).nullable().optional(),
  residenceStatus: z.enum(RESIDENCE_STATUSES).optional(),
  /** Any official unit code of the place they came from (province, district or commune). */
  originUnitCode: z.string().max(32).nullable().optional(),
  origin: z.string().trim().max(200).nullable().optional(),
  arrivalDate: isoDate,
});
export type ArrivalInput = z.infer<typeof arrivalInput>;

export const visitInput = z.object({
  householdId: id,
  /** When the visit took place (ISO-8601); now when omitted. */
  visitedAt: z.iso.datetime({ offset: true }).optional(),
  outcome: z.enum(VISIT_OUTCOMES),
  presentPersonIds: z.array(id).max(100).default([]),
  absentPersonIds: z.array(id).max(100).default([]),
  arrivals: z.array(arrivalInput).max(50).default([]),
  symptoms: z.array(z.enum(SYMPTOMS)).max(SYMPTOMS.length).default([]),
  followUpCreated: z.boolean().default(false),
  note: z.string().trim().max(1000).nullable().optional(),
});
export type VisitInput = z.infer<typeof visitInput>;

export const progressSchema = z.object({ total: z.number(), visited: z.number(), attempted: z.number(), remaining: z.number(), percent: z.number() });

export const sweepSchema = z.object({
  id: z.number(), name: z.string(), unitCode: z.string(), unitName: z.string(), fromDate: z.string(), toDate: z.string(),
  status: z.enum(SWEEP_STATUSES), note: z.string().nullable(), villageCodes: z.array(z.string()), progress: progressSchema,
  version: z.number(), createdAt: z.string(), updatedAt: z.string(),
});
export type SweepDto = z.infer<typeof sweepSchema>;

export const sweepDetailSchema = sweepSchema.extend({
  /** What the caller may do: plan and see all, visit their own households, or see counts only. */
  access: z.enum(['manage', 'member', 'counts']),
  villages: z.array(progressSchema.extend({ unitCode: z.string(), unitName: z.string() })),
  /** userId null: households not assigned yet. Names are hidden from observers. */
  members: z.array(progressSchema.extend({ userId: z.number().nullable(), fullName: z.string().nullable() })),
});

export const sweepHouseholdSchema = z.object({
  householdId: z.number(), code: z.string().nullable(), name: z.string().nullable(), kind: z.string(), address: z.string(),
  headName: z.string().nullable(), unitCode: z.string(), unitName: z.string(), memberId: z.number().nullable(), memberName: z.string().nullable(),
  state: z.enum(['unvisited', 'attempted', 'visited']), visitCount: z.number(), lastVisitAt: z.string().nullable(), lastOutcome: z.enum(VISIT_OUTCOMES).nullable(),
});
export type SweepHouseholdDto = z.infer<typeof sweepHouseholdSchema>;

export const sweepHouseholdDetailSchema = sweepHouseholdSchema.extend({
  members: z.array(z.object({
    personId: z.number(), fullName: z.string(), birthYear: z.number().nullable(), dateOfBirth: z.string().nullable(), sex: z.string().nullable(), residenceStatus: z.string(),
  })),
});

export const memberCandidateSchema = z.object({
  id: z.number(), fullName: z.string(), role: z.string(), unitCode: z.string(),
  /** The villages a team member usually covers (their user account's area). */
  assignedUnitCodes: z.array(z.string()),
});

const personRef = z.object({ personId: z.number(), fullName: z.string() });

export const visitSchema = z.object({
  id: z.number(), sweepId: z.number(), householdId: z.number(), householdCode: z.string().nullable(), headName: z.string().nullable(), unitCode: z.string(), visitedAt: z.string(), visitedBy: z.number(), visitedByName: z.string(),
  outcome: z.enum(VISIT_OUTCOMES), present: z.array(personRef), absent: z.array(personRef),
  arrivals: z.array(personRef.extend({
    created: z.boolean(), idNumber: z.string().nullable(), birthYear: z.number().nullable(), originUnitCode: z.string().nullable(),
    originName: z.string().nullable(), arrivalDate: z.string().nullable(), probableDuplicates: z.array(z.number()).optional(),
  })),
  symptoms: z.array(z.string()), followUpCreated: z.boolean(), note: z.string().nullable(), createdAt: z.string(),
});
export type VisitDto = z.infer<typeof visitSchema>;

export const crossCheckEntrySchema = z.object({
  source: z.enum(['declared', 'found']), personId: z.number().nullable(), fullName: z.string(), birthYear: z.number().nullable(), idNumber: z.string().nullable(),
  unitCode: z.string(), unitName: z.string(), arrivalDate: z.string().nullable(), origin: z.string().nullable(),
  /** The declaration or the visit it comes from. */
  recordId: z.number(),
});
export type CrossCheckEntry = z.infer<typeof crossCheckEntrySchema>;

export const crossCheckSchema = z.object({
  sweepId: z.number(), fromDate: z.string(), toDate: z.string(), declared: z.number(), found: z.number(), matched: z.number(),
  onlyDeclared: z.array(crossCheckEntrySchema), onlyFound: z.array(crossCheckEntrySchema),
});
