import { z } from 'zod';
import {
  CASE_RULES, VACCINATION_SOURCES, CONTACT_LEVELS, CONTACT_RELATIONS, CONTACT_STATUSES, OBLIGATION_KINDS, OBLIGATION_STATUSES, SEXES,
  type ContactLevel, type ContactRelation, type ContactStatus, type ObligationKind, type ObligationStatus,
} from '@pcd/core';
import type { ContactRow } from '../db/schema.js';
import { personInput } from '../people/model.js';
import { clinicalFields, personBriefSchema, type PersonBrief } from '../cases/model.js';
import { figureOfRow, type RecordedDoseCounts } from '../cases/vaccination-status.js';
import { isoDate } from '../lib/iso-date.js';


export const contactInput = z.object({
  personId: z.number().int().min(1).optional(),
  /**
   * Someone not yet found in the caller's registry. unitCode is where they live: a village or commune
   * anywhere in the system; outside the caller's jurisdiction the contact is handed over to it.
   */
  person: personInput.optional(),
  relation: z.enum(CONTACT_RELATIONS),
  lastExposure: isoDate,
  setting: z.string().trim().max(300).nullable().optional(),
  vaccinationDoses: z.number().int().min(0).max(CASE_RULES.maxVaccinationDoses).nullable().optional(),
  note: z.string().trim().max(1000).nullable().optional(),
});
export type ContactInput = z.infer<typeof contactInput>;

export const contactPatch = z.object({
  version: z.number().int().min(1),
  relation: z.enum(CONTACT_RELATIONS).optional(),
  lastExposure: isoDate.optional(),
  setting: z.string().trim().max(300).nullable().optional(),
  vaccinationDoses: z.number().int().min(0).max(CASE_RULES.maxVaccinationDoses).nullable().optional(),
  /** monitoring, released (follow-up over) or cancelled (recorded by mistake; give a note). Promotion has its own action. */
  status: z.enum(['monitoring', 'released', 'cancelled']).optional(),
  note: z.string().trim().max(1000).nullable().optional(),
});
export type ContactPatch = z.infer<typeof contactPatch>;

export const promoteInput = z.object({
  version: z.number().int().min(1),
  ...clinicalFields,
  /** Left out: "quarantine" when the contact was under a quarantine follow-up, else "community". */
  detectedIn: clinicalFields.detectedIn.optional(),
});
export type PromoteInput = z.infer<typeof promoteInput>;

const enteredSchema = z.object({
  fullName: z.string(), dateOfBirth: z.string().nullable(), birthYear: z.number().nullable(), sex: z.enum(SEXES).nullable(),
  phone: z.string().nullable(), address: z.string().nullable(), unitCode: z.string(),
});
export type EnteredPerson = z.infer<typeof enteredSchema>;

export const contactSchema = z.object({
  id: z.number(),
  level: z.enum(CONTACT_LEVELS),
  relation: z.enum(CONTACT_RELATIONS),
  lastExposureDate: z.string(),
  setting: z.string().nullable(),
  /** Before the last exposure: doses given before that day when the person has dose records, else as typed. */
  vaccinationDoses: z.number().nullable(),
  vaccinationSource: z.enum(VACCINATION_SOURCES).nullable(),
  status: z.enum(CONTACT_STATUSES),
  note: z.string().nullable(),
  /** full: the contact lives in the caller's area; recorded: the caller's area recorded a contact handed over elsewhere. */
  access: z.enum(['full', 'recorded']),
  unitCode: z.string(),
  unitName: z.string(),
  recordedUnitCode: z.string(),
  recordedUnitName: z.string(),
  handedOver: z.boolean(),
  handedOverAt: z.string().nullable(),
  /** The registry record: only for the area the contact lives in. */
  person: personBriefSchema.nullable(),
  /** What the recording area typed, shown to both sides. */
  entered: enteredSchema.nullable(),
  source: z.object({
    kind: z.enum(['case', 'contact']),
    level: z.enum(['F0', 'F1']),
    /** Null when the source lies outside the caller's jurisdiction: its details are not shown. */
    id: z.number().nullable(),
    unitCode: z.string(),
    unitName: z.string(),
  }),
  clusterId: z.number().nullable(),
  obligation: z.object({
    id: z.number(), kind: z.enum(OBLIGATION_KINDS), startDate: z.string(), endDate: z.string(), status: z.enum(OBLIGATION_STATUSES), nextDueDate: z.string().nullable(),
  }).nullable(),
  promotedCaseId: z.number().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ContactDto = z.infer<typeof contactSchema>;

export type ContactDetailRow = ContactRow & {
  unit_name: string; recorded_unit_name: string;
  p_full_name: string; p_date_of_birth: string | null; p_birth_year: number | null; p_sex: string | null; p_id_number: string | null;
  p_phone: string | null; p_address: string | null; p_unit_code: string;
  sc_unit_path: string | null; sc_unit_code: string | null; sc_unit_name: string | null;
  sk_unit_path: string | null; sk_recorded_unit_path: string | null; sk_unit_code: string | null; sk_unit_name: string | null;
  ob_kind: string | null; ob_start_date: string | null; ob_end_date: string | null; ob_status: string | null; ob_next_due_date: string | null;
  pc_unit_path: string | null;
  ho_unit_code: string | null; ho_unit_name: string | null;
} & RecordedDoseCounts;

export interface ContactVisibility {
  access: 'full' | 'recorded';
  sourceVisible: boolean;
  recordedVisible: boolean;
  promotedVisible: boolean;
}

export function toContactDto(r: ContactDetailRow, v: ContactVisibility): ContactDto {
  const full = v.access === 'full';
  const person: PersonBrief | null = full
    ? { id: r.person_id, fullName: r.p_full_name, dateOfBirth: r.p_date_of_birth, birthYear: r.p_birth_year, sex: r.p_sex as PersonBrief['sex'], idNumber: r.p_id_number, phone: r.p_phone, address: r.p_address, unitCode: r.p_unit_code }
    : null;
  const fromCase = r.source_case_id !== null;
  // The dose records of a person handed over elsewhere are that area's to see; the recording side keeps what it typed.
  const recorded = figureOfRow(r, r.vaccination_doses);
  const vaccination = full || recorded.source !== 'records' ? recorded : { doses: null, source: null };
  return {
    id: r.id, level: r.level as ContactLevel, relation: r.relation as ContactRelation, lastExposureDate: r.last_exposure_date, setting: r.setting,
    vaccinationDoses: vaccination.doses, vaccinationSource: vaccination.source, status: r.status as ContactStatus, note: r.note, access: v.access,
    unitCode: r.unit_code, unitName: r.unit_name,
    recordedUnitCode: (!v.recordedVisible && r.ho_unit_code) || r.recorded_unit_code, recordedUnitName: (!v.recordedVisible && r.ho_unit_name) || r.recorded_unit_name,
    handedOver: r.handed_over_from_unit_path !== null, handedOverAt: r.handed_over_at,
    person, entered: r.entered_person ? (JSON.parse(r.entered_person) as EnteredPerson) : null,
    source: {
      kind: fromCase ? 'case' : 'contact', level: fromCase ? 'F0' : 'F1',
      id: v.sourceVisible ? (r.source_case_id ?? r.source_contact_id) : null,
      // Behind a hand-over only the sending commune is named, not the source's village.
      unitCode: (!v.sourceVisible && r.ho_unit_code) || ((fromCase ? r.sc_unit_code : r.sk_unit_code) ?? r.recorded_unit_code),
      unitName: (!v.sourceVisible && r.ho_unit_name) || ((fromCase ? r.sc_unit_name : r.sk_unit_name) ?? r.recorded_unit_name),
    },
    clusterId: r.cluster_id,
    obligation: full && r.obligation_id !== null && r.ob_kind
      ? { id: r.obligation_id, kind: r.ob_kind as ObligationKind, startDate: r.ob_start_date!, endDate: r.ob_end_date!, status: r.ob_status as ObligationStatus, nextDueDate: r.ob_next_due_date }
      : null,
    promotedCaseId: v.promotedVisible ? r.promoted_case_id : null,
    version: r.version, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}
