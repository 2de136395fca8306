/** Sign-in, sign-out, the current account and password change. Handlers stay thin; rules live in the services. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ProblemError } from '../../plugins/errors.js';
import { cookieOptions, issueCsrf } from './auth.plugin.js';
import { AccountSchema, type Account } from './entities.js';
import { assertPasswordPolicy, hashPassword, verifyPassword } from './password.js';
import { principalOf } from './principal.js';
import { CsrfAnswer, Done, LoginBody, Me, PasswordChangeBody, Problem, type MeBody } from './schemas.js';
import { SESSION_COOKIE } from './security.js';
import {
  closeOtherSessions,
  closeSession,
  openSession,
  purgeExpiredSessions,
  randomToken,
} from './sessions.js';
import type { SignInResult } from './identity-provider.js';

function meOf(account: Account, csrfToken: string): MeBody {
  const principal = principalOf(account);
  return {
    id: account.id,
    username: account.username,
    fullName: account.fullName,
    email: account.email ?? null,
    phone: account.phone ?? null,
    citizenId: account.citizenId ?? null,
    roles: principal.roles,
    memberships: principal.memberships,
    groups: principal.groups,
    csrfToken,
  };
}

/** The problem answer of a refused sign-in (shared by the password and the VNeID sign-in). */
export function refuse(result: Exclude<SignInResult, { ok: true }>): ProblemError {
  if (result.reason === 'locked') {
    const at = result.until.toISOString();
    return new ProblemError(
      423,
      `Tài khoản tạm khóa do nhập sai mật khẩu nhiều lần. Vui lòng thử lại sau ${at.slice(11, 16)} (giờ UTC) hoặc liên hệ quản trị.`,
      `Account locked after repeated wrong passwords until ${at}.`,
      { code: 'LOCKED', lockedUntil: at },
    );
  }
  if (result.reason === 'disabled') {
    return new ProblemError(403, 'Tài khoản đã bị vô hiệu hóa.', 'This account is disabled.', {
      code: 'DISABLED',
    });
  }
  return new ProblemError(401, 'Tên đăng nhập hoặc mật khẩu không đúng.', 'Wrong username or password.', {
    code: 'INVALID_CREDENTIALS',
  });
}

async function currentAccount(request: FastifyRequest): Promise<Account> {
  const principal = request.principal;
  const account = principal ? await request.em.findOne(AccountSchema, { id: principal.accountId }) : null;
  if (!account) throw new ProblemError(401, 'Vui lòng đăng nhập để tiếp tục.', 'Sign in to continue.');
  return account;
}

function endSessionCookies(request: FastifyRequest, reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, cookieOptions(request, request.server.security, true));
  issueCsrf(request, reply, request.server.security, randomToken());
}

/**
 * Opens a session for `account` and sets its cookies: the one sign-in step every identity provider shares
 * (password login, VNeID callback). Ends the browser's previous session first (no session fixation).
 */
export async function establishSession(
  request: FastifyRequest,
  reply: FastifyReply,
  account: Account,
  provider: string,
): Promise<string> {
  const security = request.server.security;
  const now = security.now();
  if (request.session) await closeSession(request.em, request.session);
  await purgeExpiredSessions(request.em, now);
  const { token, session } = await openSession(request.em, account, {
    provider,
    ip: request.ip,
    userAgent: request.headers['user-agent'],
    now,
    policy: security.session,
  });
  void reply.setCookie(SESSION_COOKIE, token, {
    ...cookieOptions(request, security, true),
    maxAge: security.session.absoluteHours * 3600,
  });
  issueCsrf(request, reply, security, session.csrfToken);
  return session.csrfToken;
}

/** Routes under /api: /auth/csrf, /auth/login, /auth/logout, /me, /me/password. */
export async function authRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const security = app.security;
  const errors = { 400: Problem, 401: Problem, 403: Problem, 423: Problem, 429: Problem };

  app.get(
    '/auth/csrf',
    {
      config: { access: ['public'] },
      schema: {
        tags: ['auth'],
        summary: 'Get the CSRF token (also set as the `csrf` cookie)',
        response: { 200: CsrfAnswer },
      },
    },
    async (request) => ({ csrfToken: request.csrfToken }),
  );

  app.post(
    '/auth/login',
    {
      config: {
        access: ['public'],
        rateLimit: {
          max: security.loginRateLimit.max,
          timeWindow: security.loginRateLimit.timeWindowMs,
          errorResponseBuilder: (_request, context) =>
            new ProblemError(
              429,
              `Bạn đã đăng nhập quá nhiều lần. Vui lòng thử lại sau ${Math.ceil(context.ttl / 1000)} giây.`,
              `Too many sign-in attempts; retry in ${Math.ceil(context.ttl / 1000)} s.`,
              { code: 'RATE_LIMITED' },
            ),
        },
      },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with username (or citizen ID) and password; sets the session cookie',
        body: LoginBody,
        response: { 200: Me, ...errors },
      },
    },
    async (request, reply) => {
      const now = security.now();
      const result = await app.passwordProvider.signIn(request.em, request.body, now);
      if (!result.ok) throw refuse(result);
      const csrfToken = await establishSession(request, reply, result.account, app.passwordProvider.id);
      return meOf(result.account, csrfToken);
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { access: ['public'] },
      schema: {
        tags: ['auth'],
        summary: 'Sign out: ends this session and clears its cookie',
        response: { 200: Done, 403: Problem },
      },
    },
    async (request, reply) => {
      if (request.session) await closeSession(request.em, request.session);
      endSessionCookies(request, reply);
      return { ok: true };
    },
  );

  app.get(
    '/me',
    {
      config: { access: ['authenticated'] },
      schema: {
        tags: ['auth'],
        summary: 'The signed-in account, its roles and candidate groups',
        response: { 200: Me, 401: Problem },
      },
    },
    async (request) => meOf(await currentAccount(request), request.csrfToken),
  );

  app.post(
    '/me/password',
    {
      config: { access: ['authenticated'] },
      schema: {
        tags: ['auth'],
        summary: 'Change my password (needs the current one); ends my other sessions',
        body: PasswordChangeBody,
        response: { 200: Done, ...errors },
      },
    },
    async (request) => {
      const account = await currentAccount(request);
      if (!(await verifyPassword(account.passwordHash, request.body.currentPassword))) {
        throw new ProblemError(400, 'Mật khẩu hiện tại không đúng.', 'The current password is wrong.', {
          code: 'WRONG_PASSWORD',
        });
      }
      assertPasswordPolicy(request.body.newPassword, account.username);
      account.passwordHash = await hashPassword(request.body.newPassword);
      account.passwordChangedAt = security.now();
      await request.em.flush();
      await closeOtherSessions(request.em, account.id, request.session ?? undefined);
      return { ok: true };
    },
  );
}
