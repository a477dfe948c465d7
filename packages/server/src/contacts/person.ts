import { checkPerson, foldVietnamese, vnDate } from '@pcd/core';
import type { DbOrTrx } from '../db/database.js';
import type { PersonRow, UnitRow } from '../db/schema.js';
import type { AuthContext } from '../auth/context.js';
import { scopeCovers } from '../auth/scope.js';
import type { Actor } from '../audit/audit.js';
import { errors } from '../http/errors.js';
import { unitsRepo } from '../units/repository.js';
import { insertPerson } from '../people/service.js';
import { peopleRepo } from '../people/repository.js';
import type { ContactInput, EnteredPerson } from './model.js';

export interface ContactPerson {
  person: PersonRow;
  entered: EnteredPerson | null;
  linkedBy: 'personId' | 'idNumber' | 'nameBirthVillage' | 'created';
}

/**
 * The registry may file a person in the receiving area only: the caller keeps its own identity for
 * the audit, but nothing it could read there.
 */
function receivingAuth(auth: AuthContext, unit: UnitRow): AuthContext {
  return { ...auth, scope: { all: false, paths: [unit.path] } };
}

/**
 * Finds or registers the person a contact is about. A person typed in is matched like a declaration
 * (same ID number anywhere, or one namesake with the same birth date in the same village), else
 * registered through the people registry in the village they live in, which may be another commune's.
 */
export async function resolveContactPerson(trx: DbOrTrx, auth: AuthContext, actor: Actor, input: ContactInput): Promise<ContactPerson> {
  if (input.personId !== undefined) {
    const person = await peopleRepo.findVisible(trx, auth.scope, input.personId);
    if (!person) throw errors.invalid('personId', 'Người này không có trong danh sách dân cư thuộc phạm vi quản lý của bạn.', 'Unknown person or outside your jurisdiction.');
    return { person, entered: null, linkedBy: 'personId' };
  }
  const p = input.person;
  if (!p) throw errors.invalid('personId', 'Hãy chọn người trong danh sách dân cư hoặc nhập thông tin người tiếp xúc.', 'personId or person is required.');
  const { problems, value } = checkPerson(p, vnDate());
  if (problems.length) throw errors.problems(problems.map((x) => ({ ...x, field: `person.${x.field}` })));
  const unit = await unitsRepo.findByCode(trx, p.unitCode);
  if (!unit || (unit.tier !== 'village' && unit.tier !== 'commune')) {
    throw errors.invalid('person.unitCode', `Nơi ở "${p.unitCode}" không phải thôn/bản hay xã đang được quản lý trên hệ thống.`, 'The home unit is not a village or commune managed in the system.');
  }
  const entered: EnteredPerson = {
    fullName: value.fullName, dateOfBirth: value.dateOfBirth, birthYear: value.birthYear, sex: p.sex ?? null, phone: value.phone,
    address: p.address?.trim() || null, unitCode: unit.code,
  };
  const byId = value.idNumber ? await peopleRepo.byIdNumber(trx, value.idNumber) : undefined;
  if (byId) return { person: byId, entered, linkedBy: 'idNumber' };
  const namesakes = await peopleRepo.probableDuplicates(trx, {
    id: 0, name_folded: foldVietnamese(value.fullName), unit_code: unit.code, date_of_birth: value.dateOfBirth, birth_year: value.birthYear,
  });
  if (namesakes.length === 1) {
    const person = await trx.selectFrom('people').selectAll().where('id', '=', namesakes[0]).executeTakeFirstOrThrow();
    return { person, entered, linkedBy: 'nameBirthVillage' };
  }
  const inScope = scopeCovers(auth.scope, unit.path);
  // A household of another commune is not the recorder's to choose.
  const created = await insertPerson(trx, inScope ? auth : receivingAuth(auth, unit), actor, inScope ? p : { ...p, householdId: null });
  const person = await trx.selectFrom('people').selectAll().where('id', '=', created.person.id).executeTakeFirstOrThrow();
  return { person, entered, linkedBy: 'created' };
}

/** The commune a unit belongs to (itself when it is one), for deciding whether a contact is handed over. */
export async function communePathOf(db: DbOrTrx, path: string): Promise<string> {
  const lineage = path.split('/').filter(Boolean);
  const commune = await db.selectFrom('units').select('path').where('code', 'in', lineage).where('tier', '=', 'commune').executeTakeFirst();
  return commune?.path ?? path;
}
