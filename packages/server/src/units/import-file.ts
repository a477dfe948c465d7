import { AGE_BANDS, foldVietnamese, isValidChildTier, parseKind, splitKindPrefix, tierOfKind, type PopulationByAge, type Tier } from '@pcd/core';
import type { Table } from '../lib/spreadsheet.js';
import { UNIT_CODE_RE } from './model.js';
import type { UnitInput } from './upsert.js';

export interface RowError {
  row: number;
  field: string;
  message: string;
}

const norm = (h: string) => foldVietnamese(h).replace(/[^a-z0-9+]/g, '');

function findColumn(headers: string[], names: string[]): number {
  const hs = headers.map(norm);
  for (const n of names) {
    const i = hs.indexOf(norm(n));
    if (i >= 0) return i;
  }
  return -1;
}

/** What a parent code resolves to: a unit stored already or one earlier in the same file. */
export type TierLookup = (code: string) => Tier | null;

/**
 * Reads either the long layout (Mã, Tên, Cấp, Mã cấp trên) or the wide one the General
 * Statistics Office publishes (Tỉnh/Thành phố, Mã TP, Quận Huyện, Mã QH, Phường Xã, Mã PX, Cấp).
 */
export function parseUnitsTable(table: Table, storedTier: TierLookup): { units: UnitInput[]; errors: RowError[]; rowOf: Map<string, number> } {
  const wide = findColumn(table.headers, ['Mã TP', 'Ma TP']) >= 0 && findColumn(table.headers, ['Mã PX', 'Ma PX']) >= 0;
  const raw = wide ? wideRows(table) : longRows(table);
  if ('error' in raw) return { units: [], errors: [raw.error], rowOf: new Map() };

  const errors: RowError[] = [];
  const byCode = new Map<string, { row: number; u: UnitInput }>();
  for (const { row, code, name, level, parentCode, tierHint } of raw.rows) {
    if (!UNIT_CODE_RE.test(code)) { errors.push({ row, field: 'code', message: `Mã "${code}" không hợp lệ (chỉ gồm chữ số, chữ cái, dấu chấm, gạch ngang).` }); continue; }
    if (!name) { errors.push({ row, field: 'name', message: 'Thiếu tên đơn vị.' }); continue; }
    const split = splitKindPrefix(name, tierHint);
    if (level && !parseKind(level, tierHint)) { errors.push({ row, field: 'level', message: `Không nhận ra cấp/loại đơn vị "${level}" (ví dụ: Xã, Phường, Thị trấn, Thôn, Bản, Tổ dân phố).` }); continue; }
    const kind = parseKind(level || '', tierHint) ?? split.kind;
    if (!kind) { errors.push({ row, field: 'level', message: `Không nhận ra cấp/loại đơn vị "${level}".` }); continue; }
    const tier = tierHint ?? tierOfKind(kind);
    const bare = split.kind ? split.name : name;
    const prev = byCode.get(code);
    if (prev && (prev.u.name !== bare || prev.u.parentCode !== (parentCode || null))) {
      errors.push({ row, field: 'code', message: `Mã ${code} đã xuất hiện ở dòng ${prev.row} với nội dung khác.` });
      continue;
    }
    if (!prev) byCode.set(code, { row, u: { code, name: bare, kind, tier, parentCode: parentCode || null } });
  }

  // Parents must exist (stored or in the file) and sit one tier up; order parents first.
  const ordered: UnitInput[] = [];
  const state = new Map<string, 'ok' | 'bad' | 'visiting'>();
  const resolve = (code: string): Tier | null => {
    const entry = byCode.get(code);
    if (!entry) return storedTier(code);
    const s = state.get(code);
    if (s === 'ok') return entry.u.tier;
    if (s === 'bad' || s === 'visiting') return null;
    state.set(code, 'visiting');
    const { u, row } = entry;
    let parentTier: Tier | null = null;
    if (u.parentCode) {
      parentTier = resolve(u.parentCode);
      if (!parentTier) {
        errors.push({ row, field: 'parentCode', message: `Đơn vị cấp trên "${u.parentCode}" không có trong hệ thống hoặc trong tệp.` });
        state.set(code, 'bad');
        return null;
      }
    }
    if (!isValidChildTier(parentTier, u.tier)) {
      errors.push({ row, field: 'parentCode', message: `Đơn vị cấp "${u.tier}" không thể trực thuộc đơn vị cấp "${parentTier ?? 'không có'}".` });
      state.set(code, 'bad');
      return null;
    }
    state.set(code, 'ok');
    ordered.push(u);
    return u.tier;
  };
  for (const code of byCode.keys()) resolve(code);
  const rowOf = new Map([...byCode].map(([c, e]) => [c, e.row]));
  return { units: ordered, errors: errors.sort((a, b) => a.row - b.row), rowOf };
}

interface RawRow { row: number; code: string; name: string; level: string; parentCode: string; tierHint?: Tier }

function longRows(table: Table): { rows: RawRow[] } | { error: RowError } {
  const cCode = findColumn(table.headers, ['Mã', 'Ma', 'code', 'Mã đơn vị']);
  const cName = findColumn(table.headers, ['Tên', 'Ten', 'name', 'Tên đơn vị']);
  // Our own export has both: "Loại" holds the kind (Bản, Thị trấn), "Cấp" only the tier (Thôn/bản, Xã).
  const cKind = findColumn(table.headers, ['Loại', 'kind']);
  const cLevel = cKind >= 0 ? cKind : findColumn(table.headers, ['Cấp', 'Cap', 'level']);
  const cParent = findColumn(table.headers, ['Mã cấp trên', 'parentCode', 'parent', 'Mã đơn vị cấp trên']);
  if (cCode < 0 || cName < 0) {
    return { error: { row: 1, field: 'header', message: 'Tệp cần các cột: Mã, Tên, Cấp, Mã cấp trên (hoặc bố cục của Tổng cục Thống kê).' } };
  }
  return {
    rows: table.rows.map(({ row, cells }) => ({
      row,
      code: (cells[cCode] ?? '').trim(),
      name: (cells[cName] ?? '').trim(),
      level: cLevel >= 0 ? (cells[cLevel] ?? '').trim() : '',
      parentCode: cParent >= 0 ? (cells[cParent] ?? '').trim() : '',
    })),
  };
}

function wideRows(table: Table): { rows: RawRow[] } {
  const h = table.headers;
  const c = {
    pName: findColumn(h, ['Tỉnh / Thành phố', 'Tỉnh Thành Phố', 'Tỉnh/Thành phố', 'Tỉnh']),
    pCode: findColumn(h, ['Mã TP']),
    dName: findColumn(h, ['Quận Huyện', 'Quận/Huyện', 'Quận / Huyện']),
    dCode: findColumn(h, ['Mã QH']),
    wName: findColumn(h, ['Phường Xã', 'Phường/Xã', 'Phường / Xã']),
    wCode: findColumn(h, ['Mã PX']),
    level: findColumn(h, ['Cấp']),
  };
  const out: RawRow[] = [];
  for (const { row, cells } of table.rows) {
    const get = (i: number) => (i >= 0 ? (cells[i] ?? '').trim() : '');
    const pCode = get(c.pCode);
    const dCode = get(c.dCode);
    if (pCode) out.push({ row, code: pCode, name: get(c.pName), level: '', parentCode: '', tierHint: 'province' });
    if (dCode) out.push({ row, code: dCode, name: get(c.dName), level: '', parentCode: pCode, tierHint: 'district' });
    if (get(c.wCode)) out.push({ row, code: get(c.wCode), name: get(c.wName), level: get(c.level), parentCode: dCode || pCode, tierHint: 'commune' });
  }
  return { rows: out };
}

export interface PopulationRow { row: number; code: string; byAge: PopulationByAge }

const BAND_HEADERS: Record<(typeof AGE_BANDS)[number], string[]> = {
  '0-11': ['0-11', '0–11', 'Từ 0-11 tuổi', 'Dưới 12 tuổi', '0-11 tuổi'],
  '12-17': ['12-17', '12–17', 'Từ 12-17 tuổi', '12-17 tuổi'],
  '18-49': ['18-49', '18–49', 'Từ 18-49 tuổi', '18-49 tuổi'],
  '50-64': ['50-64', '50–64', 'Từ 50-64 tuổi', '50-64 tuổi'],
  '65+': ['65+', 'Từ 65 tuổi trở lên', '65 tuổi trở lên', '65 trở lên'],
};

export function parsePopulationTable(table: Table): { rows: PopulationRow[]; errors: RowError[] } {
  const cCode = findColumn(table.headers, ['Mã', 'Ma', 'code', 'Mã đơn vị']);
  const cols = AGE_BANDS.map((b) => [b, findColumn(table.headers, BAND_HEADERS[b])] as const);
  const missing = cols.filter(([, i]) => i < 0).map(([b]) => b);
  if (cCode < 0 || missing.length) {
    return { rows: [], errors: [{ row: 1, field: 'header', message: `Tệp cần cột Mã và các cột nhóm tuổi; thiếu: ${[cCode < 0 ? 'Mã' : '', ...missing].filter(Boolean).join(', ')}.` }] };
  }
  const rows: PopulationRow[] = [];
  const errors: RowError[] = [];
  for (const { row, cells } of table.rows) {
    const code = (cells[cCode] ?? '').trim();
    if (!code) { errors.push({ row, field: 'code', message: 'Thiếu mã đơn vị.' }); continue; }
    const byAge = {} as PopulationByAge;
    let bad = false;
    for (const [band, i] of cols) {
      const text = (cells[i] ?? '').replace(/[.\s]/g, '');
      const n = text === '' ? 0 : Number(text);
      if (!Number.isInteger(n) || n < 0) {
        errors.push({ row, field: band, message: `Số dân nhóm tuổi ${band} "${cells[i]}" phải là số nguyên không âm.` });
        bad = true;
        break;
      }
      byAge[band] = n;
    }
    if (!bad) rows.push({ row, code, byAge });
  }
  return { rows, errors };
}
