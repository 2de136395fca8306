/**
 * Route access declarations. Every /api route states who may call it in `config.access`; the onRoute hook
 * refuses to register an /api route without it (so nothing is left open by mistake) and attaches the check.
 * Outside /api only read-only routes (the web app's files, /docs) may exist.
 */
import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler, RouteOptions } from 'fastify';
import { ProblemError } from '../../plugins/errors.js';
import type { Principal } from './principal.js';
import { ROLE_NAMES, type Role } from './roles.js';

/** `public` (anyone), `authenticated` (any signed-in account) or a role that may call the route. */
export type AccessRule = Role | 'public' | 'authenticated';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call this route; required on every /api route. */
    access?: readonly AccessRule[];
    /** Set false only for a state-changing route that must work without the CSRF header (none today). */
    csrf?: boolean;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

const ACCESS_RULES: readonly string[] = ['public', 'authenticated', ...ROLE_NAMES];
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Throws 401/403 unless the request's principal satisfies one of `rules`. */
export function checkAccess(request: FastifyRequest, rules: readonly AccessRule[]): void {
  if (rules.includes('public')) return;
  const principal = request.principal;
  if (!principal) {
    throw new ProblemError(401, 'Vui lòng đăng nhập để tiếp tục.', 'Sign in to continue.', {
      code: 'UNAUTHENTICATED',
    });
  }
  if (rules.includes('authenticated')) return;
  if (!rules.some((rule) => principal.roles.includes(rule as Role))) {
    throw new ProblemError(
      403,
      'Tài khoản của bạn không có quyền thực hiện thao tác này.',
      `This action needs one of the roles: ${rules.join(', ')}.`,
      { code: 'FORBIDDEN', requiredRoles: rules },
    );
  }
}

/** A hook for routes (or whole plugins) that need a check beyond their declaration. */
export function authorize(...rules: AccessRule[]): onRequestAsyncHookHandler {
  return async (request) => checkAccess(request, rules);
}

const attached = new WeakSet<object>();

function methodsOf(route: RouteOptions): string[] {
  return (Array.isArray(route.method) ? route.method : [route.method]).map((m) => m.toUpperCase());
}

/** Validates one route's declaration and adds its access check; throws a registration error when missing. */
export function guardRoute(route: RouteOptions): void {
  const where = `${methodsOf(route).join(',')} ${route.url}`;
  const access = route.config?.access;
  if (!route.url.startsWith('/api')) {
    if (access === undefined && methodsOf(route).every((m) => SAFE_METHODS.has(m))) return;
    if (access === undefined)
      throw new Error(`Route ${where} changes state outside /api without config.access`);
  }
  if (!access || access.length === 0) {
    throw new Error(
      `Route ${where} must declare who may call it: config: { access: ['public'] } or a list of roles`,
    );
  }
  const unknown = access.filter((rule) => !ACCESS_RULES.includes(rule));
  if (unknown.length > 0) throw new Error(`Route ${where} names unknown access rules: ${unknown.join(', ')}`);
  // Exposed HEAD routes reuse the GET route's options: attach the check only once.
  const existing = route.onRequest
    ? Array.isArray(route.onRequest)
      ? route.onRequest
      : [route.onRequest]
    : [];
  if (existing.some((h) => attached.has(h))) return;
  const hook = authorize(...access);
  attached.add(hook);
  route.onRequest = [hook, ...existing];
}

/** Installs the guard; must run before any route is registered. */
export function installAccessGuard(app: FastifyInstance): void {
  app.decorateRequest('principal', null);
  app.addHook('onRoute', guardRoute);
}

/** True for methods that change state (CSRF applies). */
export function isUnsafeMethod(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}
