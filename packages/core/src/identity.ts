/**
 * Vietnamese personal identifiers. The CCCD (12 digits) starts with the 3-digit code of the
 * province of birth registration (the GSO code with a leading 0), then a digit for century and
 * sex, then the last two digits of the birth year. The older CMND has 9 digits.
 */
export const PROVINCE_CODES = [
  '01', '02', '04', '06', '08', '10', '11', '12', '14', '15', '17', '19', '20', '22', '24', '25', '26', '27', '30', '31', '33',
  '34', '35', '36', '37', '38', '40', '42', '44', '45', '46', '48', '49', '51', '52', '54', '56', '58', '60', '62', '64', '66',
  '67', '68', '70', '72', '74', '75', '77', '79', '80', '82', '83', '84', '86', '87', '89', '91', '92', '93', '94', '95', '96',
] as const;
const PROVINCES = new Set<string>(PROVINCE_CODES);

export type IdNumberCheck =
  | { ok: true; kind: 'cccd' | 'cmnd'; normalized: string; provinceCode?: string; sex?: 'male' | 'female'; birthYear?: number }
  | { ok: false; reason: 'format' | 'province' | 'century'; message: string; messageEn: string };

export function checkIdNumber(raw: string): IdNumberCheck {
  const s = raw.replace(/[\s.-]/g, '');
  if (/^\d{9}$/.test(s)) return { ok: true, kind: 'cmnd', normalized: s };
  if (!/^\d{12}$/.test(s)) {
    return { ok: false, reason: 'format', message: 'Số định danh phải gồm 12 chữ số (CCCD) hoặc 9 chữ số (CMND).', messageEn: 'An ID number has 12 digits (CCCD) or 9 (CMND).' };
  }
  const province = s.slice(1, 3);
  if (s[0] !== '0' || !PROVINCES.has(province)) {
    return { ok: false, reason: 'province', message: `Ba chữ số đầu của CCCD (${s.slice(0, 3)}) không phải mã tỉnh/thành phố.`, messageEn: `The first three digits (${s.slice(0, 3)}) are not a province code.` };
  }
  const g = Number(s[3]);
  // 0/1 → 20th century, 2/3 → 21st, … ; even is male, odd female.
  if (g > 9) return { ok: false, reason: 'century', message: 'Mã thế kỷ/giới tính trong CCCD không hợp lệ.', messageEn: 'Invalid century/sex digit.' };
  const century = 1900 + Math.floor(g / 2) * 100;
  return { ok: true, kind: 'cccd', normalized: s, provinceCode: province, sex: g % 2 === 0 ? 'male' : 'female', birthYear: century + Number(s.slice(4, 6)) };
}

export type PhoneCheck = { ok: true; normalized: string } | { ok: false; message: string; messageEn: string };

/** Accepts 0xxxxxxxxx, +84xxxxxxxxx or 84xxxxxxxxx with spaces or dots; stores the 10-digit national form. */
export function checkPhone(raw: string): PhoneCheck {
  let s = raw.replace(/[\s.()-]/g, '');
  if (s.startsWith('+84')) s = '0' + s.slice(3);
  else if (/^84\d{9}$/.test(s)) s = '0' + s.slice(2);
  if (!/^0\d{9}$/.test(s)) {
    return { ok: false, message: 'Số điện thoại phải gồm 10 chữ số, bắt đầu bằng 0 (ví dụ 0912345678).', messageEn: 'A phone number is 0 followed by 9 digits.' };
  }
  if (!/^0[235789]/.test(s)) {
    return { ok: false, message: 'Đầu số điện thoại không tồn tại ở Việt Nam.', messageEn: 'Unknown Vietnamese phone prefix.' };
  }
  return { ok: true, normalized: s };
}
