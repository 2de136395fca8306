/**
 * Pending OpenID Connect (VNeID) sign-ins: one row per authorization request, between `GET /api/auth/oidc/start`
 * and the callback. The browser holds the state (in the URL and an HTTP-only cookie); the table holds its
 * SHA-256 with the nonce, the PKCE verifier and where to go back, for 10 minutes and for one use only.
 */
import { Migration } from '@mikro-orm/migrations';

/** Table `oidc_login`. */
export class AppOidcLogin extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
CREATE TABLE oidc_login (
  state_hash text PRIMARY KEY,
  provider text NOT NULL,
  nonce text NOT NULL,
  code_verifier text NOT NULL,
  return_to text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX oidc_login_expires_idx ON oidc_login (expires_at);
`);
  }
}
