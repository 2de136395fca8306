/**
 * VNeID sign-in routes (OpenID Connect, see oidc-provider.ts and docs/api.md "VNeID") and the list of sign-in
 * methods the login page shows. The callback ends like the password login: the same session, cookies and CSRF
 * token (`establishSession`).
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ProblemError } from '../../plugins/errors.js';
import { cookieOptions } from './auth.plugin.js';
import { establishSession, refuse } from './auth.routes.js';
import type { Account } from './entities.js';
import type { RedirectSignInResult } from './identity-provider.js';
import { OidcIdentityProvider, oidcSettingsOf } from './oidc-provider.js';
import { Problem } from './schemas.js';

/** HTTP-only cookie binding a started VNeID sign-in to the browser that started it (holds the state). */
export const OIDC_STATE_COOKIE = 'motcua_oidc';
const COOKIE_PATH = '/api/auth/oidc';
const CALLBACK_ROUTE = '/api/auth/oidc/callback';

const Providers = Type.Object({
  providers: Type.Array(
    Type.Object({
      id: Type.String({ description: '`password` or `vneid`' }),
      kind: Type.Union([Type.Literal('credentials'), Type.Literal('redirect')]),
      label: Type.String(),
      startUrl: Type.Optional(Type.String({ description: 'Navigate here (add ?returnTo=/path) to sign in' })),
    }),
  ),
});

const StartQuery = Type.Object(
  {
    returnTo: Type.Optional(
      Type.String({ maxLength: 500, description: 'Where to go after signing in: a path on this site' }),
    ),
  },
  { additionalProperties: false },
);

const CallbackQuery = Type.Object(
  {
    code: Type.Optional(Type.String({ maxLength: 2000 })),
    state: Type.Optional(Type.String({ maxLength: 500 })),
    iss: Type.Optional(Type.String({ maxLength: 500 })),
    error: Type.Optional(Type.String({ maxLength: 200 })),
    error_description: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  // Providers may add their own parameters (session_state...).
  { additionalProperties: true },
);

/** A same-site relative path (`/x/y?z`), or null: no scheme, no host, no `//` or backslash tricks. */
export function safeReturnTo(value: string | undefined): string | null {
  if (value === undefined || value === '') return '/';
  const control = [...value].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\') || control) return null;
  try {
    const base = 'http://motcua.invalid';
    const url = new URL(value, base);
    return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : null;
  } catch {
    return null;
  }
}

function sameText(a: string | undefined, b: string): boolean {
  if (a === undefined) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const badState = () =>
  new ProblemError(
    400,
    'Phiên đăng nhập VNeID không hợp lệ hoặc đã hết hạn. Vui lòng đăng nhập lại.',
    'Unknown, already used or expired sign-in state.',
    { code: 'OIDC_STATE' },
  );

function problemOf(result: Exclude<RedirectSignInResult, { ok: true }>): ProblemError {
  switch (result.reason) {
    case 'state':
      return badState();
    case 'rejected':
      return new ProblemError(
        401,
        'Không xác thực được danh tính từ VNeID. Vui lòng đăng nhập lại.',
        `The VNeID answer did not verify: ${result.detail}`,
        { code: 'OIDC_REJECTED' },
      );
    case 'conflict':
      return new ProblemError(
        409,
        'Số định danh cá nhân (CCCD) này đã gắn với một tài khoản khác. Vui lòng liên hệ quản trị để liên kết tài khoản.',
        'The verified citizen ID belongs to another account; an administrator must link them.',
        { code: 'CITIZEN_ID_TAKEN' },
      );
    default:
      return refuse(result);
  }
}

/** Routes under /api: /auth/providers, /auth/oidc/start, /auth/oidc/callback. */
export async function oidcRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const settings = oidcSettingsOf(app.config);
  const provider = settings ? new OidcIdentityProvider(settings) : null;
  const security = app.security;
  const rateLimit = { max: security.loginRateLimit.max, timeWindow: security.loginRateLimit.timeWindowMs };

  const enabled = (): OidcIdentityProvider => {
    if (!provider)
      throw new ProblemError(
        404,
        'Đăng nhập bằng VNeID chưa được bật.',
        'VNeID sign-in is not configured (OIDC_ISSUER).',
        { code: 'OIDC_DISABLED' },
      );
    return provider;
  };

  const audit = async (
    request: FastifyRequest,
    account: Account | null,
    status: number,
    target = 'sign-in:vneid',
    details: Record<string, unknown> = {},
  ) => {
    await app.pg
      .query(
        `INSERT INTO audit_log (account_id, username, ip, method, route, url, status, target, details) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          account?.id ?? null,
          account?.username ?? null,
          request.ip,
          'GET',
          CALLBACK_ROUTE,
          CALLBACK_ROUTE,
          status,
          target,
          JSON.stringify(details),
        ],
      )
      .catch((e: Error) => request.log.error({ err: e }, 'audit write failed'));
  };

  const clearStateCookie = (request: FastifyRequest, reply: FastifyReply) =>
    void reply.clearCookie(OIDC_STATE_COOKIE, {
      ...cookieOptions(request, security, true),
      path: COOKIE_PATH,
    });

  app.get(
    '/auth/providers',
    {
      config: { access: ['public'] },
      schema: {
        tags: ['auth'],
        summary: 'Sign-in methods to offer on the login page',
        response: { 200: Providers },
      },
    },
    async () => ({
      providers: [
        { id: 'password', kind: 'credentials' as const, label: 'Tên đăng nhập và mật khẩu' },
        ...(provider
          ? [{ id: provider.id, kind: 'redirect' as const, label: 'VNeID', startUrl: '/api/auth/oidc/start' }]
          : []),
      ],
    }),
  );

  app.get(
    '/auth/oidc/start',
    {
      config: { access: ['public'], rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Start signing in with VNeID: 302 to the VNeID authorization page',
        querystring: StartQuery,
        response: { 400: Problem, 404: Problem, 429: Problem, 502: Problem },
      },
    },
    async (request, reply) => {
      const oidc = enabled();
      const returnTo = safeReturnTo(request.query.returnTo);
      if (returnTo === null) {
        throw new ProblemError(
          400,
          'Địa chỉ quay lại không hợp lệ: chỉ chấp nhận đường dẫn trong trang.',
          'returnTo must be a relative path on this site.',
          {
            code: 'BAD_RETURN_TO',
          },
        );
      }
      let started: { redirectUrl: string; state: string };
      try {
        started = await oidc.start(request.em, returnTo, security.now());
      } catch (e) {
        request.log.warn({ err: e }, 'VNeID discovery failed');
        throw new ProblemError(
          502,
          'Không kết nối được với VNeID. Vui lòng thử lại sau.',
          `The OpenID Connect issuer did not answer: ${(e as Error).message}`,
          {
            code: 'OIDC_UNAVAILABLE',
          },
        );
      }
      void reply.setCookie(OIDC_STATE_COOKIE, started.state, {
        ...cookieOptions(request, security, true),
        path: COOKIE_PATH,
        maxAge: 600,
      });
      return reply.redirect(started.redirectUrl, 302);
    },
  );

  app.get(
    '/auth/oidc/callback',
    {
      config: { access: ['public'], rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'VNeID comes back here: verifies the answer, signs in (session cookie) and 302 to returnTo',
        querystring: CallbackQuery,
        response: {
          400: Problem,
          401: Problem,
          403: Problem,
          404: Problem,
          409: Problem,
          423: Problem,
          429: Problem,
        },
      },
    },
    async (request, reply) => {
      const oidc = enabled();
      const { code, state, iss, error } = request.query;
      const held = request.cookies[OIDC_STATE_COOKIE];
      clearStateCookie(request, reply);
      if (error !== undefined) {
        // The person cancelled or VNeID refused: back to the login page, which explains. The pending row expires.
        const reason = error.replace(/[^a-zA-Z0-9_.-]/g, '').slice(0, 64) || 'error';
        return reply.redirect(`/login?error=${encodeURIComponent(reason)}`, 302);
      }
      // The state must be the one this browser started with (login CSRF), then known and fresh server-side.
      if (!code || !state || !sameText(held, state)) throw badState();
      const result = await oidc.finish(request.em, { code, state, iss }, security.now());
      if (!result.ok) {
        const problem = problemOf(result);
        if (result.reason !== 'state' && result.reason !== 'rejected')
          await audit(request, null, problem.status);
        if (result.reason === 'rejected') request.log.warn(`VNeID sign-in rejected: ${result.detail}`);
        throw problem;
      }
      await establishSession(request, reply, result.account, oidc.id);
      await audit(request, result.account, 302);
      if (result.citizenIdChanged) {
        // The account was kept and its CCCD replaced by the verified one (VNeID is the authority): leave a trace.
        await audit(request, result.account, 302, 'citizen-id:vneid', {
          previousCitizenId: result.citizenIdChanged.from,
          citizenId: result.citizenIdChanged.to,
        });
      }
      return reply.redirect(result.returnTo, 302);
    },
  );
}
