/**
 * How denied-claims.ts reads a claim: the content words of a clause, what a note clause asserts and
 * denies, which of the question's things (role-swaps.ts's subjects) a clause is about, and whether an
 * answer clause and a note claim are about the same matter at all.
 */
import { predicateKeys } from '../text/antonyms.ts';
import { memoByObject, memoByText } from './grading-memo.ts';
import { mentioned } from './note-subjects.ts';
import { asksWhether, negationScopeTexts, type NegationScope, type Statement } from './statements.ts';
import { profileText } from './text-analysis.ts';

/** Weight of a unit that is a word of content (not a function-character bigram). */
const contentWeight = 0.9;

/**
 * Content units of a text, glossary concepts and cross-language predicates included. Read once per text:
 * the denial checks ask again for the same clauses (every note clause for every answer, each answer clause
 * for each clause after it in its sentence), and each reading ran every cross-language pattern over it.
 * Shared, so read-only: copy before adding to it.
 */
export const contentKeys: (text: string) => ReadonlySet<string> = memoByText(readContentKeys);

/** A text's content keys that are words, glossary concepts (~cache) and antonym classes (≈majority) left out. */
export function wordKeys(text: string): string[] {
  return [...contentKeys(text)].filter((key) => !isConceptKey(key));
}

/** A key that stands for a glossary concept or an antonym class rather than a word of the text. */
export const isConceptKey = (key: string): boolean => /^[~≈]/u.test(key);

function readContentKeys(text: string): ReadonlySet<string> {
  const keys = new Set([...profileText(text).units].filter(([, weight]) => weight >= contentWeight).map(([unit]) => unit));
  for (const key of predicateKeys(text)) keys.add(key);
  return keys;
}

/** Whether a text is English (an English answer is read against Chinese notes through concepts only). */
export const isLatin = (text: string) => /[a-z]/.test(text) && !/[\u4e00-\u9fff]/u.test(text);

export interface NoteClaim {
  statement: Statement;
  asserted: ReadonlySet<string>;
  denied: ReadonlySet<string>;
  /** Content of its whole sentence: what the claim is about. */
  about: ReadonlySet<string>;
  /** The glossary concepts its sentence names. */
  things: Set<string>;
  /** What a frame of its sentence scopes the claim to ("在顺序表中…需要移动大量元素" → 顺序表). */
  frame: Set<string>;
  subjects: string[];
}

/**
 * What a clause's negations deny; verbs that deny a cost ("避免了查找的开销") are left out, they agree with the note's "需要查找".
 * Once per clause text (read again for each note claim an answer clause is held against). Shared, so read-only.
 */
export const deniedScopes: (normalised: string) => readonly NegationScope[] = memoByText((normalised) => negationScopeTexts(normalised).filter((scope) => !/^(?:避免|防止|杜绝|免去|avoids?|prevents?|without|surviv(?:e|es|ed|ing)|tolerat(?:e|es|ed|ing)|withstands?)$/iu.test(scope.word)));

/** What joins the things of a list ("区块链和web3", "k8s、容器编排"): a negation after the list is about each. */
const listJoin = /^\s*(?:和|与|及|以及|、|或|跟|\band\b|\bor\b|,)/u;

/**
 * The words a clause's negations deny as predicates: the two characters after each ("不阻塞主线程" → 阻塞), or
 * the verb before a potential complement. They are what the clause says is not so, never the thing it is
 * about: "主线程会阻塞而不能处理请求" is not negative about 主线程 for an answer that says "主线程不阻塞".
 */
function deniedPredicates(normalised: string): Set<string> {
  return new Set(deniedScopes(normalised).flatMap((scope) => [...contentKeys(scope.complement ? scope.text : scope.text.slice(0, 2))]));
}

/** `keys` without the predicates `normalised` denies: the words another clause may use for the thing it is about. */
export const thingWords = (keys: ReadonlySet<string>, normalised: string): Set<string> => {
  const denied = deniedPredicates(normalised);
  return new Set([...keys].filter((key) => !denied.has(key)));
};

/**
 * Whether a clause's own negation is about `key`: it denies the key, or it follows the key, or a list the
 * key opens, with no content word between but those of `same` (the other clause's words for the same thing, thingWords:
 * "对容器编排不熟悉" is negative about 容器 for an answer that names 容器编排). Two negative clauses about one
 * thing agree whatever their verbs: "没碰过web3" does not deny "对web3一点都不了解".
 */
export function negatedAbout(normalised: string, key: string, same: ReadonlySet<string>): boolean {
  return deniedScopes(normalised).some((scope) => {
    if (contentKeys(scope.text).has(key)) return true;
    const before = normalised.slice(0, scope.at);
    const at = before.lastIndexOf(key);
    if (at < 0) return false;
    const between = before.slice(at + key.length);
    return listJoin.test(between) || [...contentKeys(between)].every((other) => same.has(other));
  });
}

/** The subjects a text names, read compact for Chinese ("缓存 穿透") and spaced for English words ("websocket is not"). */
export function subjectsNamed(text: string, subjects: readonly string[]): string[] {
  return [...new Set([...mentioned(text.replace(/\s+/g, ''), subjects), ...mentioned(text, subjects)])];
}

/**
 * The subjects a clause is about: those it names, or else the first one the nearest clause before it in its
 * sentence names ("用户态跑应用程序，不能执行特权指令，要…陷入内核" is about 用户态, although 内核 comes later).
 */
export function subjectsAbout(statement: Statement, statements: readonly Statement[], subjects: readonly string[]): string[] {
  const named = (text: string) => subjectsNamed(text, subjects);
  const own = named(statement.normalised);
  if (own.length || !subjects.length) return own;
  const turn = formerOrLatter(statement, statements, (text) => named(text));
  if (turn) return turn;
  // The clauses before it in its sentence, by position (as in clauseContext).
  const before = statements.slice(0, Math.max(0, statements.indexOf(statement))).filter((other) => other.sentence === statement.sentence);
  for (const other of before.reverse()) {
    const text = other.normalised;
    const found = named(text);
    // Its first subject is what the clause is about ("链表的存储方式与顺序表截然相反" is about 链表).
    if (found.length) return inTextOrder(text, found).slice(0, 1);
  }
  return [];
}

/**
 * What a clause opening with "前者" / "后者" is about: the first or the last of the things the nearest clause before it
 * names two or more of ("Reactor ≠ 观察者模式：后者要注册、直接通信" says 观察者模式 needs registering). Undefined for any
 * other clause.
 */
export function formerOrLatter(statement: Statement, statements: readonly Statement[], named: (text: string) => string[]): string[] | undefined {
  const which = /^\s*(前者|后者)/u.exec(statement.text)?.[1];
  if (!which) return undefined;
  const compact = (text: string) => text.replace(/\s+/gu, '');
  for (const other of statements.slice(0, Math.max(0, statements.indexOf(statement))).reverse()) {
    const found = inTextOrder(compact(other.normalised), named(other.normalised), compact);
    if (found.length >= 2) return [which === '前者' ? found[0]! : found.at(-1)!];
  }
  return [];
}

/** Names in the order a text names them (by where each first occurs, spelt as the text is); on a tie, as given. */
export function inTextOrder(text: string, names: readonly string[], spelt: (name: string) => string = (name) => name): string[] {
  return [...names].sort((a, b) => text.indexOf(spelt(a)) - text.indexOf(spelt(b)));
}

/** A note point that opens with an aspect ("缺点：需要STW") is about the thing of the labelled point before it ("标记-清除：…"). */
const aspectLabel = /^(?:优点|缺点|优势|劣势|好处|坏处|特点|代表语言|适用场景|场景)[：:]/u;

/** Points back an aspect may look for its thing. */
const aspectReach = 3;

function noteSubjectsAbout(statement: Statement, note: readonly Statement[], subjects: readonly string[]): string[] {
  const own = subjectsAbout(statement, note, subjects);
  const opening = note.find((other) => other.point === statement.point);
  if (own.length || !opening || !aspectLabel.test(opening.normalised.replace(/\s+/g, ''))) return own;
  for (let point = statement.point - 1; point >= Math.max(0, statement.point - aspectReach); point -= 1) {
    const first = note.find((other) => other.point === point);
    if (!first || aspectLabel.test(first.normalised.replace(/\s+/g, ''))) continue;
    return subjectsAbout(first, note, subjects);
  }
  return [];
}

export const sentenceText = (statements: readonly Statement[], sentence: number) => statements.filter((statement) => statement.sentence === sentence).map((statement) => statement.normalised).join('，');

/** The note's clauses with what each asserts and denies: once per note and its subjects. */
export const claimsOf = memoByObject((note: readonly Statement[]) =>
  memoByObject((subjects: readonly string[]) => memoByText((questionText: string) => {
    const question = contentKeys(questionText);
    return note.map((statement): NoteClaim => {
      // Only what comes before a clause's first negation is surely asserted ("没有持久化（fsync）" denies fsync too,
      // beyond the negation's reach), and whatever follows one may be denied.
      const first = negationScopeTexts(statement.normalised)[0]?.at;
      const denied = first === undefined ? new Set<string>() : contentKeys(statement.normalised.slice(first));
      // A clause holding a whether-question ("区别在于是否阻塞主线程") asserts neither side of it.
      const asserted = asksWhether.test(statement.normalised) ? new Set<string>() : contentKeys(statement.normalised.slice(0, first));
      const sentence = sentenceText(note, statement.sentence);
      const about = contentKeys(sentence);
      return { statement, asserted, denied, about, things: new Set([...about].filter((key) => key.startsWith('~'))), frame: frameWords(sentence, question), subjects: noteSubjectsAbout(statement, note, subjects) };
    });
  }, 16)),
);

/**
 * Two clauses about different things of the glossary: each names one the other does not, and they name none
 * in common ("在链式存储结构中插入和删除操作不需要移动元素" is not about "在顺序表中…需要移动大量元素").
 */
function otherThings(saidAbout: ReadonlySet<string>, things: ReadonlySet<string>, disputed: ReadonlySet<string>, asked: ReadonlySet<string>): boolean {
  // The question's own concepts (插入, 删除 of "频繁地对一个线性表进行插入和删除操作") are the topic both talk about, not a thing either names.
  const said = [...saidAbout].filter((key) => key.startsWith('~') && !disputed.has(key) && !asked.has(key));
  const noted = [...things].filter((key) => !disputed.has(key) && !asked.has(key));
  return said.some((key) => !things.has(key)) && noted.some((key) => !saidAbout.has(key)) && !said.some((key) => things.has(key));
}

/**
 * "在顺序表中，", "而在链表中", "对于写操作，": the scope a sentence sets for its claim, where a clause opens. A place
 * named inside a clause ("save是在主线程中写入") is what the clause claims, not its scope.
 */
const frame = /(?:^|[，,。；;：:\s])(?:由于|因为|而|但是?)?(?:在\s*([^，,。；;在\s][^，,。；;在]{1,11}?)\s*(?:中|里|下|上)|对于\s*([^，,。；;\s]{2,12}?)(?:来说|而言)?[，,])/u;

/** What a sentence's first frame scopes it to, without spaces ("在顺序表中…需要移动大量元素" → 顺序表). */
export function frameOf(sentence: string): string | undefined {
  const found = frame.exec(`，${sentence}`);
  return (found?.[1] ?? found?.[2])?.replace(/\s+/g, '');
}

/** The words of a note sentence's frame, unless it is the question's own topic. */
function frameWords(sentence: string, question: ReadonlySet<string>): Set<string> {
  const scope = frameOf(sentence);
  const keys = scope ? wordKeys(scope) : [];
  // A frame in the question's own words ("在缓存系统中" for a question about 缓存) is the topic, not a scope.
  return keys.some((key) => question.has(key)) ? new Set() : new Set(keys);
}

/** Words an answer clause and a note sentence must share, besides the disputed ones, to be about the same thing. */
const minimumShared = 2;

/**
 * Whether an answer clause and a note claim are about the same thing: the same subject, or two words
 * in common besides the disputed ones (concepts count only across languages), and no other subject.
 */
export function sameMatter(saidAbout: ReadonlySet<string>, saidSubjects: readonly string[], claim: NoteClaim, disputed: ReadonlySet<string>, english: boolean, asked: ReadonlySet<string>): boolean {
  if (otherThings(saidAbout, claim.things, disputed, asked)) return false;
  // A claim the note scopes to one thing ("在顺序表中") is not denied by a clause that never names it.
  if (claim.frame.size && ![...claim.frame].some((key) => saidAbout.has(key))) return false;
  if (saidSubjects.length && claim.subjects.length) return saidSubjects.some((subject) => claim.subjects.includes(subject));
  let shared = 0;
  for (const key of saidAbout) if (!disputed.has(key) && (english || !isConceptKey(key)) && claim.about.has(key)) shared += 1;
  return shared >= minimumShared;
}

/**
 * A sentence that supposes ("如果自己没 recover", "只有 XID、binlog 没写成功") or corrects ("瓶颈在网络而不是 CPU")
 * anywhere in it: what it denies is not a claim about the note's case. 要是 after a word of necessity is 要 + 是, not
 * "if": "case 后面不一定要是读写通道的操作" denies the note's "必须是一个IO操作"; 则 in a word (正则, 规则) is not "then".
 * English once / as soon as / as long as suppose only opening a clause: "committed as soon as the leader writes it" is a claim.
 */
export const supposing = /如果|假如|假设|(?<![定须需])要是|若|倘若|一旦|只有|只要|除非|的话|(?<![正规原准法细守])则|即使|即便|哪怕|就算|而不是|而非|那样|一样|不像|相比|比起|\bif\b|(?:^|[,;:]\s*)(?:once(?! (?:a|per|every)\b)|as soon as|as long as)\b|\b(?:un)?like\b|\bunless\b|\brather than\b|\binstead of\b/u;

/**
 * What an answer clause is about: its own content; a bare predicate ("不会阻塞") continues the clause
 * before it in its sentence ("都没就绪的时候会直接往下执行后面的代码，不会阻塞").
 */
export function clauseContext(said: Statement, answer: readonly Statement[]): Set<string> {
  // A copy: the sentence's things are added to it.
  const own = new Set(contentKeys(said.normalised));
  // The clauses before it in its sentence (by position: looking each one's index up again made this quadratic).
  const before = answer.slice(0, Math.max(0, answer.indexOf(said))).filter((other) => other.sentence === said.sentence);
  // The things of the glossary its sentence named so far ("链表在进行插入和删除操作时，…，不需要移动线性表" is about 链表).
  for (const other of before) for (const key of thingsNamed(other.normalised)) own.add(key);
  // Those are glossary concepts, so whether the clause says more than its denial is a matter of its own words.
  if (namesMoreThanItDenies(said.normalised)) return own;
  const previous = before.at(-1);
  return previous ? new Set([...own, ...contentKeys(previous.normalised)]) : own;
}

/** The glossary concepts a clause names, in order: once per clause text (each is read for every clause after it). */
const thingsNamed = memoByText((normalised: string) => [...contentKeys(normalised)].filter((key) => key.startsWith('~')));

/** Whether a clause has a content word besides what its negations deny (not a bare "不会阻塞"): once per clause text. */
const namesMoreThanItDenies = memoByText((normalised: string) => {
  const denied = new Set(deniedScopes(normalised).flatMap((scope) => [...contentKeys(scope.text)]));
  return [...contentKeys(normalised)].some((key) => !denied.has(key) && !isConceptKey(key));
});

/** Words that make a note clause a hedge rather than a claim. */
export const hedgedClaim = /很少|极少|较少|偶尔|有时|可能|也许|或许|\bmay\b|\bmight\b|\bsometimes\b|\brarely\b/u;
