import { sql } from 'kysely';
import { checkPerson, foldVietnamese, householdSearchText, parseVnDate, vnDate, RESIDENCE_LABELS, type ResidenceStatus, type Sex } from '@pcd/core';
import type { Db, DbOrTrx } from '../db/database.js';
import type { AuthContext } from '../auth/context.js';
import { recordAudit, type Actor } from '../audit/audit.js';
import { withinScope } from '../auth/scope.js';
import type { Table } from '../lib/spreadsheet.js';
import type { JobHandle } from '../lib/jobs.js';
import { nowIso } from '../lib/time.js';
import type { RowError } from '../units/import-file.js';

/** Column headers of the residents template, in order; the import also accepts them without diacritics. */
export const RESIDENT_COLUMNS = {
  fullName: 'Họ và tên',
  dateOfBirth: 'Ngày sinh (dd/mm/yyyy)',
  birthYear: 'Năm sinh',
  sex: 'Giới tính (Nam/Nữ)',
  idNumber: 'Số CCCD/CMND',
  phone: 'Điện thoại',
  ethnicity: 'Dân tộc',
  occupation: 'Nghề nghiệp/nơi làm việc',
  unitCode: 'Mã thôn/bản',
  address: 'Địa chỉ',
  householdCode: 'Mã hộ',
  head: 'Chủ hộ (x)',
  residenceStatus: 'Tình trạng cư trú',
  residenceFrom: 'Từ ngày',
  residenceTo: 'Đến ngày',
  comorbidity: 'Bệnh nền (x)',
  pregnant: 'Mang thai (x)',
  elderlyAlone: 'Người già neo đơn (x)',
} as const;
type Col = keyof typeof RESIDENT_COLUMNS;

const fold = (h: string) => foldVietnamese(h).replace(/\(.*?\)/g, '').replace(/[^a-z0-9]/g, '');
const yes = (v: string) => /^(x|có|co|1|true|yes)$/i.test(v.trim());

function parseDateCell(v: string): string | null | 'bad' {
  const s = v.trim();
  if (!s) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return s;
  return parseVnDate(s) ?? 'bad';
}

// Folded once: a large file asks for these on every row.
const STATUS_BY_TEXT = new Map<string, ResidenceStatus>(
  (Object.keys(RESIDENCE_LABELS) as ResidenceStatus[]).flatMap((k) => [[k, k], [foldVietnamese(RESIDENCE_LABELS[k]).replace(/\s+/g, '_'), k]] as [string, ResidenceStatus][]),
);

function parseStatus(v: string): ResidenceStatus | null | 'bad' {
  const f = foldVietnamese(v).replace(/\s+/g, '_');
  if (!f) return null;
  return STATUS_BY_TEXT.get(f) ?? 'bad';
}

function parseSex(v: string): Sex | null | 'bad' {
  const f = foldVietnamese(v);
  if (!f) return null;
  if (f === 'nam' || f === 'male' || f === 'm') return 'male';
  if (f === 'nu' || f === 'female' || f === 'f') return 'female';
  return 'bad';
}

export interface ResidentRow {
  row: number;
  fullName: string;
  nameFolded: string;
  dateOfBirth: string | null;
  birthYear: number | null;
  sex: Sex | null;
  idNumber: string | null;
  phone: string | null;
  ethnicity: string | null;
  occupation: string | null;
  unitCode: string;
  address: string | null;
  householdCode: string | null;
  head: boolean;
  residenceStatus: ResidenceStatus;
  residenceFrom: string | null;
  residenceTo: string | null;
  comorbidity: boolean;
  pregnant: boolean;
  elderlyAlone: boolean;
}

/** Reads and checks every row on its own (no database): shape, dates, ID numbers, phones. */
export function parseResidents(table: Table, today = vnDate()): { rows: ResidentRow[]; errors: RowError[] } {
  const index = new Map<Col, number>();
  const headers = table.headers.map(fold);
  for (const [col, label] of Object.entries(RESIDENT_COLUMNS) as [Col, string][]) {
    const i = headers.indexOf(fold(label));
    if (i >= 0) index.set(col, i);
  }
  const missing = (['fullName', 'unitCode'] as Col[]).filter((c) => !index.has(c));
  if (missing.length) {
    return { rows: [], errors: [{ row: 1, field: 'header', message: `Tệp thiếu cột bắt buộc: ${missing.map((c) => RESIDENT_COLUMNS[c]).join(', ')}. Hãy dùng tệp mẫu.` }] };
  }
  const rows: ResidentRow[] = [];
  const errors: RowError[] = [];
  for (const { row, cells } of table.rows) {
    const get = (c: Col) => { const i = index.get(c); return i === undefined ? '' : (cells[i] ?? '').trim(); };
    const bad: RowError[] = [];
    const dob = parseDateCell(get('dateOfBirth'));
    if (dob === 'bad') bad.push({ row, field: 'dateOfBirth', message: `Ngày sinh "${get('dateOfBirth')}" không đúng dạng dd/mm/yyyy hoặc không có thật.` });
    const year = get('birthYear');
    if (year && !/^\d{4}$/.test(year)) bad.push({ row, field: 'birthYear', message: `Năm sinh "${year}" phải là 4 chữ số.` });
    const sex = parseSex(get('sex'));
    if (sex === 'bad') bad.push({ row, field: 'sex', message: `Giới tính "${get('sex')}" phải là Nam hoặc Nữ.` });
    const status = parseStatus(get('residenceStatus'));
    if (status === 'bad') bad.push({ row, field: 'residenceStatus', message: `Tình trạng cư trú "${get('residenceStatus')}" phải là Thường trú, Tạm trú hoặc Tạm vắng.` });
    const from = parseDateCell(get('residenceFrom'));
    if (from === 'bad') bad.push({ row, field: 'residenceFrom', message: 'Ngày bắt đầu cư trú không đúng dạng dd/mm/yyyy.' });
    const to = parseDateCell(get('residenceTo'));
    if (to === 'bad') bad.push({ row, field: 'residenceTo', message: 'Ngày kết thúc cư trú không đúng dạng dd/mm/yyyy.' });
    if (!get('unitCode')) bad.push({ row, field: 'unitCode', message: 'Thiếu mã thôn/bản.' });
    if (bad.length) { errors.push(...bad); continue; }
    const flags = { comorbidity: yes(get('comorbidity')), pregnant: yes(get('pregnant')), elderlyAlone: yes(get('elderlyAlone')) };
    const { problems, value } = checkPerson({
      fullName: get('fullName'), dateOfBirth: dob as string | null, birthYear: year ? Number(year) : null, sex: sex as Sex | null,
      idNumber: get('idNumber') || null, phone: get('phone') || null, residenceFrom: from as string | null, residenceTo: to as string | null, flags,
    }, today);
    if (problems.length) { errors.push(...problems.map((p) => ({ row, field: p.field, message: p.message }))); continue; }
    rows.push({
      row, ...value, nameFolded: foldVietnamese(value.fullName), sex: sex as Sex | null, ethnicity: get('ethnicity') || null, occupation: get('occupation') || null,
      unitCode: get('unitCode'), address: get('address') || null, householdCode: get('householdCode') || null, head: yes(get('head')),
      residenceStatus: (status as ResidenceStatus | null) ?? 'thuong_tru', residenceFrom: from as string | null, residenceTo: to as string | null, ...flags,
    });
  }
  return { rows, errors };
}

export interface ResidentsImportResult {
  created: number;
  updated: number;
  householdsCreated: number;
  probableDuplicates: number;
  errors: RowError[];
  applied: boolean;
}

const CHUNK = 500;

/**
 * Checks rows against the database (units in scope, ID numbers already registered, repeats in the
 * file) and writes them in one transaction: all-or-nothing, or only the valid rows.
 */
export async function importResidents(db: Db, auth: AuthContext, actor: Actor, table: Table, mode: 'all' | 'valid', job: JobHandle | null, filename: string): Promise<ResidentsImportResult> {
  const total = table.rows.length;
  await job?.progress(0, total);
  const { rows, errors } = parseResidents(table);

  // Units in scope, looked up once per distinct code.
  const codes = [...new Set(rows.map((r) => r.unitCode))];
  const units = new Map<string, { code: string; path: string; tier: string }>();
  for (let i = 0; i < codes.length; i += CHUNK) {
    const part = await db.selectFrom('units').select(['code', 'path', 'tier']).where('code', 'in', codes.slice(i, i + CHUNK)).where(withinScope(auth.scope, 'units.path')).execute();
    for (const u of part) units.set(u.code, u);
  }
  // ID numbers already registered, and repeats inside the file.
  const ids = [...new Set(rows.map((r) => r.idNumber).filter((x): x is string => Boolean(x)))];
  const taken = new Set<string>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    for (const p of await db.selectFrom('people').select('id_number').where('id_number', 'in', ids.slice(i, i + CHUNK)).execute()) taken.add(p.id_number!);
  }
  const seenIds = new Map<string, number>();
  const good: (ResidentRow & { unitPath: string })[] = [];
  for (const r of rows) {
    const u = units.get(r.unitCode);
    if (!u || (u.tier !== 'village' && u.tier !== 'commune')) { errors.push({ row: r.row, field: 'unitCode', message: `Mã thôn/bản "${r.unitCode}" không có trong phạm vi quản lý của bạn.` }); continue; }
    if (r.idNumber && taken.has(r.idNumber)) { errors.push({ row: r.row, field: 'idNumber', message: `Số định danh ${r.idNumber} đã có hồ sơ trong hệ thống.` }); continue; }
    if (r.idNumber && seenIds.has(r.idNumber)) { errors.push({ row: r.row, field: 'idNumber', message: `Số định danh ${r.idNumber} trùng với dòng ${seenIds.get(r.idNumber)}.` }); continue; }
    if (r.idNumber) seenIds.set(r.idNumber, r.row);
    good.push({ ...r, unitPath: u.path });
  }
  errors.sort((a, b) => a.row - b.row || a.field.localeCompare(b.field));
  if (mode === 'all' && errors.length) {
    await job?.progress(total, total);
    return { created: 0, updated: 0, householdsCreated: 0, probableDuplicates: 0, errors, applied: false };
  }

  return db.transaction().execute(async (trx) => {
    const now = nowIso();
    const households = await ensureHouseholds(trx, good, now);
    let created = 0;
    const keys = await existingKeys(trx, [...new Set(good.map((g) => g.unitCode))]);
    let dupCount = 0;
    for (let i = 0; i < good.length; i += CHUNK) {
      const part = good.slice(i, i + CHUNK);
      const inserted = await trx.insertInto('people').values(part.map((r) => ({
        full_name: r.fullName, name_folded: r.nameFolded, date_of_birth: r.dateOfBirth, birth_year: r.birthYear, sex: r.sex, id_number: r.idNumber,
        phone: r.phone, ethnicity: r.ethnicity, occupation: r.occupation, unit_code: r.unitCode, unit_path: r.unitPath, address: r.address,
        household_id: r.householdCode ? households.get(`${r.unitCode}|${r.householdCode}`)!.id : null, residence_status: r.residenceStatus,
        residence_from: r.residenceFrom, residence_to: r.residenceTo, comorbidity: r.comorbidity ? 1 : 0, pregnant: r.pregnant ? 1 : 0,
        elderly_alone: r.elderlyAlone ? 1 : 0, version: 1, created_at: now, updated_at: now,
      }))).returning(['id']).execute();
      const dupRows: { person_id: number; other_id: number; unit_path: string; reason: string; status: string; created_at: string }[] = [];
      part.forEach((r, k) => {
        const id = inserted[k].id;
        for (const key of personKeys(r)) {
          const others = keys.get(key);
          if (others) for (const o of others) dupRows.push({ person_id: id, other_id: o, unit_path: r.unitPath, reason: 'name_dob_village', status: 'open', created_at: now });
          keys.set(key, [...(others ?? []), id]);
        }
      });
      for (let j = 0; j < dupRows.length; j += CHUNK) await trx.insertInto('person_duplicates').values(dupRows.slice(j, j + CHUNK)).execute();
      dupCount += dupRows.length;
      const heads: { householdId: number; personId: number }[] = [];
      for (const [k, r] of part.entries()) {
        if (r.head && r.householdCode) {
          const h = households.get(`${r.unitCode}|${r.householdCode}`)!;
          if (h.created) heads.push({ householdId: h.id, personId: inserted[k].id });
        }
      }
      await setHeads(trx, heads);
      created += inserted.length;
      await job?.progress(Math.min(total, i + part.length + (total - good.length)), total);
    }
    await recordAudit(trx, actor, {
      action: 'import', entity: 'person', unitCode: auth.user.unitCode, unitPath: auth.user.unitPath,
      changes: { file: filename, mode, created, errors: errors.length, householdsCreated: [...households.values()].filter((h) => h.created).length },
    });
    await job?.progress(total, total);
    return { created, updated: 0, householdsCreated: [...households.values()].filter((h) => h.created).length, probableDuplicates: dupCount, errors, applied: true };
  });
}

/** Duplicate keys of a person: name + birth date (or year) + village. */
function personKeys(r: { nameFolded: string; unitCode: string; dateOfBirth: string | null; birthYear: number | null }): string[] {
  if (r.dateOfBirth) return [`${r.unitCode}|${r.nameFolded}|d${r.dateOfBirth}`];
  return r.birthYear !== null ? [`${r.unitCode}|${r.nameFolded}|y${r.birthYear}`] : [];
}

async function existingKeys(db: DbOrTrx, unitCodes: string[]): Promise<Map<string, number[]>> {
  const keys = new Map<string, number[]>();
  for (let i = 0; i < unitCodes.length; i += CHUNK) {
    const rows = await db.selectFrom('people').select(['id', 'name_folded', 'unit_code', 'date_of_birth', 'birth_year'])
      .where('unit_code', 'in', unitCodes.slice(i, i + CHUNK)).where('merged_into', 'is', null).execute();
    for (const p of rows) {
      for (const key of personKeys({ nameFolded: p.name_folded, unitCode: p.unit_code, dateOfBirth: p.date_of_birth, birthYear: p.birth_year })) {
        keys.set(key, [...(keys.get(key) ?? []), p.id]);
      }
    }
  }
  return keys;
}

/** Households named by code in the file: reused when the village already has that code, created otherwise. */
async function ensureHouseholds(trx: DbOrTrx, rows: (ResidentRow & { unitPath: string })[], now: string) {
  const out = new Map<string, { id: number; created: boolean }>();
  const wanted = new Map<string, ResidentRow & { unitPath: string }>();
  for (const r of rows) if (r.householdCode && !wanted.has(`${r.unitCode}|${r.householdCode}`)) wanted.set(`${r.unitCode}|${r.householdCode}`, r);
  // Looked up and written in chunks: one statement per household made a large file spend its time preparing queries.
  const units = [...new Set([...wanted.values()].map((r) => r.unitCode))];
  for (let i = 0; i < units.length; i += CHUNK) {
    const found = await trx.selectFrom('households').select(['id', 'unit_code', 'code']).where('unit_code', 'in', units.slice(i, i + CHUNK)).where('code', 'is not', null).execute();
    for (const h of found) if (wanted.has(`${h.unit_code}|${h.code}`) && !out.has(`${h.unit_code}|${h.code}`)) out.set(`${h.unit_code}|${h.code}`, { id: h.id, created: false });
  }
  const missing = [...wanted].filter(([key]) => !out.has(key));
  for (let i = 0; i < missing.length; i += CHUNK) {
    const part = missing.slice(i, i + CHUNK);
    const ids = await trx.insertInto('households').values(part.map(([, r]) => ({
      unit_code: r.unitCode, unit_path: r.unitPath, kind: 'family', code: r.householdCode, address: r.address ?? '',
      search_folded: householdSearchText({ code: r.householdCode, address: r.address }), version: 1, created_at: now, updated_at: now,
    }))).returning('id').execute();
    part.forEach(([key], k) => out.set(key, { id: ids[k].id, created: true }));
  }
  return out;
}

/** Sets the heads of newly created households, a chunk of households per statement. */
async function setHeads(trx: DbOrTrx, heads: { householdId: number; personId: number }[]) {
  for (let i = 0; i < heads.length; i += 200) {
    const part = heads.slice(i, i + 200);
    const cases = sql.join(part.map((h) => sql`when ${h.householdId} then cast(${h.personId} as integer)`), sql` `);
    await trx.updateTable('households')
      .set({ head_person_id: sql<number>`case id ${cases} end` })
      .where('id', 'in', part.map((h) => h.householdId))
      .execute();
  }
}
