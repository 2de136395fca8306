/**
 * Builds the Fastify application: plugins first, then routes, then the web app. Every dependency (database,
 * engine, configuration) is passed in, so tests build the same app against their own database.
 */
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import pg from 'pg';
import type { WorkflowEngine } from '@motcua/engine';
import type { Config } from '@motcua/engine/postgres';
import { errorHandler } from './plugins/errors.js';
import { healthRoutes } from './routes/health/index.js';
import { ormPlugin } from './db/orm.js';
import { authPlugin } from './modules/identity/auth.plugin.js';
import { defaultSecurity, type SecurityOptions } from './modules/identity/security.js';
import { identityRoutes } from './modules/identity/index.js';
import { referenceRoutes } from './modules/reference/index.js';
import { catalogueRoutes } from './modules/catalogue/index.js';

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
}

declare module 'fastify' {
  interface FastifyInstance {
    pg: pg.Pool;
    engine: WorkflowEngine;
    config: Config;
  }
}

/** Creates the app; call `listen` (server.ts) or `inject` (tests) on the result. */
export async function buildApp(deps: AppDependencies): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ? { level: deps.config.LOG_LEVEL } : false,
    trustProxy: true,
    bodyLimit: 1024 * 1024,
    // Fastify's default strips unknown properties silently; commands must reject them (a typo is an error).
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const pool = new pg.Pool({ connectionString: deps.databaseUrl, max: 10 });
  app.decorate('pg', pool);
  app.decorate('engine', deps.engine);
  app.decorate('config', deps.config);
  app.addHook('onClose', async () => pool.end());
  app.setErrorHandler(errorHandler);
  // Before any route: the ORM (request.em) and the access guard, which refuses /api routes without config.access.
  await app.register(ormPlugin, { databaseUrl: deps.databaseUrl });
  await app.register(authPlugin, { security: { ...defaultSecurity, ...deps.security } });

  await app.register(swagger, {
    openapi: {
      info: { title: 'Một Cửa API', version: '0.1.0', description: 'Dịch vụ công trực tuyến / Online public services' },
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
      ],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  await app.register(healthRoutes, { prefix: '/api' });
  await app.register(identityRoutes, { prefix: '/api' });
  await app.register(referenceRoutes, { prefix: '/api' });
  await app.register(catalogueRoutes, { prefix: '/api' });

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
    const wantsPage = request.method === 'GET' && !request.url.startsWith('/api') && !request.url.startsWith('/docs');
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
