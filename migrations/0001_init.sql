-- MianBa session storage. Plain SQLite so the Node store (better-sqlite3) and the Workers store
-- (D1) apply the same file. JSON-valued columns hold TEXT produced by JSON.stringify.

CREATE TABLE IF NOT EXISTS sessions (
  id TEXT PRIMARY KEY NOT NULL,
  owner_id TEXT NOT NULL,
  mode TEXT NOT NULL CHECK (mode IN ('interview', 'practice', 'drill')),
  topics TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('active', 'done')),
  version INTEGER NOT NULL,
  state TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE INDEX IF NOT EXISTS sessions_by_owner ON sessions (owner_id, created_at);

CREATE TABLE IF NOT EXISTS turns (
  session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('interviewer', 'candidate')),
  kind TEXT NOT NULL,
  text TEXT NOT NULL,
  question_id TEXT,
  grade TEXT,
  created_at TEXT NOT NULL,
  PRIMARY KEY (session_id, seq)
);

CREATE TABLE IF NOT EXISTS review_cards (
  owner_id TEXT NOT NULL,
  question_id TEXT NOT NULL,
  topics TEXT NOT NULL,
  due TEXT NOT NULL,
  card TEXT NOT NULL,
  PRIMARY KEY (owner_id, question_id)
);

CREATE INDEX IF NOT EXISTS review_cards_by_due ON review_cards (owner_id, due);
