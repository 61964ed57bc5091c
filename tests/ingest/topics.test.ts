import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { topicIds } from '../../src/core/types.ts';
import { parseNote } from '../../src/ingest/markdown-parser.ts';
import { assignTopics, isTopicId, majorityTopics, topicNames } from '../../src/ingest/topics.ts';
import { corpusDir, findItem, parseCorpusFile } from './corpus-fixture.ts';

const topicsOf = (question: string, headingPath: string[] = [], answer = ''): string[] =>
  assignTopics({ headingPath: [...headingPath, question], question, answer });

describe('assignTopics', () => {
  it('matches ASCII keywords on word boundaries only', () => {
    expect(topicsOf('goroutine 泄露怎么排查')).toContain('go');
    expect(topicsOf('Go1.18 之后切片怎么扩容')).toContain('go');
    expect(topicsOf('google 搜索排名怎么做')).not.toContain('go');
    expect(topicsOf('mongo 的分片怎么做')).not.toContain('go');
    expect(topicsOf('mysql 的 redo log 什么时候落盘')).toEqual(['mysql']);
  });

  it('assigns several topics when a question spans them', () => {
    const topics = topicsOf('redis 缓存和 mysql 数据库的一致性怎么保证');
    expect(topics).toContain('redis');
    expect(topics).toContain('mysql');
  });

  it('lets the enclosing heading outweigh keywords in the answer', () => {
    const topics = topicsOf('etcd', ['k8s'], 'etcd 使用 raft 保证一致性，leader 负责写入。');
    expect(topics[0]).toBe('cloud');
    expect(topicsOf('什么是偏向锁', ['腾讯实习可能的问题'])).toContain('java');
  });

  it('keeps the topic a question names even when its section is about something else', () => {
    expect(topicsOf('redis中lfu和lru的实现方式', ['web server', 'lfu和lru'], 'lru 是对结构体加了时间字段，lfu 用高 16 位记录时间。')).toContain('redis');
  });

  it('takes no second topic from the answer alone, but lets the answer decide when the question and headings name none', () => {
    const upload = topicsOf('分块上传与断点续传有什么区别？', ['项目', '文件上传'], '分块信息用 redis 缓存，上传结束就删掉；redis 存取效率高，redis 的 hash 存每个分块的状态。');
    expect(upload).toContain('project');
    expect(upload).not.toContain('redis');
    expect(topicsOf('这个怎么做的？', [], 'redis 的 zset 按分数排序，redis 里每个用户一个 key，用 zrevrange 取前十。')).toEqual(['redis']);
    // With nothing but the answer to go by, only its strongest topic: a Go slice quiz whose cap reads as CAP is not also a
    // distributed-systems item.
    const quiz = 'go 的 slice append 时，len 超过 cap 就扩容新开底层数组，没超过 cap 就和原切片共享底层数组，新 cap 一般翻倍，goroutine 里也一样。';
    expect(topicsOf('说出以下输出结果？为什么？', [], quiz)).toEqual(['go']);
  });

  it('does not read every 主从 as MySQL replication', () => {
    expect(topicsOf('主从状态机', ['web server'], '主状态机有三种状态，分别对应请求行、请求头和请求内容的解析。')).not.toContain('mysql');
    expect(topicsOf('mysql主从复制的原理')).toContain('mysql');
  });

  it('returns nothing when nothing matches, so the caller can fall back', () => {
    expect(topicsOf('你平时有什么爱好')).toEqual([]);
  });

  it('falls back to the file majority for items no rule matches', () => {
    const markdown = '## redis 为什么快？\n\n内存、单线程、IO 多路复用。\n\n## redis 的 rdb 是什么？\n\n快照。\n\n## 还有吗？\n\n没有了。\n';
    const items = parseNote('redis.md', markdown);
    expect(findItem(items, '还有吗？').topics).toEqual(['redis']);
    expect(majorityTopics([['go'], ['go', 'os'], ['os'], []])).toEqual(['go']);
    expect(majorityTopics([])).toEqual([]);
  });

  it('gives real notes sensible topics', () => {
    expect(findItem(parseCorpusFile('os-network-k8s-microservices.md'), '简述Kubernetes创建一个Pod的主要流程？').topics[0]).toBe('cloud');
    expect(findItem(parseCorpusFile('image-service-project-qa.md'), '缓存击穿').topics).toContain('redis');
    expect(findItem(parseCorpusFile('cpp-backend-projects-and-internship.md'), '自我介绍').topics).toContain('behavioural');
    expect(findItem(parseCorpusFile('cpp-backend-projects-and-internship.md'), '无栈协程和有栈协程的区别').topics).toContain('cpp');
    expect(findItem(parseCorpusFile('go-basics-qa.md'), '你的mq是怎么实现强一致性的？').topics).toContain('distributed');
  });
});

describe('taxonomy', () => {
  it('names every topic in Chinese and documents it in docs/topics.md', () => {
    const doc = readFileSync(path.resolve(corpusDir, '../docs/topics.md'), 'utf8');
    for (const id of topicIds) {
      expect(topicNames[id]).toMatch(/[\u4e00-\u9fff]/);
      expect(doc).toContain(`| \`${id}\` | ${topicNames[id]} |`);
    }
  });

  it('recognises topic ids', () => {
    expect(isTopicId('system-design')).toBe(true);
    expect(isTopicId('k8s')).toBe(false);
  });
});
