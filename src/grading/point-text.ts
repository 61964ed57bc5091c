/**
 * The text of one key point: a whole claim, as a candidate could be asked to make it — without the
 * marks it was cut with, without a label that states nothing, and, when a sentence is too long for
 * one point, cut where one claim ends and the next begins.
 */

/** Below this many content characters a fragment is a label or a connective, not a point. */
export const minimumPointCharacters = 6;

/** Content size: Chinese characters plus ASCII word characters, ignoring punctuation and spaces. */
export function contentLength(text: string): number {
  // Counted by code unit, without an array of matches: every counted character is one UTF-16 unit,
  // and the halves of a surrogate pair fall in none of the ranges.
  let count = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39)) count += 1;
  }
  return count;
}

/** Whether an opening bracket before this point is still open. */
export function insideBrackets(before: string): boolean {
  return (before.match(/[（(]/gu) ?? []).length > (before.match(/[)）]/gu) ?? []).length;
}

/** Words that name the kind of what follows a lead-in ("…的处理办法是", "主要有三种可能的原因：", "共三个阶段："). */
const followingKinds = '办法|方法|方式|做法|步骤|过程|流程|原因|区别|原理|思路|阶段|策略|方案|作用|场景';

/** A line that leads into the next without a colon ("Raft对只读操作的处理办法是"): part of what follows. */
export const leadsIn = new RegExp(`(?:${followingKinds})(?:是|为|如下)$`, 'u');

/**
 * One clause that names the kind of what follows and stops there, with or without a colon: "主要有三种可能的原因：", "具体的实现如下",
 * "共三个阶段：". A claim before a code block ends in a colon too ("一个函数中如果有多个defer，运行顺序和调用顺序相反：").
 */
export const namesWhatFollows = new RegExp(`^[^，,。；;！？!?]*(?:${followingKinds}|如下|以下|[一二三四五六七八九两几\\d]+(?:点|种|个|类|步))(?:是|为|有|如下)?[：:]?$`, 'u');

/**
 * An answer's clause that only leads in ("Raft对只读操作的处理办法是", "缺点是，", "原因主要有："), its claim left unsaid or in the
 * clauses after it: it names what the answer is about and makes none of it. The verb is needed: "用的是写时复制的方法" is a claim.
 */
export const onlyLeadsIn = new RegExp(`^[^，,。；;！？!?]*(?:(?:${followingKinds}|特点|优点|缺点|好处|坏处|结果|答案|本质|目的|关键)(?:就|主要|其实|大概|一般)?(?:(?:是|为|有|在于|如下|包括)\\s*[：:，,…。.]*|\\s*[：:]\\s*)|(?:如下|以下)(?:几点|这些|[一二三四五六七八九两几\\d]+(?:点|种|个|类|步))?\\s*[：:，,…。.]*)$`, 'u');

/**
 * Labels that organise a note but state nothing ("**解析：**", "详细：", "答："): a point is the claim
 * after them. Labels that say what kind of point follows (缺点：, 好处：) stay: they are part of it.
 */
export const emptyLabels = ['解析', '详细', '详解', '解答', '答', '答案', '参考答案', '回答', '分析', '说明', '补充', '备注', '总结', '小结', 'answer', 'explanation'];

/** Any of `labels` opening a text, with its colon and the spaces around it. */
export const openingLabel = (labels: readonly string[]) => new RegExp(`^(?:${labels.join('|')})\\s*[：:]\\s*`, 'iu');

const emptyLabel = openingLabel(emptyLabels);

/**
 * A sentence as a point: without stray punctuation or an unmatched quote mark it was cut from ("“ 调用 schedlock…",
 * "。 。 本来…"), an emoji shortcode (":heavy_check_mark:") or a lone letter after its full stop ("…锁粒度。 S").
 */
export function tidyPoint(sentence: string): string {
  let text = sentence.trim().replace(/:[a-z_]+:\s*/g, '').replace(/([。！？!?])\s+[A-Za-z]$/u, '$1');
  text = text.replace(/^[。，,；;、：:）)\s]+|[，,\s]+$/gu, '');
  if (/^[A-Za-z]$/.test(text)) return '';
  for (const [open, close] of [['“', '”'], ['"', '"'], ['「', '」']] as const) {
    const opens = text.split(open).length - 1;
    const closes = open === close ? 0 : text.split(close).length - 1;
    if (text.startsWith(open) && (open === close ? opens % 2 === 1 : opens > closes)) text = text.slice(open.length).trim();
  }
  return text;
}

/** "解析： …" → "…". */
export function withoutLabel(text: string): string {
  return text.replace(emptyLabel, '');
}

/** A clause that only connects to the next one ("因此，", "但是，"), or leads into it ("…的是，"). */
const dangling = /^(?:因此|所以|但是|不过|而且|并且|然后|同时|另外|此外|于是|即|则|也就是说|比如|例如)[，,]?$|(?:因此|所以|但是|而且|并且|的是|就是|即|则|如下)[，,]$/u;

/**
 * A text longer than `maximum` characters split at clause boundaries into whole claims: a piece never
 * ends on a clause that only connects to the next ("…，因此，" carries 因此 on), and a new piece starts
 * before a clause that opens a claim of its own (因此/所以/但是/同时…) when there is one nearby.
 */
export function wholeClaims(text: string, maximum: number): string[] {
  if (text.length <= maximum) return [text];
  const pieces: string[] = [];
  let current: string[] = [];
  const size = (clauses: readonly string[]) => clauses.join('').length;
  for (const clause of clausesOutsideBrackets(text)) {
    if (current.length && size([...current, clause]) > maximum * 0.6) {
      // Carry trailing connectives over to the piece they introduce.
      const carried: string[] = [];
      while (current.length > 1 && dangling.test(current.at(-1)!.trim())) carried.unshift(current.pop()!);
      pieces.push(current.join(''));
      current = carried;
    }
    current.push(clause);
  }
  if (current.length) pieces.push(current.join(''));
  return pieces.map((piece) => piece.trim().replace(/[，,\s]+$/u, ''));
}

/**
 * Clauses ending at a comma outside brackets: "Properties: roughly time-ordered (good for B-tree primary keys, unlike random
 * UUIDv4), no central coordinator…" is not cut inside its aside, which left "unlike random UUIDv4)" opening a point.
 */
function clausesOutsideBrackets(text: string): string[] {
  const clauses: string[] = [];
  let depth = 0;
  let current = '';
  for (const character of text) {
    current += character;
    if (/[（(]/u.test(character)) depth += 1;
    else if (/[）)]/u.test(character)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && /[，,]/u.test(character)) (clauses.push(current), (current = ''));
  }
  if (current) clauses.push(current);
  return clauses;
}

/** A short name before a colon, with no verb ("引用计数：", "优点：", "LRU:"): it introduces what follows and claims nothing. */
export function isBareLabel(text: string): boolean {
  const label = /^(.{1,12})[：:]$/u.exec(text.trim())?.[1];
  return label !== undefined && !/[是为有会能在把被]|\b(?:is|are|has|have|does)\b/iu.test(label);
}

/** A chain of arrows ("CLOSED->LISTEN->SYN收到->ESTABLISHED"): two arrows on one line. */
export const arrowChain = /(?:->|→|=>|⇒)[^\n]*?(?:->|→|=>|⇒)/u;
