/**
 * Key points of a reference answer: the statements an interviewer would tick off. Taken from the
 * Markdown structure the notes already have (bullets, numbered steps, table rows, sentences of
 * prose), with trivial fragments merged into their neighbours and each point weighted by how much
 * it is likely to matter.
 */
import { joinLines, noteLineReader, tableRowText, withoutFrontMatter } from './note-formats.ts';
import { isClaim } from '../ingest/claims.ts';
import { insideBrackets, leadsIn, tidyPoint, wholeClaims, withoutLabel } from './point-text.ts';
import { profileText, type TextProfile } from './text-analysis.ts';

export interface KeyPointSpec {
  /** Clean display text (Markdown removed). */
  text: string;
  /** Relative importance including size; weights of one reference sum to 1 (display, hints). */
  weight: number;
  /** Importance per unit of content (position, emphasis, asides); scales coverage evidence. */
  importance: number;
  profile: TextProfile;
  /** Which reference (index into the references given) this point came from. */
  referenceIndex: number;
  /** Markdown headings above the point inside the reference, outermost first. */
  section: string[];
  /** The paragraph, list item or table row the point came from (numbered in note order). */
  block: number;
}

/** Below this many content characters a fragment is a label or a connective, not a point. */
const minimumPointCharacters = 6;
/** Beyond this many characters a unit is split at clause boundaries. */
const maximumPointCharacters = 140;
const maximumPoints = 24;

interface RawUnit {
  text: string;
  bold: boolean;
  kind: 'prose' | 'list' | 'table';
  /** Ends in a colon: an introduction to what follows. */
  introduces: boolean;
  section: string[];
  block: number;
}

/** Graders see the same few references again and again (one per question); extraction is cached. */
const cache = new Map<string, KeyPointSpec[]>();
const cacheSize = 512;

export function extractKeyPoints(markdown: string, referenceIndex = 0): KeyPointSpec[] {
  return capPoints(extractAllKeyPoints(markdown, referenceIndex));
}

/**
 * Every point of a reference, uncapped. The grader focuses on the section a question asks about
 * first and caps after: capping a long overview note first dropped whole sections' points
 * (三色标记法's 灰色/黑色/白色) before a question about that section could be graded on them.
 */
export function extractAllKeyPoints(markdown: string, referenceIndex = 0): KeyPointSpec[] {
  const key = `${referenceIndex}\u0000${markdown}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const points = extract(markdown, referenceIndex);
  if (cache.size >= cacheSize) cache.delete(cache.keys().next().value ?? '');
  cache.set(key, points);
  return points;
}

/**
 * Key points the owner fixed on the 题库 page: graded as given, weighted as given (a weight of 0
 * still counts a little, so a kept point can be covered), never re-extracted from the note.
 */
export function givenKeyPoints(points: ReadonlyArray<{ text: string; weight: number }>, referenceIndex = 0): KeyPointSpec[] {
  const specs = points
    .filter((point) => point.text.trim() !== '')
    .map((point, index) => {
      const profile = profileText(point.text);
      const weight = Math.max(point.weight, 0.05);
      // Coverage counts importance × the point's content mass; dividing by the mass makes the
      // owner's weight, not the point's length, decide how much it is worth.
      const mass = [...profile.units.values()].reduce((sum, unit) => sum + unit, 0) || 1;
      return { text: point.text, weight, importance: weight / mass, profile, referenceIndex, section: [], block: index };
    });
  return capPoints(specs);
}

/** The `maximumPoints` heaviest points in note order, weights renormalised to sum to 1. */
export function capPoints(specs: readonly KeyPointSpec[]): KeyPointSpec[] {
  let points = [...specs];
  if (points.length > maximumPoints) {
    const kept = new Set([...points].sort((a, b) => b.weight - a.weight).slice(0, maximumPoints));
    points = points.filter((point) => kept.has(point));
  }
  const total = points.reduce((sum, point) => sum + point.weight, 0) || 1;
  return points.map((point) => ({ ...point, weight: point.weight / total }));
}

function extract(markdown: string, referenceIndex: number): KeyPointSpec[] {
  // What is left of a fence opened inside a list item ("- ```" / "  make" / "  ```") merged into its
  // neighbours as a fragment, naming them; its backticks are markup the card must not show ("make ` 能够…").
  const units = mergeTrivial(splitLong(blockUnits(markdown))).map((unit) => ({ ...unit, text: unit.text.replace(/\s*`+\s*/g, ' ').trim() }));
  // Narration, to-dos and framing are not graded; a terse reference with no claim keeps its terms.
  const claims = units.filter((unit) => isClaim(unit.text, { personal: true }));
  const deduplicated = deduplicate(claims.length > 0 ? claims : units);
  const scored = deduplicated.map((unit, index) => ({ unit, profile: profileText(unit.text), index }));
  return scored.map(({ unit, profile, index }) => {
    const pointImportance = importance(unit, index);
    return { text: unit.text, weight: pointImportance * substance(profile), importance: pointImportance, profile, referenceIndex, section: unit.section, block: unit.block };
  });
}

/** Content size: Chinese characters plus ASCII word characters, ignoring punctuation and spaces. */
export function contentLength(text: string): number {
  // Counted by code unit, without an array of matches: every counted character is one UTF-16 unit,
  // and the halves of a surrogate pair fall in none of the ranges.
  let count = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39)) count += 1;
  }
  return count;
}

/** Longest text beside a link that still reads as a citation label (参考链接, 原文, see also). */
const maxCitationLabel = 8;

function blockUnits(markdown: string): RawUnit[] {
  const withoutCode = withoutFrontMatter(markdown).replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  // A reference that is only code is still gradable by its identifiers.
  const source = contentLength(withoutCode) >= minimumPointCharacters ? withoutCode : markdown.replace(/^(```|~~~).*$/gm, '');
  const units: RawUnit[] = [];
  let tableHeader: string[] | undefined;
  let paragraph: string[] = [];
  // Headings by level: where in the note a point is. Bold label lines are not sections: they
  // introduce the lists of one answer ("**channel有三种状态：**"), not topics of their own.
  const headings: string[] = [];
  const section = () => headings.filter(Boolean);
  const flushParagraph = () => {
    if (paragraph.length) pushSentences(units, joinLines(paragraph), 'prose', section());
    paragraph = [];
  };
  const readLine = noteLineReader();
  for (const rawLine of source.split('\n')) {
    const line = readLine(rawLine);
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      flushParagraph();
      const level = heading[1]!.length;
      headings.length = level;
      headings[level - 1] = cleanInline(heading[2] ?? '').text.replace(/[：:]$/, '');
    }
    if (!line || /^#{1,6}\s/.test(line) || /^(?:-{3,}|\*{3,}|_{3,})$/.test(line)) {
      flushParagraph();
      if (!line.startsWith('|')) tableHeader = undefined;
      continue;
    }
    if (line.startsWith('|')) {
      flushParagraph();
      const cells = line.replace(/^\||\|$/g, '').split('|').map((cell) => cleanInline(cell).text);
      if (cells.every((cell) => /^:?-{2,}:?$/.test(cell.trim()) || !cell.trim())) continue;
      if (!tableHeader) {
        tableHeader = cells;
        continue;
      }
      const text = tableRowText(cells, tableHeader);
      if (text) units.push({ text, bold: false, kind: 'table', introduces: false, section: section(), block: units.length });
      continue;
    }
    tableHeader = undefined;
    // A bullet marker needs the space after it, as in Markdown: "**双有序链表**每次…" is bold prose.
    // "4.0+ 混合持久化" is a version, not item 4.
    const listItem = /^(?:[-*+](?=\s|$)|\d+[.)、](?!\d)|[（(]?\d+[）)]|[①-⑩])\s*(.*)$/u.exec(line);
    if (listItem) {
      flushParagraph();
      pushSentences(units, listItem[1] ?? '', 'list', section());
      continue;
    }
    // A line led by a bold label ("**时间堆**也需要…") starts a statement of its own, even without a blank line.
    if (/^(?:\*\*|__)/.test(line)) flushParagraph();
    paragraph.push(line);
  }
  flushParagraph();
  return units;
}

/**
 * "参考链接 [title](url)": a pointer to reading elsewhere, not a point the candidate must make.
 * A block counts as one when it holds a link and at most a short label outside the links.
 */
function isCitation(rawText: string): boolean {
  const link = /!?\[[^\]]*\]\([^)]*\)/g;
  return link.test(rawText) && contentLength(rawText.replace(link, '')) <= maxCitationLabel;
}

function pushSentences(units: RawUnit[], rawText: string, kind: RawUnit['kind'], section: string[]): void {
  if (isCitation(rawText)) return;
  const { text, bold } = cleanInline(rawText);
  const block = units.length;
  // Enumerations written inline ("①…；②…", "1.… 2.…") are separate points.
  // A number closing a bracket ("(24 × 60 × 60)秒") is arithmetic, not a marker.
  const marked = text.replace(/(?:^|(?<=[\s。；;：:，,]))(?:[（(]\d{1,2}[）)]|\d{1,2}[.、)）](?![\d.])|[①-⑩])\s*|\s*[①-⑩]\s*/gu, (marker, offset: number) =>
    /^\s*\d{1,2}[)）]/u.test(marker) && insideBrackets(text.slice(0, offset)) ? marker : '\n',
  );
  for (const sentence of marked.split(/(?<=[。！？!?；;])|\n/u)) {
    const trimmed = withoutAnnouncement(tidyPoint(sentence));
    if (!trimmed) continue;
    units.push({ text: trimmed, bold, kind, introduces: /[:：]$/.test(trimmed) || leadsIn.test(trimmed), section, block });
  }
}

/** Longest colon-ended sentence that is read as a label ("控制平面包括：") rather than an announcement. */
const maximumLabelCharacters = 10;

/**
 * A sentence minus its closing announcement of the list that follows ("…，主要原因有以下几点："). What
 * comes before it is kept as a point of its own, unless it only frames the question ("为了解决缓存击穿的问题").
 */
function withoutAnnouncement(sentence: string): string {
  if (contentLength(sentence) <= maximumLabelCharacters || !announcesList.test(sentence)) return sentence;
  const lastClause = Math.max(sentence.lastIndexOf('，'), sentence.lastIndexOf(','));
  const before = lastClause > 0 ? sentence.slice(0, lastClause).trim() : '';
  return framesQuestion.test(before) ? '' : before;
}

/** Opens with a purpose, topic or assumption: it sets up what was asked rather than answering it. */
const framesQuestion = /^(?:为了|对于|关于|针对|至于|假设|假如)/u;

/**
 * A sentence that only announces the list after it ("主要流程如下：", "常见的几种策略包括：", "有两种方式：",
 * "as follows:"). Its substance is the list, and notes word it as a restatement of the question;
 * merged into the first item it would make that item look half-missed. A label such as
 * "缓存失效策略：" or "第三步：" is not one: it names what follows and stays merged with it.
 */
const announcesList =
  /(?:(?:如下|以下|下面|下列)[^，,。；;:：]{0,6}|包括|包含|主要有|(?<!没)有|分为|分成|(?<!第)(?:[几两三四五六七八九十]|\d+)\s*[点种个条类步大][^，,。；;:：]{0,4}|as follows|the following(?: \w+)?)\s*[:：]$/iu;

/** Strips inline Markdown; reports whether the text had bold spans (notes bold what matters). */
function cleanInline(raw: string): { text: string; bold: boolean } {
  const bold = /(\*\*|__)[^*_]+\1/.test(raw);
  const text = raw
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/(\*\*|__)/g, '')
    .replace(/(^|[^\w*])[*_](\S[^*_]*?)[*_](?!\w)/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  return { text, bold };
}

function splitLong(units: RawUnit[]): RawUnit[] {
  return units.flatMap((unit) => {
    const pieces = wholeClaims(unit.text, maximumPointCharacters);
    return pieces.map((text, index) => ({ ...unit, text, introduces: index === pieces.length - 1 && unit.introduces }));
  });
}

function mergeTrivial(units: RawUnit[]): RawUnit[] {
  const merged: RawUnit[] = [];
  let pending: RawUnit | undefined;
  for (const unit of units) {
    const current: RawUnit = pending ? { ...unit, text: `${pending.text} ${unit.text}`, bold: pending.bold || unit.bold } : unit;
    pending = undefined;
    const minimum = current.kind === 'table' ? 2 : minimumPointCharacters;
    if (current.introduces || contentLength(current.text) < minimum) {
      pending = current;
      continue;
    }
    merged.push(withoutEmptyLabel(current));
  }
  if (pending) {
    const last = merged.pop();
    if (last) merged.push({ ...last, text: `${last.text} ${pending.text}`, bold: last.bold || pending.bold });
    else if (contentLength(pending.text) > 0) merged.push(pending);
  }
  return merged;
}

/** "解析： golang 的 for … range 语法中，…" is the claim after the label. */
function withoutEmptyLabel(unit: RawUnit): RawUnit {
  const text = withoutLabel(unit.text);
  return contentLength(text) >= minimumPointCharacters ? { ...unit, text } : unit;
}

function bigramSet(text: string): Set<string> {
  return new Set(profileText(text).units.keys());
}

/**
 * Near-identical points (notes repeat themselves; alternative references overlap) count once. Rows of
 * a table are distinct by being rows: with their column headers they share most of their words.
 */
function deduplicate(units: RawUnit[]): RawUnit[] {
  const kept: { unit: RawUnit; grams: Set<string> }[] = [];
  for (const unit of units) {
    const grams = bigramSet(unit.text);
    const duplicate = kept.some(({ unit: keptUnit, grams: other }) => {
      if (unit.kind === 'table' && keptUnit.kind === 'table') return false;
      let shared = 0;
      for (const gram of grams) if (other.has(gram)) shared += 1;
      return shared / Math.max(1, Math.min(grams.size, other.size)) >= 0.8;
    });
    if (!duplicate) kept.push({ unit, grams });
  }
  return kept.map(({ unit }) => unit);
}

/** How much there is to say in a point: informative unit weight, saturating. */
function substance(profile: TextProfile): number {
  let information = 0;
  for (const weight of profile.units.values()) information += weight;
  return Math.min(1.6, Math.sqrt(information / 12));
}

/**
 * Importance of a point's content: earlier statements (notes lead with the answer), bold
 * emphasis, and less for examples, asides and rhetorical questions.
 */
function importance(unit: RawUnit, index: number): number {
  const position = 1 / (1 + 0.06 * index);
  const emphasis = unit.bold ? 1.4 : 1;
  const aside = /^(?:例如|比如|举个例子|e\.g\.|for example)|^(?:注|ps)[:：]/iu.test(unit.text) ? 0.6 : 1;
  const rhetorical = /[？?]$/u.test(unit.text) ? 0.4 : 1;
  return position * emphasis * aside * rhetorical;
}
