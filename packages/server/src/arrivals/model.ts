import { z } from 'zod';
import {
  DECLARATION_SOURCES, MAX_VACCINATION_DOSES, OBLIGATION_KINDS, OBLIGATION_STATUSES, SYMPTOMS, TEST_RESULTS, TRANSPORTS,
  obligationProgress, type TestDue,
} from '@pcd/core';
import type { DeclarationRow, ObligationRow } from '../db/schema.js';
import { isoDate } from '../lib/iso-date.js';


/** What a declarant says; the same for the public form and for staff at a checkpoint. */
const declarationFields = {
  fullName: z.string().max(120),
  dateOfBirth: isoDate.nullable().optional(),
  birthYear: z.number().int().nullable().optional(),
  idNumber: z.string().max(20).nullable().optional(),
  phone: z.string().max(20),
  fromUnitCode: z.string().trim().min(1).max(32),
  arrivalDate: isoDate,
  toUnitCode: z.string().trim().min(1).max(32),
  address: z.string().trim().max(300),
  transport: z.enum(TRANSPORTS),
  symptoms: z.array(z.enum(SYMPTOMS)).max(SYMPTOMS.length).default([]),
  vaccinationDoses: z.number().int().min(0).max(MAX_VACCINATION_DOSES),
};

export const publicDeclarationInput = z.object({
  ...declarationFields,
  checkpointToken: z.string().max(40).nullable().optional(),
  /** Hidden in the form: people leave it empty, form-filling robots do not. */
  website: z.string().max(200).optional(),
});

export const staffDeclarationInput = z.object({
  ...declarationFields,
  phone: z.string().max(20).nullable().optional(),
  checkpointId: z.number().int().min(1).nullable().optional(),
});

export type DeclarationInput = z.infer<typeof staffDeclarationInput> & { checkpointId?: number | null };

export const declarationSchema = z.object({
  id: z.number(),
  receiptCode: z.string(),
  personId: z.number(),
  fullName: z.string(),
  dateOfBirth: z.string().nullable(),
  birthYear: z.number().nullable(),
  idNumber: z.string().nullable(),
  phone: z.string().nullable(),
  fromUnitCode: z.string(),
  fromUnitName: z.string(),
  fromZone: z.boolean(),
  zoneId: z.number().nullable(),
  arrivalDate: z.string(),
  toUnitCode: z.string(),
  toUnitName: z.string().optional(),
  address: z.string(),
  transport: z.enum(TRANSPORTS),
  symptoms: z.array(z.string()),
  vaccinationDoses: z.number(),
  source: z.enum(DECLARATION_SOURCES),
  checkpointId: z.number().nullable(),
  checkpointName: z.string().nullable().optional(),
  obligationId: z.number().nullable().optional(),
  createdAt: z.string(),
});
export type DeclarationDto = z.infer<typeof declarationSchema>;

export function toDeclarationDto(r: DeclarationRow & { to_unit_name?: string; checkpoint_name?: string | null; obligation_id?: number | null }): DeclarationDto {
  return {
    id: r.id, receiptCode: r.receipt_code, personId: r.person_id, fullName: r.full_name, dateOfBirth: r.date_of_birth, birthYear: r.birth_year,
    idNumber: r.id_number, phone: r.phone, fromUnitCode: r.from_unit_code, fromUnitName: r.from_unit_name, fromZone: r.from_zone === 1, zoneId: r.zone_id,
    arrivalDate: r.arrival_date, toUnitCode: r.to_unit_code, ...(r.to_unit_name !== undefined ? { toUnitName: r.to_unit_name } : {}),
    address: r.address, transport: r.transport as DeclarationDto['transport'], symptoms: JSON.parse(r.symptoms) as string[], vaccinationDoses: r.vaccination_doses,
    source: r.source as DeclarationDto['source'], checkpointId: r.checkpoint_id,
    ...(r.checkpoint_name !== undefined ? { checkpointName: r.checkpoint_name } : {}),
    ...(r.obligation_id !== undefined ? { obligationId: r.obligation_id } : {}),
    createdAt: r.created_at,
  };
}

const testSchema = z.object({ day: z.number(), date: z.string(), doneOn: z.string().nullable(), result: z.enum(TEST_RESULTS).nullable() });
const dueItemSchema = z.object({ kind: z.enum(['test', 'end']), day: z.number().optional(), date: z.string() });

export const obligationSchema = z.object({
  id: z.number(),
  personId: z.number(),
  declarationId: z.number().nullable(),
  fullName: z.string(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  unitCode: z.string(),
  unitName: z.string(),
  fromUnitName: z.string().nullable(),
  arrivalDate: z.string().nullable(),
  receiptCode: z.string().nullable(),
  kind: z.enum(OBLIGATION_KINDS),
  rule: z.object({ name: z.string().optional(), quarantineDays: z.number(), testDays: z.array(z.number()) }),
  startDate: z.string(),
  endDate: z.string(),
  tests: z.array(testSchema),
  status: z.enum(OBLIGATION_STATUSES),
  state: z.enum(['done', 'cancelled', 'overdue', 'due_today', 'upcoming']),
  dueToday: z.array(dueItemSchema),
  overdue: z.array(dueItemSchema),
  nextDueDate: z.string().nullable(),
  completedAt: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ObligationDto = z.infer<typeof obligationSchema>;

export type ObligationListRow = ObligationRow & {
  full_name: string; phone: string | null; address: string | null; unit_name: string;
  from_unit_name: string | null; arrival_date: string | null; receipt_code: string | null;
};

export function toObligationDto(r: ObligationListRow, today: string): ObligationDto {
  const tests = JSON.parse(r.tests) as TestDue[];
  const progress = obligationProgress({ status: r.status as ObligationDto['status'], endDate: r.end_date, tests }, today);
  return {
    id: r.id, personId: r.person_id, declarationId: r.declaration_id, fullName: r.full_name, phone: r.phone, address: r.address,
    unitCode: r.unit_code, unitName: r.unit_name, fromUnitName: r.from_unit_name, arrivalDate: r.arrival_date, receiptCode: r.receipt_code,
    kind: r.kind as ObligationDto['kind'], rule: JSON.parse(r.rule_snapshot), startDate: r.start_date, endDate: r.end_date, tests,
    status: r.status as ObligationDto['status'], state: progress.state, dueToday: progress.dueToday, overdue: progress.overdue,
    nextDueDate: r.next_due_date, completedAt: r.completed_at, note: r.note, version: r.version, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

export const obligationPatch = z.object({
  version: z.number().int().min(1),
  action: z.enum(['test_done', 'complete', 'cancel', 'reopen']),
  testDay: z.number().int().min(1).optional(),
  /** The day the sample was taken; today when left out. */
  doneOn: isoDate.optional(),
  result: z.enum(TEST_RESULTS).nullable().optional(),
  reason: z.string().trim().max(500).optional(),
});
export type ObligationPatch = z.infer<typeof obligationPatch>;
