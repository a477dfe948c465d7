import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../config.js';
import type { Db, Engine } from '../db/database.js';
import { registerAuthHooks } from '../auth/hooks.js';
import { authRoutes } from '../auth/routes.js';
import { unitsRoutes } from '../units/routes.js';
import { usersRoutes } from '../users/routes.js';
import { auditRoutes } from '../audit/routes.js';
import { peopleRoutes } from '../people/routes.js';
import { jobsRoutes } from '../jobs/routes.js';
import { arrivalsRoutes } from '../arrivals/routes.js';
import { checkpointsRoutes } from '../checkpoints/routes.js';
import { sweepsRoutes } from '../sweeps/routes.js';
import { casesRoutes } from '../cases/routes.js';
import { contactsRoutes } from '../contacts/routes.js';
import { chainsRoutes } from '../chains/routes.js';
import { careRoutes } from '../care/routes.js';
import { quarantineRoutes } from '../quarantine/routes.js';
import { lockdownRoutes } from '../lockdown/routes.js';
import { orphansRoutes } from '../orphans/routes.js';
import { vaccinationRoutes } from '../vaccination/routes.js';
import { vaccinationImportRoutes } from '../vaccination/import-routes.js';
import { vaccinationFieldRoutes } from '../vaccination/field-routes.js';
import { testingRoutes } from '../testing/routes.js';
import { rulesRoutes } from '../rules/routes.js';
import { installValidationMessages } from './validation-messages.js';
import { registerErrorHandler } from './errors.js';
import { VERSION } from '../version.js';

// Validation messages are in Vietnamese; the error handler adds the English one.
installValidationMessages();

export interface AppDeps {
  db: Db;
  engine: Engine;
  config: Config;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
    /** Every route registered, so tests can prove each one keeps to the caller's jurisdiction. */
    routeTable: { method: string; url: string; public: boolean }[];
  }
}

/** Every capability registers here, under /api/v1; the order does not matter. */
export const MODULES = [authRoutes, unitsRoutes, usersRoutes, auditRoutes, jobsRoutes, peopleRoutes, sweepsRoutes, arrivalsRoutes, checkpointsRoutes, casesRoutes, contactsRoutes, chainsRoutes, careRoutes, quarantineRoutes, lockdownRoutes, orphansRoutes, vaccinationRoutes, vaccinationImportRoutes, vaccinationFieldRoutes, testingRoutes, rulesRoutes];

const STATIC_FILE = /\.(?:html?|m?js|css|map|json|svg|png|jpe?g|gif|webp|ico|txt|xml|webmanifest|woff2?|ttf|wasm)$/i;

export async function buildApp(deps: AppDeps, opts: { logger?: boolean | 'info' | 'warn' | 'error' } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ? { level: opts.logger === true ? 'info' : opts.logger } : false,
    trustProxy: process.env.PCD_TRUST_PROXY === '1',
    bodyLimit: 5 * 1024 * 1024,
  });
  app.decorate('deps', deps);
  const routeTable: FastifyInstance['routeTable'] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) {
      if (method !== 'HEAD') routeTable.push({ method, url: r.url, public: Boolean(r.config?.public) });
    }
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1, fields: 10 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'PCD API', description: 'API của hệ thống thông tin Trung tâm Chỉ huy phòng, chống dịch', version: VERSION },
      components: {
        securitySchemes: {
          cookie: { type: 'apiKey', in: 'cookie', name: 'pcd_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ cookie: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
  registerAuthHooks(app);

  await app.register(async (api) => {
    const r = api.withTypeProvider<ZodTypeProvider>();
    r.get('/health', {
      config: { public: true },
      schema: { tags: ['Hệ thống'], summary: 'Tình trạng máy chủ', response: { 200: z.object({ status: z.literal('ok'), db: z.enum(['sqlite', 'postgres']), version: z.string() }) } },
    }, async () => {
      await deps.db.selectFrom('units').select('code').limit(1).execute();
      return { status: 'ok' as const, db: deps.engine, version: VERSION };
    });
    api.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
    for (const m of MODULES) await api.register(m);
  }, { prefix: '/api/v1' });

  const web = deps.config.webDist;
  if (web && fs.existsSync(path.join(web, 'index.html'))) {
    await app.register(fastifyStatic, { root: web, prefix: '/', wildcard: false, index: ['index.html'] });
    // Client-side routes (/units/…) are served the app shell; unknown /api paths stay JSON 404s.
    app.setNotFoundHandler((req, reply) => {
      // Only app routes get the shell: a missing asset (an old bundle after a rebuild) must be a 404, not HTML.
      const pathname = req.url.split('?')[0];
      // Village codes carry a dot (/units/03365.01), so only a web file's extension marks a missing file.
      if (req.method === 'GET' && !pathname.startsWith('/api/') && !pathname.startsWith('/assets/') && !STATIC_FILE.test(pathname)) {
        return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
      }
      return reply.status(404).send({ error: { code: 'NOT_FOUND', message: 'Không tìm thấy đường dẫn.', messageEn: 'Route not found.' } });
    });
  } else {
    app.setNotFoundHandler((_req, reply) => reply.status(404).send({ error: { code: 'NOT_FOUND', message: 'Không tìm thấy đường dẫn.', messageEn: 'Route not found.' } }));
  }
  return app;
}
