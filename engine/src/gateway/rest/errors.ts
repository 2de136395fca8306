/**
 * Errors of the REST gateway as RFC 9457 problem details, the way Camunda's Orchestration Cluster API answers:
 * `{ type, title, status, detail, instance }` with content type `application/problem+json`. Engine rejections
 * keep Camunda's status mapping: INVALID_ARGUMENT 400, NOT_FOUND 404, ALREADY_EXISTS and INVALID_STATE 409,
 * RESOURCE_EXHAUSTED 503, DEADLINE_EXCEEDED 504.
 */
import type {
  FastifyError,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  FastifySchemaValidationError,
} from 'fastify';
import { EngineError, type EngineErrorCode } from '../../client/port.js';

/** A problem detail body. */
export interface ProblemDetail {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
}

/** An error raised by the gateway itself (bad input the schemas cannot express, unsupported options). */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    detail: string,
  ) {
    super(detail);
    this.name = 'HttpProblem';
  }
}

/** A 400 INVALID_ARGUMENT problem. */
export function invalidArgument(detail: string): HttpProblem {
  return new HttpProblem(400, 'INVALID_ARGUMENT', detail);
}

const engineStatus: Record<EngineErrorCode, { status: number; title: string }> = {
  INVALID_ARGUMENT: { status: 400, title: 'INVALID_ARGUMENT' },
  NOT_FOUND: { status: 404, title: 'NOT_FOUND' },
  FAILED_PRECONDITION: { status: 409, title: 'INVALID_STATE' },
  ALREADY_EXISTS: { status: 409, title: 'ALREADY_EXISTS' },
  RESOURCE_EXHAUSTED: { status: 503, title: 'RESOURCE_EXHAUSTED' },
  DEADLINE_EXCEEDED: { status: 504, title: 'DEADLINE_EXCEEDED' },
  UNAVAILABLE: { status: 503, title: 'UNAVAILABLE' },
};

/** Builds a problem detail for `request`. */
export function problem(
  request: FastifyRequest,
  status: number,
  title: string,
  detail: string,
): ProblemDetail {
  return { type: 'about:blank', title, status, detail, instance: request.url.split('?')[0] ?? request.url };
}

/** Sends a problem detail. */
export function sendProblem(reply: FastifyReply, body: ProblemDetail): FastifyReply {
  return reply.code(body.status).type('application/problem+json').send(body);
}

function engineDetail(error: EngineError): string {
  if (error.details.length === 0) return error.message;
  const listed = error.details.map(
    (d) => `'${d.resourceName ?? '?'}'${d.elementId ? ` (${d.elementId})` : ''}: ${d.message}`,
  );
  return error.message.includes(error.details[0]!.message)
    ? error.message
    : `${error.message}\n${listed.join('\n')}`;
}

/** Maps any error thrown by a route, a hook or Fastify itself onto a problem detail; never rethrows. */
export function toProblem(request: FastifyRequest, error: unknown): ProblemDetail {
  if (error instanceof EngineError) {
    const m = engineStatus[error.code];
    return problem(request, m.status, m.title, engineDetail(error));
  }
  if (error instanceof HttpProblem) return problem(request, error.status, error.title, error.message);
  const fe = error as Partial<FastifyError>;
  if (fe.validation) return problem(request, 400, 'INVALID_ARGUMENT', fe.message ?? 'Invalid request');
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    const title = fe.statusCode === 400 ? 'INVALID_ARGUMENT' : (fe.code ?? 'Bad Request');
    return problem(request, fe.statusCode, title, fe.message ?? 'Bad request');
  }
  return problem(
    request,
    500,
    'INTERNAL_ERROR',
    'Unexpected error while handling the request; see the engine log',
  );
}

/** Names the offending field of a schema validation error: `body.variables must be object`. */
export function formatValidationErrors(errors: FastifySchemaValidationError[], dataVar: string): Error {
  const messages = errors
    .filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf')
    .map((e) => {
      const field = `${dataVar}${e.instancePath.replace(/\//g, '.')}`;
      const params = e.params as Record<string, unknown>;
      if (e.keyword === 'additionalProperties')
        return `${field}: unknown property '${String(params.additionalProperty)}'`;
      if (e.keyword === 'required')
        return `${field}: missing required property '${String(params.missingProperty)}'`;
      return `${field} ${e.message ?? 'is invalid'}`;
    });
  const unique = [
    ...new Set(
      messages.length
        ? messages
        : errors.map((e) => `${dataVar}${e.instancePath.replace(/\//g, '.')} ${e.message ?? ''}`),
    ),
  ];
  return new Error(unique.join('; '));
}

/** Installs the error handler and the 404 handler that names the unknown route. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const body = toProblem(request, error);
    if (body.status >= 500 && body.title === 'INTERNAL_ERROR')
      request.log.error({ err: error }, 'REST gateway request failed');
    return sendProblem(reply, body);
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? request.url;
    return sendProblem(
      reply,
      problem(request, 404, 'NOT_FOUND', `No endpoint ${request.method} ${path} in this gateway`),
    );
  });
}
