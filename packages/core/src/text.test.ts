import { describe, expect, it } from 'vitest';
import { foldVietnamese, matchesFolded } from './text.js';

describe('foldVietnamese', () => {
  it.each([
    ['Điện Biên', 'dien bien'],
    ['ĐIỆN BIÊN PHỦ', 'dien bien phu'],
    ['đường Đồng Khởi', 'duong dong khoi'],
    ['Hát Tao', 'hat tao'],
    ['Nậm Ún', 'nam un'],
    ['Mường Nhà', 'muong nha'],
    ['Thừa Thiên Huế', 'thua thien hue'],
    ['Đắk Lắk', 'dak lak'],
    ['ă â ê ô ơ ư', 'a a e o o u'],
    ['à á ả ã ạ', 'a a a a a'],
    ['  Hát \t Tao \n', 'hat tao'],
    ['Na   Tông', 'na tong'],
    ['03365.01', '03365.01'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(foldVietnamese(input)).toBe(expected);
  });

  it('gives the same result for precomposed (NFC) and decomposed (NFD) input', () => {
    const nfc = 'Điện Biên Đông'.normalize('NFC');
    const nfd = 'Điện Biên Đông'.normalize('NFD');
    expect(nfc).not.toBe(nfd);
    expect(foldVietnamese(nfd)).toBe(foldVietnamese(nfc));
    expect(foldVietnamese(nfd)).toBe('dien bien dong');
  });

  it('keeps đ/Đ apart from accents: they fold to d, not vanish', () => {
    expect(foldVietnamese('Đ')).toBe('d');
    expect(foldVietnamese('đ')).toBe('d');
    expect(foldVietnamese('Đà Nẵng')).toBe('da nang');
  });
});

describe('matchesFolded', () => {
  it.each([
    ['Điện Biên', 'dien bien', true],
    ['Điện Biên', 'DIEN BIEN', true],
    ['Điện Biên', 'Điện Biên', true],
    ['Điện Biên', 'điện', true],
    ['Điện Biên Phủ', 'bien dien', true], // word order does not matter
    ['Điện Biên Đông', 'dong', true],
    ['Điện Biên', 'dien bien phu', false], // every word must occur
    ['Điện Biên', 'dien ben', false],
    ['Hát Tao', 'hat tao', true],
    ['Hát Tao', 'hát táo', true], // tones in the query are ignored too
    ['Hát Tao', '  hat   tao ', true],
    ['Hát Tao', 'tao', true],
    ['Hát Tao', 'hat tau', false],
    ['Hát Tao', 'hattao', false], // spacing inside a word is not ignored
    ['Đồng Nai', 'dong nai', true],
    ['Dong Nai', 'đồng', true],
    ['Hát Tao', '', true], // an empty query filters nothing
  ])('%j matches %j: %s', (haystack, query, expected) => {
    expect(matchesFolded(haystack, query)).toBe(expected);
  });
});
