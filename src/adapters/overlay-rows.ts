/**
 * SQL and row mapping of `card_overlays` (migrations/0002), shared by the SQLite and the D1 store
 * like session-rows.ts. Runtime-agnostic.
 */
import type { CardOverlay, StoredCardOverlay } from '../core/types.ts';
import type { SqlValue } from './session-rows.ts';

export interface OverlayRow {
  owner_id: string;
  card_id: string;
  source_hash: string;
  overlay: string;
  updated_at: string;
}

export const overlaySql = {
  listOverlays: 'SELECT * FROM card_overlays WHERE owner_id = ? ORDER BY updated_at, card_id',
  upsertOverlay: `INSERT INTO card_overlays (owner_id, card_id, source_hash, overlay, updated_at)
  VALUES (?, ?, ?, ?, ?)
  ON CONFLICT (owner_id, card_id) DO UPDATE SET source_hash = excluded.source_hash, overlay = excluded.overlay, updated_at = excluded.updated_at`,
  deleteOverlay: 'DELETE FROM card_overlays WHERE owner_id = ? AND card_id = ?',
} as const;

export function overlayValues(overlay: StoredCardOverlay): SqlValue[] {
  return [overlay.ownerId, overlay.cardId, overlay.sourceHash, JSON.stringify(overlay.overlay), overlay.updatedAt];
}

export function overlayFromRow(row: OverlayRow): StoredCardOverlay {
  return {
    ownerId: row.owner_id,
    cardId: row.card_id,
    sourceHash: row.source_hash,
    overlay: JSON.parse(row.overlay) as CardOverlay,
    updatedAt: row.updated_at,
  };
}
