import { median, positivityRate, turnaroundHours, type CampaignPurpose, type CampaignStatus } from '@pcd/core';
import type { Db } from '../db/database.js';
import type { AuthContext } from '../auth/context.js';
import { withinScope } from '../auth/scope.js';
import { errors } from '../http/errors.js';
import { unitsRepo } from '../units/repository.js';
import { coverageOf, tallies, visibleCampaigns } from './campaigns.js';
import type { Figures, TestingStatsDto } from './model.js';

interface SampleFact { id: number; path: string; date: string; pooled: boolean; result: string; hours: number | null }
interface MemberFact { sampleId: number; personId: number; personPath: string; date: string; positive: boolean }

/**
 * Samples and turnaround count where the sample belongs; people tested and positives count where the
 * people live. A positive person is one with a positive single sample: a positive pool names nobody.
 */
function figures(samples: SampleFact[], members: MemberFact[]): Figures {
  const tested = new Set(members.map((m) => m.personId));
  const positives = new Set(members.filter((m) => m.positive).map((m) => m.personId));
  const hours = samples.map((s) => s.hours).filter((h): h is number => h !== null);
  return {
    samples: samples.length, positivePools: samples.filter((s) => s.pooled && s.result === 'positive').length, peopleTested: tested.size,
    positives: positives.size, positivityRate: positivityRate(positives.size, tested.size), medianTurnaroundHours: median(hours),
  };
}

/** Testing per day and per unit directly under the chosen one, with campaign coverage: figures only, so observers may read them. */
export async function testingStats(db: Db, auth: AuthContext, q: { unit?: string; from?: string; to?: string }): Promise<TestingStatsDto> {
  if (q.from && q.to && q.from > q.to) throw errors.invalid('from', 'Từ ngày phải trước đến ngày.', '`from` must not be after `to`.');
  const code = q.unit ?? auth.user.unitCode;
  const unit = code ? await unitsRepo.findVisible(db, auth.scope, code) : undefined;
  if (code && !unit) throw errors.notFound('Đơn vị hành chính', 'Administrative unit');
  let children = await db.selectFrom('units').select(['code', 'name', 'path']).where(withinScope(auth.scope, 'units.path'))
    .where((eb) => (unit ? eb('parent_code', '=', unit.code) : eb('parent_code', 'is', null))).orderBy('code').execute();
  if (unit && children.length === 0) children = [{ code: unit.code, name: unit.name, path: unit.path }];

  let sq = db.selectFrom('test_samples').where(withinScope(auth.scope, 'test_samples.unit_path'));
  if (unit) sq = sq.where('test_samples.unit_path', 'like', `${unit.path}%`);
  if (q.from) sq = sq.where('test_samples.collected_date', '>=', q.from);
  if (q.to) sq = sq.where('test_samples.collected_date', '<=', q.to);
  const [sRows, mRows] = await Promise.all([
    sq.select(['test_samples.id', 'unit_path', 'collected_date', 'collected_at', 'pooled', 'result', 'result_at']).execute(),
    sq.innerJoin('test_sample_members as m', 'm.sample_id', 'test_samples.id').innerJoin('people as p', 'p.id', 'm.person_id')
      .select(['test_samples.id', 'm.person_id', 'p.unit_path as person_path', 'collected_date', 'pooled', 'result']).execute(),
  ]);
  const samples: SampleFact[] = sRows.map((s) => ({
    id: s.id, path: s.unit_path, date: s.collected_date, pooled: s.pooled === 1, result: s.result,
    hours: s.result === 'pending' ? null : turnaroundHours(s.collected_at, s.result_at),
  }));
  const members: MemberFact[] = mRows.map((m) => ({
    sampleId: m.id, personId: m.person_id, personPath: m.person_path, date: m.collected_date, positive: m.pooled === 0 && m.result === 'positive',
  }));

  const dates = [...new Set(samples.map((s) => s.date))].sort();
  const days = dates.map((date) => ({ date, ...figures(samples.filter((s) => s.date === date), members.filter((m) => m.date === date)) }));
  const rows = children.map((u) => ({
    unitCode: u.code, unitName: u.name,
    ...figures(samples.filter((s) => s.path.startsWith(u.path)), members.filter((m) => m.personPath.startsWith(u.path))),
  }));

  let cq = visibleCampaigns(db, auth.scope);
  if (unit) cq = cq.where('unit_path', 'like', `${unit.path}%`);
  if (q.from) cq = cq.where((eb) => eb.or([eb('to_date', 'is', null), eb('to_date', '>=', q.from!)]));
  if (q.to) cq = cq.where('from_date', '<=', q.to);
  const campaignRows = await cq.selectAll().orderBy('from_date', 'desc').orderBy('id', 'desc').limit(200).execute();
  const t = await tallies(db, campaignRows.map((c) => c.id));

  let fq = db.selectFrom('firm_test_reports').where(withinScope(auth.scope, 'firm_test_reports.unit_path'));
  if (unit) fq = fq.where('unit_path', 'like', `${unit.path}%`);
  if (q.from) fq = fq.where('report_date', '>=', q.from);
  if (q.to) fq = fq.where('report_date', '<=', q.to);
  const firms = await fq.select((eb) => [eb.fn.countAll().as('n'), eb.fn.sum('workers_tested').as('tested'), eb.fn.sum('positives').as('pos')]).executeTakeFirstOrThrow();

  return {
    unitCode: unit?.code ?? null, unitName: unit?.name ?? 'Toàn quốc', from: q.from ?? null, to: q.to ?? null,
    days, rows, totals: figures(samples, members),
    campaigns: campaignRows.map((c) => ({
      id: c.id, name: c.name, purpose: c.purpose as CampaignPurpose, unitCode: c.unit_code, status: c.status as CampaignStatus, ...coverageOf(c, t.get(c.id)!),
    })),
    firms: { reports: Number(firms.n), workersTested: Number(firms.tested ?? 0), positives: Number(firms.pos ?? 0) },
  };
}
