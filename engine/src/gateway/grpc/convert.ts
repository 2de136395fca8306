/**
 * Conversions between the gateway protocol's messages (as proto-loader decodes them: int64 as strings,
 * variables as JSON strings) and the WorkflowEngine port, plus the mapping of errors to gRPC statuses.
 */
import * as grpc from '@grpc/grpc-js';
import { EngineError, type ActivatedJob, type EngineErrorCode, type Variables } from '../../client/port.js';

/** The tenant every record belongs to: the embedded engine is single-tenant, like Zeebe without multi-tenancy. */
export const DEFAULT_TENANT = '<default>';

const STATUS: Record<EngineErrorCode, grpc.status> = {
  INVALID_ARGUMENT: grpc.status.INVALID_ARGUMENT,
  NOT_FOUND: grpc.status.NOT_FOUND,
  FAILED_PRECONDITION: grpc.status.FAILED_PRECONDITION,
  ALREADY_EXISTS: grpc.status.ALREADY_EXISTS,
  RESOURCE_EXHAUSTED: grpc.status.RESOURCE_EXHAUSTED,
  DEADLINE_EXCEEDED: grpc.status.DEADLINE_EXCEEDED,
  UNAVAILABLE: grpc.status.UNAVAILABLE,
};

/** A gRPC error status for anything thrown by a handler; unexpected errors become INTERNAL and are logged. */
export function toServiceError(
  rpc: string,
  error: unknown,
  log: (message: string) => void,
): Partial<grpc.ServiceError> {
  if (error instanceof EngineError) {
    const details = error.details.map(
      (p) => `${p.resourceName ?? ''}${p.elementId ? `#${p.elementId}` : ''}: ${p.message}`,
    );
    const message = details.length > 0 ? `${error.message}\n${details.join('\n')}` : error.message;
    return { code: STATUS[error.code], details: message, message };
  }
  const message = error instanceof Error ? error.message : String(error);
  log(`[grpc] ${rpc} failed unexpectedly: ${error instanceof Error ? (error.stack ?? message) : message}`);
  return { code: grpc.status.INTERNAL, details: `Command '${rpc}' failed: ${message}`, message };
}

/** Parses a `variables` JSON string; empty means none. Anything but a JSON object is INVALID_ARGUMENT naming the field. */
export function parseVariables(field: string, json: unknown): Variables | undefined {
  if (json === undefined || json === null || json === '') return undefined;
  if (typeof json !== 'string')
    throw new EngineError('INVALID_ARGUMENT', `Expected argument '${field}' to be a JSON string`);
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (e) {
    throw new EngineError(
      'INVALID_ARGUMENT',
      `Property '${field}' is invalid: expected a JSON document, but ${(e as Error).message}`,
    );
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new EngineError(
      'INVALID_ARGUMENT',
      `Property '${field}' is invalid: expected a JSON object, but got ${Array.isArray(value) ? 'an array' : JSON.stringify(value)}`,
    );
  }
  return value as Variables;
}

/** An int64 field (decimal string) as a number of milliseconds. */
export function int64(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value !== '') {
    const n = Number(value);
    if (Number.isFinite(n)) return n;
  }
  return 0;
}

/** A key field: a non-empty decimal string, else INVALID_ARGUMENT naming the field. */
export function key(field: string, value: unknown): string {
  const s = typeof value === 'number' ? String(value) : value;
  if (typeof s !== 'string' || !/^\d+$/.test(s) || s === '0') {
    throw new EngineError(
      'INVALID_ARGUMENT',
      `Expected argument '${field}' to be a positive int64 key, but got '${String(value)}'`,
    );
  }
  return s;
}

/** A string field; empty means absent. */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** An array of strings (repeated string fields). */
export function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : [];
}

/** An ActivatedJob message. */
export function toActivatedJobMessage(job: ActivatedJob): Record<string, unknown> {
  return {
    key: job.key,
    type: job.type,
    processInstanceKey: job.processInstanceKey,
    bpmnProcessId: job.bpmnProcessId,
    processDefinitionVersion: job.processDefinitionVersion,
    processDefinitionKey: job.processDefinitionKey,
    elementId: job.elementId,
    elementInstanceKey: job.elementInstanceKey,
    customHeaders: JSON.stringify(job.customHeaders),
    worker: job.worker,
    retries: job.retries,
    deadline: String(job.deadline),
    variables: JSON.stringify(job.variables),
    tenantId: DEFAULT_TENANT,
  };
}
