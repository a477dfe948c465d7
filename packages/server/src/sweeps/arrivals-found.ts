import { checkArrivalDate, checkIdNumber, vnDate } from '@pcd/core';
import type { DbOrTrx } from '../db/database.js';
import type { HouseholdRow } from '../db/schema.js';
import type { AuthContext } from '../auth/context.js';
import type { Actor } from '../audit/audit.js';
import { AppError, errors } from '../http/errors.js';
import { peopleRepo } from '../people/repository.js';
import { insertPerson } from '../people/service.js';
import { officialUnit } from '../arrivals/origins.js';
import type { ArrivalInput } from './model.js';

export interface FoundArrival {
  personId: number;
  created: boolean;
  probableDuplicates: number[];
  originUnitCode: string | null;
  origin: string | null;
  arrivalDate: string;
}

/** A people-module error about field `f` becomes one about `arrivals.<i>.f`, so the form can point at the right line. */
function prefixed(err: unknown, prefix: string): unknown {
  if (!(err instanceof AppError)) return err;
  const out = new AppError(err.status, err.code, err.message, err.messageEn, err.field ? `${prefix}.${err.field}` : prefix,
    err.details?.map((d) => ({ ...d, field: `${prefix}.${d.field}` })));
  const existingId = (err as { existingId?: number }).existingId;
  if (existingId !== undefined) Object.assign(out, { existingId });
  return out;
}

/** Origins are anywhere in the country, loaded in `units` or not; the stored text keeps the place's full name. */
async function checkOrigin(db: DbOrTrx, a: ArrivalInput, field: string): Promise<{ originUnitCode: string | null; origin: string | null }> {
  if (!a.originUnitCode) return { originUnitCode: null, origin: a.origin ?? null };
  const u = await officialUnit(db, a.originUnitCode);
  if (!u) throw errors.invalid(field, `Mã đơn vị nơi đi "${a.originUnitCode}" không có trong danh mục hành chính.`, `Unknown origin unit code ${a.originUnitCode}.`);
  return { originUnitCode: u.code, origin: [u.fullLabel, a.origin].filter(Boolean).join(' — ') };
}

/**
 * A new arrival found in a household: an existing record (named, or with the same ID number), else a
 * new person of the household created through the people registry, so its duplicate checks apply.
 */
export async function resolveArrival(trx: DbOrTrx, auth: AuthContext, actor: Actor, household: HouseholdRow, a: ArrivalInput, i: number): Promise<FoundArrival> {
  const field = `arrivals.${i}`;
  const base = { ...(await checkOrigin(trx, a, `${field}.originUnitCode`)), arrivalDate: a.arrivalDate };
  const today = vnDate();
  if (a.personId !== undefined) {
    const p = await peopleRepo.findVisible(trx, auth.scope, a.personId);
    if (!p) throw errors.invalid(`${field}.personId`, `Không có hồ sơ người dân mã ${a.personId} trong phạm vi của bạn.`, `No person ${a.personId} in your jurisdiction.`);
    const problems = checkArrivalDate(a.arrivalDate, today, { dateOfBirth: p.date_of_birth, birthYear: p.birth_year });
    if (problems.length) throw prefixed(errors.problems(problems), field);
    return { personId: p.id, created: false, probableDuplicates: [], ...base };
  }
  if (!a.fullName?.trim()) throw errors.invalid(`${field}.fullName`, 'Hãy ghi họ tên người mới đến (hoặc chọn hồ sơ có sẵn).', 'Full name of the arrival is required.');
  const problems = checkArrivalDate(a.arrivalDate, today, { dateOfBirth: a.dateOfBirth, birthYear: a.birthYear });
  if (problems.length) throw prefixed(errors.problems(problems), field);
  const id = a.idNumber ? checkIdNumber(a.idNumber) : null;
  if (id?.ok) {
    const existing = await peopleRepo.byIdNumber(trx, id.normalized);
    if (existing && (await peopleRepo.findVisible(trx, auth.scope, existing.id))) return { personId: existing.id, created: false, probableDuplicates: [], ...base };
  }
  try {
    const { person, probableDuplicates } = await insertPerson(trx, auth, actor, {
      fullName: a.fullName, dateOfBirth: a.dateOfBirth ?? null, birthYear: a.birthYear ?? null, sex: a.sex ?? null, idNumber: a.idNumber ?? null, phone: a.phone ?? null,
      unitCode: household.unit_code, householdId: household.id, address: household.address,
      residenceStatus: a.residenceStatus ?? 'tam_tru', residenceFrom: a.arrivalDate,
    }, today);
    return { personId: person.id, created: true, probableDuplicates, ...base };
  } catch (err) {
    throw prefixed(err, field);
  }
}
