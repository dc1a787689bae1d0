-- Pipeline: one transcript and one note per session, stage runs with timings, durable
-- dead letters, webhook subscriptions and their deliveries.

-- Re-drive counter: 0 for the first pipeline run, +1 per operator retry (part of job ids).
ALTER TABLE sessions ADD COLUMN pipeline_run integer NOT NULL DEFAULT 0;

CREATE TABLE transcripts (
  session_id  uuid PRIMARY KEY REFERENCES sessions(id),
  org_id      uuid NOT NULL REFERENCES organisations(id),
  engine      text NOT NULL,
  model       text NOT NULL,
  language    text,
  utterances  jsonb NOT NULL,
  sha256      text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE notes (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id         uuid NOT NULL REFERENCES organisations(id),
  session_id     uuid NOT NULL UNIQUE REFERENCES sessions(id),
  clinician_ref  text NOT NULL,
  status         text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'signed')),
  version        integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  -- A drafted note stays AI-generated for ever, also after edits and sign-off.
  ai_generated   boolean NOT NULL DEFAULT true CHECK (ai_generated),
  provenance     jsonb NOT NULL,
  sections       jsonb NOT NULL,
  coding         jsonb NOT NULL,
  -- What the drafter extracted and what the verifier dropped, for review and audit.
  draft_detail   jsonb,
  signature      jsonb,
  created_at     timestamptz NOT NULL DEFAULT date_trunc('milliseconds', clock_timestamp()),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notes_org_created_idx ON notes (org_id, created_at DESC, id DESC);

-- Every version of a note, immutable: version 1 is the AI draft; each edit or sign-off adds one.
CREATE TABLE note_revisions (
  note_id        uuid NOT NULL REFERENCES notes(id),
  version        integer NOT NULL,
  actor          text NOT NULL,
  clinician_ref  text,
  at             timestamptz NOT NULL DEFAULT clock_timestamp(),
  changes        jsonb NOT NULL,
  sections       jsonb NOT NULL,
  coding         jsonb NOT NULL,
  PRIMARY KEY (note_id, version)
);
CREATE FUNCTION note_revisions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'note_revisions is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER note_revisions_no_update BEFORE UPDATE OR DELETE ON note_revisions
  FOR EACH ROW EXECUTE FUNCTION note_revisions_immutable();

ALTER TABLE sessions ADD CONSTRAINT sessions_note_fk FOREIGN KEY (note_id) REFERENCES notes(id);

CREATE TABLE stage_runs (
  session_id     uuid NOT NULL REFERENCES sessions(id),
  stage          text NOT NULL CHECK (stage IN ('transcribe', 'draft', 'deliver')),
  run            integer NOT NULL,
  status         text NOT NULL CHECK (status IN ('queued', 'active', 'completed', 'failed')),
  attempts       integer NOT NULL DEFAULT 0,
  queued_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
  started_at     timestamptz,
  finished_at    timestamptz,
  error_code     text,
  error_message  text,
  PRIMARY KEY (session_id, stage, run)
);

CREATE TABLE dead_letters (
  id             bigserial PRIMARY KEY,
  session_id     uuid NOT NULL REFERENCES sessions(id),
  stage          text NOT NULL,
  run            integer NOT NULL,
  job_id         text NOT NULL,
  attempts       integer NOT NULL,
  error_code     text NOT NULL,
  error_message  text NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (session_id, stage, run)
);

CREATE TABLE webhooks (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id       uuid NOT NULL REFERENCES organisations(id),
  url          text NOT NULL,
  events       text[] NOT NULL,
  secret       text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  disabled_at  timestamptz
);
CREATE INDEX webhooks_org_idx ON webhooks (org_id);

CREATE TABLE webhook_deliveries (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  webhook_id    uuid NOT NULL REFERENCES webhooks(id),
  org_id        uuid NOT NULL REFERENCES organisations(id),
  event_id      uuid NOT NULL,
  event_type    text NOT NULL,
  -- Exactly the JSON body sent: ids only.
  payload       jsonb NOT NULL,
  status        text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts      integer NOT NULL DEFAULT 0,
  created_at    timestamptz NOT NULL DEFAULT now(),
  delivered_at  timestamptz,
  UNIQUE (webhook_id, event_id)
);

CREATE TABLE webhook_attempts (
  id             bigserial PRIMARY KEY,
  delivery_id    uuid NOT NULL REFERENCES webhook_deliveries(id),
  attempt        integer NOT NULL,
  at             timestamptz NOT NULL DEFAULT now(),
  status_code    integer,
  error          text,
  duration_ms    integer NOT NULL
);
CREATE INDEX webhook_attempts_delivery_idx ON webhook_attempts (delivery_id, attempt);
