import { describe, expect, it } from 'vitest';
import { gradeOffline } from '../../src/grading/offline-grader.ts';

const question = 'Java 的垃圾回收怎么判断对象可以回收？';
const references = [{ source: 'jvm.md', heading: 'java垃圾回收', text: '可达性算法，根据可达性算法来判断对象是否还会被使用' }];
const feedbackFor = (answer: string) => gradeOffline({ question, answer, references }).grade.feedback;

describe('an English answer to a Chinese note is on topic by its gloss', () => {
  it('does not tell an English answer about the question that it is off topic', () => {
    const answer = 'Java uses reachability analysis rather than reference counting: starting from the GC roots (locals on thread stacks, static fields) the collector walks the reference graph, and whatever it cannot reach is garbage.';
    expect(feedbackFor(answer)).not.toContain('关系不大');
  });

  it('still tells an English answer about something else that it is off topic', () => {
    expect(feedbackFor('I would cache the hot keys in Redis and put a CDN in front of the static files, then scale the web tier horizontally.')).toContain('关系不大');
  });
});
