import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CAMPAIGN_PURPOSES, CAMPAIGN_PURPOSE_LABELS, CAMPAIGN_STATUSES, SAMPLE_RESULTS, formatDate } from '@pcd/core';
import { actorOf, requireAuth } from '../auth/context.js';
import { errorSchema, pageSchema, pagingQuery } from '../lib/paging.js';
import { sendXlsx } from '../lib/spreadsheet.js';
import {
  campaignInput, campaignPatch, campaignSchema, firmReportInput, firmReportSchema, registerCaseInput, registeredCaseSchema, resultInput,
  resultOutcomeSchema, sampleInput, sampleSchema, testingStatsSchema,
} from './model.js';
import { createCampaign, getCampaign, listCampaigns, updateCampaign } from './campaigns.js';
import { createSample, listSamples, recordResult, registerCaseFromSample } from './samples.js';
import { createFirmReport, listFirmReports } from './firm-reports.js';
import { testingStats } from './stats.js';
import { isoDate } from '../lib/iso-date.js';

const idParam = z.object({ id: z.coerce.number().int().min(1) });
const statsQuery = z.object({ unit: z.string().max(32).optional(), from: isoDate.optional(), to: isoDate.optional() });
const errs = { 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const pct = (v: number | null) => (v === null ? '' : v);

export async function testingRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Xét nghiệm'];
  const db = () => app.deps.db;

  r.post('/testing/campaigns', {
    schema: { tags, summary: 'Tạo đợt xét nghiệm (sàng lọc, vùng phong tỏa, người tiếp xúc, người có triệu chứng)', body: campaignInput, response: { 201: campaignSchema, ...errs } },
  }, async (req, reply) => reply.status(201).send(await createCampaign(db(), requireAuth(req), actorOf(req), req.body)));

  r.get('/testing/campaigns', {
    schema: {
      tags, summary: 'Danh sách đợt xét nghiệm kèm độ bao phủ mục tiêu',
      querystring: z.object({ unit: z.string().max(32).optional(), status: z.enum(CAMPAIGN_STATUSES).optional(), purpose: z.enum(CAMPAIGN_PURPOSES).optional() }).extend(pagingQuery),
      response: { 200: pageSchema(campaignSchema), ...errs },
    },
  }, async (req) => listCampaigns(db(), requireAuth(req), req.query, req.query.page, req.query.pageSize));

  r.get('/testing/campaigns/:id', {
    schema: { tags, summary: 'Chi tiết đợt xét nghiệm', params: idParam, response: { 200: campaignSchema, ...errs } },
  }, async (req) => getCampaign(db(), requireAuth(req), req.params.id));

  r.patch('/testing/campaigns/:id', {
    schema: { tags, summary: 'Cập nhật đợt xét nghiệm (ngày, mục tiêu, số mẫu gộp, trạng thái)', params: idParam, body: campaignPatch, response: { 200: campaignSchema, ...errs } },
  }, async (req) => updateCampaign(db(), requireAuth(req), actorOf(req), req.params.id, req.body));

  r.post('/testing/samples', {
    schema: { tags, summary: 'Ghi nhận lấy mẫu: mẫu đơn (personId) hoặc mẫu gộp (pooled)', body: sampleInput, response: { 201: sampleSchema, ...errs } },
  }, async (req, reply) => reply.status(201).send(await createSample(db(), requireAuth(req), actorOf(req), req.body)));

  r.get('/testing/samples', {
    schema: {
      tags, summary: 'Danh sách mẫu xét nghiệm theo đợt và kết quả',
      querystring: z.object({ campaign: z.coerce.number().int().min(1).optional(), result: z.enum(SAMPLE_RESULTS).optional() }).extend(pagingQuery),
      response: { 200: pageSchema(sampleSchema), ...errs },
    },
  }, async (req) => listSamples(db(), requireAuth(req), actorOf(req), req.query, req.query.page, req.query.pageSize));

  r.post('/testing/samples/:id/result', {
    schema: {
      tags, summary: 'Nhập kết quả xét nghiệm; mẫu gộp dương tính tự mở xét nghiệm mẫu đơn cho từng người', params: idParam, body: resultInput,
      response: { 200: resultOutcomeSchema, ...errs },
    },
  }, async (req) => recordResult(db(), requireAuth(req), actorOf(req), req.params.id, req.body));

  r.post('/testing/samples/:id/register-case', {
    schema: {
      tags, summary: 'Ghi nhận ca F0 từ mẫu đơn dương tính (liên kết kết quả xét nghiệm)', params: idParam, body: registerCaseInput,
      response: { 201: registeredCaseSchema, ...errs },
    },
  }, async (req, reply) => reply.status(201).send(await registerCaseFromSample(db(), requireAuth(req), actorOf(req), req.params.id, req.body)));

  r.post('/testing/firm-reports', {
    schema: { tags, summary: 'Ghi nhận báo cáo doanh nghiệp tự xét nghiệm cho người lao động', body: firmReportInput, response: { 201: firmReportSchema, ...errs } },
  }, async (req, reply) => reply.status(201).send(await createFirmReport(db(), requireAuth(req), actorOf(req), req.body)));

  r.get('/testing/firm-reports', {
    schema: { tags, summary: 'Danh sách báo cáo doanh nghiệp tự xét nghiệm', querystring: statsQuery.extend(pagingQuery), response: { 200: pageSchema(firmReportSchema), ...errs } },
  }, async (req) => listFirmReports(db(), requireAuth(req), req.query, req.query.page, req.query.pageSize));

  r.get('/stats/testing', {
    schema: {
      tags, summary: 'Số liệu xét nghiệm theo ngày và đơn vị trực thuộc: số mẫu, số người, dương tính, tỷ lệ, thời gian trả kết quả; độ bao phủ từng đợt (chỉ số liệu)',
      querystring: statsQuery, response: { 200: testingStatsSchema, ...errs },
    },
  }, async (req) => testingStats(db(), requireAuth(req), req.query));

  r.get('/stats/testing/export.xlsx', { schema: { tags, summary: 'Xuất số liệu xét nghiệm theo đơn vị, theo ngày và theo đợt ra Excel', querystring: statsQuery } }, async (req, reply) => {
    const s = await testingStats(db(), requireAuth(req), req.query);
    type Line = { group: string; name: string; samples?: number; positivePools?: number; peopleTested?: number; positives?: number; rate?: number | null; hours?: number | null; target?: number | null; share?: number | null };
    const lines: Line[] = [
      ...s.rows.map((x) => ({ group: 'Đơn vị', name: x.unitName, samples: x.samples, positivePools: x.positivePools, peopleTested: x.peopleTested, positives: x.positives, rate: x.positivityRate, hours: x.medianTurnaroundHours })),
      { group: 'Tổng', name: s.unitName, samples: s.totals.samples, positivePools: s.totals.positivePools, peopleTested: s.totals.peopleTested, positives: s.totals.positives, rate: s.totals.positivityRate, hours: s.totals.medianTurnaroundHours },
      ...s.days.map((x) => ({ group: 'Ngày', name: formatDate(x.date), samples: x.samples, positivePools: x.positivePools, peopleTested: x.peopleTested, positives: x.positives, rate: x.positivityRate, hours: x.medianTurnaroundHours })),
      ...s.campaigns.map((c) => ({ group: `Đợt: ${CAMPAIGN_PURPOSE_LABELS[c.purpose]}`, name: c.name, peopleTested: c.tested, target: c.target, share: c.sharePct })),
    ];
    return sendXlsx(reply, 'xet-nghiem.xlsx', 'Xét nghiệm', [
      { header: 'Nhóm', value: (x) => x.group, width: 28 },
      { header: 'Đơn vị / ngày / đợt', value: (x) => x.name, width: 32 },
      { header: 'Số mẫu', value: (x) => x.samples, width: 10 },
      { header: 'Mẫu gộp dương tính', value: (x) => x.positivePools, width: 12 },
      { header: 'Số người được xét nghiệm', value: (x) => x.peopleTested, width: 14 },
      { header: 'Số người dương tính', value: (x) => x.positives, width: 12 },
      { header: 'Tỷ lệ dương tính (%)', value: (x) => pct(x.rate ?? null), width: 12 },
      { header: 'Trung vị thời gian trả kết quả (giờ)', value: (x) => pct(x.hours ?? null), width: 16 },
      { header: 'Mục tiêu (người)', value: (x) => x.target, width: 12 },
      { header: 'Độ bao phủ mục tiêu (%)', value: (x) => pct(x.share ?? null), width: 14 },
    ], lines);
  });
}
