/**
 * The subjects a question and its note contrast ("数组和切片", "穿透和雪崩", the labels and lead lines a note describes in
 * turn), and which of them a clause names. Role swaps (role-swaps.ts) and claim readings read clauses by these.
 */
import { firstOfTwoOpener, secondOfTwoOpener } from './answer-subjects.ts';
import { definedNames } from './defined-names.ts';
import { cutsLatinWord, isIdentifier } from './latin-words.ts';
import { isFunctionCharacter, profiledText } from './text-analysis.ts';
import { escapeRegExp } from '../text/regexp.ts';

/** Labels that organise a note but are not things ("缺点：", "解决："). */
const genericLabel = /^(?:优点|缺点|优势|劣势|原因|作用|解决|解决方案|方案|方法|总结|注意|例如|比如|特点|区别|场景|问题|结论|答案|代表语言|好处|坏处|适用场景|步骤|流程|过程|原理|定义|举例|补充|核心|关键|前提|结果)$/u;

/** What introduces a labelled list after its subject: 有, 分别有, 主要包括, 是. */
const listVerb = /(?:分别|主要|一般|通常)?(?:有|是|包括|包含|为)$/u;

/** A Latin name, hyphens and dots included (kube-proxy, node.js): named whole, never cut to what it shares with another. */
const latinName = /^[a-z0-9_+#.\-]+$/u;

const term = String.raw`((?:[a-z0-9_+#.\-]+)?[\u4e00-\u9fff]{2,}|[a-z0-9_+#.\-]{2,})`;
/**
 * 同 joins two terms ("A同B的区别"), not inside a word: 相同, 不同, 共同, 同样, 同步 ("核心数相同的情况下" had made 的情况下 a subject).
 * 同时 is still read as joining: "多个 case 同时就绪" gives the subject case, which the denial of "case后面跟的必须是…" rests on.
 */
const withConjunction = String.raw`(?<![相不共等一如协认合赞])同(?![样步意一类等理期])`;
const contrast = new RegExp(String.raw`${term}(?:和|与|跟|以及|及|${withConjunction}|还是|或者?|而不是|而非|而没用|vs\.?|versus|、|\/(?![\d.])|\band\b|\bor\b|\binstead of\b|\brather than\b)${term}`, 'giu');

/** Text as subjects are looked up in: normalised, without spaces or a slash inside a word ("I/O 密集型" = "io密集型"). */
export const compact = (text: string) => compactNormalised(profiledText(text));
export const compactNormalised = (normalised: string) => normalised.replace(/\s+/g, '').replace(/(?<=[a-z])\/(?=[a-z])/g, '');

/** The longest end (or start) of a run, two characters or more, that the note itself uses. */
export function inNote(run: string, side: 'end' | 'start', note: string): string | undefined {
  const characters = Array.from(run);
  for (let length = characters.length; length >= 2; length -= 1) {
    const piece = (side === 'end' ? characters.slice(-length) : characters.slice(0, length)).join('');
    if (note.includes(piece)) return piece;
  }
  return undefined;
}

/**
 * The shared start a subject was cut from ("穿透" ← 缓存): "缓存穿透是…" names 穿透 though a CJK
 * character comes before it. A fact about the words, the same whichever question found it.
 */
const cutPrefixes = new Map<string, Set<string>>();

function recordPrefix(subject: string, prefix: string): void {
  if (!prefix) return;
  const known = cutPrefixes.get(subject) ?? new Set<string>();
  cutPrefixes.set(subject, known.add(prefix));
}

/** Drops what both terms share at either end ("缓存穿透", "缓存雪崩" → "穿透", "雪崩"), keeping two characters. */
function distinct(left: string, right: string): [string, string] {
  let a = Array.from(left);
  let b = Array.from(right);
  let prefix = '';
  while (a.length > 2 && b.length > 2 && a[0] === b[0]) (prefix += a[0]), (a = a.slice(1)), (b = b.slice(1));
  recordPrefix(a.join(''), prefix);
  recordPrefix(b.join(''), prefix);
  while (a.length > 2 && b.length > 2 && a.at(-1) === b.at(-1)) (a = a.slice(0, -1)), (b = b.slice(0, -1));
  return [a.join(''), b.join('')];
}

/**
 * A head noun written once after the second term belongs to both ("IO 密集型和计算密集型任务" contrasts IO 密集型 and 计算密集型
 * tasks): the second term ends where the first one's ending does. An answer says "计算密集型要多开线程", not 计算密集型任务.
 */
function withoutSharedHead(left: string, right: string): [string, string] {
  const cut = (term: string, other: string) => {
    const characters = Array.from(term);
    for (let length = Math.min(4, Array.from(other).length); length >= 2; length -= 1) {
      const ending = Array.from(other).slice(-length).join('');
      const at = characters.join('').lastIndexOf(ending);
      const rest = characters.join('').slice(at + ending.length);
      if (at > 0 && rest.length > 0 && Array.from(rest).length <= maximumSharedHead && /^[\u4e00-\u9fff]+$/u.test(rest)) return characters.join('').slice(0, at + ending.length);
    }
    return term;
  };
  return [cut(left, right), cut(right, left)];
}

/** Longest head noun (characters) read as shared by both terms: 任务, 算法, 模式. */
const maximumSharedHead = 3;

/** 它 (or 这个) opening a clause that compares it ("…，那它跟观察者模式有什么不一样？"), after the clause that named it. */
const comparedPronoun = /([，,；;。？?])((?:那么?|那)?)(?:它们?|这个)(?=和|与|跟|同|相比|比起?)/u;

/**
 * A spoken question names one thing and then compares it by a pronoun: 「你项目里用的是reactor模式，那它跟观察者模式有什么不一样？」
 * contrasts reactor模式 and 观察者模式, but no term stands before 跟. The pronoun is read as the last term of the clause before.
 */
function withPronounNamed(compactQuestion: string): string {
  const found = comparedPronoun.exec(compactQuestion);
  if (!found) return compactQuestion;
  const before = compactQuestion.slice(0, found.index).split(/[，,；;。？?！!]/u).at(-1) ?? '';
  const named = [...before.matchAll(new RegExp(term, 'giu'))].at(-1)?.[0];
  if (!named) return compactQuestion;
  return compactQuestion.slice(0, found.index) + found[1] + found[2] + named + compactQuestion.slice(found.index + found[0].length);
}

/** The subjects of a question and its note, as compact normalised strings. */
export function subjectsOf(question: string, noteText: string, pointTexts: readonly string[], leads: readonly (string | undefined)[] = []): string[] {
  const subjects = new Set<string>();
  const note = compact(noteText);
  const compactQuestion = withPronounNamed(compact(question));
  for (const match of compactQuestion.matchAll(contrast)) {
    // A second term ending in 的 right before a word qualifies that word, so the list's items are "X的N": "nil 的 channel、正常的
    // channel" matched as channel / 正常的 and read the note's "正常channel 成功或阻塞" as said of channel, so "正常的读写成功或阻塞"
    // was a swap. A term the question ends with 的 ("LFU 淘汰是怎么实现的？") is only a long term.
    if (/的$/u.test(match[2]!) && /^[\u4e00-\u9fffa-z0-9]/u.test(compactQuestion.slice(match.index! + match[0].length))) continue;
    const found: { left?: string | undefined; right?: string | undefined } = { left: inNote(match[1]!, 'end', note), right: inNote(match[2]!, 'start', note) };
    if (!found.left && !found.right) continue;
    // One side found only as a piece of the other ("半连接还是全连接" against a note with 全连接 and 连接 alone)
    // is that other word's missing counterpart; identifiers are whole words (save / bgsave are two things).
    if (found.left && found.right && found.left !== found.right && !(isIdentifier(found.left) && isIdentifier(found.right))) {
      if (found.right.includes(found.left)) found.left = undefined;
      else if (found.left.includes(found.right)) found.right = undefined;
    }
    // A note often describes only one of the two things the question contrasts ("缓存穿透和缓存雪崩" with a
    // note about 雪崩 alone): the other is then the question's word of the same length, so an answer that
    // gives it the described one's properties is still a swap.
    const left = found.left ?? Array.from(match[1]!).slice(-Array.from(found.right!).length).join('');
    const right = found.right ?? Array.from(match[2]!).slice(0, Array.from(found.left!).length).join('');
    // Two names each followed by what is done with them ("malloc/new 申请、free/delete 释放") contrast the names: an answer
    // gives one name the other's description without repeating the verb ("malloc/new 会去合并空闲内存块").
    const [nameA, nameB] = [latinHead(left), latinHead(right)];
    // A Latin name beside one that runs into the words after it ("lru 和 lfu 是怎么实现的", "ntohl、ntohs 这几个") is that
    // name alone: cut to what the two do not share, they had read as "ru" and "fu是", "hl" and "hs这".
    const [wholeA, wholeB] = [latinName.test(left) ? left : nameA, latinName.test(right) ? right : nameB];
    if (wholeA && wholeB && wholeA !== wholeB && (nameA || nameB)) {
      subjects.add(wholeA).add(wholeB);
      continue;
    }
    if (nameA && nameB && nameA !== nameB) {
      subjects.add(nameA).add(nameB);
      continue;
    }
    // The word supplied must not be in the note, and must be a name rather than an index or a version (a1、a2).
    const supplied = found.left ? (found.right ? undefined : right) : left;
    if (supplied !== undefined && (note.includes(supplied) || /\d/u.test(supplied))) continue;
    // Identifiers are told apart as whole words (save / bgsave, kubelet / kube-proxy); Chinese terms that contain each other
    // are one thing (数组 / 动态数组).
    const identifiers = latinName.test(left) && latinName.test(right);
    const [a, b] = identifiers ? [left, right] : withoutSharedHead(...distinct(left, right));
    // Versions alone (HTTP/1.1 vs HTTP/2 → 1.1, 2) are not things a description can be given to.
    if (a !== b && (identifiers || (!a.includes(b) && !b.includes(a))) && /[\u4e00-\u9fffa-z]/u.test(a) && /[\u4e00-\u9fffa-z]/u.test(b)) subjects.add(a).add(b);
  }
  const labels = pointTexts.flatMap(pointLabels);
  // What the question contrasts is what can be swapped; the note's row labels ("多线程：", "易用性：") are
  // then aspects of those subjects, not subjects of their own. Unless they are named things of the same kind: asked about
  // controller-manager and scheduler, the K8s note's other components (「kubelet：负责 Pod 生命周期…」「kube-proxy：…」) are
  // things an answer can give each other's work to, as 「Pod 的生命周期和状态上报是 kube-proxy 在做」 did.
  if (subjects.size >= 2) {
    const named = labels.filter((label) => latinName.test(label));
    if ([...subjects].some((subject) => named.includes(subject))) for (const label of named) subjects.add(label);
    return [...subjects];
  }
  for (const label of labels) subjects.add(label);
  if (subjects.size < 2) for (const name of definedNames(pointTexts)) subjects.add(name);
  if (subjects.size < 2) for (const name of namedLeads(leads)) subjects.add(name);
  return [...subjects];
}

/**
 * The things a point is labelled with: "值类型分别有：…" labels 值类型, the verb that introduces the list is not part of the
 * subject; a gloss in brackets after the label is the same thing's other name ("消息队列( message queue ) ：" labels 消息队列).
 * A list's lead-in often shares the line with its first item, which is labelled too: 「节点层包括：kubelet：负责…」.
 */
function pointLabels(text: string): string[] {
  const labels: string[] = [];
  let rest = compact(text);
  for (let depth = 0; depth < 2; depth += 1) {
    const found = /^([^：:，,。；;]{2,10})[：:]/u.exec(rest.replace(/^([^：:，,。；;()]{2,10})\([^()]{1,30}\)(?=[：:])/u, '$1'));
    if (!found) break;
    const raw = found[1]!;
    const label = raw.replace(listVerb, '');
    if (isThingLabel(label)) labels.push(label);
    // Only a lead-in that introduces a list ("包括：") has an item after it; "Etcd：担任…：" does not.
    if (label === raw) break;
    rest = rest.slice(rest.indexOf(raw) + raw.length + 1);
  }
  return labels;
}

/** A thing is named by a word or a name, not by a phrase ("正常的", "意思是说"), a number or a code fragment ("ch<-(写)"). */
function isThingLabel(label: string): boolean {
  return Array.from(label).length >= 2 && !genericLabel.test(label) && /^[\u4e00-\u9fffa-z0-9_.\-+# ]+$/u.test(label) && /[\u4e00-\u9fffa-z]/u.test(label) && !/的$|是|说|下面|以下|如下|[几两]点/u.test(label);
}

/**
 * Lines that only name what the points under them are about ("HTTP/2" and "HTTP/3" over their bullets, "Q：JWT 怎么工作？" is
 * no name): two or more such names are the note's subjects, as two labels are.
 */
function namedLeads(leads: readonly (string | undefined)[]): string[] {
  const names = new Set<string>();
  for (const lead of leads) {
    const name = lead === undefined ? '' : compact(lead).replace(/[：:]$/u, '');
    if (Array.from(name).length >= 2 && Array.from(name).length <= 12 && /^[\u4e00-\u9fffa-z0-9_.\-+#/]+$/u.test(name) && /[\u4e00-\u9fffa-z]/u.test(name) && !genericLabel.test(name)) names.add(name);
  }
  return names.size >= 2 ? [...names] : [];
}

/** The Latin name a term opens with when words of another script follow it ("mallocnew申请" → mallocnew). */
const latinHead = (term: string) => /^([a-z][a-z0-9_+#.\-]+)[\u4e00-\u9fff]/u.exec(term)?.[1];

/** Subjects a clause names as words of their own (not 动态数组 for 数组, not bgsave for save). */
export function mentioned(text: string, subjects: readonly string[]): string[] {
  return subjects.filter((subject) => {
    for (let index = text.indexOf(subject); index >= 0; index = text.indexOf(subject, index + 1)) {
      const before = text[index - 1] ?? ' ';
      // Only its end is read as a Latin word's; its start must follow no word character of any script (below).
      const wordEnds = !isIdentifier(subject) || !cutsLatinWord(text, index + subject.length);
      const prefix = [...(cutPrefixes.get(subject) ?? [])].find((start) => text.slice(0, index).endsWith(start));
      const opening = prefix ? (text[index - prefix.length - 1] ?? ' ') : before;
      // A Latin name of three letters or more starts a word after a CJK character ("消息载体 routing key：" compacts to
      // "消息载体routingkey"); a CJK subject there may be the end of a longer word, and a letter or two may be anything.
      const startsWord = !/[\u4e00-\u9fffa-z0-9]/u.test(opening) || isFunctionCharacter(opening) || (/^[a-z][a-z0-9_\-+#.]{2,}$/u.test(subject) && /[\u4e00-\u9fff]/u.test(opening));
      // Part of a longer subject written there, it names that one: "信号量是一个计数器" names 信号量, not 信号.
      const inLonger = subjects.some((other) => other.length > subject.length && other.includes(subject) && text.startsWith(other, index - other.indexOf(subject)));
      if (startsWord && wordEnds && !inLonger) return true;
    }
    return false;
  });
}

/**
 * The subjects a clause names without those that only qualify another ("同一进程内的线程共享内存空间" is about 线程:
 * 进程 says where the threads are). A subject followed by 的 (or 内的 / 中的 / 里的) and then another subject qualifies it.
 */
export function withoutQualifiers(text: string, named: readonly string[]): string[] {
  if (named.length < 2) return [...named];
  return named.filter((subject) => !named.some((other) => other !== subject && new RegExp(`${escapeRegExp(subject)}(?:内|中|里)?的${escapeRegExp(other)}`, 'u').test(text)));
}

/** "一个是 X，…；另一个是 Y，…": the two things an answer sets side by side, each a name of its own. */
const firstOfTwo = new RegExp(String.raw`${firstOfTwoOpener}\s*([a-z][a-z0-9_.\- ]{1,24}?|[\u4e00-\u9fff]{2,8}?)\s*(?:[，,：:；;]|它|就是)`, 'iu');
const secondOfTwo = new RegExp(String.raw`${secondOfTwoOpener}\s*([a-z][a-z0-9_.\- ]{1,24}?|[\u4e00-\u9fffa-z]{2,8}?)\s*(?:[，,：:；;]|它|就是)`, 'iu');

/**
 * Subjects for a note the question contrasts nothing in: the two things an answer sets side by side, when the note names
 * both. "一个是windows-lfu，它是引入访问次数平均值的概念…；另一个是lfu aging，就是…每隔一段时间把访问次数做一次衰减"
 * gives each method the other's description, which only reads as a swap once the two are subjects.
 */
export function withAnswerSubjects(subjects: readonly string[], answer: string, noteText: string): readonly string[] {
  if (subjects.length >= 2) return subjects;
  const [first, second] = [firstOfTwo.exec(answer)?.[1], secondOfTwo.exec(answer)?.[1]].map((name) => (name === undefined ? undefined : compact(name)));
  if (!first || !second || first === second || first.includes(second) || second.includes(first)) return subjects;
  const note = compact(noteText);
  return note.includes(first) && note.includes(second) ? [first, second] : subjects;
}
