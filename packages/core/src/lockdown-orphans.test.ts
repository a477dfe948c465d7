import { describe, expect, it } from 'vitest';
import { checkLockdownDates, checkRound, roundCoverage } from './lockdown.js';
import { checkOrphan } from './orphans.js';
import { ageOn } from './people.js';

describe('lockdown rounds', () => {
  it.each([[200, 200, 100, true], [200, 150, 75, false], [3, 1, 33.3, false], [0, 0, 0, false]])('%i residents, %i tested → %f%%', (residents, tested, share, meets) => {
    expect(roundCoverage(residents, tested)).toEqual({ sharePct: share, meetsTarget: meets });
  });
  const zone = { startDate: '2021-11-20', endDate: '2021-12-05' };
  it.each([
    [{ date: '2021-11-25', residents: 100, tested: 100, positives: 2 }, []],
    [{ date: '2021-11-19', residents: 100, tested: 100, positives: 0 }, ['date']],
    [{ date: '2021-12-06', residents: 100, tested: 100, positives: 0 }, ['date']],
    [{ date: '2021-11-25', residents: 100, tested: 101, positives: 0 }, ['tested']],
    [{ date: '2021-11-25', residents: 100, tested: 10, positives: 11 }, ['positives']],
  ])('round %o', (round, fields) => {
    expect(checkRound(round, zone, '2021-12-30').map((p) => p.field)).toEqual(fields);
  });
  it('checks the zone dates', () => {
    expect(checkLockdownDates('2021-11-20', null)).toEqual([]);
    expect(checkLockdownDates('2021-11-20', '2021-11-19').map((p) => p.field)).toEqual(['endDate']);
  });
});

describe('orphans', () => {
  it.each([
    ['born 2010-05-01, death 2021-11-02', '2010-05-01', null, 11, []],
    ['turned 16 the day before', '2005-11-01', null, 16, ['childPersonId']],
    ['16 tomorrow', '2005-11-03', null, 15, []],
    ['birth year only', null, 2006, 15, []],
    ['no birth data', null, null, null, ['childPersonId']],
  ])('%s', (_l, dob, year, age, fields) => {
    expect(ageOn('2021-11-02', dob, year)).toBe(age);
    expect(checkOrphan({ deathDate: '2021-11-02', childDateOfBirth: dob, childBirthYear: year, sameAsParent: false }).map((p) => p.field)).toEqual(fields);
  });
  it('refuses the deceased as their own orphan', () => {
    expect(checkOrphan({ deathDate: '2021-11-02', childDateOfBirth: '2015-01-01', childBirthYear: null, sameAsParent: true })[0].field).toBe('childPersonId');
  });
});
