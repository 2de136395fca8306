/**
 * Builds the Fastify application: plugins first, then routes, then the web app. Every dependency (database,
 * engine, configuration) is passed in, so tests build the same app against their own database.
 */
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import pg from 'pg';
import type { WorkflowEngine } from '@motcua/engine';
import { SystemClock, type Clock } from '@motcua/engine/client';
import type { Config } from '@motcua/engine/postgres';
import { errorHandler } from './plugins/errors.js';
import { healthRoutes } from './routes/health/index.js';
import { ormPlugin } from './db/orm.js';
import { authPlugin } from './modules/identity/auth.plugin.js';
import { defaultSecurity, type SecurityOptions } from './modules/identity/security.js';
import { identityRoutes } from './modules/identity/index.js';
import { referenceRoutes } from './modules/reference/index.js';
import { catalogueRoutes } from './modules/catalogue/index.js';
import { auditPlugin } from './modules/audit/index.js';
import { dossierRoutes } from './modules/dossiers/index.js';
import { taskRoutes } from './modules/tasks/index.js';
import { trackingRoutes } from './modules/tracking/index.js';
import { analystRoutes } from './modules/analyst/index.js';
import { calendarRoutes } from './modules/calendar/index.js';
import { statisticsRoutes } from './modules/statistics/index.js';
import { dvcqgRoutes } from './modules/dvcqg/index.js';

/** What the application needs from its surroundings. */
export interface AppDependencies {
  config: Config;
  databaseUrl: string;
  engine: WorkflowEngine;
  /** Folder of the built web app (web/dist); not served when absent. */
  webRoot?: string;
  logger?: boolean;
  /** Cookie, session, lockout and rate-limit settings; defaults in modules/identity/security.ts. */
  security?: Partial<SecurityOptions>;
  /** Time source of the dossier modules (a ControlledClock in tests); the system clock by default. */
  clock?: Clock;
}

declare module 'fastify' {
  interface FastifyInstance {
    pg: pg.Pool;
    engine: WorkflowEngine;
    config: Config;
    clock: Clock;
    /** Every route as registered (method, URL, declared access): for the docs and the authorisation test. */
    routeList: { method: string; url: string; access: readonly string[] }[];
  }
}

/** Creates the app; call `listen` (server.ts) or `inject` (tests) on the result. */
export async function buildApp(deps: AppDependencies): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ? { level: deps.config.LOG_LEVEL } : false,
    // Per-IP rate limits use request.ip: trust X-Forwarded-For only from the configured proxies (TRUST_PROXY).
    trustProxy: deps.config.TRUST_PROXY,
    bodyLimit: 1024 * 1024,
    // Fastify's default strips unknown properties silently; commands must reject them (a typo is an error).
    ajv: { customOptions: { removeAdditional: false } },
    // Errors Fastify raises before routing (a malformed URL) leave as problem+json too, in both languages.
    frameworkErrors: (error, request, reply) => errorHandler(error, request, reply),
  }).withTypeProvider<TypeBoxTypeProvider>();

  const pool = new pg.Pool({ connectionString: deps.databaseUrl, max: 10 });
  // A dropped connection fails the request that uses it (503 via the health check); it must not crash the process.
  pool.on('error', (e) => app.log.warn(`database connection lost: ${e.message}`));
  pool.on('connect', (client) => client.on('error', () => {}));
  app.decorate('pg', pool);
  app.decorate('engine', deps.engine);
  app.decorate('config', deps.config);
  app.decorate('clock', deps.clock ?? new SystemClock());
  const routeList: FastifyInstance['routeList'] = [];
  app.decorate('routeList', routeList);
  app.addHook('onRoute', (route) => {
    for (const method of Array.isArray(route.method) ? route.method : [route.method]) {
      routeList.push({ method: String(method), url: route.url, access: route.config?.access ?? [] });
    }
  });
  app.addHook('onClose', async () => pool.end());
  app.setErrorHandler(errorHandler);
  // Before any route: the ORM (request.em) and the access guard, which refuses /api routes without config.access.
  await app.register(ormPlugin, { databaseUrl: deps.databaseUrl });
  await app.register(authPlugin, { security: { ...defaultSecurity, ...deps.security } });
  // Once for the whole app (fastify-plugin wrapped): attachments and analyst deployments both read multipart.
  await app.register(multipart, {
    limits: { fileSize: deps.config.UPLOAD_MAX_BYTES, files: 10, fields: 10 },
  });

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Một Cửa API',
        version: '0.1.0',
        description: 'Dịch vụ công trực tuyến / Online public services',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'motcua_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
      tags: [
        { name: 'system', description: 'Health' },
        { name: 'auth', description: 'Sign-in, sessions, the current account' },
        { name: 'catalogue', description: 'Public procedure catalogue (tra cứu thủ tục hành chính)' },
        { name: 'reference', description: 'Agencies and administrative units, effective-dated' },
        { name: 'admin', description: 'Administration of accounts, agencies and procedures (role admin)' },
        {
          name: 'dossiers',
          description: 'Dossiers (hồ sơ): submission, attachments, supplementation, withdrawal, forms',
        },
        { name: 'tasks', description: "Officers' task lists and decisions" },
        { name: 'tracking', description: "Public dossier look-up and the applicant's own dossiers" },
        { name: 'analyst', description: 'Process models, versions, instance views, incidents' },
        { name: 'audit', description: 'Audit log of state changes' },
        { name: 'statistics', description: 'On-time / late counts and ratings per agency' },
        { name: 'calendar', description: 'Holidays the working calendar counts' },
      ],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  // Before the routes: its onResponse hook records every state change (modules/audit).
  await app.register(auditPlugin);

  await app.register(healthRoutes, { prefix: '/api' });
  await app.register(identityRoutes, { prefix: '/api' });
  await app.register(referenceRoutes, { prefix: '/api' });
  await app.register(catalogueRoutes, { prefix: '/api' });
  await app.register(dossierRoutes, { prefix: '/api' });
  await app.register(taskRoutes, { prefix: '/api' });
  await app.register(trackingRoutes, { prefix: '/api' });
  await app.register(analystRoutes, { prefix: '/api' });
  await app.register(statisticsRoutes, { prefix: '/api' });
  await app.register(calendarRoutes, { prefix: '/api' });
  await app.register(dvcqgRoutes, { prefix: '/api' });

  registerWebApp(app, deps.webRoot);
  return app;
}

/** Serves the built single-page app with a fallback to index.html for client-side routes. */
function registerWebApp(app: FastifyInstance, webRoot: string | undefined): void {
  const index = webRoot ? path.join(webRoot, 'index.html') : undefined;
  if (webRoot && index && fs.existsSync(index)) {
    void app.register(fastifyStatic, { root: webRoot, wildcard: false });
  }
  app.setNotFoundHandler((request, reply) => {
    const wantsPage =
      request.method === 'GET' && !request.url.startsWith('/api') && !request.url.startsWith('/docs');
    if (wantsPage && index && fs.existsSync(index)) {
      return reply.type('text/html').send(fs.createReadStream(index));
    }
    return reply
      .code(404)
      .type('application/problem+json')
      .send({
        type: 'about:blank',
        title: 'Not Found',
        status: 404,
        detail: `No route ${request.method} ${request.url}`,
        message_vi: `Không tìm thấy địa chỉ ${request.method} ${request.url}`,
      });
  });
}
