/**
 * Two questions asked together and answered one after the other. An interview log writes the
 * interviewer's follow-up ("要是slice底层数组特别大……怎样解决？"), the next question ("那你讲一下
 * go 1.18之后……？"), then the answer to the second and only after it the answer to the first
 * ("因为底层数组还被引用着……解决方法：……"). The parser gives both answers to the second question.
 */
import { sharedWordCount } from './shared-words.ts';

interface AnsweredDraft {
  asked: string;
  kind: string;
  reference: string;
  lines: { start: number; end: number };
}

/**
 * Give an unanswered question the closing paragraphs of the next question's answer when they are
 * about it: they share at least two of its words and none of the next question's.
 */
export function answersInTurn(drafts: readonly AnsweredDraft[]): void {
  for (let index = 0; index + 1 < drafts.length; index += 1) {
    const [first, second] = [drafts[index]!, drafts[index + 1]!];
    if (first.reference !== '' || first.kind === 'note' || second.kind === 'note' || second.lines.start - first.lines.end > 3) continue;
    // Code keeps its blank lines; only prose answers are taken apart at them.
    if (/^\s*(```|~~~)/m.test(second.reference)) continue;
    const paragraphs = second.reference.split(/\n[ \t]*\n/);
    let split = paragraphs.length;
    while (split > 1 && sharedWordCount(paragraphs[split - 1]!, first.asked) >= 2 && sharedWordCount(paragraphs[split - 1]!, second.asked) === 0) split -= 1;
    if (split === paragraphs.length) continue;
    first.reference = paragraphs.slice(split).join('\n\n');
    second.reference = paragraphs.slice(0, split).join('\n\n');
  }
}
