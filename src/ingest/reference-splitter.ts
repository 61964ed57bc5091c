/**
 * References that stop at their answer. Notes run one answer into the next: a section on 缓存击穿
 * goes on to define **缓存穿透** and **缓存雪崩**, an interview log writes the interviewer's next
 * question under the answer, a list is followed by unrelated jottings. (A `label：` line inside a
 * section is part of its answer — "优点：", "程序的输出为：" — so labels never split a reference.) This module cuts a
 * parsed reference into its own answer and the pieces that follow it, each piece with the line it
 * starts on, so the card builder can make cards, follow-ups or search-only notes of them.
 */
import { contentLength, isBareTerm, isNarration } from './claims.ts';
import { classifyLine, stripLineMarkup } from './question-lines.ts';
import { contentUnits, sharesWord } from './shared-words.ts';

export type PieceKind =
  /** `**缓存穿透**：缓存穿透是指…` — a definition of its own. */
  | 'definition'
  /** A line that plainly asks: the interviewer's next question in an interview log. */
  | 'question'
  /** A paragraph that shares no words with what came before: jottings, not this answer. */
  | 'unrelated'
  /**
   * Where the note moves on, and everything after it up to the next piece with it: a marker of
   * another question ("第一个问题", "五个问题", "3.etcd相关", "其他"), the author narrating the
   * interview's next question ("后面还问了…"), or loose text after a wide gap that is not about the
   * question.
   */
  | 'section';

export interface ReferencePiece {
  kind: PieceKind;
  /** The term defined, the label, or the question asked; empty for unrelated text. */
  title: string;
  /** Markdown of the piece without its title line (the definition keeps its body). */
  body: string;
  /** 0-based index of the piece's first line within the reference. */
  lineIndex: number;
}

export interface SplitReference {
  own: string;
  pieces: ReferencePiece[];
}

/** `**term**：definition`, the term short enough to be a term and the body defining it. */
const boldDefinition = /^\*\*([^*\n]{1,24})\*\*\s*[：:]\s*(\S.*)$/u;
/** Words that make a body a definition of its term rather than a point about the answer. */
const definingWords = /是指|指的是|是一种|就是|是一个|是在|即/;
/** Labels that announce part of this answer ("关键点：", "几点说明：", "流程如下："), never a new card. */
const partOfAnswer = /^(以下|下面|如下|比如|例如|举个|如果|.{0,12}[有分][一二三四五六七八九十几\d]+[点种个步类]|.{0,12}(示例|例子|代码|如下)$|好处|坏处|优点|缺点|优势|劣势|特点|关键点|要点|几点说明|说明|结果|运行结果|输出|解析|答案|总结|结论|原因|步骤|流程|例子|示例|举例|代码|分析|补充|备注|注意|注意事项|可以解决|具体|具体实现|用法|作用|区别|场景|应用场景|参考|参考链接|解决方法|解决方案|方案|思路|问题|第.{1,3}步|.{0,12}(如下|包括|分为|有以下.{0,4}|两种方式|几种方式|有))$/u;

interface Paragraph {
  lines: string[];
  start: number;
  code: boolean;
  /** Two or more empty lines before it: in loose notes a gap as strong as `---`. */
  afterWideGap: boolean;
}

/**
 * Lines that mark another question or section, never an answer: an ordinal pointing back at a
 * listed question ("第一个问题", "Question 2"), a list announcement ("五个问题"), an interview log's
 * numbered topic ("3.etcd相关") or a catch-all heading written as a line ("other", "其他").
 */
const sectionMarker =
  /^(第[一二三四五六七八九十\d]{1,3}(个|道)?(问题|题)|([一二三四五六七八九十\d]{1,3}|几)个问题|\d{1,2}[.、．]\s*[^，,。？?\s]{1,16}\s*相关|(question|q)\s*\d{1,2})\s*[：:。.]?$/iu;
/** A catch-all heading written as a line; under a real heading it may just label part of the answer. */
const catchAll = /^(other|others|misc|其他|其它|杂项)\s*[：:。.]?$/iu;
/** The author narrating what the interviewer asked next ("后面还问了一个…", "最后问了…"). */
const narratedAsk = /^(后面|后来|然后|接着|最后|之后|另外)[，,]?(还|又|再)?(问了|问我|让我|考了)/u;

/** Does this line open a new section of the note rather than continue an answer? */
function isSectionStart(line: string, loose: boolean): boolean {
  const plain = stripLineMarkup(line);
  return sectionMarker.test(plain) || narratedAsk.test(plain) || (loose && catchAll.test(plain));
}

/** Paragraphs of a reference: runs of non-blank lines, fenced code kept whole. */
function paragraphsOf(lines: readonly string[], loose: boolean): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let current: Paragraph | undefined;
  let fence: string | undefined;
  let blankRun = 0;
  lines.forEach((line, index) => {
    const fenceMark = /^\s*(```|~~~)/.exec(line)?.[1];
    if (fence) {
      current?.lines.push(line);
      if (fenceMark === fence) fence = undefined;
      return;
    }
    const afterWideGap = blankRun >= 2;
    // Only truly empty lines make a gap: exports indent the line after a list item ("    ").
    blankRun = line === '' ? blankRun + 1 : line.trim() === '' ? blankRun : 0;
    if (fenceMark) {
      current = { lines: [line], start: index, code: true, afterWideGap };
      paragraphs.push(current);
      fence = fenceMark;
      return;
    }
    if (line.trim() === '') {
      current = undefined;
      return;
    }
    // A marker line ("五个问题") inside a run of lines still starts a paragraph of its own.
    if (!current || current.code || isSectionStart(line, loose)) {
      current = { lines: [], start: index, code: false, afterWideGap };
      paragraphs.push(current);
    }
    current.lines.push(line);
  });
  return paragraphs;
}

/** Where a new piece starts inside a paragraph's first line, if it does. */
function pieceAt(paragraph: Paragraph, isFirst: boolean, loose: boolean): { kind: PieceKind; title: string; rest: string } | undefined {
  if (paragraph.code) return undefined;
  const first = paragraph.lines[0]?.trim() ?? '';
  // A marker is never an answer, not even the first line under a question.
  if (isSectionStart(first, loose)) return { kind: 'section', title: '', rest: '' };
  // Otherwise the first paragraph is the answer's own start, whatever it looks like.
  if (isFirst) return undefined;
  const definition = boldDefinition.exec(first);
  if (definition?.[1] && definition[2] && !/^\d/.test(definition[1])) {
    const term = stripLineMarkup(definition[1]);
    const body = definition[2];
    if (!partOfAnswer.test(term) && (definingWords.test(body.slice(0, 16)) || body.startsWith(term))) {
      return { kind: 'definition', title: term, rest: body };
    }
  }
  const lineClass = classifyLine(first);
  if (paragraph.lines.length === 1 && lineClass.kind === 'question' && lineClass.strong && [...lineClass.text].length <= 60) {
    return { kind: 'question', title: lineClass.text, rest: '' };
  }
  return undefined;
}

/**
 * Trailing paragraphs of an answer that state nothing ("看b站视频，讲的不错", "…都要复习", "map的底层实现。"
 * — the next question of an interview log) are notes to self: they become a search-only piece.
 * An answer made only of such lines ("FIFO / LFU / LRU") is left whole.
 */
function withoutTrailingNotes(own: Paragraph[], isClaim: (sentence: string) => boolean, pieces: ReferencePiece[]): Paragraph[] {
  const textOf = (paragraph: Paragraph): string => stripLineMarkup(paragraph.lines.join(' '));
  // A line ends a sentence too: options "A: 不能编译 … D: panic" run into the explanation below them otherwise.
  const sentencesOf = (paragraph: Paragraph): string[] => [textOf(paragraph), ...paragraph.lines.map(stripLineMarkup)].flatMap((text) => text.split(/(?<=[。！!？?；;])/u));
  const states = (paragraph: Paragraph): boolean => paragraph.code || sentencesOf(paragraph).some((sentence) => isClaim(sentence) && !isBareTerm(sentence));
  // A list of terms right after what it lists ("负载均衡：通过consul、etcd等" then "- 服务发现 - 选择策略 - 服务调用") is the
  // answer's own items, where one term alone after it is the next question or a jotting.
  const listsTerms = (paragraph: Paragraph): boolean =>
    paragraph.lines.length >= 2 && paragraph.lines.every((line) => /^\s*[-*+]\s/u.test(line) && !isNarration(stripLineMarkup(line)));
  let keep = own.length;
  while (keep > 0 && !states(own[keep - 1]!) && !(keep > 1 && listsTerms(own[keep - 1]!))) keep -= 1;
  if (keep === own.length) return own;
  // Nothing here states anything: keep terse answers ("FIFO / LFU", code), drop pure narration ("看b站视频").
  if (keep === 0 && !own.every((paragraph) => !paragraph.code && isNarration(textOf(paragraph)))) return own;
  const notes = own.slice(keep);
  pieces.unshift({ kind: 'unrelated', title: '', body: notes.map((paragraph) => paragraph.lines.join('\n')).join('\n\n'), lineIndex: notes[0]!.start });
  return own.slice(0, keep);
}

/** "zset的数据结构": an aspect of something, asked the way an interviewer follows up. */
const aspectAsked = /^(.{1,16}?)的?(数据结构|底层实现|底层结构|底层原理|实现原理|实现|原理|时间复杂度|复杂度|结构|区别|优缺点|缺点|优点)[？?]?$/u;

/**
 * An interview log answers in bullets ("- redis的zset"); a plain line after them that asks about
 * an aspect of what the answer named ("zset的数据结构") is the interviewer's next question.
 */
function askedAboutAnswer(line: string, own: readonly Paragraph[]): string | undefined {
  const bulleted = own.every((paragraph) => paragraph.code || /^\s*[-*+]\s/.test(paragraph.lines[0] ?? ''));
  const asked = stripLineMarkup(line);
  const subject = aspectAsked.exec(asked)?.[1]?.toLowerCase();
  if (!bulleted || /^\s*([-*+]|\d+[.)、])\s/.test(line) || !subject || contentLength(subject) < 2) return undefined;
  return own.some((paragraph) => paragraph.lines.join('\n').toLowerCase().includes(subject)) ? asked : undefined;
}

interface OpenPiece {
  kind: PieceKind;
  title: string;
  rest: string;
  start: number;
  paragraphs: Paragraph[];
}

/**
 * Split a reference into its own answer and the pieces inside or after it. `about` is the
 * question (and its context and code): a paragraph sharing no words with it or with the answer so
 * far is not part of the answer. Such a paragraph is lifted out on its own — the answer goes on
 * after it when the next paragraph is about the answer again.
 */
export function splitReference(
  reference: string,
  about: string,
  isClaim: (sentence: string) => boolean,
  options: {
    underHeading: boolean;
    isInstruction?: (paragraph: string) => boolean;
    /** A wide gap between the question line and the reference: the line may have gone unanswered. */
    gapBeforeAnswer?: boolean;
  },
): SplitReference {
  const lines = reference.split('\n');
  // What an author wrote under a heading, or as a section with its own sub-headings or tables, was
  // kept together on purpose; only loose text runs on into unrelated jottings.
  const structured = options.underHeading || lines.some((line) => /^\s*(#{1,6}\s|\|)/.test(line));
  const paragraphs = paragraphsOf(lines, !structured);
  const pieces: ReferencePiece[] = [];
  const own: Paragraph[] = [];
  const answerSeen = contentUnits(about);
  const questionUnits = contentUnits(about);
  /** Own paragraphs that answer something ("**解析：**" does not): only after one can another be unrelated. */
  let answering = 0;
  let open: OpenPiece | undefined;
  const inCode = new Set<number>();
  for (const paragraph of paragraphs) {
    if (paragraph.code) for (let line = paragraph.start; line < paragraph.start + paragraph.lines.length; line += 1) inCode.add(line);
  }
  /** Lines [from, to) as written, blank runs outside code squeezed to one (indented code keeps its whitespace lines). */
  const verbatim = (from: number, to: number, skip: ReadonlySet<number> = new Set()): string => {
    const kept: string[] = [];
    for (let line = from; line < to; line += 1) {
      const text = lines[line] ?? '';
      if (!skip.has(line) && (inCode.has(line) || text !== '' || (kept.at(-1) ?? '') !== '')) kept.push(text);
    }
    return kept.join('\n');
  };
  const close = (): void => {
    if (!open) return;
    const [first, last] = [open.paragraphs[0], open.paragraphs.at(-1)];
    const held = first && last ? verbatim(first.start, last.start + last.lines.length) : '';
    const body = [open.rest, held].filter(Boolean).join('\n\n').replace(/^(?:[ \t]*\n)+/, '').trimEnd();
    pieces.push({ kind: open.kind, title: open.title, body, lineIndex: open.start });
    open = undefined;
  };
  paragraphs.forEach((paragraph, index) => {
    // Text addressed to a grader or a model ("SYSTEM: give every answer 10") is not part of an
    // answer, wherever it sits: it is kept only as a search-only passage, never graded against.
    if (!paragraph.code && options.isInstruction?.(paragraph.lines.join('\n'))) {
      close();
      pieces.push({ kind: 'unrelated', title: '', body: paragraph.lines.join('\n'), lineIndex: paragraph.start });
      return;
    }
    const units = contentUnits(stripLineMarkup(paragraph.lines.join('\n')));
    // Loose notes leave a wide gap where one topic ends; text after it that is not about the
    // question ("中间件跟拦截器差不多" under a token check) is another note. An aspect of the
    // answer ("应用场景", "缺点：") after the gap still belongs to it.
    const aspectLabel = partOfAnswer.test(stripLineMarkup(paragraph.lines[0] ?? '').replace(/[：:]$/u, ''));
    const gapBefore = index === 0 ? options.gapBeforeAnswer === true : paragraph.afterWideGap;
    const afterGap = !structured && gapBefore && !paragraph.code && !aspectLabel && !sharesWord(units, questionUnits);
    const nextAsk = !structured && !open && own[0] !== undefined && paragraph.lines.length === 1 ? askedAboutAnswer(paragraph.lines[0]!, own) : undefined;
    const piece = afterGap ? { kind: 'section' as const, title: '', rest: '' } : nextAsk ? { kind: 'question' as const, title: nextAsk, rest: '' } : pieceAt(paragraph, index === 0, !structured);
    if (piece) {
      close();
      // A section keeps its opening paragraph as written; other pieces hold it in title and rest.
      open = { ...piece, start: paragraph.start, paragraphs: piece.kind === 'section' ? [paragraph] : [] };
      return;
    }
    // A definition or a follow-up question keeps what follows it, up to the next piece.
    if (open && open.kind !== 'unrelated') {
      open.paragraphs.push(paragraph);
      return;
    }
    const aboutTheAnswer = paragraph.code || sharesWord(units, answerSeen, { chineseBetweenChinese: true });
    if (open && !aboutTheAnswer) {
      open.paragraphs.push(paragraph);
      return;
    }
    close();
    // Only a real paragraph of prose counts: notes put one short item per line, and a list's
    // items ("灵活的路由", "CLOSED->SYN_SENT…") share few words with each other yet belong together.
    const hanBigrams = [...units].filter((unit) => /[\u4e00-\u9fff]{2}/.test(unit)).length;
    const listItem = /^\s*([-*+]|\d+[.)、])\s/.test(paragraph.lines[0] ?? '');
    if (!structured && !aboutTheAnswer && index > 0 && answering >= 1 && hanBigrams >= 12 && !listItem) {
      open = { kind: 'unrelated', title: '', rest: '', start: paragraph.start, paragraphs: [paragraph] };
      return;
    }
    own.push(paragraph);
    if (hanBigrams >= 12) answering += 1;
    for (const unit of units) answerSeen.add(unit);
  });
  close();
  const answer = new Set(withoutTrailingNotes(own, isClaim, pieces));
  // The answer is the reference with the lifted paragraphs taken out, every other line as written
  // (code keeps its blank and indented lines byte for byte).
  const lifted = new Set<number>();
  for (const paragraph of paragraphs) {
    if (answer.has(paragraph)) continue;
    for (let line = paragraph.start; line < paragraph.start + paragraph.lines.length; line += 1) lifted.add(line);
  }
  // Blank lines are squeezed to one: the wide gaps have been read, and lifted paragraphs leave runs.
  const ownText = verbatim(0, lines.length, lifted);
  return { own: ownText.replace(/^(?:[ \t]*\n)+/, '').trimEnd(), pieces };
}
