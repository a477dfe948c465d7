import { describe, expect, it } from 'vitest';
import {
  canMoveSweep, checkArrivalDate, checkSweepDates, checkVisit, crossCheckArrivals, crossCheckWindow, sameArrival, splitHouseholds, sweepAccess, sweepProgress,
  visitState, type ArrivalRef, type SplitHousehold, type SweepStatus,
} from './sweeps.js';

const houses = (spec: Record<string, number>, start = 1): SplitHousehold[] => {
  let id = start;
  return Object.entries(spec).flatMap(([village, n]) => Array.from({ length: n }, () => ({ id: id++, village })));
};
const villagesOf = (all: SplitHousehold[], ids: number[]) => [...new Set(ids.map((id) => all.find((h) => h.id === id)!.village))].sort();

describe('splitHouseholds', () => {
  it.each([
    // [label, villages → household count, members, expected count per member, expected villages per member]
    ['two equal villages, two members: one village each', { a: 5, b: 5 }, [7, 3], [5, 5], [['a'], ['b']]],
    ['villages that pack exactly are not cut', { a: 2, b: 5, c: 3 }, [1, 2], [5, 5], [['b'], ['a', 'c']]],
    ['a village larger than a share is cut once', { a: 4, b: 1 }, [1, 2], [3, 2], [['a'], ['a', 'b']]],
    ['the extra household goes to the lowest member id', { a: 3, b: 2, c: 2 }, [2, 1], [4, 3], [['b', 'c'], ['a']]],
    ['more members than households', { a: 2 }, [1, 2, 3], [1, 1, 0], [['a'], ['a'], []]],
    ['no households', {}, [1, 2], [0, 0], [[], []]],
    ['one member takes everything', { a: 3, b: 4 }, [9], [7], [['a', 'b']]],
    ['three members, four villages', { a: 6, b: 6, c: 3, d: 3 }, [1, 2, 3], [6, 6, 6], [['a'], ['b'], ['c', 'd']]],
  ] as const)('%s', (_label, spec, members, counts, villages) => {
    const all = houses(spec);
    const split = splitHouseholds(all, members);
    expect(split.map((s) => s.memberId)).toEqual([...members].sort((a, b) => a - b));
    expect(split.map((s) => s.householdIds.length)).toEqual(counts);
    expect(split.map((s) => villagesOf(all, s.householdIds))).toEqual(villages);
    // Every household exactly once.
    expect(split.flatMap((s) => s.householdIds).sort((a, b) => a - b)).toEqual(all.map((h) => h.id));
  });

  it('is deterministic whatever the input order, and ignores repeated members', () => {
    const all = houses({ x: 7, y: 4, z: 9 });
    const once = splitHouseholds(all, [5, 8, 2]);
    expect(splitHouseholds([...all].reverse(), [8, 2, 5, 2])).toEqual(once);
  });

  it('keeps shares within one of each other on larger inputs', () => {
    const all = houses({ a: 37, b: 12, c: 58, d: 3, e: 21 });
    const sizes = splitHouseholds(all, [1, 2, 3, 4]).map((s) => s.householdIds.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(131);
  });

  it('gives nothing without members', () => {
    expect(splitHouseholds(houses({ a: 2 }), [])).toEqual([]);
  });
});

describe('visitState and sweepProgress', () => {
  it.each([
    [[], 'unvisited'],
    [['nobody_home'], 'attempted'],
    [['nobody_home', 'nobody_home'], 'attempted'],
    [['nobody_home', 'found'], 'visited'],
    [['refused'], 'visited'],
    [['vacant'], 'visited'],
  ] as const)('%j → %s', (outcomes, state) => {
    expect(visitState(outcomes)).toBe(state);
  });

  it('counts per village and per member, unassigned last, percent rounded down', () => {
    const p = sweepProgress([
      { village: 'v2', memberId: 9, state: 'visited' },
      { village: 'v1', memberId: 3, state: 'visited' },
      { village: 'v1', memberId: 3, state: 'attempted' },
      { village: 'v1', memberId: 9, state: 'unvisited' },
      { village: 'v2', memberId: null, state: 'unvisited' },
      { village: 'v2', memberId: 9, state: 'visited' },
    ]);
    expect(p.overall).toEqual({ total: 6, visited: 3, attempted: 1, remaining: 3, percent: 50 });
    expect(p.byVillage).toEqual([
      { village: 'v1', total: 3, visited: 1, attempted: 1, remaining: 2, percent: 33 },
      { village: 'v2', total: 3, visited: 2, attempted: 0, remaining: 1, percent: 66 },
    ]);
    expect(p.byMember).toEqual([
      { memberId: 3, total: 2, visited: 1, attempted: 1, remaining: 1, percent: 50 },
      { memberId: 9, total: 3, visited: 2, attempted: 0, remaining: 1, percent: 66 },
      { memberId: null, total: 1, visited: 0, attempted: 0, remaining: 1, percent: 0 },
    ]);
  });

  it('is all zeros for an empty sweep', () => {
    expect(sweepProgress([])).toEqual({ overall: { total: 0, visited: 0, attempted: 0, remaining: 0, percent: 0 }, byVillage: [], byMember: [] });
  });
});

describe('sweep rules', () => {
  it.each([
    ['planned', 'active', true],
    ['planned', 'closed', true],
    ['active', 'closed', true],
    ['closed', 'active', true],
    ['active', 'planned', false],
    ['closed', 'planned', false],
    ['active', 'active', true],
  ] as const)('%s → %s: %s', (from, to, ok) => {
    expect(canMoveSweep(from as SweepStatus, to as SweepStatus)).toBe(ok);
  });

  it.each([
    ['2021-10-26', '2021-11-05', []],
    ['2021-10-26', '2021-10-26', []],
    ['2021-11-05', '2021-10-26', ['toDate']],
    ['2021-02-30', '2021-03-05', ['fromDate']],
    ['2021-01-01', '2022-06-01', ['toDate']],
    ['26/10/2021', 'x', ['fromDate', 'toDate']],
  ])('dates %s – %s', (from, to, fields) => {
    expect(checkSweepDates(from, to).map((p) => p.field)).toEqual(fields);
  });

  it.each([
    ['2021-10-20', {}, []],
    ['2021-11-03', {}, ['arrivalDate']],
    ['2021-13-01', {}, ['arrivalDate']],
    ['2000-05-01', { dateOfBirth: '2001-01-01' }, ['arrivalDate']],
    ['2000-05-01', { birthYear: 2001 }, ['arrivalDate']],
    ['2001-05-01', { birthYear: 2001 }, []],
  ] as const)('arrival on %s for %j', (date, born, fields) => {
    expect(checkArrivalDate(date, '2021-11-02', born).map((p) => p.field)).toEqual(fields);
  });

  it.each([
    ['a normal visit', { outcome: 'found', presentPersonIds: [1, 2], absentPersonIds: [3], arrivals: 1 }, []],
    ['present and absent at once', { outcome: 'found', presentPersonIds: [1, 2], absentPersonIds: [2], arrivals: 0 }, ['absentPersonIds']],
    ['nobody home yet someone present', { outcome: 'nobody_home', presentPersonIds: [1], absentPersonIds: [], arrivals: 0 }, ['outcome']],
    ['empty house with a new arrival', { outcome: 'vacant', presentPersonIds: [], absentPersonIds: [], arrivals: 1 }, ['outcome']],
    ['nobody home, everyone absent', { outcome: 'nobody_home', presentPersonIds: [], absentPersonIds: [1, 2], arrivals: 0 }, []],
  ] as const)('%s', (_label, v, fields) => {
    expect(checkVisit(v).map((p) => p.field)).toEqual(fields);
  });
});

describe('who does what with a sweep', () => {
  it.each([
    ['admin', 'manage'], ['command', 'manage'], ['health', 'manage'], ['team', 'member'], ['observer', 'counts'],
  ] as const)('%s → %s', (role, access) => {
    expect(sweepAccess(role)).toBe(access);
  });
});

describe('police cross-check', () => {
  it('looks back 14 days before the sweep unless told otherwise', () => {
    const sweep = { fromDate: '2021-11-03', toDate: '2021-11-10' };
    expect(crossCheckWindow(sweep)).toEqual({ from: '2021-10-20', to: '2021-11-10' });
    expect(crossCheckWindow(sweep, '2021-11-01', '2021-11-05')).toEqual({ from: '2021-11-01', to: '2021-11-05' });
  });

  const ref = (over: Partial<ArrivalRef> & { key: string }) => ({ personId: null, idNumber: null, fullName: 'Lò Văn A', birthYear: null, ...over });

  it.each([
    ['the same record', { personId: 5 }, { personId: 5, fullName: 'Khác Hẳn' }, 'person'],
    ['the same ID number', { idNumber: '011089001234' }, { idNumber: '011089001234', fullName: 'Lo Van A' }, 'idNumber'],
    ['name without diacritics and birth year', { fullName: 'Lò Văn Ún', birthYear: 1990 }, { fullName: 'lo van un', birthYear: 1990 }, 'nameBirthYear'],
    ['same name, another birth year', { fullName: 'Lò Văn Ún', birthYear: 1990 }, { fullName: 'Lò Văn Ún', birthYear: 1991 }, null],
    ['same name, no birth year', { fullName: 'Lò Văn Ún' }, { fullName: 'Lò Văn Ún' }, null],
    ['same name and year but two ID numbers', { birthYear: 1990, idNumber: '011090001111' }, { birthYear: 1990, idNumber: '011090002222' }, null],
    ['same name and year, one ID number', { birthYear: 1990, idNumber: '011090001111' }, { birthYear: 1990 }, 'nameBirthYear'],
  ] as const)('%s', (_label, a, b, by) => {
    expect(sameArrival(ref({ key: 'a', ...a }), ref({ key: 'b', ...b }))).toBe(by);
  });

  it('lists those only declared and those only found, both ways', () => {
    const declared = [
      ref({ key: 'd1', personId: 1, fullName: 'Lò Văn Một' }),
      ref({ key: 'd2', idNumber: '011090001111', fullName: 'Cà Thị Hai' }),
      ref({ key: 'd3', fullName: 'Quàng Văn Ba', birthYear: 1985 }),
      ref({ key: 'd4', fullName: 'Lường Thị Bốn', birthYear: 1970 }),
      ref({ key: 'd1again', personId: 1, fullName: 'Lò Văn Một' }),
    ];
    const found = [
      ref({ key: 'f1', personId: 1, fullName: 'Lò Văn Một' }),
      ref({ key: 'f2', personId: 22, idNumber: '011090001111', fullName: 'Cà Thị Hai' }),
      ref({ key: 'f3', personId: 33, fullName: 'quang van ba', birthYear: 1985 }),
      ref({ key: 'f5', personId: 55, fullName: 'Tòng Văn Năm', birthYear: 2001 }),
    ];
    const r = crossCheckArrivals(declared, found);
    expect(r.onlyDeclared.map((d) => d.key)).toEqual(['d4']);
    expect(r.onlyFound.map((f) => f.key)).toEqual(['f5']);
    expect(r.matched.map((m) => [m.declared.key, m.found.key, m.by])).toEqual([
      ['d1', 'f1', 'person'], ['d2', 'f2', 'idNumber'], ['d3', 'f3', 'nameBirthYear'], ['d1again', 'f1', 'person'],
    ]);
  });

  it('handles empty sides', () => {
    const one = [ref({ key: 'x', personId: 1 })];
    expect(crossCheckArrivals([], one).onlyFound).toHaveLength(1);
    expect(crossCheckArrivals(one, []).onlyDeclared).toHaveLength(1);
  });
});
