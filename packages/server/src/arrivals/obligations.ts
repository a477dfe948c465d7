import { sql } from 'kysely';
import { applyObligationAction, obligationProgress, vnDate, type ObligationAction, type TestDue } from '@pcd/core';
import type { Db } from '../db/database.js';
import type { AuthContext } from '../auth/context.js';
import { recordAudit, type Actor } from '../audit/audit.js';
import { AppError, errors } from '../http/errors.js';
import { nowIso } from '../lib/time.js';
import { requirePersonal } from '../people/service.js';
import { obligationsRepo, type ObligationFilter } from './repository.js';
import { toObligationDto, type ObligationDto, type ObligationPatch } from './model.js';
import { resolveWithin } from './service.js';

const notFound = () => errors.notFound('Việc theo dõi người đến', 'Follow-up obligation');

/** The commune's work list: who must be tested or released today, and who is overdue. */
export async function listObligations(db: Db, auth: AuthContext, actor: Actor, f: ObligationFilter & { unit?: string }, page: number, pageSize: number) {
  requirePersonal(auth, false);
  const today = vnDate();
  const filter = { ...f, within: await resolveWithin(db, auth, f.unit) };
  const qb = obligationsRepo.filtered(db, auth.scope, filter, today);
  const [{ total }] = await qb.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const { column, direction } = obligationsRepo.order(f.sort);
  const rows = await obligationsRepo.withDetails(qb).orderBy(column, direction).orderBy('obligations.id').limit(pageSize).offset((page - 1) * pageSize).execute();
  await recordAudit(db, actor, { action: 'read', entity: 'obligation', unitCode: f.unit ?? auth.user.unitCode, changes: { query: { ...f }, ids: rows.map((r) => r.id) } });
  return { items: rows.map((r) => toObligationDto(r, today)), total: Number(total), page, pageSize };
}

export async function* iterateObligations(db: Db, auth: AuthContext, filter: ObligationFilter): AsyncGenerator<ObligationDto> {
  const today = vnDate();
  let after = 0;
  for (;;) {
    const batch = await obligationsRepo.withDetails(obligationsRepo.filtered(db, auth.scope, filter, today))
      .where('obligations.id', '>', after).orderBy('obligations.id').limit(2000).execute();
    for (const b of batch) yield toObligationDto(b, today);
    if (batch.length < 2000) return;
    after = batch[batch.length - 1].id;
  }
}

export async function getObligation(db: Db, auth: AuthContext, actor: Actor, id: number): Promise<ObligationDto> {
  requirePersonal(auth, false);
  const row = await obligationsRepo.withDetails(obligationsRepo.filtered(db, auth.scope, {}, vnDate())).where('obligations.id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  await recordAudit(db, actor, { action: 'read', entity: 'obligation', entityId: id, unitCode: row.unit_code, unitPath: row.unit_path });
  return toObligationDto(row, vnDate());
}

function toAction(p: ObligationPatch, today: string): ObligationAction {
  switch (p.action) {
    case 'test_done':
      if (p.testDay === undefined) throw errors.invalid('testDay', 'Hãy chọn lần xét nghiệm (ngày thứ mấy).', 'testDay is required.');
      return { action: 'test_done', testDay: p.testDay, doneOn: p.doneOn ?? today, result: p.result ?? null };
    case 'cancel':
      return { action: 'cancel', reason: p.reason ?? '' };
    default:
      return { action: p.action };
  }
}

/** Records a test, completes, cancels or reopens a follow-up (with the version the caller saw). */
export async function updateObligation(db: Db, auth: AuthContext, actor: Actor, id: number, patch: ObligationPatch): Promise<ObligationDto> {
  requirePersonal(auth, true);
  const today = vnDate();
  return db.transaction().execute(async (trx) => {
    const before = await obligationsRepo.filtered(trx, auth.scope, {}, today).selectAll('obligations').where('obligations.id', '=', id).executeTakeFirst();
    if (!before) throw notFound();
    if (before.version !== patch.version) throw errors.staleVersion();
    const tests = JSON.parse(before.tests) as TestDue[];
    const r = applyObligationAction({ status: before.status as 'open', startDate: before.start_date, endDate: before.end_date, tests }, toAction(patch, today), today);
    if (!r.ok) throw new AppError(400, 'VALIDATION', r.problem.message, r.problem.messageEn, r.problem.field);
    const { status } = r.value;
    const progress = obligationProgress({ status, endDate: before.end_date, tests: r.value.tests }, today);
    const now = nowIso();
    const u = await trx.updateTable('obligations').set({
      status, tests: JSON.stringify(r.value.tests), next_due_date: progress.nextDueDate,
      completed_at: status === 'open' ? null : before.status === status ? before.completed_at : now,
      ...(patch.action === 'cancel' ? { note: patch.reason ?? null } : {}),
      version: sql`version + 1`, updated_at: now,
    }).where('id', '=', id).where('version', '=', patch.version).executeTakeFirst();
    if (Number(u.numUpdatedRows) !== 1) throw errors.staleVersion();
    const test = patch.action === 'test_done' ? r.value.tests.find((t) => t.day === patch.testDay) : undefined;
    await recordAudit(trx, actor, {
      action: 'update', entity: 'obligation', entityId: id, unitCode: before.unit_code, unitPath: before.unit_path,
      changes: {
        action: [null, patch.action],
        ...(before.status !== status ? { status: [before.status, status] } : {}),
        ...(test ? { [`test.day${test.day}`]: [null, { doneOn: test.doneOn, result: test.result }] } : {}),
        ...(patch.action === 'cancel' ? { reason: [null, patch.reason] } : {}),
      },
    });
    const after = await obligationsRepo.withDetails(obligationsRepo.filtered(trx, auth.scope, {}, today)).where('obligations.id', '=', id).executeTakeFirstOrThrow();
    return toObligationDto(after, today);
  });
}
