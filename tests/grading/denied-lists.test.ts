import { describe, expect, it } from 'vitest';
import { contradicted } from './contradicted.ts';

const question = 'go-micro 给微服务开发提供了哪些核心能力？它的负载均衡大概是按什么步骤做的？';
const note = ['go micro提供了微服务开发的核心功能：服务注册发现、负载均衡、rpc、熔断', '负载均衡：通过consul、etcd等，服务发现、选择策略、服务调用'];

describe('items of a note list denied as a group', () => {
  it('denies each item the note says the thing provides', () => {
    expect(contradicted(question, note, '框架本身只管 rpc 的编解码，服务发现、熔断这些它都不带，得自己另外接 consul。')).toEqual([note[0]]);
    expect(contradicted(question, note, '服务发现和熔断它都没有。')).toEqual([note[0]]);
    expect(contradicted(question, note, '框架不带服务发现和熔断。')).toEqual([note[0]]);
    const redis = ['Redis 支持多种数据类型，包括 string、list、hash、set、zset。'];
    expect(contradicted('Redis 有哪些数据类型？', redis, 'hash、zset 这些 Redis 都不支持。')).toEqual([redis[0]]);
  });

  it('leaves items the note does not list, and a group the answer says it has', () => {
    expect(contradicted(question, note, '限流、鉴权这些它都不带，要自己接。')).toEqual([]);
    expect(contradicted(question, note, '服务发现、熔断这些它都带，不用另外接。')).toEqual([]);
  });
});
