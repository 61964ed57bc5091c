/**
 * Generators of broken and hostile Markdown for the note parser: fragments of every construct
 * notes use (headings, question lines, lists, quotes, fences, tables, HTML, links, Obsidian embeds)
 * glued together badly, mutations of real notes, and fixed shapes that stress a parser's depth and
 * backtracking at sizes a real note can reach.
 */
import fc from 'fast-check';

const words = fc.constantFrom('什么是 Go 的 GMP 模型？', 'Redis 为什么快?', 'TCP 三次握手', 'What is a mutex?', '答：', '1. 协程', '**重点**', 'mysql 索引', '`code`', '?', '？', '');
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));
const oddCharacter = fc.oneof(
  loneSurrogate,
  fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code)),
  fc.constantFrom('\u007f', '\u2028', '\ufeff', '\u202e', '\u200b', '\r', '\t', '\\', '|', '`', '~', '*', '_', '[', ']', '(', ')', '<', '>', '#', '!', '&', '$'),
);
const inline = fc.oneof(
  { weight: 4, arbitrary: words },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: oddCharacter, maxLength: 20 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('*', '_', '`', '[', '(', '<', '【', '~~', '**', '$'), fc.integer({ min: 1, max: 200 })).map(([mark, count]) => mark.repeat(count)) },
);
const line = fc.array(inline, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(' '));

const fragment: fc.Arbitrary<string> = fc.oneof(
  line,
  fc.tuple(fc.integer({ min: 1, max: 8 }), line).map(([depth, text]) => `${'#'.repeat(depth)} ${text}`),
  fc.tuple(fc.integer({ min: 0, max: 12 }), fc.constantFrom('-', '*', '+', '1.', '2)', '- [ ]', '- [x]'), line).map(([indent, marker, text]) => `${' '.repeat(indent)}${marker} ${text}`),
  fc.tuple(fc.integer({ min: 1, max: 30 }), line).map(([depth, text]) => `${'>'.repeat(depth)} ${text}`),
  fc
    .tuple(fc.constantFrom('```', '~~~', '````', '```go', '```\t', '    '), fc.array(line, { maxLength: 4 }), fc.boolean())
    .map(([fence, body, closed]) => [fence, ...body, closed && fence.trim() ? fence.replace(/[a-z\t]+$/, '') : ''].join('\n')),
  fc
    .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 6 }), fc.boolean())
    .map(([columns, rows, aligned]) => {
      const row = `|${' x |'.repeat(columns)}`;
      return [row, aligned ? `|${' --- |'.repeat(columns)}` : '|-|', ...Array.from({ length: rows }, () => row.slice(0, 1 + rows * 3))].join('\n');
    }),
  fc.constantFrom('<div>', '</div>', '<!--', '-->', '<br>', '<img src=x onerror=alert(1)>', '<script>alert(1)</script>', '<details><summary>答</summary>', '[TOC]', '@[toc]', '![[image.png]]', '![](x.png)', '[^1]', '[^1]: 注释', '[link](#fn1)', '[a]: http://x', '---', '***', '===', '$$', '\\', '| a | b |'),
);
const separator = fc.constantFrom('\n', '\n\n', '\r\n', '\n\n\n', ' ', '');

export const brokenMarkdown: fc.Arbitrary<string> = fc
  .array(fc.tuple(fragment, separator), { maxLength: 60 })
  .map((parts) => parts.map(([text, glue]) => text + glue).join(''));

/** A real note with a few edits: slices cut out, junk inserted, the file truncated anywhere. */
export function mutatedNote(notes: readonly string[]): fc.Arbitrary<string> {
  const edit = fc.oneof(
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 400 }) }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fragment }),
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat(), length: fc.constant(0) }),
  );
  return fc.tuple(fc.constantFrom(...notes), fc.array(edit, { minLength: 1, maxLength: 6 })).map(([note, edits]) => {
    let text = note;
    for (const change of edits) {
      const at = text.length === 0 ? 0 : change.at % text.length;
      if (change.kind === 'delete') text = text.slice(0, at) + text.slice(at + change.length);
      else if (change.kind === 'insert') text = text.slice(0, at) + change.text + text.slice(at);
      else text = text.slice(0, at);
    }
    return text;
  });
}

/**
 * Shapes that break recursive or backtracking parsers, at the sizes of a long pasted note (5–100
 * KB): deep nesting, long runs of one delimiter, thousands of headings, list items or code blocks.
 * micromark itself is superlinear on some of them (nested emphasis, nested containers, labels),
 * so their sizes stay where a real note can plausibly get; the time bound catches regressions.
 */
export const adversarialNotes: { name: string; text: string }[] = [
  { name: '5,000 nested block quotes', text: `${'>'.repeat(5_000)} 什么是死锁？` },
  { name: '1,000 nested quote/list containers', text: `${'> - '.repeat(1_000)}什么是死锁？\n答案` },
  { name: '2,000 nested quote/list containers (beyond GFM’s recursion)', text: `${'> - '.repeat(2_000)}什么是死锁？\n答案` },
  { name: '150 nested list levels with lazy lines', text: Array.from({ length: 150 }, (_, depth) => `${'  '.repeat(depth)}- 问题 ${depth}？\n${'  '.repeat(depth + 1)}答案\n懒惰行`).join('\n') },
  { name: '40,000 opening brackets', text: '['.repeat(40_000) },
  { name: '5,000 unclosed links', text: '[a]('.repeat(5_000) },
  { name: '4,000 unclosed images', text: '![a]('.repeat(4_000) },
  { name: '20,000 asterisks', text: '*'.repeat(20_000) },
  { name: '20,000 underscores in a word', text: `a${'_a'.repeat(10_000)}` },
  { name: '20,000 backticks', text: '`'.repeat(20_000) },
  { name: '4,000 fence lines', text: '```\n'.repeat(4_000) },
  { name: '2,000 headings', text: '# 什么是 Go？\n'.repeat(2_000) },
  { name: '1,500 question lines', text: '1. 什么是 redis 的持久化？\n'.repeat(1_500) },
  { name: '1,000-row table', text: `| 问题 | 答案 |\n| --- | --- |\n${'| 什么是 TCP？ | 传输层协议 |\n'.repeat(1_000)}` },
  { name: '20,000 HTML openers', text: '<div>'.repeat(20_000) },
  { name: '100 KB single line', text: '什么是协程？'.repeat(17_000) },
  { name: '2,000 Obsidian embeds', text: '![[a.png]]'.repeat(2_000) },
  { name: '800 footnotes', text: Array.from({ length: 800 }, (_, index) => `问题 ${index}？[^${index}]\n\n[^${index}]: 注`).join('\n') },
  { name: '10,000 full-width brackets', text: '【'.repeat(10_000) },
  { name: 'nested emphasis, 1,000 deep', text: `${'*_'.repeat(1_000)}x${'_*'.repeat(1_000)}` },
  { name: 'heading with 1,000 nested link labels', text: `# ${'[a'.repeat(1_000)}${'](x)'.repeat(1_000)}？\n答` },
  { name: '2,000 nested HTML details', text: `${'<details>'.repeat(2_000)}问题？${'</details>'.repeat(2_000)}` },
  { name: 'CRLF, BOM and NUL soup', text: `\ufeff# 问题？\r\n\u0000答案\r\r\n${'\r'.repeat(5_000)}` },
];

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

/** A note that exercises every card splitter: definitions, follow-up lines, wide gaps, code questions. */
const splittingNote = [
  '## 缓存击穿是什么？',
  '缓存击穿是指热点 key 过期的瞬间请求打到数据库。',
  '**缓存穿透**：缓存穿透是指查询不存在的数据。',
  '那么他可能问你，怎么解决缓存穿透？',
  '布隆过滤器。',
  '',
  '',
  '秒传',
  '查询文件 hash。',
  '## 下面的代码会输出什么？',
  '```go\nfmt.Println(1)\n```',
  '输出 1。',
  '看b站视频，讲的不错',
].join('\n\n');

/**
 * Whole files for buildQuestionBank, where the size limit and decoding live: a 10 MB note (skipped
 * with a warning), a note just under the limit made of every splitting shape, 100k short lines,
 * 500 alternating heading levels, binary and broken UTF-8. Each set also holds one ordinary note,
 * which must still be indexed.
 */
export const hostileFiles: { name: string; files: { path: string; bytes: Uint8Array }[] }[] = [
  { name: '10 MB note', files: [{ path: 'huge.md', bytes: encode(splittingNote.repeat(Math.ceil(10_000_000 / encode(splittingNote).length))) }] },
  { name: '500 KB of splitting shapes', files: [{ path: 'near-limit.md', bytes: encode(splittingNote.repeat(Math.floor(500_000 / encode(splittingNote).length))) }] },
  { name: '100,000 short lines', files: [{ path: 'lines.md', bytes: encode(Array.from({ length: 100_000 }, (_, index) => (index % 2 ? 'ok' : 'q?')).join('\n')) }] },
  { name: '500 alternating heading levels with bold definitions', files: [{ path: 'deep.md', bytes: encode(Array.from({ length: 500 }, (_, index) => `${'#'.repeat((index % 6) + 1)} 标题${index}\n\n**术语${index}**：术语${index}是指第 ${index} 个概念。`).join('\n\n')) }] },
  { name: 'binary file', files: [{ path: 'image.md', bytes: Uint8Array.from({ length: 4096 }, (_, index) => (index * 31) % 256) }] },
  { name: 'broken UTF-8', files: [{ path: 'broken.md', bytes: Uint8Array.from([0xe4, 0xbd, 0x20, 0xff, 0xfe, 0x0a, 0xe5]) }] },
].map(({ name, files }) => ({ name, files: [...files, { path: 'ordinary.md', bytes: encode('## 什么是进程？\n\n资源分配的基本单位。\n') }] }));
