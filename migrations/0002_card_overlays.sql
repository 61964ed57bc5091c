-- An owner's fixes to cards of the question bank (题库 page). The notes are never rewritten: an
-- overlay is applied over the card with the same id when the bank is read. `source_hash` is the
-- hash of the card's note text when the overlay was saved; a different hash today means the note
-- changed under the edit, which the page flags for review. `overlay` is JSON (CardOverlay).

CREATE TABLE IF NOT EXISTS card_overlays (
  owner_id TEXT NOT NULL,
  card_id TEXT NOT NULL,
  source_hash TEXT NOT NULL,
  overlay TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (owner_id, card_id)
);
