import type { FieldProblem } from './people.js';
import { isIsoDate } from './arrivals.js';
import { GROUP_RULES, type VaccinationGroup } from './vaccination.js';

/**
 * Vaccination field work (issue 5): why people are still unvaccinated, the vaccine stock of a
 * district or commune, and requests for more vaccine from the unit above.
 */

export const NOT_VACCINATED_REASONS = ['refused', 'contraindicated', 'away', 'sick', 'not_reached'] as const;
export type NotVaccinatedReason = (typeof NOT_VACCINATED_REASONS)[number];
export const NOT_VACCINATED_REASON_LABELS: Record<NotVaccinatedReason, string> = {
  refused: 'Từ chối tiêm',
  contraindicated: 'Chống chỉ định',
  away: 'Đi vắng',
  sick: 'Đang ốm',
  not_reached: 'Chưa tiếp cận',
};

export interface BirthBounds {
  /** At least minAge today: born on or before this date, or (birth year only) in this year or earlier. */
  bornOnOrBefore: string;
  bornInOrBefore: number;
  /** At most maxAge today: born after this date, or (birth year only) in this year or later; null without an upper age. */
  bornAfter: string | null;
  bornInOrAfter: number | null;
  flag: 'comorbidity' | 'pregnant' | null;
}

function yearsBefore(today: string, years: number): string {
  return `${String(Number(today.slice(0, 4)) - years).padStart(4, '0')}${today.slice(4)}`;
}

/**
 * A group's ages turned into birth dates on `today`, so a database can select the group with plain
 * comparisons. With only a birth year, the age is the one reached during this year (as `ageOn`).
 */
export function groupBirthBounds(group: VaccinationGroup, today: string): BirthBounds {
  const rule = GROUP_RULES[group];
  const year = Number(today.slice(0, 4));
  return {
    bornOnOrBefore: yearsBefore(today, rule.minAge),
    bornInOrBefore: year - rule.minAge,
    bornAfter: rule.maxAge === null ? null : yearsBefore(today, rule.maxAge + 1),
    bornInOrAfter: rule.maxAge === null ? null : year - rule.maxAge,
    flag: rule.flag,
  };
}

/** Whether a person falls in the bounds: the same answer the database gives for the list. */
export function withinBirthBounds(b: BirthBounds, p: { dateOfBirth: string | null; birthYear: number | null; comorbidity?: boolean; pregnant?: boolean }): boolean {
  if (b.flag && !p[b.flag]) return false;
  if (p.dateOfBirth) return p.dateOfBirth <= b.bornOnOrBefore && (b.bornAfter === null || p.dateOfBirth > b.bornAfter);
  if (p.birthYear === null) return false;
  return p.birthYear <= b.bornInOrBefore && (b.bornInOrAfter === null || p.birthYear >= b.bornInOrAfter);
}

// ---- Stock --------------------------------------------------------------------------------------

/**
 * Received: doses arriving from the unit above or a supplier. Allocated out: doses handed to another
 * unit (a commune, a mobile team of another unit). Used: doses given. Wasted: opened vials not used,
 * broken, expired. Returned: doses given back to this unit (by a lower unit, or unopened after a session).
 */
export const STOCK_MOVEMENT_KINDS = ['received', 'allocated_out', 'used', 'wasted', 'returned'] as const;
export type StockMovementKind = (typeof STOCK_MOVEMENT_KINDS)[number];
export const STOCK_MOVEMENT_KIND_LABELS: Record<StockMovementKind, string> = {
  received: 'Nhận về',
  allocated_out: 'Cấp cho đơn vị khác',
  used: 'Đã tiêm',
  wasted: 'Hủy, hao hụt',
  returned: 'Được trả lại',
};
export const STOCK_SIGN: Record<StockMovementKind, 1 | -1> = { received: 1, allocated_out: -1, used: -1, wasted: -1, returned: 1 };

export const MAX_MOVEMENT_QUANTITY = 10_000_000;

export interface StockLine {
  productCode: string;
  received: number;
  allocated: number;
  used: number;
  wasted: number;
  returned: number;
  balance: number;
}

export function emptyStockLine(productCode: string): StockLine {
  return { productCode, received: 0, allocated: 0, used: 0, wasted: 0, returned: 0, balance: 0 };
}

const LINE_FIELD: Record<StockMovementKind, keyof Omit<StockLine, 'productCode' | 'balance'>> = {
  received: 'received', allocated_out: 'allocated', used: 'used', wasted: 'wasted', returned: 'returned',
};

/** Totals per product from movements (or from per-kind sums: a movement may carry any quantity). */
export function summarizeStock(movements: readonly { productCode: string; kind: StockMovementKind; quantity: number }[]): StockLine[] {
  const lines = new Map<string, StockLine>();
  for (const m of movements) {
    const line = lines.get(m.productCode) ?? emptyStockLine(m.productCode);
    line[LINE_FIELD[m.kind]] += m.quantity;
    line.balance += STOCK_SIGN[m.kind] * m.quantity;
    lines.set(m.productCode, line);
  }
  return [...lines.values()].sort((a, b) => a.productCode.localeCompare(b.productCode));
}

export interface MovementFacts {
  kind: StockMovementKind;
  quantity: number;
  date: string;
}

/**
 * What is wrong with a movement given the product's balance before it: a quantity that is not a
 * positive whole number, a date that is not real or lies ahead, and any outflow the stock cannot cover
 * (a balance never goes below zero).
 */
export function checkMovement(m: MovementFacts, balance: number, today: string, field = 'quantity'): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!Number.isInteger(m.quantity) || m.quantity <= 0 || m.quantity > MAX_MOVEMENT_QUANTITY) {
    problems.push({ field, message: 'Số liều phải là số nguyên dương.', messageEn: 'The number of doses must be a positive whole number.' });
  } else if (STOCK_SIGN[m.kind] < 0 && m.quantity > balance) {
    problems.push({
      field,
      message: `Số liều ${STOCK_MOVEMENT_KIND_LABELS[m.kind].toLowerCase()} (${m.quantity}) vượt quá tồn kho hiện có (${Math.max(0, balance)} liều).`,
      messageEn: `${m.quantity} doses exceed the ${Math.max(0, balance)} in stock; a stock balance cannot go below zero.`,
    });
  }
  if (!isIsoDate(m.date)) problems.push({ field: 'date', message: 'Ngày không hợp lệ.', messageEn: 'Invalid date.' });
  else if (m.date > today) problems.push({ field: 'date', message: 'Ngày xuất/nhập kho ở tương lai.', messageEn: 'The movement date is in the future.' });
  return problems;
}

// ---- Allocation requests ------------------------------------------------------------------------

export const ALLOCATION_STATUSES = ['requested', 'approved', 'rejected', 'delivered'] as const;
export type AllocationStatus = (typeof ALLOCATION_STATUSES)[number];
export const ALLOCATION_STATUS_LABELS: Record<AllocationStatus, string> = {
  requested: 'Đang chờ duyệt',
  approved: 'Đã duyệt, đã cấp',
  rejected: 'Không duyệt',
  delivered: 'Đã nhận đủ',
};

/** The decisions the unit above takes (approve, reject), then the requester's confirmation of delivery. */
const NEXT_STATUS: Record<AllocationStatus, AllocationStatus[]> = { requested: ['approved', 'rejected'], approved: ['delivered'], rejected: [], delivered: [] };

export function canMoveAllocation(from: AllocationStatus, to: AllocationStatus): boolean {
  return NEXT_STATUS[from].includes(to);
}

export interface AllocationJustification {
  /** People of the target group still without the dose. */
  peopleWithoutDose: number;
  /** Doses in the requesting unit's stock (every product: any may serve a first dose). */
  dosesOnHand: number;
  /** Doses already asked for and not yet decided. */
  dosesPending: number;
  /** People who would stay without the dose after the stock and pending requests are used. */
  gap: number;
  /** Doses per vial when given: the need is rounded up to whole vials. */
  vialSize: number;
  dosesNeeded: number;
  vials: number;
}

/** The need a request rests on: the gap between people without the dose and doses on hand or on their way. */
export function allocationJustification(f: { peopleWithoutDose: number; dosesOnHand: number; dosesPending?: number; vialSize?: number }): AllocationJustification {
  const vialSize = f.vialSize && f.vialSize > 0 ? Math.floor(f.vialSize) : 1;
  const dosesPending = Math.max(0, f.dosesPending ?? 0);
  const gap = Math.max(0, f.peopleWithoutDose - Math.max(0, f.dosesOnHand) - dosesPending);
  const vials = Math.ceil(gap / vialSize);
  return { peopleWithoutDose: f.peopleWithoutDose, dosesOnHand: f.dosesOnHand, dosesPending, gap, vialSize, dosesNeeded: vials * vialSize, vials };
}

/** A request names a positive quantity; the unit above may approve less than asked, never more than its own stock. */
export function checkApproval(requested: number, approved: number, parentBalance: number): FieldProblem[] {
  if (!Number.isInteger(approved) || approved <= 0) return [{ field: 'quantity', message: 'Số liều duyệt cấp phải là số nguyên dương.', messageEn: 'The approved quantity must be a positive whole number.' }];
  if (approved > requested) return [{ field: 'quantity', message: `Số liều duyệt cấp (${approved}) lớn hơn số liều đề nghị (${requested}).`, messageEn: `Approved ${approved} exceeds the ${requested} requested.` }];
  if (approved > parentBalance) {
    return [{ field: 'quantity', message: `Kho của đơn vị cấp trên chỉ còn ${Math.max(0, parentBalance)} liều, không đủ cấp ${approved} liều.`, messageEn: `The unit above holds only ${Math.max(0, parentBalance)} doses.` }];
  }
  return [];
}
