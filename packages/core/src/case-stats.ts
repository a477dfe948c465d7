import { addDays, daysBetween } from './arrivals.js';
import { CARE_PLACES, CASE_RULES, type CarePlace, type DetectionSetting, type Severity } from './cases.js';

/** Daily case figures of a unit, built from counts the database aggregated. */

export interface CaseDayStats {
  date: string;
  newCommunity: number;
  newQuarantine: number;
  newLockdown: number;
  newTotal: number;
  /** Under treatment or care at the end of the day, by place. */
  active: number;
  activeByPlace: Record<CarePlace, number>;
  severeCritical: number;
  deaths: number;
  recoveries: number;
  transfersOut: number;
}

export type CaseTotals = Omit<CaseDayStats, 'date'>;

/** New cases per test date and detection setting. */
export interface NewCount { day: string; detectedIn: DetectionSetting; n: number }
/** Care-place periods [from, to) with the severity recorded for them; to null: still there. */
export interface CarePeriodCount { from: string; to: string | null; place: CarePlace; severity: Severity; n: number }
/** Outcomes per day. */
export interface OutcomeCount { day: string; status: 'recovered' | 'died' | 'transferred_out'; n: number }

const emptyPlaces = (): Record<CarePlace, number> => Object.fromEntries(CARE_PLACES.map((p) => [p, 0])) as Record<CarePlace, number>;

/**
 * One entry per day of the range, zeros included. Periods are added with a difference array, so the
 * work grows with the number of distinct periods plus days, not their product.
 */
export function buildCaseDays(range: { from: string; to: string }, data: { news: NewCount[]; periods: CarePeriodCount[]; outcomes: OutcomeCount[] }): CaseDayStats[] {
  const n = daysBetween(range.from, range.to) + 1;
  const index = (day: string) => daysBetween(range.from, day);
  const days: CaseDayStats[] = Array.from({ length: n }, (_, i) => ({
    date: addDays(range.from, i), newCommunity: 0, newQuarantine: 0, newLockdown: 0, newTotal: 0,
    active: 0, activeByPlace: emptyPlaces(), severeCritical: 0, deaths: 0, recoveries: 0, transfersOut: 0,
  }));
  const inRange = (i: number) => i >= 0 && i < n;
  for (const r of data.news) {
    const i = index(r.day);
    if (!inRange(i)) continue;
    const d = days[i];
    if (r.detectedIn === 'community') d.newCommunity += r.n;
    else if (r.detectedIn === 'quarantine') d.newQuarantine += r.n;
    else d.newLockdown += r.n;
    d.newTotal += r.n;
  }
  for (const r of data.outcomes) {
    const i = index(r.day);
    if (!inRange(i)) continue;
    if (r.status === 'recovered') days[i].recoveries += r.n;
    else if (r.status === 'died') days[i].deaths += r.n;
    else days[i].transfersOut += r.n;
  }
  const byPlace = Object.fromEntries(CARE_PLACES.map((p) => [p, new Array<number>(n + 1).fill(0)])) as Record<CarePlace, number[]>;
  const severe = new Array<number>(n + 1).fill(0);
  for (const p of data.periods) {
    const start = Math.max(0, index(p.from));
    const end = p.to === null ? n : Math.min(n, index(p.to));
    if (start >= end) continue;
    byPlace[p.place][start] += p.n;
    byPlace[p.place][end] -= p.n;
    if (CASE_RULES.facilityOnlySeverities.includes(p.severity)) {
      severe[start] += p.n;
      severe[end] -= p.n;
    }
  }
  const running = emptyPlaces();
  let runningSevere = 0;
  for (let i = 0; i < n; i++) {
    for (const place of CARE_PLACES) {
      running[place] += byPlace[place][i];
      days[i].activeByPlace[place] = running[place];
      days[i].active += running[place];
    }
    runningSevere += severe[i];
    days[i].severeCritical = runningSevere;
  }
  return days;
}

/** Flows add up over the range; stocks (active, by place, severe) are those of the last day. */
export function caseTotals(days: readonly CaseDayStats[]): CaseTotals {
  const last = days[days.length - 1];
  const sum = (k: 'newCommunity' | 'newQuarantine' | 'newLockdown' | 'newTotal' | 'deaths' | 'recoveries' | 'transfersOut') => days.reduce((s, d) => s + d[k], 0);
  return {
    newCommunity: sum('newCommunity'), newQuarantine: sum('newQuarantine'), newLockdown: sum('newLockdown'), newTotal: sum('newTotal'),
    active: last?.active ?? 0, activeByPlace: { ...(last?.activeByPlace ?? emptyPlaces()) }, severeCritical: last?.severeCritical ?? 0,
    deaths: sum('deaths'), recoveries: sum('recoveries'), transfersOut: sum('transfersOut'),
  };
}
