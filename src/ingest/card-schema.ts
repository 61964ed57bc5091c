/**
 * The zod schema of a stored card: the Node index and the Workers bundle read cards back from
 * JSON written by an earlier build, so they are validated at that boundary like any input.
 */
import { z } from 'zod';
import { cardKinds, topicIds, type Card } from '../core/types.ts';

export const cardSchema = z.object({
  id: z.string(),
  question: z.string(),
  context: z.string(),
  code: z.string().optional(),
  reference: z.string(),
  keyPoints: z.array(z.object({ text: z.string(), concepts: z.array(z.string()), weight: z.number().min(0).max(1) })),
  followups: z.array(z.object({ question: z.string(), answer: z.string().optional() })),
  topics: z.array(z.enum(topicIds)),
  kind: z.enum(cardKinds),
  answered: z.boolean(),
  variants: z.array(z.string()).optional(),
  searchOnly: z.boolean().optional(),
  source: z.string(),
  headingPath: z.array(z.string()),
  lines: z.object({ start: z.number().int(), end: z.number().int() }),
  compiled: z.object({ model: z.string(), keyPoints: z.boolean() }).optional(),
}) satisfies z.ZodType<Card>;
