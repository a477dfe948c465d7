import { describe, expect, it } from 'vitest';
import { isoDate } from './iso-date.js';

describe('isoDate', () => {
  it.each(['2021-11-30', '2024-02-29', '2021-12-31'])('takes %s', (s) => {
    expect(isoDate.parse(s)).toBe(s);
  });

  it.each(['2021-02-30', '2021-13-01', '2021-00-10', '2023-02-29', '30/11/2021', '2021-11-30T00:00:00Z', ''])('refuses %j', (s) => {
    expect(isoDate.safeParse(s).success).toBe(false);
  });
});
