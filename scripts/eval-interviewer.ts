/**
 * `npm run eval -- interviewer [--sessions N] [--seed S] [--transcripts DIR] [--json]`: scripted
 * candidates through N sessions of every mode on the real notes with the offline interviewer,
 * counting what a candidate would notice is wrong with it:
 * - leaks: a follow-up or hint repeating ≥ 16 consecutive characters of the card's reference;
 * - raw quotes: a 「…」 of more than 20 characters in any interviewer line;
 * - praise after a non-answer ("不知道", off-topic, empty, a hedge with nothing in it);
 * - repeated cards: a session asking the same card, or a card with the same question, twice;
 * - code questions without code: a card with code asked without a fenced block;
 * - follow-ups on a covered point: a follow-up naming only concepts of key points the grade just marked covered;
 * - restated "deeper" questions: a deeper follow-up that only restates the question just answered;
 * - stacked lead-ins: a reaction and the next line both opening with 好/嗯/行 ('好的。好，再问你一个');
 * - questions without an ending: a question line whose last sentence ends with no mark at all.
 * The targets are 0 for each. `--transcripts DIR` writes every session as Markdown for reading.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadKnowledgeBase } from '../src/adapters/node/knowledge-base-loader.ts';
import { loadPrompts } from '../src/adapters/node/prompts-loader.ts';
import { parseConfig } from '../src/core/config.ts';
import type { Card, KnowledgeBase, SessionMode, Turn } from '../src/core/types.ts';
import { createGrader } from '../src/grading/grader.ts';
import { createInterviewService } from '../src/interview/interview-service.ts';
import { restatesQuestion } from '../src/interview/question-wording.ts';
import { repeatsRun } from '../src/llm/line-checks.ts';
import { MemorySessionStore } from '../tests/support/memory-store.ts';

type Behaviour = 'good' | 'partial' | 'unknown' | 'off-topic' | 'recite' | 'hedge' | 'english' | 'hint-then-partial' | 'skip';
const behaviours: Behaviour[] = ['good', 'partial', 'unknown', 'off-topic', 'recite', 'hedge', 'english', 'hint-then-partial', 'skip'];
const nonAnswers: ReadonlySet<Behaviour> = new Set(['unknown', 'off-topic', 'hedge']);
const leakRun = 16;
const quoteLimit = 20;

const offTopicAnswers = [
  '我周末一般打篮球，最近在看一部科幻电影，挺好看的。',
  '今天天气不错，中午吃了一碗牛肉面。',
  '我比较喜欢旅游，去年去了云南和西藏。',
];
const selfIntroduction =
  '面试官你好，我叫李明，计算机专业硕士在读。主要用 Go 和 C++ 做后端开发。之前在腾讯实习，做数据平台的接入服务；个人项目是一个基于 epoll 的高性能 web server，还做过一个 Raft 的 KV 存储。';
const projectAnswer =
  '这个是我在实习时做的，主要负责接入层。当时用 epoll 加线程池，因为连接数很多；难点是排查一个偶发的内存泄漏，最后用 pprof 定位到了。';
const candidateQuestion = '你们团队现在主要用什么技术栈？新人进来一般做什么？';

function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** What the scripted candidate says to a line about `card`, by behaviour. */
function answerFor(behaviour: Behaviour, card: Card | undefined, random: () => number): string {
  const points = card?.keyPoints ?? [];
  switch (behaviour) {
    case 'unknown':
      return random() < 0.5 ? '不知道' : '这个我不太清楚，没怎么了解过。';
    case 'off-topic':
      return offTopicAnswers[Math.floor(random() * offTopicAnswers.length)] ?? '';
    case 'recite':
      return card?.reference || '嗯，我觉得主要就是这些吧。';
    case 'good':
      // Every key point, heaviest first, in the notes' words but not the whole note.
      return [...points].sort((a, b) => b.weight - a.weight).map((point) => point.text).join('；') || '大概就是这样。';
    case 'english': {
      const terms = points.flatMap((point) => point.concepts).slice(0, 3);
      return `I think it is mainly about ${terms.join(', ') || 'this'}, but I am not sure about the details.`;
    }
    case 'hedge': {
      const concept = points[0]?.concepts[0] ?? '这个';
      return `${concept}我不太记得了，好像没细看过。`;
    }
    default: {
      // Half the key points in the notes' words, the lightest ones: a partly right answer.
      const half = points.slice(Math.ceil(points.length / 2));
      return half.map((point) => point.text).join('；') || '大概就是这样，细节记不清了。';
    }
  }
}

interface Finding {
  session: string;
  mode: SessionMode;
  kind:
    | 'leak'
    | 'raw-quote'
    | 'praise-after-non-answer'
    | 'repeated-card'
    | 'code-without-code'
    | 'followup-on-covered'
    | 'restated-deeper'
    | 'stacked-lead-in'
    | 'question-without-ending';
  line: string;
}

/** 「…」 quotes longer than `limit` characters: a note sentence read out rather than a concept named. */
export function rawQuotes(line: string, limit: number): string[] {
  return [...line.matchAll(/「([^「」]*)」/g)].map((match) => match[1] ?? '').filter((quote) => [...quote].length > limit);
}

/** Words of approval; after "不知道" or an answer about basketball any of them reads as mockery or as not listening. */
const praise = /不错|很好|挺好|清楚|完整|到位|扎实|大方向是对的|基本思路有了|思路|主要意思有了|说到了|答得挺|答得很|理解得|没问题/;
export function isPraise(line: string): boolean {
  // Only the reaction, the words before the next question, is judged: a question may well say 清楚.
  const reaction = line.split(/[：:？?]/)[0] ?? '';
  return praise.test(reaction);
}

/** Two lead-ins back to back: the reaction's and the transition's. */
const stackedLeadIn = /^(好的|好|嗯|行|可以|没事|没关系|没问题)[，,、]?[^。！？]{0,24}[。！]\s*(好的|好|嗯|行)[，,。]/u;

/** The line's last sentence before any code block ends with a mark, as a spoken question does. */
function endsLikeAQuestion(line: string): boolean {
  const spoken = line.split('```')[0]?.trimEnd() ?? '';
  return /[？?。！!）)」]$/u.test(spoken);
}

/** The other card whose question a line asks, the longest such (a deeper follow-up names it whole). */
function cardAskedIn(kb: KnowledgeBase, line: string, exceptId: string): Card | undefined {
  const said = normalized(line);
  let found: Card | undefined;
  for (const other of kb.cards) {
    const question = normalized(other.question);
    if (other.id !== exceptId && question.length >= 4 && said.includes(question) && question.length > normalized(found?.question ?? '').length) found = other;
  }
  return found;
}

/** A follow-up whose concepts all belong to key points the last grade marked covered. */
function asksOnlyCovered(line: string, card: Card, grade: Turn['grade']): boolean {
  if (!grade) return false;
  const named = card.keyPoints.filter((point) => point.concepts.slice(0, 2).some((concept) => concept.length > 1 && line.includes(concept)));
  if (named.length === 0) return false;
  const covered = new Set(grade.keyPoints.filter((point) => point.covered === 'yes').map((point) => point.text));
  return named.every((point) => covered.has(point.text));
}

function normalized(question: string): string {
  return question.replace(/[\s，。？?！!、：:「」“”"'`]/g, '').toLowerCase();
}

/** Audits one transcript; `behaviourAt` says what the candidate did at each candidate turn. */
function audit(kb: KnowledgeBase, session: string, mode: SessionMode, turns: readonly Turn[], behaviourAt: Map<number, Behaviour>): Finding[] {
  const findings: Finding[] = [];
  const asked = new Set<string>();
  const askedQuestions = new Set<string>();
  let previous: Behaviour | undefined;
  let lastGrade: Turn['grade'];
  for (const turn of turns) {
    if (turn.role === 'candidate') {
      previous = behaviourAt.get(turn.seq);
      lastGrade = turn.grade;
      continue;
    }
    if (stackedLeadIn.test(turn.text)) findings.push({ session, mode, kind: 'stacked-lead-in', line: turn.text });
    if (turn.kind === 'question' && !endsLikeAQuestion(turn.text)) findings.push({ session, mode, kind: 'question-without-ending', line: turn.text });
    const card = turn.questionId ? kb.getCard(turn.questionId) : undefined;
    for (const quote of rawQuotes(turn.text, quoteLimit)) findings.push({ session, mode, kind: 'raw-quote', line: quote });
    if ((turn.kind === 'followup' || turn.kind === 'hint') && card?.reference) {
      if (repeatsRun(turn.text, card.reference, leakRun)) findings.push({ session, mode, kind: 'leak', line: turn.text });
    }
    if (previous && nonAnswers.has(previous) && isPraise(turn.text)) findings.push({ session, mode, kind: 'praise-after-non-answer', line: turn.text });
    if (turn.kind === 'followup' && card) {
      // A follow-up keeps the main card's id; a deeper one asks another card's question.
      const deeper = cardAskedIn(kb, turn.text, card.id);
      if (deeper && restatesQuestion(deeper.question, card.question)) findings.push({ session, mode, kind: 'restated-deeper', line: turn.text });
      if (!deeper && asksOnlyCovered(turn.text, card, lastGrade)) findings.push({ session, mode, kind: 'followup-on-covered', line: turn.text });
    }
    previous = undefined;
    if (turn.kind === 'question' || turn.kind === 'opening' || (turn.kind === 'followup' && card && !asked.has(card.id))) {
      if (card) {
        const phrasings = [card.question, ...(card.variants ?? [])].map(normalized);
        if (asked.has(card.id) || phrasings.some((text) => askedQuestions.has(text))) {
          findings.push({ session, mode, kind: 'repeated-card', line: card.question });
        }
        asked.add(card.id);
        for (const text of phrasings) askedQuestions.add(text);
        if (card.code && !turn.text.includes('```')) findings.push({ session, mode, kind: 'code-without-code', line: card.question });
      }
    }
  }
  return findings;
}

function transcriptMarkdown(title: string, turns: readonly Turn[], behaviourAt: Map<number, Behaviour>): string {
  const lines = [`## ${title}`, ''];
  for (const turn of turns) {
    if (turn.role === 'interviewer') lines.push(`**面试官**（${turn.kind}）：${turn.text}`, '');
    else {
      const score = turn.grade ? `（${turn.grade.score} 分）` : '';
      lines.push(`**候选人**〔${behaviourAt.get(turn.seq) ?? 'own story'}〕${score}：${turn.text}`, '');
    }
  }
  return lines.join('\n');
}

export async function run(argv: string[]): Promise<void> {
  const option = (name: string) => {
    const index = argv.indexOf(name);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const sessionsPerMode = Number(option('--sessions') ?? 10);
  const seed = Number(option('--seed') ?? 7);
  const transcriptsDir = option('--transcripts');
  const config = parseConfig({ ...process.env, OPENAI_API_KEY: '' });
  const { kb } = await loadKnowledgeBase({ config: { ...config, llm: undefined }, progressBar: false });
  const grader = createGrader({ kb });
  const prompts = await loadPrompts(join(process.cwd(), 'prompts'));
  const findings: Finding[] = [];
  const counts = { sessions: 0, lines: 0, followups: 0, hints: 0, questions: 0 };
  const transcripts: string[] = [];

  for (const mode of ['interview', 'practice', 'drill'] as const) {
    for (let index = 0; index < sessionsPerMode; index += 1) {
      const random = seededRandom(seed * 1000 + index * 31 + mode.length);
      const store = new MemorySessionStore();
      const interviews = createInterviewService({ kb, grader, store, prompts, random, newId: () => `${mode}-${index}-session-id` });
      const owner = 'eval-owner';
      const topics = mode === 'drill' ? undefined : index % 2 === 0 ? [] : undefined;
      const { session } = await interviews.start(owner, { mode, questions: 5, ...(topics ? { topics } : {}) });
      const behaviourAt = new Map<number, Behaviour>();
      for (let guard = 0; guard < 60; guard += 1) {
        const view = await interviews.transcript(session.id, owner);
        const pending = view.pending;
        if (!pending) break;
        const last = view.turns[view.turns.length - 1];
        const card = pending.questionId ? kb.getCard(pending.questionId) : undefined;
        const phase = last?.kind;
        let behaviour = behaviours[Math.floor(random() * behaviours.length)] ?? 'partial';
        if (!card || card.kind !== 'technical') {
          const text = !card && /想问|想了解|问我/.test(pending.text) ? candidateQuestion : phase === 'opening' ? selfIntroduction : projectAnswer;
          await interviews.submit(session.id, owner, { answer: text, turn: pending.turn });
          continue;
        }
        if (behaviour === 'skip') {
          await interviews.submit(session.id, owner, { action: 'skip', turn: pending.turn });
          behaviourAt.set(pending.turn + 1, behaviour);
          continue;
        }
        let turn = pending.turn;
        if (behaviour === 'hint-then-partial') {
          const hinted = await interviews.submit(session.id, owner, { action: 'hint', turn });
          turn = hinted.next.turn;
          behaviour = 'partial';
        }
        behaviourAt.set(turn + 1, behaviour);
        // A deeper follow-up asks another card: the candidate answers that one.
        const asked = (last?.kind === 'followup' ? cardAskedIn(kb, pending.text, card.id) : undefined) ?? card;
        await interviews.submit(session.id, owner, { answer: answerFor(behaviour, asked, random), turn });
      }
      const turns = (await interviews.report(session.id, owner)).turns;
      counts.sessions += 1;
      for (const turn of turns) {
        if (turn.role !== 'interviewer') continue;
        counts.lines += 1;
        if (turn.kind === 'followup') counts.followups += 1;
        if (turn.kind === 'hint') counts.hints += 1;
        if (turn.kind === 'question') counts.questions += 1;
      }
      findings.push(...audit(kb, session.id, mode, turns, behaviourAt));
      transcripts.push(transcriptMarkdown(`${mode} #${index + 1}`, turns, behaviourAt));
    }
  }

  const byKind = (kind: Finding['kind']) => findings.filter((finding) => finding.kind === kind);
  const summary = {
    ...counts,
    leaks: byKind('leak').length,
    leakRate: counts.followups + counts.hints > 0 ? byKind('leak').length / (counts.followups + counts.hints) : 0,
    rawQuotes: byKind('raw-quote').length,
    praiseAfterNonAnswer: byKind('praise-after-non-answer').length,
    repeatedCards: byKind('repeated-card').length,
    codeWithoutCode: byKind('code-without-code').length,
    followupOnCovered: byKind('followup-on-covered').length,
    restatedDeeper: byKind('restated-deeper').length,
    stackedLeadIns: byKind('stacked-lead-in').length,
    questionsWithoutEnding: byKind('question-without-ending').length,
  };
  if (transcriptsDir) {
    await mkdir(transcriptsDir, { recursive: true });
    await writeFile(join(transcriptsDir, 'transcripts.md'), `${transcripts.join('\n\n')}\n`);
  }
  if (argv.includes('--json')) {
    console.log(JSON.stringify({ summary, findings }, null, 2));
    return;
  }
  console.log(`interviewer eval: ${counts.sessions} sessions (${sessionsPerMode} per mode), ${counts.lines} interviewer lines, ${counts.questions} questions, ${counts.followups} follow-ups, ${counts.hints} hints`);
  console.log('| check | found | target |');
  console.log('| --- | --- | --- |');
  console.log(`| leak rate (≥${leakRun} chars of the reference in a follow-up or hint) | ${summary.leaks} (${(summary.leakRate * 100).toFixed(1)}%) | 0 |`);
  console.log(`| raw sentence quotes (「…」 over ${quoteLimit} chars) | ${summary.rawQuotes} | 0 |`);
  console.log(`| praise after a non-answer | ${summary.praiseAfterNonAnswer} | 0 |`);
  console.log(`| repeated cards | ${summary.repeatedCards} | 0 |`);
  console.log(`| code questions without code | ${summary.codeWithoutCode} | 0 |`);
  console.log(`| follow-ups on a point the grade marked covered | ${summary.followupOnCovered} | 0 |`);
  console.log(`| "deeper" follow-ups restating the question just answered | ${summary.restatedDeeper} | 0 |`);
  console.log(`| stacked lead-ins (好的。好，…) | ${summary.stackedLeadIns} | 0 |`);
  console.log(`| questions without an ending mark | ${summary.questionsWithoutEnding} | 0 |`);
  for (const finding of findings.slice(0, 20)) console.log(`  ${finding.kind} [${finding.mode}] ${finding.line.replace(/\s+/g, ' ').slice(0, 110)}`);
}
