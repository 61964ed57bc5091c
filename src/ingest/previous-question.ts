/**
 * "跟上一题一样，不同的是…": an item that answers by pointing at the question before it holds only the difference,
 * so the previous item's answer is part of its own. Its gist is lent the way an overview reference lends its
 * sub-sections' gists (referenceFor in grading/reference-finder.ts), so the item is graded against an answer.
 */
import type { Card } from '../core/types.ts';
import { stripLineMarkup } from './question-lines.ts';
import { contentUnits, sharesWord } from './shared-words.ts';

/** The note saying this item is like the one before it. */
const likePrevious = /^(?:(?:跟|和|与|同)上一?(?:题|道题|个问题)(?:一样|类似|相似|相同|差不多)|同上|same as (?:above|the previous))/iu;
/** Characters of the previous answer lent, as an overview reference keeps of each sub-section. */
const gistCharacters = 220;

/** The item's own words: its reference without code and without an "解析：" label. */
function ownWords(card: Card): string {
  const prose = card.reference.replace(/```[\s\S]*?```/g, ' ');
  const lines = prose.split('\n').map(stripLineMarkup).filter((line) => line !== '');
  return lines.join(' ').replace(/^(?:解析|答案?|回答|分析)\s*[：:]\s*/u, '');
}

/**
 * Is `previous` the question the item points back at? Notes copied from a list skip questions, so the item above may
 * be another one: it must share a name the item's own words use (`*Student`, nil), or, with none, a Chinese word.
 */
function isReferredTo(words: string, previous: Card): boolean {
  const names = new Set([...contentUnits(words)].filter((unit) => /^[a-z]/.test(unit)));
  const previousText = `${previous.question}\n${previous.code ?? ''}\n${previous.reference}`;
  return names.size > 0 ? sharesWord(names, previousText) : sharesWord(words.replace(likePrevious, ''), previousText, { chineseBetweenChinese: true });
}

/** Cards of one note, in note order, each pointing back at the previous item given that item's gist. */
export function lendPreviousAnswers(cards: readonly Card[]): Card[] {
  const lent: Card[] = [];
  for (const card of cards) {
    const words = ownWords(card);
    const previous = [...lent].reverse().find((candidate) => candidate.answered && !candidate.searchOnly);
    if (!likePrevious.test(words) || !previous || !isReferredTo(words, previous)) {
      lent.push(card);
      continue;
    }
    const gist = previous.reference.replace(/```[\s\S]*?```/g, ' ').replace(/\s+/g, ' ').trim().slice(0, gistCharacters);
    lent.push({ ...card, reference: `${card.reference}\n\n- ${previous.question}：${gist}` });
  }
  return lent;
}
