/** JSON schemas and checks shared by the REST gateway's routes. */
import { invalidArgument } from './errors.js';
import { DEFAULT_TENANT, keySchema } from './search.js';

/** Path parameters `{ key }` with an int64 key. */
export interface KeyParams {
  key: string;
}

/** JSON schema of path parameters `{ key }`. */
export const keyParamsSchema = {
  type: 'object',
  required: ['key'],
  properties: { key: keySchema },
} as const;

/** Process variables: a JSON object (not a JSON string, not an array). */
export const variablesSchema = { type: 'object' } as const;

/** Tenant ids: only `<default>` is accepted (multi-tenancy is not implemented). */
export const tenantIdSchema = { type: 'string', minLength: 1 } as const;

/** A user-chosen reference carried into the records of an operation (accepted and ignored). */
export const operationReferenceSchema = { type: 'integer', minimum: 1 } as const;

/** Rejects any tenant but the default one, as a Camunda cluster without multi-tenancy does. */
export function checkTenant(tenantId: string | undefined, field = 'tenantId'): void {
  if (tenantId !== undefined && tenantId !== DEFAULT_TENANT) {
    throw invalidArgument(
      `${field}: expected '${DEFAULT_TENANT}' (multi-tenancy is disabled), but got '${tenantId}'`,
    );
  }
}

/** Rejects tenant id lists other than `[<default>]`. */
export function checkTenants(tenantIds: string[] | undefined): void {
  for (const t of tenantIds ?? []) checkTenant(t, 'tenantIds');
}

/** JSON schema of a body that may carry only an operation reference (cancellation, resolution). */
export const operationBodySchema = {
  type: 'object',
  additionalProperties: false,
  properties: { operationReference: operationReferenceSchema },
} as const;
