import { describe, expect, it } from 'vitest';
import {
  NOT_VACCINATED_REASONS, NOT_VACCINATED_REASON_LABELS, allocationJustification, canMoveAllocation, checkApproval, checkMovement,
  groupBirthBounds, summarizeStock, withinBirthBounds, type StockMovementKind,
} from './vaccination-field.js';
import { VACCINATION_GROUPS, ageAt, groupsForAge } from './vaccination.js';

describe('reasons for not being vaccinated', () => {
  it('has a Vietnamese label for each code', () => {
    expect(NOT_VACCINATED_REASONS.map((r) => NOT_VACCINATED_REASON_LABELS[r])).toEqual(['Từ chối tiêm', 'Chống chỉ định', 'Đi vắng', 'Đang ốm', 'Chưa tiếp cận']);
  });
});

describe('group membership as birth bounds', () => {
  const today = '2021-11-24';
  it.each([
    ['18 today', '2003-11-24', null, '18+', true],
    ['18 tomorrow', '2003-11-25', null, '18+', false],
    ['born in 2003, year only', null, 2003, '18+', true],
    ['born in 2004, year only', null, 2004, '18+', false],
    ['17, last day', '2003-11-25', null, '12-17', true],
    ['18 today leaves 12-17', '2003-11-24', null, '12-17', false],
    ['12 today', '2009-11-24', null, '12-17', true],
    ['11', '2009-11-25', null, '12-17', false],
    ['16 by year', null, 2005, '16-17', true],
    ['15 by year', null, 2006, '16-17', false],
    ['no birth data', null, null, '18+', false],
  ] as const)('%s: %s / %s in %s → %s', (_l, dob, year, group, inside) => {
    expect(withinBirthBounds(groupBirthBounds(group, today), { dateOfBirth: dob, birthYear: year })).toBe(inside);
  });

  it('needs the flag for priority groups', () => {
    const b = groupBirthBounds('pregnant', today);
    expect(withinBirthBounds(b, { dateOfBirth: '1995-03-02', birthYear: 1995, pregnant: true })).toBe(true);
    expect(withinBirthBounds(b, { dateOfBirth: '1995-03-02', birthYear: 1995 })).toBe(false);
    expect(withinBirthBounds(b, { dateOfBirth: '2005-03-02', birthYear: 2005, pregnant: true })).toBe(false);
  });

  it('agrees with the coverage groups for every age around each bound', () => {
    for (const dob of ['1956-11-24', '1956-11-25', '1971-11-24', '1971-11-25', '2003-11-24', '2003-11-25', '2005-11-24', '2005-11-25', '2009-11-24', '2009-11-25', '2015-01-01']) {
      const groups = groupsForAge(ageAt(today, { dateOfBirth: dob, birthYear: null }), { comorbidity: true });
      for (const g of VACCINATION_GROUPS.filter((x) => x !== 'pregnant')) {
        expect(withinBirthBounds(groupBirthBounds(g, today), { dateOfBirth: dob, birthYear: null, comorbidity: true }), `${dob} ${g}`).toBe(groups.includes(g));
      }
    }
  });
});

describe('stock ledger', () => {
  const m = (productCode: string, kind: StockMovementKind, quantity: number) => ({ productCode, kind, quantity });
  it('sums each kind and the balance per product', () => {
    expect(summarizeStock([
      m('pfizer', 'received', 1000), m('astrazeneca', 'received', 500), m('pfizer', 'allocated_out', 300), m('pfizer', 'used', 250),
      m('pfizer', 'wasted', 6), m('pfizer', 'returned', 20), m('astrazeneca', 'used', 100),
    ])).toEqual([
      { productCode: 'astrazeneca', received: 500, allocated: 0, used: 100, wasted: 0, returned: 0, balance: 400 },
      { productCode: 'pfizer', received: 1000, allocated: 300, used: 250, wasted: 6, returned: 20, balance: 464 },
    ]);
  });

  it.each([
    [{ kind: 'received', quantity: 100, date: '2021-11-20' }, 0, []],
    [{ kind: 'used', quantity: 100, date: '2021-11-20' }, 100, []],
    [{ kind: 'used', quantity: 101, date: '2021-11-20' }, 100, ['quantity']],
    [{ kind: 'allocated_out', quantity: 1, date: '2021-11-20' }, 0, ['quantity']],
    [{ kind: 'wasted', quantity: 5, date: '2021-11-20' }, 4, ['quantity']],
    [{ kind: 'returned', quantity: 5, date: '2021-11-20' }, 0, []],
    [{ kind: 'received', quantity: 0, date: '2021-11-20' }, 0, ['quantity']],
    [{ kind: 'received', quantity: 2.5, date: '2021-11-20' }, 0, ['quantity']],
    [{ kind: 'received', quantity: 10, date: '2021-11-25' }, 0, ['date']],
    [{ kind: 'received', quantity: 10, date: '2021-02-30' }, 0, ['date']],
  ] as const)('%o with balance %i → %o', (mv, balance, fields) => {
    expect(checkMovement(mv, balance, '2021-11-24').map((p) => p.field)).toEqual(fields);
  });

  it('says how much is left when an outflow is too large', () => {
    expect(checkMovement({ kind: 'used', quantity: 50, date: '2021-11-24' }, 30, '2021-11-24')[0].message).toContain('30 liều');
  });
});

describe('allocation requests', () => {
  it.each([
    [{ peopleWithoutDose: 1200, dosesOnHand: 400 }, { gap: 800, dosesNeeded: 800, vials: 800, vialSize: 1 }],
    [{ peopleWithoutDose: 1200, dosesOnHand: 400, dosesPending: 300 }, { gap: 500, dosesNeeded: 500 }],
    [{ peopleWithoutDose: 1203, dosesOnHand: 400, vialSize: 10 }, { gap: 803, dosesNeeded: 810, vials: 81 }],
    [{ peopleWithoutDose: 12, dosesOnHand: 0, vialSize: 6 }, { gap: 12, dosesNeeded: 12, vials: 2 }],
    [{ peopleWithoutDose: 100, dosesOnHand: 500 }, { gap: 0, dosesNeeded: 0, vials: 0 }],
  ])('%o → %o', (input, expected) => {
    expect(allocationJustification(input)).toMatchObject(expected);
  });

  it.each([
    ['requested', 'approved', true], ['requested', 'rejected', true], ['approved', 'delivered', true],
    ['requested', 'delivered', false], ['rejected', 'approved', false], ['delivered', 'requested', false], ['approved', 'rejected', false],
  ] as const)('%s → %s allowed: %s', (from, to, ok) => {
    expect(canMoveAllocation(from, to)).toBe(ok);
  });

  it.each([[500, 500, 1000, []], [500, 300, 1000, []], [500, 600, 1000, ['quantity']], [500, 500, 200, ['quantity']], [500, 0, 1000, ['quantity']]] as const)(
    'requested %i, approved %i, parent holds %i → %o', (requested, approved, balance, fields) => {
      expect(checkApproval(requested, approved, balance).map((p) => p.field)).toEqual(fields);
    });
});
