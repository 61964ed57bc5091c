/**
 * The 题库 API: every card as its owner sees it, and the owner's fixes (overlays) to save, revert,
 * export and import. Overlays are owner-scoped like sessions; the notes are never rewritten.
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import { topicIds, type StoredCardOverlay } from '../../core/types.ts';
import { applyOverlays, cardIdSchema, cardOverlaySchema, cardSourceHash } from '../../ingest/card-overlays.ts';
import { cardView, matchesQuery, reviewFromScores, scoresOf } from '../card-views.ts';
import type { AppDeps } from '../deps.ts';
import type { AppEnv } from '../env.ts';
import { limitBody } from '../middleware/body-limit.ts';
import { parseQuery, readJsonBody } from '../validation.ts';

const listQuery = z.object({
  topic: z.enum(topicIds).optional(),
  q: z.string().trim().max(200).optional(),
  file: z.string().max(500).optional(),
});

/** At least one change: an empty overlay would be a revert, which is DELETE …/overlay. */
const overlayBody = cardOverlaySchema.refine((overlay) => Object.keys(overlay).length > 0, '没有任何修改（要恢复原样，请用 DELETE /api/cards/:id/overlay）');

/** The export format, also what an import accepts. */
const overlayFile = z.object({
  format: z.literal('mianba-card-overlays').optional(),
  version: z.literal(1).optional(),
  overlays: z
    .array(
      z.object({
        cardId: cardIdSchema,
        sourceHash: z.string().regex(/^[0-9a-f]{1,64}$/, 'not a source hash'),
        overlay: overlayBody,
        updatedAt: z.iso.datetime().optional(),
      }),
    )
    .max(2000),
});

function cardIdOf(c: Context<AppEnv>): string {
  const parsed = cardIdSchema.safeParse(c.req.param('id'));
  if (!parsed.success) throw new AppError('not_found', '题库里没有这道题');
  return parsed.data;
}

export function cardRoutes(deps: AppDeps, limits: { bodyBytes: number }) {
  const { kb, store } = deps;
  const now = () => new Date();

  /** The bank as this owner sees it, with the owner's overlays by card. */
  async function ownerBank(ownerId: string) {
    const overlays = await store.listOverlays(ownerId);
    return { cards: applyOverlays(kb.cards, overlays), overlays: new Map(overlays.map((stored) => [stored.cardId, stored])) };
  }

  async function viewOf(ownerId: string, cardId: string) {
    const { cards, overlays } = await ownerBank(ownerId);
    const card = cards.find((entry) => entry.id === cardId);
    if (!card) throw new AppError('not_found', '题库里没有这道题');
    const review = (await store.getCards(ownerId)).find((entry) => entry.questionId === cardId);
    return cardView(card, overlays.get(cardId), review, now());
  }

  return new Hono<AppEnv>()
    .get('/cards', async (c) => {
      const query = parseQuery(c, listQuery);
      const ownerId = c.get('ownerId');
      const { cards, overlays } = await ownerBank(ownerId);
      const reviews = new Map((await store.getCards(ownerId)).map((review) => [review.questionId, review]));
      const files = [...new Set(cards.map((card) => card.source))].sort();
      const at = now();
      const shown = cards.filter(
        (card) => (!query.topic || card.topics.includes(query.topic)) && (!query.file || card.source === query.file) && (!query.q || matchesQuery(card, query.q)),
      );
      // Edits whose card is gone (its question line changed in the notes) are kept, and listed so
      // the owner can see and drop them.
      const orphans = [...overlays.values()].filter((stored) => !kb.getCard(stored.cardId)).map(({ cardId, overlay, updatedAt }) => ({ cardId, overlay, updatedAt }));
      return c.json({ total: cards.length, files, cards: shown.map((card) => cardView(card, overlays.get(card.id), reviews.get(card.id), at)), orphans });
    })
    .get('/cards/:id', async (c) => {
      const ownerId = c.get('ownerId');
      const card = await viewOf(ownerId, cardIdOf(c));
      const scores = await scoresOf(store, ownerId, card.id);
      // Practice and interview answers leave no review card; their scores still say when it fades.
      return c.json({ card: { ...card, review: card.review ?? reviewFromScores(scores, now()) }, scores });
    })
    .put('/cards/:id', limitBody(limits.bodyBytes), async (c) => {
      const cardId = cardIdOf(c);
      const overlay = await readJsonBody(c, overlayBody);
      const card = kb.getCard(cardId);
      if (!card) throw new AppError('not_found', '题库里没有这道题');
      const ownerId = c.get('ownerId');
      if (overlay.mergedInto !== undefined) {
        if (overlay.mergedInto === cardId) throw new AppError('bad_request', 'mergedInto: 一道题不能合并到它自己');
        if (!kb.getCard(overlay.mergedInto)) throw new AppError('bad_request', 'mergedInto: 要合并到的题不存在');
        // One level only, so a merge always names the card that is asked.
        const owned = await store.listOverlays(ownerId);
        if (owned.some((stored) => stored.cardId === overlay.mergedInto && stored.overlay.mergedInto)) {
          throw new AppError('bad_request', 'mergedInto: 那道题已经合并到另一道题了，请直接合并到那一道');
        }
        if (owned.some((stored) => stored.overlay.mergedInto === cardId)) {
          throw new AppError('bad_request', 'mergedInto: 已有别的题合并到这道题，它不能再合并出去');
        }
      }
      await store.putOverlays([{ ownerId, cardId, sourceHash: cardSourceHash(card), overlay, updatedAt: now().toISOString() }]);
      return c.json({ card: await viewOf(ownerId, cardId) });
    })
    .delete('/cards/:id/overlay', async (c) => {
      const cardId = cardIdOf(c);
      const ownerId = c.get('ownerId');
      if (!(await store.deleteOverlay(ownerId, cardId))) throw new AppError('not_found', '这道题没有保存过修改');
      // An edit of a card the notes no longer have is simply gone.
      return c.json({ card: kb.getCard(cardId) ? await viewOf(ownerId, cardId) : null });
    })
    .get('/card-overlays', async (c) => {
      const overlays = await store.listOverlays(c.get('ownerId'));
      if (c.req.query('download') === '1') c.header('Content-Disposition', 'attachment; filename="mianba-card-overlays.json"');
      return c.json({
        format: 'mianba-card-overlays',
        version: 1,
        overlays: overlays.map(({ cardId, sourceHash, overlay, updatedAt }) => ({ cardId, sourceHash, overlay, updatedAt })),
      });
    })
    .post('/card-overlays', limitBody(limits.bodyBytes), async (c) => {
      const file = await readJsonBody(c, overlayFile);
      const ownerId = c.get('ownerId');
      const at = now().toISOString();
      file.overlays.forEach((entry, index) => {
        if (entry.overlay.mergedInto === entry.cardId) throw new AppError('bad_request', `overlays.${index}.overlay.mergedInto: 一道题不能合并到它自己`);
      });
      const imported: StoredCardOverlay[] = file.overlays.map((entry) => ({ ownerId, cardId: entry.cardId, sourceHash: entry.sourceHash, overlay: entry.overlay, updatedAt: entry.updatedAt ?? at }));
      await store.putOverlays(imported);
      // Overlays for cards these notes do not have are kept: they apply again if the note comes back.
      const unknown = imported.filter((entry) => !kb.getCard(entry.cardId)).length;
      return c.json({ imported: imported.length, unknownCards: unknown });
    });
}
