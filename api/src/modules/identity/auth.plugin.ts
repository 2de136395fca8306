/**
 * Authentication for every request: reads the session cookie, sets `request.principal`, hands out the CSRF
 * cookie, and rejects state-changing /api requests whose `x-csrf-token` header does not echo it.
 */
import { timingSafeEqual } from 'node:crypto';
import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ProblemError } from '../../plugins/errors.js';
import { installAccessGuard, isUnsafeMethod } from './access.js';
import type { Session } from './entities.js';
import { PasswordIdentityProvider } from './password-provider.js';
import { principalOf } from './principal.js';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE, type SecurityOptions } from './security.js';
import { randomToken, resumeSession } from './sessions.js';

declare module 'fastify' {
  interface FastifyInstance {
    security: SecurityOptions;
    passwordProvider: PasswordIdentityProvider;
  }
  interface FastifyRequest {
    session: Session | null;
    /** The CSRF token the browser holds (possibly issued by this very response). */
    csrfToken: string;
  }
}

/** Cookie attributes shared by both cookies. */
export function cookieOptions(request: FastifyRequest, security: SecurityOptions, httpOnly: boolean) {
  const secure = security.cookieSecure === 'auto' ? request.protocol === 'https' : security.cookieSecure;
  return { path: '/', httpOnly, sameSite: 'lax' as const, secure };
}

/** Sets the CSRF cookie (and remembers it on the request). */
export function issueCsrf(
  request: FastifyRequest,
  reply: FastifyReply,
  security: SecurityOptions,
  token: string,
): void {
  request.csrfToken = token;
  void reply.setCookie(CSRF_COOKIE, token, cookieOptions(request, security, false));
}

function sameToken(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function assertCsrf(request: FastifyRequest): void {
  const header = request.headers[CSRF_HEADER];
  const sent = Array.isArray(header) ? header[0] : header;
  const cookieToken = request.cookies[CSRF_COOKIE];
  // With a session, the token must also be the session's own: a cookie planted by a sibling subdomain fails.
  const ok = sameToken(sent, cookieToken) && (!request.session || sameToken(sent, request.session.csrfToken));
  if (!ok) {
    throw new ProblemError(
      403,
      'Yêu cầu bị từ chối vì thiếu hoặc sai mã chống giả mạo (CSRF). Vui lòng tải lại trang và thử lại.',
      `Missing or wrong CSRF token: send the "${CSRF_COOKIE}" cookie's value in the ${CSRF_HEADER} header.`,
      { code: 'CSRF' },
    );
  }
}

/** Registers cookies, rate limiting, the route access guard and per-request authentication. */
export const authPlugin = fp<{ security: SecurityOptions }>(
  async (app, { security }) => {
    app.decorate('security', security);
    app.decorate('passwordProvider', new PasswordIdentityProvider(security.lockout));
    installAccessGuard(app);
    await app.register(cookie);
    await app.register(rateLimit, { global: false });
    app.decorateRequest('session', null);
    app.decorateRequest('csrfToken', '');

    app.addHook('onRequest', async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      const resumed = token ? await resumeSession(app.pg, token, security.now(), security.session) : null;
      if (resumed) {
        request.session = resumed.session;
        request.principal = principalOf(resumed.account);
      } else if (token) {
        void reply.clearCookie(SESSION_COOKIE, cookieOptions(request, security, true));
      }
      const held = request.cookies[CSRF_COOKIE];
      const expected = request.session?.csrfToken;
      if (expected && held !== expected) issueCsrf(request, reply, security, expected);
      else if (held) request.csrfToken = held;
      else issueCsrf(request, reply, security, randomToken());
      if (
        isUnsafeMethod(request.method) &&
        request.url.startsWith('/api') &&
        request.routeOptions.config?.csrf !== false
      ) {
        assertCsrf(request);
      }
    });
  },
  { name: 'auth', dependencies: ['orm'] },
);
