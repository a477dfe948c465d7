import { describe, expect, it } from 'vitest';
import { checkIdNumber, checkPhone } from './identity.js';

describe('checkIdNumber', () => {
  it.each([
    ['011089001234', { ok: true, kind: 'cccd', provinceCode: '11', sex: 'male', birthYear: 1989 }],
    ['001301012345', { ok: true, kind: 'cccd', provinceCode: '01', sex: 'female', birthYear: 2001 }],
    ['001189012345', { ok: true, kind: 'cccd', provinceCode: '01', sex: 'female', birthYear: 1989 }],
    ['079203000001', { ok: true, kind: 'cccd', provinceCode: '79', sex: 'male', birthYear: 2003 }],
    ['096321998877', { ok: true, kind: 'cccd', provinceCode: '96', sex: 'female', birthYear: 2021 }],
    ['0110 8900 1234', { ok: true, kind: 'cccd', normalized: '011089001234' }],
    ['123456789', { ok: true, kind: 'cmnd', normalized: '123456789' }],
  ])('accepts %s', (raw, expected) => {
    expect(checkIdNumber(raw)).toMatchObject(expected);
  });

  it.each([
    ['03909001234', 'format'],
    ['0110890012345', 'format'],
    ['01108900123a', 'format'],
    ['', 'format'],
    ['003089001234', 'province'], // 03 is not a province code
    ['099089001234', 'province'],
    ['111089001234', 'province'],
  ])('refuses %s (%s)', (raw, reason) => {
    const r = checkIdNumber(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toBe(reason);
      expect(r.message).toMatch(/[ăâđêôơư]/);
    }
  });
});

describe('checkPhone', () => {
  it.each([
    ['0912345678', '0912345678'],
    ['091 234 5678', '0912345678'],
    ['+84912345678', '0912345678'],
    ['84 912 345 678', '0912345678'],
    ['0215.3825.123', null],
    ['0333123456', '0333123456'],
    ['0212345678', '0212345678'],
  ])('reads %s as %s', (raw, expected) => {
    const r = checkPhone(raw);
    if (expected === null) expect(r.ok).toBe(false);
    else expect(r).toEqual({ ok: true, normalized: expected });
  });

  it.each(['091234567', '09123456789', '1912345678', '0112345678', 'abc'])('refuses %s', (raw) => {
    expect(checkPhone(raw).ok).toBe(false);
  });
});
