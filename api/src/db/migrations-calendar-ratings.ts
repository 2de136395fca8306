/**
 * The editable holiday table (NgayNghi, domain §4.1: seeded from domain/holidays.ts at startup, replaced per year
 * by an admin) and the applicants' satisfaction ratings (§4.3), one per dossier.
 */
import { Migration } from '@mikro-orm/migrations';

/** Tables `holiday` and `dossier_rating`. */
export class AppCalendarRatings extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
CREATE TABLE holiday (
  date date PRIMARY KEY,
  name text NOT NULL,
  source text NOT NULL DEFAULT 'admin',
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE dossier_rating (
  dossier_code text PRIMARY KEY REFERENCES dossier (code),
  account_id uuid NOT NULL REFERENCES account (id),
  score smallint NOT NULL CHECK (score BETWEEN 1 AND 5),
  comment text CHECK (comment IS NULL OR length(comment) <= 1000),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dossier_rating_created_idx ON dossier_rating (created_at);
`);
  }
}
