import * as z from 'zod/mini';
import { getJson } from './api.ts';

/** The browser's view of GET /api/progress (src/interview/progress.ts), lenient about extra fields. */
const masteryRow = z.object({
  key: z.string(),
  name: z.string(),
  mastery: z.number(),
  practised: z.number(),
  cards: z.number(),
  trend: z.array(z.nullable(z.number())),
});
export type MasteryRow = z.infer<typeof masteryRow>;

const weakCard = z.object({
  questionId: z.string(),
  question: z.string(),
  topics: z.array(z.string()),
  source: z.string(),
  mastery: z.number(),
  lastScore: z.number(),
  retrievability: z.number(),
  reviews: z.number(),
});
export type WeakCard = z.infer<typeof weakCard>;

const progress = z.object({
  overall: z.nullable(z.number()),
  sessions: z.array(z.object({ id: z.string(), mode: z.string(), at: z.string(), overall: z.number() })),
  topics: z.array(masteryRow),
  files: z.array(masteryRow),
  weakest: z.array(weakCard),
  due: z.array(z.object({ date: z.string(), count: z.number() })),
});
export type Progress = z.infer<typeof progress>;

/** Due days are counted in the viewer's time zone. */
export function fetchProgress(): Promise<Progress> {
  return getJson(`/api/progress?tz=${new Date().getTimezoneOffset()}`, progress);
}
