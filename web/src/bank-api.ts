import * as z from 'zod/mini';
import { getJson, parseWith, send } from './api.ts';

/** The browser's view of the 题库 API (src/server/routes/cards.ts), lenient about extra fields. */
const weightedPoint = z.object({ text: z.string(), weight: z.number() });
export type WeightedPoint = z.infer<typeof weightedPoint>;

const overlay = z.object({
  question: z.optional(z.string()),
  keyPoints: z.optional(z.array(weightedPoint)),
  excluded: z.optional(z.boolean()),
  mergedInto: z.optional(z.string()),
  topics: z.optional(z.array(z.string())),
});
export type CardOverlay = z.infer<typeof overlay>;

const review = z.object({ due: z.string(), retrievability: z.number(), reps: z.number(), lapses: z.number() });

const bankCard = z.object({
  id: z.string(),
  question: z.string(),
  context: z._default(z.string(), ''),
  code: z.optional(z.string()),
  reference: z.string(),
  source: z.string(),
  heading: z.string(),
  lines: z.object({ start: z.number(), end: z.number() }),
  keyPoints: z.array(weightedPoint),
  followups: z._default(z.array(z.object({ question: z.string(), answer: z.optional(z.string()) })), []),
  variants: z._default(z.array(z.string()), []),
  topics: z.array(z.string()),
  kind: z.string(),
  answered: z.boolean(),
  asked: z.boolean(),
  overlay: z.nullable(overlay),
  needsReview: z.boolean(),
  review: z.nullable(review),
  compiledBy: z._default(z.nullable(z.string()), null),
});
export type BankCard = z.infer<typeof bankCard>;

const orphan = z.object({ cardId: z.string(), overlay, updatedAt: z.string() });
export type OrphanedEdit = z.infer<typeof orphan>;
const cardList = z.object({ total: z.number(), files: z.array(z.string()), cards: z.array(bankCard), orphans: z._default(z.array(orphan), []) });
export type CardList = z.infer<typeof cardList>;

const scoreEntry = z.object({ score: z.number(), at: z.string(), sessionId: z.string(), mode: z.string() });
const cardDetail = z.object({ card: bankCard, scores: z.array(scoreEntry) });
export type CardDetail = z.infer<typeof cardDetail>;

const savedCard = z.object({ card: bankCard });
const imported = z.object({ imported: z.number(), unknownCards: z.number() });

const json = { 'content-type': 'application/json', accept: 'application/json' };

async function parsed<T>(response: Response, schema: z.ZodMiniType<T>): Promise<T> {
  return parseWith(schema, await response.json().catch(() => undefined));
}

export const bankApi = {
  cards: () => getJson('/api/cards', cardList),
  card: (id: string) => getJson(`/api/cards/${encodeURIComponent(id)}`, cardDetail),
  save: async (id: string, body: CardOverlay) =>
    (await parsed(await send(`/api/cards/${encodeURIComponent(id)}`, { method: 'PUT', headers: json, body: JSON.stringify(body) }), savedCard)).card,
  /** Requests that change anything are JSON, even without a body (the server's cross-site guard). */
  revert: async (id: string) => (await parsed(await send(`/api/cards/${encodeURIComponent(id)}/overlay`, { method: 'DELETE', headers: json }), savedCard)).card,
  /** Drops an edit whose card the notes no longer have. */
  dropOrphan: async (id: string) => {
    await send(`/api/cards/${encodeURIComponent(id)}/overlay`, { method: 'DELETE', headers: json });
  },
  exportUrl: '/api/card-overlays?download=1',
  importOverlays: async (text: string) => parsed(await send('/api/card-overlays', { method: 'POST', headers: json, body: text }), imported),
};
