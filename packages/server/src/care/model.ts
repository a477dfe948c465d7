import { z } from 'zod';
import { ALERT_ACTIONS, CARE_SYMPTOMS, TEST_TYPES, WARNING_SIGNS, type AlertAction, type CareSymptom, type WarningSign } from '@pcd/core';
import type { CareAlertRow, CareCheckinRow } from '../db/schema.js';
import { isoDate } from '../lib/iso-date.js';


export const checkinInput = z.object({
  /** When the measurement was taken; now when left out. */
  at: z.iso.datetime({ offset: true }).optional(),
  temperature: z.number().min(30).max(45).nullable().optional(),
  spo2: z.number().int().min(50).max(100).nullable().optional(),
  pulse: z.number().int().min(20).max(250).nullable().optional(),
  respiratoryRate: z.number().int().min(5).max(100).nullable().optional(),
  /** Systolic blood pressure, mmHg, when a monitor is at hand. */
  systolic: z.number().int().min(40).max(260).nullable().optional(),
  symptoms: z.array(z.enum(CARE_SYMPTOMS)).max(CARE_SYMPTOMS.length).default([]),
  medicines: z.string().trim().max(1000).nullable().optional(),
  note: z.string().trim().max(1000).nullable().optional(),
});
export type CheckinInput = z.infer<typeof checkinInput>;

export const checkinSchema = z.object({
  id: z.number(), caseId: z.number(), at: z.string(), temperature: z.number().nullable(), spo2: z.number().nullable(), pulse: z.number().nullable(),
  respiratoryRate: z.number().nullable(), systolic: z.number().nullable(), symptoms: z.array(z.enum(CARE_SYMPTOMS)), medicines: z.string().nullable(),
  note: z.string().nullable(), warningSigns: z.array(z.enum(WARNING_SIGNS)), createdAt: z.string(),
});
export type CheckinDto = z.infer<typeof checkinSchema>;

export const alertSchema = z.object({
  id: z.number(), caseId: z.number(), checkinId: z.number(), personId: z.number(), fullName: z.string(), phone: z.string().nullable(),
  unitCode: z.string(), unitName: z.string(), signs: z.array(z.enum(WARNING_SIGNS)), openedAt: z.string(),
  spo2: z.number().nullable(), respiratoryRate: z.number().nullable(), pulse: z.number().nullable(), temperature: z.number().nullable(),
  acknowledgedBy: z.string().nullable(), acknowledgedAt: z.string().nullable(), action: z.enum(ALERT_ACTIONS).nullable(), note: z.string().nullable(),
  closedAt: z.string().nullable(), version: z.number(),
});
export type AlertDto = z.infer<typeof alertSchema>;

export const acknowledgeInput = z.object({
  action: z.enum(ALERT_ACTIONS),
  note: z.string().trim().max(1000).nullable().optional(),
  version: z.number().int().min(1),
});

export const releaseInput = z.object({
  version: z.number().int().min(1),
  /** The day home care ends; today when left out. */
  date: isoDate.optional(),
  negativeTestType: z.enum(TEST_TYPES),
  negativeTestDate: isoDate,
  note: z.string().trim().max(500).nullable().optional(),
});
export type ReleaseInput = z.infer<typeof releaseInput>;

export const confirmationSchema = z.object({
  caseId: z.number(), fullName: z.string(), birth: z.string().nullable(), idNumber: z.string().nullable(), address: z.string().nullable(),
  unitName: z.string(), communeName: z.string(), testType: z.enum(TEST_TYPES), testDate: z.string(), releaseDate: z.string(), daysSincePositive: z.number(),
  negativeTestType: z.enum(TEST_TYPES).nullable(), negativeTestDate: z.string().nullable(), careTeam: z.string().nullable(), teamLeader: z.string().nullable(),
  issuedBy: z.string().nullable(), caseVersion: z.number(),
});
export type ConfirmationDto = z.infer<typeof confirmationSchema>;

export function toCheckinDto(r: CareCheckinRow, warningSigns: WarningSign[]): CheckinDto {
  return {
    id: r.id, caseId: r.case_id, at: r.at, temperature: r.temperature === null ? null : Number(r.temperature), spo2: r.spo2, pulse: r.pulse,
    respiratoryRate: r.respiratory_rate, systolic: r.systolic, symptoms: JSON.parse(r.symptoms) as CareSymptom[], medicines: r.medicines, note: r.note,
    warningSigns, createdAt: r.created_at,
  };
}

export type AlertDetailRow = CareAlertRow & {
  person_id: number; full_name: string; phone: string | null; unit_name: string; ack_name: string | null;
  spo2: number | null; respiratory_rate: number | null; pulse: number | null; temperature: number | null;
};

export function toAlertDto(r: AlertDetailRow): AlertDto {
  return {
    id: r.id, caseId: r.case_id, checkinId: r.checkin_id, personId: r.person_id, fullName: r.full_name, phone: r.phone, unitCode: r.unit_code,
    unitName: r.unit_name, signs: JSON.parse(r.signs) as WarningSign[], openedAt: r.opened_at, spo2: r.spo2, respiratoryRate: r.respiratory_rate,
    pulse: r.pulse, temperature: r.temperature === null ? null : Number(r.temperature), acknowledgedBy: r.ack_name, acknowledgedAt: r.acknowledged_at,
    action: r.action as AlertAction | null, note: r.note, closedAt: r.closed_at, version: r.version,
  };
}
