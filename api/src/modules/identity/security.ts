/** Security settings of the identity module, with the defaults production uses. */
import type { LockoutPolicy } from './password-provider.js';
import type { SessionPolicy } from './sessions.js';

/** Tunable security settings (tests shorten nothing: the defaults are what they check). */
export interface SecurityOptions {
  /** `auto`: Secure cookies when the request arrived over HTTPS (X-Forwarded-Proto behind a proxy). */
  cookieSecure: 'auto' | boolean;
  session: SessionPolicy;
  lockout: LockoutPolicy;
  /** Login attempts per client IP per window, on top of the per-account lockout. */
  loginRateLimit: { max: number; timeWindowMs: number };
  now: () => Date;
}

/** Defaults: 5 wrong passwords lock 15 min; 20 logins/min per IP; sessions idle 2 h, at most 12 h. */
export const defaultSecurity: SecurityOptions = {
  cookieSecure: 'auto',
  session: { idleMinutes: 120, absoluteHours: 12 },
  lockout: { maxFailures: 5, lockMinutes: 15 },
  loginRateLimit: { max: 20, timeWindowMs: 60_000 },
  now: () => new Date(),
};

/** Cookie names; the CSRF cookie is readable by the web app on purpose (double-submit). */
export const SESSION_COOKIE = 'motcua_session';
export const CSRF_COOKIE = 'csrf';
export const CSRF_HEADER = 'x-csrf-token';
