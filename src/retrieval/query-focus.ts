/**
 * Query focusing: which part of a question is the question. Interviewers often lead in with what
 * they saw or heard before asking ("你们聊天消息是先写 RabbitMQ 再异步落 MySQL 的，那 redo log…",
 * "我看你简历上写了 web server，我想问一下…", "刚才你提到了 GC，那逃逸分析…"). The lead-in names
 * other topics of the notes, so searched at full weight it pulls the search to their notes.
 *
 * `splitPreamble` finds the lead-in by its discourse shape, never by topic words:
 * 1. a transition that opens a later clause — 那/那么/所以/请问/我想问/我问一下/换个话题…, or
 *    "so", "then", "my question is" in English — ends the lead-in: the rest is the focus;
 * 2. otherwise, a first clause that opens like a lead-in (我看你/刚才/你们/你说…) and asks
 *    nothing, with the clauses after it that ask nothing either, is the lead-in; the focus starts
 *    at the first clause that asks (？/什么/怎么/为什么/吗/哪…).
 * The lead-in is kept, down-weighted by the caller: a focus like "那它的缺点呢" needs its subject.
 *
 * `splitSetAside` finds what a question sets aside ("不用 Redis 的话，…", "除了共享内存之外，…",
 * "Without Redis, …"): the caller leaves it out of the search, so it pulls nowhere.
 * Pure string work, runtime-agnostic.
 */

export interface FocusedQuery {
  /** The question proper; the whole query when no lead-in was found. */
  focus: string;
  /** The lead-in before it, '' when none. */
  preamble: string;
}

/** A clause: text up to and including the punctuation or line break that closes it. */
const clausePattern = /[^，,。；;！!？?\n]+[，,。；;！!？?\n]*/gu;

/**
 * Transitions that open the clause carrying the actual question. 那 and 那么 only as a
 * conjunction: not 那个/那些/那种… (demonstratives) nor 那么多/那么快… (degree).
 */
const transition = new RegExp(
  [
    '^那么(?![多少大小快慢长短久高低重要])',
    '^那(?![么个些种时里边样儿位条份块段次年天件张篇])',
    '^所以',
    '^请问',
    '^(?:我)?想(?:问|了解)(?:一下|下)?',
    '^我(?:再)?问(?:你)?(?:一下|下|个问题)',
    '^(?:再)?问(?:一下|下)',
    '^换(?:个|一个)(?:方向|话题|问题)',
    '^接下来',
    '^回到',
    '^(?:so|then|my question is|i(?:\'d| would) like to ask|let me ask|i want to ask)\\b',
  ].join('|'),
  'iu',
);

/** How a clause opens when it reports the candidate's background rather than asking. */
const leadIn = /^(?:我看(?:到)?你|看(?:到)?你|你简历|简历上|刚才|你刚才|刚刚|你刚刚|前面|之前|你之前|你们|你说|你提到|聊了|聊到|you (?:said|mentioned|wrote)|i see (?:that )?you)/iu;

/** Words that make a clause a question. */
const asks = /[？?]|什么|怎么|怎样|为什么|为何|如何|哪|多少|几种|几个|吗|呢|是否|能否|能不能|可不可以|是不是|有没有|会不会|区别|\b(?:what|why|how|which|when|does|do|is|are|can)\b/iu;

interface Clause {
  /** Offset of the clause's first non-blank character in the query. */
  start: number;
  text: string;
}

function clausesOf(query: string): Clause[] {
  const clauses: Clause[] = [];
  for (const match of query.matchAll(clausePattern)) {
    const text = match[0].trim();
    if (text) clauses.push({ start: match.index + (match[0].length - match[0].trimStart().length), text });
  }
  return clauses;
}

/** Punctuation followed by more text: a query without it is one clause. */
const laterClause = /[，,。；;！!？?\n][^，,。；;！!？?\n]*[^\s，,。；;！!？?\n]/u;

/** Splits `query` into its lead-in and its focus (see the module comment). */
export function splitPreamble(query: string): FocusedQuery {
  if (!laterClause.test(query)) return { focus: query, preamble: '' };
  const clauses = clausesOf(query);
  if (clauses.length < 2) return { focus: query, preamble: '' };
  const at = (clause: Clause): FocusedQuery => ({
    focus: query.slice(clause.start).trim(),
    preamble: query.slice(0, clause.start).trim(),
  });
  // 1. The last clause after the first that opens with a transition starts the focus.
  for (let index = clauses.length - 1; index >= 1; index--) {
    if (transition.test(clauses[index]!.text)) return at(clauses[index]!);
  }
  // 2. A lead-in opener, then clauses that ask nothing, then the first that asks.
  if (!leadIn.test(clauses[0]!.text) || asks.test(clauses[0]!.text)) return { focus: query, preamble: '' };
  const firstAsking = clauses.findIndex((clause) => asks.test(clause.text));
  return firstAsking > 0 ? at(clauses[firstAsking]!) : { focus: query, preamble: '' };
}

export interface SetAsideQuery {
  /** The query without the phrases that set something aside (the whole query when none). */
  rest: string;
  /** What those phrases set aside ("Redis" of "不用 Redis 的话"), '' when nothing. */
  setAside: string;
}

/**
 * A clause that opens by setting something aside: "不用 X 的话", "除了 X（之外）", "不考虑 X",
 * "抛开 X 不谈", optionally after a conditional (如果/要是…) and a subject (你/我们). X runs to
 * a closing particle, the end of the clause, or a word that carries on with the question
 * (还/怎么/如何/拿/用/能/可以/要…). 而不是 / 为什么不用 are not set-asides: "为什么用 Y 而不用 X"
 * compares the two, so X is part of what is asked.
 */
const chineseSetAside = new RegExp(
  '^(?:如果|假如|要是|假设|若是?|倘若)?(?:说)?(?:你|我们|咱们)?(?:在)?' +
    '(?:不用|不使用|不借助|不依赖|不靠|不通过|不引入|不考虑|抛开|撇开|除了|除去)(?:使用|采用|用)?' +
    '\\s*(?<x>[^，,。；;！!？?\\n]{1,16}?)\\s*' +
    '(?:的话|的情况下|的前提下|之外|以外|外|不谈|不说|不算)?' +
    '(?=[，,。；;！!？?\\n]|$|还|怎么|如何|拿|用|改用|换|该|能|可以|要)',
  'u',
);

/** The same in English, opening a clause: "Without Redis, …", "Other than mutexes, …". */
const englishSetAside =
  /^(?:if (?:we|you|i) (?:don't|do not|can't|cannot|couldn't) use|other than|besides|apart from|aside from|except for|instead of|without(?: using)?)\s+(?<x>[^,;.?!\n]{1,40}?)\s*(?=[,;.?!\n]|$)/iu;

/**
 * "without X" inside an English clause, only when X is a name (Redis, ZooKeeper, C++): a plain
 * word there is usually how, not what ("without blocking", "without copying" ask about exactly that).
 */
const englishWithoutName = /\bwithout(?: using)?\s+(?:the\s+)?(?<x>[A-Z0-9][\w.+#-]*(?:\s+[A-Z][\w.+#-]*)?)/gu;

/** Any word that can open a set-aside: most queries have none and skip the clause work. */
const mightSetAside = /不用|不使用|不借助|不依赖|不靠|不通过|不引入|不考虑|抛开|撇开|除了|除去|\b(?:use|other than|besides|apart from|aside from|except for|instead of|without)\b/iu;

/** What the set-aside clause names cannot be a question word or point back to the lead-in. */
const notAName = /什么|怎么|哪|吗|呢|的话|它|这个|这种|那个|\b(?:what|how|which|why|it|this|that)\b/iu;

/**
 * A question about what happens without X is about X: "不用索引的话会怎样", "不考虑持久化会有什么问题".
 */
const asksConsequence =
  /会怎样|会怎么样|会有什么|会出现什么|有什么(?:问题|影响|后果|坏处|风险)|后果|影响|行不行|行吗|可以吗|可不可以|会不会|\bwhat (?:happens|would happen|goes wrong)\b/iu;

/**
 * Splits off what a question sets aside ("不用 Redis 的话，拿 ZK 怎么做分布式锁？" asks about ZK,
 * and "Redis" would pull the search to the Redis notes). Pure string work, like `splitPreamble`.
 */
export function splitSetAside(query: string): SetAsideQuery {
  if (!mightSetAside.test(query) || asksConsequence.test(query)) return { rest: query, setAside: '' };
  const removed: { start: number; end: number; x: string }[] = [];
  for (const clause of clausesOf(query)) {
    const match = chineseSetAside.exec(clause.text) ?? englishSetAside.exec(clause.text);
    const x = match?.groups?.x?.trim();
    if (match && x && !notAName.test(x)) removed.push({ start: clause.start, end: clause.start + match[0].length, x });
  }
  for (const match of query.matchAll(englishWithoutName)) {
    const start = match.index;
    if (removed.some((span) => start >= span.start && start < span.end)) continue;
    removed.push({ start, end: start + match[0].length, x: match.groups!.x!.trim() });
  }
  if (removed.length === 0) return { rest: query, setAside: '' };
  removed.sort((left, right) => left.start - right.start);
  let rest = '';
  let from = 0;
  for (const span of removed) {
    rest += query.slice(from, span.start);
    from = span.end;
  }
  rest = (rest + query.slice(from)).replace(/^[\s，,。；;]+/u, '').trim();
  if (!rest) return { rest: query, setAside: '' };
  return { rest, setAside: removed.map((span) => span.x).join(' ') };
}
