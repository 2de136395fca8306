/** The public procedure catalogue: search with facets, detail, form download (levels 1 and 2). */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ProblemError } from '../../plugins/errors.js';
import { Problem } from '../identity/schemas.js';
import { today } from '../reference/effective.js';
import { AgencySchema, ProcedureSchema } from '../reference/entities.js';
import { IdParams, ProcedureDetail } from '../reference/schemas.js';
import { procedureView } from '../reference/views.js';
import { FormParams, SearchAnswer, SearchQuery } from './schemas.js';
import { hasTrigram, searchFacets, searchProcedures } from './search.js';

export { normalizeForSearch } from './normalize.js';

/** GET /procedures, /procedures/:id, /procedures/:id/forms/:formId (public). */
export async function catalogueRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const trgm = await hasTrigram(app.pg);
  const tags = ['catalogue'];
  const notFound = (id: string) =>
    new ProblemError(404, 'Không tìm thấy thủ tục hành chính.', `No procedure ${id}.`);

  app.get(
    '/procedures',
    {
      config: { access: ['public'] },
      schema: {
        tags,
        summary: 'Search the catalogue (diacritics and case ignored, ranked by relevance) with facets',
        querystring: SearchQuery,
        response: { 200: SearchAnswer, 400: Problem },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20, at = today(), facets = true, agency, ...rest } = request.query;
      let agencyCode = agency;
      if (agency && !/^[0-9]{3}\./.test(agency)) {
        agencyCode =
          (await request.em.findOne(AgencySchema, { slug: agency }, { orderBy: { validFrom: 'desc' } }))
            ?.code ?? agency;
      }
      const params = { ...rest, agency: agencyCode, at, page, pageSize };
      const [result, facetCounts] = await Promise.all([
        searchProcedures(app.pg, params, trgm),
        facets ? searchFacets(app.pg, params, trgm) : Promise.resolve(undefined),
      ]);
      return { ...result, page, pageSize, ...(facetCounts ? { facets: facetCounts } : {}) };
    },
  );

  app.get(
    '/procedures/:id',
    {
      config: { access: ['public'] },
      schema: {
        tags,
        summary: 'Everything published about one procedure (level 1)',
        params: IdParams,
        response: { 200: ProcedureDetail, 404: Problem },
      },
    },
    async (request) => {
      const procedure = await request.em.findOne(ProcedureSchema, { id: request.params.id });
      if (!procedure) throw notFound(request.params.id);
      return procedureView(request.em, procedure);
    },
  );

  app.get(
    '/procedures/:id/forms/:formId',
    {
      config: { access: ['public'] },
      schema: {
        tags,
        summary: 'Download a form template (level 2)',
        params: FormParams,
        response: {
          200: Type.Unsafe<Buffer>({ description: 'The file', type: 'string', format: 'binary' }),
          404: Problem,
        },
      },
    },
    async (request, reply) => {
      const procedure = await request.em.findOne(ProcedureSchema, { id: request.params.id });
      if (!procedure) throw notFound(request.params.id);
      const form = procedure.forms.find((f) => f.id === request.params.formId);
      if (!form) {
        throw new ProblemError(
          404,
          'Không tìm thấy biểu mẫu của thủ tục này.',
          `Procedure ${procedure.id} has no form ${request.params.formId}.`,
        );
      }
      const body = Buffer.from(form.content, form.encoding === 'base64' ? 'base64' : 'utf8');
      return reply
        .type(form.mediaType)
        .header(
          'content-disposition',
          `attachment; filename="${form.fileName.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(form.fileName)}`,
        )
        .send(body);
    },
  );
}
