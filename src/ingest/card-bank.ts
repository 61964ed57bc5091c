/**
 * What only the whole bank can decide about a card: which questions across the notes ask the same
 * thing (one card, the other phrasings its variants), and the key points with the terms that carry
 * them, named from the notes' own vocabulary.
 */
import type { Card, CardKeyPoint } from '../core/types.ts';
import { extractKeyPoints } from '../grading/key-points.ts';
import { withoutWrongOptions } from './quiz-options.ts';
import { conceptTokens, glossary } from '../text/glossary.ts';
import { buildDomainDictionary } from '../text/domain-dictionary.ts';
import { normaliseText } from '../text/tokenizer.ts';
import { conceptsIn, isBareTerm, isClaim } from './claims.ts';
import { listedNames } from './name-lists.ts';

/** A card shows at most this many points: in a long section, the ones most about the question. */
const maximumKeyPoints = 8;

/** Words that frame a question without saying what it is about. */
const questionFraming = /你对|的了解|了解|说一下|说说|讲一下|讲讲|介绍一下|谈谈|聊聊|请问|什么是|什么|为什么|怎么|如何|怎样|有哪些|哪些|是否|吗|呢|的|了|你|一下|go|golang|中|里|和|与|跟|及|有|是/g;

interface QuestionCore {
  concepts: string;
  /** Characters and Latin words left once framing and the concepts' own names are removed. */
  rest: Set<string>;
}

/** What a question asks, for comparison: its glossary concepts and whatever else it says. */
function questionCore(question: string): QuestionCore {
  const normalised = normaliseText(question);
  const concepts = conceptTokens(normalised);
  let residue = normalised;
  for (const concept of glossary) {
    if (!concepts.includes(concept.token)) continue;
    for (const form of [...concept.chinese, ...concept.english.map((english) => english.trim())]) if (form) residue = residue.split(form).join(' ');
  }
  const rest = new Set(residue.replace(/[^\u4e00-\u9fffa-z0-9 ]/g, ' ').replace(questionFraming, ' ').match(/[\u4e00-\u9fff]|[a-z0-9]+/g) ?? []);
  return { concepts: concepts.sort().join(), rest };
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const value of a) if (b.has(value)) shared += 1;
  const union = a.size + b.size - shared;
  return union === 0 ? 1 : shared / union;
}

/**
 * Do two questions ask the same thing? Nearly the same words, or the same two or more concepts
 * ("数组和切片的区别", "slice和array的区别": ~array, ~slice) with the same words around them. A
 * word that tells them apart (匿名/有名管道, 同/不同 node) keeps them apart.
 */
function sameQuestion(left: QuestionCore, right: QuestionCore): boolean {
  const overlap = jaccard(left.rest, right.rest);
  const apart = [...left.rest, ...right.rest].filter((token) => !(left.rest.has(token) && right.rest.has(token)));
  if (apart.some((token) => /^[不非无没未反逆]$/.test(token))) return false;
  // Different concepts are different questions however alike the wording ("k8s/内存池由哪些部分组成").
  if (left.concepts !== right.concepts) return false;
  if (overlap >= 0.85 && Math.min(left.rest.size, right.rest.size) >= 4) return true;
  return left.concepts.split(',').length >= 2 && overlap >= 0.6;
}

/** A technical question of its own: what practice, drills and the technical phase ask. */
export function isAskable(card: Card): boolean {
  return !card.searchOnly && card.kind === 'technical' && card.question.trim() !== '';
}

/**
 * Merge questions that ask the same thing: the answered card with the longest reference keeps the
 * others' phrasings as variants; the others stay searchable (their passages are knowledge too)
 * but are never asked.
 */
function mergeVariants(cards: Card[]): Card[] {
  const ranked = cards.filter(isAskable).sort((a, b) => Number(b.answered) - Number(a.answered) || b.reference.length - a.reference.length);
  const absorbed = new Set<string>();
  const absorb = (primary: Card, other: Card): void => {
    absorbed.add(other.id);
    if (other.question !== primary.question && !primary.variants?.includes(other.question)) primary.variants = [...(primary.variants ?? []), other.question];
    primary.followups = [...primary.followups, ...other.followups];
  };
  // Questions with the same words merge at once; only distinct wordings are compared pairwise
  // (a note pasted twice would otherwise cost a comparison per pair of its cards).
  const byWording = new Map<string, { card: Card; core: QuestionCore }>();
  for (const card of ranked) {
    const core = questionCore(card.question);
    const key = `${core.concepts}|${[...core.rest].sort().join(' ')}`;
    const first = byWording.get(key);
    if (first) absorb(first.card, card);
    else byWording.set(key, { card, core });
  }
  const distinct = [...byWording.values()];
  for (let index = 0; index < distinct.length; index += 1) {
    const primary = distinct[index]!;
    if (absorbed.has(primary.card.id)) continue;
    for (let other = index + 1; other < distinct.length; other += 1) {
      const candidate = distinct[other]!;
      if (!absorbed.has(candidate.card.id) && sameQuestion(primary.core, candidate.core)) absorb(primary.card, candidate.card);
    }
  }
  return cards.map((card) => (absorbed.has(card.id) ? { ...card, searchOnly: true } : card));
}

/** A point longer than this is cut into its clauses, so each reads at a glance. */
const glanceCharacters = 80;

/**
 * A long run-on point cut at clause boundaries (；。 then ，) into pieces of at most
 * `glanceCharacters`, each ending where its clause ends, never on a dangling comma.
 */
function atAGlance(point: { text: string; weight: number }): Array<{ text: string; weight: number }> {
  const text = point.text.replace(/[，,、；;：:\s]+$/u, '');
  if ([...text].length <= glanceCharacters) return [{ text, weight: point.weight }];
  const clauses = withinBrackets(text.split(/(?<=[。；;！!？?])|(?<=[，,])/u).map((clause) => clause.trim()).filter(Boolean));
  const pieces: string[] = [];
  for (const clause of clauses) {
    const last = pieces[pieces.length - 1];
    if (last !== undefined && [...last].length + [...clause].length <= glanceCharacters) pieces[pieces.length - 1] = `${last}${clause}`;
    else pieces.push(clause);
  }
  const trimmed = pieces.map((piece) => piece.replace(/[，,、；;：:\s]+$/u, '')).filter((piece) => piece !== '');
  return trimmed.map((piece) => ({ text: piece, weight: (point.weight * [...piece].length) / [...text].length }));
}

/** Clauses rejoined where a cut fell inside brackets: "（给缓存加上过期时间，针对操作失败的情况引入消息队列）" stays whole. */
function withinBrackets(clauses: readonly string[]): string[] {
  const joined: string[] = [];
  let depth = 0;
  for (const clause of clauses) {
    const last = joined[joined.length - 1];
    // A bracket left open by the note ("（7：") must not glue the rest of the point into one.
    if (depth > 0 && last !== undefined && [...last].length + [...clause].length <= 1.5 * glanceCharacters) joined[joined.length - 1] = `${last}${clause}`;
    else {
      joined.push(clause);
      depth = 0;
    }
    depth = Math.max(0, depth + (clause.match(/[（(]/g) ?? []).length - (clause.match(/[）)]/g) ?? []).length);
  }
  return joined;
}

/** Key points of one card: claims of its reference, weighted by how much they are about the question. */
function keyPointsOf(card: Card, dictionary: readonly string[]): CardKeyPoint[] {
  if (!card.answered) return [];
  // A list of names answers with each name, all as much about the question.
  const names = listedNames(card.reference);
  if (names.length > 0) return names.slice(0, maximumKeyPoints).map((name) => ({ text: name, concepts: conceptsIn(name, dictionary), weight: 1 }));
  const personal = card.kind !== 'technical';
  const questionWords = new Set(normaliseText(`${card.context} ${card.question}`).match(/[\u4e00-\u9fff]{2}|[a-z][a-z0-9]+/g) ?? []);
  const claims = extractKeyPoints(withoutWrongOptions(card.reference))
    // An Obsidian callout's marker ("[!note] 重点") is markup, not part of the point.
    .map((point) => ({ ...point, text: point.text.replace(/\[![a-z]+\][+-]?\s*/gi, '') }))
    .flatMap(atAGlance)
    .filter((point) => isClaim(point.text, { personal }));
  // A reference made only of names ("FIFO / LFU / LRU") keeps them: they are what it answers.
  const statements = claims.filter((point) => !isBareTerm(point.text));
  const points = (statements.length > 0 ? statements : claims)
    .map((point, order) => {
      const words = normaliseText(point.text).match(/[\u4e00-\u9fff]{2}|[a-z][a-z0-9]+/g) ?? [];
      const about = words.filter((word) => questionWords.has(word)).length / Math.max(1, Math.min(words.length, questionWords.size));
      return { text: point.text, concepts: conceptsIn(point.text, dictionary), relevance: point.weight * (1 + 2 * Math.min(1, about)), order };
    });
  const chosen = [...points].sort((a, b) => b.relevance - a.relevance).slice(0, maximumKeyPoints).sort((a, b) => a.order - b.order);
  const top = Math.max(...chosen.map((point) => point.relevance), Number.EPSILON);
  return chosen.map((point) => ({ text: point.text, concepts: point.concepts, weight: Math.round((point.relevance / top) * 100) / 100 }));
}

/** Settle variants and key points for the whole bank. */
export function finishCards(cards: Card[]): Card[] {
  const merged = mergeVariants(cards);
  const dictionary = buildDomainDictionary(merged);
  return merged.map((card) => {
    const keyPoints = keyPointsOf(card, dictionary);
    return keyPoints.length === 0 && card.answered && answersNothingAsked(card) ? { ...card, answered: false, keyPoints } : { ...card, keyPoints };
  });
}

/** A question that asks to be told about its topics ("说说RPC和二进制协议。"), not for a name, value or verdict a bare term could give. */
const topicPrompt = /^(?:说说|讲讲|谈谈|聊聊|说一下|讲一下|谈一下|介绍一下|介绍|tell me about|talk about|explain|describe)/iu;

/**
 * A card whose reference makes no claim, to a question that asks for an explanation, has no answer in the notes: an interview
 * log's 「rpc？二进制协议？」 over 「分布式系统。」 had been a card graded against those two words, where any answer saying 分布式系统
 * scored 10 and an explanation of RPC 0. Code and a quiz's options are answers of their own; a bare term still answers a
 * question asking which or what ("跳表。", "6379").
 */
function answersNothingAsked(card: Card): boolean {
  return card.kind === 'technical' && !card.code && !card.searchOnly && topicPrompt.test(card.question.trim());
}
