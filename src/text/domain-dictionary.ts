/**
 * Builds the domain dictionary from the notes themselves: the terms a candidate writes in
 * headings and in bold are the terms an interviewer asks about, and they are exactly the words a
 * general-purpose segmenter splits (三色标记法 → 三色|标记|法). No hand-made list of the seed
 * notes' terms: a user's own notes yield their own dictionary.
 */
import type { Card } from '../core/types.ts';
import { maxDictionaryWordLength, normaliseText, segmentCjk } from './tokenizer.ts';
import { stopwords } from './stopwords.ts';

/** Words that name an aspect of a term ("…的区别", "…原理"), not the term itself. */
const aspectWords = new Set(
  `区别 介绍 描述 原理 实现 过程 流程 机制 优缺点 优点 缺点 作用 特点 问题 方式 方法 场景 原因 概念 定义 用法 意义 含义 难点 分析 总结 对比 比较 相关 具体 主要 常见 基本 详细 方案 思路 举例 例子 应用`.split(
    ' ',
  ),
);
/**
 * "三种", "几个", "第二个" prefix a term without being part of it. Matched on characters because
 * ICU may cut across it (三|种定|时|器). 次 is left out: 三次握手 is a term.
 */
const countPrefix = /^(?:[一二三四五六七八九十两几多每各]+|第[一二三四五六七八九十]+)[种个类点条项步]/u;
const cjkRun = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/gu;
const boldPattern = /(\*\*|__)(.+?)\1/gu;
/** Heading/bold candidates up to this length are terms; longer ones are usually clauses. */
const maxTrustedTermLength = 6;
/**
 * Single characters that always end a term. Other one-character stopwords (时, 上, 用, 中) are
 * also pieces of terms that ICU cut apart (定|时|器), so they do not split.
 */
const boundaryParticles = new Set('的了是和与及或吗呢吧啊呀么着把被'.split(''));

/**
 * Function characters trimmed from a fragment's edges. Stopwords such as 有, 内, 用 are not
 * here because they begin or end real terms (有栈协程, 内核态, 多路复用).
 */
const edgeParticles = new Set('中上下对在从将让会要也还就而并所像为这那其该此之于以都又但被把给向到'.split(''));

function endsTerm(word: string): boolean {
  return stopwords.has(word) && (word.length > 1 || boundaryParticles.has(word));
}

type DictionarySource = Pick<Card, 'question' | 'reference' | 'headingPath'>;

/** Leading verbs that frame a term ("避免内存逃逸", "实现一致性") rather than belong to it. */
const framingVerbs = /^(?:实现|解决|提高|避免|保证|减少|减轻|支持|处理|获取|读取|利用|导致|影响|造成|引入|说出|说明|谈一谈|请说出)/u;
const numeralsOnly = /^[一二三四五六七八九十百千零两]+$/u;

/** CJK term candidates of a short phrase: split at stopwords, trimmed of counts, verbs, aspects. */
export function termCandidates(phrase: string): string[] {
  const found: string[] = [];
  for (const [run] of normaliseText(phrase).matchAll(cjkRun)) {
    let fragment: string[] = [];
    const flush = () => {
      // ICU leaves function characters stuck to the edges of a fragment (中|读取, 对|切片).
      while (fragment.length > 0 && edgeParticles.has(fragment[0] ?? '')) fragment.shift();
      while (fragment.length > 0 && edgeParticles.has(fragment[fragment.length - 1] ?? '')) fragment.pop();
      let term = fragment.join('').replace(countPrefix, '');
      if (term.length > 3) term = term.replace(framingVerbs, '');
      for (let trimmed = true; trimmed; ) {
        trimmed = false;
        for (const aspect of aspectWords) {
          if (term.length > aspect.length && term.endsWith(aspect)) {
            term = term.slice(0, -aspect.length);
            trimmed = true;
          }
        }
      }
      // Even words ICU keeps whole in isolation get split in context (三种定时器 → 三|种定|时|器),
      // so single-segment terms are kept too.
      const meaningful = !aspectWords.has(term) && !stopwords.has(term) && !numeralsOnly.test(term);
      if (meaningful && term.length >= 2 && term.length <= maxDictionaryWordLength) found.push(term);
      fragment = [];
    };
    for (const word of segmentCjk(run)) {
      if (endsTerm(word)) flush();
      else fragment.push(word);
    }
    flush();
  }
  return found;
}

function countUpTo(haystack: string, needle: string, limit: number): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1 && count < limit; at = haystack.indexOf(needle, at + 1)) count++;
  return count;
}

/**
 * Short candidates from headings and bold text are taken as written: that is where a candidate
 * names their terms. Longer ones, and anything from bare-line questions (sentences), count only
 * when they recur in the notes, which filters clauses such as "有只猴子在树林里采".
 */
export function buildDomainDictionary(items: readonly DictionarySource[]): string[] {
  const named = new Set<string>();
  const needRecurrence = new Set<string>();
  const allText: string[] = [];
  const consider = (term: string, trusted: boolean) => {
    (trusted && term.length <= maxTrustedTermLength ? named : needRecurrence).add(term);
  };
  for (const item of items) {
    for (const heading of item.headingPath) for (const term of termCandidates(heading)) consider(term, true);
    for (const [, , bold] of item.reference.matchAll(boldPattern)) {
      for (const term of termCandidates(bold ?? '')) consider(term, true);
    }
    for (const term of termCandidates(item.question)) consider(term, false);
    allText.push(normaliseText(item.question), normaliseText(item.reference));
  }
  const corpus = allText.join('\n');
  const terms = new Set(named);
  for (const term of needRecurrence) {
    if (!terms.has(term) && countUpTo(corpus, term, 2) >= 2) terms.add(term);
  }
  return [...terms].sort();
}
