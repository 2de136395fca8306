/**
 * The instance view of a dossier: per process instance (main and called), active and completed elements and taken
 * flows; and the diagram (root definition XML with its highlighting) for officers, analysts, managers, admins and
 * the applicant.
 */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Problem } from '../identity/schemas.js';
import { findDossier, dossierNotFound, isAgencyOfficer, isOwner } from '../dossiers/repository.js';
import { DiagramAnswer, instanceDiagram, noDiagram } from './diagram.js';
import { CodeParams } from '../dossiers/schemas.js';

const InstanceView = Type.Object({
  processInstanceKey: Type.String(),
  processDefinitionKey: Type.String(),
  bpmnProcessId: Type.String(),
  version: Type.Integer(),
  state: Type.String(),
  activeElements: Type.Array(Type.String()),
  completedElements: Type.Array(Type.String()),
  takenFlows: Type.Array(Type.String()),
});

/** GET /dossiers/:code/instance, GET /dossiers/:code/diagram. */
export async function instanceRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/dossiers/:code/instance',
    {
      config: {
        access: ['analyst', 'manager', 'admin', 'one-stop', 'specialist', 'section-head', 'agency-head'],
      },
      schema: {
        tags: ['analyst'],
        summary: "Elements and flows of the dossier's process instances, for diagram highlighting",
        params: CodeParams,
        response: { 200: Type.Array(InstanceView), 404: Problem },
      },
    },
    async (request) => {
      const principal = request.principal!;
      const d = await findDossier(app.pg, request.params.code);
      const global = principal.roles.some((r) => r === 'analyst' || r === 'manager' || r === 'admin');
      if (!d || (!global && !isAgencyOfficer(principal, d))) throw dossierNotFound(request.params.code);
      const r = await app.pg.query<{ process_instance_key: string }>(
        `SELECT process_instance_key FROM dossier_instance WHERE dossier_code = $1 ORDER BY process_instance_key`,
        [d.code],
      );
      return Promise.all(
        r.rows.map(async ({ process_instance_key: key }) => {
          const [instance, elements, flows] = await Promise.all([
            app.engine.getProcessInstance(key),
            app.engine.searchElementInstances(key),
            app.engine.getTakenSequenceFlows(key),
          ]);
          const ids = (done: boolean) => [
            ...new Set(
              elements
                .filter((e) => (e.endDate !== undefined) === done && e.elementId !== instance.bpmnProcessId)
                .map((e) => e.elementId),
            ),
          ];
          return {
            processInstanceKey: key,
            processDefinitionKey: instance.processDefinitionKey,
            bpmnProcessId: instance.bpmnProcessId,
            version: instance.version,
            state: instance.state,
            activeElements: ids(false),
            completedElements: ids(true),
            takenFlows: flows,
          };
        }),
      );
    },
  );

  app.get(
    '/dossiers/:code/diagram',
    {
      config: {
        access: [
          'analyst',
          'manager',
          'admin',
          'one-stop',
          'specialist',
          'section-head',
          'agency-head',
          'citizen',
          'business',
        ],
      },
      schema: {
        tags: ['dossiers'],
        summary:
          "The dossier's process diagram (XML) with completed and active elements and taken flows (root instance)",
        params: CodeParams,
        response: { 200: DiagramAnswer, 401: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request) => {
      const principal = request.principal!;
      const d = await findDossier(app.pg, request.params.code);
      const global = principal.roles.some((r) => r === 'analyst' || r === 'manager' || r === 'admin');
      if (
        !d ||
        d.lifecycle === 'start-failed' ||
        (!global && !isAgencyOfficer(principal, d) && !isOwner(principal, d))
      )
        throw dossierNotFound(request.params.code);
      if (!d.process_instance_key) throw noDiagram(d.code);
      return instanceDiagram(app.engine, d.process_instance_key);
    },
  );
}
