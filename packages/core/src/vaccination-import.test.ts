import { describe, expect, it } from 'vitest';
import { doseFromText, importDate } from './vaccination-import.js';

describe('doseFromText', () => {
  it.each<[string, number, { doseNumber: number; kind: string } | null]>([
    ['1', 2, { doseNumber: 1, kind: 'primary' }],
    ['2', 2, { doseNumber: 2, kind: 'primary' }],
    ['Mũi 2', 2, { doseNumber: 2, kind: 'primary' }],
    ['Mũi thứ 1', 2, { doseNumber: 1, kind: 'primary' }],
    ['M1', 2, { doseNumber: 1, kind: 'primary' }],
    ['3', 2, { doseNumber: 3, kind: 'booster' }],
    ['3 (nhắc lại)', 2, { doseNumber: 3, kind: 'booster' }],
    ['Mũi 3 - nhắc lại', 2, { doseNumber: 3, kind: 'booster' }],
    ['Nhắc lại', 2, { doseNumber: 3, kind: 'booster' }],
    ['nhac lai lan 1', 2, { doseNumber: 3, kind: 'booster' }],
    ['Nhắc lại 2', 2, { doseNumber: 4, kind: 'booster' }],
    ['Bổ sung', 2, { doseNumber: 3, kind: 'additional' }],
    ['Mũi bổ sung', 2, { doseNumber: 3, kind: 'additional' }],
    ['4 bổ sung', 2, { doseNumber: 4, kind: 'additional' }],
    ['2', 1, { doseNumber: 2, kind: 'booster' }],
    ['Nhắc lại', 1, { doseNumber: 2, kind: 'booster' }],
    ['3', 3, { doseNumber: 3, kind: 'primary' }],
    ['3 cơ bản', 2, null],
    ['0', 2, null],
    ['7', 2, null],
    ['1/2', 2, null],
    ['một', 2, null],
    ['', 2, null],
  ])('%s (course of %i) → %o', (text, primary, expected) => {
    expect(doseFromText(text, primary)).toEqual(expected);
  });
});

describe('importDate', () => {
  it.each<[string, string | null]>([
    ['05/10/2021', '2021-10-05'], ['5/10/2021', '2021-10-05'], ['05-10-2021', '2021-10-05'], ['05.10.2021', '2021-10-05'],
    ['2021-10-05', '2021-10-05'], ['44474', '2021-10-05'], ['', null], ['  ', null],
    ['31/02/2021', 'bad'], ['2021-02-31', 'bad'], ['10/2021', 'bad'], ['hôm qua', 'bad'], ['99999', 'bad'],
  ])('%s → %s', (text, expected) => {
    expect(importDate(text)).toBe(expected);
  });
});
