import { z } from 'zod';
import { patchOf } from '../lib/patch-schema.js';
import { LOCKDOWN_STATUSES } from '@pcd/core';
import { isoDate } from '../lib/iso-date.js';


export const zoneInput = z.object({
  name: z.string().trim().min(2).max(200),
  /** The commune (or village) that declares the lockdown. */
  unitCode: z.string().max(32),
  villageCodes: z.array(z.string().max(32)).max(100).default([]),
  householdIds: z.array(z.number().int().min(1)).max(1000).default([]),
  /** Streets, blocks, a market: what a list of villages or households cannot say. */
  addresses: z.string().trim().max(4000).nullable().optional(),
  startDate: isoDate,
  endDate: isoDate.nullable().optional(),
  reason: z.string().trim().min(3).max(1000),
});
export type ZoneInput = z.infer<typeof zoneInput>;
// Without the defaults of creation: a patch that leaves out the places (lifting) must keep them.
export const zonePatch = patchOf(zoneInput).extend({
  version: z.number().int().min(1),
  status: z.enum(LOCKDOWN_STATUSES).optional(),
});
export type ZonePatch = z.infer<typeof zonePatch>;

export const roundInput = z.object({
  date: isoDate,
  residents: z.number().int().min(0).max(1_000_000),
  tested: z.number().int().min(0).max(1_000_000),
  positives: z.number().int().min(0).max(1_000_000),
  note: z.string().trim().max(500).nullable().optional(),
});
export type RoundInput = z.infer<typeof roundInput>;

export const roundSchema = z.object({
  id: z.number(), roundNo: z.number(), date: z.string(), residents: z.number(), tested: z.number(), positives: z.number(), note: z.string().nullable(),
  sharePct: z.number(), meetsTarget: z.boolean(),
});

export const zoneSchema = z.object({
  id: z.number(), name: z.string(), unitCode: z.string(), unitName: z.string(), villageCodes: z.array(z.string()), villageNames: z.array(z.string()),
  householdIds: z.array(z.number()), addresses: z.string().nullable(), startDate: z.string(), endDate: z.string().nullable(), reason: z.string(),
  status: z.enum(LOCKDOWN_STATUSES), targetPct: z.number(), rounds: z.array(roundSchema), version: z.number(), createdAt: z.string(), updatedAt: z.string(),
});
export type ZoneDto = z.infer<typeof zoneSchema>;
