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
