import { describe, expect, it } from 'vitest';
import { ageAt, checkDose, groupsForAge, meetsMeasure, productFromText, targetProgress, VACCINE_PRODUCTS, type DoseFacts } from './vaccination.js';

const adult = { dateOfBirth: '1980-06-15', birthYear: null };
const today = '2021-12-20';
const d = (doseNumber: number, date: string, productCode = 'astrazeneca', kind: DoseFacts['kind'] = 'primary', id?: number): DoseFacts => ({ id, productCode, doseNumber, kind, date });

describe('productFromText', () => {
  it.each([
    ['AstraZeneca', 'astrazeneca'], ['AZ', 'astrazeneca'], ['  astra zeneca ', 'astrazeneca'], ['Vắc xin AstraZeneca (lô ABV1234)', 'astrazeneca'],
    ['Pfizer-BioNTech', 'pfizer'], ['Comirnaty', 'pfizer'], ['PFIZER', 'pfizer'],
    ['Vero Cell', 'sinopharm'], ['Sinopharm', 'sinopharm'], ['Sputnik V', 'sputnik_v'], ['sputnik_v', 'sputnik_v'], ['Abdala', 'abdala'],
    ['Hayat-Vax', 'hayat_vax'], ['Janssen', 'janssen'], ['Johnson & Johnson', 'janssen'], ['Moderna', 'moderna'], ['Spikevax', 'moderna'],
    ['Sinovac', null], ['', null], [null, null], ['x', null],
  ])('%s → %s', (text, code) => {
    expect(productFromText(text)).toBe(code);
  });
  it('knows every default product by its own code and name', () => {
    for (const p of VACCINE_PRODUCTS) {
      expect(productFromText(p.code)).toBe(p.code);
      expect(productFromText(p.name)).toBe(p.code);
    }
  });
});

describe('checkDose', () => {
  it.each<[string, { dateOfBirth: string | null; birthYear: number | null }, DoseFacts[], DoseFacts, string[]]>([
    ['first dose, valid', adult, [], d(1, '2021-09-01'), []],
    ['before the date of birth', { dateOfBirth: '2021-10-01', birthYear: null }, [], d(1, '2021-09-01'), ['date']],
    ['before the birth year', { dateOfBirth: null, birthYear: 2022 }, [], d(1, '2021-09-01'), ['date']],
    ['in the birth year is fine', { dateOfBirth: null, birthYear: 2021 }, [], d(1, '2021-09-01'), []],
    ['in the future', adult, [], d(1, '2021-12-21'), ['date']],
    ['today is fine', adult, [], d(1, today), []],
    ['duplicate dose number', adult, [d(1, '2021-09-01', 'astrazeneca', 'primary', 7)], d(1, '2021-10-01'), ['dose']],
    ['editing the same dose is no duplicate', adult, [d(1, '2021-09-01', 'astrazeneca', 'primary', 7)], d(1, '2021-09-02', 'astrazeneca', 'primary', 7), []],
    ['dose 2 without dose 1', adult, [], d(2, '2021-10-01'), ['dose']],
    ['dose number out of range', adult, [], d(7, '2021-10-01'), ['dose']],
    ['AZ dose 2 after 28 days', adult, [d(1, '2021-09-01')], d(2, '2021-09-29'), []],
    ['AZ dose 2 after 27 days', adult, [d(1, '2021-09-01')], d(2, '2021-09-28'), ['date']],
    ['Pfizer dose 2 after 21 days', adult, [d(1, '2021-09-01', 'pfizer')], d(2, '2021-09-22', 'pfizer'), []],
    ['Pfizer dose 2 after 20 days', adult, [d(1, '2021-09-01', 'pfizer')], d(2, '2021-09-21', 'pfizer'), ['date']],
    ['the minimum is that of the previous product (AZ then Pfizer)', adult, [d(1, '2021-09-01')], d(2, '2021-09-25', 'pfizer'), ['date']],
    ['dose 2 before dose 1', adult, [d(1, '2021-09-01')], d(2, '2021-08-01'), ['date']],
    ['dose 1 edited after dose 2', adult, [d(1, '2021-09-01', 'astrazeneca', 'primary', 1), d(2, '2021-10-01', 'astrazeneca', 'primary', 2)], d(1, '2021-10-05', 'astrazeneca', 'primary', 1), ['date']],
    ['booster 90 days after the course', adult, [d(1, '2021-06-01'), d(2, '2021-07-01')], d(3, '2021-09-29', 'pfizer', 'booster'), []],
    ['booster too early', adult, [d(1, '2021-06-01'), d(2, '2021-07-01')], d(3, '2021-09-01', 'pfizer', 'booster'), ['date']],
    ['Janssen booster after 60 days', adult, [d(1, '2021-08-01', 'janssen')], d(2, '2021-09-30', 'pfizer', 'booster'), []],
    ['Janssen booster after 59 days', adult, [d(1, '2021-08-01', 'janssen')], d(2, '2021-09-29', 'pfizer', 'booster'), ['date']],
    ['a third primary dose of a two-dose course', adult, [d(1, '2021-06-01'), d(2, '2021-07-01')], d(3, '2021-11-01'), ['kind']],
    ['Abdala has three primary doses', adult, [d(1, '2021-09-01', 'abdala'), d(2, '2021-09-15', 'abdala')], d(3, '2021-09-29', 'abdala'), []],
    ['booster with no primary dose', adult, [], d(1, '2021-09-01', 'pfizer', 'booster'), ['kind']],
    ['booster after one of two AstraZeneca doses', adult, [d(1, '2021-06-01')], d(2, '2021-12-01', 'pfizer', 'booster'), ['kind']],
    ['additional dose after two of three Abdala doses', adult, [d(1, '2021-06-01', 'abdala'), d(2, '2021-06-20', 'abdala')], d(3, '2021-12-01', 'abdala', 'additional'), ['kind']],
    ['booster after a mixed AstraZeneca + Pfizer course', adult, [d(1, '2021-06-01'), d(2, '2021-07-01', 'pfizer')], d(3, '2021-10-01', 'pfizer', 'booster'), []],
    ['additional dose 28 days after the course', adult, [d(1, '2021-06-01'), d(2, '2021-07-01')], d(3, '2021-07-29', 'pfizer', 'additional'), []],
    ['additional dose too early', adult, [d(1, '2021-06-01'), d(2, '2021-07-01')], d(3, '2021-07-20', 'pfizer', 'additional'), ['date']],
    ['unknown product', adult, [], d(1, '2021-09-01', 'sinovac'), ['product']],
  ])('%s', (_label, person, existing, dose, fields) => {
    const problems = checkDose(person, existing, dose, today);
    expect(problems.map((p) => p.field)).toEqual(fields);
    for (const p of problems) expect(p.message).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùýĐ]/);
  });
  it('uses the managed list it is given', () => {
    const products = [{ code: 'newvax', name: 'NewVax', primaryDoses: 2, minIntervalDays: 10, boosterMinDays: 30 }];
    expect(checkDose(adult, [d(1, '2021-09-01', 'newvax')], d(2, '2021-09-11', 'newvax'), today, products)).toEqual([]);
    expect(checkDose(adult, [], d(1, '2021-09-01'), today, products).map((p) => p.field)).toEqual(['product']);
  });
});

describe('age and groups', () => {
  it.each([
    ['2021-12-20', '2003-12-20', null, 18], ['2021-12-20', '2003-12-21', null, 17], ['2021-12-20', null, 2003, 18], ['2021-12-20', null, null, null],
  ])('age on %s born %s / %s → %s', (on, dob, year, age) => {
    expect(ageAt(on, { dateOfBirth: dob, birthYear: year })).toBe(age);
  });
  it.each<[number | null, { comorbidity?: boolean; pregnant?: boolean }, string[]]>([
    [11, {}, []],
    [12, {}, ['12-17']],
    [16, {}, ['12-17', '16-17']],
    [17, { comorbidity: true }, ['12-17', '16-17', 'comorbidity']],
    [18, {}, ['18+']],
    [17, { pregnant: true }, ['12-17', '16-17']],
    [30, { pregnant: true }, ['18+', 'pregnant']],
    [50, {}, ['18+', '50+']],
    [64, { comorbidity: true }, ['18+', '50+', 'comorbidity']],
    [65, {}, ['18+', '50+', '65+']],
    [null, { comorbidity: true }, []],
  ])('age %s %o → %o', (age, flags, groups) => {
    expect(groupsForAge(age, flags)).toEqual(groups);
  });
});

describe('measures', () => {
  it.each<[string, DoseFacts[], boolean, boolean, boolean]>([
    ['no dose', [], false, false, false],
    ['one AZ dose', [d(1, '2021-09-01')], true, false, false],
    ['two AZ doses', [d(1, '2021-09-01'), d(2, '2021-10-01')], true, true, false],
    ['one Janssen dose', [d(1, '2021-09-01', 'janssen')], true, true, false],
    ['two of three Abdala doses', [d(1, '2021-09-01', 'abdala'), d(2, '2021-09-15', 'abdala')], true, false, false],
    ['course and booster', [d(1, '2021-06-01'), d(2, '2021-07-01'), d(3, '2021-10-01', 'pfizer', 'booster')], true, true, true],
  ])('%s', (_l, doses, dose1, full, booster) => {
    expect([meetsMeasure('dose1', doses), meetsMeasure('full', doses), meetsMeasure('booster', doses)]).toEqual([dose1, full, booster]);
  });
});

describe('targetProgress', () => {
  const days = (from: string, n: number, count: number) => Array.from({ length: n }, (_, i) => ({ date: new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10), count }));
  it.each<[string, { percent: number; deadline: string }, { numerator: number; denominator: number }, { date: string; count: number }[], string, { gapPeople: number; onTrack: boolean; daysLeft: number }]>([
    // 1 000 people, 100 % by 30/11, 700 done on 20/11: 300 left over 11 days (27.3/day); 7 days at 50/day is on track.
    ['on track', { percent: 100, deadline: '2021-11-30' }, { numerator: 700, denominator: 1000 }, days('2021-11-14', 7, 50), '2021-11-20', { gapPeople: 300, onTrack: true, daysLeft: 11 }],
    ['behind', { percent: 100, deadline: '2021-11-30' }, { numerator: 700, denominator: 1000 }, days('2021-11-14', 7, 10), '2021-11-20', { gapPeople: 300, onTrack: false, daysLeft: 11 }],
    ['pace older than 7 days does not count', { percent: 100, deadline: '2021-11-30' }, { numerator: 700, denominator: 1000 }, days('2021-11-01', 13, 100), '2021-11-20', { gapPeople: 300, onTrack: false, daysLeft: 11 }],
    ['met', { percent: 90, deadline: '2021-11-30' }, { numerator: 900, denominator: 1000 }, [], '2021-11-20', { gapPeople: 0, onTrack: true, daysLeft: 11 }],
    ['percent rounds the target up', { percent: 95, deadline: '2021-11-30' }, { numerator: 0, denominator: 3 }, [], '2021-11-20', { gapPeople: 3, onTrack: false, daysLeft: 11 }],
    ['deadline passed with a gap', { percent: 100, deadline: '2021-11-30' }, { numerator: 999, denominator: 1000 }, days('2021-12-01', 7, 100), '2021-12-07', { gapPeople: 1, onTrack: false, daysLeft: 0 }],
    ['deadline today', { percent: 100, deadline: '2021-11-30' }, { numerator: 990, denominator: 1000 }, days('2021-11-24', 7, 20), '2021-11-30', { gapPeople: 10, onTrack: true, daysLeft: 1 }],
  ])('%s', (_l, target, coverage, history, on, expected) => {
    expect(targetProgress(target, coverage, history, on)).toMatchObject(expected);
  });
  it('reports the paces', () => {
    const p = targetProgress({ percent: 100, deadline: '2021-11-30' }, { numerator: 700, denominator: 1000 }, days('2021-11-14', 7, 14), '2021-11-20');
    expect(p.recentPerDay).toBe(14);
    expect(p.neededPerDay).toBeCloseTo(300 / 11);
    expect(p.targetPeople).toBe(1000);
  });
});
