import { sql } from 'kysely';
import { campaignCoverage, can, checkCampaign, type CampaignPurpose, type CampaignStatus, type PlaceType } from '@pcd/core';
import type { Db, DbOrTrx } from '../db/database.js';
import type { TestingCampaignRow } from '../db/schema.js';
import type { AuthContext } from '../auth/context.js';
import { withinScope, type Scope } from '../auth/scope.js';
import { recordAudit, type Actor } from '../audit/audit.js';
import { errors } from '../http/errors.js';
import { nowIso } from '../lib/time.js';
import { unitsRepo } from '../units/repository.js';
import { requirePersonal } from '../people/service.js';
import { registerPersonReference } from '../people/references.js';
import { resolveWithin } from '../cases/service.js';
import type { CampaignDto, CampaignInput, CampaignPatch } from './model.js';

registerPersonReference('testing_campaign_targets', 'person_id');

export const campaignNotFound = () => errors.notFound('Đợt xét nghiệm', 'Testing campaign');

export function requireTestingManager(auth: AuthContext): void {
  if (!can(auth.user.role, 'testing.manage')) throw errors.forbidden();
}

export function visibleCampaigns(db: DbOrTrx, scope: Scope) {
  return db.selectFrom('testing_campaigns').where(withinScope(scope, 'testing_campaigns.unit_path'));
}

export async function visibleCampaignOr404(db: DbOrTrx, scope: Scope, id: number): Promise<TestingCampaignRow> {
  const c = await visibleCampaigns(db, scope).selectAll().where('id', '=', id).executeTakeFirst();
  if (!c) throw campaignNotFound();
  return c;
}

interface Tally { samples: number; positives: number; tested: number; listSize: number; listTested: number }

/** Samples, positive people, distinct people sampled and, for a target list, how many of the list were sampled. */
export async function tallies(db: DbOrTrx, ids: number[]): Promise<Map<number, Tally>> {
  const out = new Map<number, Tally>(ids.map((id) => [id, { samples: 0, positives: 0, tested: 0, listSize: 0, listTested: 0 }]));
  if (ids.length === 0) return out;
  const [samples, positives, tested, lists, listTested] = await Promise.all([
    db.selectFrom('test_samples').select(['campaign_id', (eb) => eb.fn.countAll().as('n')]).where('campaign_id', 'in', ids).groupBy('campaign_id').execute(),
    db.selectFrom('test_samples').innerJoin('test_sample_members as m', 'm.sample_id', 'test_samples.id')
      .select(['campaign_id', (eb) => eb.fn.count('m.person_id').distinct().as('n')])
      .where('campaign_id', 'in', ids).where('pooled', '=', 0).where('result', '=', 'positive').groupBy('campaign_id').execute(),
    db.selectFrom('test_samples').innerJoin('test_sample_members as m', 'm.sample_id', 'test_samples.id')
      .select(['campaign_id', (eb) => eb.fn.count('m.person_id').distinct().as('n')]).where('campaign_id', 'in', ids).groupBy('campaign_id').execute(),
    db.selectFrom('testing_campaign_targets').select(['campaign_id', (eb) => eb.fn.countAll().as('n')]).where('campaign_id', 'in', ids).groupBy('campaign_id').execute(),
    db.selectFrom('testing_campaign_targets as t').select(['t.campaign_id', (eb) => eb.fn.countAll().as('n')]).where('t.campaign_id', 'in', ids)
      .where(({ exists, selectFrom }) => exists(selectFrom('test_samples as s').innerJoin('test_sample_members as m', 'm.sample_id', 's.id').select('s.id')
        .whereRef('s.campaign_id', '=', 't.campaign_id').whereRef('m.person_id', '=', 't.person_id')))
      .groupBy('t.campaign_id').execute(),
  ]);
  for (const r of samples) out.get(r.campaign_id)!.samples = Number(r.n);
  for (const r of positives) out.get(r.campaign_id)!.positives = Number(r.n);
  for (const r of tested) out.get(r.campaign_id)!.tested = Number(r.n);
  for (const r of lists) out.get(r.campaign_id)!.listSize = Number(r.n);
  for (const r of listTested) out.get(r.campaign_id)!.listTested = Number(r.n);
  return out;
}

/** A target list counts only its own people; a target count counts everyone the campaign sampled. */
export function coverageOf(c: TestingCampaignRow, t: Tally) {
  return t.listSize > 0 ? campaignCoverage(t.listSize, t.listTested) : campaignCoverage(c.target_count, t.tested);
}

async function toDtos(db: DbOrTrx, rows: TestingCampaignRow[]): Promise<CampaignDto[]> {
  const t = await tallies(db, rows.map((r) => r.id));
  const codes = [...new Set(rows.map((r) => r.unit_code))];
  const units = codes.length ? await db.selectFrom('units').select(['code', 'name']).where('code', 'in', codes).execute() : [];
  return rows.map((c) => {
    const tally = t.get(c.id)!;
    return {
      id: c.id, name: c.name, purpose: c.purpose as CampaignPurpose, placeType: c.place_type as PlaceType | null, placeName: c.place_name,
      unitCode: c.unit_code, unitName: units.find((u) => u.code === c.unit_code)?.name ?? c.unit_code, fromDate: c.from_date, toDate: c.to_date,
      targetCount: c.target_count, targetListSize: tally.listSize, poolSize: c.pool_size, status: c.status as CampaignStatus, note: c.note,
      samples: tally.samples, positives: tally.positives, coverage: coverageOf(c, tally), version: c.version, createdAt: c.created_at, updatedAt: c.updated_at,
    };
  });
}

export async function createCampaign(db: Db, auth: AuthContext, actor: Actor, input: CampaignInput): Promise<CampaignDto> {
  requireTestingManager(auth);
  const problems = checkCampaign({ ...input, targetPersonIds: input.targetPersonIds });
  if (problems.length) throw errors.problems(problems);
  return db.transaction().execute(async (trx) => {
    const unit = await unitsRepo.findVisible(trx, auth.scope, input.unitCode);
    if (!unit) throw errors.invalid('unitCode', 'Đơn vị không tồn tại hoặc nằm ngoài phạm vi quản lý của bạn.', 'Unknown unit or outside your jurisdiction.');
    const targets = [...new Set(input.targetPersonIds ?? [])];
    if (targets.length) {
      const found = await trx.selectFrom('people').select('id').where('id', 'in', targets).where('unit_path', 'like', `${unit.path}%`)
        .where('merged_into', 'is', null).execute();
      if (found.length !== targets.length) {
        throw errors.invalid('targetPersonIds', 'Danh sách cần xét nghiệm có người không thuộc đơn vị của đợt xét nghiệm.', 'A target person is not in the campaign unit.');
      }
    }
    const now = nowIso();
    const row = await trx.insertInto('testing_campaigns').values({
      name: input.name, purpose: input.purpose, place_type: input.placeType ?? null, place_name: input.placeName ?? null, unit_code: unit.code, unit_path: unit.path,
      from_date: input.fromDate, to_date: input.toDate ?? null, target_count: input.targetCount ?? null, pool_size: input.poolSize, status: input.status,
      note: input.note ?? null, created_by: auth.user.id, version: 1, created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    if (targets.length) await trx.insertInto('testing_campaign_targets').values(targets.map((p) => ({ campaign_id: row.id, person_id: p }))).execute();
    await recordAudit(trx, actor, {
      action: 'create', entity: 'testing_campaign', entityId: row.id, unitCode: unit.code, unitPath: unit.path,
      changes: { name: [null, input.name], purpose: [null, input.purpose], targetCount: [null, input.targetCount ?? null], ...(targets.length ? { targetPersonIds: [null, targets] } : {}) },
    });
    return (await toDtos(trx, [await visibleCampaignOr404(trx, auth.scope, row.id)]))[0];
  });
}

export async function updateCampaign(db: Db, auth: AuthContext, actor: Actor, id: number, patch: CampaignPatch): Promise<CampaignDto> {
  requireTestingManager(auth);
  return db.transaction().execute(async (trx) => {
    const before = await visibleCampaignOr404(trx, auth.scope, id);
    if (before.version !== patch.version) throw errors.staleVersion();
    const next = {
      name: patch.name ?? before.name,
      place_type: patch.placeType !== undefined ? patch.placeType : before.place_type,
      place_name: patch.placeName !== undefined ? patch.placeName : before.place_name,
      from_date: patch.fromDate ?? before.from_date,
      to_date: patch.toDate !== undefined ? patch.toDate : before.to_date,
      target_count: patch.targetCount !== undefined ? patch.targetCount : before.target_count,
      pool_size: patch.poolSize ?? before.pool_size,
      status: patch.status ?? before.status,
      note: patch.note !== undefined ? patch.note : before.note,
    };
    const hasList = await trx.selectFrom('testing_campaign_targets').select('id').where('campaign_id', '=', id).executeTakeFirst();
    const problems = checkCampaign({
      purpose: before.purpose as CampaignPurpose, placeType: next.place_type as PlaceType | null, fromDate: next.from_date, toDate: next.to_date,
      targetCount: next.target_count, targetPersonIds: hasList ? [hasList.id] : [], poolSize: next.pool_size,
    });
    if (problems.length) throw errors.problems(problems);
    const r = await trx.updateTable('testing_campaigns').set({ ...next, version: sql`version + 1`, updated_at: nowIso() })
      .where('id', '=', id).where('version', '=', patch.version).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw errors.staleVersion();
    const changes: Record<string, [unknown, unknown]> = {};
    for (const k of Object.keys(next) as (keyof typeof next)[]) if (next[k] !== before[k]) changes[k] = [before[k], next[k]];
    await recordAudit(trx, actor, { action: 'update', entity: 'testing_campaign', entityId: id, unitCode: before.unit_code, unitPath: before.unit_path, changes });
    return (await toDtos(trx, [await visibleCampaignOr404(trx, auth.scope, id)]))[0];
  });
}

export async function getCampaign(db: Db, auth: AuthContext, id: number): Promise<CampaignDto> {
  requirePersonal(auth, false);
  return (await toDtos(db, [await visibleCampaignOr404(db, auth.scope, id)]))[0];
}

export async function listCampaigns(db: Db, auth: AuthContext, f: { unit?: string; status?: string; purpose?: string }, page: number, pageSize: number) {
  requirePersonal(auth, false);
  const within = await resolveWithin(db, auth, f.unit);
  let qb = visibleCampaigns(db, auth.scope);
  if (within) qb = qb.where('unit_path', 'like', `${within}%`);
  if (f.status) qb = qb.where('status', '=', f.status);
  if (f.purpose) qb = qb.where('purpose', '=', f.purpose);
  const [{ total }] = await qb.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await qb.selectAll().orderBy('from_date', 'desc').orderBy('id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute();
  return { items: await toDtos(db, rows), total: Number(total), page, pageSize };
}
