import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CLUSTER_SETTINGS, CLUSTER_SETTING_LABELS, formatDate } from '@pcd/core';
import { actorOf, requireAuth } from '../auth/context.js';
import { errorSchema, pageSchema, pagingQuery } from '../lib/paging.js';
import { sendXlsx } from '../lib/spreadsheet.js';
import { chainQuery, chainSchema, clusterInput, clusterPatch, clusterSchema } from './model.js';
import { createCluster, getCluster, iterateClusters, listClusters, resolveClusterWithin, updateCluster } from './clusters.js';
import { chain } from './graph.js';
import { isoDate } from '../lib/iso-date.js';

const idParam = z.object({ id: z.coerce.number().int().min(1) });
const clusterQuery = z.object({
  unit: z.string().max(32).optional(),
  setting: z.enum(CLUSTER_SETTINGS).optional(),
  q: z.string().max(100).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

export async function chainsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Ổ dịch, chuỗi lây nhiễm'];
  const db = () => app.deps.db;

  r.get('/clusters', {
    schema: { tags, summary: 'Danh sách ổ dịch với số F0, F1, F2 (không có dữ liệu cá nhân)', querystring: clusterQuery.extend(pagingQuery), response: { 200: pageSchema(clusterSchema), 404: errorSchema } },
  }, async (req) => {
    const { page, pageSize, sort: _sort, ...f } = req.query;
    return listClusters(db(), requireAuth(req), f, page, pageSize);
  });

  r.get('/clusters/export.xlsx', { schema: { tags, summary: 'Xuất danh sách ổ dịch ra Excel', querystring: clusterQuery } }, async (req, reply) => {
    const auth = requireAuth(req);
    const filter = { ...req.query, within: await resolveClusterWithin(db(), auth, req.query.unit) };
    return sendXlsx(reply, 'o-dich.xlsx', 'Ổ dịch', [
      { header: 'Mã', value: (c) => c.id, width: 8 },
      { header: 'Tên ổ dịch', value: (c) => c.name, width: 30 },
      { header: 'Loại', value: (c) => CLUSTER_SETTING_LABELS[c.setting], width: 20 },
      { header: 'Đơn vị', value: (c) => c.unitName, width: 20 },
      { header: 'Ca đầu tiên', value: (c) => formatDate(c.firstDate), width: 12 },
      { header: 'Số F0', value: (c) => c.counts.cases, width: 8 },
      { header: 'F0 đang điều trị', value: (c) => c.counts.activeCases, width: 10 },
      { header: 'Tử vong', value: (c) => c.counts.deaths, width: 8 },
      { header: 'F1', value: (c) => c.counts.f1, width: 8 },
      { header: 'F2', value: (c) => c.counts.f2, width: 8 },
      { header: 'Ghi chú', value: (c) => c.note ?? '', width: 30 },
    ], iterateClusters(db(), auth, filter));
  });

  r.post('/clusters', {
    schema: { tags, summary: 'Lập ổ dịch (ví dụ “chợ Liên Hương”)', body: clusterInput, response: { 201: clusterSchema, 400: errorSchema, 403: errorSchema } },
  }, async (req, reply) => reply.status(201).send(await createCluster(db(), requireAuth(req), actorOf(req), req.body)));

  r.get('/clusters/:id', {
    schema: { tags, summary: 'Một ổ dịch với số F0, F1, F2', params: idParam, response: { 200: clusterSchema, 404: errorSchema } },
  }, async (req) => getCluster(db(), requireAuth(req), req.params.id));

  r.patch('/clusters/:id', {
    schema: { tags, summary: 'Sửa ổ dịch; cần version', params: idParam, body: clusterPatch, response: { 200: clusterSchema, 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema } },
  }, async (req) => updateCluster(db(), requireAuth(req), actorOf(req), req.params.id, req.body));

  r.get('/chains/:ref', {
    schema: {
      tags, summary: 'Chuỗi lây nhiễm của một ổ dịch (<mã ổ dịch>) hoặc một ca bệnh (case-<mã ca>): nút, cạnh, số lượng; lấy dần bằng offset/limit',
      params: z.object({ ref: z.string().max(40) }), querystring: chainQuery, response: { 200: chainSchema, 404: errorSchema },
    },
  }, async (req) => chain(db(), requireAuth(req), actorOf(req), req.params.ref, req.query));
}
