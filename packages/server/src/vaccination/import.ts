import { checkDose, checkPerson, formatDate, vnDate, type DoseFacts, type NormalizedPerson, type VaccineProduct } from '@pcd/core';
import { sql } from 'kysely';
import type { Db, DbOrTrx } from '../db/database.js';
import type { AuthContext } from '../auth/context.js';
import { recordAudit, type Actor } from '../audit/audit.js';
import { scopeCovers, withinScope, type Scope } from '../auth/scope.js';
import type { JobHandle, JobRowError } from '../lib/jobs.js';
import { nowIso } from '../lib/time.js';
import { countDataRows, readSheet, type SheetKind } from './import-reader.js';
import { indexColumns, parseDoseRow, productMatcher, type ColumnIndex, type DoseRow } from './import-rows.js';

/**
 * Rows are read, matched and written a batch at a time, each batch in its own transaction: a
 * million rows in one transaction would hold SQLite's single writer for minutes.
 */
export const IMPORT_BATCH = 5000;
/** Errors kept in full; beyond this only their number is kept, so a badly mapped file stays a small result. */
export const MAX_REPORTED_ERRORS = 1000;
const LOOKUP_CHUNK = 900;

export interface ImportUnit { code: string; path: string; tier: string }

export interface DoseImportResult {
  rows: number;
  /** People not yet registered, created for their doses. */
  created: number;
  /** Rows whose person was already registered (by ID number, or by name and date of birth). */
  matched: number;
  dosesAdded: number;
  /** Doses already recorded with the same product and date: importing a file twice changes nothing. */
  skipped: number;
  errorCount: number;
  errors: JobRowError[];
}

interface Known { id: number; dateOfBirth: string | null; birthYear: number | null; unitPath: string; idNumber: string | null }
interface NewPerson { key: string; row: DoseRow; value: NormalizedPerson; unit: ImportUnit; id: number | null; used: boolean }
type Who = { existing: Known } | { fresh: NewPerson };

interface Ctx {
  db: Db;
  auth: AuthContext;
  /** Where people are looked up by name: the chosen unit's subtree, else the caller's jurisdiction. */
  matchScope: Scope;
  importUnit: ImportUnit | null;
  products: VaccineProduct[];
  units: Map<string, ImportUnit | null>;
  jobId: string | null;
  userId: number | null;
  today: string;
}

const chunks = <T>(list: T[], size: number) => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

export async function importDoses(db: Db, auth: AuthContext, actor: Actor, file: string, kind: SheetKind, opts: { importUnit: ImportUnit | null; filename: string }, job: JobHandle | null): Promise<DoseImportResult> {
  const result: DoseImportResult = { rows: 0, created: 0, matched: 0, dosesAdded: 0, skipped: 0, errorCount: 0, errors: [] };
  let total = (await countDataRows(file, kind)) ?? 0;
  await job?.progress(0, total);
  const products = (await db.selectFrom('vaccine_products').selectAll().where('active', '=', 1).execute())
    .map((p) => ({ code: p.code, name: p.name, primaryDoses: p.primary_doses, minIntervalDays: p.min_interval_days, boosterMinDays: p.booster_min_days }));
  const ctx: Ctx = {
    db, auth, importUnit: opts.importUnit, products, units: new Map(), jobId: job?.id ?? null, userId: auth.user.id || null, today: vnDate(),
    matchScope: opts.importUnit ? { all: false, paths: [opts.importUnit.path] } : auth.scope,
  };
  const product = productMatcher(products);
  const report = (list: JobRowError[]) => {
    result.errorCount += list.length;
    for (const e of list) if (result.errors.length < MAX_REPORTED_ERRORS) result.errors.push(e);
  };
  let failure: unknown = null;
  try {
    let index: ColumnIndex | null = null;
    for await (const batch of readSheet(file, kind, IMPORT_BATCH)) {
      if (!index) {
        const cols = indexColumns(batch.headers);
        if (cols.error) { report([cols.error]); break; }
        index = cols.index;
      }
      const rows: DoseRow[] = [];
      const errors: JobRowError[] = [];
      for (const r of batch.rows) {
        const parsed = parseDoseRow(r.row, r.cells, index, product, ctx.today);
        if (Array.isArray(parsed)) errors.push(...parsed);
        else rows.push(parsed);
      }
      await writeBatch(ctx, rows, errors, result);
      errors.sort((a, b) => a.row - b.row);
      report(errors);
      result.rows += batch.rows.length;
      total = Math.max(total, result.rows);
      job?.reportErrors(result.errors);
      await job?.progress(result.rows, total);
    }
    if (index && result.rows === 0) report([{ row: 2, field: 'file', message: 'Tệp không có dòng dữ liệu nào.' }]);
  } catch (err) {
    failure = err;
  }
  await job?.progress(result.rows, Math.max(total, result.rows));
  // One entry for the whole file, with its counts, also when it stopped half-way.
  await recordAudit(db, actor, {
    action: 'import', entity: 'vaccination_dose', entityId: job?.id ?? null,
    unitCode: opts.importUnit?.code ?? auth.user.unitCode, unitPath: opts.importUnit?.path ?? auth.user.unitPath,
    changes: {
      file: opts.filename, rows: result.rows, created: result.created, matched: result.matched, dosesAdded: result.dosesAdded, skipped: result.skipped,
      errors: result.errorCount, ...(failure ? { failed: true } : {}),
    },
  });
  if (failure) throw failure;
  return result;
}

/** Matches, checks and writes one batch; rows it refuses are added to `errors`. */
async function writeBatch(ctx: Ctx, rows: DoseRow[], errors: JobRowError[], result: DoseImportResult): Promise<void> {
  if (rows.length === 0) return;
  const placed = await placeRows(ctx, rows, errors);
  const personIds = [...new Set(placed.flatMap(({ who }) => ('existing' in who ? [who.existing.id] : [])))];
  const doses = await existingDoses(ctx.db, personIds);
  const fresh = new Map<NewPerson, DoseFacts[]>();
  const accepted: { who: Who; row: DoseRow }[] = [];
  // Lower doses first, so that dose 2 listed above dose 1 of the same person still follows it.
  placed.sort((a, b) => a.row.doseNumber - b.row.doseNumber || a.row.row - b.row.row);
  for (const { who, row } of placed) {
    let list: DoseFacts[];
    let person: { dateOfBirth: string | null; birthYear: number | null };
    if ('existing' in who) {
      result.matched++;
      list = doses.get(who.existing.id) ?? [];
      doses.set(who.existing.id, list);
      person = who.existing;
    } else {
      list = fresh.get(who.fresh) ?? [];
      fresh.set(who.fresh, list);
      person = who.fresh.row;
    }
    const same = list.find((d) => d.doseNumber === row.doseNumber);
    if (same) {
      if (same.productCode === row.productCode && same.date === row.date) result.skipped++;
      else errors.push({ row: row.row, field: 'dose', message: `Người này đã có mũi ${row.doseNumber} ngày ${formatDate(same.date)} (${productName(ctx, same.productCode)}), khác với dòng này.` });
      continue;
    }
    const dose: DoseFacts = { productCode: row.productCode, doseNumber: row.doseNumber, kind: row.kind, date: row.date };
    const problems = checkDose(person, list, dose, ctx.today, ctx.products);
    if (problems.length) {
      errors.push(...problems.map((p) => ({ row: row.row, field: p.field === 'kind' ? 'dose' : p.field, message: p.message })));
      continue;
    }
    list.push(dose);
    if ('fresh' in who) who.fresh.used = true;
    accepted.push({ who, row });
  }
  if (accepted.length === 0) return;
  await ctx.db.transaction().execute(async (trx) => {
    const created = await createPeople(trx, [...fresh.keys()].filter((p) => p.used));
    result.created += created;
    const now = nowIso();
    const values = accepted.map(({ who, row }) => ({
      person_id: 'existing' in who ? who.existing.id : who.fresh.id!, product_code: row.productCode, lot: row.lot, dose_number: row.doseNumber, kind: row.kind,
      vaccinated_on: row.date, site: row.site, mobile_team_id: null, adverse_reaction: null, source: 'import', import_job_id: ctx.jobId,
      created_by: ctx.userId, created_at: now, updated_at: now, version: 1,
    }));
    let added = 0;
    for (const part of chunks(values, 2000)) {
      // A dose recorded meanwhile by someone else is left as it is, and counted as already there.
      const res = await trx.insertInto('vaccination_doses').values(part).onConflict((oc) => oc.columns(['person_id', 'dose_number']).doNothing()).executeTakeFirst();
      added += Number(res.numInsertedOrUpdatedRows ?? 0);
    }
    result.dosesAdded += added;
    result.skipped += values.length - added;
  });
}

function productName(ctx: Ctx, code: string): string {
  return ctx.products.find((p) => p.code === code)?.name ?? code;
}

/**
 * Finds each row's person: by ID number; else by folded name and birth date inside the importing
 * unit; else a new person in the row's village (or the chosen commune/village). Two people
 * answering the same name and birth date make the row ambiguous.
 */
async function placeRows(ctx: Ctx, rows: DoseRow[], errors: JobRowError[]): Promise<{ who: Who; row: DoseRow }[]> {
  await loadUnits(ctx, rows);
  const byId = await peopleByIdNumber(ctx.db, [...new Set(rows.map((r) => r.idNumber).filter((x): x is string => x !== null))]);
  const byName = await peopleByName(ctx.db, ctx.matchScope, rows.filter((r) => !(r.idNumber && byId.has(r.idNumber)) && r.nameFolded));
  const fresh = new Map<string, NewPerson>();
  const out: { who: Who; row: DoseRow }[] = [];
  for (const row of rows) {
    let rowUnit: ImportUnit | null = null;
    if (row.unitCode) {
      rowUnit = ctx.units.get(row.unitCode) ?? null;
      if (!rowUnit) { errors.push({ row: row.row, field: 'unitCode', message: `Mã thôn/bản "${row.unitCode}" không có trong phạm vi quản lý của bạn.` }); continue; }
      if (ctx.importUnit && !rowUnit.path.startsWith(ctx.importUnit.path)) {
        errors.push({ row: row.row, field: 'unitCode', message: `Mã thôn/bản "${row.unitCode}" không thuộc đơn vị đang nhập (${ctx.importUnit.code}).` });
        continue;
      }
    }
    const known = row.idNumber ? byId.get(row.idNumber) : undefined;
    if (known) {
      if (!scopeCovers(ctx.auth.scope, known.unitPath) || (ctx.importUnit && !known.unitPath.startsWith(ctx.importUnit.path))) {
        errors.push({ row: row.row, field: 'idNumber', message: `Người có số CCCD/CMND ${row.idNumber} đăng ký ở đơn vị ngoài phạm vi của lần nhập này.` });
        continue;
      }
      out.push({ who: { existing: known }, row });
      continue;
    }
    let candidates = (byName.get(row.nameFolded) ?? []).filter((p) => sameBirth(p, row) && (!row.idNumber || !p.idNumber));
    if (candidates.length > 1 && rowUnit) candidates = candidates.filter((p) => p.unitPath.startsWith(rowUnit!.path));
    if (candidates.length > 1) {
      errors.push({ row: row.row, field: 'fullName', message: `Có ${candidates.length} người cùng họ tên "${row.fullName}" và ngày sinh trong đơn vị: hãy điền số CCCD/CMND để phân biệt.` });
      continue;
    }
    if (candidates.length === 1) { out.push({ who: { existing: candidates[0] }, row }); continue; }
    const home = rowUnit ?? ctx.importUnit;
    if (!home || (home.tier !== 'village' && home.tier !== 'commune')) {
      errors.push({ row: row.row, field: 'unitCode', message: 'Người này chưa có trong hệ thống: cần mã thôn/bản (hoặc chọn xã, thôn khi nhập) để tạo hồ sơ.' });
      continue;
    }
    const key = row.idNumber ? `i:${row.idNumber}` : `n:${home.path}|${row.nameFolded}|${row.dateOfBirth ?? row.birthYear}`;
    let person = fresh.get(key);
    if (!person) {
      const { problems, value } = checkPerson({ fullName: row.fullName, dateOfBirth: row.dateOfBirth, birthYear: row.dateOfBirth ? null : row.birthYear, sex: row.sex, idNumber: row.idNumber, phone: row.phone }, ctx.today);
      if (problems.length) { errors.push(...problems.map((p) => ({ row: row.row, field: p.field, message: p.message }))); continue; }
      person = { key, row, value, unit: home, id: null, used: false };
      fresh.set(key, person);
    }
    out.push({ who: { fresh: person }, row });
  }
  return out;
}

function sameBirth(p: Known, row: DoseRow): boolean {
  if (row.dateOfBirth && p.dateOfBirth) return p.dateOfBirth === row.dateOfBirth;
  const year = p.dateOfBirth ? Number(p.dateOfBirth.slice(0, 4)) : p.birthYear;
  return year !== null && year === row.birthYear;
}

async function loadUnits(ctx: Ctx, rows: DoseRow[]): Promise<void> {
  const wanted = [...new Set(rows.map((r) => r.unitCode).filter((c): c is string => c !== null && !ctx.units.has(c)))];
  for (const part of chunks(wanted, LOOKUP_CHUNK)) {
    const found = await ctx.db.selectFrom('units').select(['code', 'path', 'tier']).where('code', 'in', part).where(withinScope(ctx.auth.scope, 'units.path')).execute();
    for (const code of part) ctx.units.set(code, null);
    for (const u of found) ctx.units.set(u.code, u);
  }
}

async function peopleByIdNumber(db: DbOrTrx, ids: string[]): Promise<Map<string, Known>> {
  const out = new Map<string, Known>();
  const merged = new Map<string, number>();
  for (const part of chunks(ids, LOOKUP_CHUNK)) {
    const found = await db.selectFrom('people').select(['id', 'id_number', 'date_of_birth', 'birth_year', 'unit_path', 'merged_into']).where('id_number', 'in', part).execute();
    for (const p of found) {
      if (p.merged_into !== null) merged.set(p.id_number!, p.merged_into);
      else out.set(p.id_number!, { id: p.id, dateOfBirth: p.date_of_birth, birthYear: p.birth_year, unitPath: p.unit_path, idNumber: p.id_number });
    }
  }
  // A record merged into another keeps its ID number; the doses belong to the surviving record.
  if (merged.size) {
    const targets = await db.selectFrom('people').select(['id', 'id_number', 'date_of_birth', 'birth_year', 'unit_path']).where('id', 'in', [...new Set(merged.values())]).execute();
    for (const [idNumber, target] of merged) {
      const t = targets.find((x) => x.id === target);
      if (t) out.set(idNumber, { id: t.id, dateOfBirth: t.date_of_birth, birthYear: t.birth_year, unitPath: t.unit_path, idNumber: t.id_number });
    }
  }
  return out;
}

/**
 * People of the scope who may be the rows' people: the same folded name and date of birth, or the
 * same name with only a birth year on record (checked against the row afterwards). Looked up by
 * (name, date) pairs: a common name alone would bring back thousands of people per batch.
 */
async function peopleByName(db: DbOrTrx, scope: Scope, rows: DoseRow[]): Promise<Map<string, Known[]>> {
  const out = new Map<string, Known[]>();
  const seen = new Set<number>();
  const add = (found: { id: number; name_folded: string; date_of_birth: string | null; birth_year: number | null; unit_path: string; id_number: string | null }[]) => {
    for (const p of found) {
      if (seen.has(p.id)) continue;
      seen.add(p.id);
      const list = out.get(p.name_folded) ?? [];
      list.push({ id: p.id, dateOfBirth: p.date_of_birth, birthYear: p.birth_year, unitPath: p.unit_path, idNumber: p.id_number });
      out.set(p.name_folded, list);
    }
  };
  const base = () => db.selectFrom('people').select(['id', 'name_folded', 'date_of_birth', 'birth_year', 'unit_path', 'id_number'])
    .where('merged_into', 'is', null).where(withinScope(scope, 'people.unit_path'));
  const pairs = [...new Map(rows.filter((r) => r.dateOfBirth).map((r) => [`${r.nameFolded}|${r.dateOfBirth}`, [r.nameFolded, r.dateOfBirth!] as const])).values()];
  for (const part of chunks(pairs, LOOKUP_CHUNK / 2)) {
    const values = sql.join(part.map(([n, d]) => sql`(${n}, ${d})`));
    add(await base().where(sql<boolean>`(name_folded, date_of_birth) in (values ${values})`).execute());
  }
  const names = [...new Set(rows.map((r) => r.nameFolded))];
  for (const part of chunks(names, LOOKUP_CHUNK)) add(await base().where('name_folded', 'in', part).where('date_of_birth', 'is', null).execute());
  // Rows giving only a year of birth match any date in that year.
  const yearOnly = [...new Set(rows.filter((r) => !r.dateOfBirth).map((r) => r.nameFolded))];
  for (const part of chunks(yearOnly, LOOKUP_CHUNK)) add(await base().where('name_folded', 'in', part).execute());
  return out;
}

async function existingDoses(db: DbOrTrx, personIds: number[]): Promise<Map<number, DoseFacts[]>> {
  const out = new Map<number, DoseFacts[]>();
  for (const part of chunks(personIds, LOOKUP_CHUNK)) {
    const found = await db.selectFrom('vaccination_doses').select(['id', 'person_id', 'product_code', 'dose_number', 'kind', 'vaccinated_on']).where('person_id', 'in', part).execute();
    for (const d of found) {
      const list = out.get(d.person_id) ?? [];
      list.push({ id: d.id, productCode: d.product_code, doseNumber: d.dose_number, kind: d.kind as DoseFacts['kind'], date: d.vaccinated_on });
      out.set(d.person_id, list);
    }
  }
  return out;
}

/**
 * Writes the batch's new people and sets their ids. One already registered meanwhile under the
 * same ID number (another import, a form) is taken as the person instead of failing the batch.
 */
async function createPeople(trx: DbOrTrx, people: NewPerson[]): Promise<number> {
  const now = nowIso();
  const value = (p: NewPerson) => {
    const v = p.value;
    return {
      full_name: v.fullName, name_folded: p.row.nameFolded, date_of_birth: v.dateOfBirth, birth_year: v.birthYear, sex: p.row.sex, id_number: v.idNumber, phone: v.phone,
      ethnicity: null, occupation: null, unit_code: p.unit.code, unit_path: p.unit.path, address: null, household_id: null, residence_status: 'thuong_tru',
      residence_from: null, residence_to: null, merged_into: null, version: 1, created_at: now, updated_at: now,
    };
  };
  let created = 0;
  const withId = people.filter((p) => p.row.idNumber);
  for (const part of chunks(withId, 1000)) {
    const got = await trx.insertInto('people').values(part.map(value)).onConflict((oc) => oc.column('id_number').doNothing()).returning(['id', 'id_number']).execute();
    const ids = new Map(got.map((g) => [g.id_number!, g.id]));
    created += got.length;
    const raced = part.filter((p) => !ids.has(p.row.idNumber!)).map((p) => p.row.idNumber!);
    if (raced.length) for (const r of await trx.selectFrom('people').select(['id', 'id_number']).where('id_number', 'in', raced).execute()) ids.set(r.id_number!, r.id);
    for (const p of part) p.id = ids.get(p.row.idNumber!) ?? null;
  }
  for (const part of chunks(people.filter((p) => !p.row.idNumber), 1000)) {
    const got = await trx.insertInto('people').values(part.map(value)).returning('id').execute();
    part.forEach((p, i) => (p.id = got[i].id));
    created += got.length;
  }
  return created;
}
