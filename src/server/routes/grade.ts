import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../deps.ts';
import type { AppEnv } from '../env.ts';
import { limitBody } from '../middleware/body-limit.ts';
import { answerText, readJsonBody } from '../validation.ts';

const referenceSchema = z.object({
  source: z.string().max(500),
  heading: z.string().max(2000),
  text: z.string().max(20_000),
});

export function gradeRoutes(deps: AppDeps, limits: { answerBytes: number; bodyBytes: number }) {
  const gradeRequest = z.object({
    question: z.string().trim().min(1, 'question must not be empty').max(4000),
    answer: answerText(limits.answerBytes),
    references: z.array(referenceSchema).max(10).optional(),
  });
  return new Hono<AppEnv>().post('/grade', limitBody(limits.bodyBytes), async (c) => {
    const request = await readJsonBody(c, gradeRequest);
    const grade = await deps.grader.grade(
      { question: request.question, answer: request.answer, ...(request.references ? { references: request.references } : {}) },
      { signal: c.req.raw.signal },
    );
    return c.json(grade);
  });
}
