-- Ingest: per-session wrapped data keys, stream state, the encrypted segment manifest,
-- the durable tail of acknowledged frames not yet packed into a segment, and dictated text.
-- No audio is stored here in clear: every byte column below is AES-256-GCM ciphertext or a
-- wrapped key. Object keys carry ids only.

-- One data key per session, stored only wrapped by a key-encryption key (KEK). Setting
-- wrapped_key to NULL destroys the key: every segment, tail chunk and text of the session
-- becomes unreadable (crypto-shredding).
CREATE TABLE audio_data_keys (
  session_id    uuid PRIMARY KEY REFERENCES sessions(id),
  wrapped_key   bytea,
  kek_id        text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  destroyed_at  timestamptz,
  CHECK ((wrapped_key IS NULL) = (destroyed_at IS NOT NULL))
);

-- Who may write a session's audio. A writer (a socket or an upload) takes over by bumping
-- writer_epoch; every write re-checks its epoch and `accepting` under a row lock, so a
-- superseded socket, a finished or a cancelled session can never add audio.
CREATE TABLE audio_streams (
  session_id    uuid PRIMARY KEY REFERENCES sessions(id),
  source        text NOT NULL CHECK (source IN ('stream', 'upload', 'text')),
  encoding      text CHECK (encoding IN ('pcm_s16le', 'wav', 'webm_opus', 'ogg_opus')),
  sample_rate   integer CHECK (sample_rate BETWEEN 8000 AND 192000),
  channels      integer CHECK (channels BETWEEN 1 AND 8),
  writer_epoch  integer NOT NULL DEFAULT 0,
  accepting     boolean NOT NULL DEFAULT true,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);

-- The segment manifest: a session's audio is its segments in index order. Sequence numbers
-- are the client's frame numbers (streams) or chunk numbers (uploads); ranges are contiguous.
CREATE TABLE audio_segments (
  session_id     uuid NOT NULL REFERENCES sessions(id),
  segment_index  integer NOT NULL CHECK (segment_index >= 0),
  first_seq      bigint NOT NULL CHECK (first_seq >= 1),
  last_seq       bigint NOT NULL,
  byte_count     integer NOT NULL CHECK (byte_count > 0),
  sha256         text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  object_key     text NOT NULL UNIQUE,
  nonce          bytea NOT NULL CHECK (length(nonce) = 12),
  created_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (session_id, segment_index),
  UNIQUE (session_id, first_seq),
  CHECK (last_seq >= first_seq)
);

-- Acknowledged frames not yet in a segment: one encrypted chunk per (session, group commit).
-- A frame is acked once its chunk commits here; chunks move into a segment (and are deleted)
-- when SEGMENT_TARGET_BYTES accumulate or the recording ends.
CREATE TABLE audio_pending_chunks (
  session_id   uuid NOT NULL REFERENCES sessions(id),
  first_seq    bigint NOT NULL CHECK (first_seq >= 1),
  last_seq     bigint NOT NULL,
  byte_count   integer NOT NULL CHECK (byte_count > 0),
  nonce        bytea NOT NULL CHECK (length(nonce) = 12),
  ciphertext   bytea NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (session_id, first_seq),
  CHECK (last_seq >= first_seq)
);

-- Text dictated on the device (speech already recognised): stored encrypted in the blob
-- store like audio; the transcript source for a session that skips ASR.
CREATE TABLE dictation_texts (
  session_id   uuid PRIMARY KEY REFERENCES sessions(id),
  object_key   text NOT NULL UNIQUE,
  nonce        bytea NOT NULL CHECK (length(nonce) = 12),
  sha256       text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  char_count   integer NOT NULL CHECK (char_count > 0),
  created_at   timestamptz NOT NULL DEFAULT now()
);
