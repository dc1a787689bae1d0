-- Foundation: tenants, API keys, sessions, and the append-only audit trail.

CREATE TABLE organisations (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name        text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- A key is shown once; only its SHA-256 is stored. `prefix` is the public part used to
-- find the row (it carries no secret).
CREATE TABLE api_keys (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id      uuid NOT NULL REFERENCES organisations(id),
  prefix      text NOT NULL UNIQUE,
  key_hash    bytea NOT NULL,
  scopes      text[] NOT NULL,
  label       text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  revoked_at  timestamptz
);
CREATE INDEX api_keys_org_idx ON api_keys (org_id);

CREATE TABLE sessions (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id               uuid NOT NULL REFERENCES organisations(id),
  mode                 text NOT NULL CHECK (mode IN ('ambient', 'dictation')),
  discipline           text NOT NULL CHECK (discipline IN ('pt', 'ot', 'slp', 'chiro', 'massage')),
  note_type            text NOT NULL CHECK (note_type IN ('evaluation', 'daily', 'progress', 'reevaluation', 'discharge')),
  patient_ref          text NOT NULL,
  encounter_ref        text NOT NULL,
  case_ref             text,
  clinician_ref        text NOT NULL,
  date_of_service      date NOT NULL,
  payer                jsonb NOT NULL,
  context              jsonb,
  consent              jsonb,
  audio_format         jsonb,
  status               text NOT NULL DEFAULT 'created' CHECK (status IN
                         ('created', 'recording', 'recorded', 'transcribing', 'transcribed', 'drafting', 'drafted', 'failed', 'cancelled')),
  failure_stage        text,
  failure_code         text,
  failure_message      text,
  audio_bytes          bigint NOT NULL DEFAULT 0,
  audio_duration_sec   double precision NOT NULL DEFAULT 0,
  audio_sha256         text,
  note_id              uuid,
  created_by_key       uuid REFERENCES api_keys(id),
  -- Millisecond precision so a paging cursor (ISO time + id) compares exactly.
  created_at           timestamptz NOT NULL DEFAULT date_trunc('milliseconds', clock_timestamp()),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  recording_started_at timestamptz,
  ended_at             timestamptz,
  transcribed_at       timestamptz,
  drafted_at           timestamptz
);
-- Cursor paging: newest first within an organisation.
CREATE INDEX sessions_org_created_idx ON sessions (org_id, created_at DESC, id DESC);
CREATE INDEX sessions_org_status_created_idx ON sessions (org_id, status, created_at DESC, id DESC);

-- Who touched which record, when. Rows are never updated or deleted.
CREATE TABLE audit_events (
  id             bigserial PRIMARY KEY,
  org_id         uuid NOT NULL REFERENCES organisations(id),
  at             timestamptz NOT NULL DEFAULT clock_timestamp(),
  actor_key_id   uuid,
  actor          text NOT NULL,
  clinician_ref  text,
  action         text NOT NULL,
  resource_type  text NOT NULL,
  resource_id    uuid,
  request_id     text
);
CREATE INDEX audit_events_org_resource_idx ON audit_events (org_id, resource_id, at DESC);
CREATE INDEX audit_events_org_at_idx ON audit_events (org_id, at DESC);

CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
