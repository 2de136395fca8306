/**
 * POST /v2/deployments: multipart/form-data with one or more `resources` files (BPMN, forms) and an optional
 * `tenantId` field, as Camunda's API and @camunda8/sdk's `deployResources` send it.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Resource } from '../../client/port.js';
import { checkTenant } from './common.js';
import { invalidArgument } from './errors.js';
import type { GatewayDeps } from './index.js';
import { DEFAULT_TENANT } from './search.js';

async function readResources(request: FastifyRequest): Promise<Resource[]> {
  if (!request.isMultipart()) {
    throw invalidArgument("Expected a multipart/form-data request with one or more 'resources' files");
  }
  const resources: Resource[] = [];
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== 'resources') {
        await part.toBuffer();
        throw invalidArgument(`Unknown multipart field '${part.fieldname}': expected 'resources' files`);
      }
      const content = await part.toBuffer();
      if (part.file.truncated)
        throw invalidArgument(`resources: '${part.filename}' is larger than the 4 MB limit`);
      if (!part.filename) throw invalidArgument('resources: every resource needs a file name');
      resources.push({ name: part.filename, content });
    } else if (part.fieldname === 'tenantId') {
      checkTenant(String(part.value));
    } else {
      throw invalidArgument(
        `Unknown multipart field '${part.fieldname}': expected 'resources' files and 'tenantId'`,
      );
    }
  }
  if (resources.length === 0)
    throw invalidArgument("resources: expected at least one resource in field 'resources'");
  return resources;
}

/** Registers the deployment route. */
export function deploymentRoutes(app: FastifyInstance, { engine }: GatewayDeps): void {
  app.post('/deployments', async (request) => {
    const resources = await readResources(request);
    const d = await engine.deployResources(resources);
    return {
      deploymentKey: d.key,
      tenantId: DEFAULT_TENANT,
      deployments: [
        ...d.processes.map((p) => ({
          processDefinition: {
            processDefinitionId: p.bpmnProcessId,
            processDefinitionVersion: p.version,
            resourceName: p.resourceName,
            tenantId: DEFAULT_TENANT,
            processDefinitionKey: p.processDefinitionKey,
          },
        })),
        ...d.forms.map((f) => ({
          form: {
            formId: f.formId,
            version: f.version,
            resourceName: f.resourceName,
            tenantId: DEFAULT_TENANT,
            formKey: f.formKey,
          },
        })),
      ],
    };
  });
}
