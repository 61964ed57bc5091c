/**
 * Claims an answer denies, or turns into their opposite, in words of its own. The negation cue
 * (contradictions.ts) needs the answer clause to restate a note clause; a short denial rarely does:
 * "select 也不会阻塞" against "当没有case或者default可以执行时，select则阻塞" shares one word once the
 * question's words (select, case) are left out. Four cues read the claim itself instead:
 * - a denied predicate: what a negation denies first ("不会阻塞" → 阻塞, "不需要 STW" → STW, in English
 *   through the glossary: "is not full-duplex" → 全双工) is what a note clause asserts, in a sentence about
 *   the same thing, and the note denies it nowhere;
 * - the other way round, what the note only ever denies asserted ("栈上的对象需要 GC 去清理" against "…不需要GC标记清除");
 * - "not necessarily" against "must": "case 后面也不一定是通道操作" against "case后面跟的必须是…通道的操作";
 * - opposed predicates (src/text/antonyms.ts): "Redis 其实是多线程模型" where the note, or the premise of the
 *   question or of the note's heading ("Redis 为什么采用单线程模型？"), gives the same thing the other one.
 * Items of a note list denied as a group ("服务发现、熔断这些它都不带") are read in denied-lists.ts.
 * A clause about another of the things the question contrasts ("协程不需要加锁" against "线程间同步…需要使用锁")
 * is not about the note clause's thing, and a note that says both ("bgsave 不会阻塞", "fork 时会阻塞") is
 * agreed with by either.
 */
import { opposedPredicates } from '../text/antonyms.ts';
import { claimsOf, clauseContext, contentKeys, deniedScopes, hedgedClaim, isConceptKey, isLatin, negatedAbout, sameMatter, sentenceText, subjectsAbout, subjectsNamed, supposing, thingWords, wordKeys, type NoteClaim } from './claim-reading.ts';
import { deniedNeed } from './denied-needs.ts';
import { deniedListItem } from './denied-lists.ts';
import { deniedExistence } from './denied-existence.ts';
import { deniesOnlyCase } from './agreeing-negations.ts';
import { deniedRelation } from './denied-relations.ts';
import { deniedRelationEnglish } from './denied-relations-english.ts';
import { deniedEffect } from './denied-effects.ts';
import { chineseWordsOf } from './english-gloss.ts';
import { deniesNoClaim, englishAboutInChinese, englishDenied, glossed } from './english-denials.ts';
import { memoByObject, memoByText } from './grading-memo.ts';
import { asksWhether, describesNotYet, negationScopeTexts, type NegationScope, type Statement } from './statements.ts';
import { profileText } from './text-analysis.ts';
import { isBareLabel } from './point-text.ts';
import { escapeRegExp } from '../text/regexp.ts';

export interface DeniedClaim {
  said: Statement;
  /** The note clause the answer denies, or undefined for the question's premise. */
  notes: Statement | undefined;
  /** The premise as the question states it ("Redis 采用单线程模型"), when that is what is denied. */
  premise?: string;
}

export interface ClaimContext {
  question: string;
  /** The things the question contrasts or the note labels (role-swaps.ts). */
  subjects: readonly string[];
  /** A clause that supposes rather than asserts. */
  supposes: (statement: Statement) => boolean;
  /** The heading right over the note's points: one asking why something is so presupposes it, as a question does. */
  heading?: string;
}

/**
 * The first word a negation denies ("不会阻塞" → 阻塞; "处理不了" → 处理, the verb before it), or for English
 * the concepts it denies (an English clause against Chinese notes).
 */
function deniedHeads(scope: NegationScope, clause: string, withWords = false): string[] {
  if (isLatin(scope.text)) {
    // "neither in the cache nor in the database" denies a place, "without" a manner: only not / never / no deny a predicate.
    if (!/^(?:not|n't|never|no)$/u.test(scope.word)) return [];
    const denied = englishDenied(scope, clause);
    const keys = [...contentKeys(denied.join(' '))];
    // Against an English note the denied word itself is the head ("calls are not rejected" → reject); against a Chinese
    // note its concept ("is not full-duplex" → 全双工), or the Chinese words the gloss gives the word denied first
    // ("doesn't split files up" → 分片 of 「会把文件分片成对象存储」).
    return withWords ? [...keys.filter(isConceptKey), ...keys.filter((key) => !isConceptKey(key)).slice(0, 1), ...chineseWordsOf(denied[0] ?? '')] : keys.filter(isConceptKey);
  }
  // "无X的" makes X-less a property ("无锁的 read", "无状态的服务"): it denies X, not the thing it describes, which the clause
  // asserts. 不 / 没 before 的 usually deny a claim of the thing ("实时性要求不高的场景").
  const modifier = scope.word === '无' ? /^[^的，,。；;]{1,4}?的/u.exec(scope.text) : null;
  // A denial ends at the list mark after it: 「热点永不过期、互斥锁…」 denies 过期 (a glossary concept, no word of its own here),
  // not 互斥锁, the next item.
  // Whose thing it is ("没有自己的栈帧", "没有它的引用") is no predicate: the denial is of the thing, 栈帧, not of 自己.
  const denied = (modifier ? modifier[0] : scope.text).split('、')[0]!.replace(ownerBefore, '');
  const keys = wordKeys(denied);
  const first = scope.complement ? keys.at(-1) : keys[0];
  return first ? [first] : [];
}


/** A possessor before the thing denied: a pronoun and 的. */
const ownerBefore = /^\s*(?:自己|自身|它|他|她|它们|他们|我们|你们|各自|彼此|对方)的/u;

/**
 * A negation followed by 就 / 则 / 时 in its clause sets a condition ("没被访问就很快淘汰", "没有 case 就绪时"), it claims nothing;
 * in English, when / where / if / unless ("you can't pass one where the other is expected" denies no passing of arguments).
 * So does one followed a word or two later by 也 / 都 / 还 and something asserted: "不说话也得定期发心跳包" is "even without talking".
 */
const conditionAfter = /就|则|便|才|时|的话|^[不没]\S{1,4}?(?:也|都|还)(?![不没无])|\bthen\b|\bwhen\b|\bwhere\b|\bif\b|\bunless\b/u;

const asksForSituations = /什么情况|哪些情况|什么场景|哪些场景|适用场景/u;

/** Necessity in the note, and its denial in an answer ("不一定是", "未必", "不必"). */
const necessity = /必须|一定|只能|务必|总是|都要|都得/u;
const notNecessarily = /不一定|未必|不必|不见得|并非一定|不是必须|不是一定/u;
const lightVerbs = /^(?:\s|是|要|会|能|得|非得|需要|用|都)+/u;

export function deniedClaims(note: readonly Statement[], answer: readonly Statement[], context: ClaimContext): DeniedClaim[] {
  const all = claimsOf(note)(context.subjects)(context.question);
  // A question that asks for situations (什么情况下, 哪些场景) is answered in conditions, which deny nothing.
  if (asksForSituations.test(context.question)) return [];
  // A note clause that hedges ("在很少需要插入、删除表中元素", "可能会…") claims nothing an answer can deny.
  const claims = all.filter((claim) => !context.supposes(claim.statement) && !hedgedClaim.test(claim.statement.normalised));
  const anywhere = claimedAnywhere(all);
  const deniedAnywhere = (key: string) => anywhere.denied.has(key);
  const asked = new Set([...contentKeys(context.question)].filter((key) => key.startsWith('~')));
  // The question as opposedClaim reads it: once per answer, not once per answer clause.
  const question = { normalised: profileText(context.question).text, premises: [premiseOf(context.question), context.heading && premiseOf(context.heading)].filter((premise): premise is string => !!premise) };
  const found: DeniedClaim[] = [];
  for (const said of answer) {
    // A whether-question inside a clause ("看能不能在编译期确定…") asks, it denies nothing; a clause that denies besides it
    // ("跟能不能搜到没关系") still does.
    // A bare label ("- 客户端：") introduces what follows it and claims nothing, so it denies nothing either; one with a
    // negation of its own ("当然你也不可以用递归：") claims what it denies.
    if (context.supposes(said) || onlyAsksWhether(said.normalised) || (isBareLabel(said.text) && !negationScopeTexts(said.normalised).length)) continue;
    const sentence = sentenceText(answer, said.sentence);
    if (supposing.test(sentence)) continue;
    const about = clauseContext(said, answer);
    const saidSubjects = subjectsAbout(said, answer, context.subjects);
    const assertedInSentence = (key: string) => answer.some((other) => other.sentence === said.sentence && other !== said && other.units.has(key) && !negationScopeTexts(other.normalised).some((scope) => contentKeys(scope.text).has(key)));
    const claim =
      deniedPredicate(said, claims, about, saidSubjects, asked, deniedAnywhere, assertedInSentence, context.question) ??
      assertedDenial(said, claims, about, saidSubjects, asked, (key) => anywhere.asserted.has(key), context.question) ??
      deniedNecessity(said, claims, about, sentence, saidSubjects, asked) ??
      deniedEverything(said, claims, deniedAnywhere, assertedInSentence) ??
      opposedClaim(said, sentence, claims, about, saidSubjects, asked, question) ??
      deniedBy(said, deniedNeed(said, claims, all, context.subjects, about)) ??
      deniedListItem(said, claims, note, saidSubjects) ??
      deniedExistence(said, claims, context.question, deniedAnywhere, assertedInSentence) ??
      deniedBy(said, deniedRelation(said, claims, all, answer, context.question)) ??
      deniedBy(said, deniedRelationEnglish(said, claims, all, context.question)) ??
      deniedBy(said, deniedEffect(said, claims, all, context.subjects, answer));
    // The note's only case denied, the other case given something else, says the note again (agreeing-negations.ts).
    if (claim && !(claim.notes && deniesOnlyCase(claim.notes, said, sentence))) found.push(claim);
  }
  return found;
}

function onlyAsksWhether(normalised: string): boolean {
  return asksWhether.test(normalised) && !/[不没无未非]/u.test(normalised.replace(new RegExp(asksWhether.source, 'gu'), ''));
}

/** A note clause an answer clause denies, as a denied claim: for the cues of their own files (denied-needs.ts, denied-relations.ts, denied-effects.ts). */
const deniedBy = (said: Statement, claim: NoteClaim | undefined): DeniedClaim | undefined => (claim ? { said, notes: claim.statement } : undefined);

/** What any of a note's claims asserts, and what any denies: once per list of claims (claimsOf keeps it), not a scan per key. */
const claimedAnywhere = memoByObject((all: readonly NoteClaim[]) => ({
  asserted: new Set(all.flatMap((claim) => [...claim.asserted])),
  denied: new Set(all.flatMap((claim) => [...claim.denied])),
}));

function deniedPredicate(said: Statement, claims: readonly NoteClaim[], about: ReadonlySet<string>, subjects: readonly string[], asked: ReadonlySet<string>, deniedAnywhere: (key: string) => boolean, assertedInSentence: (key: string) => boolean, question: string): DeniedClaim | undefined {
  // An English clause denying a Chinese note's word is about that clause's matter in the gloss of its own words.
  let aboutInChinese: ReadonlySet<string> | undefined;
  const glossedAbout = () => (aboutInChinese ??= englishAboutInChinese(about, said.normalised, question));
  for (const scope of deniedScopes(said.normalised)) {
    if (conditionAfter.test(said.normalised.slice(scope.at))) continue;
    if (describesNotYet(scope, said.normalised)) continue;
    const disputed = contentKeys(scope.text);
    const heads = deniedHeads(scope, said.normalised, true);
    if (isLatin(scope.text)) {
      if (deniesNoClaim(scope, said.normalised)) continue;
      // The note denying any of what an English negation covers, in the gloss of its words too ("永不过期" for "don't let hot
      // keys expire"), agrees with it.
      if ([...heads, ...englishDenied(scope, said.normalised).flatMap(chineseWordsOf)].some(deniedAnywhere)) continue;
    }
    // "先不要唤醒…，等析构完成之后再去唤醒" denies doing it first: the later assertion is the rest of that order,
    // not agreement, against a note that says to do it first ("先唤醒条件变量").
    const notFirst = /先\s*$/u.test(said.normalised.slice(0, scope.at)) || /^\s*(?:要|用|会|能)?先/u.test(scope.text);
    for (const head of heads) {
      const saysFirst = (claim: NoteClaim) => new RegExp(`先[^，,。；;]{0,3}${escapeRegExp(head)}`, 'u').test(claim.statement.normalised);
      // The note denying the head elsewhere agrees with a plain denial; not with "not first" against its "先唤醒" (the story
      // of the bug says "没有接受到唤醒", the fix says to wake first).
      if (deniedAnywhere(head) && !(notFirst && claims.some(saysFirst))) continue;
      // What is disputed in an order is only when: the rest of the denial ("条件变量") is the matter both are about.
      const ordered = (claim: NoteClaim) => notFirst && saysFirst(claim);
      const reasserted = assertedInSentence(head);
      if (reasserted && !notFirst) continue;
      // What is denied is said of the subject named before the negation ("WebSocket is … not request-response like HTTP").
      const before = subjectsNamed(said.normalised.slice(0, scope.at), subjects);
      // A note clause that is itself negative about the head ("对web3一点都不了解") agrees with a denial of it.
      const claim = claims.find((entry) => entry.asserted.has(head) && (isConceptKey(head) || !isLatin(said.normalised) || isLatin(entry.statement.normalised) || glossed(head)) && (!reasserted || saysFirst(entry)) && !negatedAbout(entry.statement.normalised, head, thingWords(about, said.normalised)) && sameMatter(glossed(head) ? glossedAbout() : about, before.length ? before : subjects, entry, ordered(entry) ? new Set([head]) : disputed, isLatin(said.normalised), asked));
      if (claim) return { said, notes: claim.statement };
    }
  }
  return undefined;
}

/**
 * The other way round: the answer asserts what the note only ever denies ("栈上的对象需要 GC 去清理" against
 * "不逃逸的对象分配在栈上，…，不需要GC标记清除"), in Chinese or English. A clause with a negation of its own is left to the cue above.
 */
function assertedDenial(said: Statement, claims: readonly NoteClaim[], about: ReadonlySet<string>, subjects: readonly string[], asked: ReadonlySet<string>, assertedAnywhere: (key: string) => boolean, question: string): DeniedClaim | undefined {
  if (negationScopeTexts(said.normalised).length) return undefined;
  // An English clause asserts, in the gloss of its words, what a Chinese note denies ("they're the same type" against
  // 「[10]int和[20]int是不一样的」): what it is said of is then read in the gloss too, the note's Chinese filler before its
  // negation (这样就说明) aside, as deniedPredicate reads an English denial.
  const english = isLatin(said.normalised);
  const own = english ? englishAboutInChinese(new Set(), said.normalised, '') : contentKeys(said.normalised);
  const context = english ? englishAboutInChinese(about, said.normalised, question) : about;
  for (const claim of claims) {
    const denial = noteDenial(claim);
    if (!denial || !own.has(denial.head) || assertedAnywhere(denial.head) || outside(said.normalised, denial.head)) continue;
    if (denial.of.some((key) => !context.has(key) && !(english && !isLatin(key)))) continue;
    if (sameMatter(context, subjects, claim, denial.disputed, english, asked)) return { said, notes: claim.statement };
  }
  return undefined;
}

/**
 * Whether the answer puts its thing outside what the note denies it is in: "etcd 可以部署在 master 之外的机器上" says the note's
 * "Etcd(可以不在master节点)" in other words.
 */
function outside(said: string, head: string): boolean {
  return new RegExp(`${escapeRegExp(head)}[^，,。；;]{0,8}?(?:之外|以外)`, 'u').test(said);
}

/**
 * What a note claim denies first, for assertedDenial: its head, what it denies it of, and all it denies. The same for
 * every answer, so read once per claim (claimsOf keeps the claims) rather than per answer clause and claim.
 */
const noteDenial = memoByObject((claim: NoteClaim): { head: string; of: string[]; disputed: ReadonlySet<string> } | undefined => {
  const scope = deniedScopes(claim.statement.normalised)[0];
  if (!scope || conditionAfter.test(claim.statement.normalised.slice(scope.at))) return undefined;
  const head = deniedHeads(scope, claim.statement.normalised)[0];
  if (!head) return undefined;
  // What the note denies it of ("链表的存储空间不连续") must be what the answer asserts it of: "顺序表采用连续的空间" is
  // the contrast the note draws, not a denial of it.
  const of = [...contentKeys(claim.statement.normalised.slice(0, scope.at))].filter((key) => !isConceptKey(key) && !/\d/u.test(key));
  return { head, of, disputed: contentKeys(scope.text) };
});

/**
 * "不一定要是读写通道的操作" against "每个case语句里必须是一个IO操作": what is not necessarily so is the note's necessity when
 * it says the word the note requires (操作 here, after its 必须) or its first word is asserted, and the clause, or else its
 * whole sentence, is about the same matter (the clause before it names the 限制 the note speaks of).
 */
function deniedNecessity(said: Statement, claims: readonly NoteClaim[], about: ReadonlySet<string>, sentence: string, subjects: readonly string[], asked: ReadonlySet<string>): DeniedClaim | undefined {
  const denial = notNecessarily.exec(said.normalised);
  if (!denial) return undefined;
  const rest = said.normalised.slice(denial.index + denial[0].length);
  const scope = rest.slice(rest.match(lightVerbs)?.[0].length ?? 0, 12);
  const head = deniedHeads({ word: denial[0], at: denial.index, text: scope, complement: false }, said.normalised)[0];
  if (!head) return undefined;
  const disputed = contentKeys(scope);
  const inSentence = contentKeys(sentence);
  const claim = claims.find((entry) => {
    const must = necessity.exec(entry.statement.normalised);
    if (must === null || notNecessarily.test(entry.statement.normalised)) return false;
    const required = contentKeys(entry.statement.normalised.slice(must.index + must[0].length));
    const denies = entry.asserted.has(head) || [...disputed].some((key) => !isConceptKey(key) && required.has(key));
    return denies && (sameMatter(about, subjects, entry, disputed, false, asked) || sameMatter(inSentence, subjects, entry, disputed, false, asked));
  });
  return claim ? { said, notes: claim.statement } : undefined;
}

/** A need denied for anything at all ("不需要做任何检查", "无需任何加锁"): what follows 任何 is the thing denied. */
const needDeniedForAll = /(?:不需要|不用|不必|无需|无须|没必要|用不着)(?:再|去)?(?:做|进行|执行|作|加|写)?任何(?:的)?/u;
/** A note clause that says the thing is needed: a word of necessity before it. */
const needed = /必须|一定|务必|需要|要|得|应该|应当|注意/u;

/**
 * "不需要做任何检查" denies every check, so it denies the note's "一定要注意切片长度检查" though the two share
 * one word: the quantifier makes the denial reach whatever the note says is needed of the thing, and
 * the answer need not name what the note says it of (the same-matter test of the cues above). The
 * note denying the thing somewhere, or the answer's sentence asserting it, still agree.
 */
function deniedEverything(said: Statement, claims: readonly NoteClaim[], deniedAnywhere: (key: string) => boolean, assertedInSentence: (key: string) => boolean): DeniedClaim | undefined {
  const denial = needDeniedForAll.exec(said.normalised);
  if (!denial) return undefined;
  const head = [...contentKeys(said.normalised.slice(denial.index + denial[0].length, denial.index + denial[0].length + 8))].find((key) => !isConceptKey(key));
  if (!head || deniedAnywhere(head) || assertedInSentence(head)) return undefined;
  const claim = claims.find((entry) => {
    const text = entry.statement.normalised;
    const at = entry.asserted.has(head) ? text.indexOf(head) : -1;
    return at > 0 && needed.test(text.slice(0, at));
  });
  return claim ? { said, notes: claim.statement } : undefined;
}

/** The premise of a question that asks why something is so ("Redis 为什么采用单线程模型？" → "Redis 采用单线程模型"). */
export function premiseOf(question: string): string | undefined {
  const asked = question.split(/[？?。\n]/u).find((part) => /为什么|为何|\bwhy\b/iu.test(part));
  if (!asked) return undefined;
  const premise = asked.replace(/为什么|为何|\bwhy (?:is|are|does|do)\b/iu, '').replace(/^[，,\s]+|[，,\s]+$/gu, '');
  return premise.length >= 4 ? premise : undefined;
}

/**
 * Whether two opposed words fill the same slot: the same character right before or after them
 * ("多线程模型" / "单线程模型", "是多线程的" / "是单线程的"); "最先入栈" and "最后删除" say different things, not opposite ones.
 */
function sameSlot(a: string, wordA: string, b: string, wordB: string): boolean {
  const around = (text: string, word: string) => {
    const compact = text.replace(/\s+/g, '');
    const at = compact.indexOf(word);
    return [compact[at - 1], compact[at + word.length]].map((character) => (character && /[\p{L}\p{N}]/u.test(character) ? character : undefined));
  };
  const [beforeA, afterA] = around(a, wordA);
  const [beforeB, afterB] = around(b, wordB);
  return (beforeA !== undefined && beforeA === beforeB) || (afterA !== undefined && afterA === afterB);
}

/**
 * Pairs that say what a thing is (单线程 / 多线程, 全双工 / 半双工), not how something changes or ranks (增加 / 减少,
 * 最先 / 最后): an answer explaining why a premise holds uses those words for causes ("抢锁会增加锁竞争" under "为什么要
 * 减少锁竞争"), so only a state contradicts the premise itself.
 */
const isState = ([a, b]: readonly [string, string]) => !/增加|减少|提高|降低|最/u.test(a + b);

/** The two sides a text takes of an opposed pair: a text that says both takes neither. */
function sideOf(text: string, pair: readonly [string, string]): 0 | 1 | undefined {
  const [a, b] = pair;
  const hasA = text.includes(a);
  const hasB = text.includes(b);
  return hasA === hasB ? undefined : hasA ? 0 : 1;
}

/**
 * The opposed pairs a sentence takes one side of, in their order: most sentences take none. Once per sentence
 * text, not for each of its clauses; the sentences of the answers being graded are what it needs to keep.
 */
const sidesTaken = memoByText(
  (sentence: string) =>
    opposedPredicates.flatMap((pair) => {
      const side = sideOf(sentence, pair);
      return side === undefined ? [] : [{ pair, side }];
    }),
  256,
);

function opposedClaim(said: Statement, sentence: string, claims: readonly NoteClaim[], about: ReadonlySet<string>, subjects: readonly string[], asked: ReadonlySet<string>, question: { normalised: string; premises: readonly string[] }): DeniedClaim | undefined {
  const { normalised: normalisedQuestion, premises } = question;
  for (const { pair, side } of sidesTaken(sentence)) {
    if (sideOf(said.normalised, pair) !== side) continue;
    // A question that names both sides asks about the difference: either side is on topic.
    if (sideOf(normalisedQuestion, pair) === undefined && normalisedQuestion.includes(pair[0])) continue;
    // Denied, the word agrees with the other side ("不是多线程").
    if (negationScopeTexts(said.normalised).some((scope) => scope.text.includes(pair[side]))) continue;
    const words = (text: string) => contentKeys(text.replaceAll(pair[0], ' ').replaceAll(pair[1], ' '));
    const own = words(said.normalised);
    // The same thing: two words of the clause in common with the note's, or one with the question's premise.
    const shared = (text: string) => [...words(text)].filter((key) => !isConceptKey(key) && own.has(key)).length;
    const shares = (text: string) => shared(text) >= 2;
    const other = 1 - side;
    // The note saying the answer's side of the same thing anywhere makes it the note's claim.
    if (claims.some((claim) => sideOf(claim.statement.normalised, pair) === side && shares(claim.statement.normalised))) continue;
    const claim = claims.find((entry) => sideOf(entry.statement.normalised, pair) === other && sameSlot(said.normalised, pair[side]!, entry.statement.normalised, pair[other]!) && !negationScopeTexts(entry.statement.normalised).some((scope) => scope.text.includes(pair[other])) && shares(entry.statement.normalised) && sameMatter(about, subjects, entry, new Set(), false, asked));
    if (claim) return { said, notes: claim.statement };
    if (!isState(pair)) continue;
    const premise = premises.find((text) => {
      const stated = profileText(text).text;
      // A clause naming nothing but the state ("因为它是多线程的") is about what the question asks of.
      const aboutIt = shared(stated) >= 1 || own.size === 0;
      return sideOf(stated, pair) === other && aboutIt && (sameSlot(said.normalised, pair[side]!, stated, pair[other]!) || statesIt(said.normalised, pair[side]!, stated, pair[other]!));
    });
    if (premise) return { said, notes: undefined, premise };
  }
  return undefined;
}

/**
 * A premise that ends in its state ("redis用单线程") against a clause that says the thing is the other one ("Redis 是多线程的",
 * "用的是多线程"): the words around them differ, yet both say what the thing is. "6.0 引入了多线程 IO" says something else.
 */
function statesIt(said: string, saidWord: string, premise: string, premiseWord: string): boolean {
  if (!premise.replace(/[\s\p{P}]+$/gu, '').endsWith(premiseWord)) return false;
  const compact = said.replace(/\s+/g, '');
  const at = compact.indexOf(saidWord);
  const after = compact.slice(at + saidWord.length);
  return /(?:是|用|采用|使用)$/u.test(compact.slice(0, at)) && (after === '' || /^(?:的|模型|[^\p{L}\p{N}])/u.test(after));
}
