/**
 * Builds the domain dictionary from the notes themselves: the terms a candidate writes in
 * headings and in bold are the terms an interviewer asks about, and they are exactly the words a
 * general-purpose segmenter splits (三色标记法 → 三色|标记|法). No hand-made list of the seed
 * notes' terms: a user's own notes yield their own dictionary.
 */
import type { QuestionItem } from '../core/types.ts';
import { maxDictionaryWordLength, normaliseText } from './tokenizer.ts';
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
const minimumSentenceTermCount = 2;
/**
 * Single characters that always end a term. Other one-character stopwords (时, 上, 用, 中) are
 * also pieces of terms that ICU cut apart (定|时|器), so they do not split.
 */
const boundaryParticles = new Set('的了是和与及或吗呢吧啊呀么着把被'.split(''));

function endsTerm(word: string): boolean {
  return stopwords.has(word) && (word.length > 1 || boundaryParticles.has(word));
}

type DictionarySource = Pick<QuestionItem, 'question' | 'answer' | 'headingPath'>;

function segmentWords(run: string): string[] {
  if (typeof Intl.Segmenter !== 'function') return Array.from(run);
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  return Array.from(segmenter.segment(run), (piece) => piece.segment);
}

/** Multi-word CJK fragments of a short phrase, split at stopwords, trimmed of counts/aspects. */
export function termCandidates(phrase: string): string[] {
  const found: string[] = [];
  for (const [run] of normaliseText(phrase).matchAll(cjkRun)) {
    let fragment: string[] = [];
    const flush = () => {
      let term = fragment.join('').replace(countPrefix, '');
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
      const meaningful = !aspectWords.has(term) && !stopwords.has(term);
      if (meaningful && term.length >= 2 && term.length <= maxDictionaryWordLength) found.push(term);
      fragment = [];
    };
    for (const word of segmentWords(run)) {
      if (endsTerm(word)) flush();
      else fragment.push(word);
    }
    flush();
  }
  return found;
}

/**
 * Terms from headings and bold text are taken as written. Bare-line questions are sentences, so
 * a fragment from one counts only when it recurs elsewhere in the notes.
 */
export function buildDomainDictionary(items: readonly DictionarySource[]): string[] {
  const terms = new Set<string>();
  const sentenceCandidates = new Set<string>();
  const allText: string[] = [];
  for (const item of items) {
    for (const heading of item.headingPath) for (const term of termCandidates(heading)) terms.add(term);
    for (const [, , bold] of item.answer.matchAll(boldPattern)) {
      for (const term of termCandidates(bold ?? '')) terms.add(term);
    }
    for (const term of termCandidates(item.question)) sentenceCandidates.add(term);
    allText.push(normaliseText(item.question), normaliseText(item.answer));
  }
  const corpus = allText.join('\n');
  for (const term of sentenceCandidates) {
    if (terms.has(term)) continue;
    let count = 0;
    for (let at = corpus.indexOf(term); at !== -1 && count < minimumSentenceTermCount; at = corpus.indexOf(term, at + 1)) {
      count++;
    }
    if (count >= minimumSentenceTermCount) terms.add(term);
  }
  return [...terms].sort();
}
