import { randomBytes } from 'node:crypto';
import {
  checkDeclaration, checkPerson, foldVietnamese, makeReceiptCode, obligationProgress, planObligation, vnDate,
  PUBLIC_ARRIVAL_WINDOW, STAFF_ARRIVAL_WINDOW, type FieldProblem,
} from '@pcd/core';
import type { DbOrTrx } from '../db/database.js';
import type { CheckpointRow, DeclarationRow, ObligationRow, UnitRow } from '../db/schema.js';
import type { AuthContext } from '../auth/context.js';
import { recordAudit, type Actor } from '../audit/audit.js';
import { errors } from '../http/errors.js';
import { nowIso } from '../lib/time.js';
import { unitsRepo } from '../units/repository.js';
import { insertPerson } from '../people/service.js';
import { peopleRepo } from '../people/repository.js';
import { managedDestination, officialUnit } from './origins.js';
import { effectiveRule, ruleOf } from './rules.js';
import { zoneAt } from './zones.js';
import type { DeclarationInput } from './model.js';

export type Recorder =
  | { kind: 'public'; checkpoint: CheckpointRow | null }
  | { kind: 'staff'; auth: AuthContext; checkpoint: CheckpointRow | null };

export interface Recorded {
  declaration: DeclarationRow;
  obligation: ObligationRow | null;
  personCreated: boolean;
}

/**
 * A new person from the public form is filed under the destination only: the form may create a
 * record there and nowhere else, and learns nothing of records outside it.
 */
function destinationAuth(unit: UnitRow): AuthContext {
  return {
    user: { id: 0, username: 'public', fullName: 'Khai báo y tế công khai', role: 'team', unitCode: unit.code, unitName: unit.name, unitPath: unit.path },
    scope: { all: false, paths: [unit.path] },
    via: 'token',
    sessionId: null,
  };
}

async function destination(trx: DbOrTrx, by: Recorder, code: string): Promise<UnitRow | undefined> {
  if (by.kind === 'public') return managedDestination(trx, code);
  const unit = await unitsRepo.findVisible(trx, by.auth.scope, code);
  return unit && (unit.tier === 'commune' || unit.tier === 'village') ? unit : undefined;
}

async function freshReceiptCode(trx: DbOrTrx): Promise<string> {
  for (;;) {
    const code = makeReceiptCode(randomBytes(7));
    if (!(await trx.selectFrom('declarations').select('id').where('receipt_code', '=', code).executeTakeFirst())) return code;
  }
}

/**
 * Records one declaration inside the caller's transaction: validates everything first (every
 * problem with its field, nothing written), links or creates the person, then opens a follow-up
 * when the origin was an epidemic zone on the arrival date.
 */
export async function recordDeclaration(trx: DbOrTrx, by: Recorder, actor: Actor, input: DeclarationInput): Promise<Recorded> {
  const today = vnDate();
  const person = checkPerson({ fullName: input.fullName, dateOfBirth: input.dateOfBirth, birthYear: input.birthYear, idNumber: input.idNumber, phone: input.phone }, today);
  const problems: FieldProblem[] = [...person.problems];
  if (by.kind === 'public' && !person.value.phone && !problems.some((p) => p.field === 'phone')) {
    problems.push({ field: 'phone', message: 'Hãy ghi số điện thoại để cán bộ y tế liên hệ.', messageEn: 'A phone number is required.' });
  }
  problems.push(...checkDeclaration({ ...input, symptoms: input.symptoms ?? [] }, today, by.kind === 'public' ? PUBLIC_ARRIVAL_WINDOW : STAFF_ARRIVAL_WINDOW));
  const origin = await officialUnit(trx, input.fromUnitCode);
  if (!origin) {
    problems.push({ field: 'fromUnitCode', message: `Mã nơi đi "${input.fromUnitCode}" không có trong danh mục hành chính quốc gia.`, messageEn: 'The origin is not a code of the national list.' });
  }
  const dest = await destination(trx, by, input.toUnitCode);
  if (!dest) {
    problems.push(by.kind === 'public'
      ? { field: 'toUnitCode', message: `Nơi đến "${input.toUnitCode}" không phải xã hay thôn/bản thuộc địa bàn tiếp nhận khai báo.`, messageEn: 'The destination is not a commune or village of the area taking declarations.' }
      : { field: 'toUnitCode', message: `Nơi đến "${input.toUnitCode}" không phải xã hay thôn/bản trong phạm vi quản lý của bạn.`, messageEn: 'The destination is not a commune or village in your jurisdiction.' });
  }
  if (problems.length || !origin || !dest) throw errors.problems(problems);

  const { value } = person;
  let personId: number;
  let personCreated = false;
  const byId = value.idNumber ? await peopleRepo.byIdNumber(trx, value.idNumber) : undefined;
  const byName = byId ? [] : await peopleRepo.probableDuplicates(trx, {
    id: 0, name_folded: foldVietnamese(value.fullName), unit_code: dest.code, date_of_birth: value.dateOfBirth, birth_year: value.birthYear,
  });
  if (byId) personId = byId.id;
  else if (byName.length === 1) personId = byName[0];
  else {
    // Several namesakes: a new record, flagged against them for a person to merge.
    const created = await insertPerson(trx, by.kind === 'staff' ? by.auth : destinationAuth(dest), actor, {
      fullName: value.fullName, dateOfBirth: value.dateOfBirth, birthYear: value.birthYear, idNumber: value.idNumber, phone: value.phone,
      unitCode: dest.code, address: input.address, residenceStatus: 'tam_tru', residenceFrom: input.arrivalDate,
    }, today);
    personId = created.person.id;
    personCreated = true;
  }

  const zone = await zoneAt(trx, origin.lineage, input.arrivalDate, dest.path);
  const now = nowIso();
  const declaration = await trx.insertInto('declarations').values({
    receipt_code: await freshReceiptCode(trx), person_id: personId, full_name: value.fullName, name_folded: foldVietnamese(value.fullName),
    date_of_birth: value.dateOfBirth, birth_year: value.birthYear, id_number: value.idNumber, phone: value.phone,
    from_unit_code: origin.code, from_unit_name: origin.fullLabel, from_zone: zone ? 1 : 0, zone_id: zone?.id ?? null,
    arrival_date: input.arrivalDate, to_unit_code: dest.code, to_unit_path: dest.path, address: input.address.trim(), transport: input.transport,
    symptoms: JSON.stringify([...new Set(input.symptoms ?? [])]), vaccination_doses: input.vaccinationDoses,
    source: by.kind === 'public' ? 'public' : by.checkpoint ? 'checkpoint' : 'staff', checkpoint_id: by.checkpoint?.id ?? null,
    recorded_by: by.kind === 'staff' ? by.auth.user.id : null, created_at: now,
  }).returningAll().executeTakeFirstOrThrow();
  await recordAudit(trx, actor, {
    action: 'create', entity: 'declaration', entityId: declaration.id, unitCode: dest.code, unitPath: dest.path,
    changes: {
      receiptCode: [null, declaration.receipt_code], personId: [null, personId], fromUnitCode: [null, origin.code], fromZone: [null, Boolean(zone)],
      arrivalDate: [null, input.arrivalDate], linkedBy: [null, byId ? 'idNumber' : personCreated ? 'created' : 'nameBirthVillage'],
    },
  });

  const obligation = zone ? await openFollowUp(trx, actor, declaration, dest, today) : null;
  return { declaration, obligation, personCreated };
}

/** Opens the follow-up of an arrival from a zone, unless the person is already under one covering that day. */
async function openFollowUp(trx: DbOrTrx, actor: Actor, d: DeclarationRow, dest: UnitRow, today: string): Promise<ObligationRow | null> {
  const running = await trx.selectFrom('obligations').selectAll().where('person_id', '=', d.person_id).where('status', '=', 'open')
    .where('start_date', '<=', d.arrival_date).where('end_date', '>=', d.arrival_date).executeTakeFirst();
  if (running) return running;
  const rule = await effectiveRule(trx, dest.path);
  if (!rule) return null;
  const plan = planObligation(ruleOf(rule), d.arrival_date);
  const progress = obligationProgress({ status: 'open', endDate: plan.endDate, tests: plan.tests }, today);
  const now = nowIso();
  const row = await trx.insertInto('obligations').values({
    person_id: d.person_id, declaration_id: d.id, unit_code: dest.code, unit_path: dest.path, kind: plan.kind, rule_id: rule.id,
    rule_snapshot: JSON.stringify({ name: rule.name, ...ruleOf(rule) }), start_date: plan.startDate, end_date: plan.endDate,
    tests: JSON.stringify(plan.tests), next_due_date: progress.nextDueDate, status: 'open', completed_at: null, note: null,
    version: 1, created_at: now, updated_at: now,
  }).returningAll().executeTakeFirstOrThrow();
  await recordAudit(trx, actor, {
    action: 'create', entity: 'obligation', entityId: row.id, unitCode: dest.code, unitPath: dest.path,
    changes: { personId: [null, d.person_id], declarationId: [null, d.id], ruleId: [null, rule.id], endDate: [null, plan.endDate] },
  });
  return row;
}
