import { sql } from 'kysely';
import { ageOn, checkOrphan, type OrphanRelation, type SupportStatus } from '@pcd/core';
import type { Db, DbOrTrx } from '../db/database.js';
import type { AuthContext } from '../auth/context.js';
import { withinScope, type Scope } from '../auth/scope.js';
import { recordAudit, type Actor } from '../audit/audit.js';
import { AppError, errors } from '../http/errors.js';
import { nowIso } from '../lib/time.js';
import { requirePersonal } from '../people/service.js';
import { peopleRepo } from '../people/repository.js';
import { registerPersonReference } from '../people/references.js';
import { casesRepo } from '../cases/repository.js';
import { resolveWithin } from '../cases/service.js';
import type { OrphanDto, OrphanInput, OrphanPatch } from './model.js';

registerPersonReference('orphans', 'child_person_id');

const orphanNotFound = () => errors.notFound('Trẻ mồ côi do COVID-19', 'Orphaned child');

function filtered(db: DbOrTrx, scope: Scope, f: { within?: string; supportStatus?: string }) {
  let qb = db.selectFrom('orphans').where(withinScope(scope, 'orphans.unit_path'));
  if (f.within) qb = qb.where('orphans.unit_path', 'like', `${f.within}%`);
  if (f.supportStatus) qb = qb.where('orphans.support_status', '=', f.supportStatus);
  return qb;
}

function withDetails(qb: ReturnType<typeof filtered>) {
  return qb.innerJoin('people as child', 'child.id', 'orphans.child_person_id').innerJoin('cases', 'cases.id', 'orphans.case_id')
    .innerJoin('people as parent', 'parent.id', 'cases.person_id').innerJoin('units', 'units.code', 'orphans.unit_code')
    .selectAll('orphans')
    .select(['child.full_name as child_name', 'child.date_of_birth as child_dob', 'child.birth_year as child_birth_year', 'cases.person_id as parent_id',
      'parent.full_name as parent_name', 'cases.death_date', 'units.name as unit_name']);
}

type Row = Awaited<ReturnType<ReturnType<typeof withDetails>['execute']>>[number];
const toDto = (r: Row): OrphanDto => ({
  id: r.id, childPersonId: r.child_person_id, childName: r.child_name, childDateOfBirth: r.child_dob, childBirthYear: r.child_birth_year,
  ageAtDeath: r.death_date ? ageOn(r.death_date, r.child_dob, r.child_birth_year) : null, unitCode: r.unit_code, unitName: r.unit_name, caseId: r.case_id,
  parentPersonId: r.parent_id, parentName: r.parent_name, deathDate: r.death_date ?? '', relation: r.relation as OrphanRelation,
  supportStatus: r.support_status as SupportStatus, supportNotes: r.support_notes, version: r.version, createdAt: r.created_at, updatedAt: r.updated_at,
});

async function visibleOr404(db: DbOrTrx, scope: Scope, id: number) {
  const r = await withDetails(filtered(db, scope, {})).where('orphans.id', '=', id).executeTakeFirst();
  if (!r) throw orphanNotFound();
  return r;
}

export async function createOrphan(db: Db, auth: AuthContext, actor: Actor, input: OrphanInput): Promise<OrphanDto> {
  requirePersonal(auth, true);
  return db.transaction().execute(async (trx) => {
    const child = await peopleRepo.findVisible(trx, auth.scope, input.childPersonId);
    if (!child) throw errors.invalid('childPersonId', 'Trẻ không có trong danh sách dân cư thuộc phạm vi quản lý của bạn.', 'Unknown child or outside your jurisdiction.');
    const c = await casesRepo.findVisible(trx, auth.scope, input.caseId);
    if (!c) throw errors.invalid('caseId', 'Ca bệnh không tồn tại hoặc nằm ngoài phạm vi quản lý của bạn.', 'Unknown case or outside your jurisdiction.');
    if (c.status !== 'died' || !c.death_date) throw errors.invalid('caseId', 'Ca bệnh này chưa được ghi nhận tử vong.', 'This case is not recorded as a death.');
    const problems = checkOrphan({ deathDate: c.death_date, childDateOfBirth: child.date_of_birth, childBirthYear: child.birth_year, sameAsParent: child.id === c.person_id });
    if (problems.length) throw errors.problems(problems);
    const dup = await trx.selectFrom('orphans').select('id').where('child_person_id', '=', child.id).where('case_id', '=', c.id).executeTakeFirst();
    if (dup) throw Object.assign(new AppError(409, 'DUPLICATE_ORPHAN', 'Trẻ này đã được ghi nhận với ca tử vong này.', 'Already recorded.', 'childPersonId'), { existingId: dup.id });
    const now = nowIso();
    const row = await trx.insertInto('orphans').values({
      child_person_id: child.id, case_id: c.id, relation: input.relation, unit_code: child.unit_code, unit_path: child.unit_path,
      support_status: input.supportStatus, support_notes: input.supportNotes ?? null, recorded_by: auth.user.id, version: 1, created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'create', entity: 'orphan', entityId: row.id, unitCode: child.unit_code, unitPath: child.unit_path,
      changes: { childPersonId: [null, child.id], caseId: [null, c.id], relation: [null, input.relation], supportStatus: [null, input.supportStatus] },
    });
    return toDto(await visibleOr404(trx, auth.scope, row.id));
  });
}

export async function updateOrphan(db: Db, auth: AuthContext, actor: Actor, id: number, patch: OrphanPatch): Promise<OrphanDto> {
  requirePersonal(auth, true);
  return db.transaction().execute(async (trx) => {
    const before = await visibleOr404(trx, auth.scope, id);
    if (before.version !== patch.version) throw errors.staleVersion();
    const next = {
      relation: patch.relation ?? before.relation, support_status: patch.supportStatus ?? before.support_status,
      support_notes: patch.supportNotes !== undefined ? patch.supportNotes : before.support_notes,
    };
    const r = await trx.updateTable('orphans').set({ ...next, version: sql`version + 1`, updated_at: nowIso() }).where('id', '=', id).where('version', '=', patch.version).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw errors.staleVersion();
    const changes: Record<string, [unknown, unknown]> = {};
    for (const k of Object.keys(next) as (keyof typeof next)[]) if (next[k] !== before[k]) changes[k] = [before[k], next[k]];
    await recordAudit(trx, actor, { action: 'update', entity: 'orphan', entityId: id, unitCode: before.unit_code, unitPath: before.unit_path, changes });
    return toDto(await visibleOr404(trx, auth.scope, id));
  });
}

export async function getOrphan(db: Db, auth: AuthContext, actor: Actor, id: number) {
  requirePersonal(auth, false);
  const r = await visibleOr404(db, auth.scope, id);
  await recordAudit(db, actor, { action: 'read', entity: 'orphan', entityId: id, unitCode: r.unit_code, unitPath: r.unit_path });
  return toDto(r);
}

export async function listOrphans(db: Db, auth: AuthContext, actor: Actor, f: { unit?: string; supportStatus?: string }, page: number, pageSize: number) {
  requirePersonal(auth, false);
  const qb = filtered(db, auth.scope, { supportStatus: f.supportStatus, within: await resolveWithin(db, auth, f.unit) });
  const [{ total }] = await qb.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await withDetails(qb).orderBy('orphans.id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute();
  await recordAudit(db, actor, { action: 'read', entity: 'orphan', unitCode: f.unit ?? auth.user.unitCode, changes: { query: { ...f }, ids: rows.map((r) => r.id) } });
  return { items: rows.map(toDto), total: Number(total), page, pageSize };
}

export async function* iterateOrphans(db: Db, auth: AuthContext, f: { within?: string; supportStatus?: string }): AsyncGenerator<OrphanDto> {
  for (const r of await withDetails(filtered(db, auth.scope, f)).orderBy('orphans.id').execute()) yield toDto(r);
}
