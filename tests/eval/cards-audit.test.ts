/**
 * The cards audit (scripts/eval-cards.ts) must be able to fail as well as pass: a synthetic audit line
 * judged against a good card, and against cards that swallow a neighbour, lack their code or carry a
 * narration key point. The real audit file must parse and quote its notes verbatim.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditLineSchema, judge, keyPointProblem, type AuditedCard, type AuditLine } from '../../scripts/eval-cards.ts';

const audit = (overrides: Partial<AuditLine> & Pick<AuditLine, 'expect'>): AuditLine =>
  auditLineSchema.parse({
    id: 't001',
    source: 'notes.md',
    line: 10,
    question: '以下代码有什么问题',
    judged: { selfContained: false, referenceOnly: false, pointsAreClaims: false },
    why: 'synthetic',
    ...overrides,
  });

const card = (overrides: Partial<AuditedCard>): AuditedCard => ({
  question: 'Go 的 for range 循环里取 stu 的地址存进 map，以下代码有什么问题？',
  code: '```go\nfor _, stu := range stus {\n\tm[stu.Name] = &stu\n}\n```',
  reference: 'for range 中 stu 变量会被复用，每次循环把值复制给它，所以 map 里存的都是最后一个元素的地址。',
  keyPoints: [{ text: 'for range 复用同一个循环变量 stu' }, { text: '取 &stu 得到的总是同一个地址，map 里存的都是最后一个元素' }],
  followups: [],
  kind: 'technical',
  source: 'notes.md',
  lines: { start: 10, end: 20 },
  ...overrides,
});

const codeQuestion = audit({
  expect: {
    needsCode: true,
    questionMentions: [['range']],
    referenceMustContain: ['变量会被复用'],
    referenceMustNotContain: ['**缓存穿透**：'],
    notKeyPoints: ['这时候就有小伙伴会疑惑了'],
  },
});

describe('judging one audited place', () => {
  it('passes a good card on all three questions', () => {
    const verdict = judge(codeQuestion, [card({})]);
    expect(verdict.located).toBe('start');
    expect([verdict.selfContained, verdict.referenceOnly, verdict.pointsAreClaims]).toEqual([[], [], []]);
  });

  it('fails a reference that swallows the next bold-labelled definition, and names it', () => {
    const swallowing = card({ reference: `${card({}).reference}\n\n**缓存穿透**：查询的数据既不在缓存也不在数据库。` });
    const verdict = judge(codeQuestion, [swallowing]);
    expect(verdict.referenceOnly).toEqual(['reference holds "**缓存穿透**："']);
    expect(verdict.selfContained).toEqual([]);
  });

  it("fails a reference that runs into a neighbouring card's question line", () => {
    const neighbour = card({ question: '为什么 map 并发读写不安全？', lines: { start: 21, end: 25 } });
    const swallowing = card({ reference: `${card({}).reference}\n\n为什么 map 并发读写不安全？\n因为没有加锁。` });
    expect(judge(codeQuestion, [swallowing, neighbour]).referenceOnly).toEqual([
      'reference runs into another card\'s question "为什么 map 并发读写不安全？"',
    ]);
  });

  it('fails a code question that does not carry its code, even without an expectation saying so', () => {
    const codeless = card({ code: undefined, question: '以下代码有什么问题，说明原因' });
    expect(judge(codeQuestion, [codeless]).selfContained).toContain('refers to code it does not carry');
    expect(judge(audit({ expect: {} }), [codeless]).selfContained).toEqual(['refers to code it does not carry']);
  });

  it('fails a narration key point, by the audit line and by the generic check', () => {
    const narrated = card({ keyPoints: [...card({}).keyPoints, { text: '这时候就有小伙伴会疑惑了，为什么不直接用 stu' }] });
    const problems = judge(codeQuestion, [narrated]).pointsAreClaims;
    expect(problems).toHaveLength(2);
    expect(problems.join('\n')).toMatch(/is narration \("小伙伴"\)/);
    expect(problems.join('\n')).toMatch(/holds "这时候就有小伙伴会疑惑了"/);
  });

  it('judges kinds: a self-introduction asked as 八股 fails, as a behavioural card passes', () => {
    const intro = audit({ question: '自我介绍', expect: { kind: 'behavioural' } });
    const asked = card({ question: '自我介绍', code: undefined, kind: 'technical' });
    expect(judge(intro, [asked]).selfContained).toEqual(['kind is technical, expected behavioural']);
    expect(judge(intro, [{ ...asked, kind: 'behavioural' }]).selfContained).toEqual([]);
  });

  it('treats a section as passed when no card asks it, and failed when it is asked, however wrapped', () => {
    const section = audit({ question: 'redis', expect: { kind: 'section' } });
    expect(judge(section, []).selfContained).toEqual([]);
    const wrapped = card({ question: '说说你对「redis」的了解', code: undefined });
    expect(judge(section, [wrapped]).selfContained).toEqual(['still asked as written, though it is a section or a bare label']);
    expect(judge(section, [{ ...wrapped, searchOnly: true }]).selfContained).toEqual([]);
    expect(judge(audit({ expect: {} }), []).selfContained).toEqual(['no card at this line']);
  });

  it('finds an audited question that became a follow-up, and judges it with its parent as context', () => {
    const followupLine = audit({ line: 14, question: 'go的扩容机制是怎么实现的？', expect: { questionMentions: [['扩容']], referenceMustContain: ['append'] } });
    const parent = card({
      question: '说一下数组和切片的区别？',
      code: undefined,
      followups: [{ question: '那么他可能问你，go的扩容机制是怎么实现的，你怎么回答？', answer: '调用append函数进行元素的追加' }],
    });
    const verdict = judge(followupLine, [parent]);
    expect(verdict.located).toBe('range');
    expect(verdict.question).toContain('扩容');
    expect([verdict.selfContained, verdict.referenceOnly, verdict.pointsAreClaims]).toEqual([[], [], []]);
  });

  it('finds a merged near-duplicate through its variants', () => {
    const duplicate = audit({ source: 'other.md', line: 3, question: 'slice和array的区别', expect: {} });
    const merged = card({ question: '说一下数组和切片的区别？', code: undefined, variants: ['slice和array的区别'] });
    expect(judge(duplicate, [merged]).located).toBe('variant');
  });
});

describe('key points that are not claims', () => {
  it.each([
    ['那为什么不直接在 M 上加呢？', 'is a question'],
    ['参考链接: [Ceph的存储原理](https://www.bilibili.com/video/BV1Wm4y1V74n/)', 'holds a link'],
    ['以下是go build命令执行的完整流程：', 'is a label introducing what follows'],
    ['对于leader选举，leader会定时向follower发送心跳，follower内部会维护一个随机超时时间的定时器，', 'is cut off in mid-sentence'],
    ['"CCC"...) fmt.Println(string(a)) fmt.Println(string(b)) }', 'is code'],
    ['select,waitgroup,chan，slice，map等数据结构都要复习以下', 'is narration ("都要复习")'],
    ['很'.repeat(121), 'is 121 characters long'],
  ])('%s', (text, problem) => expect(keyPointProblem(text)).toBe(problem));

  it.each([
    'bgsave是创建一个子进程来写入RDB文件，不会造成阻塞。',
    '空结构体放到结构体最后时会进行特殊填充，struct { } 作为最后一个字段会被填充对齐到前一个字段的大小',
    'Base 类的虚函数表中有一个函数指针，指向 Base::func',
  ])('accepts the claim %s', (text) => expect(keyPointProblem(text)).toBeUndefined());
});

describe('the audit of the real notes', () => {
  const lines = readFileSync('eval/cards-audit.jsonl', 'utf8').trim().split('\n').map((raw) => auditLineSchema.parse(JSON.parse(raw)));
  const squash = (text: string) => text.toLowerCase().replace(/[\s*`]/g, '');

  it('covers all five notes with at least 15 places each, 130 in all, ids unique', () => {
    const perFile = new Map<string, number>();
    for (const line of lines) perFile.set(line.source, (perFile.get(line.source) ?? 0) + 1);
    expect(perFile.size).toBe(5);
    expect(Math.min(...perFile.values())).toBeGreaterThanOrEqual(15);
    expect(lines.length).toBeGreaterThanOrEqual(130);
    expect(new Set(lines.map((line) => line.id)).size).toBe(lines.length);
  });

  it('points at non-blank lines and quotes its notes verbatim', () => {
    for (const line of lines) {
      const note = readFileSync(`corpus/${line.source}`, 'utf8');
      expect(note.split('\n')[line.line - 1]?.trim(), `${line.source}:${line.line}`).toBeTruthy();
      const { referenceMustContain = [], referenceMustNotContain = [], notKeyPoints = [], bareLabels = [], followupsInclude = [] } = line.expect;
      for (const snippet of [...referenceMustContain, ...referenceMustNotContain, ...notKeyPoints, ...bareLabels, ...followupsInclude]) {
        expect(squash(note).includes(squash(snippet)), `${line.id} "${snippet}"`).toBe(true);
      }
      const passed = line.judged.selfContained && line.judged.referenceOnly && line.judged.pointsAreClaims;
      expect(passed || line.why.length > 0, `${line.id} says why it fails`).toBe(true);
    }
  });
});
