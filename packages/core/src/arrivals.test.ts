import { describe, expect, it } from 'vitest';
import {
  addDays, applyObligationAction, canManageZones, checkDeclaration, checkRule, checkZone, isEpidemicZone, makeReceiptCode,
  normalizePlate, normalizeReceiptCode, obligationProgress, planObligation, STAFF_ARRIVAL_WINDOW, zonesCovering, type ZoneRecord,
} from './arrivals.js';

const TODAY = '2021-11-02';
const fields = (problems: { field: string }[]) => problems.map((p) => p.field).sort();

describe('zonesCovering', () => {
  // Hồ Chí Minh City (79) from 15/07/2021, ended 30/09; Quận 1 (760) still open; Bình Dương (74) only for Điện Biên district.
  const zones: ZoneRecord[] = [
    { id: 1, unitCode: '79', fromDate: '2021-07-15', toDate: '2021-09-30' },
    { id: 2, unitCode: '760', fromDate: '2021-10-20', toDate: null },
    { id: 3, unitCode: '74', fromDate: '2021-08-01', toDate: null, appliesToPath: '/11/100/' },
  ];
  const q1 = ['79', '760', '26734'];
  it.each([
    ['a commune of a zone district', q1, '2021-10-25', null, [2]],
    ['the province itself while a zone', ['79'], '2021-08-01', null, [1]],
    ['the first day counts', ['79'], '2021-07-15', null, [1]],
    ['the last day counts', ['79'], '2021-09-30', null, [1]],
    ['after the zone ended', ['79'], '2021-10-01', null, []],
    ['before the zone started', q1, '2021-10-19', null, []],
    ['a district inside a province zone', ['79', '769'], '2021-08-10', null, [1]],
    ['a parent of a zone is not a zone', ['79'], '2021-10-25', null, []],
    ['a zone of another district\'s list does not apply', ['74', '718'], '2021-10-25', '/60/593/22969/', []],
    ['it applies inside the declaring district', ['74', '718'], '2021-10-25', '/11/100/03365/03365.01/', [3]],
    ['without a destination every list counts', ['74'], '2021-10-25', null, [3]],
    ['an unknown origin', [], '2021-10-25', null, []],
  ] as const)('%s', (_label, origin, date, dest, expected) => {
    expect(zonesCovering(zones, origin, date, dest).map((z) => z.id)).toEqual(expected);
    expect(isEpidemicZone(zones, origin, date, dest)).toBe(expected.length > 0);
  });
});

describe('checkZone', () => {
  it.each([
    [{ fromDate: '2021-07-15' }, []],
    [{ fromDate: '2021-07-15', toDate: '2021-07-15' }, []],
    [{ fromDate: '2021-07-15', toDate: '2021-07-14' }, ['toDate']],
    [{ fromDate: '2021-02-30' }, ['fromDate']],
    [{ fromDate: '2021-07-15', toDate: '15/08/2021' }, ['toDate']],
  ] as const)('%j → %j', (z, expected) => expect(fields(checkZone(z))).toEqual(expected));
});

describe('canManageZones', () => {
  it.each([
    ['admin', 'province', true], ['command', 'province', true], ['command', 'district', true], ['admin', 'district', true],
    ['command', 'commune', false], ['admin', 'commune', false], ['admin', null, true], ['command', null, false],
    ['health', 'district', false], ['team', 'province', false], ['observer', 'province', false],
  ] as const)('%s of a %s: %s', (role, tier, expected) => expect(canManageZones(role, tier)).toBe(expected));
});

describe('checkRule', () => {
  it.each([
    [{ quarantineDays: 7, testDays: [1, 7] }, []],
    [{ quarantineDays: 14, testDays: [1, 7, 14] }, []],
    [{ quarantineDays: 0, testDays: [1] }, []],
    [{ quarantineDays: 0, testDays: [] }, ['testDays']],
    [{ quarantineDays: -1, testDays: [1] }, ['quarantineDays']],
    [{ quarantineDays: 61, testDays: [1] }, ['quarantineDays']],
    [{ quarantineDays: 7, testDays: [1, 1] }, ['testDays']],
    [{ quarantineDays: 7, testDays: [0] }, ['testDays']],
    [{ quarantineDays: 7, testDays: [8] }, ['testDays']],
    [{ quarantineDays: 7.5, testDays: [1] }, ['quarantineDays']],
  ])('%j → %j', (rule, expected) => expect(fields(checkRule(rule))).toEqual(expected));
});

describe('planObligation', () => {
  it.each([
    ['7 days at home, tests on day 1 and 7', { quarantineDays: 7, testDays: [7, 1] }, '2021-10-30', 'home_quarantine', '2021-11-05', ['2021-10-30', '2021-11-05']],
    ['across a month and a year end', { quarantineDays: 14, testDays: [1, 14] }, '2021-12-25', 'home_quarantine', '2022-01-07', ['2021-12-25', '2022-01-07']],
    ['a leap day', { quarantineDays: 2, testDays: [2] }, '2024-02-28', 'home_quarantine', '2024-02-29', ['2024-02-29']],
    ['monitoring only: ends with the last test', { quarantineDays: 0, testDays: [1, 3] }, '2021-11-01', 'health_monitoring', '2021-11-03', ['2021-11-01', '2021-11-03']],
  ] as const)('%s', (_label, rule, arrival, kind, end, testDates) => {
    const plan = planObligation({ quarantineDays: rule.quarantineDays, testDays: [...rule.testDays] }, arrival);
    expect(plan).toMatchObject({ kind, startDate: arrival, endDate: end });
    expect(plan.tests.map((t) => t.date)).toEqual(testDates);
    expect(plan.tests.every((t) => t.doneOn === null)).toBe(true);
  });

  it('counts days in the calendar', () => expect([addDays('2021-03-31', 1), addDays('2021-01-01', -1)]).toEqual(['2021-04-01', '2020-12-31']));
});

describe('obligationProgress', () => {
  const plan = planObligation({ quarantineDays: 7, testDays: [1, 7] }, '2021-10-30'); // tests 30/10 and 05/11, ends 05/11
  const done1 = plan.tests.map((t) => (t.day === 1 ? { ...t, doneOn: '2021-10-30', result: 'negative' as const } : t));
  const doneAll = done1.map((t) => ({ ...t, doneOn: t.doneOn ?? '2021-11-05', result: 'negative' as const }));
  it.each([
    ['arrival day: first test due', plan.tests, '2021-10-30', 'due_today', ['test:1'], [], '2021-10-30'],
    ['first test missed', plan.tests, '2021-11-02', 'overdue', [], ['test:1'], '2021-10-30'],
    ['first test done, waiting for day 7', done1, '2021-11-02', 'upcoming', [], [], '2021-11-05'],
    ['day 7: last test and closing due', done1, '2021-11-05', 'due_today', ['test:7', 'end'], [], '2021-11-05'],
    ['all tests done, not closed after the end', doneAll, '2021-11-06', 'overdue', [], ['end'], '2021-11-05'],
    ['nothing done a week late', plan.tests, '2021-11-12', 'overdue', [], ['test:1', 'test:7', 'end'], '2021-10-30'],
  ] as const)('%s', (_label, tests, today, state, due, overdue, next) => {
    const p = obligationProgress({ status: 'open', endDate: plan.endDate, tests }, today);
    const names = (items: typeof p.dueToday) => items.map((i) => (i.kind === 'test' ? `test:${i.day}` : 'end'));
    expect(p.state).toBe(state);
    expect(names(p.dueToday)).toEqual(due);
    expect(names(p.overdue)).toEqual(overdue);
    expect(p.nextDueDate).toBe(next);
  });

  it.each(['done', 'cancelled'] as const)('a %s follow-up has nothing due', (status) => {
    expect(obligationProgress({ status, endDate: plan.endDate, tests: plan.tests }, '2021-12-01')).toEqual({ state: status, dueToday: [], overdue: [], nextDueDate: null });
  });
});

describe('applyObligationAction', () => {
  const plan = planObligation({ quarantineDays: 7, testDays: [1, 7] }, '2021-10-30');
  const open = { status: 'open' as const, startDate: plan.startDate, endDate: plan.endDate, tests: plan.tests };
  it.each([
    ['record the day-1 test', open, { action: 'test_done', testDay: 1, doneOn: '2021-10-30', result: 'negative' }, null, 'open'],
    ['a test day the rule does not have', open, { action: 'test_done', testDay: 3, doneOn: '2021-11-01', result: null }, 'testDay', null],
    ['a test in the future', open, { action: 'test_done', testDay: 7, doneOn: '2021-11-05', result: null }, 'doneOn', null],
    ['a test before the arrival', open, { action: 'test_done', testDay: 1, doneOn: '2021-10-29', result: null }, 'doneOn', null],
    ['complete with a test missing', open, { action: 'complete' }, 'action', null],
    ['cancel without a reason', open, { action: 'cancel', reason: ' ' }, 'reason', null],
    ['cancel with a reason', open, { action: 'cancel', reason: 'Đã rời địa phương' }, null, 'cancelled'],
    ['write to a closed one', { ...open, status: 'done' as const }, { action: 'test_done', testDay: 1, doneOn: '2021-10-30', result: null }, 'action', null],
    ['reopen a closed one', { ...open, status: 'cancelled' as const }, { action: 'reopen' }, null, 'open'],
    ['reopen an open one', open, { action: 'reopen' }, 'action', null],
  ] as const)('%s', (_label, ob, action, problemField, status) => {
    const r = applyObligationAction(ob, action as Parameters<typeof applyObligationAction>[1], TODAY);
    if (problemField) expect(r.ok ? null : r.problem.field).toBe(problemField);
    else expect(r.ok && r.value.status).toBe(status);
  });

  it('completes once every test is recorded, keeping the results', () => {
    const r1 = applyObligationAction(open, { action: 'test_done', testDay: 1, doneOn: '2021-10-30', result: 'negative' }, '2021-11-05');
    if (!r1.ok) throw new Error(r1.problem.message);
    const r2 = applyObligationAction({ ...open, tests: r1.value.tests }, { action: 'test_done', testDay: 7, doneOn: '2021-11-05', result: 'negative' }, '2021-11-05');
    if (!r2.ok) throw new Error(r2.problem.message);
    const r3 = applyObligationAction({ ...open, tests: r2.value.tests }, { action: 'complete' }, '2021-11-05');
    expect(r3.ok && r3.value).toEqual({ status: 'done', tests: [
      { day: 1, date: '2021-10-30', doneOn: '2021-10-30', result: 'negative' },
      { day: 7, date: '2021-11-05', doneOn: '2021-11-05', result: 'negative' },
    ] });
    expect(open.tests.every((t) => t.doneOn === null)).toBe(true);
  });
});

describe('checkDeclaration', () => {
  const ok = { arrivalDate: '2021-11-01', transport: 'bus', symptoms: [], vaccinationDoses: 2, address: 'Nhà ông Lò Văn Ún, bản Hát Tao', birthYear: 1990 };
  it.each([
    ['a valid declaration', ok, []],
    ['with symptoms', { ...ok, symptoms: ['fever', 'cough'] }, []],
    ['arriving in three days', { ...ok, arrivalDate: '2021-11-05' }, []],
    ['arriving in four days', { ...ok, arrivalDate: '2021-11-06' }, ['arrivalDate']],
    ['arrived two weeks ago', { ...ok, arrivalDate: '2021-10-19' }, []],
    ['arrived over two weeks ago', { ...ok, arrivalDate: '2021-10-18' }, ['arrivalDate']],
    ['an impossible date', { ...ok, arrivalDate: '2021-11-31' }, ['arrivalDate']],
    ['arriving before birth', { ...ok, birthYear: undefined, dateOfBirth: '2021-11-02', arrivalDate: '2021-11-01' }, ['arrivalDate']],
    ['no birth date or year', { ...ok, birthYear: null }, ['birthYear']],
    ['an unknown transport', { ...ok, transport: 'rocket' }, ['transport']],
    ['an unknown symptom', { ...ok, symptoms: ['fever', 'sneezing'] }, ['symptoms']],
    ['too many doses', { ...ok, vaccinationDoses: 5 }, ['vaccinationDoses']],
    ['no address', { ...ok, address: ' ' }, ['address']],
  ] as const)('%s', (_label, d, expected) => {
    expect(fields(checkDeclaration({ ...d, symptoms: [...d.symptoms] }, TODAY))).toEqual([...expected].sort());
  });

  it('gives staff a longer look back', () => {
    expect(checkDeclaration({ ...ok, arrivalDate: '2021-09-01' }, TODAY, STAFF_ARRIVAL_WINDOW)).toEqual([]);
  });
});

describe('receipt codes', () => {
  const code = makeReceiptCode([0, 1, 2, 3, 31, 32, 200]);
  it('have the KB-XXXX-XXXX shape with a check character', () => {
    expect(code).toMatch(/^KB-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(code.slice(0, 11)).toBe('KB-ABCD-9AJ');
  });
  it.each([
    [code, code],
    [code.toLowerCase(), code],
    [code.replace(/-/g, ' '), code],
    [code.replace(/-/g, ''), code],
    [code.slice(0, 4) + (code[4] === 'B' ? 'C' : 'B') + code.slice(5), null],
    [code.slice(0, -1) + (code.at(-1) === 'A' ? 'B' : 'A'), null],
    ['KB-ABCD-0A1B', null],
    ['XX-ABCD-EFGH', null],
    ['', null],
  ])('%j → %j', (raw, expected) => expect(normalizeReceiptCode(raw)).toBe(expected));
  it('are valid for any random bytes', () => {
    for (let i = 0; i < 200; i++) {
      const c = makeReceiptCode(Array.from({ length: 7 }, (_, k) => (i * 37 + k * 101) % 256));
      expect(normalizeReceiptCode(c)).toBe(c);
    }
  });
});

describe('normalizePlate', () => {
  it.each([
    ['29A-123.45', '29A12345'],
    ['27 B1 234 56', '27B123456'],
    ['51ld-123.45', '51LD12345'],
    ['27C-1234', '27C1234'],
    ['ABC', null],
    ['2A-12345', null],
    ['29A-12', null],
  ])('%j → %j', (raw, expected) => expect(normalizePlate(raw)).toBe(expected));
});
