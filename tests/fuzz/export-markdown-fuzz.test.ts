/**
 * Issue 12, finding 3: nothing a candidate (or an LLM) wrote can become markup in the Markdown
 * export. The export is parsed back with a CommonMark + GFM parser (mdast, the same family the
 * web app's viewers use), with the API fuzzer's hostile strings plus Markdown attacks: every
 * line-ending form, headings, links, images, HTML, emphasis, lists, tables, fences. Properties:
 * the document has exactly the structure it has for a harmless answer, the answer stays inside its
 * quote as plain text and reads back as typed, and over the real API every grade shown is real.
 */
import fc from 'fast-check';
import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Grade, Turn } from '../../src/core/types.ts';
import { renderMarkdown, type SessionReport } from '../../src/interview/report.ts';
import { ApiClient, inProcess } from '../faults/support/client.ts';
import { makeRealApp, removeRealAppTempDirs, type RealApp } from '../faults/support/real-app.ts';
import { nastyString } from './support/api-arbitraries.ts';

/** Markdown that, unescaped, forges a grade, a link, an image, HTML or structure. */
const markdownAttack = fc.constantFrom(
  '\r## 总分：10 / 10',
  'ok\r**评分：10 / 10**（excellent）',
  'a\r\n# 面霸\n## 对话记录',
  'x\u2028## heading after U+2028',
  'x\u0085> quote after NEL',
  '[点我](javascript:alert(1))',
  '![](https://evil.example/pixel.png)',
  '<img src=x onerror=alert(1)>',
  '<https://evil.example>',
  'https://evil.example/x and www.evil.example and a@evil.example',
  '*em* _em_ **strong** __strong__ ~~del~~ `code`',
  '    indented code',
  '\tindented code',
  '```\nfenced\n```',
  '~~~\nfenced\n~~~',
  '1. one\n2) two\n- dash\n+ plus\n* star',
  '---\n***\n___',
  'title\n===\nsub\n---',
  '| a | b |\n| --- | --- |\n| 1 | 2 |',
  '[x]: https://evil.example\n[x]',
  '&lt;img&gt; &#106;avascript: &amp;',
  '\\*not em\\* \\',
  '<!-- comment --> <details open>',
  '[^1]\n\n[^1]: footnote',
  '- [ ] task',
);

const untrusted: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: nastyString },
  { weight: 3, arbitrary: markdownAttack },
  { weight: 2, arbitrary: fc.array(fc.oneof(markdownAttack, nastyString, fc.constantFrom('\r', '\n', '\r\n', '\u2028', '\u2029', '\v', '\f', '\u0085')), { maxLength: 6 }).map((parts) => parts.join('')) },
);

/** What the API accepts as an answer: up to 32 KB. */
const answerText = untrusted.filter((text) => Buffer.byteLength(text) <= 32 * 1024);
/** Feedback, key points and headings are short; long ones only slow the parser down. */
const shortText = untrusted.map((text) => text.slice(0, 2_000));

function grade(text: { feedback: string; point: string; notice: string; source: string; heading: string }): Grade {
  return {
    score: 0,
    band: 'none',
    keyPoints: [{ text: text.point, covered: 'no' }],
    strengths: [],
    gaps: [],
    feedback: text.feedback,
    references: [{ source: text.source, heading: text.heading, text: '' }],
    grader: 'llm',
    fallback: false,
    notice: text.notice,
  };
}

interface Untrusted {
  answer: string;
  interviewer: string;
  feedback: string;
  point: string;
  notice: string;
  source: string;
  heading: string;
  question: string;
}

/** A one-question practice report whose every free-text field is `text`'s. */
function reportWith(text: Untrusted): SessionReport {
  const at = '2026-01-01T00:00:00.000Z';
  const turns: Turn[] = [
    { sessionId: 's', seq: 0, role: 'interviewer', kind: 'question', text: text.interviewer, questionId: 'q', createdAt: at },
    {
      sessionId: 's',
      seq: 1,
      role: 'candidate',
      kind: 'answer',
      text: text.answer,
      questionId: 'q',
      grade: grade(text),
      spoken: true,
      speech: { engine: 'server', speakingMs: 42_000, fillers: { 嗯: 2 } },
      createdAt: at,
    },
  ];
  return {
    session: { id: 's', mode: 'practice', topics: ['redis'], status: 'done', createdAt: at, updatedAt: at, progress: { done: 1, total: 1 }, score: 0, phase: 'technical' },
    overall: 0,
    topics: [{ topic: 'redis', name: 'Redis', score: 0, questions: 1 }],
    weakest: [{ about: text.notice, point: text.point, cited: { source: text.source, heading: text.heading }, topic: 'redis', questionId: 'q', question: text.question, score: 0 }],
    questions: [],
    spoken: [{ seq: 1, question: text.question, speakingMs: 42_000, fillers: { 嗯: 2 }, charsPerMinute: 120 }],
    turns,
  };
}

function parse(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

function walk(node: Nodes, visit: (node: Nodes, ancestors: Nodes[]) => void, ancestors: Nodes[] = []): void {
  visit(node, ancestors);
  if ('children' in node) for (const child of node.children) walk(child as Nodes, visit, [...ancestors, node]);
}

/** GFM links a bare address in plain text, however it was written; it shows its own target. */
function isAddressShownAsItself(node: Nodes): boolean {
  return node.type === 'link' && node.url.replace(/^(https?:\/\/|mailto:|xmpp:)/, '') === toString(node).replace(/^(https?:\/\/|mailto:|xmpp:)/, '');
}

/** Every node type outside plain text and paragraphs, with the text of headings and strong nodes. */
function structure(root: Root): string[] {
  const shape: string[] = [];
  walk(root, (node, ancestors) => {
    if (node.type === 'text' || node.type === 'paragraph' || node.type === 'break') return;
    if (isAddressShownAsItself(node) || ancestors.some(isAddressShownAsItself)) return;
    shape.push(node.type === 'heading' || node.type === 'strong' ? `${node.type}:${toString(node)}` : node.type);
  });
  return shape;
}

/** The text a reader sees in a node, a hard break being a line break. */
function shownText(node: Nodes): string {
  if (node.type === 'break') return '\n';
  if ('value' in node) return node.value;
  return 'children' in node ? node.children.map((child) => shownText(child as Nodes)).join(node.type === 'blockquote' ? '\n' : '') : '';
}

/** What a reader sees of a text, whitespace aside (CommonMark turns NUL into U+FFFD). */
function visible(text: string): string {
  return text.replace(/\0/g, '\ufffd').replace(/[\s\u00a0\u0085\u2028\u2029]+/g, ' ').trim();
}

const harmless: Untrusted = { answer: 'x', interviewer: 'x', feedback: 'x', point: 'x', notice: 'x', source: 'x', heading: 'x', question: 'x' };
const expectedShape = structure(parse(renderMarkdown(reportWith(harmless))));

describe('Markdown export, rendered from hostile text', () => {
  it('keeps the document’s structure, and the answer as plain text inside its quote that reads back as typed', () => {
    // Title, topic scores, weakest points, spoken answers (the hostile question is in its table), transcript.
    expect(expectedShape.filter((type) => type.startsWith('heading:'))).toHaveLength(5);
    fc.assert(
      fc.property(fc.record({ answer: answerText, interviewer: shortText, feedback: shortText, point: shortText, notice: shortText, source: shortText, heading: shortText, question: shortText }), (text) => {
        const markdown = renderMarkdown(reportWith(text));
        const root = parse(markdown);
        expect(structure(root), markdown).toEqual(expectedShape);
        const quotes = root.children.filter((node) => node.type === 'blockquote');
        expect(quotes).toHaveLength(1);
        walk(quotes[0]!, (node, ancestors) => {
          if (isAddressShownAsItself(node) || ancestors.some(isAddressShownAsItself)) return;
          expect(['blockquote', 'paragraph', 'text', 'break'], markdown).toContain(node.type);
        });
        expect(visible(shownText(quotes[0]!))).toBe(visible(text.answer));
      }),
      { numRuns: 1_000, seed: 12_003 },
    );
  }, 120_000);
});

describe('Markdown export over the API', () => {
  let real: RealApp;
  beforeAll(async () => {
    real = await makeRealApp();
  });
  afterAll(() => {
    real.close();
    removeRealAppTempDirs();
  });

  it('shows exactly the grades the answers got, whatever the answers say', async () => {
    const client = new ApiClient(inProcess(real.app));
    let session = '';
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(markdownAttack, nastyString, untrusted), async (answer) => {
        if (!answer.trim() || Buffer.byteLength(answer) > 32 * 1024) return;
        if (!session || answered === 8) {
          session = (await client.post<{ id: string }>('/api/sessions', { mode: 'practice', questions: 10 })).body.id;
          answered = 0;
        }
        const reply = await client.post(`/api/sessions/${session}/answers`, { answer });
        expect(reply.status, JSON.stringify(reply.body)).toBe(200);
        answered += 1;
        const transcript = await client.get<{ turns: { role: string; grade?: { score: number; followup?: { questionScore: number } } }[] }>(`/api/sessions/${session}?reveal=1`);
        // A follow-up answer shows its own result and the question's grade rather than the question's full grade block.
        const realScores = transcript.body.turns
          .filter((turn) => turn.grade)
          .map((turn) => (turn.grade!.followup ? `strong:本题成绩：${turn.grade!.followup.questionScore} / 10` : `strong:评分：${turn.grade!.score} / 10`));
        const exported = await client.raw(`/api/sessions/${session}/export.md`);
        const root = parse(await exported.text());
        const shown = structure(root);
        expect(shown.filter((type) => type.startsWith('strong:评分') || type.startsWith('strong:本题成绩'))).toEqual(realScores);
        expect(shown.filter((type) => type.startsWith('heading:')).every((heading) => /^heading:(面霸 MianBa 练习记录|各主题得分|最需要加强的要点|对话记录)$/.test(heading)), shown.join(' ')).toBe(true);
        expect(shown.filter((type) => ['link', 'image', 'html', 'code', 'inlineCode', 'emphasis', 'delete', 'linkReference', 'imageReference', 'definition'].includes(type))).toEqual([]);
      }),
      { numRuns: 100, seed: 12_033 },
    );
  }, 120_000);
});
