/** Builds an interview service over the sample bank with a controllable clock and seed. */
import type { Grade, GradeRequest, Grader, KnowledgeBase, Card } from '../../src/core/types.ts';
import { finishCards } from '../../src/ingest/card-bank.ts';
import { createInterviewService, type InterviewDeps, type InterviewService } from '../../src/interview/interview-service.ts';
import { BigramGrader, BigramKnowledgeBase } from './bigram-knowledge.ts';
import { loadPrompts, sampleItems } from './interview-fixtures.ts';
import { MemorySessionStore } from './memory-store.ts';
import { seededRandom } from './seeded-random.ts';

export interface Harness {
  service: InterviewService;
  store: MemorySessionStore;
  kb: KnowledgeBase;
  grader: Grader & { requests: GradeRequest[] };
  clock: { now: Date };
}

/** Counts grader calls; every request is forwarded to the wrapped grader unchanged. */
export class RecordingGrader implements Grader {
  readonly requests: GradeRequest[] = [];
  constructor(private readonly inner: Grader, private readonly adjust?: (grade: Grade) => Grade) {}
  async grade(request: GradeRequest, options?: { signal?: AbortSignal }): Promise<Grade> {
    this.requests.push(request);
    const grade = await this.inner.grade(request, options);
    return this.adjust ? this.adjust(grade) : grade;
  }
}

export function makeHarness(
  options: {
    items?: Card[];
    seed?: number;
    grader?: (kb: KnowledgeBase) => Grader;
    extra?: Partial<InterviewDeps>;
    store?: MemorySessionStore;
    clock?: { now: Date };
  } = {},
): Harness {
  // The bank's own finishing step gives the sample cards key points with concepts and weights.
  const kb = new BigramKnowledgeBase(finishCards([...(options.items ?? sampleItems)]));
  const clock = options.clock ?? { now: new Date('2026-03-01T09:00:00.000Z') };
  const store = options.store ?? new MemorySessionStore(() => clock.now);
  const grader = new RecordingGrader(options.grader ? options.grader(kb) : new BigramGrader(kb));
  let counter = 0;
  const service = createInterviewService({
    kb,
    grader,
    store,
    prompts: loadPrompts(),
    random: seededRandom(options.seed ?? 7),
    now: () => clock.now,
    newId: () => `session-${(counter += 1)}-${options.seed ?? 7}`,
    ...options.extra,
  });
  return { service, store, kb, grader, clock };
}
