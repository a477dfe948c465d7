import { sql } from 'kysely';
import { checkContact, contactLevelFor, foldVietnamese, vnDate, type ContactLevel, type ContactStatus } from '@pcd/core';
import type { Db, DbOrTrx } from '../db/database.js';
import type { AuthContext } from '../auth/context.js';
import { scopeCovers } from '../auth/scope.js';
import { diffFields, recordAudit, type Actor } from '../audit/audit.js';
import { AppError, errors } from '../http/errors.js';
import { nowIso } from '../lib/time.js';
import { requirePersonal } from '../people/service.js';
import { resolveWithin, visibleCaseOr404 } from '../cases/service.js';
import { contactDto, contactsRepo, type ContactFilter } from './repository.js';
import { communePathOf, resolveContactPerson } from './person.js';
import { followUpContact } from './follow-up.js';
import type { ContactDetailRow, ContactDto, ContactInput, ContactPatch } from './model.js';
import { resolveRule } from '../rules/resolve.js';
import { contactRuleDoses, vaccinationOfPerson } from '../cases/vaccination-status.js';

export const contactNotFound = () => errors.notFound('Người tiếp xúc', 'Contact');

/** Changes to a contact belong to the area where the person lives; the recording area only reads. */
export async function fullContactOr404(db: DbOrTrx, auth: AuthContext, id: number): Promise<ContactDetailRow> {
  const row = await contactsRepo.findVisible(db, auth.scope, id);
  if (!row || !scopeCovers(auth.scope, row.unit_path)) throw contactNotFound();
  return row;
}

interface Source {
  kind: 'case' | 'contact';
  id: number;
  personId: number;
  unitCode: string;
  unitPath: string;
  clusterId: number | null;
  testDate: string | null;
  level: ContactLevel;
}

async function sourceOf(trx: DbOrTrx, auth: AuthContext, ref: { kind: 'case' | 'contact'; id: number }): Promise<Source> {
  if (ref.kind === 'case') {
    const c = await visibleCaseOr404(trx, auth, ref.id);
    return { kind: 'case', id: c.id, personId: c.person_id, unitCode: c.unit_code, unitPath: c.unit_path, clusterId: c.cluster_id, testDate: c.test_date, level: 'F1' };
  }
  const k = await fullContactOr404(trx, auth, ref.id);
  const level = contactLevelFor({ kind: 'contact', level: k.level as ContactLevel, status: k.status as ContactStatus });
  if (!level.ok) throw errors.problems([level.problem]);
  return { kind: 'contact', id: k.id, personId: k.person_id, unitCode: k.unit_code, unitPath: k.unit_path, clusterId: k.cluster_id, testDate: null, level: level.level };
}

/**
 * Records an F1 of a case or an F2 of an F1. The contact belongs to the area where the person lives:
 * when that is another commune it is handed over there, and the recording commune keeps only the
 * contact record and what it typed.
 */
export async function addContact(db: Db, auth: AuthContext, actor: Actor, ref: { kind: 'case' | 'contact'; id: number }, input: ContactInput): Promise<ContactDto> {
  requirePersonal(auth, true);
  const today = vnDate();
  return db.transaction().execute(async (trx) => {
    const src = await sourceOf(trx, auth, ref);
    const problems = checkContact({ lastExposureDate: input.lastExposure, sourceTestDate: src.testDate }, today, (await resolveRule(trx, src.unitPath, 'contact_follow_up')).rule);
    if (problems.length) throw errors.problems(problems);
    const { person, entered, linkedBy } = await resolveContactPerson(trx, auth, actor, input);
    if (person.id === src.personId) throw errors.invalid('personId', 'Người tiếp xúc trùng với chính nguồn lây.', 'A person cannot be their own contact.');
    const active = await trx.selectFrom('cases').select(['id', 'unit_path']).where('person_id', '=', person.id).where('status', '=', 'active').executeTakeFirst();
    if (active) throw new AppError(409, 'ALREADY_F0', 'Người này đang là F0; không ghi là người tiếp xúc.', 'This person is an active F0.', 'personId');
    const again = await trx.selectFrom('contacts').select(['id', 'unit_path']).where('person_id', '=', person.id).where('status', '=', 'monitoring')
      .where(src.kind === 'case' ? 'source_case_id' : 'source_contact_id', '=', src.id).executeTakeFirst();
    if (again) {
      const err = new AppError(409, 'DUPLICATE_CONTACT', 'Người này đã được ghi là người tiếp xúc của nguồn lây này.', 'Already recorded as a contact of this source.', 'personId');
      if (scopeCovers(auth.scope, again.unit_path)) Object.assign(err, { existingId: again.id });
      throw err;
    }

    const vaccination = await vaccinationOfPerson(trx, person.id, input.lastExposure, false, input.vaccinationDoses ?? null);
    const communePath = await communePathOf(trx, src.unitPath);
    const handedOver = !person.unit_path.startsWith(communePath);
    const now = nowIso();
    const row = await trx.insertInto('contacts').values({
      person_id: person.id, level: src.level, source_case_id: src.kind === 'case' ? src.id : null, source_contact_id: src.kind === 'contact' ? src.id : null,
      cluster_id: src.clusterId, relation: input.relation, last_exposure_date: input.lastExposure, setting: input.setting ?? null,
      vaccination_doses: vaccination.doses, unit_code: person.unit_code, unit_path: person.unit_path,
      recorded_unit_code: src.unitCode, recorded_unit_path: src.unitPath, handed_over_from_unit_path: handedOver ? communePath : null,
      handed_over_at: handedOver ? now : null, entered_person: entered ? JSON.stringify(entered) : null,
      entered_name_folded: entered ? foldVietnamese(entered.fullName) : null, obligation_id: null, status: 'monitoring', promoted_case_id: null,
      note: input.note ?? null, recorded_by: auth.user.id, version: 1, created_at: now, updated_at: now,
    }).returningAll().executeTakeFirstOrThrow();
    const obligationId = await followUpContact(trx, actor, { ...row, level: src.level, vaccination_doses: await contactRuleDoses(trx, person.unit_path, vaccination) }, 'merge');
    await trx.updateTable('contacts').set({ obligation_id: obligationId }).where('id', '=', row.id).execute();
    await recordAudit(trx, actor, {
      action: 'create', entity: 'contact', entityId: row.id, unitCode: src.unitCode, unitPath: src.unitPath,
      changes: {
        level: [null, src.level], [src.kind === 'case' ? 'sourceCaseId' : 'sourceContactId']: [null, src.id], personId: [null, person.id],
        linkedBy: [null, linkedBy], lastExposure: [null, input.lastExposure], obligationId: [null, obligationId],
        vaccinationDoses: [null, vaccination.doses], vaccinationSource: [null, vaccination.source],
        ...(handedOver ? { handedOverTo: [null, person.unit_code] } : {}),
      },
    });
    // The receiving commune's log shows what arrived, without the source's details.
    if (handedOver) {
      await recordAudit(trx, actor, {
        action: 'hand_over', entity: 'contact', entityId: row.id, unitCode: person.unit_code, unitPath: person.unit_path,
        changes: { level: [null, src.level], fromUnitCode: [null, communePath.split('/').filter(Boolean).pop()], personId: [null, person.id] },
      });
    }
    const after = await contactsRepo.findVisible(trx, auth.scope, row.id);
    return contactDto(auth.scope, after!);
  });
}

export async function getContact(db: Db, auth: AuthContext, actor: Actor, id: number): Promise<ContactDto> {
  requirePersonal(auth, false);
  const row = await contactsRepo.findVisible(db, auth.scope, id);
  if (!row) throw contactNotFound();
  const dto = contactDto(auth.scope, row);
  await recordAudit(db, actor, {
    action: 'read', entity: 'contact', entityId: id,
    ...(dto.access === 'full' ? { unitCode: row.unit_code, unitPath: row.unit_path } : { unitCode: row.recorded_unit_code, unitPath: row.recorded_unit_path }),
  });
  return dto;
}

export async function listContacts(db: Db, auth: AuthContext, actor: Actor, f: ContactFilter & { unit?: string }, page: number, pageSize: number) {
  requirePersonal(auth, false);
  const filter = { ...f, within: await resolveWithin(db, auth, f.unit) };
  const qb = contactsRepo.filtered(db, auth.scope, filter);
  const [{ total }] = await qb.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const { column, direction } = contactsRepo.order(f.sort);
  const rows = await contactsRepo.withDetails(qb).orderBy(column, f.sort ? direction : 'desc').orderBy('contacts.id', 'desc')
    .limit(pageSize).offset((page - 1) * pageSize).execute();
  await recordAudit(db, actor, { action: 'read', entity: 'contact', unitCode: f.unit ?? auth.user.unitCode, changes: { query: { ...f }, ids: rows.map((r) => r.id) } });
  return { items: rows.map((r) => contactDto(auth.scope, r)), total: Number(total), page, pageSize };
}

export async function* iterateContacts(db: Db, auth: AuthContext, filter: ContactFilter): AsyncGenerator<ContactDto> {
  let after = 0;
  for (;;) {
    const batch = await contactsRepo.withDetails(contactsRepo.filtered(db, auth.scope, filter)).where('contacts.id', '>', after).orderBy('contacts.id').limit(2000).execute();
    for (const b of batch) yield contactDto(auth.scope, b);
    if (batch.length < 2000) return;
    after = batch[batch.length - 1].id;
  }
}

/** Corrections by the area the contact lives in; a new exposure date or vaccination re-plans the follow-up. */
export async function updateContact(db: Db, auth: AuthContext, actor: Actor, id: number, patch: ContactPatch): Promise<ContactDto> {
  requirePersonal(auth, true);
  const today = vnDate();
  return db.transaction().execute(async (trx) => {
    const before = await fullContactOr404(trx, auth, id);
    if (before.version !== patch.version) throw errors.staleVersion();
    if (before.status === 'promoted') throw errors.invalid('status', 'Người tiếp xúc đã thành F0; sửa trên hồ sơ ca bệnh.', 'The contact was promoted; edit the case.');
    const lastExposure = patch.lastExposure ?? before.last_exposure_date;
    const sourceTest = before.source_case_id
      ? (await trx.selectFrom('cases').select('test_date').where('id', '=', before.source_case_id).executeTakeFirst())?.test_date ?? null
      : null;
    const problems = patch.lastExposure ? checkContact({ lastExposureDate: lastExposure, sourceTestDate: sourceTest }, today, (await resolveRule(trx, before.unit_path, 'contact_follow_up')).rule) : [];
    const status = patch.status ?? before.status;
    const note = patch.note !== undefined ? patch.note : before.note;
    if (status === 'cancelled' && before.status !== 'cancelled' && !note?.trim()) {
      problems.push({ field: 'note', message: 'Hãy ghi lý do hủy (ví dụ: ghi nhầm người).', messageEn: 'Give a reason for cancelling.' });
    }
    if (problems.length) throw errors.problems(problems);
    // Dose records outrank a typed figure; a corrected exposure date recounts them.
    const vaccination = await vaccinationOfPerson(trx, before.person_id, lastExposure, false, patch.vaccinationDoses !== undefined ? patch.vaccinationDoses : before.vaccination_doses);
    const doses = vaccination.doses;
    const now = nowIso();
    const r = await trx.updateTable('contacts').set({
      relation: patch.relation ?? before.relation, last_exposure_date: lastExposure, setting: patch.setting !== undefined ? patch.setting : before.setting,
      vaccination_doses: doses, status, note, version: sql`version + 1`, updated_at: now,
    }).where('id', '=', id).where('version', '=', patch.version).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw errors.staleVersion();
    if (status === 'monitoring' && (lastExposure !== before.last_exposure_date || doses !== before.vaccination_doses)) {
      const obligationId = await followUpContact(trx, actor, { ...before, level: before.level as ContactLevel, last_exposure_date: lastExposure, vaccination_doses: await contactRuleDoses(trx, before.unit_path, vaccination) }, 'replace');
      await trx.updateTable('contacts').set({ obligation_id: obligationId }).where('id', '=', id).execute();
    }
    // A contact recorded by mistake leaves no follow-up behind, unless another contact record still needs it.
    if (status === 'cancelled' && before.status !== 'cancelled' && before.obligation_id !== null) {
      const shared = await trx.selectFrom('contacts').select('id').where('obligation_id', '=', before.obligation_id).where('id', '!=', id).where('status', '=', 'monitoring').executeTakeFirst();
      if (!shared) {
        const u = await trx.updateTable('obligations').set({ status: 'cancelled', next_due_date: null, completed_at: now, note, version: sql`version + 1`, updated_at: now })
          .where('id', '=', before.obligation_id).where('status', '=', 'open').executeTakeFirst();
        if (Number(u.numUpdatedRows) === 1) {
          await recordAudit(trx, actor, { action: 'update', entity: 'obligation', entityId: before.obligation_id, unitCode: before.unit_code, unitPath: before.unit_path, changes: { status: ['open', 'cancelled'], reason: [null, note] } });
        }
      }
    }
    const after = contactDto(auth.scope, (await contactsRepo.findVisible(trx, auth.scope, id))!);
    const old = contactDto(auth.scope, before);
    await recordAudit(trx, actor, {
      action: 'update', entity: 'contact', entityId: id, unitCode: before.unit_code, unitPath: before.unit_path,
      changes: diffFields(
        { relation: old.relation, lastExposureDate: old.lastExposureDate, setting: old.setting, vaccinationDoses: old.vaccinationDoses, status: old.status, note: old.note, obligationId: old.obligation?.id ?? null },
        { relation: after.relation, lastExposureDate: after.lastExposureDate, setting: after.setting, vaccinationDoses: after.vaccinationDoses, status: after.status, note: after.note, obligationId: after.obligation?.id ?? null },
      ),
    });
    return after;
  });
}
