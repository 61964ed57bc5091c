/**
 * A small but genuine KnowledgeBase and Grader for engine tests, independent of the production
 * retrieval and grading code so interview tests can pin exact follow-up and hint behaviour:
 * - the knowledge base searches and compares texts by character-bigram cosine;
 * - the grader takes each bullet line of the reference as a key point (earlier = more important)
 *   and marks it covered by the share of its bigrams that the answer contains.
 */
import type { Chunk, Grade, GradeRequest, Grader, KeyPoint, KnowledgeBase, Card, SearchHit, SearchOptions, TopicId } from '../../src/core/types.ts';

function bigrams(text: string): Map<string, number> {
  const characters = Array.from(text.toLowerCase().replace(/[\s*`#>|，。：:；;、,.!?！？()（）「」“”-]+/g, ''));
  const counts = new Map<string, number>();
  for (let index = 0; index + 1 < characters.length; index += 1) {
    const gram = `${characters[index]}${characters[index + 1]}`;
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  for (const [gram, count] of a) dot += count * (b.get(gram) ?? 0);
  const norm = (map: Map<string, number>) => Math.sqrt([...map.values()].reduce((sum, value) => sum + value * value, 0));
  const denominator = norm(a) * norm(b);
  return denominator === 0 ? 0 : dot / denominator;
}

export function item(fields: {
  id: string;
  question: string;
  answer?: string;
  topics: TopicId[];
  source?: string;
  headingPath?: string[];
}): Card {
  const answer = fields.answer ?? '';
  return {
    id: fields.id,
    question: fields.question,
    context: '',
    reference: answer,
    keyPoints: [],
    followups: [],
    kind: fields.topics.includes('behavioural') ? 'behavioural' : fields.topics.includes('project') ? 'project' : 'technical',
    answered: answer.trim().length > 0,
    topics: fields.topics,
    source: fields.source ?? `${fields.topics[0]}.md`,
    headingPath: fields.headingPath ?? [fields.topics[0] ?? 'notes', fields.question],
    lines: { start: 1, end: 2 },
  };
}

export class BigramKnowledgeBase implements KnowledgeBase {
  readonly chunks: readonly Chunk[];
  private readonly byId: Map<string, Card>;

  constructor(readonly cards: readonly Card[]) {
    this.byId = new Map(cards.map((entry) => [entry.id, entry]));
    this.chunks = cards.map((entry) => ({
      id: `${entry.id}#0`,
      cardId: entry.id,
      text: entry.answered ? entry.reference : entry.question,
      heading: entry.headingPath.join(' > '),
      source: entry.source,
      topics: entry.topics,
      hash: entry.id,
    }));
  }

  getCard(id: string): Card | undefined {
    return this.byId.get(id);
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
    const queryGrams = bigrams(query);
    return this.chunks
      .filter((chunk) => !options.topics?.length || chunk.topics.some((topic) => options.topics?.includes(topic)))
      .map((chunk) => ({ chunk, score: cosine(queryGrams, bigrams(`${chunk.heading} ${chunk.text}`)) }))
      .filter((hit) => hit.score > 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, options.k ?? 5);
  }

  async similarity(a: string, b: string): Promise<number> {
    return cosine(bigrams(a), bigrams(b));
  }
}

/** Share of a key point's bigrams found in the answer: ≥0.6 covered, ≥0.3 partial. */
function coverage(point: string, answer: Map<string, number>): KeyPoint['covered'] {
  const grams = [...bigrams(point).keys()];
  if (grams.length === 0) return 'yes';
  const found = grams.filter((gram) => answer.has(gram)).length / grams.length;
  return found >= 0.6 ? 'yes' : found >= 0.3 ? 'partial' : 'no';
}

export class BigramGrader implements Grader {
  /** Every request graded, in order, so tests can check what the engine asked for. */
  readonly requests: GradeRequest[] = [];

  constructor(private readonly kb: KnowledgeBase) {}

  async grade(request: GradeRequest): Promise<Grade> {
    this.requests.push(request);
    let references = request.references;
    if (!references) {
      const [hit] = await this.kb.search(request.question, { k: 1 });
      references = hit ? [{ source: hit.chunk.source, heading: hit.chunk.heading, text: hit.chunk.text }] : [];
    }
    const reference = references.map((entry) => entry.text).join('\n');
    const points = reference
      .split('\n')
      .map((line) => line.replace(/^\s*[-*]\s+/, '').trim())
      .filter((line) => line.length > 0);
    const answerGrams = bigrams(request.answer);
    // Earlier bullets matter more, the way notes usually lead with the core idea.
    const keyPoints: KeyPoint[] = points.map((text, index) => ({ text, covered: coverage(text, answerGrams), weight: points.length - index }));
    const credit = keyPoints.reduce((sum, point) => sum + (point.covered === 'yes' ? 1 : point.covered === 'partial' ? 0.5 : 0), 0);
    const score = keyPoints.length === 0 ? 0 : Math.round((credit / keyPoints.length) * 100) / 10;
    const band = score >= 8.5 ? 'excellent' : score >= 7 ? 'good' : score >= 5 ? 'fair' : score >= 2 ? 'weak' : 'none';
    return {
      score,
      band,
      keyPoints,
      strengths: keyPoints.filter((point) => point.covered === 'yes').map((point) => point.text),
      gaps: keyPoints.filter((point) => point.covered !== 'yes').map((point) => point.text),
      feedback: `覆盖了 ${keyPoints.filter((point) => point.covered === 'yes').length}/${keyPoints.length} 个要点。`,
      references,
      grader: 'offline',
      fallback: false,
    };
  }
}
