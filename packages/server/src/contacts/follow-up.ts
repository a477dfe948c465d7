import { sql } from 'kysely';
import { carryTests, obligationProgress, planContactFollowUp, vnDate, type ContactLevel, type TestDue } from '@pcd/core';
import type { DbOrTrx } from '../db/database.js';
import type { ObligationRow } from '../db/schema.js';
import { recordAudit, type Actor } from '../audit/audit.js';
import { nowIso } from '../lib/time.js';
import { resolveRule } from '../rules/resolve.js';

const CONTACT_KINDS = ['contact_f1', 'contact_f2'];

export interface FollowedContact {
  id: number;
  person_id: number;
  level: ContactLevel;
  last_exposure_date: string;
  vaccination_doses: number | null;
  unit_code: string;
  unit_path: string;
  obligation_id: number | null;
}

async function openContactObligation(trx: DbOrTrx, c: FollowedContact): Promise<ObligationRow | undefined> {
  if (c.obligation_id !== null) {
    const own = await trx.selectFrom('obligations').selectAll().where('id', '=', c.obligation_id).where('status', '=', 'open').executeTakeFirst();
    if (own) return own;
  }
  return trx.selectFrom('obligations').selectAll().where('person_id', '=', c.person_id).where('status', '=', 'open')
    .where('kind', 'in', CONTACT_KINDS).orderBy('id', 'desc').executeTakeFirst();
}

async function closeReplaced(trx: DbOrTrx, actor: Actor, ob: ObligationRow, note: string) {
  const now = nowIso();
  await trx.updateTable('obligations').set({ status: 'cancelled', next_due_date: null, completed_at: now, note, version: sql`version + 1`, updated_at: now })
    .where('id', '=', ob.id).execute();
  await recordAudit(trx, actor, { action: 'update', entity: 'obligation', entityId: ob.id, unitCode: ob.unit_code, unitPath: ob.unit_path, changes: { status: [ob.status, 'cancelled'], reason: [null, note] } });
}

/**
 * Puts a contact under the follow-up its level calls for, keeping one open contact follow-up per
 * person. `merge` (a new contact, an F2 becoming F1) keeps a running follow-up that already lasts
 * longer at the same or a stricter level; `replace` (a corrected exposure date) re-plans it exactly.
 * Tests already recorded are kept when the start day is unchanged; otherwise the old follow-up is
 * closed with a note and a new one opened, so no recorded test is lost.
 */
export async function followUpContact(trx: DbOrTrx, actor: Actor, c: FollowedContact, mode: 'merge' | 'replace'): Promise<number> {
  const today = vnDate();
  // The rule in force where the contact lives; an open follow-up it merges into keeps its own figures.
  const plan = planContactFollowUp(c.level, c.vaccination_doses, c.last_exposure_date, (await resolveRule(trx, c.unit_path, 'contact_follow_up')).rule);
  const snapshot = JSON.stringify({ name: plan.rule.name, quarantineDays: plan.rule.quarantineDays, testDays: plan.rule.testDays });
  const open = await openContactObligation(trx, c);
  const now = nowIso();
  if (open) {
    const stricter = open.kind === 'contact_f2' && plan.kind === 'contact_f1';
    if (mode === 'merge' && !stricter && open.end_date >= plan.endDate) return open.id;
    if (open.start_date === plan.startDate) {
      const tests = carryTests(JSON.parse(open.tests) as TestDue[], plan.tests);
      const progress = obligationProgress({ status: 'open', endDate: plan.endDate, tests }, today);
      await trx.updateTable('obligations').set({
        kind: plan.kind, rule_snapshot: snapshot, end_date: plan.endDate, tests: JSON.stringify(tests), next_due_date: progress.nextDueDate,
        version: sql`version + 1`, updated_at: now,
      }).where('id', '=', open.id).execute();
      await recordAudit(trx, actor, {
        action: 'update', entity: 'obligation', entityId: open.id, unitCode: open.unit_code, unitPath: open.unit_path,
        changes: { kind: [open.kind, plan.kind], endDate: [open.end_date, plan.endDate], contactId: [null, c.id] },
      });
      return open.id;
    }
    await closeReplaced(trx, actor, open, `Thay bằng việc theo dõi mới của người tiếp xúc (mã ${c.id}).`);
  }
  const progress = obligationProgress({ status: 'open', endDate: plan.endDate, tests: plan.tests }, today);
  const row = await trx.insertInto('obligations').values({
    person_id: c.person_id, declaration_id: null, unit_code: c.unit_code, unit_path: c.unit_path, kind: plan.kind, rule_id: null,
    rule_snapshot: snapshot, start_date: plan.startDate, end_date: plan.endDate, tests: JSON.stringify(plan.tests), next_due_date: progress.nextDueDate,
    status: 'open', completed_at: null, note: null, version: 1, created_at: now, updated_at: now,
  }).returning('id').executeTakeFirstOrThrow();
  await recordAudit(trx, actor, {
    action: 'create', entity: 'obligation', entityId: row.id, unitCode: c.unit_code, unitPath: c.unit_path,
    changes: { personId: [null, c.person_id], contactId: [null, c.id], kind: [null, plan.kind], endDate: [null, plan.endDate] },
  });
  return row.id;
}

/** A contact who became F0 is treated, no longer quarantined: the open contact follow-ups end with a note. */
export async function endContactFollowUps(trx: DbOrTrx, actor: Actor, personId: number, note: string): Promise<number[]> {
  const open = await trx.selectFrom('obligations').selectAll().where('person_id', '=', personId).where('status', '=', 'open').where('kind', 'in', CONTACT_KINDS).execute();
  for (const ob of open) await closeReplaced(trx, actor, ob, note);
  return open.map((o) => o.id);
}
