import { isIsoDate } from './arrivals.js';
import type { DetectionSetting, TestType } from './cases.js';
import type { FieldProblem } from './people.js';

/**
 * Testing campaigns (đợt xét nghiệm) and their samples. Seeds 000–002: screening at markets,
 * supermarkets, schools, firms, delivery workers, people with cough or fever, and 100 % of lockdown zones.
 */

export const CAMPAIGN_PURPOSES = ['screening', 'lockdown_round', 'contacts', 'symptomatic', 'other'] as const;
export type CampaignPurpose = (typeof CAMPAIGN_PURPOSES)[number];
export const CAMPAIGN_PURPOSE_LABELS: Record<CampaignPurpose, string> = {
  screening: 'Sàng lọc tại nơi có nguy cơ cao',
  lockdown_round: 'Xét nghiệm vùng phong tỏa',
  contacts: 'Xét nghiệm người tiếp xúc',
  symptomatic: 'Người có triệu chứng (ho, sốt…)',
  other: 'Khác',
};

export const PLACE_TYPES = ['market', 'supermarket', 'school', 'firm', 'boarding_house', 'checkpoint'] as const;
export type PlaceType = (typeof PLACE_TYPES)[number];
export const PLACE_TYPE_LABELS: Record<PlaceType, string> = {
  market: 'Chợ', supermarket: 'Siêu thị', school: 'Trường học', firm: 'Doanh nghiệp', boarding_house: 'Nhà trọ', checkpoint: 'Chốt kiểm soát',
};

export const CAMPAIGN_STATUSES = ['planned', 'active', 'closed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = { planned: 'Kế hoạch', active: 'Đang triển khai', closed: 'Đã kết thúc' };

export const SAMPLE_RESULTS = ['pending', 'negative', 'positive', 'invalid'] as const;
export type SampleResult = (typeof SAMPLE_RESULTS)[number];
export const SAMPLE_RESULT_LABELS: Record<SampleResult, string> = { pending: 'Chờ kết quả', negative: 'Âm tính', positive: 'Dương tính', invalid: 'Không đạt (lấy lại mẫu)' };

/**
 * Pooling (gộp mẫu): the Ministry of Health allowed pools of up to 10 for RT-PCR in 2021; most
 * provinces pooled 5. A rapid antigen test reads one swab, so it is never pooled.
 */
export interface PoolingRules { defaultPoolSize: number; minPoolSize: number; maxPoolSize: number; pooledTypes: readonly TestType[] }
export const POOLING_RULES: PoolingRules = { defaultPoolSize: 5, minPoolSize: 2, maxPoolSize: 10, pooledTypes: ['rt_pcr'] };

/** A campaign's pool size setting: within the allowed range. */
export function checkPoolSetting(poolSize: number, rules = POOLING_RULES): FieldProblem[] {
  if (!Number.isInteger(poolSize) || poolSize < rules.minPoolSize || poolSize > rules.maxPoolSize) {
    return [{ field: 'poolSize', message: `Số mẫu gộp phải từ ${rules.minPoolSize} đến ${rules.maxPoolSize}.`, messageEn: `The pool size must be ${rules.minPoolSize}–${rules.maxPoolSize}.` }];
  }
  return [];
}

/** One pool of `members` swabs of `type`, against the campaign's pool size. */
export function checkPool(type: TestType, members: number, poolSize: number, rules = POOLING_RULES): FieldProblem[] {
  if (!rules.pooledTypes.includes(type)) {
    return [{ field: 'type', message: 'Chỉ gộp mẫu với xét nghiệm RT-PCR; test nhanh kháng nguyên làm từng mẫu đơn.', messageEn: 'Only RT-PCR samples may be pooled.' }];
  }
  if (members < rules.minPoolSize) {
    return [{ field: 'pooled', message: `Mẫu gộp cần ít nhất ${rules.minPoolSize} người.`, messageEn: `A pool needs at least ${rules.minPoolSize} people.` }];
  }
  if (members > poolSize) {
    return [{ field: 'pooled', message: `Mẫu gộp tối đa ${poolSize} người theo cấu hình của đợt xét nghiệm.`, messageEn: `At most ${poolSize} people per pool in this campaign.` }];
  }
  return [];
}

export interface CampaignFacts {
  purpose: CampaignPurpose;
  placeType?: PlaceType | null;
  fromDate: string;
  toDate?: string | null;
  targetCount?: number | null;
  targetPersonIds?: readonly number[] | null;
  poolSize: number;
}

/** Screening names the kind of place; the dates run forward; the target is a count or a list, not both. */
export function checkCampaign(c: CampaignFacts): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (c.purpose === 'screening' && !c.placeType) {
    problems.push({ field: 'placeType', message: 'Đợt sàng lọc cần chọn loại địa điểm (chợ, siêu thị, trường học…).', messageEn: 'A screening campaign needs a place type.' });
  }
  if (!isIsoDate(c.fromDate)) problems.push({ field: 'fromDate', message: 'Ngày bắt đầu không phải ngày có thật.', messageEn: 'The start date is not a real date.' });
  else if (c.toDate != null && (!isIsoDate(c.toDate) || c.toDate < c.fromDate)) {
    problems.push({ field: 'toDate', message: 'Ngày kết thúc phải từ ngày bắt đầu trở đi.', messageEn: 'The end date must not be before the start.' });
  }
  if (c.targetCount != null && c.targetPersonIds && c.targetPersonIds.length > 0) {
    problems.push({ field: 'targetCount', message: 'Chỉ nhập số người cần xét nghiệm hoặc danh sách người, không cả hai.', messageEn: 'Give a target count or a target list, not both.' });
  }
  problems.push(...checkPoolSetting(c.poolSize));
  return problems;
}

/** A result comes after its collection and not from the future. */
export function checkResultTime(collectedAt: string, resultAt: string, now: Date): FieldProblem[] {
  const c = Date.parse(collectedAt);
  const r = Date.parse(resultAt);
  if (Number.isNaN(r) || r > now.getTime() + 5 * 60_000) return [{ field: 'resultAt', message: 'Thời điểm có kết quả không hợp lệ hoặc ở tương lai.', messageEn: 'The result time is invalid or in the future.' }];
  if (r < c) return [{ field: 'resultAt', message: 'Thời điểm có kết quả trước thời điểm lấy mẫu.', messageEn: 'The result is before the collection.' }];
  return [];
}

/** Hours from collection to result, one decimal; null while pending. */
export function turnaroundHours(collectedAt: string, resultAt: string | null | undefined): number | null {
  if (!resultAt) return null;
  return hoursFromMs(Date.parse(resultAt) - Date.parse(collectedAt));
}

/** The same hours from a span in milliseconds (as a database computes it); null when unknown or negative. */
export function hoursFromMs(ms: number | null): number | null {
  if (ms === null || Number.isNaN(ms) || ms < 0) return null;
  return Math.round(ms / 360_000) / 10;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : Math.round(((s[mid - 1] + s[mid]) / 2) * 10) / 10;
}

/** Positive people per 100 people tested, one decimal; null when nobody was tested. */
export function positivityRate(positives: number, tested: number): number | null {
  if (tested <= 0) return null;
  return Math.round((positives / tested) * 1000) / 10;
}

export interface Coverage { target: number | null; tested: number; sharePct: number | null; gap: number | null }

/** How much of its target a campaign has reached: the count set, or the size of the list. */
export function campaignCoverage(target: number | null, tested: number): Coverage {
  if (target == null || target <= 0) return { target: target ?? null, tested, sharePct: null, gap: null };
  return { target, tested, sharePct: Math.round((Math.min(tested, target) / target) * 1000) / 10, gap: Math.max(0, target - tested) };
}

/**
 * Where an F0 found by a campaign was detected, as the cases module counts it. Only community cases
 * raise the epidemic level, so a campaign inside a lockdown or among contacts (who are quarantined
 * as F1 from the moment they are traced) must not inflate the community count; screening,
 * symptomatic people and anything else are found in the community.
 */
export function detectedInFor(purpose: CampaignPurpose): DetectionSetting {
  if (purpose === 'lockdown_round') return 'lockdown';
  if (purpose === 'contacts') return 'quarantine';
  return 'community';
}
