import { can, type PopulationByAge, type Tier } from '@pcd/core';
import type { Db } from '../db/database.js';
import type { AuthContext } from '../auth/context.js';
import { scopeCovers } from '../auth/scope.js';
import { recordAudit, type Actor } from '../audit/audit.js';
import { AppError, errors } from '../http/errors.js';
import { readTable } from '../lib/spreadsheet.js';
import { byAgeOf, toUnitDto } from './model.js';
import { unitsRepo, type UnitFilter } from './repository.js';
import { parsePopulationTable, parseUnitsTable, type RowError } from './import-file.js';
import { registryProvince } from './registry.js';
import { upsertUnits } from './upsert.js';

const notFound = () => errors.notFound('Đơn vị hành chính', 'Administrative unit');

export async function getUnit(db: Db, auth: AuthContext, code: string) {
  const row = await unitsRepo.findVisible(db, auth.scope, code);
  if (!row) throw notFound();
  const ancestorCodes = row.path.split('/').filter(Boolean).slice(0, -1);
  const ancestors = await unitsRepo.byCodes(db, ancestorCodes);
  const order = new Map(ancestorCodes.map((c, i) => [c, i]));
  const childCount = await unitsRepo.childCount(db, code);
  return {
    ...toUnitDto(row, childCount > 0),
    childCount,
    ancestors: ancestors
      .sort((a, b) => order.get(a.code)! - order.get(b.code)!)
      .map((a) => ({ code: a.code, name: a.name, kind: a.kind, tier: a.tier, visible: scopeCovers(auth.scope, a.path) })),
    updatedAt: row.updated_at,
  };
}

export async function listUnits(db: Db, auth: AuthContext, query: Omit<UnitFilter, 'within'> & { unit?: string }, page: number, pageSize: number) {
  const { unit, ...f } = query;
  if (f.parent && !(await unitsRepo.findVisible(db, auth.scope, f.parent))) throw notFound();
  let within: string | undefined;
  if (unit) {
    const u = await unitsRepo.findVisible(db, auth.scope, unit);
    if (!u) throw notFound();
    within = u.path;
  }
  const roots = !f.parent && !f.q && !f.tier && !unit;
  const { total, rows } = await unitsRepo.list(db, auth.scope, { ...f, within, roots }, page, pageSize);
  // Search results name their place, since many communes share a name across provinces.
  let paths = new Map<string, string>();
  if (f.q && rows.length) {
    const codes = [...new Set(rows.flatMap((r) => r.path.split('/').filter(Boolean).slice(0, -1)))];
    const names = new Map((await unitsRepo.byCodes(db, codes)).map((u) => [u.code, u.name]));
    paths = new Map(rows.map((r) => [r.code, r.path.split('/').filter(Boolean).slice(0, -1).reverse().map((c) => names.get(c) ?? c).join(', ')]));
  }
  return {
    items: rows.map((r) => ({ ...toUnitDto(r, Boolean(r.has_children)), ...(f.q ? { place: paths.get(r.code) ?? '' } : {}) })),
    total,
    page,
    pageSize,
  };
}

export async function updatePopulation(db: Db, auth: AuthContext, actor: Actor, code: string, version: number, byAge: PopulationByAge) {
  return db.transaction().execute(async (trx) => {
    const row = await unitsRepo.findVisible(trx, auth.scope, code);
    if (!row) throw notFound();
    if (!can(auth.user.role, 'units.write')) throw errors.forbidden();
    if (row.version !== version) throw errors.staleVersion();
    const ok = await unitsRepo.setPopulation(trx, code, version, byAge, false);
    if (!ok) throw errors.staleVersion();
    await unitsRepo.rollUp(trx, row.parent_code);
    await recordAudit(trx, actor, {
      action: 'update', entity: 'unit', entityId: code, unitCode: code, unitPath: row.path,
      changes: { population: [byAgeOf(row), byAge] },
    });
    const after = await unitsRepo.findByCode(trx, code);
    return toUnitDto(after!);
  });
}

export interface ImportReport {
  created: number;
  updated: number;
  skipped: number;
  errors: RowError[];
  applied: boolean;
  /** Existing units the file puts under another parent: legitimate in a reorganisation, a typo otherwise, so always shown. */
  moved?: { row: number; code: string; name: string; fromPath: string; toParentCode: string | null }[];
}

function assertImportable(auth: AuthContext) {
  if (!can(auth.user.role, 'units.import')) throw errors.forbidden();
}

export async function importFromRegistry(db: Db, auth: AuthContext, actor: Actor, provinceCode: string): Promise<ImportReport> {
  assertImportable(auth);
  // Only a national administrator may add a whole province; others would create units outside their scope.
  if (!auth.scope.all) throw errors.forbidden();
  const rows = registryProvince(provinceCode);
  if (!rows) throw errors.invalid('provinceCode', `Không có tỉnh/thành phố mã "${provinceCode}" trong danh mục quốc gia.`, `No province with code ${provinceCode}.`);
  return db.transaction().execute(async (trx) => {
    const r = await upsertUnits(trx, rows);
    await recordAudit(trx, actor, {
      action: 'import', entity: 'unit', entityId: provinceCode, unitCode: provinceCode, unitPath: `/${provinceCode}/`,
      changes: { source: 'registry', created: r.created, updated: r.updated },
    });
    return { created: r.created, updated: r.updated, skipped: r.unchanged, errors: [], applied: true };
  });
}

function parentOfPath(path: string): string | null {
  const parts = path.split('/').filter(Boolean);
  return parts.length > 1 ? parts[parts.length - 2] : null;
}

export async function importUnitsFile(db: Db, auth: AuthContext, actor: Actor, file: { data: Buffer; filename: string }, mode: 'all' | 'valid'): Promise<ImportReport> {
  assertImportable(auth);
  const table = await readTableOr400(file);
  return db.transaction().execute(async (trx) => {
    // Stored units named anywhere in the file (possible parents, or units the file updates), looked up once.
    const stored = new Map<string, { tier: Tier; path: string }>();
    const cellValues = [...new Set(table.rows.flatMap((r) => r.cells))].filter(Boolean);
    for (let i = 0; i < cellValues.length; i += 400) {
      const part = await trx.selectFrom('units').select(['code', 'tier', 'path']).where('code', 'in', cellValues.slice(i, i + 400)).execute();
      for (const u of part) stored.set(u.code, { tier: u.tier as Tier, path: u.path });
    }
    const visibleTier = (code: string) => {
      const s = stored.get(code);
      return s && scopeCovers(auth.scope, s.path) ? s.tier : null;
    };
    const { units, errors: rowErrors, rowOf } = parseUnitsTable(table, visibleTier);
    // A unit with units under it keeps its tier: a commune turned village would hold villages (or its own ancestors).
    const retiered = units.filter((u) => stored.has(u.code) && stored.get(u.code)!.tier !== u.tier).map((u) => u.code);
    const hasChildren = new Set<string | null>();
    for (let i = 0; i < retiered.length; i += 400) {
      const part = await trx.selectFrom('units').select('parent_code').distinct().where('parent_code', 'in', retiered.slice(i, i + 400)).execute();
      for (const u of part) hasChildren.add(u.parent_code);
    }
    // A scoped administrator may only add under units inside the scope, and may not touch others.
    // `units` lists parents first, so a refused unit's children in the file are refused after it.
    const refused = new Set<string>();
    const allowed = units.filter((u) => {
      const row = rowOf.get(u.code) ?? 0;
      const old = stored.get(u.code);
      let error: RowError | null = null;
      if (u.parentCode && refused.has(u.parentCode)) {
        error = { row, field: 'parentCode', message: `Đơn vị cấp trên "${u.parentCode}" có lỗi nên đơn vị này không được nhập.` };
      } else if (old && !scopeCovers(auth.scope, old.path)) {
        error = { row, field: 'code', message: `Mã ${u.code} đã thuộc một đơn vị ngoài phạm vi quản lý của bạn.` };
      } else if (old && hasChildren.has(u.code)) {
        error = { row, field: 'level', message: `Đơn vị ${u.code} đang có đơn vị trực thuộc nên không thể chuyển từ cấp "${old.tier}" sang cấp "${u.tier}".` };
      } else if (!auth.scope.all && !u.parentCode) {
        error = { row, field: 'parentCode', message: 'Chỉ quản trị cấp quốc gia được thêm tỉnh/thành phố.' };
      }
      if (!error) return true;
      rowErrors.push(error);
      refused.add(u.code);
      return false;
    });
    rowErrors.sort((a, b) => a.row - b.row);
    const moved = allowed
      .filter((u) => { const old = stored.get(u.code); return old && parentOfPath(old.path) !== (u.parentCode ?? null); })
      .map((u) => ({ row: rowOf.get(u.code) ?? 0, code: u.code, name: u.name, fromPath: stored.get(u.code)!.path, toParentCode: u.parentCode ?? null }))
      .sort((a, b) => a.row - b.row);
    if (mode === 'all' && rowErrors.length) return { created: 0, updated: 0, skipped: 0, errors: rowErrors, applied: false, moved };
    const r = await upsertUnits(trx, allowed);
    await recordAudit(trx, actor, {
      action: 'import', entity: 'unit', entityId: null, unitCode: auth.user.unitCode, unitPath: auth.user.unitPath,
      changes: { source: file.filename, created: r.created, updated: r.updated, errors: rowErrors.length, moved: moved.map((m) => m.code) },
    });
    return { created: r.created, updated: r.updated, skipped: r.unchanged, errors: rowErrors, applied: true, moved };
  });
}

export async function importPopulationFile(db: Db, auth: AuthContext, actor: Actor, file: { data: Buffer; filename: string }, mode: 'all' | 'valid'): Promise<ImportReport> {
  if (!can(auth.user.role, 'units.write')) throw errors.forbidden();
  const table = await readTableOr400(file);
  const { rows, errors: rowErrors } = parsePopulationTable(table);
  return db.transaction().execute(async (trx) => {
    const found = new Map<string, Awaited<ReturnType<typeof unitsRepo.findVisible>>>();
    for (const r of rows) {
      const u = await unitsRepo.findVisible(trx, auth.scope, r.code);
      if (!u) rowErrors.push({ row: r.row, field: 'code', message: `Không có đơn vị mã "${r.code}" trong phạm vi quản lý của bạn.` });
      else found.set(r.code, u);
    }
    rowErrors.sort((a, b) => a.row - b.row);
    if (mode === 'all' && rowErrors.length) return { created: 0, updated: 0, skipped: 0, errors: rowErrors, applied: false };
    let updated = 0;
    const parents = new Set<string>();
    for (const r of rows) {
      const u = found.get(r.code);
      if (!u) continue;
      await unitsRepo.setPopulation(trx, u.code, u.version, r.byAge, false);
      found.set(r.code, { ...u, version: u.version + 1 });
      if (u.parent_code) parents.add(u.parent_code);
      updated++;
      await recordAudit(trx, actor, { action: 'update', entity: 'unit', entityId: u.code, unitCode: u.code, unitPath: u.path, changes: { population: [byAgeOf(u), r.byAge], source: file.filename } });
    }
    // Deepest parents first so that each roll-up sees its children's new sums.
    const rolled = await unitsRepo.byCodes(trx, [...parents]);
    for (const p of rolled.sort((a, b) => b.depth - a.depth)) await unitsRepo.rollUp(trx, p.code);
    return { created: 0, updated, skipped: 0, errors: rowErrors, applied: true };
  });
}

async function readTableOr400(file: { data: Buffer; filename: string }) {
  try {
    return await readTable(file.data, file.filename);
  } catch {
    throw new AppError(400, 'BAD_FILE', 'Không đọc được tệp. Hãy dùng tệp Excel (.xlsx) hoặc CSV theo mẫu.', 'Could not read the file; use .xlsx or .csv.', 'file');
  }
}
