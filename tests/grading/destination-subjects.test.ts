import { describe, expect, it } from 'vitest';
import { contradicted } from './contradicted.ts';

describe('a subject named only as where something goes', () => {
  const question = 'Nginx 和 Tomcat 是什么关系？一个请求是怎么交给 Tomcat 处理的？';
  const note = ['Nginx：作为反向代理，负责负载均衡和静态资源缓存。', 'Tomcat：运行业务代码，处理动态请求。'];

  it('is not what the clause is about: "负载均衡地转到其中一个 Tomcat 上" does not give Tomcat the balancing', () => {
    expect(contradicted(question, note, 'Nginx 挡在前面，按轮询负载均衡地转到其中一个 Tomcat 上。')).toEqual([]);
    expect(contradicted(question, note, 'Nginx 在前面做代理，负载均衡和静态资源缓存以后发给某个 Tomcat。')).toEqual([]);
  });

  it('still reads a clause about it as a claim: "Tomcat 负责负载均衡和静态资源缓存" is a swap', () => {
    expect(contradicted(question, note, 'Tomcat 负责负载均衡和静态资源缓存。')).toEqual([note[0]]);
  });
});

describe('what a subject becomes', () => {
  const question = '你的 MQ 是基于 Raft 做的，如果 leader 宕机了，怎么保证服务还能用？';
  const note = ['即使leader宕机，follower会在超时后自动发起选举，快速完成新的leader。'];

  it('is no claim of that role: "超时了就转成 candidate 发起选举" is the follower starting the election', () => {
    expect(contradicted(question, note, 'follower 收不到 heartbeat，等 election timeout 到了就转成 candidate 发起选举，拿到多数票就成为新 leader。')).toEqual([]);
  });

  it('still reads another role said to start the election as a swap', () => {
    expect(contradicted(question, note, 'leader 会在超时后自动发起选举。')).toEqual([note[0]]);
  });
});
