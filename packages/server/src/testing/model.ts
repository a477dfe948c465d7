import { z } from 'zod';
import { CAMPAIGN_PURPOSES, CAMPAIGN_STATUSES, PLACE_TYPES, POOLING_RULES, SAMPLE_RESULTS, TEST_TYPES, isIsoDate } from '@pcd/core';
import { clinicalFields } from '../cases/model.js';
import { isoDate } from '../lib/iso-date.js';

/** An instant with its offset, as a browser sends it ("2021-11-20T08:30:00+07:00" or UTC "…Z"). */
const instant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, 'Thời điểm phải có dạng yyyy-mm-ddThh:mm kèm múi giờ')
  // The shape alone lets through 2021-13-01 or 25:00, which Date rejects later, and 30 February, which it rolls into March.
  .refine((s) => isIsoDate(s.slice(0, 10)) && !Number.isNaN(Date.parse(s)), 'Thời điểm không có thật (ngày, tháng hoặc giờ sai)');

export const campaignInput = z.object({
  name: z.string().trim().min(3).max(200),
  purpose: z.enum(CAMPAIGN_PURPOSES),
  placeType: z.enum(PLACE_TYPES).nullable().optional(),
  placeName: z.string().trim().max(300).nullable().optional(),
  /** The unit running the campaign: its samples and target people lie inside it. */
  unitCode: z.string().max(32),
  fromDate: isoDate,
  toDate: isoDate.nullable().optional(),
  targetCount: z.number().int().min(1).max(10_000_000).nullable().optional(),
  targetPersonIds: z.array(z.number().int().min(1)).max(5000).optional(),
  poolSize: z.number().int().min(1).max(50).default(POOLING_RULES.defaultPoolSize),
  status: z.enum(CAMPAIGN_STATUSES).default('active'),
  note: z.string().trim().max(1000).nullable().optional(),
});
export type CampaignInput = z.infer<typeof campaignInput>;

export const campaignPatch = z.object({
  version: z.number().int().min(1),
  name: z.string().trim().min(3).max(200).optional(),
  placeType: z.enum(PLACE_TYPES).nullable().optional(),
  placeName: z.string().trim().max(300).nullable().optional(),
  fromDate: isoDate.optional(),
  toDate: isoDate.nullable().optional(),
  targetCount: z.number().int().min(1).max(10_000_000).nullable().optional(),
  poolSize: z.number().int().min(1).max(50).optional(),
  status: z.enum(CAMPAIGN_STATUSES).optional(),
  note: z.string().trim().max(1000).nullable().optional(),
});
export type CampaignPatch = z.infer<typeof campaignPatch>;

const coverageSchema = z.object({ target: z.number().nullable(), tested: z.number(), sharePct: z.number().nullable(), gap: z.number().nullable() });

export const campaignSchema = z.object({
  id: z.number(), name: z.string(), purpose: z.enum(CAMPAIGN_PURPOSES), placeType: z.enum(PLACE_TYPES).nullable(), placeName: z.string().nullable(),
  unitCode: z.string(), unitName: z.string(), fromDate: z.string(), toDate: z.string().nullable(), targetCount: z.number().nullable(),
  targetListSize: z.number(), poolSize: z.number(), status: z.enum(CAMPAIGN_STATUSES), note: z.string().nullable(),
  samples: z.number(), positives: z.number(), coverage: coverageSchema,
  version: z.number(), createdAt: z.string(), updatedAt: z.string(),
});
export type CampaignDto = z.infer<typeof campaignSchema>;

export const sampleInput = z.object({
  campaignId: z.number().int().min(1),
  /** The people whose swabs go into one pool. */
  pooled: z.array(z.number().int().min(1)).min(1).max(50).optional(),
  /** One person, one swab. */
  personId: z.number().int().min(1).optional(),
  type: z.enum(TEST_TYPES),
  collectedAt: instant,
  collector: z.string().trim().max(200).nullable().optional(),
  lab: z.string().trim().max(200).nullable().optional(),
});
export type SampleInput = z.infer<typeof sampleInput>;

export const resultInput = z.object({
  result: z.enum(SAMPLE_RESULTS).exclude(['pending']),
  /** Now when left out. */
  resultAt: instant.optional(),
  /** A follow-up single is opened when its pool turns positive; the swab itself may be taken later. */
  collectedAt: instant.optional(),
  version: z.number().int().min(1).optional(),
});
export type ResultInput = z.infer<typeof resultInput>;

/**
 * What the examination of the new F0 says; the test itself (type, date, lab, setting) comes from the
 * sample, and the case is managed where the person lives, as the cases module does by default.
 */
export const registerCaseInput = z.object(clinicalFields).omit({ testType: true, testDate: true, lab: true, detectedIn: true });
export type RegisterCaseInput = z.infer<typeof registerCaseInput>;

export const memberSchema = z.object({ personId: z.number(), fullName: z.string(), birthYear: z.number().nullable(), unitCode: z.string() });

export const sampleSchema = z.object({
  id: z.number(), campaignId: z.number(), campaignName: z.string(), unitCode: z.string(), type: z.enum(TEST_TYPES), pooled: z.boolean(), poolSize: z.number(),
  parentSampleId: z.number().nullable(), collector: z.string().nullable(), lab: z.string().nullable(), collectedAt: z.string(), collectedDate: z.string(),
  result: z.enum(SAMPLE_RESULTS), resultAt: z.string().nullable(), turnaroundHours: z.number().nullable(), caseId: z.number().nullable(),
  members: z.array(memberSchema), version: z.number(), createdAt: z.string(),
});
export type SampleDto = z.infer<typeof sampleSchema>;

export const resultOutcomeSchema = z.object({ sample: sampleSchema, followUps: z.array(sampleSchema) });
export const registeredCaseSchema = z.object({ caseId: z.number(), sample: sampleSchema });

export const firmReportInput = z.object({
  firmName: z.string().trim().min(2).max(300),
  unitCode: z.string().max(32),
  reportDate: isoDate,
  workersTested: z.number().int().min(0).max(1_000_000),
  positives: z.number().int().min(0).max(1_000_000),
  testType: z.enum(TEST_TYPES).default('rapid_antigen'),
  reportedBy: z.string().trim().min(2).max(200),
  note: z.string().trim().max(1000).nullable().optional(),
});
export type FirmReportInput = z.infer<typeof firmReportInput>;

export const firmReportSchema = z.object({
  id: z.number(), firmName: z.string(), unitCode: z.string(), unitName: z.string(), reportDate: z.string(), workersTested: z.number(), positives: z.number(),
  positivityRate: z.number().nullable(), testType: z.enum(TEST_TYPES), reportedBy: z.string(), note: z.string().nullable(), createdAt: z.string(),
});
export type FirmReportDto = z.infer<typeof firmReportSchema>;

const figures = {
  samples: z.number(), positivePools: z.number(), peopleTested: z.number(), positives: z.number(),
  positivityRate: z.number().nullable(), medianTurnaroundHours: z.number().nullable(),
};
export const testingStatsSchema = z.object({
  unitCode: z.string().nullable(), unitName: z.string(), from: z.string().nullable(), to: z.string().nullable(),
  days: z.array(z.object({ date: z.string(), ...figures })),
  rows: z.array(z.object({ unitCode: z.string(), unitName: z.string(), ...figures })),
  totals: z.object(figures),
  campaigns: z.array(z.object({ id: z.number(), name: z.string(), purpose: z.enum(CAMPAIGN_PURPOSES), unitCode: z.string(), status: z.enum(CAMPAIGN_STATUSES), ...coverageSchema.shape })),
  firms: z.object({ reports: z.number(), workersTested: z.number(), positives: z.number() }),
});
export type TestingStatsDto = z.infer<typeof testingStatsSchema>;
export type Figures = z.infer<z.ZodObject<typeof figures>>;
