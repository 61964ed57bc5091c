/**
 * Interview write-ups that list questions first and answer them after by number: "五个问题", the
 * questions, then "第一个问题" with its answer. The reference splitter leaves each ordinal as a
 * search-only note; this pass gives the answer back to the question it answers.
 */
import type { CardFollowup } from '../core/types.ts';
import { isQuestionText, stripLineMarkup } from './question-lines.ts';

/** The parts of a card draft this pass reads and rewrites. */
export interface ListedDraft {
  question: string;
  asked: string;
  kind: string;
  origin: string;
  reference: string;
  path: string[];
  followups: CardFollowup[];
  lines: { start: number; end: number };
}

const listAnnouncement = /^([一二三四五六七八九十\d]{1,3}|几)个问题[：:]?$/u;
const ordinalMarker = /^第([一二三四五六七八九十\d]{1,3})(?:个|道)?(?:问题|题)[：:。.]?$/u;
const chineseDigits = '一二三四五六七八九';

/** 1 for "一" or "1", 10 for "十"; 0 for what it cannot read. */
function ordinalValue(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  if (text === '十') return 10;
  return chineseDigits.indexOf(text) + 1;
}

/**
 * "五个问题" then the questions, then "第一个问题" and its answer: that answer belongs to the first
 * listed question, which the card asks, together with what the author wrote under it up to the
 * next ordinal ("如何验证…？" and its answer become its follow-up). Under an ordinal that repeats
 * its question the parser has already made the card.
 */
export function answerListedQuestions<T extends ListedDraft>(drafts: readonly T[]): T[] {
  const lines = (draft: T): string[] => draft.reference.split('\n').map(stripLineMarkup).filter((line) => line !== '');
  const isMarker = (draft: T): boolean => draft.kind === 'note' && [listAnnouncement, ordinalMarker].some((marker) => marker.test(lines(draft)[0] ?? ''));
  const result: T[] = [];
  let listed: string[] = [];
  let announcement: T | undefined;
  const answeredAnnouncements = new Set<T>();
  for (let index = 0; index < drafts.length; index += 1) {
    const draft = drafts[index]!;
    const [first = '', ...rest] = draft.kind === 'note' ? lines(draft) : [];
    result.push(draft);
    if (listAnnouncement.test(first)) {
      announcement = draft;
      listed = rest.filter((line) => isQuestionText(line));
      for (let next = index + 1; next < drafts.length && drafts[next]!.reference === '' && drafts[next]!.kind !== 'note'; next += 1) listed.push(drafts[next]!.asked);
      continue;
    }
    const ordinal = ordinalMarker.exec(first);
    const question = ordinal ? listed[ordinalValue(ordinal[1]!) - 1] : undefined;
    if (!question || rest.length === 0 || isQuestionText(rest[0]!)) continue;
    const nextMarker = drafts.findIndex((candidate, at) => at > index && (isMarker(candidate) || candidate.path.length !== draft.path.length));
    const between = nextMarker > index && isMarker(drafts[nextMarker]!) ? drafts.slice(index + 1, nextMarker) : [];
    const body = draft.reference.replace(/^[^\n]*\n?/, '').trim();
    Object.assign(draft, {
      kind: 'technical',
      origin: 'piece',
      // `question` stays the note's own words at this line ("第一个问题"); the card asks the listed one.
      asked: question,
      reference: [body, ...between.map((sub) => `${sub.asked}\n\n${sub.reference}`.trim())].join('\n\n'),
      followups: between.map((sub) => (sub.reference ? { question: sub.asked, answer: sub.reference } : { question: sub.asked })),
      lines: { start: draft.lines.start, end: between.at(-1)?.lines.end ?? draft.lines.end },
    });
    index += between.length;
    // The list's own copy of a question now answered would only compete with its card in search.
    if (announcement && announcement.reference.includes(question)) {
      announcement.reference = announcement.reference.split('\n').filter((line) => stripLineMarkup(line) !== question).join('\n').trim();
      answeredAnnouncements.add(announcement);
    }
  }
  // An announcement left with only its caption ("五个问题") holds nothing to search.
  return result.filter((draft) => !(answeredAnnouncements.has(draft) && lines(draft).length <= 1));
}
