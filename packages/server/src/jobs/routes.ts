import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAuth } from '../auth/context.js';
import { errors } from '../http/errors.js';
import { getJob } from '../lib/jobs.js';
import { errorSchema } from '../lib/paging.js';

export async function jobsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/jobs/:id', {
    schema: {
      tags: ['Tác vụ nền'], summary: 'Tiến độ một tác vụ nền (nhập tệp lớn…) của chính người gọi', params: z.object({ id: z.string().max(40) }),
      response: {
        200: z.object({ id: z.string(), kind: z.string(), status: z.enum(['running', 'done', 'failed']), total: z.number(), processed: z.number(), result: z.unknown(),
          errors: z.array(z.object({ row: z.number(), field: z.string(), message: z.string() })), createdAt: z.string(), finishedAt: z.string().nullable() }),
        404: errorSchema,
      },
    },
  }, async (req) => {
    const job = await getJob(app.deps.db, requireAuth(req).user.id, req.params.id);
    if (!job) throw errors.notFound('Tác vụ', 'Job');
    return job;
  });
}
