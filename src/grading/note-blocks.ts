/**
 * Reading a note's Markdown into the statements key points are made of: sentences of paragraphs, list
 * items (inline enumerations split) and table rows, each with the headings above it, without inline
 * markup, citations, code blocks, or a closing announcement of the list that follows.
 */
import { askedByLine, joinLines, noteLineReader, tableRowText, withoutDecoration, withoutFrontMatter, withoutObsidianComments, withoutObsidianMarkup } from './note-formats.ts';
import { contentLength, insideBrackets, leadsIn, minimumPointCharacters, tidyPoint } from './point-text.ts';

export interface RawUnit {
  text: string;
  bold: boolean;
  kind: 'prose' | 'list' | 'table';
  /** Ends in a colon: an introduction to what follows. */
  introduces: boolean;
  section: string[];
  block: number;
  /** The line a list item hangs under (`Lead`); a lead line's own units carry it too. */
  lead?: Lead;
  /** The line that led into this unit's text and opens it ("Raft对只读操作的处理办法是"): what the text is about, not what it says. */
  introduction?: string;
  /** A line standing alone as a paragraph with no verb ("只读操作的进一步优化"): a heading written as plain text. */
  heading?: boolean;
}

/**
 * The line a list hangs under, naming what its items describe: "queue需要绑定exchange" over "- 消息载体", "LRU" over
 * "- evicts the least recently used entry", a heading over its bullets, or the item an indented item is nested in.
 * `block` is the lead's own unit (-1 for a heading, which is no point).
 */
export interface Lead {
  text: string;
  block: number;
}

/** Longest one-line paragraph, in content characters, read as a lead line rather than a statement of its own. */
const maximumLeadCharacters = 40;

/** Longest text beside a link that still reads as a citation label (参考链接, 原文, see also). */
const maxCitationLabel = 8;

/** A blog's copy button pasted with its code block ("复制代码" under "阈值 = 上次GC内存分配量 * 内存增长率"): not the note's text. */
const copyButton = /^[ \t]*(?:复制代码|copy code)[ \t]*$/gimu;

/** Info strings of a fence that holds text, not code. */
const textFence = /^(?:text|txt|plain|plaintext|markdown|md)?$/iu;
/** Share of a fence's visible characters that must be Chinese for a fence without a language to be read as prose. */
const proseShare = 0.5;

/**
 * A fence used to keep a layout, not to show code: "```text" around "Kubectl：\n 客户端命令行工具，作为整个K8s集群的操作入口；"
 * (a note pasted from a blog). Its lines are the note's statements, so the fence marks go and its text stays. A fence
 * without a language is prose only when most of it is Chinese; one naming a language is code.
 */
export function withProseFencesOpened(markdown: string): string {
  return markdown.replace(/^(```|~~~)([^\n]*)\n([\s\S]*?)^\1[^\n]*$/gm, (fence, _mark: string, info: string, body: string) => {
    const language = info.trim();
    if (!textFence.test(language)) return fence;
    const visible = body.replace(/\s+/g, '');
    const chinese = (visible.match(/[\u4e00-\u9fff]/gu) ?? []).length;
    return language || (visible.length > 0 && chinese >= proseShare * visible.length) ? body : fence;
  });
}

/**
 * A note's statements in order: each sentence of a paragraph, list item or table row, with the headings
 * above it, inline Markdown removed and code blocks left out.
 */
export function blockUnits(markdown: string): RawUnit[] {
  const withoutCode = withProseFencesOpened(withoutObsidianComments(withoutFrontMatter(markdown)).replace(copyButton, '')).replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  // A reference that is only code is still gradable by its identifiers.
  const source = contentLength(withoutCode) >= minimumPointCharacters ? withoutCode : markdown.replace(/^(```|~~~).*$/gm, '');
  const units: RawUnit[] = [];
  let tableHeader: string[] | undefined;
  let paragraph: string[] = [];
  // Headings by level: where in the note a point is. Bold label lines are not sections: they
  // introduce the lists of one answer ("**channel有三种状态：**"), not topics of their own.
  const headings: string[] = [];
  const section = () => headings.filter(Boolean);
  // What a list starting here would hang under (only blank lines since), and the open levels of the list being read.
  let leadLine: Lead | undefined;
  let levels: ListLevel[] = [];
  // "Q：JWT 怎么工作？" over "A：登录后服务端把…" says whom its answer is about, as a lead line over a list does: the answer's
  // first clause names nobody, and read on from the answer before it ("…共享 session 存储") it had been about session.
  // It is the answer's section too, as a heading would be: a question that asks what one Q asks is answered by its A.
  let asked: Lead | undefined;
  const flushParagraph = () => {
    if (!paragraph.length) return;
    const block = units.length;
    const text = joinLines(paragraph);
    pushSentences(units, text, 'prose', [...section(), ...partLabel(paragraph), ...(asked ? [asked.text] : [])], asked);
    asked = undefined;
    const clean = cleanInline(text).text;
    // A line that only announces its list ("为了解决缓存击穿的问题，常见的几种策略包括：") made no point, but it is still what the list hangs under.
    leadLine = paragraph.length === 1 && contentLength(clean) <= maximumLeadCharacters ? { text: clean, block: units.length > block ? block : -1 } : undefined;
    levels = [];
    paragraph = [];
  };
  const readLine = noteLineReader();
  // A numbered outline ("1. 分工", "1.1 namespace —— 管能看到什么", "- 进程只看到自己命名空间里的资源") nests by its numbers, not by
  // indentation: 1.1 is under 1., and a bullet right under 1.1 is under 1.1. Read so only in a note that numbers two levels.
  const outline = /^\s*\d+\.\d+\.?\s/mu.test(source);
  let outlineDepth = 0;
  const outlineIndent = (line: string): number => {
    if (!outline) return 0;
    const numbered = /^(\d+(?:\.\d+)*)[.)、]?\s/u.exec(line);
    if (numbered) {
      outlineDepth = numbered[1]!.split('.').length;
      return (outlineDepth - 1) * outlineStep;
    }
    return outlineDepth * outlineStep;
  };
  for (const rawLine of source.split('\n')) {
    const line = readLine(rawLine);
    const question = askedByLine(rawLine);
    if (question) {
      flushParagraph();
      asked = { text: cleanInline(question).text, block: -1 };
      leadLine = asked;
      levels = [];
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      flushParagraph();
      const level = heading[1]!.length;
      headings.length = level;
      headings[level - 1] = cleanInline(heading[2] ?? '').text.replace(/[：:]$/, '');
      leadLine = headings[level - 1] ? { text: headings[level - 1]!, block: -1 } : undefined;
      levels = [];
    }
    if (!line || /^#{1,6}\s/.test(line) || /^(?:-{3,}|\*{3,}|_{3,})$/.test(line)) {
      flushParagraph();
      if (!line.startsWith('|')) tableHeader = undefined;
      if (line && !heading) (leadLine = undefined), (levels = []);
      continue;
    }
    if (line.startsWith('|')) {
      flushParagraph();
      (leadLine = undefined), (levels = []);
      const cells = line.replace(/^\||\|$/g, '').split('|').map((cell) => cleanInline(cell).text);
      if (cells.every((cell) => /^:?-{2,}:?$/.test(cell.trim()) || !cell.trim())) continue;
      if (!tableHeader) {
        tableHeader = cells;
        continue;
      }
      const text = tableRowText(cells, tableHeader);
      if (text) units.push({ text, bold: false, kind: 'table', introduces: false, section: section(), block: units.length });
      continue;
    }
    tableHeader = undefined;
    // A bullet marker needs the space after it, as in Markdown: "**双有序链表**每次…" is bold prose.
    // "4.0+ 混合持久化" is a version, not item 4.
    const listItem = /^(?:[-*+](?=\s|$)|\d+(?:\.\d+)+\.?(?=\s)|\d+[.)、](?!\d)|[（(]?\d+[）)]|[①-⑩])\s*(.*)$/u.exec(line);
    if (listItem) {
      flushParagraph();
      // Markdown indents with spaces and tabs; a full-width space ("　　1. …") is a paragraph indent, not nesting.
      const indent = /^[ \t]*/u.exec(rawLine)![0].replace(/\t/gu, '    ').length + outlineIndent(line);
      const lead = leadOfItem(levels, indent, leadLine);
      if (lead === leadLine && lead && lead.block >= 0) for (const unit of units) if (unit.block === lead.block) unit.lead = lead;
      leadLine = undefined;
      const block = units.length;
      pushSentences(units, listItem[1] ?? '', 'list', section(), lead);
      levels.at(-1)!.item = { text: cleanInline(listItem[1] ?? '').text, block };
      continue;
    }
    // A line led by a bold label ("**时间堆**也需要…") starts a statement of its own, even without a blank line.
    if (/^(?:\*\*|__)/.test(line)) flushParagraph();
    paragraph.push(line);
  }
  flushParagraph();
  return units;
}

/** Spaces one outline level stands for. */
const outlineStep = 4;

interface ListLevel {
  indent: number;
  lead: Lead | undefined;
  /** The level's last item: what an item indented under it hangs under. */
  item?: Lead;
}

/**
 * The lead of a list item `indent` spaces in: its level's lead, the item it is indented under, or for a new list the line
 * it starts under. Leaves `levels` with the item's level last.
 */
function leadOfItem(levels: ListLevel[], indent: number, leadLine: Lead | undefined): Lead | undefined {
  while (levels.length && levels.at(-1)!.indent > indent + 1) levels.pop();
  const parent = levels.at(-1);
  // A space more or less is the same level: nesting takes the two spaces Markdown asks for.
  if (parent && indent < parent.indent + 2) return parent.lead;
  const lead = parent ? parent.item : leadLine;
  levels.push({ indent, lead });
  return lead;
}

/** Longest label, in characters, that names a part of a note on a line of its own ("Kube-proxy："). */
const maximumPartLabelCharacters = 20;

/**
 * A paragraph whose first line is only a short label ("Kubelet：" then what kubelet does, "缺点：" then the
 * drawbacks) is a part of the note about that label, as a heading would make it: a question about one part
 * ("Service 的请求怎么转发到 Pod 上？" of a note on the node components) is graded on that part's points.
 */
function partLabel(paragraph: readonly string[]): string[] {
  if (paragraph.length < 2) return [];
  // A Latin name may hold spaces ("Api Server：", as "Controller-manager：" holds a hyphen).
  const label = /^(?:\*\*|__)?([A-Za-z][\w.+#-]*(?: [A-Za-z][\w.+#-]*){1,2}|[^\s。，,；;：:]{1,40})(?:\*\*|__)?[：:](?:\*\*|__)?$/u.exec(paragraph[0]!.trim());
  return label && Array.from(label[1]!).length <= maximumPartLabelCharacters ? [label[1]!] : [];
}

/**
 * "参考链接 [title](url)": a pointer to reading elsewhere, not a point the candidate must make.
 * A block counts as one when it holds a link and at most a short label outside the links, or only sends the reader
 * elsewhere in words (the link may be gone: card references keep the text of a link, not its address).
 */
function isCitation(rawText: string): boolean {
  const link = /!?\[[^\]]*\]\([^)]*\)|!?\[\[[^\]\n]*\]\]/g;
  return pointsElsewhere.test(rawText.replace(link, '').trim()) || (link.test(rawText) && contentLength(rawText.replace(link, '').replace(/#[^\s#]+/gu, '')) <= maxCitationLabel);
}

/** A sentence that only sends the reader elsewhere ("更多说明参阅引用说明", "详见下文", "see the docs"), whatever its length. */
const pointsElsewhere = /^(?:更多|详细|具体|完整)?(?:的)?(?:说明|内容|细节|介绍|信息|解释)?(?:请)?(?:参阅|参见|参考|参看|详见|见|查看|看)(?:下文|下面|文末|引用|原文|链接|文档|注释|脚注|引用说明|官方文档)?(?:说明|部分)?[。.:：]?$|^(?:for more (?:details|information|info)|see (?:also|the docs|below|above)|refer to)\b/iu;

function pushSentences(units: RawUnit[], rawText: string, kind: RawUnit['kind'], section: string[], lead?: Lead): void {
  if (isCitation(withoutDecoration(rawText))) return;
  const { text, bold } = cleanInline(rawText);
  const block = units.length;
  // Enumerations written inline ("①…；②…", "1.… 2.…") are separate points.
  // A number closing a bracket ("(24 × 60 × 60)秒") is arithmetic, not a marker.
  const marked = text.replace(/(?:^|(?<=[\s。；;：:，,]))(?:[（(]\d{1,2}[）)]|\d{1,2}[.、)）](?![\d.])|[①-⑩])\s*|\s*[①-⑩]\s*/gu, (marker, offset: number) =>
    /^\s*\d{1,2}[)）]/u.test(marker) && insideBrackets(text.slice(0, offset)) ? marker : '\n',
  );
  for (const sentence of hyphenEnumerated(marked).split(/(?<=[。！？!?；;])|\n/u)) {
    const trimmed = withoutAnnouncement(tidyPoint(withoutDecoration(sentence)));
    if (!trimmed) continue;
    units.push({ text: trimmed, bold, kind, introduces: /[:：]$/.test(trimmed) || leadsIn.test(trimmed), section, block, ...(lead ? { lead } : {}) });
  }
}

/**
 * An enumeration numbered with hyphens ("1-主备 2-读写分离 3-集群"): its items, one per line. Only a run from 1 upward of
 * three items or more, each number after a space or the start, is read so: "3-5 个" is a range, "fin-wait-2" a name.
 */
function hyphenEnumerated(text: string): string {
  if (!/(?:^|[\s：:])1-[^\s\d-][^\n]*?\s2-[^\s\d-][^\n]*?\s3-[^\s\d-]/u.test(text)) return text;
  return text.replace(/(?:^|(?<=[\s：:]))\d{1,2}-(?=[^\s\d-])/gu, '\n');
}

/** Longest colon-ended sentence that is read as a label ("控制平面包括：") rather than an announcement. */
const maximumLabelCharacters = 10;

/**
 * A sentence minus its closing announcement of the list that follows ("…，主要原因有以下几点："). What
 * comes before it is kept as a point of its own, unless it only frames the question ("为了解决缓存击穿的问题").
 */
function withoutAnnouncement(sentence: string): string {
  if (contentLength(sentence) <= maximumLabelCharacters || !announcesList.test(sentence)) return sentence;
  const lastClause = Math.max(sentence.lastIndexOf('，'), sentence.lastIndexOf(','));
  const before = lastClause > 0 ? sentence.slice(0, lastClause).trim() : '';
  return framesQuestion.test(before) ? '' : before;
}

/** Opens with a purpose, topic or assumption: it sets up what was asked rather than answering it. */
const framesQuestion = /^(?:为了|对于|关于|针对|至于|假设|假如)/u;

/**
 * A sentence that only announces the list after it ("主要流程如下：", "常见的几种策略包括：", "有两种方式：",
 * "as follows:"). Its substance is the list, and notes word it as a restatement of the question;
 * merged into the first item it would make that item look half-missed. A label such as
 * "缓存失效策略：" or "第三步：" is not one: it names what follows and stays merged with it.
 */
const announcesList =
  /(?:(?:如下|以下|下面|下列)[^，,。；;:：]{0,6}|包括|包含|主要有|(?<!没)有|分为|分成|(?<!第)(?:[几两三四五六七八九十]|\d+)\s*[点种个条类步大][^，,。；;:：]{0,4}|as follows|the following(?: \w+)?)\s*[:：]$/iu;

/** Strips inline Markdown; reports whether the text had bold spans (notes bold what matters). */
function cleanInline(raw: string): { text: string; bold: boolean } {
  const bold = /(\*\*|__)[^*_]+\1/.test(raw);
  const text = withoutObsidianMarkup(raw)
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/(\*\*|__)/g, '')
    .replace(/(^|[^\w*])[*_](\S[^*_]*?)[*_](?!\w)/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  return { text, bold };
}
