import { z } from 'zod';
import { patchOf } from '../lib/patch-schema.js';
import { RESIDENCE_STATUSES, SEXES } from '@pcd/core';
import type { PersonRow } from '../db/schema.js';
import { isoDate } from '../lib/iso-date.js';


export const flagsSchema = z.object({
  comorbidity: z.boolean().optional(),
  pregnant: z.boolean().optional(),
  elderlyAlone: z.boolean().optional(),
});

export const personInput = z.object({
  fullName: z.string().max(200),
  dateOfBirth: isoDate.nullable().optional(),
  birthYear: z.number().int().nullable().optional(),
  sex: z.enum(SEXES).nullable().optional(),
  idNumber: z.string().max(20).nullable().optional(),
  phone: z.string().max(20).nullable().optional(),
  ethnicity: z.string().trim().max(60).nullable().optional(),
  occupation: z.string().trim().max(200).nullable().optional(),
  unitCode: z.string().max(32),
  address: z.string().trim().max(300).nullable().optional(),
  householdId: z.number().int().nullable().optional(),
  residenceStatus: z.enum(RESIDENCE_STATUSES).default('thuong_tru'),
  residenceFrom: isoDate.nullable().optional(),
  residenceTo: isoDate.nullable().optional(),
  flags: flagsSchema.optional(),
});
export type PersonInput = z.infer<typeof personInput>;

export const personPatch = patchOf(personInput).extend({ version: z.number().int().min(1) });
export type PersonPatch = z.infer<typeof personPatch>;

export const personSchema = z.object({
  id: z.number(),
  fullName: z.string(),
  dateOfBirth: z.string().nullable(),
  birthYear: z.number().nullable(),
  sex: z.enum(SEXES).nullable(),
  idNumber: z.string().nullable(),
  phone: z.string().nullable(),
  ethnicity: z.string().nullable(),
  occupation: z.string().nullable(),
  unitCode: z.string(),
  unitName: z.string().optional(),
  address: z.string().nullable(),
  householdId: z.number().nullable(),
  residenceStatus: z.enum(RESIDENCE_STATUSES),
  residenceFrom: z.string().nullable(),
  residenceTo: z.string().nullable(),
  flags: z.object({ comorbidity: z.boolean(), pregnant: z.boolean(), elderlyAlone: z.boolean() }),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PersonDto = z.infer<typeof personSchema>;

export function toPersonDto(r: PersonRow & { unit_name?: string }): PersonDto {
  return {
    id: r.id, fullName: r.full_name, dateOfBirth: r.date_of_birth, birthYear: r.birth_year, sex: r.sex as PersonDto['sex'],
    idNumber: r.id_number, phone: r.phone, ethnicity: r.ethnicity, occupation: r.occupation, unitCode: r.unit_code,
    ...(r.unit_name !== undefined ? { unitName: r.unit_name } : {}),
    address: r.address, householdId: r.household_id, residenceStatus: r.residence_status as PersonDto['residenceStatus'],
    residenceFrom: r.residence_from, residenceTo: r.residence_to,
    flags: { comorbidity: r.comorbidity === 1, pregnant: r.pregnant === 1, elderlyAlone: r.elderly_alone === 1 },
    version: r.version, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

/** Columns of `people` that hold the person's own data, in API-name → column form, for diffs and merges. */
export const PERSON_COLUMNS = {
  fullName: 'full_name', dateOfBirth: 'date_of_birth', birthYear: 'birth_year', sex: 'sex', idNumber: 'id_number', phone: 'phone',
  ethnicity: 'ethnicity', occupation: 'occupation', unitCode: 'unit_code', address: 'address', householdId: 'household_id',
  residenceStatus: 'residence_status', residenceFrom: 'residence_from', residenceTo: 'residence_to',
} as const;
