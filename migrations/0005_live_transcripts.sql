-- Live transcript: the final results a streaming engine (Deepgram live) returned while the
-- audio arrived, as the gateway relayed them to the clinician during the visit. Additive:
-- the worker's `transcripts` row (the whole recording, transcribed afterwards) stays the
-- source of the note; these rows record what was shown live. Text is PHI, stored like notes
-- (plain columns in Postgres, never logged); cancelling a session deletes its rows.

CREATE TABLE live_transcripts (
  session_id    uuid NOT NULL REFERENCES sessions(id),
  org_id        uuid NOT NULL REFERENCES organisations(id),
  -- The audio socket the result came from (audio_streams.writer_epoch at its takeover): one
  -- live engine stream per socket, whose speaker labels and clock restart with it.
  stream_epoch  integer NOT NULL,
  -- Order of the final within its socket's live stream (1, 2, ...).
  ordinal       integer NOT NULL CHECK (ordinal >= 1),
  speaker       text NOT NULL CHECK (speaker IN ('clinician', 'patient', 'other')),
  -- Seconds on the session's audio clock (from the first byte of the recording).
  start_sec     double precision NOT NULL CHECK (start_sec >= 0),
  end_sec       double precision NOT NULL,
  text          text NOT NULL,
  engine        text NOT NULL,
  model         text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (session_id, stream_epoch, ordinal),
  CHECK (end_sec >= start_sec)
);
