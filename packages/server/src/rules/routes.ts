import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf, requireAuth } from '../auth/context.js';
import { errorSchema } from '../lib/paging.js';
import { ruleKeyParam, ruleSettingDeleteQuery, ruleSettingInput, ruleSettingsQuery, ruleSettingsSchema } from './model.js';
import { deleteRuleSetting, putRuleSetting, ruleSettingsView } from './service.js';

const errs = { 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

export async function rulesRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Quy định chuyên môn'];
  const db = () => app.deps.db;

  r.get('/rule-settings', {
    schema: {
      tags, summary: 'Quy định chuyên môn áp dụng cho một đơn vị (điều trị tại nhà, theo dõi F0, F1/F2, cách ly): giá trị đang áp dụng, đơn vị đặt ra và mặc định của Bộ Y tế',
      querystring: ruleSettingsQuery, response: { 200: ruleSettingsSchema, ...errs },
    },
  }, async (req) => ruleSettingsView(db(), requireAuth(req), req.query.unit));

  r.put('/rule-settings/:key', {
    schema: {
      tags, summary: 'Tỉnh hoặc huyện đặt giá trị riêng cho một bộ quy định (chỉ các giá trị thay đổi; cần version khi đã có)',
      params: ruleKeyParam, body: ruleSettingInput, response: { 200: ruleSettingsSchema, ...errs },
    },
  }, async (req) => putRuleSetting(db(), requireAuth(req), actorOf(req), req.params.key, req.body));

  r.delete('/rule-settings/:key', {
    schema: {
      tags, summary: 'Bỏ giá trị riêng của tỉnh/huyện, trở về quy định của cấp trên hoặc mặc định',
      params: ruleKeyParam, querystring: ruleSettingDeleteQuery, response: { 200: ruleSettingsSchema, ...errs },
    },
  }, async (req) => deleteRuleSetting(db(), requireAuth(req), actorOf(req), req.params.key, req.query));
}
