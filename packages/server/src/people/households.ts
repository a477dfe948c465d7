import { z } from 'zod';
import { patchOf } from '../lib/patch-schema.js';
import { checkPhone, foldVietnamese, householdSearchText } from '@pcd/core';
import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { HouseholdRow } from '../db/schema.js';
import type { AuthContext } from '../auth/context.js';
import { diffFields, recordAudit, type Actor } from '../audit/audit.js';
import { errors } from '../http/errors.js';
import { nowIso } from '../lib/time.js';
import { unitsRepo } from '../units/repository.js';
import { householdsRepo } from './households-repository.js';
import { peopleRepo } from './repository.js';
import { requirePersonal, resolveUnitFilter } from './service.js';
import { toPersonDto } from './model.js';

export const HOUSEHOLD_KINDS = ['family', 'boarding_house'] as const;

export const householdInput = z.object({
  unitCode: z.string().max(32),
  kind: z.enum(HOUSEHOLD_KINDS).default('family'),
  code: z.string().trim().max(40).nullable().optional(),
  name: z.string().trim().max(200).nullable().optional(),
  address: z.string().trim().min(1).max(300),
  headPersonId: z.number().int().nullable().optional(),
  landlordName: z.string().trim().max(120).nullable().optional(),
  landlordPhone: z.string().max(20).nullable().optional(),
  capacity: z.number().int().min(1).max(10_000).nullable().optional(),
});
export type HouseholdInput = z.infer<typeof householdInput>;
export const householdPatch = patchOf(householdInput).extend({ version: z.number().int().min(1) });

export const householdSchema = z.object({
  id: z.number(), unitCode: z.string(), unitName: z.string().optional(), kind: z.enum(HOUSEHOLD_KINDS), code: z.string().nullable(), name: z.string().nullable(), address: z.string(),
  headPersonId: z.number().nullable(), headName: z.string().nullable().optional(), landlordName: z.string().nullable(), landlordPhone: z.string().nullable(),
  capacity: z.number().nullable(), memberCount: z.number().optional(), version: z.number(), createdAt: z.string(), updatedAt: z.string(),
});

function toDto(h: HouseholdRow, extra: { memberCount?: number; headName?: string | null; unitName?: string } = {}) {
  return {
    id: h.id, unitCode: h.unit_code, kind: h.kind as (typeof HOUSEHOLD_KINDS)[number], code: h.code, name: h.name, address: h.address,
    headPersonId: h.head_person_id, landlordName: h.landlord_name, landlordPhone: h.landlord_phone, capacity: h.capacity,
    version: h.version, createdAt: h.created_at, updatedAt: h.updated_at, ...extra,
  };
}

const notFound = () => errors.notFound('Hộ gia đình', 'Household');

async function validate(db: Db, auth: AuthContext, input: Partial<HouseholdInput>) {
  const unit = input.unitCode ? await unitsRepo.findVisible(db, auth.scope, input.unitCode) : undefined;
  if (input.unitCode && (!unit || (unit.tier !== 'village' && unit.tier !== 'commune'))) {
    throw errors.invalid('unitCode', `Thôn/bản "${input.unitCode}" không tồn tại hoặc nằm ngoài phạm vi quản lý của bạn.`, 'Unknown village or outside your jurisdiction.');
  }
  let landlordPhone = input.landlordPhone ?? null;
  if (landlordPhone) {
    const p = checkPhone(landlordPhone);
    if (!p.ok) throw errors.invalid('landlordPhone', p.message, p.messageEn);
    landlordPhone = p.normalized;
  }
  if (input.kind === 'boarding_house' && input.landlordName === undefined) {
    // A boarding house is managed through its landlord (seed 003): ask for one.
    throw errors.invalid('landlordName', 'Nhà trọ/khu trọ cần tên chủ nhà trọ.', 'A boarding house needs a landlord name.');
  }
  if (input.headPersonId != null && !(await peopleRepo.findVisible(db, auth.scope, input.headPersonId))) {
    throw errors.invalid('headPersonId', 'Chủ hộ không có trong hồ sơ người dân thuộc phạm vi của bạn.', 'Unknown head of household.');
  }
  return { unit, landlordPhone };
}

export async function createHousehold(db: Db, auth: AuthContext, actor: Actor, input: HouseholdInput) {
  requirePersonal(auth, true);
  const { unit, landlordPhone } = await validate(db, auth, input);
  return db.transaction().execute(async (trx) => {
    const now = nowIso();
    const row = await trx.insertInto('households').values({
      unit_code: unit!.code, unit_path: unit!.path, kind: input.kind, code: input.code ?? null, name: input.name ?? null, address: input.address,
      head_person_id: input.headPersonId ?? null, landlord_name: input.landlordName ?? null, landlord_phone: landlordPhone, capacity: input.capacity ?? null,
      search_folded: householdSearchText(input), version: 1, created_at: now, updated_at: now,
    }).returningAll().executeTakeFirstOrThrow();
    if (input.headPersonId) await trx.updateTable('people').set({ household_id: row.id }).where('id', '=', input.headPersonId).execute();
    await recordAudit(trx, actor, { action: 'create', entity: 'household', entityId: row.id, unitCode: unit!.code, unitPath: unit!.path, changes: { address: [null, input.address], kind: [null, input.kind] } });
    return toDto(row);
  });
}

export async function listHouseholds(db: Db, auth: AuthContext, f: { unit?: string; q?: string; kind?: string }, page: number, pageSize: number) {
  requirePersonal(auth, false);
  const { within } = await resolveUnitFilter(db, auth, { unit: f.unit });
  let qb = householdsRepo.visible(db, auth.scope);
  if (within) qb = qb.where('households.unit_path', 'like', `${within}%`);
  if (f.kind) qb = qb.where('households.kind', '=', f.kind);
  if (f.q) {
    const q = `%${foldVietnamese(f.q).replace(/[%_\\]/g, '')}%`;
    qb = qb.where((eb) => eb.or([eb('households.code', '=', f.q!.trim()), eb('households.search_folded', 'like', q)]));
  }
  const [{ total }] = await qb.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await qb
    .leftJoin('people as head', 'head.id', 'households.head_person_id')
    .innerJoin('units', 'units.code', 'households.unit_code')
    .selectAll('households')
    .select(['head.full_name as head_name', 'units.name as unit_name'])
    .select((eb) => eb.selectFrom('people').select((e) => e.fn.countAll<number>().as('n')).whereRef('people.household_id', '=', 'households.id').where('people.merged_into', 'is', null).as('member_count'))
    .orderBy('households.unit_path').orderBy('households.id')
    .limit(pageSize).offset((page - 1) * pageSize)
    .execute();
  return { items: rows.map((r) => toDto(r, { memberCount: Number(r.member_count ?? 0), headName: r.head_name, unitName: r.unit_name })), total: Number(total), page, pageSize };
}

export async function getHousehold(db: Db, auth: AuthContext, actor: Actor, id: number) {
  requirePersonal(auth, false);
  const h = await householdsRepo.findVisible(db, auth.scope, id);
  if (!h) throw notFound();
  const members = await peopleRepo.filtered(db, auth.scope, { householdId: id }, 0).selectAll('people').orderBy('people.birth_year').execute();
  await recordAudit(db, actor, { action: 'read', entity: 'household', entityId: id, unitCode: h.unit_code, unitPath: h.unit_path });
  const head = members.find((m) => m.id === h.head_person_id);
  const unit = await db.selectFrom('units').select('name').where('code', '=', h.unit_code).executeTakeFirst();
  return { ...toDto(h, { memberCount: members.length, headName: head?.full_name ?? null, unitName: unit?.name }), members: members.map(toPersonDto) };
}

export async function updateHousehold(db: Db, auth: AuthContext, actor: Actor, id: number, patch: z.infer<typeof householdPatch>) {
  requirePersonal(auth, true);
  const before = await householdsRepo.findVisible(db, auth.scope, id);
  if (!before) throw notFound();
  const { unit, landlordPhone } = await validate(db, auth, { ...patch, kind: patch.kind ?? (before.kind as 'family'), landlordName: patch.landlordName ?? before.landlord_name ?? undefined });
  return db.transaction().execute(async (trx) => {
    const set = {
      ...(unit ? { unit_code: unit.code, unit_path: unit.path } : {}),
      ...(patch.kind ? { kind: patch.kind } : {}),
      ...(patch.code !== undefined ? { code: patch.code } : {}),
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.address !== undefined ? { address: patch.address } : {}),
      ...(patch.headPersonId !== undefined ? { head_person_id: patch.headPersonId } : {}),
      ...(patch.landlordName !== undefined ? { landlord_name: patch.landlordName } : {}),
      ...(patch.landlordPhone !== undefined ? { landlord_phone: landlordPhone } : {}),
      ...(patch.capacity !== undefined ? { capacity: patch.capacity } : {}),
    };
    const pick = <K extends 'code' | 'name' | 'address'>(k: K) => (k in set ? (set as Record<K, string | null>)[k] : before[k]);
    const search_folded = householdSearchText({ code: pick('code'), name: pick('name'), address: pick('address') });
    const r = await trx.updateTable('households').set({ ...set, search_folded, version: sql`version + 1`, updated_at: nowIso() }).where('id', '=', id).where('version', '=', patch.version).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw errors.staleVersion();
    if (patch.headPersonId) await trx.updateTable('people').set({ household_id: id }).where('id', '=', patch.headPersonId).execute();
    const after = await trx.selectFrom('households').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: 'update', entity: 'household', entityId: id, unitCode: after.unit_code, unitPath: after.unit_path, changes: diffFields(before as unknown as Record<string, unknown>, set as Record<string, unknown>) });
    return toDto(after);
  });
}
