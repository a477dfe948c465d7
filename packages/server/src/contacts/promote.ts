import { sql } from 'kysely';
import { planPromotion, vnDate, type ContactLevel, type ContactRecord, type ContactStatus } from '@pcd/core';
import type { Db } from '../db/database.js';
import type { ContactRow } from '../db/schema.js';
import type { AuthContext } from '../auth/context.js';
import { recordAudit, type Actor } from '../audit/audit.js';
import { AppError, errors } from '../http/errors.js';
import { nowIso } from '../lib/time.js';
import { requirePersonal } from '../people/service.js';
import { caseDtoOf, insertCase, visibleCaseOr404 } from '../cases/service.js';
import { contactDto, contactsRepo } from './repository.js';
import { endContactFollowUps, followUpContact } from './follow-up.js';
import { fullContactOr404 } from './service.js';
import type { PromoteInput } from './model.js';

const record = (r: Pick<ContactRow, 'id' | 'level' | 'status' | 'source_case_id' | 'source_contact_id'>): ContactRecord => ({
  id: r.id, level: r.level as ContactLevel, status: r.status as ContactStatus, sourceCaseId: r.source_case_id, sourceContactId: r.source_contact_id,
});

/**
 * A contact tests positive: in one transaction the case is created (managed where the contact
 * lives), the contact is marked promoted, its quarantine ends, and the F2 still followed under it
 * become F1 of the new case with their follow-up re-planned under the F1 rule.
 */
export async function promoteContact(db: Db, auth: AuthContext, actor: Actor, id: number, input: PromoteInput) {
  requirePersonal(auth, true);
  const today = vnDate();
  return db.transaction().execute(async (trx) => {
    const c = await fullContactOr404(trx, auth, id);
    if (c.version !== input.version) throw errors.staleVersion();
    const parent = c.source_contact_id ? await trx.selectFrom('contacts').selectAll().where('id', '=', c.source_contact_id).executeTakeFirst() : undefined;
    const children = await trx.selectFrom('contacts').selectAll().where('source_contact_id', '=', id).execute();
    const planned = planPromotion(record(c), children.map(record), parent ? record(parent) : null);
    if (!planned.ok) {
      const { field, message, messageEn } = planned.problem;
      throw new AppError(c.status === 'promoted' ? 409 : 400, c.status === 'promoted' ? 'ALREADY_PROMOTED' : 'VALIDATION', message, messageEn, field);
    }
    const { plan } = planned;
    const quarantined = c.level === 'F1' && c.ob_status === 'open';
    const person = await trx.selectFrom('people').selectAll().where('id', '=', c.person_id).executeTakeFirstOrThrow();
    const caseId = await insertCase(trx, auth, actor, {
      person, unit: { code: c.unit_code, path: c.unit_path }, clinical: { ...input, detectedIn: input.detectedIn ?? (quarantined ? 'quarantine' : 'community') },
      sourceCaseId: plan.sourceCaseId, fromContactId: c.id, clusterId: c.cluster_id,
    }, today);

    const now = nowIso();
    const r = await trx.updateTable('contacts').set({ status: 'promoted', promoted_case_id: caseId, version: sql`version + 1`, updated_at: now })
      .where('id', '=', id).where('version', '=', input.version).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw errors.staleVersion();
    const ended = await endContactFollowUps(trx, actor, c.person_id, `Đã xác định là F0 (ca bệnh mã ${caseId}).`);
    await recordAudit(trx, actor, {
      action: 'promote', entity: 'contact', entityId: id, unitCode: c.unit_code, unitPath: c.unit_path,
      changes: { status: [c.status, 'promoted'], caseId: [null, caseId], upgraded: [null, plan.upgrade], followUpsEnded: [null, ended] },
    });

    for (const childId of plan.upgrade) {
      const child = children.find((k) => k.id === childId)!;
      await trx.updateTable('contacts').set({ level: 'F1', source_case_id: caseId, source_contact_id: null, version: sql`version + 1`, updated_at: now })
        .where('id', '=', childId).execute();
      const obligationId = await followUpContact(trx, actor, { ...child, level: 'F1' }, 'merge');
      await trx.updateTable('contacts').set({ obligation_id: obligationId }).where('id', '=', childId).execute();
      await recordAudit(trx, actor, {
        action: 'upgrade', entity: 'contact', entityId: childId, unitCode: child.unit_code, unitPath: child.unit_path,
        changes: { level: ['F2', 'F1'], sourceContactId: [id, null], sourceCaseId: [null, caseId], obligationId: [child.obligation_id, obligationId] },
      });
    }

    const upgraded = [];
    for (const childId of plan.upgrade) {
      const row = await contactsRepo.findVisible(trx, auth.scope, childId);
      if (row) upgraded.push(contactDto(auth.scope, row));
    }
    return {
      case: await caseDtoOf(trx, auth, await visibleCaseOr404(trx, auth, caseId)),
      contact: contactDto(auth.scope, (await contactsRepo.findVisible(trx, auth.scope, id))!),
      upgraded,
    };
  });
}
