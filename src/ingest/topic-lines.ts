/**
 * Interview logs name a topic on a line of its own ("jwt token。") and then write the questions
 * asked about it without naming it again ("可以伪造payload吗？", "相比于cookie、session、双token的
 * 优势？劣势？"). Asked alone such a question has no subject; it takes the topic line's.
 */
import { contentLength } from './claims.ts';
import { isQuestionText } from './question-lines.ts';
import { sharesWord } from './shared-words.ts';

interface Line {
  question: string;
  asked: string;
  origin: string;
  kind: string;
  lines: { start: number; end: number };
}

/** A question that opens on a modal verb, a comparison or an aspect: its subject is elsewhere. */
const opensWithoutSubject = /^(可以|可不可以|能不能|能否|会不会|是否|相比于?|相较于?|对比|优势|劣势|优点|缺点|优缺点|好处|坏处)/u;

/** A line that only names a topic: short, asks nothing, kept for search only. */
function isTopicLine(line: Line): boolean {
  const text = line.question.replace(/[。.\s]+$/u, '');
  return line.kind === 'note' && line.origin !== 'heading' && !isQuestionText(text) && contentLength(text) >= 2 && contentLength(text) <= 12 && !/[，,：:]/.test(text);
}

/** Each run of subjectless questions right under a topic line is asked about that topic ("关于jwt token，可以伪造payload吗？"). */
export function lendTopicLines(lines: readonly Line[]): void {
  let topic: string | undefined;
  let lastEnd = 0;
  for (const line of lines) {
    const near = line.lines.start - lastEnd <= 3;
    if (isTopicLine(line)) {
      topic = line.question.replace(/[。.\s]+$/u, '');
    } else if (topic && near && line.origin === 'question' && opensWithoutSubject.test(line.asked) && !line.asked.toLowerCase().includes(topic.toLowerCase())) {
      line.asked = `关于${topic}，${line.asked}`;
    } else {
      topic = undefined;
    }
    lastEnd = line.lines.end;
  }
}

interface Answered extends Line {
  reference: string;
  followups: Array<{ question: string; answer?: string }>;
}

/** Words that make a short line say something rather than name a topic. */
const predicate = /[是有会能了要把被让用在就]|可以|因为|所以/u;

/**
 * "- 哈希冲突" as the whole answer to "常见的查找：二分、哈希、二叉搜索": a bare term that drills into
 * a word the question named is the interviewer's next topic, written down without an answer. It is
 * the question's follow-up; the question stays unanswered rather than graded against a topic name.
 */
export function drillDownsAsFollowups(drafts: readonly Answered[]): void {
  for (const draft of drafts) {
    if (draft.origin === 'heading' || draft.origin === 'piece' || draft.kind === 'note') continue;
    const lines = draft.reference.split('\n').filter((line) => line.trim() !== '');
    if (lines.length !== 1) continue;
    const term = lines[0]!.replace(/^\s*[-*+•]\s+/u, '').replace(/[。.\s]+$/u, '').trim();
    const length = contentLength(term);
    if (length < 2 || length > 8 || /[，,：:；;（(]/.test(term) || predicate.test(term) || isQuestionText(term)) continue;
    if (!sharesWord(term, draft.question) || draft.question.includes(term)) continue;
    draft.followups.push({ question: term });
    draft.reference = '';
  }
}
