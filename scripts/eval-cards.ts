/**
 * `npm run eval -- cards [--file eval/cards-audit.jsonl] [--cards <cards.json>] [--json]`
 * Re-judges knowledge cards against the hand audit of issue 9: is the question self-contained, does the
 * reference hold only its answer, are all key points claims. Each audit line names a place in a note
 * (file + line), so any parser's cards can be judged there. Without --cards the cards come from the
 * corpus, as the app builds them; --cards takes a `{"cards":[...]}` file (e.g. a baseline's output).
 * With --json the last stdout line is {"metrics":{...},"items":[...]}.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { AppError } from '../src/core/errors.ts';
import { readJsonlFile } from './eval-support.ts';

const kindSchema = z.enum(['technical', 'behavioural', 'project', 'section']);
const snippets = z.array(z.string().min(1)).optional();

export const auditLineSchema = z.object({
  id: z.string().min(1),
  source: z.string().min(1),
  line: z.number().int().positive(),
  question: z.string(),
  judged: z.object({ selfContained: z.boolean(), referenceOnly: z.boolean(), pointsAreClaims: z.boolean() }),
  why: z.string(),
  expect: z.object({
    /** One kind or several acceptable ones; 'section' = must not be asked as written (no card is fine). */
    kind: z.union([kindSchema, z.array(kindSchema).min(1)]).optional(),
    /** Each group: at least one alternative must occur in the question (case-insensitive). */
    questionMentions: z.array(z.array(z.string().min(1)).min(1)).optional(),
    needsCode: z.boolean().optional(),
    referenceMustContain: snippets,
    referenceMustNotContain: snippets,
    /** Snippets that must not occur inside any key point. */
    notKeyPoints: snippets,
    /** Labels from the notes that may open a key point but must never be one on their own. */
    bareLabels: snippets,
    /** Interview-log follow-up questions that belong in the card's followups. */
    followupsInclude: snippets,
  }).strict(),
});
export type AuditLine = z.infer<typeof auditLineSchema>;

/** The fields of a Card (src/core/types.ts) the audit reads; a baseline's JSON is checked against it. */
export const auditedCardSchema = z.object({
  question: z.string(),
  code: z.string().optional(),
  reference: z.string(),
  keyPoints: z.array(z.object({ text: z.string() })),
  followups: z.array(z.object({ question: z.string(), answer: z.string().optional() })).default([]),
  kind: z.string().default('technical'),
  variants: z.array(z.string()).optional(),
  searchOnly: z.boolean().optional(),
  source: z.string(),
  lines: z.object({ start: z.number(), end: z.number() }),
});
export type AuditedCard = z.infer<typeof auditedCardSchema>;

export const criteria = ['selfContained', 'referenceOnly', 'pointsAreClaims'] as const;
type Criterion = (typeof criteria)[number];
export type Verdict = Record<Criterion, string[]>;

/** Lower case without whitespace or Markdown emphasis: snippets match however a note wrapped or bolded them. */
const normalize = (text: string) => text.toLowerCase().replace(/[\s*`]/g, '');
/** Also without punctuation: for comparing whole questions and labels. */
const bare = (text: string) => normalize(text).replace(/[\p{P}\p{S}]/gu, '');
const holds = (text: string, snippet: string) => normalize(text).includes(normalize(snippet));
/** A question stripped of the templates that wrap a bare label («说说你对「X」的了解»): still just X. */
const core = (question: string) =>
  bare(question).replace(/^(请|那)?(说说|谈谈|讲讲|聊聊|介绍一下|简述|说一下|讲一下)(你对)?/, '').replace(/(的)?(了解|理解|介绍|是什么|吗)$/, '');

/** A question that points at code ("以下代码…输出什么") is unanswerable unless the card carries that code. */
const refersToCode = /(以下|下面|下列|如下|这段|上面).{0,6}(代码|程序)|输出(结果|什么)|打印出/;
/** Beyond this a key point is no longer readable at a glance; in these notes such points string several claims together. */
const maxKeyPointChars = 120;
/** Phrases that in these notes mark narration, study plans or the author's interview, never a claim. */
const narrationMarkers = ['小伙伴', '面试官', '都要复习', 'leetcode', '另外一篇', '单独分析', '不再展开', '下面我们', '我们再'];

/** Why a key point is not a claim, judged from its text alone; undefined when nothing is wrong. */
export function keyPointProblem(text: string): string | undefined {
  const point = text.trim();
  const chars = [...point].length;
  if (/[？?]\s*["”’」)）]*$/.test(point)) return 'is a question';
  if (/https?:\/\//.test(point)) return 'holds a link';
  if (chars > maxKeyPointChars) return `is ${chars} characters long`;
  if (/[：:]$/.test(point)) return 'is a label introducing what follows';
  if (chars >= 40 && /[，,、]$/.test(point)) return 'is cut off in mid-sentence';
  // Comments and statement ends mark code outright; keywords and brackets only where Chinese prose is scarce
  // (a claim may well mention `struct { }` or Base::func).
  const codePunctuation = (point.match(/[{}();=[\]]/g) ?? []).length;
  const chineseShare = (point.match(/[\u4e00-\u9fff]/g) ?? []).length / chars;
  const codeLike = /\bfunc\b|\bstruct\s*\{/.test(point) || (chars >= 12 && codePunctuation / chars > 0.12);
  if (/\/\/ |;$/.test(point) || (chineseShare < 0.25 && codeLike)) return 'is code';
  const marker = narrationMarkers.find((phrase) => point.toLowerCase().includes(phrase));
  return marker ? `is narration ("${marker}")` : undefined;
}

interface Located {
  card?: AuditedCard;
  /** How the card was found: its own start line, one of its variants, or the card whose lines hold the line. */
  via: 'start' | 'variant' | 'range' | 'none';
  /** Set when the audited question became one of the card's interview-log follow-ups. */
  followup?: AuditedCard['followups'][number];
}

/** Same question, allowing for a preamble ("那么他可能问你，…") or a rewording of a few characters. */
function sameQuestion(a: string, b: string): boolean {
  const [x, y] = [bare(a), bare(b)];
  if (!x || !y) return false;
  if (x.includes(y) || y.includes(x)) return true;
  const pairs = (text: string) => {
    const chars = [...text];
    return new Set(chars.slice(1).map((char, index) => chars[index] + char));
  };
  const [p, q] = [pairs(x), pairs(y)];
  const shared = [...p].filter((pair) => q.has(pair)).length;
  return (2 * shared) / (p.size + q.size || 1) >= 0.6;
}

export function locate(audit: AuditLine, cards: readonly AuditedCard[]): Located {
  const inFile = cards.filter((card) => card.source === audit.source);
  const atStart = inFile.find((card) => card.lines.start === audit.line);
  if (atStart) return { card: atStart, via: 'start' };
  const byVariant = cards.find((card) => card.variants?.some((variant) => bare(variant) === bare(audit.question)));
  if (byVariant) return { card: byVariant, via: 'variant' };
  const holding = inFile
    .filter((card) => card.lines.start <= audit.line && audit.line <= card.lines.end)
    .sort((a, b) => a.lines.end - a.lines.start - (b.lines.end - b.lines.start))[0];
  if (!holding) return { via: 'none' };
  const followup = holding.followups.find((candidate) => sameQuestion(candidate.question, audit.question));
  return followup ? { card: holding, via: 'range', followup } : { card: holding, via: 'range' };
}

/** A reference line that is just another card's question: the reference ran on into its neighbour. */
function swallowedQuestion(card: AuditedCard, reference: string, cards: readonly AuditedCard[]): string | undefined {
  const own = new Set([card.question, ...(card.variants ?? [])].map(bare));
  const lines = reference.split('\n').map(bare).filter(Boolean);
  for (const other of cards) {
    const question = bare(other.question);
    if (other === card || other.source !== card.source || other.searchOnly || question.length < 6 || own.has(question)) continue;
    if (lines.some((line) => line.includes(question) && line.length <= 2 * question.length + 10)) return other.question;
  }
  return undefined;
}

export function judge(audit: AuditLine, cards: readonly AuditedCard[]): Verdict & { located: Located['via']; question?: string } {
  const verdict: Verdict = { selfContained: [], referenceOnly: [], pointsAreClaims: [] };
  const expect = audit.expect;
  const kinds: string[] = expect.kind === undefined ? [] : [expect.kind].flat();
  const sectionAllowed = kinds.includes('section');
  const { card, via, followup } = locate(audit, cards);
  if (!card) {
    if (!sectionAllowed) for (const criterion of criteria) verdict[criterion].push('no card at this line');
    return { ...verdict, located: via };
  }
  // A follow-up is asked right after its parent, so its parent's question counts as its context.
  const asked = followup ? `${card.question} ${followup.question}` : card.question;
  const reference = followup ? followup.answer ?? '' : card.reference;
  const ownCard = via !== 'range';
  const cardKind = card.searchOnly ? 'section' : card.kind;

  const selfContained = verdict.selfContained;
  if (sectionAllowed && ownCard && !card.searchOnly && core(card.question) === core(audit.question)) {
    selfContained.push('still asked as written, though it is a section or a bare label');
  }
  const cardKinds = kinds.filter((kind) => kind !== 'section');
  // A search-only note counts as a section: it is never asked, which is what 'section' allows.
  if (cardKinds.length && !(sectionAllowed && !ownCard) && !kinds.includes(cardKind)) {
    selfContained.push(`kind is ${cardKind}, expected ${kinds.join(' or ')}`);
  }
  if (!asked.trim()) selfContained.push('question is empty');
  for (const group of expect.questionMentions ?? []) {
    if (!group.some((mention) => asked.toLowerCase().includes(mention.toLowerCase()))) selfContained.push(`question names none of ${group.join(' / ')}`);
  }
  const carriesCode = Boolean(card.code?.trim()) || asked.includes('```');
  if ((expect.needsCode || refersToCode.test(asked)) && !carriesCode) selfContained.push('refers to code it does not carry');

  for (const snippet of expect.referenceMustContain ?? []) if (!holds(reference, snippet)) verdict.referenceOnly.push(`reference lacks "${snippet}"`);
  for (const snippet of expect.referenceMustNotContain ?? []) if (holds(reference, snippet)) verdict.referenceOnly.push(`reference holds "${snippet}"`);
  for (const snippet of expect.followupsInclude ?? []) {
    if (!card.followups.some((candidate) => holds(candidate.question, snippet))) verdict.referenceOnly.push(`no follow-up asks "${snippet}"`);
  }
  const neighbour = swallowedQuestion(card, reference, cards);
  if (neighbour) verdict.referenceOnly.push(`reference runs into another card's question "${neighbour}"`);

  // A follow-up has no key points of its own; its parent's are judged on the parent's audit line.
  for (const { text } of followup ? [] : card.keyPoints) {
    const quoted = `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;
    const problem = keyPointProblem(text);
    if (problem) verdict.pointsAreClaims.push(`key point ${quoted} ${problem}`);
    const snippet = expect.notKeyPoints?.find((candidate) => holds(text, candidate));
    if (snippet) verdict.pointsAreClaims.push(`key point ${quoted} holds "${snippet}"`);
    if (expect.bareLabels?.some((label) => bare(label) === bare(text))) verdict.pointsAreClaims.push(`key point ${quoted} is a bare label`);
  }
  return { ...verdict, located: via, question: followup ? followup.question : card.question };
}

const percent = (part: number, whole: number) => `${((100 * part) / (whole || 1)).toFixed(1)}%`;
const labels: Record<Criterion, string> = { selfContained: 'self-contained', referenceOnly: 'reference only', pointsAreClaims: 'points are claims' };

async function loadCards(file: string | undefined): Promise<AuditedCard[]> {
  const raw: unknown[] = await (async () => {
    if (!file) {
      // Loaded only when needed, so the judging logic above stays importable without the index.
      const { loadKnowledgeBase } = await import('../src/adapters/node/knowledge-base-loader.ts');
      const { parseConfig } = await import('../src/core/config.ts');
      const { cards } = await loadKnowledgeBase({ config: parseConfig(process.env), log: (line) => console.error(line) });
      return [...cards];
    }
    const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new AppError('bad_request', `cannot read cards file ${file} (${error.code ?? error.message})`);
    });
    const parsed = z.object({ cards: z.array(z.unknown()) }).safeParse(JSON.parse(text));
    if (!parsed.success) throw new AppError('bad_request', `${file} is not {"cards":[...]}`);
    return parsed.data.cards;
  })();
  return raw.map((card, index) => {
    const parsed = auditedCardSchema.safeParse(card);
    if (!parsed.success) throw new AppError('bad_request', `card ${index}: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`);
    return parsed.data;
  });
}

export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { file: { type: 'string', default: 'eval/cards-audit.jsonl' }, cards: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const audit = (await readJsonlFile(values.file, auditLineSchema)).map(({ value }) => value);
  const cards = await loadCards(values.cards);
  const items = audit.map((line) => ({ line, result: judge(line, cards) }));

  const metrics = Object.fromEntries(criteria.map((criterion) => {
    const passed = items.filter(({ result }) => result[criterion].length === 0).length;
    const before = items.filter(({ line }) => line.judged[criterion]).length;
    const agreeing = items.filter(({ line, result }) => line.judged[criterion] === (result[criterion].length === 0)).length;
    return [criterion, { rate: passed / items.length, handJudgedBefore: before / items.length, agreesWithHand: agreeing / items.length }];
  })) as Record<Criterion, { rate: number; handJudgedBefore: number; agreesWithHand: number }>;

  console.log(`cards audit: ${items.length} audited places (${values.file}) against ${cards.length} cards (${values.cards ?? 'built from the corpus'})`);
  console.log(`  ${'criterion'.padEnd(18)} ${'now'.padStart(7)} ${'hand-judged before'.padStart(19)} ${'same verdict as hand'.padStart(21)}`);
  for (const criterion of criteria) {
    const { rate, handJudgedBefore, agreesWithHand } = metrics[criterion];
    console.log(`  ${labels[criterion].padEnd(18)} ${percent(rate, 1).padStart(7)} ${percent(handJudgedBefore, 1).padStart(19)} ${percent(agreesWithHand, 1).padStart(21)}`);
  }
  const failing = items.filter(({ result }) => criteria.some((criterion) => result[criterion].length));
  console.log(`\n${failing.length} audited place(s) fail at least one check:`);
  for (const { line, result } of failing) {
    const where = result.located === 'start' || result.located === 'none' ? '' : ` (found by ${result.located})`;
    console.log(`  ${line.source}:${line.line}${where}  ${result.question ?? line.question}`);
    for (const criterion of criteria) for (const problem of result[criterion]) console.log(`    ${labels[criterion]}: ${problem}`);
  }
  if (values.json) {
    const rows = items.map(({ line, result }) => ({ id: line.id, source: line.source, line: line.line, question: result.question ?? null, located: result.located, selfContained: result.selfContained, referenceOnly: result.referenceOnly, pointsAreClaims: result.pointsAreClaims }));
    console.log(JSON.stringify({ metrics, items: rows }));
  }
}
