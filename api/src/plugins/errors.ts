/**
 * One error handler: every error leaves as application/problem+json with a message in Vietnamese and English.
 * Client mistakes (validation, domain rules) keep their 4xx status and message; server faults hide details.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { EngineError } from '@motcua/engine';

/** An expected, user-facing failure with a status and both languages. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly messageVi: string,
    messageEn: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(messageEn);
    this.name = 'ProblemError';
  }
}

/** Vietnamese for the client errors Fastify raises itself (before a route handler runs). */
const FRAMEWORK_VI: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'Nội dung gửi lên không phải JSON hợp lệ.',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'Nội dung gửi lên trống: cần một đối tượng JSON.',
  FST_ERR_CTP_BODY_TOO_LARGE: 'Nội dung gửi lên quá lớn.',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Kiểu nội dung (Content-Type) không được hỗ trợ.',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'Độ dài nội dung (Content-Length) không khớp với dữ liệu gửi lên.',
  FST_ERR_BAD_URL: 'Địa chỉ yêu cầu không hợp lệ.',
  FST_ERR_ASYNC_CONSTRAINT: 'Yêu cầu không hợp lệ.',
  FST_ERR_NOT_FOUND: 'Không tìm thấy địa chỉ yêu cầu.',
  FST_ERR_CTP_INVALID_TYPE: 'Kiểu nội dung (Content-Type) không hợp lệ.',
};

const engineStatus: Record<string, number> = {
  INVALID_ARGUMENT: 400,
  NOT_FOUND: 404,
  FAILED_PRECONDITION: 409,
  ALREADY_EXISTS: 409,
  RESOURCE_EXHAUSTED: 429,
  DEADLINE_EXCEEDED: 504,
  UNAVAILABLE: 503,
};

/** Maps any error to a problem+json answer. */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  let status = error.statusCode ?? 500;
  let detail = error.message;
  let vi = 'Đã có lỗi xảy ra, vui lòng thử lại sau.';
  let extra: Record<string, unknown> = {};
  if (error instanceof ProblemError) {
    status = error.status;
    vi = error.messageVi;
    extra = error.extra;
  } else if (error instanceof EngineError) {
    status = engineStatus[error.code] ?? 500;
    vi = detail;
    extra = { code: error.code, problems: error.details };
  } else if (error.validation) {
    status = 400;
    vi = `Dữ liệu không hợp lệ: ${error.message}`;
  } else if (status < 500) {
    vi =
      (error.code && FRAMEWORK_VI[error.code]) ??
      (error instanceof SyntaxError ? FRAMEWORK_VI.FST_ERR_CTP_INVALID_JSON_BODY! : detail);
    if (error.code) extra = { code: error.code };
  }
  if (status >= 500) {
    request.log.error({ err: error }, 'request failed');
    detail = 'Internal server error';
  }
  void reply
    .code(status)
    .type('application/problem+json')
    .send({ type: 'about:blank', title: titleOf(status), status, detail, message_vi: vi, ...extra });
}

function titleOf(status: number): string {
  const titles: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    409: 'Conflict',
    413: 'Payload Too Large',
    415: 'Unsupported Media Type',
    429: 'Too Many Requests',
    503: 'Service Unavailable',
  };
  return titles[status] ?? (status >= 500 ? 'Internal Server Error' : 'Error');
}
