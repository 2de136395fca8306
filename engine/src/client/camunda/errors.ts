/** Maps @camunda8/sdk errors (gRPC statuses, REST problem details) onto the port's EngineError codes. */
import { EngineError, type EngineErrorCode } from '../port.js';

const GRPC: Record<number, EngineErrorCode> = {
  3: 'INVALID_ARGUMENT',
  4: 'DEADLINE_EXCEEDED',
  5: 'NOT_FOUND',
  6: 'ALREADY_EXISTS',
  8: 'RESOURCE_EXHAUSTED',
  9: 'FAILED_PRECONDITION',
  14: 'UNAVAILABLE',
};

interface HttpLike {
  response?: { statusCode?: unknown; body?: unknown };
}

function problemText(body: unknown): { text: string; title?: string } {
  if (typeof body !== 'string' || body === '') return { text: '' };
  try {
    const p = JSON.parse(body) as { detail?: unknown; title?: unknown };
    return {
      text: typeof p.detail === 'string' ? p.detail : body,
      title: typeof p.title === 'string' ? p.title : undefined,
    };
  } catch {
    return { text: body };
  }
}

/** The port error for an SDK failure; errors that are not rejections (bugs, network) are returned unchanged. */
export function toEngineError(operation: string, error: unknown): unknown {
  if (error instanceof EngineError) return error;
  const e = error as { code?: unknown; details?: unknown; message?: unknown } & HttpLike;
  const status = e.response?.statusCode;
  if (typeof status === 'number') {
    const { text, title } = problemText(e.response?.body);
    const message = `${operation}: ${text || String(e.message)}`;
    if (status === 400) return new EngineError('INVALID_ARGUMENT', message);
    if (status === 404) return new EngineError('NOT_FOUND', message);
    if (status === 409)
      return new EngineError(title === 'ALREADY_EXISTS' ? 'ALREADY_EXISTS' : 'FAILED_PRECONDITION', message);
    if (status === 429) return new EngineError('RESOURCE_EXHAUSTED', message);
    if (status === 503 || status === 502) return new EngineError('UNAVAILABLE', message);
    if (status === 504) return new EngineError('DEADLINE_EXCEEDED', message);
    return error;
  }
  const code = typeof e.code === 'number' ? GRPC[e.code] : undefined;
  if (code) {
    const details = typeof e.details === 'string' && e.details !== '' ? e.details : String(e.message);
    return new EngineError(code, details);
  }
  return error;
}

/** Runs `fn`, translating SDK errors. */
export async function translate<T>(operation: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw toEngineError(operation, e);
  }
}

/** The error for port methods that Camunda 8's APIs cannot serve. */
export function unavailable(method: string, why: string): EngineError {
  return new EngineError(
    'UNAVAILABLE',
    `${method} is not available on Camunda 8: ${why} (see docs/camunda.md)`,
  );
}
