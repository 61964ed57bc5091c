/**
 * Statements: the clauses of a note or an answer, each with what contradiction checks need — its
 * content units (negation words removed, so "不阻塞" and "阻塞" meet), what each of its negations
 * denies, and which point of the note it belongs to. A clause is the unit a claim is made in:
 * "bgsave 不会阻塞主线程" says one thing, and denies 阻塞主线程.
 */
import { memoByText } from './grading-memo.ts';
import { profiledText, profileText, wordUnits } from './text-analysis.ts';

export interface Statement {
  /** The clause as written, for feedback ("你说 X，但笔记里是 Y"). */
  text: string;
  /** Normalised clause text (lower case, NFKC through profileText). */
  normalised: string;
  /** Content units with negation words removed. */
  units: Map<string, number>;
  /** What each negation denies: the units of the few characters after it. */
  scopes: Map<string, number>[];
  /** Index of the note point the clause belongs to; -1 for answer clauses. */
  point: number;
  /** Sentence index within its text: clauses of one sentence share a subject. */
  sentence: number;
}

/**
 * "不管" is "regardless" when an alternative or a question word follows it in its clause ("不管是…还是",
 * "不管 redo 有没有 prepare", "不管事务提没提交", "不管先到谁"), and "does not manage" otherwise ("它不管容器的生命周期").
 */
const regardless = String.raw`不管(?=[^，,。；;！!？?\n]*?(?:是否|还是|有没有|是不是|会不会|能不能|要不要|与否|或者|谁|什么|怎么|怎样|如何|多少|多大|多久|哪|几|([\u4e00-\u9fff])[没不]\1))`;

/**
 * "不等" is "unequal", as 不同 is "different", before 概率 / 长 / 式 / 的, a value or the end of its phrase ("不等概率", "长度不等，",
 * "长度不等的两个表", "不等 (2n+1)/3" for the unequal-probability case); before a word it negates "wait" or "equal" ("业务线程不等磁盘 IO",
 * "不等于 0", "不等 IO 返回").
 */
const unequal = String.raw`不等(?=概率|长|式|的|\s*(?:[^\u4e00-\u9fffa-z\s]|$))`;

/**
 * Words with a negating character that do not negate ("不同" is "different", "不停" is "continuously" as 不断 ("不停地发送 FIN 包"), "无论" is "whatever",
 * "不变性" / "不变量" / "不变式" is an invariant ("强三色不变性就是黑色对象永远不能指向白色对象" denies once, as the note does),
 * "区别" has nothing to deny). Removed before negations are counted. "不过" is "but", except in 永不过… and 不过期, which deny expiry
 * (「设置热点数据永不过期」 had read as asserting it).
 */
const notNegations = new RegExp(
  String.raw`会不会|是不是|能不能|有没有|有无|要不要|可不可以|对不对|好不好|不同|${unequal}|不断|不停|不仅|不只|不光|(?<!永)不过(?!期)|${regardless}|不论|无论|不少|非常|不久|不然|要不|除非|否则|是否|能否|可否|与否|未来|无数|不错|差不多|无非|不得不|不一定|并不多|不到位|不变(?=性|量|式)`,
  'gu',
);

/**
 * Clauses that hold a whether-question ("区别在于是否阻塞主线程", "取决于有没有加锁", "判断 channel 是否已经关闭") state
 * neither side of it: "主线程不阻塞" does not deny the first, and an answer's "看它是不是空的" denies nothing.
 */
export const asksWhether = /是否|能否|可否|与否|是不是|有没有|会不会|能不能|要不要|\bwhether\b/u;

/**
 * Negations: Chinese 不/没/无/非/未 (and verbs that deny: 避免 = "so that … does not"), English not/never/no, and the verbs that
 * deny what befalls their subject ("committed data survives the loss of a minority of nodes" is 数据也不会丢失, not a loss).
 */
const negation =
  /不|没|无|非|未|避免|防止|杜绝|免去|n't\b|\b(?:not|never|no|none|nothing|neither|nor|without|cannot|avoids?|prevents?|surviv(?:e|es|ed|ing)|tolerat(?:e|es|ed|ing)|withstands?)\b/giu;

/**
 * Whether a text has any negation. Without one (most clauses) nothing is masked, denied or removed:
 * the words that do not negate are CJK, so masking them with spaces creates no English word boundary.
 */
const anyNegation = new RegExp(negation.source, 'iu');

/** Characters after a negation that it denies ("不会阻塞主线程" denies 阻塞主线程, not the clause's subject). */
const scopeCharacters = 8;

/**
 * Modal and light verbs between a negation and what it denies: "不会占用", "不需要复制", "没有任何限制".
 * They carry no content of their own, so the scope starts after them and reaches as far past them.
 * Verbs of use or role ("不能用于…同步", "不能作为…手段") are read whole: "用" alone left "于同" as the first word
 * denied, which no note clause words the same ("主要作为…同步手段"), so the denial was never counted.
 */
const modal = /^\s*(?:会|能|可以|可能|需要|用于|用来|用作|作为|用|要|应该|必须|再|是|有|太|一定|任何|存在|允许|法|被|得)*/u;

/**
 * `text` from `start` to `end` in whole English words: one cut at the start is left out ("range" read as "ge"). One cut
 * at the end is left out too, or with `readOn` read to its end: a Chinese negation's few characters reach the identifier
 * after its verb ("不能标 noexcept" denies noexcept, not "noexcep"), where an English one has words enough.
 */
function wholeWords(text: string, start: number, end: number, readOn = false): string {
  let slice = text.slice(start, end);
  if (/[a-z0-9_]/i.test(text[start - 1] ?? '')) slice = slice.replace(/^[a-z0-9_]+/i, '');
  if (/[a-z0-9_]/i.test(text[end] ?? '')) slice = readOn ? slice + (/^[a-z0-9_]+/i.exec(text.slice(end))?.[0] ?? '') : slice.replace(/[a-z0-9_]+$/i, '');
  return slice;
}

/**
 * The text each negation of a clause denies, in order: the words that follow it (modal verbs
 * skipped), or the verb before a 不 that precedes a potential complement ("处理不了").
 */
export interface NegationScope {
  /** The negation word, where it stands in the clause, and the text it denies. */
  word: string;
  at: number;
  text: string;
  /** A 不 before a potential complement ("处理不了"): it denies the verb before it, the text's last word. */
  complement: boolean;
}

/**
 * 没 / 未 before a verb and 的 describe a thing by what has not happened to it yet: 「scheduler watch 到没调度的 Pod」 names the
 * pods not yet scheduled, it does not deny the note's 「更新到pod可以被调度」 (a correct answer to the pod creation flow scored 0
 * with that point marked wrong). 没有 before a noun and 的 says what a thing lacks, which does deny: 「没有亲缘关系的进程也能用匿名管道」
 * against 「只能在具有亲缘关系的进程间使用」. So does 「没有加锁的必要」, and 不 in 「实时性要求不高的场景」. `clause` is the normalised clause
 * the scope was read in.
 */
export function describesNotYet(scope: NegationScope, clause: string): boolean {
  if (scope.word !== '没' && scope.word !== '未') return false;
  if (clause.slice(scope.at, scope.at + 2) === '没有') return false;
  return /^[^的，,。；;]{1,6}?的(?!必要|话|时候|时|情况|可能)\s*[\u4e00-\u9fffa-z]/u.test(scope.text);
}

/**
 * Read once per clause text: the denial checks read every note clause's negations again for every answer
 * (14 % of the server thread under load). Shared, so read-only.
 */
export const negationScopeTexts: (normalised: string) => readonly NegationScope[] = memoByText(readNegationScopes);

function readNegationScopes(normalised: string): NegationScope[] {
  if (!anyNegation.test(normalised)) return [];
  const masked = normalised.replace(notNegations, (word) => ' '.repeat(word.length));
  return [...masked.matchAll(negation)].map((match) => {
    const at = match.index ?? 0;
    const start = at + match[0].length;
    // "处理不了", "做不到": a 不 before a potential complement denies the verb before it.
    if (match[0] === '不' && potentialComplement(masked, at, start)) return { word: match[0], at, text: wholeWords(masked, Math.max(0, at - 2), at), complement: true };
    const from = start + (modal.exec(masked.slice(start))?.[0].length ?? 0);
    const english = /[a-z]/i.test(match[0]);
    const text = wholeWords(masked, from, from + scopeCharacters + (english ? 16 : 0), !english);
    return { word: match[0], at, text: english ? text : withinCondition(text), complement: false };
  });
}

/**
 * A denial inside a condition stops where the condition's consequence starts: "2分钟没GC会强制跑一次" denies GC (if none ran,
 * one is forced), not 强制跑一次; "不加锁就会出问题" denies 加锁. Read to the clause's end, such a clause "mostly denied" and was
 * set aside as evidence, so a right answer saying when the forced GC runs made no point.
 */
const consequence = /就|便|则|的话|会(?![话员议计合])/u;

function withinCondition(text: string): string {
  const found = consequence.exec(text);
  return found && found.index > 0 ? text.slice(0, found.index) : text;
}

/** Characters after a 不 that make it a potential complement of the verb before it ("处理不了", "做不到"). */
const complementAfter = /^[了到动完出起住下掉来去清懂成着上]/u;
/** Words those characters open, which 不 simply negates ("不了解", "不完全", "不出现", "不清楚"). */
const wordAfter = /^(?:了解|完全|完整|完善|完成|出现|清楚|清晰|成功|成立|上线|下降|动态|来源|来自|去除)/u;
/** Adverbs, pronouns and particles: a 不 after one negates what follows ("一点都不了解"), there is no verb before it. */
const notAVerb = /[都也并还就却又再很绝从决可而且仍总均亦已我你他她它们是的了地得这那并]/u;

function potentialComplement(masked: string, at: number, start: number): boolean {
  const after = masked.slice(start);
  const before = masked[at - 1] ?? '';
  return complementAfter.test(after) && !wordAfter.test(after) && /[\u4e00-\u9fff]/u.test(before) && !notAVerb.test(before);
}

/** The units each negation of a clause denies, in order (negationScopeTexts read as words). */
function negationScopes(normalised: string): Map<string, number>[] {
  // A potential complement denies its verb with the complement and what follows, as any negation denies what follows it:
  // "看不到新插入的行" denies 看到新插入的行, which "能看到新插入的行" asserts (看 alone is no word of it).
  return negationScopeTexts(normalised).map((scope) =>
    unitsWithoutNegation(scope.complement ? scope.text + normalised.slice(scope.at + 1, scope.at + 1 + scopeCharacters) : scope.text, wordUnits),
  );
}

/** The clause's words without its negations, so that what is asserted and what is denied meet. */
export function unitsWithoutNegation(text: string, units: (text: string) => Map<string, number> = profileUnits): Map<string, number> {
  if (!anyNegation.test(text)) return units(text);
  // Without its 不 a potential complement joins its verb again ("看不到" → 看到), as the answer that asserts it writes it.
  const complements = negationScopeTexts(text).filter((scope) => scope.complement).map((scope) => scope.at);
  const normalised = complements.length ? text.split('').filter((_, index) => !complements.includes(index)).join('') : text;
  let kept = '';
  let from = 0;
  for (const match of normalised.matchAll(notNegations)) {
    kept += normalised.slice(from, match.index).replace(negation, ' ') + match[0];
    from = (match.index ?? 0) + match[0].length;
  }
  return units(kept + normalised.slice(from).replace(negation, ' '));
}

function profileUnits(text: string): Map<string, number> {
  return profileText(text).units;
}

/** Clause boundaries: sentence ends and commas, in both languages. */
// A full-width colon ends a label ("性能开销：Raft 对每个写操作都…"): what follows is a claim of its own. A colon before a
// number gives the label its value ("输出 #goroutines: 2", "超时时间：30 秒"): the number needs its label to be compared.
const clauseEnd = /(?<=[。！？!?；;，,\n])|(?<=：)(?!\s*\d)|(?<=[.;])\s+|(?<=:)\s+(?!\d)/u;
// A clause cut at ". " keeps its full stop without the space: it ends a sentence as much as "。" does, unless it ends an
// abbreviation ("(e.g. 45%, by default)").
const sentenceEnd = /[。！？!?；;\n]|(?<!\b(?:e\.g|i\.e|etc|vs|cf|approx|incl|resp|a\.k\.a))\.(?:\s|$)/iu;

/**
 * A spoken topic set off on its own ("然后那个 Work Stealing 的话，", "至于 binlog 呢，"): what the next clause says is said of it
 * ("其实 GMP 里面并没有实现"), so the two are read as one clause.
 */
const spokenTopic = /^(?:然后|那么?|而|至于|对于|说到|关于)?(?:那个|这个)?[^，,。；;！？!?]{1,20}?(?:的话|呢)\s*[，,]$/u;

/** The text's clauses, a spoken topic joined to the clause it introduces. */
function clausesOf(text: string): string[] {
  const pieces: string[] = [];
  let topic = '';
  for (const piece of text.split(clauseEnd)) {
    if (spokenTopic.test(piece.trim())) {
      topic += piece;
      continue;
    }
    // An English predicate with no subject of its own ("…, doesn't lose any committed data") finishes the clause before it,
    // past an aside ("losing a minority of nodes, including the old leader, doesn't lose…"): read apart, "losing a minority
    // of nodes" said the opposite of the note's 数据也不会丢失.
    if (!topic && pieces.length && subjectlessPredicate.test(piece)) {
      const aside = pieces.length > 1 && englishAside.test(pieces[pieces.length - 1]!);
      const joined = (aside ? pieces.splice(-2).join('') : pieces.pop()!) + piece;
      pieces.push(joined);
      continue;
    }
    pieces.push(topic + piece);
    topic = '';
  }
  if (topic) pieces.push(topic);
  return pieces;
}

// "don't" and "never" open advice as often ("Common fixes: don't let hot keys expire"), which has no subject to find.
const subjectlessPredicate = /^\s*(?:doesn't|does not|won't|will not|can't|cannot|can not|isn't|aren't|is not|are not)\b/iu;
const englishAside = /^\s*(?:including|such as|especially|e\.g\.|like)\b/iu;

export function statementsOf(text: string, point = -1, sentenceOffset = 0): Statement[] {
  const statements: Statement[] = [];
  let sentence = sentenceOffset;
  for (const piece of clausesOf(text)) {
    const clause = piece.trim();
    if (clause) {
      // Only the clause's text is read here; its units are those of the text without negations.
      const normalised = profiledText(clause);
      // Most clauses negate nothing: tested once here, not again by each of the two readers below.
      const negated = anyNegation.test(normalised);
      const units = negated ? unitsWithoutNegation(normalised) : profileUnits(normalised);
      if (units.size > 0) {
        statements.push({ text: clause, normalised, units, scopes: negated ? negationScopes(normalised) : [], point, sentence });
      }
    }
    if (sentenceEnd.test(piece)) sentence += 1;
  }
  return statements;
}

/** The units of one sentence's clauses, each at its highest weight: what a clause's whole sentence is about. */
export function sentenceUnits(statements: readonly Statement[], sentence: number): Map<string, number> {
  const units = new Map<string, number>();
  for (const statement of statements) {
    if (statement.sentence !== sentence) continue;
    for (const [unit, weight] of statement.units) units.set(unit, Math.max(weight, units.get(unit) ?? 0));
  }
  return units;
}

/** Weight of the units two statements share, leaving out `ignored` (the question's words). */
export function sharedWeight(a: Statement, b: Statement, ignored: ReadonlySet<string>): { shared: number; ofA: number; ofB: number; words: number } {
  return { ...sharedOf(a, b, ignored), ofA: weightOf(a, ignored), ofB: weightOf(b, ignored) };
}

/**
 * sharedWeight's parts, for a caller that holds one clause against many (contradictions.ts's align): a clause's own
 * weight does not depend on the other one. Sums run in the same order, so the figures are the same to the last bit.
 */
export function sharedOf(a: Statement, b: Statement, ignored: ReadonlySet<string>): { shared: number; words: number } {
  let shared = 0;
  let words = 0;
  for (const [unit, weight] of a.units) {
    if (ignored.has(unit) || !b.units.has(unit)) continue;
    shared += conceptDiscount(unit, Math.min(weight, b.units.get(unit) ?? 0));
    if (!unit.startsWith('~') && weight >= 0.9) words += 1;
  }
  return { shared, words };
}

/** A statement's weight, leaving out `ignored`. */
export function weightOf(statement: Statement, ignored: ReadonlySet<string>): number {
  let weight = 0;
  for (const [unit, own] of statement.units) if (!ignored.has(unit)) weight += conceptDiscount(unit, own);
  return weight;
}

/** A glossary concept mostly repeats the words it was found in ("数据" gives ~data); it bridges languages, little more. */
function conceptDiscount(unit: string, weight: number): number {
  return unit.startsWith('~') ? 0.3 * weight : weight;
}

/**
 * How much of a note clause's own words (glossary concepts left out) another text holds: as a share of the clause, and as
 * weight. The cues that read a clause beside the note's (random-order.ts, given-means.ts, reversed-transfers.ts) ask both.
 */
export function heldOf(noted: ReadonlyMap<string, number>, said: ReadonlyMap<string, number>): { share: number; weight: number } {
  let total = 0;
  let weight = 0;
  for (const [unit, own] of noted) {
    if (unit.startsWith('~')) continue;
    total += own;
    if (said.has(unit)) weight += own;
  }
  return { share: total > 0 ? weight / total : 0, weight };
}

/**
 * A character that may deny ("不会推给", "没有挂在", "无需"): the cues that compare what is plainly asserted (placements.ts,
 * reversed-transfers.ts) leave a clause holding one alone, whatever its negation scopes read.
 */
export const denyingCharacter = /不|没|无|未|非/u;

/** A clause's text with its spaces taken out, as the cues that match the notes' words across spaces read it. */
export const spaceless = (text: string) => text.replace(/\s+/g, '');

/** The clause right before `said` in its sentence, if any: what a clause that names nothing of its own goes on about. */
export function clauseBefore(said: Statement, clauses: readonly Statement[]): Statement | undefined {
  const at = clauses.indexOf(said);
  const before = at > 0 ? clauses[at - 1] : undefined;
  return before && before.sentence === said.sentence ? before : undefined;
}

/** An answer clause and the note clause it contradicts, as each contradiction cue finds them. */
export interface ClauseClash {
  said: Statement;
  /** The note clause it contradicts. */
  notes: Statement;
}
