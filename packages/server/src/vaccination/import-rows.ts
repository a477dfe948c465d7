import { checkIdNumber, doseFromText, foldVietnamese, importDate, productFromText, type DoseKind, type Sex, type VaccineProduct } from '@pcd/core';
import type { JobRowError } from '../lib/jobs.js';

/** Columns of the national vaccination registry's export, as the template lays them out. */
export const DOSE_COLUMNS = {
  fullName: 'Họ và tên',
  dateOfBirth: 'Ngày sinh',
  sex: 'Giới tính',
  idNumber: 'Số CCCD/CMND',
  phone: 'Điện thoại',
  unitCode: 'Mã thôn/bản',
  product: 'Loại vắc xin',
  dose: 'Mũi tiêm',
  date: 'Ngày tiêm',
  lot: 'Lô',
  site: 'Nơi tiêm',
} as const;
export type DoseColumn = keyof typeof DOSE_COLUMNS;

/** Other headings seen in registry exports and district lists; compared folded, without diacritics or punctuation. */
const HEADER_ALIASES: Record<DoseColumn, string[]> = {
  fullName: ['Họ tên', 'Tên', 'Họ và tên người tiêm'],
  dateOfBirth: ['Ngày sinh (dd/mm/yyyy)', 'Ngày tháng năm sinh', 'Năm sinh'],
  sex: ['Giới'],
  idNumber: ['Số CCCD', 'CCCD', 'CMND', 'Số CMND', 'CCCD/CMND', 'Số định danh', 'Số định danh cá nhân', 'Số CMND/CCCD'],
  phone: ['Số điện thoại', 'SĐT', 'Điện thoại liên hệ'],
  unitCode: ['Mã thôn', 'Mã bản', 'Mã đơn vị', 'Mã xã', 'Mã thôn/bản/tổ dân phố'],
  product: ['Tên vắc xin', 'Vắc xin', 'Loại vaccine', 'Vaccine'],
  dose: ['Mũi', 'Mũi thứ', 'Mũi số'],
  date: ['Ngày tiêm (dd/mm/yyyy)', 'Ngày tiêm chủng'],
  lot: ['Số lô', 'Lô vắc xin', 'Lô vaccine'],
  site: ['Địa điểm tiêm', 'Cơ sở tiêm', 'Điểm tiêm', 'Cơ sở tiêm chủng'],
};

const foldHeader = (h: string) => foldVietnamese(h).replace(/\(.*?\)/g, '').replace(/[^a-z0-9]/g, '');

/** Position of each column in the file's rows, -1 when the file lacks it. */
export type ColumnIndex = Record<DoseColumn, number>;

/** Where each known column sits in the header; missing required columns are reported as a row-1 error. */
export function indexColumns(headers: string[]): { index: ColumnIndex; error: JobRowError | null } {
  const folded = headers.map(foldHeader);
  const index = Object.fromEntries(Object.keys(DOSE_COLUMNS).map((c) => [c, -1])) as ColumnIndex;
  for (const col of Object.keys(DOSE_COLUMNS) as DoseColumn[]) {
    for (const name of [DOSE_COLUMNS[col], ...HEADER_ALIASES[col]]) {
      const i = folded.indexOf(foldHeader(name));
      if (i >= 0) { index[col] = i; break; }
    }
  }
  const missing = (['product', 'dose', 'date'] as DoseColumn[]).filter((c) => index[c] < 0);
  if (index.idNumber < 0 && index.fullName < 0) missing.unshift('fullName');
  if (!missing.length) return { index, error: null };
  return { index, error: { row: 1, field: 'header', message: `Tệp thiếu cột bắt buộc: ${missing.map((c) => DOSE_COLUMNS[c]).join(', ')}. Hãy dùng tệp mẫu.` } };
}

export interface DoseRow {
  row: number;
  fullName: string;
  nameFolded: string;
  dateOfBirth: string | null;
  birthYear: number | null;
  sex: Sex | null;
  idNumber: string | null;
  phone: string | null;
  unitCode: string | null;
  productCode: string;
  doseNumber: number;
  kind: DoseKind;
  date: string;
  lot: string | null;
  site: string | null;
}

function parseSex(v: string): Sex | null | 'bad' {
  const f = foldVietnamese(v);
  if (!f) return null;
  if (f === 'nam' || f === 'male' || f === 'm') return 'male';
  if (f === 'nu' || f === 'female' || f === 'f') return 'female';
  return 'bad';
}

/** Product text → code against the active products of the database, remembered per distinct text. */
export function productMatcher(products: readonly VaccineProduct[]): (text: string) => VaccineProduct | null {
  const byKey = new Map<string, VaccineProduct>();
  const key = (t: string) => foldVietnamese(t).replace(/[^a-z0-9]+/g, ' ').trim();
  for (const p of products) {
    byKey.set(key(p.code), p);
    byKey.set(key(p.code.replace(/_/g, ' ')), p);
    byKey.set(key(p.name), p);
  }
  return remembered((text) => {
    const code = productFromText(text);
    return byKey.get(key(text)) ?? (code ? products.find((p) => p.code === code) ?? null : null);
  }, 10_000);
}

/**
 * Remembers a pure function's answers for the texts a registry file repeats on every row (dates,
 * dose texts, names of a person's several doses); emptied when full, so memory stays bounded.
 */
function remembered<T>(fn: (text: string) => T, max = 50_000): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let hit = cache.get(text);
    if (hit === undefined && !cache.has(text)) {
      hit = fn(text);
      if (cache.size >= max) cache.clear();
      cache.set(text, hit);
    }
    return hit as T;
  };
}

const dateOf = remembered(importDate);
const fold = remembered(foldVietnamese);
const doseOf = remembered((key: string) => doseFromText(key.slice(2), Number(key[0])), 10_000);

/**
 * Checks one row on its own (no database): the product, dose, dates and ID number it carries,
 * and that the person can be identified (an ID number, or a name with a date or year of birth).
 */
export function parseDoseRow(row: number, cells: string[], index: ColumnIndex, product: (text: string) => VaccineProduct | null, today: string): DoseRow | JobRowError[] {
  // Cells come trimmed from the reader.
  const get = (c: DoseColumn) => { const i = index[c]; return i < 0 ? '' : (cells[i] ?? ''); };
  const bad: JobRowError[] = [];
  const productText = get('product');
  const p = productText ? product(productText) : null;
  if (!productText) bad.push({ row, field: 'product', message: 'Thiếu loại vắc xin.' });
  else if (!p) bad.push({ row, field: 'product', message: `Loại vắc xin "${productText}" không có trong danh mục.` });
  const doseText = get('dose');
  const dose = p ? doseOf(`${p.primaryDoses}|${doseText}`) : null;
  if (!doseText) bad.push({ row, field: 'dose', message: 'Thiếu mũi tiêm.' });
  else if (p && !dose) bad.push({ row, field: 'dose', message: `Mũi tiêm "${doseText}" không đọc được: ghi 1, 2, 3 (nhắc lại) hoặc "bổ sung".` });
  const date = dateOf(get('date'));
  if (date === null) bad.push({ row, field: 'date', message: 'Thiếu ngày tiêm.' });
  else if (date === 'bad') bad.push({ row, field: 'date', message: `Ngày tiêm "${get('date')}" không đúng dạng dd/mm/yyyy hoặc không có thật.` });
  else if (date > today) bad.push({ row, field: 'date', message: `Ngày tiêm ${get('date')} ở tương lai.` });

  const dobText = get('dateOfBirth');
  let dateOfBirth: string | null = null;
  let birthYear: number | null = null;
  if (/^\d{4}$/.test(dobText)) birthYear = Number(dobText);
  else {
    const d = dateOf(dobText);
    if (d === 'bad') bad.push({ row, field: 'dateOfBirth', message: `Ngày sinh "${dobText}" không đúng dạng dd/mm/yyyy hoặc không có thật.` });
    else if (d) { dateOfBirth = d; birthYear = Number(d.slice(0, 4)); }
  }
  // An ID number typed into a number cell loses its leading zero (CCCD 12 digits, CMND 9).
  let idText = get('idNumber');
  if (/[\s.-]/.test(idText)) idText = idText.replace(/[\s.-]/g, '');
  if (/^\d{11}$/.test(idText) || /^\d{8}$/.test(idText)) idText = `0${idText}`;
  let idNumber: string | null = null;
  if (idText) {
    const id = checkIdNumber(idText);
    if (id.ok) idNumber = id.normalized;
    else bad.push({ row, field: 'idNumber', message: `Số CCCD/CMND "${get('idNumber')}": ${id.message}` });
  }
  let fullName = get('fullName');
  if (/\s\s|[\t\r\n]/.test(fullName)) fullName = fullName.replace(/\s+/g, ' ');
  if (!idText && !fullName) bad.push({ row, field: 'fullName', message: 'Thiếu họ tên và số CCCD/CMND: không xác định được người được tiêm.' });
  else if (!idText && !dateOfBirth && birthYear === null && !bad.some((e) => e.field === 'dateOfBirth')) {
    bad.push({ row, field: 'dateOfBirth', message: 'Thiếu ngày sinh: khi không có số CCCD/CMND, cần họ tên và ngày sinh để xác định người được tiêm.' });
  }
  const sex = parseSex(get('sex'));
  if (sex === 'bad') bad.push({ row, field: 'sex', message: `Giới tính "${get('sex')}" phải là Nam hoặc Nữ.` });
  const lot = get('lot');
  if (lot.length > 64) bad.push({ row, field: 'lot', message: 'Số lô quá dài (tối đa 64 ký tự).' });
  const site = get('site');
  if (site.length > 300) bad.push({ row, field: 'site', message: 'Nơi tiêm quá dài (tối đa 300 ký tự).' });
  if (bad.length) return bad;
  return {
    row, fullName, nameFolded: fold(fullName), dateOfBirth, birthYear, sex: sex as Sex | null, idNumber, phone: get('phone') || null,
    unitCode: get('unitCode') || null, productCode: p!.code, doseNumber: dose!.doseNumber, kind: dose!.kind, date: date as string,
    lot: lot || null, site: site || null,
  };
}
