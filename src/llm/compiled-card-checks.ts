/**
 * Line-by-line checks of what an LLM wrote for a card. Each line stands or falls on its own: a
 * question that does not ask, or asks in another language than the note, keeps the parsed
 * question; a key point the reference does not support, or that states nothing, is dropped (its
 * words come from the note, so a term-heavy point in a Chinese note may be mostly English); a
 * follow-up must ask about the entry, in the note's language. What falls is named, so `npm run index -- --llm` can say why a card stayed heuristic.
 */
import type { Card, CardFollowup, CardKeyPoint } from '../core/types.ts';
import { conceptsIn, isClaim } from '../ingest/claims.ts';
import { isQuestionText } from '../ingest/question-lines.ts';
import { charNgrams } from '../text/tokenizer.ts';

export interface CompilerReply {
  question: string;
  keyPoints: { text: string; weight: number }[];
  followups: string[];
}

export interface CheckedCard {
  question?: string;
  keyPoints?: CardKeyPoint[];
  followups?: CardFollowup[];
  /** One line per refused line: what it was and why. */
  refused: string[];
}

export type NoteLanguage = 'zh' | 'en';

const maxQuestionChars = 120;
const maxPointChars = 120;
/** Share of a key point's character bigrams that must occur in the reference (or code). */
const groundedShare = 0.6;
/** Share of a question's bigrams that must occur in the entry: it asks about this note. */
const onTopicShare = 0.25;

function cjkCount(text: string): number {
  return (text.match(/[\u3400-\u9fff]/gu) ?? []).length;
}

/** Chinese when Chinese characters are a fair part of the note (notes mix in English terms). */
export function noteLanguage(card: Pick<Card, 'question' | 'reference'>): NoteLanguage {
  const text = `${card.question}\n${card.reference}`;
  const latinWords = (text.match(/[A-Za-z]{2,}/g) ?? []).length;
  return cjkCount(text) >= Math.max(4, latinWords) ? 'zh' : 'en';
}

function inLanguage(text: string, language: NoteLanguage): boolean {
  const cjk = cjkCount(text);
  return language === 'zh' ? cjk >= 2 : cjk === 0;
}

function asks(text: string): boolean {
  return /[？?]\s*$/u.test(text) || isQuestionText(text);
}

/** Share of `text`'s character bigrams found in `source`. */
function overlap(text: string, source: ReadonlySet<string>): number {
  const grams = charNgrams(text, 2);
  if (grams.length === 0) return 0;
  return grams.filter((gram) => source.has(gram)).length / grams.length;
}

function checkQuestion(text: string, language: NoteLanguage, entry: ReadonlySet<string>, label: string): string | undefined {
  if (!text.trim()) return `${label}: empty`;
  if (text.length > maxQuestionChars) return `${label}: longer than ${maxQuestionChars} characters`;
  if (!asks(text)) return `${label}: does not ask anything ("${text.slice(0, 40)}")`;
  if (!inLanguage(text, language)) return `${label}: not in the note's language (${language})`;
  if (overlap(text, entry) < onTopicShare) return `${label}: not about this entry ("${text.slice(0, 40)}")`;
  return undefined;
}

export function checkCompiledCard(card: Card, reply: CompilerReply): CheckedCard {
  const language = noteLanguage(card);
  const refused: string[] = [];
  const referenceGrams = new Set(charNgrams(`${card.reference}\n${card.code ?? ''}`, 2));
  const entryGrams = new Set([...referenceGrams, ...charNgrams(`${card.question}\n${card.context}\n${card.headingPath.join(' ')}`, 2)]);
  const checked: CheckedCard = { refused };

  const question = reply.question.trim();
  const questionProblem = checkQuestion(question, language, entryGrams, 'question');
  if (questionProblem) refused.push(questionProblem);
  else checked.question = question;

  const dictionary = [...new Set(card.keyPoints.flatMap((point) => point.concepts))];
  const points: CardKeyPoint[] = [];
  for (const [index, point] of reply.keyPoints.entries()) {
    const text = point.text.trim();
    const label = `key point ${index + 1}`;
    let problem: string | undefined;
    if (text.length > maxPointChars) problem = `longer than ${maxPointChars} characters`;
    else if (!isClaim(text)) problem = `not a claim ("${text.slice(0, 40)}")`;
    else if (overlap(text, referenceGrams) < groundedShare) problem = `not grounded in the reference ("${text.slice(0, 40)}")`;
    else if (points.some((kept) => kept.text === text)) problem = 'repeats another key point';
    if (problem) refused.push(`${label}: ${problem}`);
    else points.push({ text, weight: point.weight, concepts: conceptsIn(text, dictionary) });
  }
  const heaviest = Math.max(0, ...points.map((point) => point.weight));
  // The heaviest point is what the question is most about: weight 1, as the parser gives it.
  if (points.length > 0) checked.keyPoints = points.map((point) => ({ ...point, weight: heaviest > 0 ? Math.round((point.weight / heaviest) * 100) / 100 : 1 }));

  const followups: CardFollowup[] = [];
  for (const [index, text] of reply.followups.map((line) => line.trim()).entries()) {
    const label = `follow-up ${index + 1}`;
    const problem = checkQuestion(text, language, entryGrams, label) ?? (text === (checked.question ?? card.question) || followups.some((kept) => kept.question === text) ? `${label}: repeats a question` : undefined);
    if (problem) refused.push(problem);
    else followups.push({ question: text });
  }
  if (followups.length > 0) checked.followups = followups;
  return checked;
}
