import { ageOn, type FieldProblem } from './people.js';
import { foldVietnamese } from './text.js';
import { addDays, daysBetween } from './arrivals.js';

/** COVID-19 vaccination: dose records, coverage by priority group, targets with deadlines (issue 5, seeds 000–002). */

export interface VaccineProduct {
  code: string;
  name: string;
  /** Doses of the primary course (Janssen 1, Abdala 3, the others 2). */
  primaryDoses: number;
  /** Shortest accepted gap between two primary doses. */
  minIntervalDays: number;
  /** Shortest accepted gap from the last primary dose to a booster. */
  boosterMinDays: number;
}

/**
 * Default managed list, after the Ministry of Health guidance of 2021 (Quyết định 3588/QĐ-BYT and its updates):
 * minimums are the shortest gaps accepted in the records, not the recommended ones, so early-but-valid doses still enter.
 */
export const VACCINE_PRODUCTS: readonly VaccineProduct[] = [
  { code: 'astrazeneca', name: 'AstraZeneca', primaryDoses: 2, minIntervalDays: 28, boosterMinDays: 90 },
  { code: 'pfizer', name: 'Pfizer-BioNTech (Comirnaty)', primaryDoses: 2, minIntervalDays: 21, boosterMinDays: 90 },
  { code: 'moderna', name: 'Moderna (Spikevax)', primaryDoses: 2, minIntervalDays: 28, boosterMinDays: 90 },
  { code: 'sinopharm', name: 'Sinopharm (Vero Cell)', primaryDoses: 2, minIntervalDays: 21, boosterMinDays: 90 },
  { code: 'sputnik_v', name: 'Sputnik V', primaryDoses: 2, minIntervalDays: 21, boosterMinDays: 90 },
  { code: 'abdala', name: 'Abdala', primaryDoses: 3, minIntervalDays: 14, boosterMinDays: 90 },
  { code: 'janssen', name: 'Janssen', primaryDoses: 1, minIntervalDays: 0, boosterMinDays: 60 },
  { code: 'hayat_vax', name: 'Hayat-Vax', primaryDoses: 2, minIntervalDays: 21, boosterMinDays: 90 },
];

/** Spellings found in registry exports and paper lists, folded (no diacritics, lower case, no punctuation). */
const PRODUCT_ALIASES: Record<string, string[]> = {
  astrazeneca: ['astrazeneca', 'astra zeneca', 'az', 'azd1222', 'vaxzevria', 'covishield', 'astra'],
  pfizer: ['pfizer', 'pfizer biontech', 'biontech', 'comirnaty', 'pfizer biontech comirnaty', 'pf'],
  moderna: ['moderna', 'spikevax', 'mrna 1273', 'mrna1273'],
  sinopharm: ['sinopharm', 'vero cell', 'verocell', 'sinopharm vero cell', 'bbibp corv', 'bbibp'],
  sputnik_v: ['sputnik v', 'sputnik', 'gam covid vac', 'sputnik light'],
  abdala: ['abdala', 'cigb 66'],
  janssen: ['janssen', 'johnson johnson', 'johnson and johnson', 'j j', 'jj', 'ad26 cov2 s'],
  hayat_vax: ['hayat vax', 'hayatvax', 'hayat'],
};

function foldProductText(text: string): string {
  return foldVietnamese(text).replace(/[^a-z0-9]+/g, ' ').trim();
}

const ALIAS_TO_CODE = new Map<string, string>();
for (const [code, aliases] of Object.entries(PRODUCT_ALIASES)) {
  ALIAS_TO_CODE.set(code, code);
  for (const a of aliases) ALIAS_TO_CODE.set(foldProductText(a), code);
}

/** The product code a free-text product name stands for, or null when it matches none. */
export function productFromText(text: string | null | undefined): string | null {
  if (!text) return null;
  const folded = foldProductText(text);
  if (!folded) return null;
  const exact = ALIAS_TO_CODE.get(folded) ?? ALIAS_TO_CODE.get(folded.replace(/ /g, '_'));
  if (exact) return exact;
  // "Vắc xin AstraZeneca (lô ABV1234)": the longest alias found as whole words wins.
  let best: { code: string; length: number } | null = null;
  const padded = ` ${folded} `;
  for (const [alias, code] of ALIAS_TO_CODE) {
    if (alias.length < 3) continue;
    if (padded.includes(` ${alias} `) && (!best || alias.length > best.length)) best = { code, length: alias.length };
  }
  return best?.code ?? null;
}

export const DOSE_KINDS = ['primary', 'booster', 'additional'] as const;
export type DoseKind = (typeof DOSE_KINDS)[number];
export const DOSE_KIND_LABELS: Record<DoseKind, string> = { primary: 'Mũi cơ bản', booster: 'Mũi nhắc lại', additional: 'Mũi bổ sung' };
export const MAX_DOSE_NUMBER = 6;
/** An additional dose for the immunocompromised comes at least four weeks after the primary course. */
export const ADDITIONAL_MIN_DAYS = 28;

export const DOSE_SOURCES = ['manual', 'import'] as const;
export type DoseSource = (typeof DOSE_SOURCES)[number];

export interface DoseFacts {
  id?: number;
  productCode: string;
  doseNumber: number;
  kind: DoseKind;
  date: string;
}

function problem(field: string, message: string, messageEn: string): FieldProblem {
  return { field, message, messageEn };
}

/**
 * What is wrong with a new or edited dose, given the person's other doses.
 * Fields are those of the API body: product, dose, kind, date.
 */
export function checkDose(
  person: { dateOfBirth: string | null; birthYear: number | null },
  existing: readonly DoseFacts[],
  dose: DoseFacts,
  today: string,
  products: readonly VaccineProduct[] = VACCINE_PRODUCTS,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const productOf = (code: string) => products.find((p) => p.code === code);
  const product = productOf(dose.productCode);
  if (!product) problems.push(problem('product', 'Loại vắc xin không có trong danh mục.', 'Unknown vaccine product.'));
  if (!Number.isInteger(dose.doseNumber) || dose.doseNumber < 1 || dose.doseNumber > MAX_DOSE_NUMBER) {
    problems.push(problem('dose', `Mũi thứ phải từ 1 đến ${MAX_DOSE_NUMBER}.`, `Dose number must be 1 to ${MAX_DOSE_NUMBER}.`));
    return problems;
  }
  if (dose.date > today) problems.push(problem('date', 'Ngày tiêm ở tương lai.', 'The vaccination date is in the future.'));
  if (person.dateOfBirth ? dose.date < person.dateOfBirth : person.birthYear !== null && Number(dose.date.slice(0, 4)) < person.birthYear) {
    problems.push(problem('date', 'Ngày tiêm trước ngày sinh.', 'The vaccination date is before the date of birth.'));
  }
  const others = existing.filter((d) => dose.id === undefined || d.id !== dose.id).sort((a, b) => a.doseNumber - b.doseNumber);
  if (others.some((d) => d.doseNumber === dose.doseNumber)) {
    problems.push(problem('dose', `Người này đã có mũi ${dose.doseNumber}.`, `This person already has dose ${dose.doseNumber}.`));
    return problems;
  }
  if (dose.doseNumber > 1 && !others.some((d) => d.doseNumber === dose.doseNumber - 1)) {
    problems.push(problem('dose', `Chưa có mũi ${dose.doseNumber - 1}; mũi thứ phải nối tiếp các mũi đã tiêm.`, `Dose ${dose.doseNumber - 1} is missing; dose numbers must follow the earlier doses.`));
  }
  const previous = others.filter((d) => d.doseNumber < dose.doseNumber).at(-1);
  const next = others.find((d) => d.doseNumber > dose.doseNumber);
  if (previous && dose.date <= previous.date) {
    problems.push(problem('date', `Mũi ${dose.doseNumber} phải sau mũi ${previous.doseNumber} (${previous.date}).`, `Dose ${dose.doseNumber} must come after dose ${previous.doseNumber} (${previous.date}).`));
  } else if (next && dose.date >= next.date) {
    problems.push(problem('date', `Mũi ${dose.doseNumber} phải trước mũi ${next.doseNumber} (${next.date}).`, `Dose ${dose.doseNumber} must come before dose ${next.doseNumber} (${next.date}).`));
  }

  const primaries = others.filter((d) => d.kind === 'primary' && d.doseNumber < dose.doseNumber);
  const courseProduct = productOf(primaries[0]?.productCode ?? dose.productCode) ?? product;
  if (dose.kind === 'primary') {
    if (courseProduct && primaries.length >= courseProduct.primaryDoses) {
      problems.push(problem('kind', `Đã đủ ${courseProduct.primaryDoses} mũi cơ bản của ${courseProduct.name}; mũi này là mũi nhắc lại hoặc bổ sung.`, `The primary course of ${courseProduct.name} (${courseProduct.primaryDoses} doses) is complete; this is a booster or additional dose.`));
    } else if (previous && previous.kind === 'primary' && previous.date < dose.date) {
      const min = productOf(previous.productCode)?.minIntervalDays ?? product?.minIntervalDays ?? 0;
      const gap = daysBetween(previous.date, dose.date);
      if (gap < min) problems.push(problem('date', `Mũi ${dose.doseNumber} cách mũi trước ${gap} ngày; tối thiểu ${min} ngày.`, `Dose ${dose.doseNumber} is ${gap} days after the previous one; at least ${min} days are needed.`));
    }
  } else {
    // Mixed courses count as complete with the shortest course among their products, as meetsMeasure does.
    const needed = Math.min(...primaries.map((d) => productOf(d.productCode)?.primaryDoses ?? Number.POSITIVE_INFINITY));
    if (primaries.length === 0) {
      problems.push(problem('kind', 'Chưa có mũi cơ bản nào; mũi nhắc lại hoặc bổ sung tiêm sau mũi cơ bản.', 'No primary dose yet; booster and additional doses follow the primary course.'));
    } else if (primaries.length < needed) {
      problems.push(problem('kind', `Mới có ${primaries.length}/${needed} mũi cơ bản; mũi nhắc lại hoặc bổ sung chỉ tiêm sau khi đủ liều cơ bản.`, `Only ${primaries.length} of ${needed} primary doses; booster and additional doses follow the complete primary course.`));
    } else {
      const lastPrimary = primaries.at(-1)!;
      const min = dose.kind === 'booster' ? (courseProduct?.boosterMinDays ?? 0) : ADDITIONAL_MIN_DAYS;
      const gap = daysBetween(lastPrimary.date, dose.date);
      if (lastPrimary.date < dose.date && gap < min) {
        const what = dose.kind === 'booster' ? 'Mũi nhắc lại' : 'Mũi bổ sung';
        problems.push(problem('date', `${what} cách mũi cơ bản cuối ${gap} ngày; tối thiểu ${min} ngày.`, `The ${dose.kind} dose is ${gap} days after the last primary dose; at least ${min} days are needed.`));
      }
    }
  }
  return problems;
}

export const VACCINATION_GROUPS = ['18+', '50+', '65+', '12-17', '16-17', 'comorbidity', 'pregnant'] as const;
export type VaccinationGroup = (typeof VACCINATION_GROUPS)[number];
export const VACCINATION_GROUP_LABELS: Record<VaccinationGroup, string> = {
  '18+': 'Từ 18 tuổi trở lên',
  '50+': 'Từ 50 tuổi trở lên',
  '65+': 'Từ 65 tuổi trở lên',
  '12-17': 'Từ 12 đến 17 tuổi',
  '16-17': 'Từ 16 đến 17 tuổi',
  comorbidity: 'Người có bệnh nền',
  pregnant: 'Phụ nữ mang thai',
};

/**
 * Who a group holds. Priority groups are flagged people old enough for the vaccines in use
 * (children 12+ with a comorbidity; pregnant women from 18, Quyết định 3588/QĐ-BYT).
 */
export const GROUP_RULES: Record<VaccinationGroup, { minAge: number; maxAge: number | null; flag: 'comorbidity' | 'pregnant' | null }> = {
  '18+': { minAge: 18, maxAge: null, flag: null },
  '50+': { minAge: 50, maxAge: null, flag: null },
  '65+': { minAge: 65, maxAge: null, flag: null },
  '12-17': { minAge: 12, maxAge: 17, flag: null },
  '16-17': { minAge: 16, maxAge: 17, flag: null },
  comorbidity: { minAge: 12, maxAge: null, flag: 'comorbidity' },
  pregnant: { minAge: 18, maxAge: null, flag: 'pregnant' },
};

export const COVERAGE_MEASURES = ['dose1', 'full', 'booster'] as const;
export type CoverageMeasure = (typeof COVERAGE_MEASURES)[number];
export const COVERAGE_MEASURE_LABELS: Record<CoverageMeasure, string> = {
  dose1: 'Ít nhất 1 mũi',
  full: 'Đủ liều cơ bản',
  booster: 'Mũi nhắc lại',
};

/** Age on a date from the date of birth, or from the birth year when only that is known. */
export function ageAt(date: string, person: { dateOfBirth: string | null; birthYear: number | null }): number | null {
  return ageOn(date, person.dateOfBirth, person.birthYear);
}

/** The groups a person of this age and these flags belongs to. */
export function groupsForAge(age: number | null, flags: { comorbidity?: boolean; pregnant?: boolean } = {}): VaccinationGroup[] {
  if (age === null) return [];
  return VACCINATION_GROUPS.filter((g) => {
    const r = GROUP_RULES[g];
    if (age < r.minAge || (r.maxAge !== null && age > r.maxAge)) return false;
    return r.flag === null || Boolean(flags[r.flag]);
  });
}

/** Whether doses make a person count for a measure (full: as many primary doses as the shortest course among their products). */
export function meetsMeasure(measure: CoverageMeasure, doses: readonly DoseFacts[], products: readonly VaccineProduct[] = VACCINE_PRODUCTS): boolean {
  if (measure === 'dose1') return doses.length > 0;
  if (measure === 'booster') return doses.some((d) => d.kind === 'booster');
  const primaries = doses.filter((d) => d.kind === 'primary');
  if (primaries.length === 0) return false;
  const needed = Math.min(...primaries.map((d) => products.find((p) => p.code === d.productCode)?.primaryDoses ?? 2));
  return primaries.length >= needed;
}

export interface TargetProgress {
  /** People still to reach the measure for the target percent; 0 once met. */
  gapPeople: number;
  targetPeople: number;
  daysLeft: number;
  neededPerDay: number;
  recentPerDay: number;
  onTrack: boolean;
}

/** Days of history that make "the recent pace". */
export const RECENT_PACE_DAYS = 7;

/**
 * Progress against a target: the gap in people, and whether the pace of the last 7 days
 * (people newly reaching the measure per day, up to today) would close it by the deadline (inclusive).
 */
export function targetProgress(
  target: { percent: number; deadline: string },
  coverage: { numerator: number; denominator: number },
  history: readonly { date: string; count: number }[],
  today: string,
): TargetProgress {
  const targetPeople = Math.ceil((target.percent * coverage.denominator) / 100);
  const gapPeople = Math.max(0, targetPeople - coverage.numerator);
  const from = addDays(today, -(RECENT_PACE_DAYS - 1));
  const recent = history.filter((h) => h.date >= from && h.date <= today).reduce((s, h) => s + h.count, 0);
  const recentPerDay = recent / RECENT_PACE_DAYS;
  // Today counts as a working day until its end, so a deadline of today leaves one day.
  const daysLeft = Math.max(0, daysBetween(today, target.deadline) + 1);
  const neededPerDay = gapPeople === 0 ? 0 : daysLeft === 0 ? gapPeople : gapPeople / daysLeft;
  const onTrack = gapPeople === 0 || (daysLeft > 0 && recentPerDay >= neededPerDay);
  return { gapPeople, targetPeople, daysLeft, neededPerDay, recentPerDay, onTrack };
}

/** Where a case's or contact's vaccination figure comes from: the dose records, or what an official typed. */
export const VACCINATION_SOURCES = ['records', 'declared'] as const;
export type VaccinationSource = (typeof VACCINATION_SOURCES)[number];

export interface VaccinationAt {
  /** Doses given by the date, boosters and additional doses included. */
  doses: number;
  /** The primary course of the person's product is complete (Janssen after one dose, Abdala after three). */
  fullyVaccinated: boolean;
  booster: boolean;
  /** Dates of the counted doses, oldest first. */
  dates: string[];
}

/**
 * A person's vaccination on a date from their dose records. `inclusive`: a dose given on the date
 * counts (a case's test date: a dose that morning was already given); left out it does not (a
 * contact's last exposure: protection from a dose that day is not assumed).
 *
 * Boosters and additional doses count in `doses`: "tiêm đủ liều" in the F1 follow-up rule means the
 * primary course is complete, and those doses are given only after it (checkDose refuses them
 * earlier), so counting them never makes anyone look fully vaccinated who is not, while a typed
 * "3 mũi" and three recorded doses stay the same figure.
 */
export function vaccinationAt(
  doses: readonly DoseFacts[],
  date: string,
  inclusive: boolean,
  products: readonly VaccineProduct[] = VACCINE_PRODUCTS,
): VaccinationAt {
  const given = doses.filter((d) => (inclusive ? d.date <= date : d.date < date)).sort((a, b) => a.date.localeCompare(b.date) || a.doseNumber - b.doseNumber);
  return {
    doses: given.length,
    fullyVaccinated: meetsMeasure('full', given, products),
    booster: meetsMeasure('booster', given, products),
    dates: given.map((d) => d.date),
  };
}

/**
 * The figure a case or contact carries: the records win whenever the person has any (even when none
 * was given by the date, which then says "0 doses"); the typed value stands only without records.
 */
export function vaccinationFigure(
  recordCount: number,
  recordedDoses: number,
  declared: number | null,
): { doses: number | null; source: VaccinationSource | null } {
  if (recordCount > 0) return { doses: recordedDoses, source: 'records' };
  return declared === null || declared === undefined ? { doses: null, source: null } : { doses: declared, source: 'declared' };
}

export interface MergedDose extends DoseFacts {
  id: number;
  /** The dose number before the merge. */
  previousNumber: number;
  from: 'keep' | 'other';
}

export interface DoseMerge {
  doses: MergedDose[];
  /** Doses of the other record equal to one of the kept record (same date and product): dropped. */
  duplicates: { id: number; sameAs: number }[];
  problems: { dose: MergedDose; problem: FieldProblem }[];
}

/**
 * Two dose histories of one person, as one: identical doses (same date and product) count once, the
 * rest are numbered again in date order (the kept record first on a tie), and the result is checked
 * dose by dose with the interval rules, so that a merge never writes a history a new dose would fail.
 */
export function mergeDoseHistories(
  person: { dateOfBirth: string | null; birthYear: number | null },
  keep: readonly (DoseFacts & { id: number })[],
  other: readonly (DoseFacts & { id: number })[],
  today: string,
  products: readonly VaccineProduct[] = VACCINE_PRODUCTS,
): DoseMerge {
  const duplicates: DoseMerge['duplicates'] = [];
  const pool: Omit<MergedDose, 'doseNumber'>[] = keep.map((d) => ({ ...d, previousNumber: d.doseNumber, from: 'keep' as const }));
  for (const d of other) {
    const same = keep.find((k) => k.date === d.date && k.productCode === d.productCode);
    if (same) duplicates.push({ id: d.id, sameAs: same.id });
    else pool.push({ ...d, previousNumber: d.doseNumber, from: 'other' });
  }
  const order = { keep: 0, other: 1 };
  pool.sort((a, b) => a.date.localeCompare(b.date) || order[a.from] - order[b.from] || a.previousNumber - b.previousNumber);
  const doses: MergedDose[] = pool.map((d, i) => ({ ...d, doseNumber: i + 1 }));
  const problems: DoseMerge['problems'] = [];
  for (const dose of doses) {
    for (const problem of checkDose(person, doses, dose, today, products)) problems.push({ dose, problem });
  }
  return { doses, duplicates, problems };
}

/**
 * The dose figure to hand a rule that reads "tiêm đủ liều" as a number of doses (the F1 follow-up):
 * from records the product's course decides, so one Janssen dose is a complete course and two Abdala
 * doses are not, whatever number the rule was set with.
 */
export function dosesForRule(at: VaccinationAt, fullyVaccinatedDoses: number): number {
  return at.fullyVaccinated ? Math.max(at.doses, fullyVaccinatedDoses) : Math.min(at.doses, fullyVaccinatedDoses - 1);
}
