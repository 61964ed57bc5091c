/**
 * Reading the Markdown of other people's notes line by line: YAML front matter, blockquotes and
 * Obsidian callouts, Q：/A： lists, cheat-sheet lines and comparison tables (key-points.ts turns what
 * they say into points). Each rule came from a note format whose points read wrong without it.
 */

/**
 * A table row as one point: its label, then each value under its column's header when the table
 * compares several columns ("<-ch (读)：nil的channel 阻塞；正常channel 成功或阻塞；已关闭channel 读到零值").
 * Without the headers "阻塞；成功或阻塞；读到零值" said reading blocks, whichever channel was meant, and a
 * correct "从关闭的 channel 读不会阻塞" read as contradicting it. A two-column table is label and value.
 */
export function tableRowText(cells: readonly string[], header: readonly string[]): string | undefined {
  const labelled = cells.map((cell, index) => ({ cell: cell.trim(), header: (header[index] ?? '').trim() }));
  const [first, ...rest] = labelled.filter(({ cell }) => cell);
  if (!first) return undefined;
  if (!rest.length) return first.cell;
  const named = rest.length >= 2 && rest.every(({ header: name }) => name);
  return `${first.cell}：${rest.map(({ cell, header: name }) => (named && name !== cell ? `${name} ${cell}` : cell)).join('；')}`;
}

/** YAML front matter (Obsidian, Hugo): metadata, not the answer. Its first line must be a key. */
const frontMatter = /^\uFEFF?---\n[\w-]+\s*:[^\n]*\n(?:[^\n]*\n){0,100}?---(?:\n|$)/u;
/** An Obsidian callout's first line ("[!note] 最左前缀", "[!tip]- 拥塞控制"): its title is a heading. */
const calloutTitle = /^\[![\w-]+\][+-]?\s*(.*)$/u;
/** A question line of a Q：/A： list ("Q：…", "问：…", "Question: …"). */
const questionLine = /^(?:Q\d*|问|问题|Question)\s*[：:]\s*(.+)$/iu;
/** The label opening that answer ("A：", "答：", "Answer:"), read only after a question line. */
const answerLabel = /^(?:A\d*|答|Answer)\s*[：:]\s*/iu;
/** A line that states one fact by itself, as cheat sheets do ("AOF rewrite -> fork 子进程…", "慢启动：…"). */
const factLine = /[\u3400-\u9fff]|->|→|=>|^[^\s：:]{1,30}\s*[：:]/u;

/**
 * The lines of a paragraph as one text. Markdown reads a line break as a space, but a line that ends
 * without punctuation and states a fact (Chinese, or "label -> value") ends its statement: a cheat
 * sheet's lines had run together into points like "…会丢最后一次快照后的数据 bgsave -> fork 子进程写".
 * Hard-wrapped English prose still joins with a space.
 */
export function joinLines(lines: readonly string[]): string {
  let text = lines[0] ?? '';
  for (let index = 1; index < lines.length; index += 1) {
    const previous = lines[index - 1]!;
    const ended = /[。！？!?；;.:：，,、]$/u.test(previous) || !factLine.test(previous) || !factLine.test(lines[index]!);
    text += `${ended ? ' ' : '；'}${lines[index]}`;
  }
  return text;
}

/** The note without its YAML front matter. */
export function withoutFrontMatter(markdown: string): string {
  return markdown.replace(frontMatter, '');
}

/**
 * Reads a note's lines in order, as Markdown lines key-points.ts understands: a blockquote (an
 * Obsidian callout) holds note text like any other; a callout's title names what follows, as a heading
 * does; a listed question is what the answer after it answers, not a point (as a heading it made a
 * two-part question focus on one of its answers), and the answer's label is not part of the answer.
 */
/** What a Q：/A： list's question line asks ("JWT 怎么工作？"), or undefined for any other line. */
export function askedByLine(rawLine: string): string | undefined {
  return questionLine.exec(rawLine.trim().replace(/^(?:>\s?)+/u, '').trim())?.[1]?.trim();
}

export function noteLineReader(): (rawLine: string) => string {
  let answersQuestion = false;
  return (rawLine) => {
    const line = rawLine.trim().replace(/^(?:>\s?)+/u, '').trim();
    const callout = calloutTitle.exec(line);
    const asked = questionLine.exec(line);
    if (callout || asked) {
      if (asked) answersQuestion = true;
      return callout?.[1] ? `###### ${callout[1]}` : '';
    }
    return answersQuestion ? line.replace(answerLabel, '') : line;
  };
}

/** An Obsidian comment ("%% 这里以后补图 %%"): the author's note to self, hidden when the note is read. */
const obsidianComment = /%%[\s\S]*?%%/gu;
/** An Obsidian link ("[[Redis持久化#混合持久化]]", "[[分布式锁|锁]]"), or an embed ("![[skiplist.png]]"). */
const wikiLink = /(!?)\[\[([^\]|#\n]*)(?:#[^\]|\n]*)?(?:\|([^\]\n]*))?\]\]/gu;
/** Tags closing a line ("…最后一次快照之后的数据 #持久化", "#redis #八股"); a tag is never only digits ("#1" is a number). */
const closingTags = /(?:(?<=^|\s)#[^\s#]*[^\s\d#][^\s#]*\s*)+$/u;

/** The note without Obsidian comments, which the reader never sees: "%% 这里以后补图 %%" had been a key point. */
export function withoutObsidianComments(markdown: string): string {
  return markdown.replace(obsidianComment, '');
}

/**
 * One line's Obsidian markup read as its reader sees it: a link is the page's name or its alias, an embed nothing, and
 * tags at the end of the line nothing ("RDB 是某一时刻的快照…之后的数据 #持久化" had kept "#持久化" in its point).
 */
export function withoutObsidianMarkup(line: string): string {
  return line.replace(wikiLink, (_link, embed: string, page: string, alias: string | undefined) => (embed ? '' : (alias ?? page).trim())).replace(closingTags, '').trimEnd();
}

/** A closing clause that only sends the reader elsewhere ("，参见 [[Redis持久化#混合持久化]]", "（详见官方文档）"). */
const closingPointer = /\s*[，,；;（(]\s*(?:更多|具体|详细)?(?:请)?(?:参见|详见|参阅)[^，,。；;（()）]{0,40}[)）]?[。.]?$/u;
/** Decoration opening a toggle export's bullet ("📌 B+ 树非叶子节点只存键"); a cross or warning sign says something and stays. */
const openingDecoration = /^(?:(?![❌✖✗⛔🚫⚠])\p{Extended_Pictographic}\uFE0F?\s*)+/u;

/**
 * A sentence without what only decorates or points away from it: "生产上一般两者同时开启，参见 [[Redis持久化]]" was dropped
 * whole as a pointer elsewhere, losing the note's answer to "RDB 和 AOF 怎么选？"; "📌 叶子节点用链表相连" showed its pin.
 */
export function withoutDecoration(sentence: string): string {
  const bare = sentence.replace(openingDecoration, '');
  const pointed = bare.replace(closingPointer, '');
  return pointed.trim() === '' ? bare : pointed;
}
