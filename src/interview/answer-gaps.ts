/**
 * What an answer left out, in the card's own terms: which key points it missed or only touched,
 * heaviest first, each named by its concepts, so a follow-up or a hint can ask about the idea
 * without reading out the note. Also tells a real attempt from a non-answer.
 */
import type { Card, CardKeyPoint, Grade } from '../core/types.ts';
import { explanationWords } from '../grading/general-evidence.ts';
import { isGenericWord } from '../grading/text-analysis.ts';
import { conceptTokens } from '../text/glossary.ts';

export interface Gap {
  /** The key point's text: the identity follow-ups and hints remember; never shown. */
  point: string;
  /** The concepts to name instead, most specific first. */
  concepts: string[];
  covered: 'partial' | 'no';
  weight: number;
}

/**
 * Words the notes use everywhere: naming one asks about nothing ("你刚才没怎么提到「所以」"). Concepts that are only these
 * are never put to the candidate: the grader's general vocabulary (isGenericWord) and the connectives and words of any
 * explanation (explanationWords: 原因, 机制, 调用, 返回, 优点), which name nothing a hint could ask about.
 *
 * Except the general words a hint has always named: the area a point is about (服务, 管理, 开发, 技术, 应用) and words of degree no
 * card's concepts hold (非常, 很多). Passing over them too would withhold 50 of the seed notes' 3,638 key-point
 * concepts from hints (服务 15, 开发 13, 管理 9, 包含 8, 技术 5): a change of what the interviewer says, not made here.
 */
const nameableGeneral = new Set('一种 开发 理念 技术 非常 整体 相关 能够 方面 比如 基本 目前 现在 更加 很多 帮助 效率 管理 应用 服务 所有 具体 一定 包括 包含'.split(' '));
/**
 * Words that relate things rather than name one: "我追问一下，用于、存储这一块你怎么理解？", "那磁盘、不会呢？" and "可以从接收、获取入手想想" asked
 * about nothing (seen in the interviewer eval's transcripts), nor did "那ACK、收到呢？" (a browser session, on "leader收到半数以上的ACK")
 * or "刚才没听你提到减少、重试" (on "减少传输失败后重试的流量及时间"): verbs of sending, receiving, more and less. Nor did "如果从leader、前面的
 * 角度看" (a browser session): words of position and order (前面, 之后, 后者) point at other words, they name nothing. Nor did
 * "刚才没听你提到readIndex、步骤" (a browser session): 步骤 and 流程, like 过程, are steps of something the point names.
 */
const relationWords = new Set('用于 关系 之间 情况 过程 步骤 流程 方式 作用 时候 需要 可以 通过 对应 属于 依赖 进行 提供 支持 处理 使得 保证 实现 采用 利用 根据 不会 不能 没有 不是 运行 设计 加入 接收 获取 得到 完成 开始 结束 放入 取出 存放 带来 字段 限制 逻辑 收到 接到 发送 发出 发给 回复 传给 减少 增加 降低 提高 前面 后面 上面 下面 里面 外面 之前 之后 以前 以后 前者 后者 这里 那里'.split(' '));
const isVague = (concept: string) => explanationWords.has(concept) || relationWords.has(concept) || (isGenericWord(concept) && !nameableGeneral.has(concept));
const maxConceptChars = 16;

/** A verb or function word at the start marks a clause fragment ("有三种状态"), not a term. */
const fragmentStart = /^[有是在会能要把被将对让使的了和与或就都也还又]/;
/**
 * So does one at the end of a longer word, or a general verb after a term ("协程有", "协程发生"): the segmenter cut a
 * clause, not a name. Two-character words keep theirs (私有, 共有).
 */
const fragmentEnd = /(?:[有是在会能要把被将对让使的了和与或就都也还又]|发生|出现|进行|完成|导致|使用|实现)$/;

/** How much a concept names one idea: identifiers and longer terms say more than two-character words. */
function specificity(concept: string): number {
  if (/^[A-Za-z][\w.+#-]{2,}$/.test(concept)) return 3;
  const length = [...concept].length;
  return length >= 3 ? 2 : 1;
}

/** A concept as the note writes it ("AOF", not the index's "aof"). */
function asWritten(concept: string, text: string): string {
  const at = text.toLowerCase().indexOf(concept.toLowerCase());
  return at >= 0 ? text.slice(at, at + concept.length) : concept;
}

/**
 * Concepts that are pieces of one name the note writes, joined: Latin words side by side ("shared memory", "lfu aging";
 * apart, "那shared、memory呢？" asked about neither), and pieces that overlap in it ("CPU密集" and "密集型任务" of
 * "CPU密集型任务", asked as 「CPU密集、密集型任务这一块」).
 */
function phrases(concepts: readonly string[], text: string): string[] {
  const written = text.toLowerCase().replace(/\s+/g, ' ');
  const joined: string[] = [];
  for (const concept of concepts) {
    const previous = joined.at(-1);
    const merged = previous === undefined ? undefined : overlapped(previous, concept, written);
    if (previous && latinWord.test(previous.split(' ').at(-1)!) && latinWord.test(concept) && written.includes(`${previous} ${concept}`.toLowerCase())) joined[joined.length - 1] = `${previous} ${concept}`;
    else if (previous && latinWord.test(previous) && headNoun.test(concept) && !isVague(concept) && written.includes(`${previous}${concept}`.toLowerCase())) joined[joined.length - 1] = `${previous}${concept}`;
    else if (merged) joined[joined.length - 1] = merged;
    else joined.push(concept);
  }
  return joined;
}

/** The one name two concepts are pieces of, when the end of the first is the start of the second and the note writes it whole. */
function overlapped(first: string, second: string, written: string): string | undefined {
  for (let length = Math.min(first.length, second.length) - 1; length >= 2; length -= 1) {
    if (!first.toLowerCase().endsWith(second.slice(0, length).toLowerCase())) continue;
    const whole = first + second.slice(length);
    return written.includes(whole.toLowerCase()) ? whole : undefined;
  }
  return undefined;
}

const latinWord = /^[a-z][\w+#-]*$/i;
/**
 * A short Chinese noun written right after an English name is the head of one name: "case语句", "select语句", "redo日志". Apart,
 * "刚才没听你提到case、语句" asked about a keyword and a word of grammar. A verb there is not ("ceph提供强一致性").
 */
const headNoun = /^[\u4e00-\u9fff]{1,2}$/u;

/**
 * A concept named already in other words: the note's English gloss of what the question asks ("共享内存( shared memory )"),
 * or its Chinese gloss of a concept chosen before it ("lfu aging（条件老化）").
 */
function glossesNamed(concept: string, named: ReadonlySet<string>): boolean {
  const glossed = conceptTokens(concept);
  return glossed.length > 0 && glossed.every((token) => named.has(token));
}

/**
 * A point's concepts worth naming, most specific first: not vague, not a clause fragment, not
 * already in the question, and (given `said`) not what the candidate already said.
 */
export function nameableConcepts(point: CardKeyPoint, question: string, said = ''): string[] {
  const asked = question.toLowerCase();
  const named = new Set(conceptTokens(question));
  const spoken = said.toLowerCase();
  const seen = new Set<string>();
  const concepts: string[] = [];
  for (const concept of phrases(point.concepts.map((raw) => raw.trim()), point.text)) {
    const key = concept.toLowerCase();
    const length = [...concept].length;
    if (!concept || seen.has(key) || isVague(concept) || length > maxConceptChars || length < 2 || fragmentStart.test(concept) || (length > 2 && fragmentEnd.test(concept))) continue;
    if (asked.includes(key) || (spoken && spoken.includes(key)) || glossesNamed(concept, named)) continue;
    seen.add(key);
    for (const token of conceptTokens(concept)) named.add(token);
    concepts.push(concept);
  }
  // A point whose only nameable words are its examples ("存储非结构化数据，如图片、文件") is asked about by what they are examples
  // of: 「文件这一块你怎么理解？」 asked about an instance, not the idea.
  if (concepts.length > 0 && concepts.every((concept) => onlyAsExample(concept, point.text))) {
    const idea = exemplified(point.text);
    return idea && !isVague(idea) && !asked.includes(idea.toLowerCase()) && !(spoken && spoken.includes(idea.toLowerCase())) ? [idea] : [];
  }
  return concepts
    .map((concept) => asWritten(concept, point.text))
    .map((concept, order) => ({ concept, order }))
    .sort((a, b) => specificity(b.concept) - specificity(a.concept) || a.order - b.order)
    .map(({ concept }) => concept)
    .slice(0, 2);
}

/** Examples a clause gives after 如 / 比如 / 例如 / such as, up to the clause's end; 如果, 如何, 如下 are other words. */
const exampleList = /(?:比如|例如|譬如|诸如|(?<![例比譬诸假])如(?![果何此下同今其实])|\bsuch as\b|\be\.g\.)(?:说)?[:：]?\s*([^，。；;,!?！？()（）]{1,40})/giu;

function onlyAsExample(concept: string, text: string): boolean {
  const lower = text.toLowerCase();
  const key = concept.toLowerCase();
  const spans = [...lower.matchAll(exampleList)].map((match) => [match.index! + match[0].length - match[1]!.length, match.index! + match[0].length] as const);
  let at = lower.indexOf(key);
  if (at < 0 || spans.length === 0) return false;
  for (; at >= 0; at = lower.indexOf(key, at + 1)) if (!spans.some(([start, end]) => at >= start && at + key.length <= end)) return false;
  return true;
}

/** Verbs and quantifiers before the noun a clause's examples are examples of ("存储非结构化数据" → 非结构化数据, "使用各种同步机制" → 同步机制). */
const beforeTheIdea = /^.*(?:存储|保存|支持|用于|适合|适用于|使用|采用|提供|处理|包括|包含|记录|管理|用|是|有|的)/u;

/** The noun phrase right before a point's first list of examples, when it is a name of 2–10 characters. */
function exemplified(text: string): string | undefined {
  const first = new RegExp(exampleList.source, 'iu').exec(text);
  if (!first) return undefined;
  const clause = text.slice(0, first.index).split(/[，,。；;：:]/u).map((part) => part.trim()).filter(Boolean).at(-1) ?? '';
  const idea = clause.replace(beforeTheIdea, '').replace(/^(?:各种|多种|一些|某些|这些|那些|不同的?)/u, '').trim();
  const length = [...idea].length;
  return length >= 2 && length <= 10 && /^[\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z0-9 _/+#.-]*$/u.test(idea) && !fragmentStart.test(idea) ? idea : undefined;
}

function overlaps(a: string, b: string): boolean {
  const compactA = a.replace(/\s+/g, '');
  const compactB = b.replace(/\s+/g, '');
  return compactA.length > 0 && compactB.length > 0 && (compactA.includes(compactB) || compactB.includes(compactA));
}

/**
 * The card's key points the answer did not fully make, heaviest first: covered when the grader
 * said so for the same claim, touched (partial) when the answer names some of its concepts.
 */
export function gapsOf(card: Card, answer: string, grade: Grade | null): Gap[] {
  const said = answer.toLowerCase();
  const gaps: Gap[] = [];
  for (const point of card.keyPoints) {
    const graded = grade?.keyPoints.find((entry) => overlaps(entry.text, point.text));
    if (graded?.covered === 'yes') continue;
    const concepts = nameableConcepts(point, card.question, answer);
    if (concepts.length === 0) continue;
    const named = point.concepts.filter((concept) => said.includes(concept.toLowerCase())).length;
    const covered: Gap['covered'] = graded?.covered === 'partial' || named > 0 ? 'partial' : 'no';
    if (covered === 'partial' && named === point.concepts.length && point.concepts.length > 0) continue;
    gaps.push({ point: point.text, concepts, covered, weight: point.weight });
  }
  return gaps.sort((a, b) => b.weight - a.weight || (a.covered === 'no' ? -1 : 1) - (b.covered === 'no' ? -1 : 1));
}

/** The most important gap not yet asked about or hinted at. */
export function topGap(gaps: readonly Gap[], exclude: readonly string[]): Gap | undefined {
  return gaps.find((gap) => !exclude.includes(gap.point));
}

const giveUp = /不知道|不清楚|不太清楚|不了解|不太了解|没了解|没学过|没接触|没用过|忘了|忘记了|记不清|记不太清|不记得|不太记得|没印象|想不起来|没细看|no idea|don'?t know|not sure|forgot/i;

const giveUpChars = 40;

/**
 * A non-answer: nothing said, "不知道" (however hedged), or words that touch none of the card's
 * key points. After one the interviewer moves on kindly, with no follow-up and no praise.
 */
export function isNonAnswer(card: Card | undefined, answer: string, grade: Grade | null): boolean {
  const text = answer.replace(/[\s\p{P}]/gu, '');
  if (text.length < 2) return true;
  const covered = grade?.keyPoints.some((point) => point.covered !== 'no') ?? false;
  // A long answer that says "记不清" once is still an answer; a short one that says it is not.
  if (giveUp.test(answer) && text.length <= giveUpChars && !grade?.keyPoints.some((point) => point.covered === 'yes')) return true;
  if (!card || card.keyPoints.length === 0) return false;
  const said = answer.toLowerCase();
  const namesAConcept = card.keyPoints.some((point) => point.concepts.some((concept) => concept.length >= 2 && !isVague(concept) && said.includes(concept.toLowerCase())));
  return !covered && !namesAConcept && (grade?.score ?? 0) < 2;
}
