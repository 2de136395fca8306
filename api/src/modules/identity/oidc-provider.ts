/**
 * Sign-in with VNeID (the national identity app) through OpenID Connect, with the `openid-client` library:
 * discovery from the issuer, the authorization code flow with PKCE (S256), state and nonce kept server-side
 * in table `oidc_login` (10 minutes, one use), ID-token validation (issuer, audience, nonce, expiry and the
 * signature against the issuer's JWKS), then find-or-create the citizen account by
 * (`identity_provider` = 'vneid', `external_subject` = sub), copying the verified 12-digit citizen ID (CCCD).
 */
import { createHash, randomUUID } from 'node:crypto';
import * as client from 'openid-client';
import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '@motcua/engine/postgres';
import { AccountSchema, type Account } from './entities.js';
import type { RedirectIdentityProvider, RedirectSignInResult } from './identity-provider.js';

/** What the provider needs from the configuration (OIDC_* variables). */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  /** Unset: a public client that authenticates with PKCE only. */
  clientSecret?: string;
  redirectUri: string;
  scopes: string;
  /** The ID-token claim with the 12-digit citizen ID. */
  citizenIdClaim: string;
  /** How long a started sign-in may take, in ms (default 10 minutes). */
  loginTtlMs?: number;
}

/** The OIDC settings, or null when VNeID sign-in is off (OIDC_ISSUER unset). */
export function oidcSettingsOf(config: Config): OidcSettings | null {
  if (!config.OIDC_ISSUER || !config.OIDC_CLIENT_ID || !config.OIDC_REDIRECT_URI) return null;
  return {
    issuer: config.OIDC_ISSUER,
    clientId: config.OIDC_CLIENT_ID,
    clientSecret: config.OIDC_CLIENT_SECRET,
    redirectUri: config.OIDC_REDIRECT_URI,
    scopes: config.OIDC_SCOPES,
    citizenIdClaim: config.OIDC_CITIZEN_ID_CLAIM,
  };
}

const CITIZEN_ID = /^[0-9]{12}$/;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** A trimmed, non-empty string claim, or null. */
function text(value: unknown, max = 200): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, max) : null;
}

/** The full name from the claims: `name`, else family, middle and given names (Vietnamese order). */
export function fullNameOf(claims: Record<string, unknown>): string {
  const parts = [claims.family_name, claims.middle_name, claims.given_name]
    .map((p) => text(p))
    .filter((p) => p !== null);
  return text(claims.name) ?? (parts.length > 0 ? parts.join(' ').slice(0, 200) : 'Công dân VNeID');
}

/** The 12-digit citizen ID of a claim value, or null when absent or malformed. */
export function citizenIdOf(value: unknown): string | null {
  const id = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  return CITIZEN_ID.test(id) ? id : null;
}

/** The messages of an error and its causes (openid-client wraps oauth4webapi's precise reason), for logs. */
function reasonOf(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error, depth = 0; e && depth < 4; depth += 1) {
    if (e instanceof Error) {
      parts.push(e.message);
      e = e.cause;
    } else {
      if (typeof e === 'object' && 'claim' in e)
        parts.push(`claim ${String((e as { claim: unknown }).claim)}`);
      break;
    }
  }
  return parts.join(': ');
}

interface PendingLogin {
  nonce: string;
  code_verifier: string;
  return_to: string;
  expires_at: Date | string;
}

/** The VNeID identity provider (`identity_provider` = 'vneid'). */
export class OidcIdentityProvider implements RedirectIdentityProvider {
  readonly id = 'vneid';
  private configuration: Promise<client.Configuration> | undefined;

  constructor(private readonly settings: OidcSettings) {}

  /** Discovery once, on first use (so the API starts while the issuer is away); retried after a failure. */
  private discover(): Promise<client.Configuration> {
    if (!this.configuration) {
      const { issuer, clientId, clientSecret } = this.settings;
      const url = new URL(issuer);
      // Plain HTTP only for an issuer on this machine (development and tests); openid-client refuses it otherwise.
      const insecure = url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
      this.configuration = client
        .discovery(
          url,
          clientId,
          undefined,
          clientSecret ? client.ClientSecretBasic(clientSecret) : client.None(),
          {
            execute: insecure ? [client.allowInsecureRequests] : [],
            timeout: 10,
          },
        )
        .then((configuration) => {
          // Verify the ID token's signature with the issuer's JWKS even though it came over TLS from the token endpoint.
          client.enableNonRepudiationChecks(configuration);
          return configuration;
        })
        .catch((e: unknown) => {
          this.configuration = undefined;
          throw e;
        });
    }
    return this.configuration;
  }

  async start(
    em: EntityManager,
    returnTo: string,
    now: Date,
  ): Promise<{ redirectUrl: string; state: string }> {
    const configuration = await this.discover();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const codeVerifier = client.randomPKCECodeVerifier();
    const expiresAt = new Date(now.getTime() + (this.settings.loginTtlMs ?? 600_000));
    const connection = em.getConnection();
    await connection.execute('DELETE FROM oidc_login WHERE expires_at <= ?', [now.toISOString()]);
    await connection.execute(
      'INSERT INTO oidc_login (state_hash, provider, nonce, code_verifier, return_to, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
      [sha256(state), this.id, nonce, codeVerifier, returnTo, expiresAt.toISOString()],
    );
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.settings.redirectUri,
      scope: this.settings.scopes,
      state,
      nonce,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    });
    return { redirectUrl: url.href, state };
  }

  async finish(
    em: EntityManager,
    callback: { code: string; state: string; iss?: string },
    now: Date,
  ): Promise<RedirectSignInResult> {
    // One use: the row is gone whatever happens next, so a replayed callback finds nothing.
    const rows = await em
      .getConnection()
      .execute<PendingLogin[]>(
        'DELETE FROM oidc_login WHERE state_hash = ? AND provider = ? RETURNING nonce, code_verifier, return_to, expires_at',
        [sha256(callback.state), this.id],
      );
    const pending = rows[0];
    if (!pending || new Date(pending.expires_at) <= now) return { ok: false, reason: 'state' };

    let claims: Record<string, unknown>;
    try {
      const configuration = await this.discover();
      const current = new URL(this.settings.redirectUri);
      current.searchParams.set('code', callback.code);
      current.searchParams.set('state', callback.state);
      if (callback.iss !== undefined) current.searchParams.set('iss', callback.iss);
      const tokens = await client.authorizationCodeGrant(configuration, current, {
        pkceCodeVerifier: pending.code_verifier,
        expectedState: callback.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (!idClaims) return { ok: false, reason: 'rejected', detail: 'no ID token' };
      claims = idClaims as Record<string, unknown>;
    } catch (e) {
      return { ok: false, reason: 'rejected', detail: reasonOf(e) };
    }

    const subject = text(claims.sub, 255);
    if (!subject) return { ok: false, reason: 'rejected', detail: 'ID token without sub' };
    const citizenId = citizenIdOf(claims[this.settings.citizenIdClaim]);
    const fullName = fullNameOf(claims);

    let account = await em.findOne(AccountSchema, { identityProvider: this.id, externalSubject: subject });
    if (citizenId && citizenId !== account?.citizenId) {
      const holder = await em.findOne(AccountSchema, { citizenId });
      // The holder may be this very person's account, created by a concurrent first sign-in since the look-up above.
      const samePerson = holder?.identityProvider === this.id && holder.externalSubject === subject;
      if (holder && samePerson) account = holder;
      else if (holder && holder.id !== account?.id) return { ok: false, reason: 'conflict' };
    }
    // First sign-in: created idempotently, so two concurrent first sign-ins of one person share the account.
    account ??= await this.createAccount(em, subject, fullName, citizenId);
    if (!account) return { ok: false, reason: 'conflict' };
    if (account.disabled) return { ok: false, reason: 'disabled' };
    if (account.lockedUntil && account.lockedUntil > now)
      return { ok: false, reason: 'locked', until: account.lockedUntil };
    const previousCitizenId = account.citizenId ?? null;
    // VNeID is the authority on these: keep them as last verified.
    account.fullName = fullName;
    if (citizenId) account.citizenId = citizenId;
    account.lastLoginAt = now;
    try {
      await em.flush();
    } catch (e) {
      // Another account took the same citizen ID meanwhile (unique index): an administrator must link them.
      if (e instanceof UniqueConstraintViolationException) return { ok: false, reason: 'conflict' };
      throw e;
    }
    const citizenIdChanged =
      previousCitizenId !== null && citizenId !== null && previousCitizenId !== citizenId
        ? { from: previousCitizenId, to: citizenId }
        : undefined;
    return {
      ok: true,
      account: account as Account,
      returnTo: pending.return_to,
      ...(citizenIdChanged ? { citizenIdChanged } : {}),
    };
  }

  /**
   * Creates the account of a first VNeID sign-in with INSERT ... ON CONFLICT DO NOTHING, then reads it back: when a
   * concurrent sign-in of the same person (same issuer subject) inserted it first, both get that one account instead
   * of a unique-index violation. Null when no account of this subject exists after the insert (the row was refused
   * by another unique index: the citizen ID or the username belongs to another account).
   */
  private async createAccount(
    em: EntityManager,
    subject: string,
    fullName: string,
    citizenId: string | null,
  ): Promise<Account | null> {
    await em.getConnection().execute(
      `INSERT INTO account (id, username, full_name, citizen_id, password_hash, roles, memberships, identity_provider, external_subject)
       VALUES (?, ?, ?, ?, NULL, ARRAY['citizen']::text[], '[]'::jsonb, ?, ?) ON CONFLICT DO NOTHING`,
      [randomUUID(), `vneid.${sha256(subject).slice(0, 16)}`, fullName, citizenId, this.id, subject],
    );
    return em.findOne(AccountSchema, { identityProvider: this.id, externalSubject: subject });
  }
}
