import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import type { Nodes } from 'mdast';
import { parseNote } from '../../src/ingest/markdown-parser.ts';
import { corpusFileNames, findItem, parseCorpusFile, readCorpusText } from './corpus-fixture.ts';

function sourceLines(name: string, start: number, end: number): string {
  return readCorpusText(name).split('\n').slice(start - 1, end).join('\n');
}

describe('parseNote on the real notes', () => {
  describe('os-network-k8s-microservices.md (headings as questions)', () => {
    const name = 'os-network-k8s-microservices.md';
    const items = parseCorpusFile(name);

    it('keeps a table byte-for-byte in its answer', () => {
      const item = findItem(items, 'channel 状态');
      expect(item.headingPath).toEqual(['go', 'channel 状态']);
      expect(item.reference).toContain(sourceLines(name, 627, 631));
      expect(item.lines).toEqual({ start: 611, end: 631 });
    });

    it('keeps fenced code byte-for-byte and takes numbering off the heading', () => {
      const item = findItem(items, '匿名管道通信');
      expect(item.headingPath).toEqual(['操作系统', '进程通信方法', '匿名管道通信']);
      expect(item.reference).toContain(sourceLines(name, 13, 23));
      expect(item.reference).toContain('这样就实现了进程间通信。');
    });

    it('turns a topic heading with its own intro into an item and a path segment', () => {
      const intro = findItem(items, '进程通信方法');
      expect(intro.headingPath).toEqual(['操作系统', '进程通信方法']);
      expect(intro.reference).toContain('内核提供的这种机制称为进程间通信');
      expect(intro.reference).not.toContain('匿名管道');
      expect(findItem(items, '共享内存通信').headingPath).toEqual(['操作系统', '进程通信方法', '共享内存通信']);
    });

    it('cleans Chinese numbering and keeps empty question headings as unanswered items', () => {
      const congestion = findItem(items, 'TCP 拥塞控制（快速恢复、快速重传）');
      expect(congestion).toMatchObject({ answered: false, reference: '', headingPath: ['计算机网络', 'TCP 拥塞控制（快速恢复、快速重传）'] });
      expect(congestion.lines).toEqual({ start: 93, end: 93 });
      expect(findItem(items, 'time-wait的作用').answered).toBe(false);
      expect(findItem(items, '怎么扩展 kubernetes scheduler, 让它能 handle 大规模的节点调度').answered).toBe(false);
    });

    it('does not turn bare topic headings ("# docker", "# istio") into questions', () => {
      const questions = items.map((item) => item.question);
      expect(questions).not.toContain('docker');
      expect(questions).not.toContain('istio');
      expect(questions).not.toContain('操作系统');
      expect(questions).not.toContain('go');
    });

    it('merges a question heading with sub-topic children into one full answer', () => {
      const defer = findItem(items, 'Go 中 defer 机制，可以返回数据吗');
      expect(defer.reference).toContain('### defer和return');
      expect(defer.reference).toContain('#### 结论');
      expect(defer.reference).toContain(sourceLines(name, 431, 453));
      expect(items.some((item) => item.question === 'defer概述')).toBe(false);
      expect(findItem(items, 'GMP 模型，为什么要有 P？').reference).toContain('static void\nschedule(G *gp)');
    });

    it('drops images and footnote anchors from answers', () => {
      const gc = findItem(items, '聊聊你对gc的理解');
      expect(gc.reference).not.toContain('![');
      expect(gc.reference).not.toContain('(#fn-');
      expect(findItem(items, 'Kubernetes中pod的创建流程').reference).not.toContain('image-20211011193626400');
    });
  });

  describe('go-mysql-redis-ecommerce-qa.md (mixed headings and bare questions)', () => {
    const items = parseCorpusFile('go-mysql-redis-ecommerce-qa.md');

    it('cleans headings that are links', () => {
      const item = findItem(items, '请说出下面代码存在什么问题');
      expect(item.code).toContain('case *student, student:');
      expect(item.reference).toContain('编译阶段就会报错');
      expect(findItem(items, '下面的代码会输出什么，并说明原因').code).toContain('runtime.GOMAXPROCS(1)');
      for (const entry of items) {
        expect(entry.question).not.toMatch(/\]\(|https?:\/\//);
        for (const segment of entry.headingPath) expect(segment).not.toMatch(/\]\(|https?:\/\//);
      }
    });

    it('drops web images and Obsidian embeds', () => {
      for (const entry of items) {
        expect(entry.reference).not.toContain('mmbiz.qpic.cn');
        expect(entry.reference).not.toContain('![[Pasted');
        expect(entry.reference).not.toMatch(/!\[[^\]]*\]\(/);
      }
      expect(findItem(items, '事务提交且当redolog文件满时，是否可以立即覆盖写入').reference).toContain('checkpoint');
    });

    it('makes text before the first heading an item named after its first clause', () => {
      const intro = findItem(items, '下单过程中的库存扣减的精确执行');
      expect(intro.reference).toContain('先从Redis扣减库存');
      expect(intro.reference).toContain('**优化效果**');
      expect(intro.lines.start).toBe(1);
    });

    it('splits bare question lines inside a heading section, with "答" lines as answers', () => {
      // The "答：" label opens the answer; it is not part of it.
      expect(findItem(items, '百万级Mysql怎么处理').reference).toBe('1-主备 2-读写分离 3-集群 4-负载均衡 5-查询缓存 6-raid');
      expect(findItem(items, '怎么用go实现一个栈').answered).toBe(true);
      expect(findItem(items, '开发过程中，你觉得怎样的代码是写得比较好的代码？').reference).toContain('5、经常review重构');
      expect(findItem(items, '开发过程中，你觉得怎样的代码是写得比较好的代码？').reference).not.toContain('项目管理的工具');
      expect(findItem(items, '开发过程中，使用过哪些项目管理的工具？').answered).toBe(false);
      expect(findItem(items, 'redo log 三种状态').reference).toContain('innodb_flush_log_at_trx_commit');
    });

    it('reads a paragraph of question lines as separate unanswered questions', () => {
      for (const question of ['map如何顺序读取', 'http keep-alive', 'tcp与udp区别，udp优点，适用场景', 'mysql索引为什么要用B+树？']) {
        expect(findItem(items, question).answered).toBe(false);
      }
    });
  });

  describe('go-basics-qa.md (no headings at all)', () => {
    const items = parseCorpusFile('go-basics-qa.md');

    it('yields the slice and 扩容 questions with their full answers', () => {
      const slices = findItem(items, '说一下数组和切片的区别？');
      expect(slices.reference).toContain('本质上切片是一个三元组');
      expect(slices.headingPath).toEqual(['小厂-奇酷酷1', 'go的八股', '说一下数组和切片的区别？']);
      const growth = findItem(items, 'go的扩容机制是怎么实现的？');
      expect(growth.reference).toContain('调用append函数进行元素的追加');
      expect(growth.reference).toContain('Go 1.18 之后会根据增长策略动态调整');
      expect(findItem(items, '讲一下go 1.18之后他是怎样实现动态扩容的？').reference).toContain('以256为界限');
      // Asked together with the 1.18 question, answered after its answer.
      expect(findItem(items, '要是slice底层数组特别大，但是只需要很小的一部分，这种情况可能会导致什么，怎样解决？').reference).toContain('通过copy到新的slice');
    });

    it('treats a label line with a block after it as a question', () => {
      const k8s = findItem(items, 'k8s');
      expect(k8s.reference).toContain('**kube-proxy**：实现 Service 的负载均衡与转发');
      expect(k8s.lines.end).toBe(66);
    });
  });

  describe('image-service-project-qa.md (bare questions separated by ---)', () => {
    const items = parseCorpusFile('image-service-project-qa.md');

    it('splits at bare question lines and thematic breaks', () => {
      const websocket = findItem(items, '为什么使用websocket？');
      expect(websocket.reference).toContain('websocket：全双工。有状态。');
      expect(websocket.reference).not.toContain('mysql');
      expect(websocket.lines).toEqual({ start: 1, end: 5 });
    });

    it('uses a topic line above a question as context', () => {
      const replication = findItem(items, 'mysql主从模式是什么？为什么使用主从模式？有什么好处？');
      expect(replication.headingPath).toEqual(['mysql主从服务器', 'mysql主从模式是什么？为什么使用主从模式？有什么好处？']);
      expect(replication.reference).toContain('可以在从服务器上进行数据分析');
    });

    it('keeps label questions with terse keyword answers together', () => {
      expect(findItem(items, '缓存失效策略').reference).toBe('FIFO\n\nLFU\n\nLRU\n\nTTL\n\nRandom');
      expect(findItem(items, '缓存击穿').reference).toContain('设置热点数据永不过期');
      expect(findItem(items, 'redis vs memcached').reference).toContain('| 事务支持   | 支持事务，可以保证一系列命令的原子性执行');
    });

    it('keeps code inside list items intact', () => {
      const virtual = findItem(items, 'c++虚函数的底层');
      expect(virtual.reference).toContain(readCorpusText('image-service-project-qa.md').split('\n').slice(433, 447).join('\n'));
    });
  });

  describe('cpp-backend-projects-and-internship.md (deep headings)', () => {
    const items = parseCorpusFile('cpp-backend-projects-and-internship.md');

    it('builds heading paths through container headings', () => {
      const timers = findItem(items, '三种定时器的区别');
      expect(timers.headingPath).toEqual(['面试', '项目', 'web server介绍', 'web server可能的相关问题', '三种定时器的区别']);
      expect(timers.reference).toContain('仅需要锁住涉及到的槽位即可');
    });

    it('qualifies vague sub-headings with their parent and merges generic children', () => {
      expect(findItem(items, '腾讯实习：介绍').reference).toContain('spark+gluten+velox');
      const difficulties = findItem(items, 'web server项目难点');
      expect(difficulties.reference).toContain('##### 难点2');
      expect(difficulties.reference).toContain('火焰图');
      expect(findItem(items, 'raft优缺点').reference).toContain('**领导者单点故障**');
    });

    it('skips the table of contents heading', () => {
      expect(items.some((item) => item.question === '目录' || item.reference.includes('[TOC]'))).toBe(false);
    });
  });

  describe('every file', () => {
    it.each(corpusFileNames())('%s: code blocks and tables all appear verbatim in some answer', (name) => {
      const text = readCorpusText(name);
      const items = parseNote(name, text);
      const tree = fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
      const solid: string[] = [];
      const visit = (node: Nodes): void => {
        if (node.type === 'code' || node.type === 'table') {
          solid.push(text.slice(node.position?.start.offset, node.position?.end.offset));
          return;
        }
        if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
      };
      visit(tree);
      // A question's code is carried with the question (card.code), the rest in references.
      for (const block of solid) expect(items.some((item) => `${item.code ?? ''}\n${item.reference}`.includes(block)), block.slice(0, 60)).toBe(true);
    });

    it.each(corpusFileNames())('%s: line ranges are inside the file and start at the question', (name) => {
      const lines = readCorpusText(name).split('\n');
      for (const item of parseCorpusFile(name)) {
        expect(item.lines.start).toBeGreaterThanOrEqual(1);
        expect(item.lines.end).toBeGreaterThanOrEqual(item.lines.start);
        expect(item.lines.end).toBeLessThanOrEqual(lines.length);
        // The card may ask it reworded (self-contained); the line holds the note's own words.
        const noted = item.headingPath.at(-1) ?? item.question;
        if (!noted.endsWith('…') && !noted.includes('：')) {
          const firstLine = (lines[item.lines.start - 1] ?? '').replace(/[\s*`]/g, '');
          expect(firstLine).toContain(noted.replace(/[\s*`]/g, '').slice(0, 4));
        }
      }
    });
  });
});
