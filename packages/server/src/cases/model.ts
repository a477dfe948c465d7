import { z } from 'zod';
import {
  CARE_PLACES, CASE_RULES, CASE_STATUSES, DEATH_PLACES, DETECTION_SETTINGS, SEVERITIES, SEXES, TEST_RESULTS_AT_DISCHARGE, TEST_TYPES,
  VACCINATION_SOURCES, ageOnTest, homeTreatmentEligibility, type CarePlace, type HomeTreatmentRule, type Severity,
} from '@pcd/core';
import type { CarePlaceRow, CaseRow } from '../db/schema.js';
import { personInput } from '../people/model.js';
import { figureOfRow, type RecordedDoseCounts } from './vaccination-status.js';
import { isoDate } from '../lib/iso-date.js';


/** What a positive test and the first examination say; shared by registration and promotion of a contact. */
export const clinicalFields = {
  testType: z.enum(TEST_TYPES),
  testDate: isoDate,
  lab: z.string().trim().max(200).nullable().optional(),
  detectedIn: z.enum(DETECTION_SETTINGS),
  onsetDate: isoDate.nullable().optional(),
  severity: z.enum(SEVERITIES),
  comorbidities: z.array(z.string().trim().min(1).max(100)).max(20).optional(),
  comorbidityStable: z.boolean().optional(),
  pregnant: z.boolean().optional(),
  vaccinationDoses: z.number().int().min(0).max(CASE_RULES.maxVaccinationDoses).nullable().optional(),
  spo2: z.number().int().min(50).max(100).nullable().optional(),
  respiratoryRate: z.number().int().min(5).max(80).nullable().optional(),
  /** Left out: home when eligible for home treatment, else the facility tier of the severity. */
  carePlace: z.enum(CARE_PLACES).optional(),
  careFacility: z.string().trim().max(200).nullable().optional(),
  clusterId: z.number().int().min(1).nullable().optional(),
  note: z.string().trim().max(1000).nullable().optional(),
};
export type ClinicalInput = z.infer<z.ZodObject<typeof clinicalFields>>;

export const caseInput = z.object({
  personId: z.number().int().min(1).optional(),
  /** A person not yet registered: created through the people registry (duplicate checks apply). */
  person: personInput.optional(),
  /** Where the case is managed; left out: the person's village or commune. */
  unitCode: z.string().max(32).optional(),
  sourceCaseId: z.number().int().min(1).nullable().optional(),
  ...clinicalFields,
});
export type CaseInput = z.infer<typeof caseInput>;

const outcomeFields = {
  status: z.enum(CASE_STATUSES).optional(),
  dischargeDate: isoDate.nullable().optional(),
  dischargeTestType: z.enum(TEST_TYPES).nullable().optional(),
  dischargeTestDate: isoDate.nullable().optional(),
  dischargeTestResult: z.enum(TEST_RESULTS_AT_DISCHARGE).nullable().optional(),
  deathDate: isoDate.nullable().optional(),
  deathPlace: z.enum(DEATH_PLACES).nullable().optional(),
  deathCause: z.string().trim().max(500).nullable().optional(),
  transferDate: isoDate.nullable().optional(),
  transferTo: z.string().trim().max(300).nullable().optional(),
};

/** Clinical corrections and the outcome; the care place changes only through a transfer, which keeps history. */
export const casePatch = z.object(clinicalFields).omit({ carePlace: true, careFacility: true }).partial().extend({
  version: z.number().int().min(1),
  sourceCaseId: z.number().int().min(1).nullable().optional(),
  ...outcomeFields,
});
export type CasePatch = z.infer<typeof casePatch>;

export const careTransferInput = z.object({
  place: z.enum(CARE_PLACES),
  facilityName: z.string().trim().max(200).nullable().optional(),
  /** The day of the move; today when left out. */
  date: isoDate.optional(),
  reason: z.string().trim().min(3).max(500),
  /** The severity that prompted the move, when it changed. */
  severity: z.enum(SEVERITIES).optional(),
  version: z.number().int().min(1),
});
export type CareTransferInput = z.infer<typeof careTransferInput>;

export const personBriefSchema = z.object({
  id: z.number(), fullName: z.string(), dateOfBirth: z.string().nullable(), birthYear: z.number().nullable(), sex: z.enum(SEXES).nullable(),
  idNumber: z.string().nullable(), phone: z.string().nullable(), address: z.string().nullable(), unitCode: z.string(),
});
export type PersonBrief = z.infer<typeof personBriefSchema>;

export const carePlaceSchema = z.object({
  id: z.number(), place: z.enum(CARE_PLACES), facilityName: z.string().nullable(), severity: z.enum(SEVERITIES),
  fromDate: z.string(), toDate: z.string().nullable(), reason: z.string().nullable(), createdAt: z.string(),
});

const eligibilitySchema = z.object({
  eligible: z.boolean(),
  reasons: z.array(z.object({ criterion: z.string(), outcome: z.enum(['met', 'unmet', 'unknown']), message: z.string(), messageEn: z.string() })),
});

export const caseSchema = z.object({
  id: z.number(),
  person: personBriefSchema,
  unitCode: z.string(),
  unitName: z.string(),
  testType: z.enum(TEST_TYPES),
  testDate: z.string(),
  lab: z.string().nullable(),
  detectedIn: z.enum(DETECTION_SETTINGS),
  onsetDate: z.string().nullable(),
  severity: z.enum(SEVERITIES),
  comorbidities: z.array(z.string()),
  comorbidityStable: z.boolean(),
  pregnant: z.boolean(),
  /** At diagnosis: doses given on or before the test date when the person has dose records, else as typed. */
  vaccinationDoses: z.number().nullable(),
  vaccinationSource: z.enum(VACCINATION_SOURCES).nullable(),
  spo2: z.number().nullable(),
  respiratoryRate: z.number().nullable(),
  carePlace: z.enum(CARE_PLACES),
  careFacility: z.string().nullable(),
  clusterId: z.number().nullable(),
  clusterName: z.string().nullable(),
  /** The case this one descends from; null when unknown or outside the caller's jurisdiction. */
  sourceCaseId: z.number().nullable(),
  fromContactId: z.number().nullable(),
  status: z.enum(CASE_STATUSES),
  dischargeDate: z.string().nullable(),
  dischargeTestType: z.enum(TEST_TYPES).nullable(),
  dischargeTestDate: z.string().nullable(),
  dischargeTestResult: z.enum(TEST_RESULTS_AT_DISCHARGE).nullable(),
  deathDate: z.string().nullable(),
  deathPlace: z.enum(DEATH_PLACES).nullable(),
  deathCause: z.string().nullable(),
  transferDate: z.string().nullable(),
  transferTo: z.string().nullable(),
  note: z.string().nullable(),
  homeTreatment: eligibilitySchema,
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CaseDto = z.infer<typeof caseSchema>;

export type CaseDetailRow = CaseRow & {
  p_full_name: string; p_date_of_birth: string | null; p_birth_year: number | null; p_sex: string | null; p_id_number: string | null;
  p_phone: string | null; p_address: string | null; p_unit_code: string; p_comorbidity: number; p_pregnant: number;
  unit_name: string; cluster_name: string | null; source_unit_path: string | null;
} & RecordedDoseCounts;

export function personBrief(r: CaseDetailRow): PersonBrief {
  return {
    id: r.person_id, fullName: r.p_full_name, dateOfBirth: r.p_date_of_birth, birthYear: r.p_birth_year, sex: r.p_sex as PersonBrief['sex'],
    idNumber: r.p_id_number, phone: r.p_phone, address: r.p_address, unitCode: r.p_unit_code,
  };
}

export function eligibilityOf(r: CaseDetailRow, rule: HomeTreatmentRule) {
  const comorbidities = JSON.parse(r.comorbidities) as string[];
  return homeTreatmentEligibility({
    severity: r.severity as Severity,
    age: ageOnTest(r.test_date, r.p_date_of_birth, r.p_birth_year),
    comorbidity: comorbidities.length > 0 || r.p_comorbidity === 1,
    comorbidityStable: r.comorbidity_stable === 1,
    pregnant: r.pregnant === 1,
    vaccinationDoses: figureOfRow(r, r.vaccination_doses).doses ?? 0,
    spo2: r.spo2,
    respiratoryRate: r.respiratory_rate,
  }, rule);
}

/** `rule`: the home-treatment criteria in force where the case is managed. */
export function toCaseDto(r: CaseDetailRow, sourceVisible: boolean, rule: HomeTreatmentRule): CaseDto {
  const vaccination = figureOfRow(r, r.vaccination_doses);
  return {
    id: r.id, person: personBrief(r), unitCode: r.unit_code, unitName: r.unit_name, testType: r.test_type as CaseDto['testType'], testDate: r.test_date,
    lab: r.lab, detectedIn: r.detected_in as CaseDto['detectedIn'], onsetDate: r.onset_date, severity: r.severity as Severity,
    comorbidities: JSON.parse(r.comorbidities) as string[], comorbidityStable: r.comorbidity_stable === 1, pregnant: r.pregnant === 1,
    vaccinationDoses: vaccination.doses, vaccinationSource: vaccination.source, spo2: r.spo2, respiratoryRate: r.respiratory_rate, carePlace: r.care_place as CarePlace,
    careFacility: r.care_facility, clusterId: r.cluster_id, clusterName: r.cluster_name,
    sourceCaseId: sourceVisible ? r.source_case_id : null, fromContactId: r.from_contact_id, status: r.status as CaseDto['status'],
    dischargeDate: r.discharge_date, dischargeTestType: r.discharge_test_type as CaseDto['dischargeTestType'], dischargeTestDate: r.discharge_test_date,
    dischargeTestResult: r.discharge_test_result as CaseDto['dischargeTestResult'], deathDate: r.death_date, deathPlace: r.death_place as CaseDto['deathPlace'],
    deathCause: r.death_cause, transferDate: r.transfer_date, transferTo: r.transfer_to, note: r.note, homeTreatment: eligibilityOf(r, rule),
    version: r.version, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

export function toCarePlaceDto(r: CarePlaceRow): z.infer<typeof carePlaceSchema> {
  return {
    id: r.id, place: r.place as CarePlace, facilityName: r.facility_name, severity: r.severity as Severity,
    fromDate: r.from_date, toDate: r.to_date, reason: r.reason, createdAt: r.created_at,
  };
}
