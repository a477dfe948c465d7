import { foldVietnamese } from './text.js';
import type { FieldProblem } from './people.js';
import type { Role } from './roles.js';
import { addDays } from './arrivals.js';

/** Door-to-door sweeps ("đi từng ngõ, gõ từng nhà"): a campaign over villages, households split among team members. */
export const SWEEP_STATUSES = ['planned', 'active', 'closed'] as const;
export type SweepStatus = (typeof SWEEP_STATUSES)[number];
export const SWEEP_STATUS_LABELS: Record<SweepStatus, string> = { planned: 'Đã lên kế hoạch', active: 'Đang rà soát', closed: 'Đã kết thúc' };

const MOVES: Record<SweepStatus, readonly SweepStatus[]> = {
  planned: ['active', 'closed'],
  active: ['closed'],
  // A sweep closed too early (a village forgotten) can be reopened; it never goes back to planning.
  closed: ['active'],
};

export function canMoveSweep(from: SweepStatus, to: SweepStatus): boolean {
  return from === to || MOVES[from].includes(to);
}

/**
 * What a role does with sweeps: command and health staff plan them and see every household;
 * team members see and visit the households given to them; observers see counts only.
 */
export type SweepAccess = 'manage' | 'member' | 'counts';

export function sweepAccess(role: Role): SweepAccess {
  if (role === 'team') return 'member';
  return role === 'observer' ? 'counts' : 'manage';
}

export const VISIT_OUTCOMES = ['found', 'nobody_home', 'refused', 'vacant'] as const;
export type VisitOutcome = (typeof VISIT_OUTCOMES)[number];
export const VISIT_OUTCOME_LABELS: Record<VisitOutcome, string> = {
  found: 'Gặp được người trong hộ',
  nobody_home: 'Không có ai ở nhà',
  refused: 'Từ chối tiếp xúc',
  vacant: 'Nhà không có người ở',
};

/** "Nobody home" means going back later: the household still counts as not yet checked. */
export const CONCLUSIVE_OUTCOMES: readonly VisitOutcome[] = ['found', 'refused', 'vacant'];

export type VisitState = 'unvisited' | 'attempted' | 'visited';
export const VISIT_STATE_LABELS: Record<VisitState, string> = { unvisited: 'Chưa đến', attempted: 'Đã đến, không có ai ở nhà', visited: 'Đã rà soát' };

export function visitState(outcomes: readonly string[]): VisitState {
  if (outcomes.some((o) => (CONCLUSIVE_OUTCOMES as readonly string[]).includes(o))) return 'visited';
  return outcomes.length ? 'attempted' : 'unvisited';
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
function realDate(iso: string): boolean {
  if (!ISO_DATE.test(iso)) return false;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

export const MAX_SWEEP_DAYS = 366;

export function checkSweepDates(fromDate: string, toDate: string): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (!realDate(fromDate)) out.push({ field: 'fromDate', message: `Ngày bắt đầu "${fromDate}" không phải ngày có thật.`, messageEn: 'Start date is not a real date.' });
  if (!realDate(toDate)) out.push({ field: 'toDate', message: `Ngày kết thúc "${toDate}" không phải ngày có thật.`, messageEn: 'End date is not a real date.' });
  if (out.length) return out;
  if (toDate < fromDate) out.push({ field: 'toDate', message: 'Ngày kết thúc trước ngày bắt đầu.', messageEn: 'The sweep ends before it starts.' });
  else if ((Date.parse(toDate) - Date.parse(fromDate)) / 86_400_000 > MAX_SWEEP_DAYS) {
    out.push({ field: 'toDate', message: `Một đợt rà soát không dài quá ${MAX_SWEEP_DAYS} ngày.`, messageEn: `A sweep lasts at most ${MAX_SWEEP_DAYS} days.` });
  }
  return out;
}

/** An arrival's date against the calendar and the person's birth (`today` is the Vietnam date). */
export function checkArrivalDate(arrivalDate: string, today: string, born: { dateOfBirth?: string | null; birthYear?: number | null }): FieldProblem[] {
  if (!realDate(arrivalDate)) return [{ field: 'arrivalDate', message: `Ngày đến "${arrivalDate}" không phải ngày có thật.`, messageEn: 'Arrival date is not a real date.' }];
  if (arrivalDate > today) return [{ field: 'arrivalDate', message: 'Ngày đến không thể ở tương lai.', messageEn: 'Arrival date is in the future.' }];
  const beforeBirth = born.dateOfBirth ? arrivalDate < born.dateOfBirth : born.birthYear != null && Number(arrivalDate.slice(0, 4)) < born.birthYear;
  if (beforeBirth) return [{ field: 'arrivalDate', message: 'Ngày đến trước ngày sinh.', messageEn: 'Arrival date is before birth.' }];
  return [];
}

export interface VisitFacts {
  outcome: VisitOutcome;
  presentPersonIds: readonly number[];
  absentPersonIds: readonly number[];
  arrivals: number;
}

export function checkVisit(v: VisitFacts): FieldProblem[] {
  const out: FieldProblem[] = [];
  const present = new Set(v.presentPersonIds);
  if (v.absentPersonIds.some((id) => present.has(id))) {
    out.push({ field: 'absentPersonIds', message: 'Một người không thể vừa có mặt vừa vắng mặt.', messageEn: 'A person cannot be both present and absent.' });
  }
  if ((v.outcome === 'nobody_home' || v.outcome === 'vacant') && (present.size > 0 || v.arrivals > 0)) {
    out.push({ field: 'outcome', message: 'Không có ai ở nhà thì không thể ghi người có mặt hay người mới đến.', messageEn: 'Nobody was home: no one can be recorded as present or newly arrived.' });
  }
  return out;
}

export interface SplitHousehold {
  id: number;
  village: string;
}

export interface MemberShare {
  memberId: number;
  householdIds: number[];
}

/**
 * Splits households among members: counts differ by at most one (lower member ids take the
 * extra ones), and whole villages go to one member where the counts allow it, so that a member
 * walks as few villages as possible. The same input always gives the same split.
 */
export function splitHouseholds(households: readonly SplitHousehold[], memberIds: readonly number[]): MemberShare[] {
  const members = [...new Set(memberIds)].sort((a, b) => a - b);
  if (!members.length) return [];
  const base = Math.floor(households.length / members.length);
  const extra = households.length % members.length;
  const room = members.map((_, i) => base + (i < extra ? 1 : 0));
  const shares = members.map(() => [] as number[]);

  const byVillage = new Map<string, number[]>();
  for (const h of households) byVillage.set(h.village, [...(byVillage.get(h.village) ?? []), h.id]);
  const groups = [...byVillage].map(([village, ids]) => ({ village, ids: [...new Set(ids)].sort((a, b) => a - b) }));
  groups.sort((a, b) => b.ids.length - a.ids.length || (a.village < b.village ? -1 : a.village > b.village ? 1 : 0));

  // Best fit, largest villages first: a whole village goes to the member it fills most tightly.
  const leftovers: number[][] = [];
  for (const g of groups) {
    let best = -1;
    for (let i = 0; i < members.length; i++) if (room[i] >= g.ids.length && (best < 0 || room[i] < room[best])) best = i;
    if (best < 0) leftovers.push(g.ids);
    else {
      shares[best].push(...g.ids);
      room[best] -= g.ids.length;
    }
  }
  // A village too big for anyone's room is cut into as few pieces as possible: the roomiest member first.
  for (const ids of leftovers) {
    let rest = ids;
    while (rest.length) {
      let best = 0;
      for (let i = 1; i < members.length; i++) if (room[i] > room[best]) best = i;
      const take = Math.min(room[best], rest.length);
      shares[best].push(...rest.slice(0, take));
      room[best] -= take;
      rest = rest.slice(take);
    }
  }
  return members.map((memberId, i) => ({ memberId, householdIds: shares[i].sort((a, b) => a - b) }));
}

export interface ProgressCount {
  total: number;
  visited: number;
  /** Gone to, nobody home: still to do. */
  attempted: number;
  remaining: number;
  /** Rounded down, so that 100 means every household is done. */
  percent: number;
}

export interface ProgressRow {
  village: string;
  memberId: number | null;
  state: VisitState;
}

function count(rows: readonly ProgressRow[]): ProgressCount {
  const total = rows.length;
  const visited = rows.filter((r) => r.state === 'visited').length;
  const attempted = rows.filter((r) => r.state === 'attempted').length;
  return { total, visited, attempted, remaining: total - visited, percent: total ? Math.floor((visited * 100) / total) : 0 };
}

/** Visited / total overall, per village (by code) and per member (by id; households not yet assigned last). */
export function sweepProgress(rows: readonly ProgressRow[]) {
  const villages = [...new Set(rows.map((r) => r.village))].sort();
  const members = [...new Set(rows.map((r) => r.memberId))].sort((a, b) => (a === null ? 1 : b === null ? -1 : a - b));
  return {
    overall: count(rows),
    byVillage: villages.map((village) => ({ village, ...count(rows.filter((r) => r.village === village)) })),
    byMember: members.map((memberId) => ({ memberId, ...count(rows.filter((r) => r.memberId === memberId)) })),
  };
}

/**
 * People found on a sweep mostly arrived in the days before it began, so the cross-check looks
 * back this far before the sweep's first day unless asked for another window.
 */
export const CROSS_CHECK_LOOKBACK_DAYS = 14;

export function crossCheckWindow(sweep: { fromDate: string; toDate: string }, from?: string, to?: string): { from: string; to: string } {
  return { from: from ?? addDays(sweep.fromDate, -CROSS_CHECK_LOOKBACK_DAYS), to: to ?? sweep.toDate };
}

/** One arrival on either side of the police cross-check. */
export interface ArrivalRef {
  personId: number | null;
  idNumber: string | null;
  fullName: string;
  birthYear: number | null;
}

export type ArrivalMatch = 'person' | 'idNumber' | 'nameBirthYear';

/**
 * How two records of an arrival are the same person: one record, one ID number, or (when neither
 * side has an ID number telling them apart) the same name without diacritics and birth year.
 */
export function sameArrival(a: ArrivalRef, b: ArrivalRef): ArrivalMatch | null {
  if (a.personId !== null && a.personId === b.personId) return 'person';
  if (a.idNumber && b.idNumber) return a.idNumber === b.idNumber ? 'idNumber' : null;
  if (a.birthYear !== null && a.birthYear === b.birthYear && foldVietnamese(a.fullName) === foldVietnamese(b.fullName)) return 'nameBirthYear';
  return null;
}

const nameKey = (r: ArrivalRef) => (r.birthYear === null ? null : `${foldVietnamese(r.fullName)}|${r.birthYear}`);

/**
 * The police cross-check (seed 000 item 7): declared arrivals against arrivals found door to door.
 * A set difference both ways — several declarations of one person all match one finding.
 */
export function crossCheckArrivals<D extends ArrivalRef, F extends ArrivalRef>(declared: readonly D[], found: readonly F[]) {
  const index = <T extends ArrivalRef>(list: readonly T[]) => {
    const byPerson = new Map<number, T[]>();
    const byId = new Map<string, T[]>();
    const byName = new Map<string, T[]>();
    const put = <K>(m: Map<K, T[]>, k: K | null, r: T) => { if (k !== null) m.set(k, [...(m.get(k) ?? []), r]); };
    for (const r of list) {
      put(byPerson, r.personId, r);
      put(byId, r.idNumber || null, r);
      put(byName, nameKey(r), r);
    }
    return (r: ArrivalRef): { other: T; by: ArrivalMatch } | null => {
      const candidates = [
        ...(r.personId !== null ? byPerson.get(r.personId) ?? [] : []),
        ...(r.idNumber ? byId.get(r.idNumber) ?? [] : []),
        ...(nameKey(r) ? byName.get(nameKey(r)!) ?? [] : []),
      ];
      for (const other of candidates) {
        const by = sameArrival(r, other);
        if (by) return { other, by };
      }
      return null;
    };
  };
  const inFound = index(found);
  const inDeclared = index(declared);
  const matched: { declared: D; found: F; by: ArrivalMatch }[] = [];
  const onlyDeclared: D[] = [];
  for (const d of declared) {
    const m = inFound(d);
    if (m) matched.push({ declared: d, found: m.other, by: m.by });
    else onlyDeclared.push(d);
  }
  const onlyFound = found.filter((f) => !inDeclared(f));
  return { matched, onlyDeclared, onlyFound };
}
