/**
 * The api's MikroORM instance (entities defined with `defineEntity`, no decorators) and a Fastify plugin
 * that gives each request its own EntityManager fork: one identity map per request, as in mikro-orm/guide.
 */
import fp from 'fastify-plugin';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { AccountSchema, SessionSchema } from '../modules/identity/entities.js';
import { AdministrativeUnitSchema, AgencySchema, ProcedureSchema } from '../modules/reference/entities.js';

/** Every entity of the api; the schema itself comes from db/migrations.ts, never from the ORM. */
export const apiEntities = [
  AccountSchema,
  SessionSchema,
  AdministrativeUnitSchema,
  AgencySchema,
  ProcedureSchema,
];

/** Opens MikroORM on `databaseUrl`. The caller closes it. */
export async function openOrm(databaseUrl: string): Promise<MikroORM> {
  return MikroORM.init({
    clientUrl: databaseUrl,
    entities: apiEntities,
    discovery: { warnWhenNoEntities: false },
    allowGlobalContext: false,
    debug: false,
    pool: { min: 0, max: 10 },
  });
}

declare module 'fastify' {
  interface FastifyInstance {
    orm: MikroORM;
  }
  interface FastifyRequest {
    /** This request's unit of work. */
    em: EntityManager;
  }
}

/** Registers `app.orm` and `request.em`; closes the ORM with the app. */
export const ormPlugin = fp<{ databaseUrl: string }>(
  async (app, options) => {
    const orm = await openOrm(options.databaseUrl);
    app.decorate('orm', orm);
    app.decorateRequest('em', null as unknown as EntityManager);
    app.addHook('onRequest', async (request) => {
      request.em = orm.em.fork();
    });
    app.addHook('onClose', async () => orm.close(true));
  },
  { name: 'orm' },
);
