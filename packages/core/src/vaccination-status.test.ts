import { describe, expect, it } from 'vitest';
import { dosesForRule, mergeDoseHistories, vaccinationAt, vaccinationFigure, type DoseFacts } from './vaccination.js';

const adult = { dateOfBirth: '1980-06-15', birthYear: null };
const today = '2021-12-20';
let nextId = 1;
const d = (doseNumber: number, date: string, productCode = 'astrazeneca', kind: DoseFacts['kind'] = 'primary') => ({ id: nextId++, productCode, doseNumber, kind, date });

describe('vaccinationAt', () => {
  const history = [d(1, '2021-08-01'), d(2, '2021-09-01'), d(3, '2021-12-10', 'pfizer', 'booster')];
  it.each<[string, string, boolean, number, boolean, boolean]>([
    ['before any dose', '2021-07-31', true, 0, false, false],
    ['dose 1 given on the test date counts', '2021-08-01', true, 1, false, false],
    ['dose 1 given on the exposure date does not', '2021-08-01', false, 0, false, false],
    ['primary course complete', '2021-10-01', true, 2, true, false],
    ['booster counts as a dose', '2021-12-15', true, 3, true, true],
  ])('%s', (_, date, inclusive, doses, full, booster) => {
    expect(vaccinationAt(history, date, inclusive)).toMatchObject({ doses, fullyVaccinated: full, booster });
  });
  it('a single Janssen dose completes the course', () => {
    expect(vaccinationAt([d(1, '2021-09-01', 'janssen')], '2021-10-01', true)).toEqual({ doses: 1, fullyVaccinated: true, booster: false, dates: ['2021-09-01'] });
  });
});

describe('dosesForRule', () => {
  it.each<[string, ReturnType<typeof d>[], number]>([
    ['one Janssen dose is a complete course', [d(1, '2021-09-01', 'janssen')], 2],
    ['two Abdala doses are not', [d(1, '2021-08-01', 'abdala'), d(2, '2021-08-20', 'abdala')], 1],
    ['two AstraZeneca doses are', [d(1, '2021-08-01'), d(2, '2021-09-01')], 2],
    ['a booster keeps its count', [d(1, '2021-08-01'), d(2, '2021-09-01'), d(3, '2021-12-10', 'pfizer', 'booster')], 3],
    ['no dose', [], 0],
  ])('%s', (_, doses, expected) => {
    expect(dosesForRule(vaccinationAt(doses, '2021-12-20', true), 2)).toBe(expected);
  });
});

describe('vaccinationFigure', () => {
  it.each<[number, number, number | null, { doses: number | null; source: string | null }]>([
    [2, 2, 0, { doses: 2, source: 'records' }],
    [2, 0, 3, { doses: 0, source: 'records' }],
    [0, 0, 1, { doses: 1, source: 'declared' }],
    [0, 0, null, { doses: null, source: null }],
  ])('%i records, %i by the date, typed %s', (count, recorded, declared, expected) => {
    expect(vaccinationFigure(count, recorded, declared)).toEqual(expected);
  });
});

describe('mergeDoseHistories', () => {
  it('collapses identical doses and numbers the rest in date order', () => {
    const keep = [d(1, '2021-08-01')];
    const other = [d(1, '2021-08-01'), d(2, '2021-09-01'), d(3, '2021-12-15', 'pfizer', 'booster')];
    const m = mergeDoseHistories(adult, keep, other, today);
    expect(m.duplicates).toEqual([{ id: other[0].id, sameAs: keep[0].id }]);
    expect(m.doses.map((x) => [x.id, x.doseNumber, x.from])).toEqual([[keep[0].id, 1, 'keep'], [other[1].id, 2, 'other'], [other[2].id, 3, 'other']]);
    expect(m.problems).toEqual([]);
  });
  it('refuses a combined history that breaks the interval rules and names the dose', () => {
    const m = mergeDoseHistories(adult, [d(1, '2021-08-01')], [d(1, '2021-08-10')], today);
    expect(m.problems).toHaveLength(1);
    expect(m.problems[0].dose).toMatchObject({ doseNumber: 2, date: '2021-08-10', from: 'other' });
    expect(m.problems[0].problem.message).toContain('tối thiểu 28 ngày');
  });
  it('two different products on one day cannot both stand', () => {
    const m = mergeDoseHistories(adult, [d(1, '2021-08-01')], [d(1, '2021-08-01', 'pfizer')], today);
    expect(m.problems.length).toBeGreaterThan(0);
  });
});
