import { describe, expect, it } from 'vitest';
import { gradeOffline } from '../../src/grading/offline-grader.ts';
import { isEnglishProse } from '../../src/grading/english-gloss.ts';
import { viewAnswer } from '../../src/grading/coverage.ts';

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

describe('a Chinese clause around a name or two is no English prose', () => {
  const zab = [{ source: 'zk.md', heading: 'zookeeper', text: 'zookeeper使用ZAB协议的\nZAB协议是保证ZK一致性的原子广播协议' }];
  const graded = (answer: string) => gradeOffline({ question: '说说ZooKeeper的ZAB协议。', answer, references: zab }).grade;

  it('is not read through a gloss that says what its names stand for', () => {
    expect(isEnglishProse('zookeeper使用ZAB协议的')).toBe(false);
    expect(isEnglishProse('ZAB is the atomic broadcast protocol ZooKeeper uses.')).toBe(true);
    // Glossed, ZAB had read as 原子广播 and the answer, which says what the question says, had made the note's point (10).
    expect(graded('zookeeper使用ZAB协议的').score).toBeLessThanOrEqual(2);
  });

  it('still credits the point said in either language', () => {
    expect(graded('ZAB 是 ZooKeeper 的原子广播协议，用来保证集群数据的一致性。').score).toBeGreaterThanOrEqual(8);
    expect(graded('ZAB is the atomic broadcast protocol ZooKeeper uses to keep replicas consistent.').score).toBeGreaterThanOrEqual(8);
  });
});

describe('a Chinese answer with more letters than characters', () => {
  const apiserver = [{ source: 'k8s.md', heading: 'apiserver', text: '- apiserver负责认证、鉴权和准入控制。\n- apiserver是集群唯一和etcd交互的组件。' }];
  const graded = (answer: string) => gradeOffline({ question: 'kube-apiserver 是做什么的？', answer, references: apiserver }).grade;

  it('is read on its Chinese words too, not on its names and concepts alone', () => {
    // Read as English, only its names were observable: 负责认证鉴权 said nothing either way.
    expect(viewAnswer('kubernetes的apiserver负责认证鉴权').english).toBe(false);
    expect(viewAnswer('the apiserver authenticates and authorises every request').english).toBe(true);
    expect(graded('kubernetes的apiserver负责认证鉴权').score).toBeGreaterThanOrEqual(6);
  });
});

