-- Spoken answers (issue 13). A candidate turn that was spoken keeps how it was captured and its
-- coaching figures (speaking time, filler words) as JSON in `speech`; NULL means typed.
ALTER TABLE turns ADD COLUMN speech TEXT;

-- The recordings a user chose to keep ("keep my recordings"). Without that opt-in no audio is
-- ever written: it is transcribed in memory and dropped. Base64 TEXT, so the Node SQLite store and
-- D1 bind it the same way.
CREATE TABLE IF NOT EXISTS audio_clips (
  id TEXT PRIMARY KEY NOT NULL,
  owner_id TEXT NOT NULL,
  session_id TEXT,
  mime_type TEXT NOT NULL,
  audio_base64 TEXT NOT NULL,
  transcript TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE INDEX IF NOT EXISTS audio_clips_by_owner ON audio_clips (owner_id, created_at);
