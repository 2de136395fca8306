/**
 * The seam between "who is this person" and the rest of the app. Today accounts sign in with a password;
 * citizens will sign in with VNeID (the national identity app) through OpenID Connect, which plugs in here
 * without touching sessions, CSRF or authorization: a provider only has to answer with an account.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Account } from './entities.js';

/** Why a sign-in failed; each maps to one HTTP answer in auth routes. */
export type SignInFailure =
  { reason: 'invalid' } | { reason: 'locked'; until: Date } | { reason: 'disabled' };

/** Result of a sign-in attempt. */
export type SignInResult = { ok: true; account: Account } | ({ ok: false } & SignInFailure);

/** A provider that checks credentials typed into our own form (password today, maybe OTP later). */
export interface CredentialIdentityProvider {
  readonly id: string;
  signIn(
    em: EntityManager,
    credentials: { username: string; password: string },
    now: Date,
  ): Promise<SignInResult>;
}

/** Why a redirect sign-in failed, beyond the password provider's reasons. */
export type RedirectSignInFailure =
  | SignInFailure
  /** Unknown, already used or expired state: the sign-in was not started here, or too long ago. */
  | { reason: 'state' }
  /** The provider's answer did not verify (code exchange, ID token issuer, audience, nonce, signature...). */
  | { reason: 'rejected'; detail: string }
  /** The verified citizen ID already belongs to another account (linking is an administrator's decision). */
  | { reason: 'conflict' };

/** Result of a redirect sign-in: the account and where the browser goes back to. */
export type RedirectSignInResult =
  | {
      ok: true;
      account: Account;
      returnTo: string;
      /** The verified citizen ID (CCCD) of a returning account differed from the stored one, which was replaced. */
      citizenIdChanged?: { from: string; to: string };
    }
  | ({ ok: false } & RedirectSignInFailure);

/**
 * A provider that sends the browser elsewhere and gets it back with a code: OpenID Connect. The VNeID
 * provider (oidc-provider.ts, docs/api.md "VNeID"): `start` builds the authorization URL (with state, nonce
 * and a PKCE verifier kept server-side), `finish` exchanges the code, validates the ID token (issuer,
 * audience, nonce, signature from the provider's JWKS) and finds or creates the account by
 * (`identity_provider`, `external_subject`), copying the 12-digit citizen ID (CCCD) from the verified claims.
 */
export interface RedirectIdentityProvider {
  readonly id: string;
  start(em: EntityManager, returnTo: string, now: Date): Promise<{ redirectUrl: string; state: string }>;
  /** `iss` is the authorization response's issuer parameter (RFC 9207), when the provider sends one. */
  finish(
    em: EntityManager,
    callback: { code: string; state: string; iss?: string },
    now: Date,
  ): Promise<RedirectSignInResult>;
}

/** Any identity provider. */
export type IdentityProvider = CredentialIdentityProvider | RedirectIdentityProvider;
