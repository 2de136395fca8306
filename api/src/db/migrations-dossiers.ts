/**
 * Dossiers (hồ sơ) and what hangs off them: status history, process steps, attachments, issued documents,
 * comments, the audit log, and the small demo registers that the service-specific workers consult.
 */
import { Migration } from '@mikro-orm/migrations';

/** Tables of the dossier, task, tracking and audit modules. */
export class AppDossiers extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
CREATE TABLE dossier (
  code text PRIMARY KEY,
  agency_code text NOT NULL,
  procedure_id uuid NOT NULL REFERENCES procedure (id),
  procedure_code text NOT NULL,
  procedure_name text NOT NULL,
  variant_key text NOT NULL,
  bpmn_process_id text NOT NULL,
  process_instance_key text,
  process_version integer,
  lifecycle text NOT NULL DEFAULT 'starting' CHECK (lifecycle IN ('starting', 'active', 'start-failed', 'closed')),
  status smallint CHECK (status BETWEEN 1 AND 10),
  channel text NOT NULL CHECK (channel IN ('direct', 'online', 'post')),
  delivery_method text NOT NULL CHECK (delivery_method IN ('in-person', 'post', 'online')),
  applicant_account_id uuid REFERENCES account (id),
  applicant_type text NOT NULL,
  applicant_name text NOT NULL,
  applicant_id_number text,
  applicant_email text,
  applicant_phone text,
  applicant_address text,
  form_data jsonb NOT NULL DEFAULT '{}',
  tracking_hash text NOT NULL,
  idempotency_key text,
  request_hash text,
  submitted_at timestamptz NOT NULL,
  received_at timestamptz,
  clock_started_at timestamptz,
  appointment_at timestamptz,
  due_at timestamptz,
  paused_at timestamptz,
  pauses jsonb NOT NULL DEFAULT '[]',
  finished_at timestamptz,
  returned_at timestamptz,
  current_element text,
  stop_reason text,
  start_error text,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX dossier_idempotency_key ON dossier (applicant_account_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX dossier_applicant_idx ON dossier (applicant_account_id, submitted_at DESC);
CREATE INDEX dossier_instance_idx ON dossier (process_instance_key);
CREATE INDEX dossier_agency_status_idx ON dossier (agency_code, status);

CREATE TABLE dossier_history (
  id bigserial PRIMARY KEY,
  dossier_code text NOT NULL REFERENCES dossier (code) ON DELETE CASCADE,
  status smallint NOT NULL CHECK (status BETWEEN 1 AND 10),
  from_status smallint,
  element_id text,
  job_key text UNIQUE,
  actor text,
  at timestamptz NOT NULL,
  due_at timestamptz,
  note text,
  dvcqg_status smallint NOT NULL,
  dvcqg_synced_at timestamptz
);
CREATE INDEX dossier_history_dossier_idx ON dossier_history (dossier_code, at, id);
CREATE INDEX dossier_history_sync_idx ON dossier_history (id) WHERE dvcqg_synced_at IS NULL;

CREATE TABLE dossier_instance (
  process_instance_key text PRIMARY KEY,
  dossier_code text NOT NULL REFERENCES dossier (code) ON DELETE CASCADE,
  bpmn_process_id text NOT NULL,
  process_definition_key text NOT NULL
);
CREATE INDEX dossier_instance_dossier_idx ON dossier_instance (dossier_code);

CREATE TABLE dossier_step (
  element_instance_key text PRIMARY KEY,
  dossier_code text NOT NULL REFERENCES dossier (code) ON DELETE CASCADE,
  process_instance_key text NOT NULL,
  element_id text NOT NULL,
  started_at timestamptz NOT NULL,
  due_at timestamptz,
  completed_at timestamptz,
  completed_by text,
  decision text
);
CREATE INDEX dossier_step_dossier_idx ON dossier_step (dossier_code, started_at);

CREATE TABLE dossier_attachment (
  id uuid PRIMARY KEY,
  dossier_code text NOT NULL REFERENCES dossier (code) ON DELETE CASCADE,
  file_name text NOT NULL,
  media_type text NOT NULL,
  size_bytes integer NOT NULL,
  sha256 text NOT NULL,
  storage_key text NOT NULL,
  purpose text NOT NULL DEFAULT 'application',
  uploaded_by uuid,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dossier_attachment_dossier_idx ON dossier_attachment (dossier_code, created_at);

CREATE TABLE dossier_document (
  id uuid PRIMARY KEY,
  dossier_code text NOT NULL REFERENCES dossier (code) ON DELETE CASCADE,
  kind text NOT NULL,
  number text NOT NULL,
  storage_key text,
  data jsonb NOT NULL DEFAULT '{}',
  job_key text UNIQUE,
  created_at timestamptz NOT NULL
);
CREATE INDEX dossier_document_dossier_idx ON dossier_document (dossier_code, kind, created_at);

CREATE TABLE document_number_sequence (
  kind text NOT NULL,
  year integer NOT NULL,
  last integer NOT NULL,
  PRIMARY KEY (kind, year)
);

CREATE TABLE dossier_comment (
  id bigserial PRIMARY KEY,
  dossier_code text NOT NULL REFERENCES dossier (code) ON DELETE CASCADE,
  author_account_id uuid NOT NULL,
  author_name text NOT NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dossier_comment_dossier_idx ON dossier_comment (dossier_code, created_at);

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  account_id uuid,
  username text,
  ip text,
  method text NOT NULL,
  route text NOT NULL,
  url text NOT NULL,
  status integer NOT NULL,
  target text,
  details jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);
CREATE INDEX audit_log_target_idx ON audit_log (target, at DESC);

CREATE TABLE register_driving_licence (
  licence_number text PRIMARY KEY,
  holder_id_number text NOT NULL,
  licence_class text NOT NULL,
  expiry_date date,
  status text NOT NULL DEFAULT 'valid' CHECK (status IN ('valid', 'revoked', 'cut'))
);
CREATE INDEX register_driving_licence_holder_idx ON register_driving_licence (holder_id_number);

CREATE TABLE register_driving_exam (
  id_number text NOT NULL,
  licence_class text NOT NULL,
  exam_date date NOT NULL,
  passed boolean NOT NULL,
  council text NOT NULL,
  PRIMARY KEY (id_number, licence_class, exam_date)
);

CREATE TABLE register_household_business (
  code text PRIMARY KEY,
  name text NOT NULL,
  name_key text NOT NULL,
  owner_id_number text NOT NULL,
  agency_code text NOT NULL,
  dossier_code text UNIQUE,
  registered_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX register_household_business_name_idx ON register_household_business (name_key);
CREATE INDEX register_household_business_owner_idx ON register_household_business (owner_id_number);

INSERT INTO register_driving_licence (licence_number, holder_id_number, licence_class, expiry_date) VALUES
  ('820123456789', '082201000001', 'B2', '2026-06-30'),
  ('820123456790', '082201000002', 'A1', NULL),
  ('820123456791', '082201000003', 'C', '2024-12-31');
INSERT INTO register_driving_exam (id_number, licence_class, exam_date, passed, council) VALUES
  ('082201000004', 'B2', '2026-02-20', true, 'Hội đồng sát hạch Trung tâm đào tạo lái xe Tiền Giang'),
  ('082201000005', 'B2', '2026-02-20', false, 'Hội đồng sát hạch Trung tâm đào tạo lái xe Tiền Giang');
INSERT INTO register_household_business (code, name, name_key, owner_id_number, agency_code) VALUES
  ('82A8000001', 'Tạp hóa Thanh Bình', 'tap hoa thanh binh', '082201000009', '000.00.00.H58');
`);
  }
}

/**
 * DVCQG sync sender (modules/dvcqg): per-dossier retry state (attempts, next attempt, last error; the row is also
 * the per-dossier lock taken with FOR UPDATE SKIP LOCKED) and the payloads kept by the "record" adapter when no
 * DVCQG_SYNC_URL is configured.
 */
export class AppDvcqgSync extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
CREATE TABLE dvcqg_sync_state (
  dossier_code text PRIMARY KEY REFERENCES dossier (code) ON DELETE CASCADE,
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz,
  last_error text,
  last_attempt_at timestamptz,
  last_synced_at timestamptz
);
CREATE INDEX dvcqg_sync_state_failing_idx ON dvcqg_sync_state (next_attempt_at) WHERE attempts > 0;

CREATE TABLE dvcqg_sync_record (
  id bigserial PRIMARY KEY,
  dossier_code text NOT NULL,
  history_ids bigint[] NOT NULL,
  payload jsonb NOT NULL,
  recorded_at timestamptz NOT NULL
);
CREATE INDEX dvcqg_sync_record_recorded_idx ON dvcqg_sync_record (recorded_at DESC, id DESC);
CREATE INDEX dvcqg_sync_record_dossier_idx ON dvcqg_sync_record (dossier_code, id);
`);
  }
}

/**
 * Paper submission at the one-stop desk (tiếp nhận hồ sơ trực tiếp): the officer who received a `direct` dossier
 * (the applicant has no account, `applicant_account_id` stays NULL), and the officer's idempotency keys.
 */
export class AppPaperDossiers extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
ALTER TABLE dossier ADD COLUMN received_by uuid REFERENCES account (id);
CREATE UNIQUE INDEX dossier_paper_idempotency_key ON dossier (received_by, idempotency_key)
  WHERE idempotency_key IS NOT NULL AND applicant_account_id IS NULL;
`);
  }
}
