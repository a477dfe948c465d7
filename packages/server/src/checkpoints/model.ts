import { z } from 'zod';
import { CHECKPOINT_KINDS, PASSAGE_DIRECTIONS } from '@pcd/core';
import type { CheckpointRow, PassageRow } from '../db/schema.js';

export const checkpointInput = z.object({
  name: z.string().trim().min(2).max(200),
  kind: z.enum(CHECKPOINT_KINDS),
  unitCode: z.string().max(32),
  location: z.string().trim().max(300).nullable().optional(),
  lat: z.number().min(-90).max(90).nullable().optional(),
  lng: z.number().min(-180).max(180).nullable().optional(),
  staffOnDuty: z.string().trim().max(1000).nullable().optional(),
  active: z.boolean().optional(),
});
export type CheckpointInput = z.infer<typeof checkpointInput>;

export const checkpointPatch = checkpointInput.partial().extend({
  version: z.number().int().min(1),
  /** A new QR code: the old printed one stops working (e.g. after it was misused). */
  rotateToken: z.boolean().optional(),
});
export type CheckpointPatch = z.infer<typeof checkpointPatch>;

export const checkpointSchema = z.object({
  id: z.number(), name: z.string(), kind: z.enum(CHECKPOINT_KINDS), unitCode: z.string(), unitName: z.string().optional(),
  location: z.string().nullable(), lat: z.number().nullable(), lng: z.number().nullable(), publicToken: z.string(),
  /** Names and phones of the officials on duty; not shown to observers. */
  staffOnDuty: z.string().nullable(), active: z.boolean(), version: z.number(), createdAt: z.string(), updatedAt: z.string(),
});
export type CheckpointDto = z.infer<typeof checkpointSchema>;

export function toCheckpointDto(r: CheckpointRow & { unit_name?: string }, showStaff: boolean): CheckpointDto {
  return {
    id: r.id, name: r.name, kind: r.kind as CheckpointDto['kind'], unitCode: r.unit_code, ...(r.unit_name !== undefined ? { unitName: r.unit_name } : {}),
    location: r.location, lat: r.lat, lng: r.lng, publicToken: r.public_token, staffOnDuty: showStaff ? r.staff_on_duty : null,
    active: r.active === 1, version: r.version, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

export const publicCheckpointSchema = z.object({
  name: z.string(), kind: z.enum(CHECKPOINT_KINDS), unitCode: z.string(), unitName: z.string(), location: z.string().nullable(),
  /** The commune the point belongs to, to preselect the destination in the form. */
  communeCode: z.string().nullable(),
});

export const passageInput = z.object({
  direction: z.enum(PASSAGE_DIRECTIONS),
  /** When it happened; now when left out. */
  at: z.iso.datetime({ offset: true }).optional(),
  vehiclePlate: z.string().max(20).nullable().optional(),
  personCount: z.number().int().min(1).max(500).default(1),
  note: z.string().trim().max(500).nullable().optional(),
});
export type PassageInput = z.infer<typeof passageInput>;

export const passageSchema = z.object({
  id: z.number(), checkpointId: z.number(), direction: z.enum(PASSAGE_DIRECTIONS), at: z.string(), day: z.string(),
  vehiclePlate: z.string().nullable(), personCount: z.number(), note: z.string().nullable(), createdAt: z.string(),
});
export type PassageDto = z.infer<typeof passageSchema>;

export function toPassageDto(r: PassageRow): PassageDto {
  return {
    id: r.id, checkpointId: r.checkpoint_id, direction: r.direction as PassageDto['direction'], at: r.at, day: r.day,
    vehiclePlate: r.vehicle_plate, personCount: r.person_count, note: r.note, createdAt: r.created_at,
  };
}

export const statsSchema = z.object({
  checkpointId: z.number(),
  from: z.string(),
  to: z.string(),
  days: z.array(z.object({
    date: z.string(), passagesIn: z.number(), passagesOut: z.number(), peopleIn: z.number(), peopleOut: z.number(), declarations: z.number(),
  })),
  totals: z.object({ passagesIn: z.number(), passagesOut: z.number(), peopleIn: z.number(), peopleOut: z.number(), declarations: z.number() }),
});
