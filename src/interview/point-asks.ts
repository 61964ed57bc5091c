/**
 * A missed key point asked as the question it answers. The grader names each point by its topic (point-topics.ts), and
 * some topics are already a question about the point: "候选者收到了多数节点的选票会怎样" (a condition, or a moment, and
 * what follows it: "其他节点在收到投票请求后会怎样"), "怎么防止内存分配过快" (a goal and how it is reached).
 * Asked that way, a follow-up is what an interviewer says; named by two of its words it had read 「那进程、共享呢？」 or
 * 「我追问一下，stl、管理这一块你怎么理解？」 (the interviewer eval's transcripts). Other topics name the claim itself, and asking
 * them would give the answer away, so those points are still asked about by their concepts.
 */
import { pointTopic, subjectless } from '../grading/point-topics.ts';
import { restatesQuestion } from './question-wording.ts';

/** Longest ask, in characters: past it the condition or the moment is a sentence of the note, not a question. */
const longestAsk = 24;

/**
 * Topics that ask about their point (the part before a topic's colon): a condition or a moment and what follows it, a goal
 * and how it is reached.
 */
const askForms: ReadonlyArray<readonly [RegExp, (topic: string) => string]> = [
  [/^.{4,}会怎样$/u, (topic) => topic],
  [/^怎么.{4,}$/u, (topic) => topic],
];

/**
 * Words that lean on the sentence before ("这个问题", "这种情况", "它"): asked alone they point at nothing. A space inside the
 * ask joins two phrases of the note ("撤销偏向锁的开销 当另一个线程…"); an ellipsis is a phrase cut short.
 */
const incomplete = /[这那它其此该]|…|\.\.\.|[\u4e00-\u9fff]\s+[\u4e00-\u9fff]|^\d|[（(]/u;
/**
 * A condition that lost its subject ("是第一个节点会怎样", from "如果是第一个节点"), or that judges rather than supposes
 * ("使用 M 是不合理的会怎样"): no question an interviewer asks.
 */
const noSubject = (asked: string) => subjectless.test(asked) || /的会怎样$/u.test(asked);
/** A moment of fewer than three Chinese characters is a version or a name alone ("go1.6之后会怎样"), not an event. */
const fewChineseWords = (asked: string) => (asked.replace(/会怎样$/u, '').match(/[\u4e00-\u9fff]/gu)?.length ?? 0) < 3;

/** The question a key point answers, when its topic is one; undefined otherwise. `question` is the card's own. */
export function askOf(point: string, question: string): string | undefined {
  const topic = pointTopic(point, question).split('：')[0]!.trim();
  for (const [form, ask] of askForms) {
    if (!form.test(topic)) continue;
    const asked = ask(topic);
    if (Array.from(asked).length > longestAsk || incomplete.test(asked) || noSubject(asked) || fewChineseWords(asked) || restatesQuestion(asked, question)) return undefined;
    return asked;
  }
  return undefined;
}
