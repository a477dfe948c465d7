import { z } from 'zod';
import { patchOf } from '../lib/patch-schema.js';
import { ALLOCATION_STATUSES, COVERAGE_MEASURES, NOT_VACCINATED_REASONS, STOCK_MOVEMENT_KINDS, VACCINATION_GROUPS } from '@pcd/core';
import { isoDate } from '../lib/iso-date.js';

const unitCode = z.string().trim().min(1).max(32);
const productCode = z.string().trim().min(1).max(32);

// ---- Unvaccinated follow-up ----------------------------------------------------------------------

export const unvaccinatedQuery = z.object({
  unit: z.string().max(32).optional(),
  group: z.enum(VACCINATION_GROUPS),
  measure: z.enum(COVERAGE_MEASURES),
  /** A reason code, or `none` for people nobody has recorded a reason for yet. */
  reason: z.enum([...NOT_VACCINATED_REASONS, 'none']).optional(),
  responsibleUserId: z.coerce.number().int().min(1).optional(),
  q: z.string().trim().max(100).optional(),
});
export type UnvaccinatedQuery = z.infer<typeof unvaccinatedQuery>;

export const unvaccinatedSchema = z.object({
  personId: z.number(), fullName: z.string(), dateOfBirth: z.string().nullable(), birthYear: z.number().nullable(), age: z.number().nullable(),
  sex: z.string().nullable(), phone: z.string().nullable(), address: z.string().nullable(), unitCode: z.string(), unitName: z.string(),
  householdId: z.number().nullable(), household: z.string().nullable(), doses: z.number(),
  reason: z.enum(NOT_VACCINATED_REASONS).nullable(), responsibleUserId: z.number().nullable(), responsibleName: z.string().nullable(),
  note: z.string().nullable(), followupGroup: z.string().nullable(), version: z.number().nullable(), updatedAt: z.string().nullable(),
});
export type UnvaccinatedDto = z.infer<typeof unvaccinatedSchema>;

export const followupInput = z.object({
  group: z.enum(VACCINATION_GROUPS),
  measure: z.enum(COVERAGE_MEASURES),
  reason: z.enum(NOT_VACCINATED_REASONS).nullable().optional(),
  responsibleUserId: z.number().int().min(1).nullable().optional(),
  note: z.string().trim().max(1000).nullable().optional(),
  /** The version last seen; required once a follow-up exists. */
  version: z.number().int().min(1).optional(),
});
export type FollowupInput = z.infer<typeof followupInput>;

export const responsibleSchema = z.object({
  items: z.array(z.object({ id: z.number(), fullName: z.string(), role: z.string(), unitCode: z.string().nullable(), assignedUnitCodes: z.array(z.string()) })),
});

// ---- Stock ---------------------------------------------------------------------------------------

export const stockLineSchema = z.object({
  productCode: z.string(), productName: z.string(), received: z.number(), allocated: z.number(), used: z.number(), wasted: z.number(), returned: z.number(),
  balance: z.number(),
  /** Doses recorded for the people living in the unit's area (all dose records, any site), for reconciliation. */
  recordedDoses: z.number(),
});
export const stockSchema = z.object({
  unitCode: z.string(), unitName: z.string(), lines: z.array(stockLineSchema),
  totals: stockLineSchema.omit({ productCode: true, productName: true }),
});
export type StockDto = z.infer<typeof stockSchema>;

export const movementInput = z.object({
  unitCode,
  productCode,
  kind: z.enum(STOCK_MOVEMENT_KINDS),
  quantity: z.number().int(),
  date: isoDate,
  /** Another unit on the other side: allocating to a unit in the caller's area records its receipt too. */
  counterpartUnitCode: unitCode.nullable().optional(),
  /** A supplier or place outside the unit list ("Viện Vệ sinh dịch tễ Trung ương"). */
  counterpart: z.string().trim().max(200).nullable().optional(),
  lot: z.string().trim().max(64).nullable().optional(),
  note: z.string().trim().max(1000).nullable().optional(),
});
export type MovementInput = z.infer<typeof movementInput>;

export const movementSchema = z.object({
  id: z.number(), unitCode: z.string(), unitName: z.string(), productCode: z.string(), productName: z.string(), kind: z.enum(STOCK_MOVEMENT_KINDS),
  quantity: z.number(), date: z.string(), counterpartUnitCode: z.string().nullable(), counterpartUnitName: z.string().nullable(), counterpart: z.string().nullable(),
  lot: z.string().nullable(), sessionId: z.number().nullable(), allocationRequestId: z.number().nullable(), note: z.string().nullable(), createdAt: z.string(),
});
export type MovementDto = z.infer<typeof movementSchema>;

export const movementQuery = z.object({ unit: z.string().max(32).optional(), product: z.string().max(32).optional(), kind: z.enum(STOCK_MOVEMENT_KINDS).optional() });

// ---- Mobile teams and sessions -------------------------------------------------------------------

export const teamInput = z.object({
  unitCode,
  name: z.string().trim().min(2).max(200),
  leaderName: z.string().trim().min(2).max(200),
  leaderUserId: z.number().int().min(1).nullable().optional(),
  leaderPhone: z.string().trim().max(20).nullable().optional(),
  members: z.string().trim().max(2000).nullable().optional(),
  active: z.boolean().default(true),
});
export type TeamInput = z.infer<typeof teamInput>;
export const teamPatch = patchOf(teamInput.omit({ unitCode: true })).extend({ version: z.number().int().min(1) });
export type TeamPatch = z.infer<typeof teamPatch>;

export const teamSchema = z.object({
  id: z.number(), unitCode: z.string(), unitName: z.string(), name: z.string(), leaderName: z.string(), leaderUserId: z.number().nullable(),
  leaderPhone: z.string().nullable(), members: z.string().nullable(), active: z.boolean(), sessions: z.number(), dosesGiven: z.number(),
  version: z.number(), createdAt: z.string(), updatedAt: z.string(),
});
export type TeamDto = z.infer<typeof teamSchema>;

const sessionDose = z.object({ productCode, given: z.number().int().min(0).max(100_000), wasted: z.number().int().min(0).max(100_000).default(0) });
export const sessionInput = z.object({
  teamId: z.number().int().min(1),
  /** The village or commune where the session is held. */
  unitCode,
  date: isoDate,
  place: z.string().trim().min(2).max(300),
  doses: z.array(sessionDose).max(20).default([]),
  note: z.string().trim().max(1000).nullable().optional(),
});
export type SessionInput = z.infer<typeof sessionInput>;
export const sessionPatch = patchOf(sessionInput.omit({ teamId: true })).extend({ version: z.number().int().min(1) });
export type SessionPatch = z.infer<typeof sessionPatch>;

export const sessionSchema = z.object({
  id: z.number(), teamId: z.number(), teamName: z.string(), teamUnitCode: z.string(), unitCode: z.string(), unitName: z.string(), date: z.string(), place: z.string(),
  doses: z.array(z.object({ productCode: z.string(), productName: z.string(), given: z.number(), wasted: z.number() })),
  dosesGiven: z.number(),
  /** Dose records linked to the team on that day (vaccination_doses.mobile_team_id). */
  recordedDoses: z.number(),
  note: z.string().nullable(), version: z.number(), createdAt: z.string(), updatedAt: z.string(),
});
export type SessionDto = z.infer<typeof sessionSchema>;
export const sessionQuery = z.object({ unit: z.string().max(32).optional(), teamId: z.coerce.number().int().min(1).optional(), from: isoDate.optional(), to: isoDate.optional() });

// ---- Allocation requests -------------------------------------------------------------------------

export const justificationQuery = z.object({
  unit: unitCode,
  group: z.enum(VACCINATION_GROUPS),
  measure: z.enum(COVERAGE_MEASURES),
  vialSize: z.coerce.number().int().min(1).max(50).optional(),
});

export const justificationSchema = z.object({
  peopleWithoutDose: z.number(), dosesOnHand: z.number(), dosesPending: z.number(), gap: z.number(), vialSize: z.number(), dosesNeeded: z.number(), vials: z.number(),
  group: z.enum(VACCINATION_GROUPS), measure: z.enum(COVERAGE_MEASURES), date: z.string(),
});
export type JustificationDto = z.infer<typeof justificationSchema>;

export const allocationInput = z.object({
  unitCode,
  productCode,
  quantity: z.number().int().min(1).max(10_000_000),
  group: z.enum(VACCINATION_GROUPS),
  measure: z.enum(COVERAGE_MEASURES),
  vialSize: z.number().int().min(1).max(50).optional(),
  note: z.string().trim().max(1000).nullable().optional(),
});
export type AllocationInput = z.infer<typeof allocationInput>;

export const decisionInput = z.object({
  version: z.number().int().min(1),
  decision: z.enum(['approve', 'reject']),
  /** Doses granted when approving; the quantity asked for when left out. */
  quantity: z.number().int().optional(),
  note: z.string().trim().max(1000).nullable().optional(),
});
export type DecisionInput = z.infer<typeof decisionInput>;

export const allocationSchema = z.object({
  id: z.number(), unitCode: z.string(), unitName: z.string(), parentCode: z.string(), parentName: z.string(), productCode: z.string(), productName: z.string(),
  quantity: z.number(), approvedQuantity: z.number().nullable(), group: z.enum(VACCINATION_GROUPS), measure: z.enum(COVERAGE_MEASURES),
  justification: justificationSchema, note: z.string().nullable(), status: z.enum(ALLOCATION_STATUSES), decisionNote: z.string().nullable(),
  decidedAt: z.string().nullable(), deliveredAt: z.string().nullable(),
  /** Whether the caller answers for the unit above and may approve or reject. */
  canDecide: z.boolean(),
  version: z.number(), createdAt: z.string(), updatedAt: z.string(),
});
export type AllocationDto = z.infer<typeof allocationSchema>;
export const allocationQuery = z.object({
  unit: z.string().max(32).optional(),
  status: z.enum(ALLOCATION_STATUSES).optional(),
  /** sent: the unit's own requests; received: requests addressed to the unit. */
  direction: z.enum(['sent', 'received']).optional(),
});
