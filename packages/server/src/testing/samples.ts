import { sql } from 'kysely';
import {
  checkPool, checkResultTime, detectedInFor, turnaroundHours, vnDate,
  type CampaignPurpose, type SampleResult, type TestType,
} from '@pcd/core';
import type { Db, DbOrTrx } from '../db/database.js';
import type { TestSampleRow } from '../db/schema.js';
import type { AuthContext } from '../auth/context.js';
import { withinScope, type Scope } from '../auth/scope.js';
import { recordAudit, type Actor } from '../audit/audit.js';
import { AppError, errors } from '../http/errors.js';
import { nowIso } from '../lib/time.js';
import { requirePersonal } from '../people/service.js';
import { peopleRepo } from '../people/repository.js';
import { registerPersonReference } from '../people/references.js';
import { checkClusterRef, insertCase } from '../cases/service.js';
import { visibleCampaignOr404 } from './campaigns.js';
import type { RegisterCaseInput, ResultInput, SampleDto, SampleInput } from './model.js';

registerPersonReference('test_sample_members', 'person_id');

const sampleNotFound = () => errors.notFound('Mẫu xét nghiệm', 'Sample');

/** A sample is seen through its campaign: whoever runs the campaign sees all of its samples. */
function visibleSamples(db: DbOrTrx, scope: Scope) {
  return db.selectFrom('test_samples').innerJoin('testing_campaigns as c', 'c.id', 'test_samples.campaign_id').where(withinScope(scope, 'c.unit_path'));
}

type Row = TestSampleRow & { campaign_name: string; purpose: string };

async function sampleRows(db: DbOrTrx, scope: Scope, where: (qb: ReturnType<typeof visibleSamples>) => ReturnType<typeof visibleSamples>, limit?: { size: number; offset: number }) {
  let qb = where(visibleSamples(db, scope)).selectAll('test_samples').select(['c.name as campaign_name', 'c.purpose']).orderBy('test_samples.id');
  if (limit) qb = qb.limit(limit.size).offset(limit.offset);
  return (await qb.execute()) as Row[];
}

async function toDtos(db: DbOrTrx, rows: Row[]): Promise<SampleDto[]> {
  const ids = rows.map((r) => r.id);
  const members = ids.length
    ? await db.selectFrom('test_sample_members as m').innerJoin('people as p', 'p.id', 'm.person_id')
      .select(['m.sample_id', 'm.person_id', 'p.full_name', 'p.birth_year', 'p.unit_code']).where('m.sample_id', 'in', ids).orderBy('m.id').execute()
    : [];
  return rows.map((r) => ({
    id: r.id, campaignId: r.campaign_id, campaignName: r.campaign_name, unitCode: r.unit_code, type: r.test_type as TestType, pooled: r.pooled === 1,
    poolSize: r.pool_size, parentSampleId: r.parent_sample_id, collector: r.collector, lab: r.lab, collectedAt: r.collected_at, collectedDate: r.collected_date,
    result: r.result as SampleResult, resultAt: r.result_at, turnaroundHours: turnaroundHours(r.collected_at, r.result_at), caseId: r.case_id,
    members: members.filter((m) => m.sample_id === r.id).map((m) => ({ personId: m.person_id, fullName: m.full_name, birthYear: m.birth_year, unitCode: m.unit_code })),
    version: r.version, createdAt: r.created_at,
  }));
}

async function visibleSampleOr404(db: DbOrTrx, scope: Scope, id: number): Promise<Row> {
  const [r] = await sampleRows(db, scope, (qb) => qb.where('test_samples.id', '=', id));
  if (!r) throw sampleNotFound();
  return r;
}

/**
 * The deepest unit holding every member, so a pool of one village counts for that village; people
 * from different provinces share no unit, and their sample stays with the campaign's unit.
 */
async function commonUnit(db: DbOrTrx, paths: string[], fallback: { code: string; path: string }): Promise<{ code: string; path: string }> {
  let prefix = paths[0];
  for (const p of paths.slice(1)) while (prefix && !p.startsWith(prefix)) prefix = prefix.slice(0, prefix.slice(0, -1).lastIndexOf('/') + 1);
  return (await db.selectFrom('units').select(['code', 'path']).where('path', '=', prefix).executeTakeFirst()) ?? fallback;
}

export async function createSample(db: Db, auth: AuthContext, actor: Actor, input: SampleInput): Promise<SampleDto> {
  requirePersonal(auth, true);
  const isPool = input.pooled !== undefined;
  if (isPool === (input.personId !== undefined)) {
    throw errors.invalid('personId', 'Chọn một người (mẫu đơn) hoặc danh sách người (mẫu gộp), không cả hai.', 'Give personId for a single sample or pooled for a pool, not both.');
  }
  const personIds = isPool ? input.pooled! : [input.personId!];
  if (new Set(personIds).size !== personIds.length) throw errors.invalid('pooled', 'Một người xuất hiện hai lần trong cùng mẫu gộp.', 'A person appears twice in the pool.');
  const collected = new Date(input.collectedAt);
  if (Number.isNaN(collected.getTime()) || collected.getTime() > Date.now() + 5 * 60_000) {
    throw errors.invalid('collectedAt', 'Thời điểm lấy mẫu không hợp lệ hoặc ở tương lai.', 'The collection time is invalid or in the future.');
  }
  const collectedDate = vnDate(collected);
  return db.transaction().execute(async (trx) => {
    const campaign = await visibleCampaignOr404(trx, auth.scope, input.campaignId).catch(() => {
      throw errors.invalid('campaignId', 'Đợt xét nghiệm không tồn tại hoặc nằm ngoài phạm vi quản lý của bạn.', 'Unknown campaign or outside your jurisdiction.');
    });
    if (campaign.status === 'closed') throw errors.invalid('campaignId', 'Đợt xét nghiệm đã kết thúc.', 'The campaign is closed.');
    if (collectedDate < campaign.from_date || (campaign.to_date && collectedDate > campaign.to_date)) {
      throw errors.invalid('collectedAt', 'Ngày lấy mẫu nằm ngoài thời gian của đợt xét nghiệm.', 'The collection date is outside the campaign.');
    }
    if (isPool) {
      const problems = checkPool(input.type, personIds.length, campaign.pool_size);
      if (problems.length) throw errors.problems(problems);
    }
    const people = [];
    for (const id of personIds) {
      const p = await peopleRepo.findVisible(trx, auth.scope, id);
      if (!p) throw errors.invalid(isPool ? 'pooled' : 'personId', `Người mã ${id} không có trong danh sách dân cư thuộc phạm vi quản lý của bạn.`, 'Unknown person or outside your jurisdiction.');
      people.push(p);
    }
    const unit = await commonUnit(trx, people.map((p) => p.unit_path), { code: campaign.unit_code, path: campaign.unit_path });
    const now = nowIso();
    const row = await trx.insertInto('test_samples').values({
      campaign_id: campaign.id, unit_code: unit.code, unit_path: unit.path, test_type: input.type, pooled: isPool ? 1 : 0, pool_size: personIds.length,
      parent_sample_id: null, collector: input.collector ?? null, lab: input.lab ?? null, collected_at: collected.toISOString(), collected_date: collectedDate,
      result: 'pending', result_at: null, case_id: null, recorded_by: auth.user.id, version: 1, created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    await trx.insertInto('test_sample_members').values(personIds.map((p) => ({ sample_id: row.id, person_id: p }))).execute();
    await recordAudit(trx, actor, {
      action: 'create', entity: 'test_sample', entityId: row.id, unitCode: unit.code, unitPath: unit.path,
      changes: { campaignId: [null, campaign.id], type: [null, input.type], pooled: [null, isPool], personIds: [null, personIds] },
    });
    return (await toDtos(trx, [await visibleSampleOr404(trx, auth.scope, row.id)]))[0];
  });
}

/**
 * Enters a result. A positive pool opens, in the same transaction, one pending single RT-PCR sample
 * per member, so no member of a positive pool is left untested.
 */
export async function recordResult(db: Db, auth: AuthContext, actor: Actor, id: number, input: ResultInput, now = new Date()) {
  requirePersonal(auth, true);
  return db.transaction().execute(async (trx) => {
    const s = await visibleSampleOr404(trx, auth.scope, id);
    if (input.version !== undefined && input.version !== s.version) throw errors.staleVersion();
    if (s.result !== 'pending') {
      throw new AppError(409, 'RESULT_RECORDED', 'Mẫu này đã có kết quả; mẫu không đạt hoặc cần làm lại thì lấy mẫu mới.', 'This sample already has a result.', 'result');
    }
    const collectedAt = input.collectedAt ? new Date(input.collectedAt).toISOString() : s.collected_at;
    const resultAt = input.resultAt ? new Date(input.resultAt).toISOString() : now.toISOString();
    const problems = checkResultTime(collectedAt, resultAt, now);
    if (input.collectedAt && Date.parse(collectedAt) > now.getTime()) problems.unshift({ field: 'collectedAt', message: 'Thời điểm lấy mẫu ở tương lai.', messageEn: 'The collection time is in the future.' });
    if (problems.length) throw errors.problems(problems);
    const stamp = nowIso();
    const r = await trx.updateTable('test_samples').set({
      result: input.result, result_at: resultAt, collected_at: collectedAt, collected_date: vnDate(new Date(collectedAt)), version: sql`version + 1`, updated_at: stamp,
    }).where('id', '=', id).where('version', '=', s.version).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw errors.staleVersion();

    const followUpIds: number[] = [];
    if (s.pooled === 1 && input.result === 'positive') {
      const members = await trx.selectFrom('test_sample_members as m').innerJoin('people as p', 'p.id', 'm.person_id')
        .select(['m.person_id', 'p.unit_code', 'p.unit_path']).where('m.sample_id', '=', id).orderBy('m.id').execute();
      for (const m of members) {
        const f = await trx.insertInto('test_samples').values({
          campaign_id: s.campaign_id, unit_code: m.unit_code, unit_path: m.unit_path, test_type: 'rt_pcr', pooled: 0, pool_size: 1, parent_sample_id: id,
          collector: s.collector, lab: s.lab, collected_at: resultAt, collected_date: vnDate(new Date(resultAt)), result: 'pending', result_at: null,
          case_id: null, recorded_by: auth.user.id, version: 1, created_at: stamp, updated_at: stamp,
        }).returning('id').executeTakeFirstOrThrow();
        await trx.insertInto('test_sample_members').values({ sample_id: f.id, person_id: m.person_id }).execute();
        followUpIds.push(f.id);
      }
    }
    await recordAudit(trx, actor, {
      action: 'test_result', entity: 'test_sample', entityId: id, unitCode: s.unit_code, unitPath: s.unit_path,
      changes: { result: [s.result, input.result], resultAt: [null, resultAt], ...(followUpIds.length ? { followUpIds: [null, followUpIds] } : {}) },
    });
    const sample = (await toDtos(trx, [await visibleSampleOr404(trx, auth.scope, id)]))[0];
    const followUps = followUpIds.length ? await toDtos(trx, await sampleRows(trx, auth.scope, (qb) => qb.where('test_samples.id', 'in', followUpIds))) : [];
    return { sample, followUps };
  });
}

/**
 * Registers the F0 a positive single sample found, through the cases module's own insert (its date,
 * severity, care-place and duplicate-episode rules apply), and links the case to the sample.
 */
export async function registerCaseFromSample(db: Db, auth: AuthContext, actor: Actor, id: number, input: RegisterCaseInput) {
  requirePersonal(auth, true);
  return db.transaction().execute(async (trx) => {
    const s = await visibleSampleOr404(trx, auth.scope, id);
    if (s.pooled === 1) throw errors.invalid('sampleId', 'Mẫu gộp dương tính chưa xác định ai nhiễm: hãy nhập kết quả các mẫu đơn xét nghiệm lại.', 'A pool does not name the infected person; test its members singly.');
    if (s.result !== 'positive' || !s.result_at) throw errors.invalid('sampleId', 'Chỉ ghi nhận F0 từ mẫu đơn có kết quả dương tính.', 'Only a positive single sample registers an F0.');
    if (s.case_id) throw Object.assign(new AppError(409, 'CASE_REGISTERED', 'Ca F0 từ mẫu này đã được ghi nhận.', 'The case of this sample is already registered.', 'sampleId'), { existingId: s.case_id });
    const member = await trx.selectFrom('test_sample_members').select('person_id').where('sample_id', '=', id).executeTakeFirstOrThrow();
    const person = await peopleRepo.findVisible(trx, auth.scope, member.person_id);
    if (!person) throw errors.invalid('sampleId', 'Người được xét nghiệm nằm ngoài phạm vi quản lý của bạn.', 'The tested person is outside your jurisdiction.');
    const unit = { code: person.unit_code, path: person.unit_path };
    await checkClusterRef(trx, auth, input.clusterId);
    const caseId = await insertCase(trx, auth, actor, {
      person, unit, sourceCaseId: null, fromContactId: null, clusterId: input.clusterId ?? null,
      clinical: { ...input, testType: s.test_type as TestType, testDate: vnDate(new Date(s.result_at)), lab: s.lab, detectedIn: detectedInFor(s.purpose as CampaignPurpose) },
    });
    const r = await trx.updateTable('test_samples').set({ case_id: caseId, version: sql`version + 1`, updated_at: nowIso() })
      .where('id', '=', id).where('case_id', 'is', null).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw errors.staleVersion();
    await recordAudit(trx, actor, { action: 'update', entity: 'test_sample', entityId: id, unitCode: s.unit_code, unitPath: s.unit_path, changes: { caseId: [null, caseId] } });
    return { caseId, sample: (await toDtos(trx, [await visibleSampleOr404(trx, auth.scope, id)]))[0] };
  });
}

export async function listSamples(db: Db, auth: AuthContext, actor: Actor, f: { campaign?: number; result?: string }, page: number, pageSize: number) {
  requirePersonal(auth, false);
  if (f.campaign) await visibleCampaignOr404(db, auth.scope, f.campaign);
  const where = (qb: ReturnType<typeof visibleSamples>) => {
    let q = qb;
    if (f.campaign) q = q.where('test_samples.campaign_id', '=', f.campaign);
    if (f.result) q = q.where('test_samples.result', '=', f.result);
    return q;
  };
  const [{ total }] = await where(visibleSamples(db, auth.scope)).select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await sampleRows(db, auth.scope, where, { size: pageSize, offset: (page - 1) * pageSize });
  const items = await toDtos(db, rows);
  await recordAudit(db, actor, {
    action: 'read', entity: 'test_sample', unitCode: auth.user.unitCode, changes: { query: { ...f }, ids: rows.map((r) => r.id) },
  });
  return { items, total: Number(total), page, pageSize };
}
