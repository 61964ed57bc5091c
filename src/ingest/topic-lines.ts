/**
 * Interview logs name a topic on a line of its own ("jwt token。") and then write the questions
 * asked about it without naming it again ("可以伪造payload吗？", "相比于cookie、session、双token的
 * 优势？劣势？"). Asked alone such a question has no subject; it takes the topic line's.
 */
import { contentLength } from './claims.ts';
import { isQuestionText } from './question-lines.ts';

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
