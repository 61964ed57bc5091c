/**
 * Wrong answers in the note's own words: a clause that repeats a note clause almost word for word
 * but with one word exchanged for another of the note's words, or for its opposite, binds the note's
 * claim to the wrong thing: "从服务器执行所有写操作" for "主服务器执行所有写操作", "攻击者发送大量的 ACK 包" for
 * "…SYN 包", "采用持久节点" for "采用临时有序节点", "为了增加 GC 的压力" for "减少". Bag-of-words
 * matching sees the same words and counts them as coverage; a word-level alignment sees the exchange.
 * A paraphrase shares too little of the note clause's word order to be aligned at all, and a clause
 * the note says elsewhere (its other row, its other case) is never wrong.
 */
import { conceptTokens } from '../text/glossary.ts';
import { areOpposites } from '../text/antonyms.ts';
import { memoByObject, memoByText } from './grading-memo.ts';
import { wholeCount, wholeIndexOf } from './latin-words.ts';
import type { Statement } from './statements.ts';
import { isFunctionCharacter } from './text-analysis.ts';

export interface NoteEdit {
  said: Statement;
  notes: Statement;
}

/** Share of the answer clause's words, and of the note clause's, the alignment must keep in order. */
const answerKept = 0.6;
const noteKept = 0.45;
/** Longest exchanged span, in words (a CJK character or an English word is one). */
const longestExchange = 6;
/** Size (Chinese characters; an English word counts two) an answer clause needs before an exchange in it says anything. */
const minimumWords = 5;
/** Content words of the note's claim the answer must keep around the exchange. */
const minimumClaim = 3;

const cjk = /^[\u3400-\u9fff\uf900-\ufaff]$/u;
/** Words (CJK characters, English words, numbers) and the list separators that tell a list item from a role. */
const token = /[a-z0-9_]+|[\u3400-\u9fff\uf900-\ufaff]|[、/]/gu;
const listJoint = /^(?:、|\/|和|与|及|或)$/u;

function tokensOf(normalised: string): string[] {
  return normalised.match(token) ?? [];
}

const noteTokens = memoByText(tokensOf, 4096);

interface Hunk {
  removed: string[];
  inserted: string[];
  /** Index in the note clause's tokens where the hunk starts, and in the answer clause's. */
  noteAt: number;
  answerAt: number;
}

/** Longest common subsequence alignment of two word lists: the words kept and the hunks between them. */
function align(note: readonly string[], answer: readonly string[]): { kept: number; hunks: Hunk[] } {
  const rows = note.length + 1;
  const columns = answer.length + 1;
  const table = new Uint16Array(rows * columns);
  for (let i = note.length - 1; i >= 0; i -= 1) {
    for (let j = answer.length - 1; j >= 0; j -= 1) {
      table[i * columns + j] = note[i] === answer[j] ? table[(i + 1) * columns + j + 1]! + 1 : Math.max(table[(i + 1) * columns + j]!, table[i * columns + j + 1]!);
    }
  }
  const hunks: Hunk[] = [];
  let current: Hunk | undefined;
  let i = 0;
  let j = 0;
  while (i < note.length || j < answer.length) {
    if (i < note.length && j < answer.length && note[i] === answer[j]) {
      if (current) hunks.push(current);
      current = undefined;
      i += 1;
      j += 1;
      continue;
    }
    current ??= { removed: [], inserted: [], noteAt: i, answerAt: j };
    if (j >= answer.length || (i < note.length && table[(i + 1) * columns + j]! >= table[i * columns + j + 1]!)) current.removed.push(note[i++]!);
    else current.inserted.push(answer[j++]!);
  }
  if (current) hunks.push(current);
  return { kept: table[0]!, hunks };
}

const isContent = (words: readonly string[]) => words.some((word) => !cjk.test(word) || !isFunctionCharacter(word));

/**
 * A span that changes what the clause says: content words, or two words of function characters that are opposites
 * ("一定不存在" for "可能不存在": each of 一定 and 可能 is function characters only, yet the exchange says the opposite).
 */
const changes = (hunk: Hunk) => isContent(hunk.inserted) || isContent(hunk.removed) || areOpposites(hunk.removed.join(''), hunk.inserted.join(''));
const script = (words: readonly string[]) => (words.every((word) => cjk.test(word)) ? 'cjk' : words.every((word) => !cjk.test(word)) ? 'latin' : 'mixed');

/** A word between list separators is an item of a list: reordering a list exchanges items without changing any claim. */
function isListItem(words: readonly string[], at: number, length: number): boolean {
  return listJoint.test(words[at - 1] ?? '') || listJoint.test(words[at + length] ?? '');
}

/**
 * Whether the note's words and the answer's words in their place are two things the note (or the
 * question) tells apart: two English words it uses ("syn" / "ack", "http" / "websocket"), or two
 * Chinese words it writes with the same content character beside them ("主" / "从" before 服务器 are
 * 主服务器 and 从服务器, "用户" / "内核" before 态, "雪崩" / "穿透" after 缓存). Two words the note merely
 * uses somewhere ("实现" / "存储") are a rewording, not two things.
 */
/**
 * The note's word a misspelling of the answer's: one is the other with a letter or two more at the end ("po信息" beside the
 * note's many "pod"), the note writes its own form once and the answer's form more often. LRU / LFU, written alike and
 * both used, are two things.
 */
function misspelt(noteWord: string, answerWord: string, note: string): boolean {
  const [short, long] = noteWord.length < answerWord.length ? [noteWord, answerWord] : [answerWord, noteWord];
  if (!long.startsWith(short) || long.length - short.length > 2) return false;
  return wholeCount(note, noteWord) === 1 && wholeCount(note, answerWord) >= 2;
}

function namesAnotherThing(hunk: Hunk, note: readonly string[], answer: readonly string[], vocabulary: Vocabulary): boolean {
  const { removed, inserted } = hunk;
  // The two things the question contrasts ("缓存穿透和缓存雪崩" → 穿透, 雪崩), whichever the note describes.
  const removedWhole = removed.join(script(removed) === 'latin' ? ' ' : '');
  const insertedWhole = inserted.join(script(inserted) === 'latin' ? ' ' : '');
  if (vocabulary.subjects.includes(removedWhole) && vocabulary.subjects.includes(insertedWhole)) return true;
  if (script(inserted) === 'latin') {
    const used = (word: string) => /[a-z]/.test(word) && wholeIndexOf(vocabulary.note, word) >= 0;
    return removed.length === 1 && inserted.length === 1 && used(removed[0]!) && used(inserted[0]!) && !misspelt(removed[0]!, inserted[0]!, vocabulary.note);
  }
  // Words of their own: a span with a function character in it ("出栈并", "对空") is cut across words.
  // Things told apart by their modifier are named alike (主/从, 用户/内核, 穿透/雪崩); "已完成" for "全" before 连接 is another
  // way of naming the same queue.
  if (removed.length > 3 || inserted.length !== removed.length) return false;
  if ((removed.length > 1 && removed.some(isFunctionCharacter)) || (inserted.length > 1 && inserted.some(isFunctionCharacter))) return false;
  const removedText = removed.join('');
  const insertedText = inserted.join('');
  const sides = [
    [note[hunk.noteAt - 1], answer[hunk.answerAt - 1], 'before'],
    [note[hunk.noteAt + removed.length], answer[hunk.answerAt + inserted.length], 'after'],
  ] as const;
  return sides.some(([noteSide, answerSide, side]) => {
    if (!noteSide || noteSide !== answerSide || !cjk.test(noteSide) || isFunctionCharacter(noteSide) || negating.test(noteSide)) return false;
    const word = (text: string) => (side === 'before' ? noteSide + text : text + noteSide);
    return vocabulary.note.includes(word(removedText)) && vocabulary.note.includes(word(insertedText)) && !namesAlike(vocabulary.note, word(removedText), word(insertedText));
  });
}

/** Words that give a thing its other name: "每个词都关联一个文档列表，这个列表称为倒排列表". */
const naming = /称为|称作|叫做|叫作|又称|也称|简称|也叫|即为|也就是/u;

/**
 * Whether the note gives the two words as names of one thing, within a sentence: "每个词都关联一个倒排列表" says the note's
 * "每个词都关联一个文档列表，这个列表称为倒排列表" in its other name, and had been read as giving the list the wrong name.
 */
function namesAlike(note: string, first: string, second: string): boolean {
  return note.split(/[。！？!?\n；;]/u).some((sentence) => {
    const [a, b] = [sentence.indexOf(first), sentence.indexOf(second)];
    if (a < 0 || b < 0) return false;
    const between = sentence.slice(Math.min(a, b), Math.max(a, b) + (a < b ? second : first).length);
    return naming.test(between);
  });
}

/** One exchanged span that changes what the clause claims: the note's word replaced by another thing of the note, or by its opposite. */
function changesClaim(hunk: Hunk, note: readonly string[], answer: readonly string[], vocabulary: Vocabulary): boolean {
  const { removed, inserted } = hunk;
  if (!removed.length || !inserted.length || removed.length > longestExchange || inserted.length > longestExchange) return false;
  // One function character can be a thing of its own in the note's words (从 of 从服务器), on either side: the note's 后 of
  // "最先输出的是最后创建的G" exchanged for 先 ("最先输出的是最先创建的G") is an opposite as 先 for 后 would be.
  const oneForOne = inserted.length === 1 && removed.length === 1;
  const opposite = areOpposites(removed.join(''), inserted.join(''));
  if (!(isContent(removed) || opposite) || !(isContent(inserted) || opposite || oneForOne)) return false;
  // Changed numbers are changed-numbers.ts's; a span in another script is a translation, not an exchange.
  if ([...removed, ...inserted].some((word) => /^\d/.test(word)) || script(removed) !== script(inserted) || script(removed) === 'mixed') return false;
  const removedText = removed.join(script(removed) === 'latin' ? ' ' : '');
  const insertedText = inserted.join(script(inserted) === 'latin' ? ' ' : '');
  if (areOpposites(removedText, insertedText)) return true;
  if (isListItem(note, hunk.noteAt, removed.length) || isListItem(answer, hunk.answerAt, inserted.length)) return false;
  // Another name for the same thing (glossary synonyms across the two spans) is a paraphrase.
  const concepts = new Set(conceptTokens(removedText));
  if (conceptTokens(insertedText).some((concept) => concepts.has(concept))) return false;
  // …and so is a span that names, with the words around it, what the note's names with the words around it
  // ("链表存储结构" for "链式存储结构": the glossary knows 链表 and 链式存储 as one thing).
  const joiner = script(removed) === 'latin' ? ' ' : '';
  const named = conceptsNamedBy(note, hunk.noteAt, removed.length, joiner);
  if ([...conceptsNamedBy(answer, hunk.answerAt, inserted.length, joiner)].some((concept) => named.has(concept))) return false;
  return namesAnotherThing(hunk, note, answer, vocabulary);
}

/** Words on each side of a span that may complete a name with it. */
const nameContext = 2;

/** The glossary concepts a span takes part in with its neighbouring words, and that those words alone do not name. */
function conceptsNamedBy(words: readonly string[], at: number, length: number, joiner: string): Set<string> {
  const before = words.slice(Math.max(0, at - nameContext), at);
  const after = words.slice(at + length, at + length + nameContext);
  const without = new Set(conceptTokens([...before, ...after].join(joiner)));
  return new Set(conceptTokens([...before, ...words.slice(at, at + length), ...after].join(joiner)).filter((concept) => !without.has(concept)));
}

/** A negation added or dropped with the exchange makes the clause agree again ("单链表不可以" for "双链表可以"). */
const negating = /^(?:不|没|无|非|未|not|no|never|cannot)$/u;

/**
 * The one exchange that changes the clause's claim, when the rest of the clause is the note's
 * (words left out, or function words added): a second changed span is a different sentence that
 * happens to share words ("由于栈是先进后出" against "由于队列是先进先出" is true of 栈), not an exchange.
 */
function singleExchange(hunks: readonly Hunk[], note: readonly string[], answer: readonly string[], vocabulary: Vocabulary): boolean {
  const changed = hunks.filter((hunk) => hunk.inserted.length > 0 && changes(hunk));
  if (hunks.some((hunk) => [...hunk.removed, ...hunk.inserted].some((word) => negating.test(word)))) return false;
  if (changed.length === 2) return swapsTwoThings(changed[0]!, changed[1]!, note, answer, vocabulary);
  if (changed.length !== 1) return false;
  return changesClaim(changed[0]!, note, answer, vocabulary);
}

/**
 * Two things of the note put in each other's place, the rest of the clause the note's: "young链表第二次访问就放到了old链表" for
 * "old链表第二次访问就放到了young链表" moves pages the other way. Each exchange on its own is a claim changed (changesClaim),
 * and together they are one swap: what one hunk takes out, the other puts in.
 */
function swapsTwoThings(first: Hunk, second: Hunk, note: readonly string[], answer: readonly string[], vocabulary: Vocabulary): boolean {
  const joined = (words: readonly string[]) => words.join(script(words) === 'latin' ? ' ' : '');
  if (joined(first.removed) !== joined(second.inserted) || joined(first.inserted) !== joined(second.removed)) return false;
  return changesClaim(first, note, answer, vocabulary) && changesClaim(second, note, answer, vocabulary);
}

/** What the note says (normalised, all its points) and the things its question contrasts (role-swaps.ts's subjects). */
export interface Vocabulary {
  note: string;
  subjects: readonly string[];
}

/**
 * Clauses with their labels: statements.ts ends a clause at a full-width colon, so "websocket：" and
 * "请求——响应。" are two; which thing the claim is about is the label, so here they are read as one.
 */
function withLabels(statements: readonly Statement[], alsoBare: boolean): Statement[] {
  const joined: Statement[] = [];
  for (let index = 0; index < statements.length; index += 1) {
    const statement = statements[index]!;
    const next = statements[index + 1];
    if (next && /[：:]\s*$/u.test(statement.text) && next.point === statement.point) {
      joined.push({ ...next, text: `${statement.text}${next.text}`, normalised: `${statement.normalised}${next.normalised}` });
      // A note's label is often only a heading of the claim ("工作原理：主服务器执行所有写操作"): the claim is also read without it.
      if (alsoBare) joined.push(next);
      index += 1;
    } else joined.push(statement);
  }
  return joined;
}

/**
 * The note's clauses (with their labels) as words, and word → the clauses holding it, once per list
 * of note clauses.
 */
const wordsOfNote = memoByObject((note: readonly Statement[]) => {
  const clauses = withLabels(note, true).map((statement) => ({ statement, words: noteTokens(statement.normalised) }));
  const holding = new Map<string, number[]>();
  clauses.forEach(({ words }, index) => {
    for (const word of new Set(words)) {
      const known = holding.get(word);
      if (known) known.push(index);
      else holding.set(word, [index]);
    }
  });
  return { clauses, holding };
});

/** For each note clause, how many of the answer clause's words (counted with repeats) it holds. */
function sharedWordCounts(answer: readonly string[], noteWords: ReturnType<typeof wordsOfNote>): Uint32Array {
  const counts = new Uint32Array(noteWords.clauses.length);
  for (const word of answer) for (const index of noteWords.holding.get(word) ?? []) counts[index] = counts[index]! + 1;
  return counts;
}

/**
 * Answer clauses that repeat a note clause with a word exchanged, each with the note clause it
 * changes. `vocabulary` says what counts as another thing the note talks about.
 */
/** Words a spoken clause opens with that say nothing of the note: connectives, fillers, a pronoun subject and its 是. */
const spokenOpener = /^\s*(?:(?:不过|但是|但|其实|就是|然后|而且|所以|嗯|呃|那)\s*)+(?:(?:它|他|这)(?:是|就是)?\s*)?/u;

export function exchangedWords(note: readonly Statement[], answer: readonly Statement[], vocabulary: Vocabulary, skip: (statement: Statement) => boolean): NoteEdit[] {
  const found: NoteEdit[] = [];
  const noteWords = wordsOfNote(note);
  // Also bare: an answer's colon often follows its verdict, not a label ("只会有假阴性，不会有假阳性：k 位里只要有一位是 0
  // 只说明可能不存在"), and the clause after it alone is what restates the note's.
  for (const said of withLabels(answer, true)) {
    if (skip(said)) continue;
    // A spoken opener ("不过它是 young 链表里的页…") is no part of what the clause restates.
    const words = tokensOf(said.normalised.replace(spokenOpener, ''));
    // An English word is a word; a Chinese character is about half of one.
    const size = words.reduce((sum, word) => sum + (word === '、' || word === '/' ? 0 : cjk.test(word) ? 1 : 2), 0);
    if (size < minimumWords) continue;
    let best: { statement: Statement; kept: number; hunks: Hunk[]; words: string[] } | undefined;
    let restated = false;
    // Most clause pairs share no words: counting first keeps the alignment for the few that do.
    const shared = sharedWordCounts(words, noteWords);
    for (let index = 0; index < noteWords.clauses.length; index += 1) {
      if (shared[index]! < answerKept * words.length) continue;
      const { statement, words: noteClause } = noteWords.clauses[index]!;
      const { kept, hunks } = align(noteClause, words);
      if (kept < answerKept * words.length || kept < noteKept * noteClause.length || keptContent(noteClause, hunks) < minimumClaim) continue;
      // The note says this clause somewhere without an exchange: it is the note's claim, not a changed one.
      if (hunks.every((hunk) => !hunk.inserted.length || !changes(hunk))) {
        restated = true;
        break;
      }
      // The note clause it restates most closely, as a share of the longer clause's words; on a tie the first,
      // which is the labelled reading of a labelled clause ("http：请求——响应" before "请求——响应").
      if (!best || kept / Math.max(words.length, noteClause.length) > best.kept / Math.max(words.length, best.words.length)) best = { statement, kept, hunks, words: noteClause };
    }
    if (restated || !best) continue;
    const { statement, hunks, words: noteClause } = best;
    if (singleExchange(hunks, noteClause, words, vocabulary) && !saidInOtherOrder(words, hunks, noteWords.clauses, statement)) found.push({ said, notes: statement });
  }
  return found;
}

/**
 * Whether another note clause holds every content word of the answer clause, in whatever order: the answer says that clause
 * again, not the aligned one with a word exchanged. "传输效率高" is the note's "极大提高传输效率", not its "存取效率高" with
 * 传输 for 存取.
 */
function saidInOtherOrder(words: readonly string[], hunks: readonly Hunk[], clauses: readonly { statement: Statement; words: readonly string[] }[], aligned: Statement): boolean {
  // The exchanged-in words count whatever they are: 从 of "从服务器执行所有写操作" is a function character, yet it is the exchange.
  const needed = [...words.filter((word) => isContent([word]) && word !== '、' && word !== '/'), ...hunks.flatMap((hunk) => hunk.inserted.filter((word) => !isContent([word])))];
  return clauses.some(({ statement, words: noteClause }) => statement !== aligned && holdsAll(noteClause, needed));
}

/** Whether `words` holds every one of `needed`, as many times as it is needed. */
function holdsAll(words: readonly string[], needed: readonly string[]): boolean {
  const left = new Map<string, number>();
  for (const word of words) left.set(word, (left.get(word) ?? 0) + 1);
  return needed.every((word) => {
    const count = left.get(word) ?? 0;
    left.set(word, count - 1);
    return count > 0;
  });
}

/** Content words of the note clause the answer keeps: without a few, the clause is only a subject ("而顺序表中，"), not a claim. */
function keptContent(note: readonly string[], hunks: readonly Hunk[]): number {
  const lost = new Set<number>();
  for (const hunk of hunks) for (let offset = 0; offset < hunk.removed.length; offset += 1) lost.add(hunk.noteAt + offset);
  return note.filter((word, index) => !lost.has(index) && isContent([word]) && word !== '、' && word !== '/').length;
}
