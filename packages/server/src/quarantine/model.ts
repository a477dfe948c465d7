import { z } from 'zod';
import { patchOf } from '../lib/patch-schema.js';
import { AREA_KINDS, EPISODE_STATUSES, FACILITY_STATUSES, QUARANTINE_KINDS, QUARANTINE_REASONS } from '@pcd/core';
import { isoDate } from '../lib/iso-date.js';


const areaInput = z.object({
  id: z.number().int().min(1).optional(),
  kind: z.enum(AREA_KINDS),
  name: z.string().trim().min(1).max(200),
  beds: z.number().int().min(0).max(100_000),
});

export const facilityInput = z.object({
  name: z.string().trim().min(2).max(200),
  unitCode: z.string().max(32),
  address: z.string().trim().max(300).nullable().optional(),
  rooms: z.number().int().min(0).max(100_000).default(0),
  operator: z.string().trim().max(200).nullable().optional(),
  status: z.enum(FACILITY_STATUSES).default('ready'),
  overloadPct: z.number().int().min(1).max(100).optional(),
  note: z.string().trim().max(1000).nullable().optional(),
  areas: z.array(areaInput).min(1).max(50),
});
export type FacilityInput = z.infer<typeof facilityInput>;
// Without the defaults of creation: a patch that leaves out rooms or status must keep them.
export const facilityPatch = patchOf(facilityInput).extend({
  version: z.number().int().min(1),
});
export type FacilityPatch = z.infer<typeof facilityPatch>;

const loadSchema = z.object({ ratioPct: z.number(), overloaded: z.boolean(), full: z.boolean() });
export const facilitySchema = z.object({
  id: z.number(), name: z.string(), unitCode: z.string(), unitName: z.string(), address: z.string().nullable(), rooms: z.number(),
  operator: z.string().nullable(), status: z.enum(FACILITY_STATUSES), overloadPct: z.number(), note: z.string().nullable(),
  beds: z.number(), occupied: z.number(), load: loadSchema,
  /** Shown on the facility while occupancy is at or above the threshold. */
  warning: z.string().nullable(),
  areas: z.array(z.object({ id: z.number(), kind: z.enum(AREA_KINDS), name: z.string(), beds: z.number(), occupied: z.number() })),
  version: z.number(), createdAt: z.string(), updatedAt: z.string(),
});
export type FacilityDto = z.infer<typeof facilitySchema>;

export const occupancySchema = z.object({
  facilityId: z.number(), beds: z.number(), overloadPct: z.number(),
  days: z.array(z.object({
    date: z.string(), total: z.number(), byArea: z.object({ f1: z.number(), f2: z.number(), arrival: z.number() }), ratioPct: z.number(), overloaded: z.boolean(),
  })),
});

export const episodeInput = z.object({
  personId: z.number().int().min(1),
  kind: z.enum(QUARANTINE_KINDS),
  facilityId: z.number().int().min(1).nullable().optional(),
  areaId: z.number().int().min(1).nullable().optional(),
  reason: z.enum(QUARANTINE_REASONS),
  /** Day 1 of the quarantine; today when left out. */
  startDate: isoDate.optional(),
  /** For F1: fully vaccinated people quarantine fewer days. */
  vaccinationDoses: z.number().int().min(0).max(4).nullable().optional(),
  contactId: z.number().int().min(1).nullable().optional(),
  obligationId: z.number().int().min(1).nullable().optional(),
  mealSupport: z.boolean().optional(),
  mealNote: z.string().trim().max(500).nullable().optional(),
  note: z.string().trim().max(1000).nullable().optional(),
});
export type EpisodeInput = z.infer<typeof episodeInput>;

export const episodePatch = z.object({
  version: z.number().int().min(1),
  mealSupport: z.boolean().optional(),
  mealNote: z.string().trim().max(500).nullable().optional(),
  note: z.string().trim().max(1000).nullable().optional(),
  /** Only `cancelled` (recorded by mistake, moved to treatment…); a release goes through …/release. */
  status: z.literal('cancelled').optional(),
});
export type EpisodePatch = z.infer<typeof episodePatch>;

export const releaseEpisodeInput = z.object({ version: z.number().int().min(1), date: isoDate.optional() });

export const episodeSchema = z.object({
  id: z.number(), personId: z.number(), fullName: z.string(), birthYear: z.number().nullable(), phone: z.string().nullable(), address: z.string().nullable(),
  unitCode: z.string(), unitName: z.string(), kind: z.enum(QUARANTINE_KINDS), facilityId: z.number().nullable(), facilityName: z.string().nullable(),
  areaId: z.number().nullable(), areaName: z.string().nullable(), areaKind: z.enum(AREA_KINDS).nullable(), reason: z.enum(QUARANTINE_REASONS),
  ruleName: z.string(), startDate: z.string(), plannedEnd: z.string(), testDates: z.array(z.string()), releasedDate: z.string().nullable(),
  releasedBy: z.string().nullable(), status: z.enum(EPISODE_STATUSES), contactId: z.number().nullable(), obligationId: z.number().nullable(),
  mealSupport: z.boolean(), mealNote: z.string().nullable(), note: z.string().nullable(), version: z.number(), createdAt: z.string(), updatedAt: z.string(),
});
export type EpisodeDto = z.infer<typeof episodeSchema>;
