/**
 * Names enumerated with 、 are a non-answer only where nothing else in the answer explains a point (issue 10 item 2). An
 * explanation goes on over several short clauses; read clause by clause, none said a fifth of a point, and correct answers
 * that also listed names were capped as term lists (1.5, label 9).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createGrader } from '../../src/grading/grader.ts';
import { buildNotesKnowledgeBase, seedNotes } from './notes-knowledge-base.ts';

let grader: ReturnType<typeof createGrader>;
beforeAll(async () => {
  grader = createGrader({ kb: await buildNotesKnowledgeBase(seedNotes(['go-mysql-redis-ecommerce-qa.md'])) });
});

describe('a list of names followed by what they are', () => {
  const question = 'sync.Mutex、sync.WaitGroup 这些类型能不能被复制？怎么检查代码里有没有把它们复制了？';

  it('is an answer when the clauses after the names explain them', async () => {
    const answer = '很多人以为 sync.Mutex 跟普通 struct 一样可以随便拷，其实 sync 包里的 Mutex、RWMutex、WaitGroup、Cond、Pool、Map，还有 atomic.Value，都是不可复制的，拷了会把内部状态一起复制，出很诡异的 bug。编译器不会拦，要靠 go vet 的 copylocks 检查；数据竞争则用 -race 去查。';
    const grade = await grader.grade({ question, answer });
    expect(grade.score).toBeGreaterThanOrEqual(8);
  });

  it('is still a list of terms when what follows the names explains nothing', async () => {
    const answer = '其实 sync 包里的 Mutex、RWMutex、WaitGroup、Cond、Pool、Map、atomic.Value，这些都要注意，面试常考，知道就行。';
    const grade = await grader.grade({ question, answer });
    expect(grade.score).toBeLessThanOrEqual(3);
  });
});
