import { describe, expect, it } from 'vitest';
import { ageOn, checkPerson, householdSearchText, normalizeName } from './people.js';

const TODAY = '2021-11-02';
const fields = (problems: { field: string }[]) => problems.map((p) => p.field).sort();

describe('checkPerson', () => {
  it.each([
    ['a valid person with a full date of birth', { fullName: 'lò thị  hoa', dateOfBirth: '1989-04-12', sex: 'female', idNumber: '011189001234', phone: '0912 345 678' }, []],
    ['birth year only', { fullName: 'Quàng Văn Sơn', birthYear: 1950 }, []],
    ['no identifiers at all (common in villages)', { fullName: 'Lường Thị Ún' }, []],
    ['date of birth in the future', { fullName: 'Cà Văn A', dateOfBirth: '2021-11-03' }, ['dateOfBirth']],
    ['a date that does not exist', { fullName: 'Cà Văn A', dateOfBirth: '2021-02-29' }, ['dateOfBirth']],
    ['birth year in the future', { fullName: 'Cà Văn A', birthYear: 2022 }, ['birthYear']],
    ['birth year before 1890', { fullName: 'Cà Văn A', birthYear: 1850 }, ['birthYear']],
    ['year contradicts the date', { fullName: 'Cà Văn A', dateOfBirth: '1990-01-01', birthYear: 1991 }, ['birthYear']],
    ['CCCD of another birth year', { fullName: 'Cà Văn A', dateOfBirth: '1990-01-01', idNumber: '011089001234' }, ['idNumber']],
    ['CCCD of another sex', { fullName: 'Cà Văn A', birthYear: 1989, sex: 'female', idNumber: '011089001234' }, ['sex']],
    ['malformed ID', { fullName: 'Cà Văn A', idNumber: '12345' }, ['idNumber']],
    ['CCCD with no province', { fullName: 'Cà Văn A', idNumber: '099089001234' }, ['idNumber']],
    ['bad phone', { fullName: 'Cà Văn A', phone: '12345' }, ['phone']],
    ['empty name', { fullName: '  ' }, ['fullName']],
    ['digits in the name', { fullName: 'Nguyen Van 2' }, ['fullName']],
    ['residence ending before it starts', { fullName: 'Cà Văn A', residenceFrom: '2021-10-01', residenceTo: '2021-09-01' }, ['residenceTo']],
    ['residence before birth', { fullName: 'Cà Văn A', dateOfBirth: '2000-01-01', residenceFrom: '1999-01-01' }, ['residenceFrom']],
    ['a pregnant man', { fullName: 'Cà Văn A', sex: 'male', flags: { pregnant: true } }, ['flags.pregnant']],
    ['several problems at once', { fullName: '', dateOfBirth: '2030-01-01', phone: 'x' }, ['dateOfBirth', 'fullName', 'phone']],
  ] as const)('%s', (_label, input, expected) => {
    const { problems } = checkPerson(input as Parameters<typeof checkPerson>[0], TODAY);
    expect(fields(problems)).toEqual([...expected].sort());
    for (const p of problems) expect(p.message.length).toBeGreaterThan(10);
  });

  it('normalises what it accepts', () => {
    const { value } = checkPerson({ fullName: 'lò thị  hoa', dateOfBirth: '1989-04-12', idNumber: '0111 8900 1234', phone: '+84 912 345 678' }, TODAY);
    expect(value).toEqual({ fullName: 'Lò Thị Hoa', dateOfBirth: '1989-04-12', birthYear: 1989, idNumber: '011189001234', phone: '0912345678' });
  });
});

describe('normalizeName', () => {
  it.each([
    ['NGUYỄN VĂN AN', 'Nguyễn Văn An'],
    ['  đỗ   thị  ước ', 'Đỗ Thị Ước'],
    ['lò văn pọm', 'Lò Văn Pọm'],
  ])('%s → %s', (raw, expected) => expect(normalizeName(raw)).toBe(expected));
});

describe('ageOn', () => {
  it.each([
    ['2021-11-02', '2003-11-02', null, 18],
    ['2021-11-02', '2003-11-03', null, 17],
    ['2021-11-02', '1956-02-29', null, 65],
    ['2021-11-02', null, 1971, 50],
    ['2021-11-02', null, null, null],
  ] as const)('on %s born %s / %s → %s', (on, dob, year, expected) => expect(ageOn(on, dob, year)).toBe(expected));
});

describe('householdSearchText', () => {
  it.each([
    [{ code: 'HT-001', name: 'Khu trọ Hòa Bình', address: 'Số 12, đường Lê Lợi' }, 'ht-001 khu tro hoa binh so 12, duong le loi'],
    [{ code: null, name: null, address: 'Nhà ông Đạt' }, 'nha ong dat'],
    [{ address: '' }, ''],
  ])('%o → %s', (h, expected) => {
    expect(householdSearchText(h)).toBe(expected);
  });
});
