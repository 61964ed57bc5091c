/**
 * A project or internship is the candidate's own work and is asked about as such, not as something they have heard of
 * (「说说你对mprpc项目的了解。」) or as a label read out («Java c++ 数据结构不一致问题排查»).
 */
import { describe, expect, it } from 'vitest';
import { cardsOf } from './corpus-fixture.ts';

const note = `# 面试

## 项目

### mprpc项目

基于 muduo 和 protobuf 实现的分布式 RPC 框架，用 ZooKeeper 做服务注册与发现。

## 实习经历

### 开发过程中遇见的具体问题

#### 包管理器问题排查

依赖版本冲突导致线上构建失败，最后锁定了 lock 文件里的间接依赖版本。
`;

describe('questions about the candidate\'s own work', () => {
  it('asks for the project and for the work the candidate did', () => {
    const questions = cardsOf(note).filter((card) => !card.searchOnly && card.kind === 'project').map((card) => card.question);
    expect(questions).toContain('介绍一下你的mprpc项目。');
    expect(questions).toContain('说说你做的包管理器问题排查。');
    expect(questions.join('')).not.toContain('的了解');
  });
});
