import { foldVietnamese } from './text.js';
import { parseVnDate } from './dates.js';
import { MAX_DOSE_NUMBER, type DoseKind } from './vaccination.js';

/**
 * Reading the national vaccination registry's export: its "Mũi tiêm" column says "1", "2",
 * "3 (nhắc lại)", "Nhắc lại", "Bổ sung", "Mũi 2"… and its dates come as dd/mm/yyyy text, as
 * ISO dates (from an XLSX date cell) or as Excel day serials.
 */

/**
 * The person's n-th dose and its kind. A bare number up to the product's primary course is a
 * primary dose, above it a booster. "Nhắc lại"/"Bổ sung" without a number is the first dose after
 * the course; with a number within the course it counts boosters ("Nhắc lại 1" after two primaries is dose 3).
 */
export function doseFromText(text: string, primaryDoses: number): { doseNumber: number; kind: DoseKind } | null {
  const f = foldVietnamese(text).replace(/[^a-z0-9]+/g, ' ').trim();
  if (!f) return null;
  const numbers = f.match(/\d+/g) ?? [];
  if (numbers.length > 1) return null;
  const n = numbers.length ? Number(numbers[0]) : null;
  const words = f.replace(/\d+/g, ' ').replace(/\b(mui|thu|so|m|lieu|lan|dose)\b/g, ' ').replace(/\s+/g, ' ').trim();
  let kind: DoseKind | null = null;
  if (/^(bo sung|additional|bs)$/.test(words)) kind = 'additional';
  else if (/^(nhac lai|nhac|booster|tang cuong|nl)$/.test(words)) kind = 'booster';
  else if (/^(co ban|primary|cb)$/.test(words)) kind = 'primary';
  else if (words !== '') return null;
  let doseNumber: number;
  if (n === null) {
    if (kind === null || kind === 'primary') return null;
    doseNumber = primaryDoses + 1;
  } else if (kind === 'booster' || kind === 'additional') {
    doseNumber = n <= primaryDoses ? primaryDoses + n : n;
  } else {
    doseNumber = n;
    if (kind === null) kind = n <= primaryDoses ? 'primary' : 'booster';
  }
  if (doseNumber < 1 || doseNumber > MAX_DOSE_NUMBER) return null;
  if (kind === 'primary' && doseNumber > primaryDoses) return null;
  return { doseNumber, kind };
}

// Excel counts days from 1899-12-30 (its 1900 leap-year bug folded in).
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A date cell as ISO yyyy-mm-dd: dd/mm/yyyy (also with - or .), ISO, or an Excel serial; null when empty, 'bad' when unreadable. */
export function importDate(text: string): string | null | 'bad' {
  const s = text.trim();
  if (!s) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s ? s : 'bad';
  }
  if (/^\d{1,2}[-.]\d{1,2}[-.]\d{4}$/.test(s)) return parseVnDate(s.replace(/[-.]/g, '/')) ?? 'bad';
  if (/^\d{5}$/.test(s)) {
    const serial = Number(s);
    if (serial < 1 || serial > 73050) return 'bad';
    return new Date(EXCEL_EPOCH + serial * 86_400_000).toISOString().slice(0, 10);
  }
  return parseVnDate(s) ?? 'bad';
}
