import type { FieldProblem } from './people.js';
import { can, type Role } from './roles.js';
import type { Tier } from './units.js';

/** Arrivals, health declarations, epidemic zones and the follow-up they trigger. Dates are ISO yyyy-mm-dd in Vietnam. */

export const TRANSPORTS = ['car', 'bus', 'motorbike', 'truck', 'train', 'plane', 'boat', 'walk', 'other'] as const;
export type Transport = (typeof TRANSPORTS)[number];
export const TRANSPORT_LABELS: Record<Transport, string> = {
  car: 'Ô tô cá nhân', bus: 'Xe khách', motorbike: 'Xe máy', truck: 'Xe tải', train: 'Tàu hỏa', plane: 'Máy bay', boat: 'Tàu, thuyền', walk: 'Đi bộ', other: 'Khác',
};

export const SYMPTOMS = ['fever', 'cough', 'sore_throat', 'shortness_of_breath', 'loss_of_taste_smell', 'fatigue', 'muscle_ache', 'diarrhea'] as const;
export type Symptom = (typeof SYMPTOMS)[number];
export const SYMPTOM_LABELS: Record<Symptom, string> = {
  fever: 'Sốt', cough: 'Ho', sore_throat: 'Đau họng', shortness_of_breath: 'Khó thở', loss_of_taste_smell: 'Mất vị giác, khứu giác',
  fatigue: 'Mệt mỏi', muscle_ache: 'Đau mỏi cơ', diarrhea: 'Tiêu chảy',
};

export const DECLARATION_SOURCES = ['public', 'checkpoint', 'staff'] as const;
export type DeclarationSource = (typeof DECLARATION_SOURCES)[number];
export const DECLARATION_SOURCE_LABELS: Record<DeclarationSource, string> = { public: 'Tự khai báo', checkpoint: 'Tại chốt/điểm khai báo', staff: 'Cán bộ ghi nhận' };

export const CHECKPOINT_KINDS = ['checkpoint', 'declaration_point', 'border_post'] as const;
export type CheckpointKind = (typeof CHECKPOINT_KINDS)[number];
export const CHECKPOINT_KIND_LABELS: Record<CheckpointKind, string> = { checkpoint: 'Chốt kiểm soát', declaration_point: 'Điểm khai báo y tế', border_post: 'Trạm biên phòng' };

export const PASSAGE_DIRECTIONS = ['in', 'out'] as const;
export type PassageDirection = (typeof PASSAGE_DIRECTIONS)[number];

export const OBLIGATION_STATUSES = ['open', 'done', 'cancelled'] as const;
export type ObligationStatus = (typeof OBLIGATION_STATUSES)[number];
export const OBLIGATION_STATUS_LABELS: Record<ObligationStatus, string> = { open: 'Đang theo dõi', done: 'Đã hoàn thành', cancelled: 'Đã hủy' };

/** contact_f1 / contact_f2: follow-up of a contact of an F0 / of an F1 (see contacts.ts). */
export const OBLIGATION_KINDS = ['home_quarantine', 'health_monitoring', 'contact_f1', 'contact_f2'] as const;
export type ObligationKind = (typeof OBLIGATION_KINDS)[number];
export const OBLIGATION_KIND_LABELS: Record<ObligationKind, string> = {
  home_quarantine: 'Cách ly tại nhà, xét nghiệm', health_monitoring: 'Theo dõi sức khỏe, xét nghiệm',
  contact_f1: 'Cách ly F1, xét nghiệm', contact_f2: 'Theo dõi sức khỏe F2',
};

export const TEST_RESULTS = ['negative', 'positive'] as const;
export type TestResult = (typeof TEST_RESULTS)[number];
export const TEST_RESULT_LABELS: Record<TestResult, string> = { negative: 'Âm tính', positive: 'Dương tính' };

export const MAX_VACCINATION_DOSES = 4;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Calendar arithmetic on ISO dates, in UTC so that no clock change can shift a day. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

// ---------------------------------------------------------------- epidemic zones

export interface ZoneRecord {
  id?: number;
  unitCode: string;
  fromDate: string;
  toDate: string | null;
  /** Path of the unit that declared the zone: its list applies to arrivals into that unit only. Null: the whole country. */
  appliesToPath?: string | null;
}

/**
 * The zones covering an origin on a date. An origin lies in a zone when the zone's unit is the origin
 * itself or one of its ancestors (a district inside a province-wide zone). `originCodes` are the
 * origin's code and its ancestors'. With a destination, only the lists of units above it count.
 */
export function zonesCovering<Z extends ZoneRecord>(zones: readonly Z[], originCodes: readonly string[], date: string, destinationPath?: string | null): Z[] {
  const codes = new Set(originCodes);
  return zones.filter((z) =>
    codes.has(z.unitCode)
    && z.fromDate <= date
    && (z.toDate === null || z.toDate >= date)
    && (!z.appliesToPath || destinationPath == null || destinationPath.startsWith(z.appliesToPath)));
}

export function isEpidemicZone(zones: readonly ZoneRecord[], originCodes: readonly string[], date: string, destinationPath?: string | null): boolean {
  return zonesCovering(zones, originCodes, date, destinationPath).length > 0;
}

export function checkZone(z: { fromDate: string; toDate?: string | null }): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!isIsoDate(z.fromDate)) problems.push({ field: 'fromDate', message: `Ngày bắt đầu "${z.fromDate}" không phải ngày có thật.`, messageEn: 'Invalid start date.' });
  if (z.toDate && !isIsoDate(z.toDate)) problems.push({ field: 'toDate', message: `Ngày kết thúc "${z.toDate}" không phải ngày có thật.`, messageEn: 'Invalid end date.' });
  else if (z.toDate && isIsoDate(z.fromDate) && z.toDate < z.fromDate) {
    problems.push({ field: 'toDate', message: 'Ngày kết thúc vùng dịch trước ngày bắt đầu.', messageEn: 'The zone ends before it starts.' });
  }
  return problems;
}

/**
 * Who may declare epidemic zones and set follow-up rules: administrators and command staff of a
 * province or a district (the levels whose directives name the zones), or a national administrator.
 */
export function canManageZones(role: Role, unitTier: Tier | null): boolean {
  if (!can(role, 'zones.manage')) return false;
  if (unitTier === null) return role === 'admin';
  return unitTier === 'province' || unitTier === 'district';
}

// ---------------------------------------------------------------- follow-up rules and obligations

export interface ObligationRule {
  /** Days of home quarantine counted from the arrival day (day 1); 0 = health monitoring only. */
  quarantineDays: number;
  /** Days (1 = arrival day) on which a test is due. */
  testDays: number[];
}

export const MAX_RULE_DAYS = 60;

export function checkRule(rule: ObligationRule): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const { quarantineDays: q, testDays } = rule;
  if (!Number.isInteger(q) || q < 0 || q > MAX_RULE_DAYS) {
    problems.push({ field: 'quarantineDays', message: `Số ngày cách ly phải từ 0 đến ${MAX_RULE_DAYS}.`, messageEn: `Quarantine days must be 0–${MAX_RULE_DAYS}.` });
  }
  if (testDays.some((d) => !Number.isInteger(d) || d < 1 || d > MAX_RULE_DAYS)) {
    problems.push({ field: 'testDays', message: `Ngày xét nghiệm phải từ ngày 1 đến ngày ${MAX_RULE_DAYS}.`, messageEn: `Test days must be 1–${MAX_RULE_DAYS}.` });
  } else if (new Set(testDays).size !== testDays.length) {
    problems.push({ field: 'testDays', message: 'Ngày xét nghiệm bị lặp lại.', messageEn: 'A test day is repeated.' });
  } else if (q > 0 && testDays.some((d) => d > q)) {
    problems.push({ field: 'testDays', message: 'Ngày xét nghiệm nằm ngoài thời gian cách ly.', messageEn: 'A test day falls after the quarantine.' });
  }
  if (q === 0 && testDays.length === 0) {
    problems.push({ field: 'testDays', message: 'Quy định phải có ngày cách ly hoặc ít nhất một lần xét nghiệm.', messageEn: 'A rule needs quarantine days or at least one test.' });
  }
  return problems;
}

export interface TestDue {
  day: number;
  date: string;
  doneOn: string | null;
  result: TestResult | null;
}

export interface ObligationPlan {
  kind: ObligationKind;
  startDate: string;
  endDate: string;
  tests: TestDue[];
}

/** Day N of a follow-up is arrival + (N − 1): the arrival day is day 1, as quarantine notices count. */
export function planObligation(rule: ObligationRule, arrivalDate: string): ObligationPlan {
  const testDays = [...rule.testDays].sort((a, b) => a - b);
  const lastDay = Math.max(rule.quarantineDays, ...testDays, 1);
  return {
    kind: rule.quarantineDays > 0 ? 'home_quarantine' : 'health_monitoring',
    startDate: arrivalDate,
    endDate: addDays(arrivalDate, lastDay - 1),
    tests: testDays.map((day) => ({ day, date: addDays(arrivalDate, day - 1), doneOn: null, result: null })),
  };
}

export type DueItem = { kind: 'test'; day: number; date: string } | { kind: 'end'; date: string };

export interface ObligationState {
  status: ObligationStatus;
  endDate: string;
  tests: readonly TestDue[];
}

export interface ObligationProgress {
  /** overdue: something is past its date; due_today: something falls today; upcoming: nothing due yet. */
  state: 'done' | 'cancelled' | 'overdue' | 'due_today' | 'upcoming';
  dueToday: DueItem[];
  overdue: DueItem[];
  /** The earliest outstanding date (the work list sorts and filters on it); null once closed. */
  nextDueDate: string | null;
}

/** What an open follow-up still needs: each test not yet done, then closing it on or after its last day. */
export function obligationProgress(ob: ObligationState, today: string): ObligationProgress {
  if (ob.status !== 'open') return { state: ob.status, dueToday: [], overdue: [], nextDueDate: null };
  const outstanding: DueItem[] = [
    ...ob.tests.filter((t) => !t.doneOn).map((t) => ({ kind: 'test' as const, day: t.day, date: t.date })),
    { kind: 'end', date: ob.endDate },
  ];
  const overdue = outstanding.filter((i) => i.date < today);
  const dueToday = outstanding.filter((i) => i.date === today);
  const nextDueDate = outstanding.map((i) => i.date).sort()[0];
  return { state: overdue.length ? 'overdue' : dueToday.length ? 'due_today' : 'upcoming', dueToday, overdue, nextDueDate };
}

export type ObligationAction =
  | { action: 'test_done'; testDay: number; doneOn: string; result: TestResult | null }
  | { action: 'complete' }
  | { action: 'cancel'; reason: string }
  | { action: 'reopen' };

/** Applies a staff action to a follow-up, or says why it cannot be applied. */
export function applyObligationAction(
  ob: ObligationState & { startDate: string },
  a: ObligationAction,
  today: string,
): { ok: true; value: { status: ObligationStatus; tests: TestDue[] } } | { ok: false; problem: FieldProblem } {
  const fail = (field: string, message: string, messageEn: string) => ({ ok: false as const, problem: { field, message, messageEn } });
  const tests = ob.tests.map((t) => ({ ...t }));
  if (a.action === 'reopen') {
    if (ob.status === 'open') return fail('action', 'Việc theo dõi này đang mở.', 'The follow-up is already open.');
    return { ok: true, value: { status: 'open', tests } };
  }
  if (ob.status !== 'open') return fail('action', 'Việc theo dõi này đã kết thúc; mở lại trước khi ghi tiếp.', 'The follow-up is closed; reopen it first.');
  if (a.action === 'cancel') {
    if (!a.reason.trim()) return fail('reason', 'Hãy ghi lý do hủy (ví dụ: đã rời địa phương, khai báo nhầm).', 'Give a reason for cancelling.');
    return { ok: true, value: { status: 'cancelled', tests } };
  }
  if (a.action === 'complete') {
    const missing = tests.filter((t) => !t.doneOn).map((t) => t.day);
    if (missing.length) return fail('action', `Chưa ghi kết quả xét nghiệm ngày thứ ${missing.join(', ')}.`, `Tests of day ${missing.join(', ')} are not recorded.`);
    return { ok: true, value: { status: 'done', tests } };
  }
  const test = tests.find((t) => t.day === a.testDay);
  if (!test) return fail('testDay', `Không có lần xét nghiệm ngày thứ ${a.testDay} trong việc theo dõi này.`, `No test is due on day ${a.testDay}.`);
  if (!isIsoDate(a.doneOn)) return fail('doneOn', 'Ngày xét nghiệm không hợp lệ.', 'Invalid test date.');
  if (a.doneOn > today) return fail('doneOn', 'Ngày xét nghiệm không thể ở tương lai.', 'The test date is in the future.');
  if (a.doneOn < ob.startDate) return fail('doneOn', 'Ngày xét nghiệm trước ngày đến địa phương.', 'The test date is before the arrival.');
  test.doneOn = a.doneOn;
  test.result = a.result;
  return { ok: true, value: { status: 'open', tests } };
}

// ---------------------------------------------------------------- declarations

/** How far from today an arrival date may be: declarations are made on the way or soon after arriving. */
export const PUBLIC_ARRIVAL_WINDOW = { pastDays: 14, futureDays: 3 };
/** Staff also record arrivals found later, e.g. on a door-to-door sweep. */
export const STAFF_ARRIVAL_WINDOW = { pastDays: 90, futureDays: 3 };

export interface DeclarationFields {
  arrivalDate: string;
  transport: string;
  symptoms: readonly string[];
  vaccinationDoses: number;
  address: string;
  dateOfBirth?: string | null;
  birthYear?: number | null;
}

/**
 * Checks what a declaration says about the journey (the person's own fields are checked by
 * checkPerson). Every problem names its field.
 */
export function checkDeclaration(d: DeclarationFields, today: string, window = PUBLIC_ARRIVAL_WINDOW): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string, messageEn: string) => problems.push({ field, message, messageEn });
  if (!d.dateOfBirth && (d.birthYear === null || d.birthYear === undefined)) add('birthYear', 'Hãy nhập ngày sinh hoặc năm sinh.', 'Date of birth or birth year is required.');
  if (!isIsoDate(d.arrivalDate)) add('arrivalDate', `Ngày đến "${d.arrivalDate}" không phải ngày có thật.`, 'Invalid arrival date.');
  else {
    if (daysBetween(today, d.arrivalDate) > window.futureDays) {
      add('arrivalDate', `Ngày đến không được sau hôm nay quá ${window.futureDays} ngày.`, `The arrival date is more than ${window.futureDays} days ahead.`);
    } else if (daysBetween(d.arrivalDate, today) > window.pastDays) {
      add('arrivalDate', `Ngày đến đã quá ${window.pastDays} ngày; hãy liên hệ trạm y tế xã để khai báo.`, `The arrival date is more than ${window.pastDays} days ago.`);
    }
    const born = d.dateOfBirth && isIsoDate(d.dateOfBirth) ? d.dateOfBirth : d.birthYear ? `${d.birthYear}-01-01` : null;
    if (born && d.arrivalDate < born) add('arrivalDate', 'Ngày đến trước ngày sinh.', 'The arrival date is before birth.');
  }
  if (!(TRANSPORTS as readonly string[]).includes(d.transport)) add('transport', 'Phương tiện không hợp lệ.', 'Unknown means of transport.');
  const unknown = d.symptoms.filter((s) => !(SYMPTOMS as readonly string[]).includes(s));
  if (unknown.length) add('symptoms', `Triệu chứng không hợp lệ: ${unknown.join(', ')}.`, `Unknown symptoms: ${unknown.join(', ')}.`);
  if (!Number.isInteger(d.vaccinationDoses) || d.vaccinationDoses < 0 || d.vaccinationDoses > MAX_VACCINATION_DOSES) {
    add('vaccinationDoses', `Số mũi vắc xin phải từ 0 đến ${MAX_VACCINATION_DOSES}.`, `Vaccination doses must be 0–${MAX_VACCINATION_DOSES}.`);
  }
  if (d.address.trim().length < 3) add('address', 'Hãy ghi địa chỉ nơi đến (số nhà, thôn/bản).', 'The destination address is required.');
  return problems;
}

/**
 * Receipt codes are read aloud over the phone and typed from paper, so they avoid look-alike
 * characters (0/O, 1/I) and end with a check character that catches a single mistyped one.
 */
export const RECEIPT_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function receiptCheck(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += (i + 1) * RECEIPT_ALPHABET.indexOf(body[i]);
  return RECEIPT_ALPHABET[sum % RECEIPT_ALPHABET.length];
}

/** "KB-XXXX-XXXX" from 7 random bytes (the caller supplies them: no I/O here). */
export function makeReceiptCode(random: ArrayLike<number>): string {
  if (random.length < 7) throw new Error('makeReceiptCode needs 7 random bytes');
  let body = '';
  for (let i = 0; i < 7; i++) body += RECEIPT_ALPHABET[random[i] % RECEIPT_ALPHABET.length];
  const full = body + receiptCheck(body);
  return `KB-${full.slice(0, 4)}-${full.slice(4)}`;
}

/** The canonical form of a typed receipt code, or null when it is not one (wrong shape or check character). */
export function normalizeReceiptCode(raw: string): string | null {
  const s = raw.toUpperCase().replace(/[\s-]/g, '');
  const m = /^KB([A-Z2-9]{8})$/.exec(s);
  if (!m) return null;
  const chars = m[1];
  if ([...chars].some((c) => !RECEIPT_ALPHABET.includes(c))) return null;
  if (receiptCheck(chars.slice(0, 7)) !== chars[7]) return null;
  return `KB-${chars.slice(0, 4)}-${chars.slice(4)}`;
}

/** Vietnamese plates as written on papers ("29A-123.45", "27 B1 234 56") to one form ("29A12345", "27B123456"), or null. */
export function normalizePlate(raw: string): string | null {
  const s = raw.toUpperCase().replace(/[\s.-]/g, '');
  return /^\d{2}[A-Z]{1,2}\d{0,2}\d{4,5}$/.test(s) && s.length <= 10 ? s : null;
}
