import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import { topicIds } from '../../core/types.ts';
import { startOptionsSchema, submitInputSchemaWith } from '../../interview/contract.ts';
import type { AppDeps } from '../deps.ts';
import type { AppEnv } from '../env.ts';
import { limitBody } from '../middleware/body-limit.ts';
import type { ErrorReporter } from '../middleware/error-handler.ts';
import { respondMaybeStreaming, wantsEventStream } from '../sse.ts';
import { answerText, parseQuery, readJsonBody } from '../validation.ts';

// Ids are ≥128-bit random URL-safe strings; anything else cannot name a session.
const sessionIdSchema = z.string().regex(/^[A-Za-z0-9_-]{16,128}$/);

/** `?reveal=1`: the owner asks to see the grades an active interview keeps back. */
const transcriptQuery = z.object({ reveal: z.enum(['0', '1']).optional() });

function sessionId(c: Context<AppEnv>): string {
  const parsed = sessionIdSchema.safeParse(c.req.param('id'));
  if (!parsed.success) throw new AppError('not_found', 'session not found');
  return parsed.data;
}

export interface SessionRouteOptions {
  limits: { answerBytes: number; answerBodyBytes: number; bodyBytes: number };
  report: ErrorReporter;
}

export function sessionRoutes(deps: AppDeps, options: SessionRouteOptions) {
  const { interview } = deps;
  const submitBody = submitInputSchemaWith(answerText(options.limits.answerBytes));

  return new Hono<AppEnv>()
    .post('/sessions', limitBody(options.limits.bodyBytes), async (c) => {
      const request = await readJsonBody(c, startOptionsSchema);
      const ownerId = c.get('ownerId');
      return respondMaybeStreaming(c, {
        status: 201,
        report: options.report,
        produce: async () => {
          const started = await interview.start(ownerId, request);
          return { id: started.session.id, mode: started.session.mode, message: started.message, session: started.session };
        },
        textOf: (body) => body.message.text,
      });
    })
    .get('/sessions', async (c) => c.json({ sessions: await interview.history(c.get('ownerId')) }))
    .post('/sessions/:id/answers', limitBody(options.limits.answerBodyBytes), async (c) => {
      const id = sessionId(c);
      const input = await readJsonBody(c, submitBody);
      // Ownership, the one-turn lock, 404 and 409 are all decided here, before an event stream
      // commits to status 200; another owner gets 404 even while the owner's answer is graded.
      const claim = await interview.claimTurn(id, c.get('ownerId'), input.turn);
      if (!wantsEventStream(c)) {
        try {
          return c.json(await interview.submitClaimed(claim, input));
        } finally {
          claim.release();
        }
      }
      return respondMaybeStreaming(c, {
        status: 200,
        report: options.report,
        produce: async (onToken) => {
          try {
            return await interview.submitClaimed(claim, input, onToken ? { onToken } : {});
          } finally {
            claim.release();
          }
        },
        textOf: (body) => body.next.text,
      });
    })
    .get('/sessions/:id', async (c) => {
      const id = sessionId(c);
      const query = parseQuery(c, transcriptQuery);
      return c.json(await interview.transcript(id, c.get('ownerId'), { reveal: query.reveal === '1' }));
    })
    .get('/sessions/:id/report', async (c) => c.json(await interview.report(sessionId(c), c.get('ownerId'))))
    .get('/sessions/:id/export.md', async (c) => {
      const id = sessionId(c);
      const markdown = await interview.exportMarkdown(id, c.get('ownerId'));
      c.header('Content-Type', 'text/markdown; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="mianba-${id}.md"`);
      return c.body(markdown);
    })
    .get('/drill/due', async (c) => {
      const query = parseQuery(c, z.object({ topic: z.enum(topicIds).optional() }));
      return c.json(await interview.due(c.get('ownerId'), query.topic));
    });
}
