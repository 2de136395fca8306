/** Schema of the application (schema `public`), as MikroORM migrations in order. */
import { Migration } from '@mikro-orm/migrations';
import type { MigrationObject } from '@mikro-orm/core';
import { AppDossiers, AppDvcqgSync, AppPaperDossiers } from './migrations-dossiers.js';
import { AppCalendarRatings } from './migrations-calendar-ratings.js';
import { AppOidcLogin } from './migrations-oidc.js';

class AppInitial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
CREATE TABLE app_meta (
  name text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);`);
  }
}

/** The api's migrations, in order. */
export const apiMigrations: MigrationObject[] = [{ name: 'App20261124Initial', class: AppInitial }];

/**
 * Identity (accounts, sessions) and effective-dated reference data (administrative units, agencies,
 * procedures) with the catalogue's search columns. `procedure.search_name` / `search_extra` hold text
 * normalized in TypeScript (no diacritics, lower case, đ -> d) so search works on any PostgreSQL; pg_trgm
 * is used for typo-tolerant ranking when the server lets us install it.
 */
class AppIdentityReference extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
CREATE TABLE administrative_unit (
  id text PRIMARY KEY,
  code text,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('province', 'city', 'town', 'district', 'ward', 'commune', 'township')),
  tier smallint NOT NULL CHECK (tier BETWEEN 1 AND 3),
  parent_id text REFERENCES administrative_unit (id),
  valid_from date NOT NULL,
  valid_to date,
  legal_basis text,
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX administrative_unit_parent_idx ON administrative_unit (parent_id);

CREATE TABLE agency (
  id uuid PRIMARY KEY,
  code text NOT NULL,
  slug text NOT NULL,
  name text NOT NULL,
  short_name text,
  tier text NOT NULL CHECK (tier IN ('province', 'district', 'commune')),
  parent_code text,
  admin_unit_id text REFERENCES administrative_unit (id),
  valid_from date NOT NULL,
  valid_to date,
  legal_basis text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (code ~ '^[0-9]{3}\\.[0-9]{2}\\.[0-9]{2}\\.[A-Z][0-9]{2}$'),
  CHECK (valid_to IS NULL OR valid_to > valid_from),
  UNIQUE (code, valid_from)
);
CREATE INDEX agency_slug_idx ON agency (slug);

CREATE TABLE account (
  id uuid PRIMARY KEY,
  username text NOT NULL,
  full_name text NOT NULL,
  email text,
  phone text,
  citizen_id text CHECK (citizen_id ~ '^[0-9]{12}$'),
  password_hash text,
  roles text[] NOT NULL DEFAULT '{}',
  memberships jsonb NOT NULL DEFAULT '[]',
  failed_attempts integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  disabled boolean NOT NULL DEFAULT false,
  identity_provider text NOT NULL DEFAULT 'password',
  external_subject text,
  password_changed_at timestamptz,
  last_login_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX account_username_key ON account (lower(username));
CREATE UNIQUE INDEX account_citizen_id_key ON account (citizen_id) WHERE citizen_id IS NOT NULL;
CREATE UNIQUE INDEX account_external_key ON account (identity_provider, external_subject) WHERE external_subject IS NOT NULL;
CREATE INDEX account_memberships_idx ON account USING gin (memberships jsonb_path_ops);

CREATE TABLE session (
  token_hash text PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  identity_provider text NOT NULL,
  ip text,
  user_agent text,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX session_account_idx ON session (account_id);
CREATE INDEX session_expires_idx ON session (expires_at);

CREATE TABLE procedure (
  id uuid PRIMARY KEY,
  package_key text UNIQUE,
  national_code text,
  local_code text,
  name text NOT NULL,
  field text NOT NULL,
  agency_code text NOT NULL,
  tier text NOT NULL CHECK (tier IN ('province', 'district', 'commune')),
  service_level smallint NOT NULL CHECK (service_level BETWEEN 1 AND 4),
  scope text CHECK (scope IN ('toan-trinh', 'mot-phan')),
  channels text[] NOT NULL DEFAULT '{}',
  applicant_types text[] NOT NULL DEFAULT '{}',
  documents jsonb NOT NULL DEFAULT '[]',
  fees jsonb NOT NULL DEFAULT '[]',
  day_kind text NOT NULL DEFAULT 'working' CHECK (day_kind IN ('working', 'calendar')),
  days_paper numeric(6, 2),
  days_online numeric(6, 2),
  legal_basis jsonb NOT NULL DEFAULT '[]',
  forms jsonb NOT NULL DEFAULT '[]',
  variants jsonb NOT NULL DEFAULT '[]',
  steps jsonb NOT NULL DEFAULT '[]',
  result text,
  conditions text,
  source text NOT NULL DEFAULT 'manual' CHECK (source IN ('package', 'seed', 'generated', 'manual')),
  valid_from date NOT NULL,
  valid_to date,
  search_name text NOT NULL,
  search_extra text NOT NULL DEFAULT '',
  search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', search_name), 'A') || setweight(to_tsvector('simple', search_extra), 'B')
  ) STORED,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX procedure_search_idx ON procedure USING gin (search_vector);
CREATE INDEX procedure_agency_idx ON procedure (agency_code);
CREATE INDEX procedure_field_idx ON procedure (field);
CREATE INDEX procedure_level_idx ON procedure (service_level);
CREATE INDEX procedure_national_code_idx ON procedure (national_code);

-- pg_trgm is a trusted extension (PostgreSQL 13+), but an external server may still refuse it:
-- search then ranks with ts_rank only (see modules/catalogue/search.ts).
DO $$
BEGIN
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
  EXECUTE 'CREATE INDEX procedure_search_name_trgm_idx ON procedure USING gin (search_name gin_trgm_ops)';
EXCEPTION WHEN others THEN
  RAISE NOTICE 'pg_trgm unavailable (%): catalogue search falls back to full-text ranking only', SQLERRM;
END $$;
`);
  }
}

apiMigrations.push({ name: 'App20261125IdentityReference', class: AppIdentityReference });

/**
 * Domain support: the gap-free daily dossier-code counter (domain.md §3.2; one row per agency and local day,
 * incremented inside the submitting transaction) and the notification outbox the back office shows.
 */
class AppDossierCodesOutbox extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
CREATE TABLE dossier_code_sequence (
  agency_id text NOT NULL,
  day date NOT NULL,
  last integer NOT NULL CHECK (last > 0),
  PRIMARY KEY (agency_id, day)
);

CREATE TABLE notification_outbox (
  id bigserial PRIMARY KEY,
  channel text NOT NULL CHECK (channel IN ('email', 'sms')),
  recipient text NOT NULL,
  subject text,
  body text NOT NULL,
  html text,
  template text,
  dossier_code text,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz
);
CREATE INDEX notification_outbox_dossier_idx ON notification_outbox (dossier_code, created_at);
CREATE INDEX notification_outbox_pending_idx ON notification_outbox (created_at) WHERE status = 'pending';
`);
  }
}

apiMigrations.push({ name: 'App20261126DossierCodesOutbox', class: AppDossierCodesOutbox });

apiMigrations.push({ name: 'App20261127Dossiers', class: AppDossiers });

apiMigrations.push({ name: 'App20261128CalendarRatings', class: AppCalendarRatings });

apiMigrations.push({ name: 'App20261130DvcqgSync', class: AppDvcqgSync });

apiMigrations.push({ name: 'App20261201PaperDossiers', class: AppPaperDossiers });

apiMigrations.push({ name: 'App20261202OidcLogin', class: AppOidcLogin });
