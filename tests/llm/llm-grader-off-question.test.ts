import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reference } from '../../src/core/types.ts';
import { createGrader } from '../../src/grading/grader.ts';
import { createLlmClient } from '../../src/llm/client.ts';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.ts';
import { prompts } from '../support/tcp-grading-fixture.ts';

/**
 * The LLM grader reads the question's scope as the offline one does (unasked-members.ts): a point on another member of a
 * list the question does not name costs a right answer nothing, however the model scores it.
 */

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(async () => {
  await fake.close();
});

// corpus/os-network-k8s-microservices.md, "Master节点（默认不参加工作）".
const references: Reference[] = [
  {
    source: 'k8s.md',
    heading: 'k8s > Master节点',
    text: [
      'Kubectl： 客户端命令行工具，作为整个K8s集群的操作入口；',
      'Api Server： 在K8s架构中承担的是“桥梁”的角色，作为资源操作的唯一入口，它提供了认证、授权、访问控制、API注册和发现等机制。',
      'Controller-manager： 负责维护群集的状态，比如故障检测、自动扩展、滚动更新等',
      'Scheduler： 负责资源的调度，按照预定的调度策略将pod调度到相应的node节点上；',
    ].join('\n\n'),
  },
];
const question = 'kubectl 和 apiserver 有什么区别？';
const answer = 'kubectl 是客户端命令行工具，是操作整个集群的入口；apiserver 是资源操作的唯一入口，提供认证、授权和访问控制。';

describe('the LLM grader and a point the question does not ask about', () => {
  it('does not lower a right answer for the list members the question leaves out', async () => {
    // A naive model: the two asked points made, the two others missed, a middling score.
    fake.setBehaviour({
      type: 'reply',
      content: JSON.stringify({
        keyPoints: [
          { index: 1, covered: 'yes', evidence: 'kubectl 是客户端命令行工具，是操作整个集群的入口' },
          { index: 2, covered: 'yes', evidence: 'apiserver 是资源操作的唯一入口，提供认证、授权和访问控制' },
          { index: 3, covered: 'no', evidence: '' },
          { index: 4, covered: 'no', evidence: '' },
        ],
        score: 9,
        strengths: ['两个入口讲清楚了'],
        gaps: [],
        feedback: '两个入口的区别讲清楚了。',
      }),
    });
    const llm = createLlmClient({ apiKey: 'k', baseURL: fake.url, chatModel: 'fake-grader', embeddingModel: undefined, timeoutMs: 6_000 });
    const graded = await createGrader({ llm, prompts }).grade({ question, answer, references });
    expect(graded.grader).toBe('llm');
    // Counted against all four points it had been held to 6.3.
    expect(graded.score).toBeGreaterThanOrEqual(8);
    expect(graded.keyPoints.filter((point) => point.offQuestion).map((point) => point.text.slice(0, 9))).toEqual(['Controlle', 'Scheduler']);
  });
});
