import { describe, expect, it } from 'vitest';
import { extractKeyPoints } from '../../src/grading/key-points.ts';
import { createGrader } from '../../src/grading/grader.ts';

const texts = (markdown: string) => extractKeyPoints(markdown).map((point) => point.text);

// The shape of corpus/os-network-k8s-microservices.md, "Master节点": a blog's layout kept in a text fence.
const masterNode = `\`\`\`text
Kubectl：
 客户端命令行工具，作为整个K8s集群的操作入口；

Api Server：
 在K8s架构中承担的是“桥梁”的角色，作为资源操作的唯一入口，它提供了认证、授权、访问控制、API注册和发现等机制。客户端与k8s群集及K8s内部组件的通信，都要通过Api Server这个组件；
\`\`\`

> Etcd(可以不在master节点)：担任数据中心的角色，保存了整个群集的状态；`;

describe('a fence that keeps a layout is the note\'s text, a fence of code is not', () => {
  it('takes the statements of a text fence, and of a fence without a language that is mostly Chinese, as points', () => {
    expect(texts(masterNode)).toEqual([
      expect.stringContaining('Kubectl： 客户端命令行工具，作为整个K8s集群的操作入口'),
      expect.stringContaining('Api Server： 在K8s架构中承担的是“桥梁”的角色'),
      expect.stringContaining('客户端与k8s群集及K8s内部组件的通信'),
      expect.stringContaining('Etcd(可以不在master节点)'),
    ]);
    expect(texts(masterNode.replace('```text', '```'))).toHaveLength(4);
  });

  it('drops a blog\'s pasted copy button ("复制代码") from a formula the fence holds', () => {
    // corpus/os-network-k8s-microservices.md, 内存分配量达到阈值出发GC.
    expect(texts('```\n阈值 = 上次GC内存分配量 * 内存增长率\n复制代码\n```')).toEqual(['阈值 = 上次GC内存分配量 * 内存增长率']);
  });

  it('still leaves out code, with or without a language', () => {
    const code = '```go\nfunc main() {\n\t// 打印 hello\n\tfmt.Println("hello")\n}\n```\n\ngo 程序从 main 包的 main 函数开始执行。';
    expect(texts(code)).toEqual(['go 程序从 main 包的 main 函数开始执行。']);
    expect(texts(code.replace('```go', '```'))).toEqual(['go 程序从 main 包的 main 函数开始执行。']);
  });

  // 群集 is read as 集群: "apiserver 是集群里的桥梁" had given apiserver the 集群 of kubectl's "整个K8s集群的操作入口".
  it('grades a correct answer against what the fence says', async () => {
    const grade = await createGrader({}).grade({
      question: 'k8s 里 kubectl 和 apiserver 好像都被叫做“入口”，这两个入口有什么区别？',
      answer: 'kubectl 是客户端的命令行工具，是人去操作整个集群的入口。apiserver 是集群里的桥梁，是所有资源操作的唯一入口，认证授权、访问控制、API 的注册和发现都归它管。',
      references: [{ source: 'k8s.md', heading: 'Master节点', text: masterNode }],
    });
    expect(grade.score).toBeGreaterThanOrEqual(6);
    expect(grade.keyPoints.filter((point) => point.contradicted)).toEqual([]);
  });
});
