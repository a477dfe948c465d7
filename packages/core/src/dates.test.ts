import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, parseVnDate, TIME_ZONE, vnDate } from './dates.js';

describe('time zone', () => {
  it('is Vietnam time', () => expect(TIME_ZONE).toBe('Asia/Ho_Chi_Minh'));
});

describe('formatDate', () => {
  it.each([
    // A bare calendar date is shown as is, never shifted.
    ['2021-10-25', '25/10/2021'],
    ['2020-02-29', '29/02/2020'],
    // An instant is shown as its Vietnam (UTC+7) date.
    ['2021-10-25T17:30:00Z', '26/10/2021'],
    ['2021-10-25T16:59:59Z', '25/10/2021'],
    ['2021-10-25T17:00:00Z', '26/10/2021'],
    ['2021-12-31T17:00:00.000Z', '01/01/2022'],
    ['2021-10-26T00:30:00+07:00', '26/10/2021'],
  ])('%s → %s', (value, expected) => {
    expect(formatDate(value)).toBe(expected);
  });

  it('accepts a Date', () => {
    expect(formatDate(new Date('2021-10-25T17:30:00Z'))).toBe('26/10/2021');
  });
});

describe('formatDateTime', () => {
  it.each([
    ['2021-10-25T17:30:00Z', '26/10/2021 00:30'],
    ['2021-10-26T00:30:00+07:00', '26/10/2021 00:30'],
    ['2021-10-25T03:05:00Z', '25/10/2021 10:05'],
    ['2021-12-31T16:59:00Z', '31/12/2021 23:59'],
    ['2021-12-31T17:00:00Z', '01/01/2022 00:00'],
  ])('%s → %s', (value, expected) => {
    expect(formatDateTime(value)).toBe(expected);
  });

  it('accepts a Date', () => {
    expect(formatDateTime(new Date(Date.UTC(2021, 9, 25, 17, 30)))).toBe('26/10/2021 00:30');
  });
});

describe('vnDate', () => {
  it.each([
    ['2021-10-25T17:30:00Z', '2021-10-26'],
    ['2021-10-25T16:59:59.999Z', '2021-10-25'],
    ['2021-10-25T17:00:00Z', '2021-10-26'],
    ['2021-12-31T17:00:00Z', '2022-01-01'],
  ])('the Vietnam date of %s is %s', (instant, expected) => {
    expect(vnDate(new Date(instant))).toBe(expected);
  });

  it('defaults to now, as an ISO calendar date', () => {
    const before = vnDate(new Date());
    const now = vnDate();
    expect(now).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(now >= before).toBe(true);
  });
});

describe('parseVnDate', () => {
  it.each([
    ['26/10/2021', '2021-10-26'],
    ['1/2/2021', '2021-02-01'],
    ['01/02/2021', '2021-02-01'],
    [' 05/09/2021 ', '2021-09-05'],
    ['29/02/2020', '2020-02-29'], // leap year
    ['31/12/1899', '1899-12-31'],
  ])('%j → %s', (text, expected) => {
    expect(parseVnDate(text)).toBe(expected);
  });

  it.each([
    '31/02/2021', // no such day
    '29/02/2021', // not a leap year
    '31/04/2021',
    '32/01/2021',
    '00/01/2021',
    '15/13/2021',
    '15/00/2021',
    '2021-10-26', // ISO is not the typed form
    '26-10-2021',
    '26.10.2021',
    '26/10/21', // two-digit year
    '26/10/2021 10:00',
    '',
    'hôm nay',
  ])('refuses %j', (text) => {
    expect(parseVnDate(text)).toBeNull();
  });

  it('round-trips with formatDate', () => {
    for (const iso of ['2021-01-01', '2021-10-26', '2024-02-29']) expect(parseVnDate(formatDate(iso))).toBe(iso);
  });
});
