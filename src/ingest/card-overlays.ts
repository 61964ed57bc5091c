/**
 * An owner's fixes of the question bank (题库 page), laid over the parsed cards whenever a
 * consumer reads them for that owner: the list, search, grading and the interview planner all see
 * the same overlaid bank. The notes themselves are never rewritten. Runtime-agnostic.
 */
import { z } from 'zod';
import { stableHash } from '../core/hash.ts';
import { topicIds, type Card, type CardKeyPoint, type KnowledgeBase, type StoredCardOverlay } from '../core/types.ts';

/** Card ids are stable hashes; this bounds what a request may name as one. */
export const cardIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a card id');

/** What `PUT /api/cards/:id` accepts, and every overlay an import holds. */
export const cardOverlaySchema = z
  .object({
    question: z.string().trim().min(1, '问题不能为空').max(1000).optional(),
    keyPoints: z
      .array(
        z.object({
          text: z.string().trim().min(1, '要点不能为空').max(500),
          weight: z.number().min(0).max(1),
        }),
      )
      .min(1, '至少保留一个要点（想用笔记原有的要点，请恢复原样）')
      .max(24)
      .optional(),
    excluded: z.boolean().optional(),
    mergedInto: cardIdSchema.optional(),
    topics: z.array(z.enum(topicIds)).min(1).max(5).optional(),
  })
  .strict();

/**
 * The note text a card stands on: its place in the notes, its answer and its code. An overlay
 * saved over one hash and read over another was made for a note that has since changed.
 */
export function cardSourceHash(card: Card): string {
  return stableHash([card.source, card.headingPath.join('\u0001'), card.reference, card.code ?? ''].join('\u0000'));
}

/** A reworded point keeps the concepts of the original that it still names (follow-ups ask by concept). */
function ownKeyPoints(points: ReadonlyArray<{ text: string; weight: number }>, original: readonly CardKeyPoint[]): CardKeyPoint[] {
  const known = [...new Set(original.flatMap((point) => point.concepts))];
  return points.map((point) => {
    const same = original.find((before) => before.text === point.text);
    const lower = point.text.toLowerCase();
    return { text: point.text, weight: point.weight, concepts: same?.concepts ?? known.filter((concept) => lower.includes(concept.toLowerCase())) };
  });
}

/**
 * The bank as one owner sees it. Edited fields replace the parsed ones; an excluded card and a
 * merged one are never asked (merged: its wording becomes a variant of the card it was merged
 * into, so a session asks the pair once). A merge into a card that no longer exists is ignored.
 */
export function applyOverlays(cards: readonly Card[], overlays: readonly StoredCardOverlay[]): Card[] {
  if (overlays.length === 0) return [...cards];
  const byCard = new Map(overlays.map((stored) => [stored.cardId, stored]));
  const edited = cards.map((card): Card => {
    const stored = byCard.get(card.id);
    if (!stored) return card;
    const { overlay } = stored;
    return {
      ...card,
      ...(overlay.question ? { question: overlay.question } : {}),
      ...(overlay.keyPoints ? { keyPoints: ownKeyPoints(overlay.keyPoints, card.keyPoints) } : {}),
      ...(overlay.topics ? { topics: [...overlay.topics] } : {}),
      ...(overlay.excluded ? { searchOnly: true } : {}),
      edit: { keyPoints: Boolean(overlay.keyPoints), needsReview: stored.sourceHash !== cardSourceHash(card), updatedAt: stored.updatedAt },
    };
  });
  const index = new Map(edited.map((card, position) => [card.id, position]));
  for (const stored of overlays) {
    const target = stored.overlay.mergedInto;
    const from = index.get(stored.cardId);
    const into = target === undefined ? undefined : index.get(target);
    if (from === undefined || into === undefined || target === stored.cardId || byCard.get(target ?? '')?.overlay.mergedInto) continue;
    const merged = edited[from] as Card;
    const primary = edited[into] as Card;
    const variants = [...(primary.variants ?? []), merged.question, ...(merged.variants ?? [])].filter((question) => question !== primary.question);
    edited[into] = { ...primary, variants: [...new Set(variants)], followups: [...primary.followups, ...merged.followups] };
    edited[from] = { ...merged, searchOnly: true };
  }
  return edited;
}

/** Is this card kept out of search and sessions by its owner? */
export function isExcluded(overlays: readonly StoredCardOverlay[], cardId: string): boolean {
  return overlays.some((stored) => stored.cardId === cardId && stored.overlay.excluded === true);
}

/**
 * The knowledge base seen through an owner's overlays: cards edited, excluded cards' passages
 * left out of search. With no overlay it is the base itself.
 */
export function overlaidKnowledgeBase(kb: KnowledgeBase, overlays: readonly StoredCardOverlay[]): KnowledgeBase {
  if (overlays.length === 0) return kb;
  const cards = applyOverlays(kb.cards, overlays);
  const byId = new Map(cards.map((card) => [card.id, card]));
  const excluded = new Set(overlays.filter((stored) => stored.overlay.excluded).map((stored) => stored.cardId));
  const moved = overlays.some((stored) => stored.overlay.topics);
  return {
    cards,
    chunks: kb.chunks,
    getCard: (id) => byId.get(id) ?? kb.getCard(id),
    async search(query, options = {}) {
      const topics = options.topics ?? [];
      const byTopic = moved && topics.length > 0;
      if (excluded.size === 0 && !byTopic) return kb.search(query, options);
      const k = options.k ?? 5;
      // The index knows each passage's topics as parsed; a moved card is filtered by its owner's
      // topics instead, from a wider search (50 is the search limit). Likewise enough more are
      // asked for that dropping the excluded cards' passages still leaves k.
      const wider = byTopic ? { ...options, topics: [], k: 50 } : { ...options, k: Math.min(50, k + excluded.size) };
      const inTopics = (cardId: string) => !byTopic || (byId.get(cardId)?.topics ?? []).some((topic) => topics.includes(topic));
      const hits = await kb.search(query, wider);
      return hits.filter((hit) => !excluded.has(hit.chunk.cardId) && inTopics(hit.chunk.cardId)).slice(0, k);
    },
    similarity: (a, b) => kb.similarity(a, b),
  };
}
