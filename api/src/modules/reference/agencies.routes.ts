/** Agencies and administrative units: public reads (effective on a date), admin writes. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Type } from 'typebox';
import { ProblemError } from '../../plugins/errors.js';
import { Problem } from '../identity/schemas.js';
import { today } from './effective.js';
import { AdministrativeUnitSchema, AgencySchema } from './entities.js';
import {
  AdminUnitView,
  AgencyCreateBody,
  AgencyUpdateBody,
  AgencyView,
  AtQuery,
  CodeParams,
  IdParams,
} from './schemas.js';
import { agencyView } from './views.js';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };

function effectiveWhere(at: string) {
  return { validFrom: { $lte: at }, $or: [{ validTo: null }, { validTo: { $gt: at } }] };
}

async function assertFreeCode(em: EntityManager, code: string, validFrom: string, selfId?: string) {
  const clash = await em.findOne(AgencySchema, { code, validFrom });
  if (clash && clash.id !== selfId) {
    throw new ProblemError(
      409,
      `Mã định danh ${code} đã có hiệu lực từ ${validFrom}.`,
      `Agency ${code} already starts on ${validFrom}.`,
    );
  }
}

/** GET /agencies, /agencies/:code, /administrative-units; admin POST/PATCH/DELETE /admin/agencies. */
export async function agencyRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/agencies',
    {
      config: { access: ['public'] },
      schema: {
        tags: ['reference'],
        summary: 'Agencies in force on a date (default today)',
        querystring: AtQuery,
        response: { 200: Type.Array(AgencyView) },
      },
    },
    async (request) => {
      const { at = today(), tier, parent } = request.query;
      const rows = await request.em.find(
        AgencySchema,
        { ...effectiveWhere(at), ...(tier ? { tier } : {}), ...(parent ? { parentCode: parent } : {}) },
        { orderBy: { code: 'asc' } },
      );
      return rows.map(agencyView);
    },
  );

  app.get(
    '/agencies/:code',
    {
      config: { access: ['public'] },
      schema: {
        tags: ['reference'],
        summary: 'Every period of one agency, by mã định danh or slug',
        params: CodeParams,
        response: { 200: Type.Array(AgencyView), 404: Problem },
      },
    },
    async (request) => {
      const { code } = request.params;
      const rows = await request.em.find(
        AgencySchema,
        { $or: [{ code }, { slug: code }] },
        { orderBy: { validFrom: 'asc' } },
      );
      if (rows.length === 0)
        throw new ProblemError(404, `Không tìm thấy cơ quan ${code}.`, `No agency ${code}.`);
      return rows.map(agencyView);
    },
  );

  app.get(
    '/administrative-units',
    {
      config: { access: ['public'] },
      schema: {
        tags: ['reference'],
        summary: 'Administrative units in force on a date (2013 districts, 2025 two-tier structure)',
        querystring: AtQuery,
        response: { 200: Type.Array(AdminUnitView) },
      },
    },
    async (request) => {
      const { at = today(), parent } = request.query;
      const rows = await request.em.find(
        AdministrativeUnitSchema,
        { ...effectiveWhere(at), ...(parent ? { parentId: parent } : {}) },
        { orderBy: { tier: 'asc', id: 'asc' } },
      );
      return rows.map((u) => ({
        ...u,
        code: u.code ?? null,
        parentId: u.parentId ?? null,
        validTo: u.validTo ?? null,
        legalBasis: u.legalBasis ?? null,
      }));
    },
  );

  app.post(
    '/admin/agencies',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['admin'],
        summary: 'Create an agency (or a new period of one)',
        body: AgencyCreateBody,
        response: { 201: AgencyView, ...errors },
      },
    },
    async (request, reply) => {
      await assertFreeCode(request.em, request.body.code, request.body.validFrom);
      const agency = request.em.create(AgencySchema, {
        ...request.body,
        shortName: request.body.shortName ?? null,
        parentCode: request.body.parentCode ?? null,
        adminUnitId: request.body.adminUnitId ?? null,
        validTo: request.body.validTo ?? null,
        legalBasis: request.body.legalBasis ?? null,
      });
      await request.em.flush();
      return reply.code(201).send(agencyView(agency));
    },
  );

  app.patch(
    '/admin/agencies/:id',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['admin'],
        summary: 'Change an agency period (e.g. set validTo when it is merged)',
        params: IdParams,
        body: AgencyUpdateBody,
        response: { 200: AgencyView, ...errors },
      },
    },
    async (request) => {
      const agency = await request.em.findOne(AgencySchema, { id: request.params.id });
      if (!agency) throw new ProblemError(404, 'Không tìm thấy cơ quan.', `No agency ${request.params.id}.`);
      if (request.body.validFrom)
        await assertFreeCode(request.em, agency.code, request.body.validFrom, agency.id);
      request.em.assign(agency, request.body);
      await request.em.flush();
      return agencyView(agency);
    },
  );

  app.delete(
    '/admin/agencies/:id',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['admin'],
        summary: 'End an agency today (rows are kept: dossiers and history refer to them)',
        params: IdParams,
        response: { 200: AgencyView, ...errors },
      },
    },
    async (request) => {
      const agency = await request.em.findOne(AgencySchema, { id: request.params.id });
      if (!agency) throw new ProblemError(404, 'Không tìm thấy cơ quan.', `No agency ${request.params.id}.`);
      const end = today();
      if (end <= agency.validFrom) {
        throw new ProblemError(
          409,
          'Cơ quan chưa có hiệu lực; hãy sửa thời hạn thay vì kết thúc.',
          'The agency has not started yet: change its period instead.',
        );
      }
      if (!agency.validTo || agency.validTo > end) agency.validTo = end;
      await request.em.flush();
      return agencyView(agency);
    },
  );
}
