/**
 * Schema of the embedded engine, in the PostgreSQL schema `engine`. Keys are 64-bit integers from one
 * sequence (handed out in blocks, see keys.ts); timestamps are epoch milliseconds from the engine clock, so
 * that tests can move time (the database clock is never used for engine decisions).
 */
import { Migration } from '@mikro-orm/migrations';
import type { MigrationObject } from '@mikro-orm/core';

class EngineInitial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
CREATE SCHEMA IF NOT EXISTS engine;
CREATE SEQUENCE engine.key_seq START WITH 2251799813685249 INCREMENT BY 1000;

CREATE TABLE engine.deployment (
  key bigint PRIMARY KEY,
  created_at bigint NOT NULL
);
CREATE TABLE engine.process_definition (
  key bigint PRIMARY KEY,
  bpmn_process_id text NOT NULL,
  version int NOT NULL,
  version_tag text,
  deployment_key bigint NOT NULL REFERENCES engine.deployment(key),
  resource_name text NOT NULL,
  checksum text NOT NULL,
  xml text NOT NULL,
  created_at bigint NOT NULL,
  UNIQUE (bpmn_process_id, version)
);
CREATE TABLE engine.form (
  key bigint PRIMARY KEY,
  form_id text NOT NULL,
  version int NOT NULL,
  deployment_key bigint NOT NULL REFERENCES engine.deployment(key),
  resource_name text NOT NULL,
  checksum text NOT NULL,
  schema jsonb NOT NULL,
  created_at bigint NOT NULL,
  UNIQUE (form_id, version)
);

CREATE TABLE engine.process_instance (
  key bigint PRIMARY KEY,
  process_definition_key bigint NOT NULL REFERENCES engine.process_definition(key),
  bpmn_process_id text NOT NULL,
  version int NOT NULL,
  state text NOT NULL,
  parent_process_instance_key bigint,
  parent_element_instance_key bigint,
  root_process_instance_key bigint NOT NULL,
  start_message_name text,
  start_correlation_key text,
  created_at bigint NOT NULL,
  ended_at bigint
);
CREATE INDEX process_instance_active_start_key ON engine.process_instance (bpmn_process_id, start_correlation_key)
  WHERE state = 'ACTIVE' AND start_correlation_key IS NOT NULL;
CREATE INDEX process_instance_parent ON engine.process_instance (parent_process_instance_key)
  WHERE parent_process_instance_key IS NOT NULL;
CREATE INDEX process_instance_by_definition ON engine.process_instance (bpmn_process_id, state);

CREATE TABLE engine.element_instance (
  key bigint PRIMARY KEY,
  process_instance_key bigint NOT NULL,
  element_id text NOT NULL,
  element_type text NOT NULL,
  flow_scope_key bigint,
  state text NOT NULL,
  data jsonb NOT NULL DEFAULT '{}',
  created_at bigint NOT NULL,
  ended_at bigint
);
CREATE INDEX element_instance_by_instance ON engine.element_instance (process_instance_key);

CREATE TABLE engine.variable (
  key bigint NOT NULL,
  process_instance_key bigint NOT NULL,
  scope_key bigint NOT NULL,
  name text NOT NULL,
  value jsonb,
  updated_at bigint NOT NULL,
  PRIMARY KEY (scope_key, name)
);
CREATE INDEX variable_by_instance ON engine.variable (process_instance_key);

CREATE TABLE engine.job (
  key bigint PRIMARY KEY,
  type text NOT NULL,
  state text NOT NULL,
  kind text NOT NULL DEFAULT 'BPMN_ELEMENT',
  listener_event_type text NOT NULL DEFAULT 'UNSPECIFIED',
  process_instance_key bigint NOT NULL,
  element_instance_key bigint NOT NULL,
  element_id text NOT NULL,
  bpmn_process_id text NOT NULL,
  process_definition_key bigint NOT NULL,
  process_definition_version int NOT NULL,
  retries int NOT NULL,
  retry_at bigint,
  deadline bigint,
  worker text,
  custom_headers jsonb NOT NULL DEFAULT '{}',
  scope_path bigint[] NOT NULL,
  error_message text,
  created_at bigint NOT NULL
);
CREATE INDEX job_activatable ON engine.job (type, key) WHERE state = 'ACTIVATABLE';
CREATE INDEX job_deadline ON engine.job (deadline) WHERE state = 'ACTIVATED';

CREATE INDEX job_by_element ON engine.job (element_instance_key);

CREATE TABLE engine.timer (
  key bigint PRIMARY KEY,
  process_instance_key bigint,
  element_instance_key bigint,
  process_definition_key bigint NOT NULL,
  element_id text NOT NULL,
  due_at bigint NOT NULL,
  repetitions int NOT NULL DEFAULT 1,
  cycle text,
  created_at bigint NOT NULL
);
CREATE INDEX timer_due ON engine.timer (due_at);
CREATE INDEX timer_by_element ON engine.timer (element_instance_key);
CREATE INDEX timer_by_definition ON engine.timer (process_definition_key) WHERE process_instance_key IS NULL;

CREATE TABLE engine.message_subscription (
  key bigint PRIMARY KEY,
  message_name text NOT NULL,
  correlation_key text NOT NULL,
  process_instance_key bigint,
  element_instance_key bigint,
  process_definition_key bigint NOT NULL,
  bpmn_process_id text NOT NULL,
  element_id text NOT NULL,
  interrupting boolean NOT NULL DEFAULT true,
  created_at bigint NOT NULL
);
CREATE INDEX message_subscription_lookup ON engine.message_subscription (message_name, correlation_key);
CREATE INDEX message_subscription_by_element ON engine.message_subscription (element_instance_key);
CREATE INDEX message_subscription_start ON engine.message_subscription (message_name) WHERE process_instance_key IS NULL;

CREATE TABLE engine.message (
  key bigint PRIMARY KEY,
  name text NOT NULL,
  correlation_key text NOT NULL,
  message_id text,
  variables jsonb NOT NULL DEFAULT '{}',
  expires_at bigint NOT NULL,
  created_at bigint NOT NULL
);
CREATE INDEX message_lookup ON engine.message (name, correlation_key, key);
CREATE INDEX message_expiry ON engine.message (expires_at);
CREATE UNIQUE INDEX message_id_unique ON engine.message (name, correlation_key, message_id) WHERE message_id IS NOT NULL;
CREATE TABLE engine.message_correlation (
  message_key bigint NOT NULL,
  bpmn_process_id text NOT NULL,
  PRIMARY KEY (message_key, bpmn_process_id)
);

CREATE TABLE engine.signal_subscription (
  key bigint PRIMARY KEY,
  signal_name text NOT NULL,
  process_instance_key bigint,
  element_instance_key bigint,
  process_definition_key bigint NOT NULL,
  bpmn_process_id text NOT NULL,
  element_id text NOT NULL,
  interrupting boolean NOT NULL DEFAULT true,
  created_at bigint NOT NULL
);
CREATE INDEX signal_subscription_lookup ON engine.signal_subscription (signal_name);
CREATE INDEX signal_subscription_by_element ON engine.signal_subscription (element_instance_key);

CREATE TABLE engine.incident (
  key bigint PRIMARY KEY,
  state text NOT NULL,
  error_type text NOT NULL,
  error_message text NOT NULL,
  process_instance_key bigint NOT NULL,
  element_instance_key bigint NOT NULL,
  element_id text NOT NULL,
  bpmn_process_id text NOT NULL,
  process_definition_key bigint NOT NULL,
  job_key bigint,
  failed_step jsonb NOT NULL DEFAULT '{}',
  created_at bigint NOT NULL,
  resolved_at bigint
);
CREATE INDEX incident_active ON engine.incident (process_instance_key) WHERE state = 'ACTIVE';

CREATE TABLE engine.user_task (
  key bigint PRIMARY KEY,
  state text NOT NULL,
  element_instance_key bigint NOT NULL,
  process_instance_key bigint NOT NULL,
  process_definition_key bigint NOT NULL,
  bpmn_process_id text NOT NULL,
  element_id text NOT NULL,
  name text,
  assignee text,
  candidate_groups text[] NOT NULL DEFAULT '{}',
  candidate_users text[] NOT NULL DEFAULT '{}',
  due_date text,
  follow_up_date text,
  priority int NOT NULL DEFAULT 50,
  form_key bigint,
  form_id text,
  external_form_reference text,
  custom_headers jsonb NOT NULL DEFAULT '{}',
  scope_path bigint[] NOT NULL,
  created_at bigint NOT NULL,
  completed_at bigint
);
CREATE INDEX user_task_open ON engine.user_task (state, created_at);
CREATE INDEX user_task_assignee ON engine.user_task (assignee) WHERE state = 'CREATED';
CREATE INDEX user_task_groups ON engine.user_task USING gin (candidate_groups);
CREATE INDEX user_task_by_instance ON engine.user_task (process_instance_key);

CREATE TABLE engine.record (
  position bigserial PRIMARY KEY,
  key bigint NOT NULL,
  value_type text NOT NULL,
  intent text NOT NULL,
  process_instance_key bigint,
  element_id text,
  element_type text,
  value jsonb NOT NULL,
  timestamp bigint NOT NULL
);
CREATE INDEX record_by_instance ON engine.record (process_instance_key, position);
`);
  }
}

/**
 * Task lists: every list asks for open tasks (state = 'CREATED') of some candidate groups, ordered by due date.
 * Partial indexes over the open tasks only: the group index no longer has to be intersected with a state index
 * (nor carry the completed history), and the due-date index serves the "overdue / due soon" ranges and ordered pages.
 */
class EngineOpenTaskIndexes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
CREATE INDEX IF NOT EXISTS user_task_open_groups ON engine.user_task USING gin (candidate_groups) WHERE state = 'CREATED';
CREATE INDEX IF NOT EXISTS user_task_open_due ON engine.user_task (due_date, key) WHERE state = 'CREATED';
`);
  }

  override async down(): Promise<void> {
    this.addSql(
      'DROP INDEX IF EXISTS engine.user_task_open_groups; DROP INDEX IF EXISTS engine.user_task_open_due;',
    );
  }
}

/** The engine's migrations, in order. */
export const engineMigrations: MigrationObject[] = [
  { name: 'Engine20261124Initial', class: EngineInitial },
  { name: 'Engine20261128OpenTaskIndexes', class: EngineOpenTaskIndexes },
];
