/**
 * The sub-section a question names by its heading, when the note it matched is an overview or a neighbouring section
 * (`reference-finder.ts` grades against it). An overview folds its sections in, so it often matches best ("介绍一下web
 * server" holds 双缓冲日志, 内存池, 定时器 …): a question about the double-buffered log graded against the whole overview
 * counts every other section as missed.
 */
import type { Card } from '../core/types.ts';
import { matchOf, type AskedTopic } from './reference-topic.ts';
import { lettersOnly, shareFound, topicUnits } from './text-analysis.ts';

/** Share of a sub-section's heading the question must name for that section to be the answer. */
const minimumSectionNamed = 0.75;
/** Informative weight a sub-section heading needs to be named by its words alone (not "介绍", "难点1"). */
const minimumSectionHeadingWeight = 2.5;
/** Characters a heading the question says word for word needs, whatever its weight (not "P"). */
const minimumSaidHeadingLength = 2;
/** Topic match the named section needs: the question must still be about it. */
const minimumSectionMatch = 0.35;

/**
 * The section the question names: one of the item's own sub-sections, or, when the question does not name the item's
 * own heading, a sibling whose whole heading it says word for word. "进程间通信里的“信号”（signal）是拿来干什么的？" matched
 * 「信号量通信」 first (it holds 信号, 通信 and ~signal) though the question names 「信号」, the whole heading of the section
 * beside it; graded there, a correct account of signals scored 0.
 */
export function namedSection(asked: AskedTopic, question: string, item: Card, items: readonly Card[]): Card | undefined {
  const parent = item.headingPath.slice(0, -1);
  const sections = items.filter((other) => other.source === item.source && other.answered && other.id !== item.id);
  const below = sections.filter((section) => section.headingPath.length > item.headingPath.length && isUnder(section, item.headingPath));
  // A sibling takes the item's place only when the question says its whole heading word for word and that heading is a
  // piece of the item's (信号 of 信号量通信): the item matched for that piece. A sibling the question merely also mentions
  // ("…日志复制…" asked of Raft's 安全性), or names only by the subject both share (「LFU 缓存…怎么优化」 names LFU, not
  // 「lfu缺点」 beside 「lfu缺点解决」), does not.
  const own = lettersOnly(headingOf(item));
  const siblings = sections.filter((section) => section.headingPath.length === item.headingPath.length && isUnder(section, parent));
  const headings = [...below, ...siblings, item].map(headingOf);
  const beside = siblings.filter((section) => own.includes(lettersOnly(headingOf(section))) && saidAsItsOwn(question, headingOf(section), headings) === true);
  const besideNamed = beside.length > 0 && namedShare(asked, question, item, headings) < minimumSectionNamed;
  let chosen: { section: Card; named: number } | undefined;
  for (const section of [...below, ...(besideNamed ? beside : [])]) {
    const named = namedShare(asked, question, section, headings);
    if (named >= minimumSectionNamed && (!chosen || named > chosen.named)) chosen = { section, named };
  }
  return chosen && matchOf(asked, chosen.section, items) >= minimumSectionMatch ? chosen.section : undefined;
}

const isUnder = (section: Card, path: readonly string[]) => path.every((heading, index) => section.headingPath[index] === heading);
const headingOf = (section: Card) => section.headingPath.at(-1) ?? section.question;

/**
 * Share of the section's heading the question names (0 when it names too little of an informative heading). A heading
 * the question says word for word names the section however short it is (「信号」, weight 2.2), unless every time the
 * question says it, it is the start or end of a longer heading beside it: 「信号量是干什么的？」 says 信号 only as part of
 * 信号量 (「信号量通信」), so it names that section, not 「信号」.
 */
function namedShare(asked: AskedTopic, question: string, section: Card, headings: readonly string[]): number {
  const heading = headingOf(section);
  const said = saidAsItsOwn(question, heading, headings);
  if (said === false) return 0;
  const units = topicUnits(heading);
  if (!said && [...units.values()].reduce((sum, weight) => sum + weight, 0) < minimumSectionHeadingWeight) return 0;
  return shareFound(units, new Set(asked.units.keys()));
}

/**
 * Whether the question says the heading word for word as a term of its own (true), only inside a longer heading among
 * `headings` (false), or not word for word at all (undefined).
 */
function saidAsItsOwn(question: string, heading: string, headings: readonly string[]): boolean | undefined {
  const asked = lettersOnly(question);
  const term = lettersOnly(heading);
  if (Array.from(term).length < minimumSaidHeadingLength || !asked.includes(term)) return undefined;
  const longer = headings.map(lettersOnly).filter((other) => other !== term && other.includes(term));
  for (let at = asked.indexOf(term); at >= 0; at = asked.indexOf(term, at + 1)) {
    const extended = longer.some((other) => {
      const within = other.indexOf(term);
      const after = other[within + term.length];
      const before = other[within - 1];
      return (after !== undefined && asked[at + term.length] === after) || (before !== undefined && asked[at - 1] === before);
    });
    if (!extended) return true;
  }
  return false;
}
