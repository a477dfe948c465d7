import { sql } from 'kysely';
import { checkDose, vnDate, type DoseFacts, type DoseKind, type DoseSource } from '@pcd/core';
import type { Db, DbOrTrx } from '../db/database.js';
import type { AuthContext } from '../auth/context.js';
import type { Scope } from '../auth/scope.js';
import { recordAudit, type Actor } from '../audit/audit.js';
import { errors } from '../http/errors.js';
import { nowIso } from '../lib/time.js';
import { requirePersonal } from '../people/service.js';
import { peopleRepo, visiblePeople } from '../people/repository.js';
import { registerPersonReference } from '../people/references.js';
import { resolveWithin } from '../cases/service.js';
import type { VaccinationDoseRow, VaccineProductRow } from '../db/schema.js';
import type { DoseDto, DoseInput, DosePatch, DoseQuery } from './model.js';
import { productRows, resolveProduct, toRule } from './products.js';

// A merge combines both dose histories first (people/merge-vaccination.ts); only then are the remaining references repointed.
registerPersonReference('vaccination_doses', 'person_id');

const doseNotFound = () => errors.notFound('Mũi tiêm', 'Vaccination dose');

/** Doses of people the caller may see: a dose has no unit of its own, it lives where its person lives. */
function visibleDoses(db: DbOrTrx, scope: Scope) {
  return visiblePeople(db, scope).innerJoin('vaccination_doses as vd', 'vd.person_id', 'people.id');
}

function withDetails(qb: ReturnType<typeof visibleDoses>) {
  return qb.innerJoin('units', 'units.code', 'people.unit_code').innerJoin('vaccine_products as vp', 'vp.code', 'vd.product_code')
    .selectAll('vd')
    .select(['people.full_name as person_name', 'people.unit_code', 'people.unit_path', 'units.name as unit_name', 'vp.name as product_name']);
}

type Row = Awaited<ReturnType<ReturnType<typeof withDetails>['execute']>>[number];
const toDto = (r: Row): DoseDto => ({
  id: r.id, personId: r.person_id, personName: r.person_name, unitCode: r.unit_code, unitName: r.unit_name, product: r.product_code, productName: r.product_name,
  lot: r.lot, dose: r.dose_number, kind: r.kind as DoseKind, date: r.vaccinated_on, site: r.site, mobileTeamId: r.mobile_team_id,
  adverseReaction: r.adverse_reaction, source: r.source as DoseSource, version: r.version, createdAt: r.created_at, updatedAt: r.updated_at,
});

async function visibleOr404(db: DbOrTrx, scope: Scope, id: number) {
  const r = await withDetails(visibleDoses(db, scope)).where('vd.id', '=', id).executeTakeFirst();
  if (!r) throw doseNotFound();
  return r;
}

const facts = (r: VaccinationDoseRow): DoseFacts => ({ id: r.id, productCode: r.product_code, doseNumber: r.dose_number, kind: r.kind as DoseKind, date: r.vaccinated_on });

/** Primary while the course of the product is not complete, booster after it. */
export function defaultKind(product: VaccineProductRow, doseNumber: number): DoseKind {
  return doseNumber <= product.primary_doses ? 'primary' : 'booster';
}

function productOr400(rows: VaccineProductRow[], text: string) {
  const p = resolveProduct(rows, text);
  if (!p) throw errors.invalid('product', `Vắc xin "${text}" không có trong danh mục đang dùng.`, `Vaccine "${text}" is not in the active list.`);
  return p;
}

/** A dose given by a mobile team names a team of the person's area (their commune, district or province). */
async function checkMobileTeam(db: DbOrTrx, teamId: number | null | undefined, personPath: string) {
  if (teamId == null) return;
  const team = await db.selectFrom('vaccination_mobile_teams').select('unit_path').where('id', '=', teamId).executeTakeFirst();
  if (!team || !personPath.startsWith(team.unit_path)) {
    throw errors.invalid('mobileTeamId', 'Đội tiêm lưu động không tồn tại hoặc không phục vụ địa bàn của người này.', 'Unknown mobile team, or not one of this person\'s area.');
  }
}

export async function createDose(db: Db, auth: AuthContext, actor: Actor, input: DoseInput): Promise<DoseDto> {
  requirePersonal(auth, true);
  return db.transaction().execute(async (trx) => {
    const person = await peopleRepo.findVisible(trx, auth.scope, input.personId);
    if (!person) throw errors.invalid('personId', 'Người này không có trong danh sách dân cư thuộc phạm vi quản lý của bạn.', 'Unknown person or outside your jurisdiction.');
    const products = await productRows(trx);
    const product = productOr400(products, input.product);
    const dose: DoseFacts = { productCode: product.code, doseNumber: input.dose, kind: input.kind ?? defaultKind(product, input.dose), date: input.date };
    const existing = await trx.selectFrom('vaccination_doses').selectAll().where('person_id', '=', person.id).execute();
    const problems = checkDose({ dateOfBirth: person.date_of_birth, birthYear: person.birth_year }, existing.map(facts), dose, vnDate(), products.map(toRule));
    if (problems.length) throw errors.problems(problems);
    await checkMobileTeam(trx, input.mobileTeamId, person.unit_path);
    const now = nowIso();
    const row = await trx.insertInto('vaccination_doses').values({
      person_id: person.id, product_code: product.code, lot: input.lot ?? null, dose_number: dose.doseNumber, kind: dose.kind, vaccinated_on: dose.date,
      site: input.site ?? null, mobile_team_id: input.mobileTeamId ?? null, adverse_reaction: input.adverseReaction ?? null, source: 'manual', import_job_id: null,
      created_by: auth.user.id, created_at: now, updated_at: now, version: 1,
    }).returning('id').executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'create', entity: 'vaccination_dose', entityId: row.id, unitCode: person.unit_code, unitPath: person.unit_path,
      changes: { personId: [null, person.id], product: [null, product.code], dose: [null, dose.doseNumber], kind: [null, dose.kind], date: [null, dose.date] },
    });
    return toDto(await visibleOr404(trx, auth.scope, row.id));
  });
}

export async function updateDose(db: Db, auth: AuthContext, actor: Actor, id: number, patch: DosePatch): Promise<DoseDto> {
  requirePersonal(auth, true);
  return db.transaction().execute(async (trx) => {
    const before = await visibleOr404(trx, auth.scope, id);
    if (before.version !== patch.version) throw errors.staleVersion();
    const products = await productRows(trx);
    const product = patch.product !== undefined ? productOr400(products, patch.product) : products.find((p) => p.code === before.product_code)!;
    const doseNumber = patch.dose ?? before.dose_number;
    const kind = patch.kind ?? (patch.dose !== undefined || patch.product !== undefined ? defaultKind(product, doseNumber) : (before.kind as DoseKind));
    const next = {
      product_code: product.code, dose_number: doseNumber, kind, vaccinated_on: patch.date ?? before.vaccinated_on,
      lot: patch.lot !== undefined ? patch.lot : before.lot, site: patch.site !== undefined ? patch.site : before.site,
      mobile_team_id: patch.mobileTeamId !== undefined ? patch.mobileTeamId : before.mobile_team_id,
      adverse_reaction: patch.adverseReaction !== undefined ? patch.adverseReaction : before.adverse_reaction,
    };
    const person = await trx.selectFrom('people').select(['date_of_birth', 'birth_year']).where('id', '=', before.person_id).executeTakeFirstOrThrow();
    const existing = await trx.selectFrom('vaccination_doses').selectAll().where('person_id', '=', before.person_id).execute();
    // checkDose looks at the edited dose only: a new number must not leave the others with a gap (as deleteDose refuses).
    const numbers = [...existing.filter((d) => d.id !== id).map((d) => d.dose_number), doseNumber].sort((a, b) => a - b);
    const missing = doseNumber === before.dose_number ? 0 : numbers.findIndex((n, i) => n !== i + 1) + 1;
    if (missing > 0) {
      throw errors.invalid('dose', `Sau khi sửa sẽ thiếu mũi ${missing} (các mũi còn lại: ${numbers.join(', ')}); các mũi phải liên tiếp.`, `Dose ${missing} would be missing after the change; dose numbers must follow each other.`);
    }
    const problems = checkDose({ dateOfBirth: person.date_of_birth, birthYear: person.birth_year }, existing.map(facts),
      { id, productCode: next.product_code, doseNumber: next.dose_number, kind: next.kind, date: next.vaccinated_on }, vnDate(), products.map(toRule));
    if (problems.length) throw errors.problems(problems);
    if (patch.mobileTeamId !== undefined) await checkMobileTeam(trx, patch.mobileTeamId, before.unit_path);
    const r = await trx.updateTable('vaccination_doses').set({ ...next, version: sql`version + 1`, updated_at: nowIso() }).where('id', '=', id).where('version', '=', patch.version).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw errors.staleVersion();
    const changes: Record<string, [unknown, unknown]> = {};
    for (const k of Object.keys(next) as (keyof typeof next)[]) if (next[k] !== before[k]) changes[k] = [before[k], next[k]];
    await recordAudit(trx, actor, { action: 'update', entity: 'vaccination_dose', entityId: id, unitCode: before.unit_code, unitPath: before.unit_path, changes });
    return toDto(await visibleOr404(trx, auth.scope, id));
  });
}

export async function deleteDose(db: Db, auth: AuthContext, actor: Actor, id: number, version: number): Promise<void> {
  requirePersonal(auth, true);
  await db.transaction().execute(async (trx) => {
    const before = await visibleOr404(trx, auth.scope, id);
    if (before.version !== version) throw errors.staleVersion();
    // A later dose would be left without the one it follows.
    const later = await trx.selectFrom('vaccination_doses').select('dose_number').where('person_id', '=', before.person_id).where('dose_number', '>', before.dose_number).executeTakeFirst();
    if (later) throw errors.invalid('dose', `Không xóa được mũi ${before.dose_number} khi còn mũi ${later.dose_number}; hãy xóa mũi sau trước.`, `Delete dose ${later.dose_number} first.`);
    const r = await trx.deleteFrom('vaccination_doses').where('id', '=', id).where('version', '=', version).executeTakeFirst();
    if (Number(r.numDeletedRows) !== 1) throw errors.staleVersion();
    await recordAudit(trx, actor, {
      action: 'delete', entity: 'vaccination_dose', entityId: id, unitCode: before.unit_code, unitPath: before.unit_path,
      changes: { personId: [before.person_id, null], product: [before.product_code, null], dose: [before.dose_number, null], date: [before.vaccinated_on, null] },
    });
  });
}

export async function getDose(db: Db, auth: AuthContext, actor: Actor, id: number): Promise<DoseDto> {
  requirePersonal(auth, false);
  const r = await visibleOr404(db, auth.scope, id);
  await recordAudit(db, actor, { action: 'read', entity: 'vaccination_dose', entityId: id, unitCode: r.unit_code, unitPath: r.unit_path, changes: { personId: r.person_id } });
  return toDto(r);
}

export async function personDoses(db: Db, auth: AuthContext, actor: Actor, personId: number): Promise<DoseDto[]> {
  requirePersonal(auth, false);
  const person = await peopleRepo.findVisible(db, auth.scope, personId);
  if (!person) throw errors.notFound('Người dân', 'Person');
  const rows = await withDetails(visibleDoses(db, auth.scope)).where('vd.person_id', '=', personId).orderBy('vd.dose_number').execute();
  await recordAudit(db, actor, { action: 'read', entity: 'vaccination_dose', unitCode: person.unit_code, unitPath: person.unit_path, changes: { personId, ids: rows.map((r) => r.id) } });
  return rows.map(toDto);
}

function filtered(db: DbOrTrx, scope: Scope, f: Omit<DoseQuery, 'unit'> & { within?: string }) {
  let qb = visibleDoses(db, scope);
  if (f.within) qb = qb.where('people.unit_path', 'like', `${f.within}%`);
  if (f.personId) qb = qb.where('vd.person_id', '=', f.personId);
  if (f.product) qb = qb.where('vd.product_code', '=', f.product);
  if (f.from) qb = qb.where('vd.vaccinated_on', '>=', f.from);
  if (f.to) qb = qb.where('vd.vaccinated_on', '<=', f.to);
  return qb;
}

export async function listDoses(db: Db, auth: AuthContext, actor: Actor, q: DoseQuery, page: number, pageSize: number) {
  requirePersonal(auth, false);
  if (q.from && q.to && q.from > q.to) throw errors.invalid('from', 'Từ ngày phải trước đến ngày.', '`from` must not be after `to`.');
  const qb = filtered(db, auth.scope, { ...q, within: await resolveWithin(db, auth, q.unit) });
  const [{ total }] = await qb.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await withDetails(qb).orderBy('vd.vaccinated_on', 'desc').orderBy('vd.id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute();
  await recordAudit(db, actor, { action: 'read', entity: 'vaccination_dose', unitCode: q.unit ?? auth.user.unitCode, changes: { query: { ...q }, ids: rows.map((r) => r.id) } });
  return { items: rows.map(toDto), total: Number(total), page, pageSize };
}
