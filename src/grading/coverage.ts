/**
 * How far an answer covers one key point. Evidence is lexical: the share of the point's
 * informative units (character bigrams, English words) the answer contains, with glossary
 * translations bridging English and Chinese. Matching is done against the best local window of the
 * answer as well as the whole answer: a point explained in one place is covered, while the same
 * words scattered over a list of terms only partly are.
 */
import { memoByObject, memoByText } from './grading-memo.ts';
import { restatesQuestion, specificUnitsOf } from './general-evidence.ts';
import { hasEnglishSentence, isEnglishProse, saysInChinese, withChineseGloss } from './english-gloss.ts';
import type { KeyPointSpec } from './key-points.ts';
import { contentLength, minimumPointCharacters } from './point-text.ts';
import { conceptWeight, isGenericWord, isMostlyEnglish, profileText, type TextProfile } from './text-analysis.ts';
import { topicTokensInChinese, topicTokensInEnglish } from '../text/glossary.ts';

/** The units a text contains: its profile's own unit map, looked into, never copied. */
export type UnitLookup = Pick<ReadonlySet<string>, 'has'>;

export interface AnswerWindow {
  text: string;
  units: UnitLookup;
  normalised: string;
}

export interface AnswerView {
  profile: TextProfile;
  units: UnitLookup;
  /** Units of overlapping windows of consecutive clauses, and their normalised text (for `windowCharacters`). */
  readonly windows: AnswerWindow[];
  english: boolean;
  /** Chinese prose with little English of its own (an English note's words cannot show in it). */
  chinese: boolean;
  /** An English answer read with its Chinese gloss (english-gloss.ts), to measure it on a Chinese point's whole content. */
  readonly glossed: AnswerView | undefined;
  /** This view is such a gloss, not the candidate's own words. */
  translated: boolean;
}

export function viewAnswer(answer: string, gloss?: (text: string) => string): AnswerView {
  const profile = profileText(gloss ? gloss(answer) : answer);
  let windows: AnswerWindow[] | undefined;
  let glossed: AnswerView | undefined;
  // A Chinese clause around a long name or two ("zookeeper使用ZAB协议的") has more letters than characters, yet is Chinese.
  const english = !gloss && isMostlyEnglish(profile) && hasEnglishSentence(answer);
  return {
    profile,
    units: profile.units,
    // Made on first use: a view read only for its units (relevance, the question's subject) and a
    // point none of whose units the answer has never look at windows.
    get windows() {
      return (windows ??= windowsOf(answer, gloss));
    },
    english,
    translated: gloss !== undefined,
    chinese: !gloss && profile.cjkCharacters >= 6 && profile.asciiLetters < profile.cjkCharacters / 2,
    get glossed() {
      if (!english || !isEnglishProse(answer)) return undefined;
      return (glossed ??= viewAnswer(answer, withChineseGloss));
    },
  };
}

/** Windows of the answer's own clauses; a glossed view measures each through its gloss and quotes it as said. */
function windowsOf(answer: string, gloss?: (text: string) => string): AnswerWindow[] {
  const clauses = answer.split(/(?<=[。！？!?；;，,、\n])/u).filter((clause) => clause.trim());
  const windows: AnswerWindow[] = [];
  // Windows of ~3 clauses: long enough for one explained point, short enough that a bare list
  // of terms does not look like one.
  for (let start = 0; start < clauses.length; start += 1) {
    const text = clauses.slice(start, start + 3).join('');
    const profileOfWindow = profileText(gloss ? gloss(text) : text);
    windows.push({ text, units: profileOfWindow.units, normalised: profileOfWindow.text });
    if (start + 3 >= clauses.length) break;
  }
  return windows;
}

/**
 * A window's Chinese characters, only for a window some point matches best. Each is one UTF-16 unit;
 * the halves of a surrogate pair fall outside the ranges.
 */
const windowCharacters = memoByObject((window: AnswerWindow) => {
  const characters = new Set<string>();
  const text = window.normalised;
  for (let index = 0; index < text.length; index += 1) {
    if (isCjkCode(text.charCodeAt(index))) characters.add(text[index]!);
  }
  return characters;
});

/** The view of an empty answer: what a contradicted point is covered by. */
let emptyView: AnswerView | undefined;
export function viewOfNothing(): AnswerView {
  return (emptyView ??= viewAnswer(''));
}

export interface PointCoverage {
  /** Informative (not question-echo), observable unit weight of the point. */
  mass: number;
  /** Part of `mass` the answer contains. */
  found: number;
  /** found / mass, 0–1. */
  recall: number;
  /** The answer window that matched best, for the evidence field. */
  evidence: string | undefined;
  /** Share of the point's unit weight the grader could observe at all (below 1 for cross-lingual). */
  observable: number;
  /**
   * What the found part rests on: some unit naming something of the point's own (a term, a content bigram), or only
   * general words ("这个问题挺常见的，要注意细节" under "SYN Flood 是一种常见的拒绝服务攻击"), which count only beside an
   * answer that says something specific (general-evidence.ts, withoutGeneralOnly). Unset when nothing was found.
   */
  grounds?: 'specific' | 'general';
}

/**
 * Which of a point's units an answer in the other language could show at all. For an English
 * answer to a Chinese point: its English words, glossary concepts and formulas; its Chinese
 * bigrams say nothing about an English answer either way. For a Chinese answer (with little
 * English of its own) to a point in English prose (five words or more, not a formula): its
 * glossary concepts and formulas.
 */
function observableUnits(point: KeyPointSpec, answer: AnswerView): Map<string, number> | undefined {
  if (answer.english && point.profile.cjkCharacters > 0) return unitsReadInEnglish(point.profile);
  if (answer.chinese) return termsOfEnglishProse(point.profile);
  return undefined;
}

// Both depend only on the point, so each point's are worked out once, not once per answer.
// The topic vocabulary's concepts (glossary-topics.ts) count too: the point names them in Chinese (从状态机), and an English
// answer in English ("slave state machine", topicsNamedIn), though no profile carries them: as units of every text they
// moved which note an answer was graded against and what its clauses were read to contradict.
const unitsReadInEnglish = memoByObject(
  (profile: TextProfile) =>
    new Map([
      ...[...profile.units].filter(([unit]) => !/^[\u3400-\u9fff\uf900-\ufaff]/u.test(unit)),
      ...topicTokensOf(profile.text).map((token): [string, number] => [token, conceptWeight]),
    ]),
);
/** By text: a note's points are profiled again for each grading that extracts them, and read the same each time. */
const topicTokensOf = memoByText(topicTokensInChinese);
const termsOfEnglishProse = memoByObject((profile: TextProfile) =>
  isMostlyEnglish(profile) && [...profile.asciiStems].filter((stem) => stem.length > 2).length >= 5
    ? new Map([...profile.units].filter(([unit]) => unit.startsWith('~') || unit.startsWith('$')))
    : undefined,
);

/** The topic concepts an English answer, or one window of it, names: once per text. */
const topicsNamedIn = memoByText((normalised: string) => new Set(topicTokensInEnglish(normalised)));

/**
 * Units the question already contains carry no evidence: restating the question is not an answer.
 */
export interface CoverOptions {
  /** Weight factor of glossary-concept units when answer and point share a language. */
  sameLanguageConcepts?: number;
  /**
   * How many of the reference's points contain each unit. A unit the whole note repeats (节点 in
   * a note on linked lists) says little about which point an answer made, so its weight is
   * divided by that count; without it, saying one point verbatim would half-cover every other.
   */
  pointFrequency?: ReadonlyMap<string, number>;
  /**
   * Share of a point's content at which it counts as made, in the same language and across languages
   * (aggregate's `pointMade` / `crossLingualPointMade`): which reading of an English answer credits more.
   */
  pointMade?: number;
  crossLingualPointMade?: number;
}

/**
 * Credit for a note's Chinese word the answer re-splits or reorders: both characters are there, not
 * side by side ("双缓冲异步日志" has 冲 and 日 but not 冲日; "避免频繁申请" / "申请不再频繁"). Only in the
 * window of the answer that says most of the point's words exactly, so characters scattered over
 * padding or other points earn nothing. Paraphrase keeps a concept's characters more often than its
 * exact bigrams, but so can a loosely related answer, so it earns a fifth. Measured on all five tune
 * sets at 0 / 0.2 / 0.5 (docs/grading.md): 0.5 cost the shared and held-out sets 0.04–0.07 Spearman,
 * 0.2 gained on four of them.
 */
const splitWordCredit = 0.2;

/**
 * Weight factor of a general-vocabulary word (开发, 理念, 技术, 提高, 系统) in a point: every note uses such
 * words, so a vague answer ("对开发和运维都有很大帮助，是一种比较好的理念") says them without saying what the
 * point says ("一种分散治理的开发技术和理念" is made by 分散治理). Measured on the tuning sets at 1 / 0.5 / 0.3 /
 * 0.1 (docs/grading.md): 0.5 kept every set within 0.003 and raised the shared set and the ADS folds.
 */
const genericWordFactor = 0.5;

/** Read by code unit: the ranges are in the Basic Multilingual Plane, so a surrogate is in none of them. */
function isCjkCode(code: number): boolean {
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
}

function isChineseBigram(unit: string): boolean {
  return unit.length === 2 && isCjkCode(unit.charCodeAt(0)) && isCjkCode(unit.charCodeAt(1));
}

/** Sum of a point's unit weights: the same for every answer. */
const totalWeightOf = memoByObject((profile: TextProfile) => {
  let total = 0;
  for (const weight of profile.units.values()) total += weight;
  return { total };
});

// The point's units that carry evidence and their weights, refilled by each call (coverPoint does not
// re-enter itself), so covering a point allocates nothing per unit.
const evidenceUnits: string[] = [];
const evidenceWeights: number[] = [];
const askedUnits: string[] = [];
const askedWeights: number[] = [];
let askedCount = 0;
/** Weight of its own (beyond the question's words) under which a point is thin, and the share of its question words that makes it. */
const thinPoint = 2;
const thinPointAsked = 0.5;

/** How far an answer makes a point: the better of its readings (below) of the whole point or of either saying of a restated one. */
export function coverPoint(point: KeyPointSpec, answer: AnswerView, questionUnits: ReadonlySet<string>, options: CoverOptions = {}): PointCoverage {
  const whole = coverReading(point, answer, questionUnits, options);
  // A point that says one thing twice ("两个表的元素正好交替排列，即一个表的第 i 个元素刚好大于…") is made by
  // either saying: measured on both at once, an answer that gives only the short form looked half-made.
  // The point keeps its whole weight, so a restatement is no cheaper than the point it restates.
  let best = whole;
  for (const half of restatedHalves(point)) {
    const reading = coverReading(half, answer, questionUnits, options);
    const stands = reading.mass >= restatementShare * whole.mass && reading.recall >= restatementMade * (options.pointMade ?? 0.4);
    if (stands && reading.recall > best.recall) best = reading;
  }
  return best === whole ? whole : { ...best, mass: whole.mass, found: best.recall * whole.mass, observable: whole.observable };
}

/**
 * Least share of the point's content a saying must carry to stand for it: one made mostly of the question's
 * words ("窗口大小由接收方决定" asked "窗口大小是谁决定的") weighs a unit or two, and a wrong answer sharing one of
 * them ("由发送方决定") read as half the point.
 */
const restatementShare = 1 / 3;
/**
 * Share of `pointMade` a saying must reach to stand for the point: the short saying's few words ("两个表的元素正好
 * 交替排列") are half met by any answer naming the same things ("两个表的元素个数不同"), which is no reading of it.
 */
const restatementMade = 0.75;

/** ", 即 …" (that is) restates what precedes it; 即使 / 即便 / 即可 / 即将 / 即时 / 即刻 are other words. */
const restatement = /[，,]\s*即(?![使便可将时刻])/u;

/** The two sayings of a restated point, each long enough to be a statement; none for any other point. */
function restatedHalves(point: KeyPointSpec): KeyPointSpec[] {
  const at = restatement.exec(point.text);
  if (!at) return [];
  const halves = [point.text.slice(0, at.index), point.text.slice(at.index + at[0].length)];
  if (halves.some((half) => contentLength(half) < minimumPointCharacters)) return [];
  return halves.map((half) => ({ ...point, text: half, profile: profileText(half) }));
}

/**
 * An English answer to a Chinese point is read twice: on the terms both languages share (all of them
 * needed), and through its Chinese gloss on the point's whole content (as a Chinese answer is). The
 * reading that credits the point more is its coverage: "save writes the RDB file in the same thread
 * that executes commands, so … blocks" makes "save 是和操作命令在同一个线程里面，…会造成阻塞" through 同一,
 * 线程, 命令, 阻塞, though only 阻塞 and 线程 are glossary terms.
 */
function coverReading(point: KeyPointSpec, answer: AnswerView, questionUnits: ReadonlySet<string>, options: CoverOptions): PointCoverage {
  const terms = coverUnits(point, answer, questionUnits, options);
  const glossed =
    answer.glossed && terms.observable < 1
      ? coverUnits(point, answer.glossed, questionUnits, options)
      : readsChineseAgainstEnglish(answer, point)
        ? coverUnits(point, answer, questionUnits, options, true)
        : undefined;
  if (!glossed) return terms;
  const credit = (coverage: PointCoverage, made: number) => Math.min(1, coverage.recall / made);
  // A word or two of the gloss in common (数据 from "database") is not a reading of the point.
  const readable = glossed.recall >= glossedRecallFloor;
  if (!readable || credit(glossed, options.pointMade ?? 0.4) <= credit(terms, options.crossLingualPointMade ?? 1)) return terms;
  // The point keeps the weight its shared terms give it: weighed by its whole content, a point the gloss
  // reads would outweigh every point read on a handful of terms, and one sentence would pass for half a note.
  return { ...glossed, mass: terms.mass, found: glossed.recall * terms.mass };
}

/** Least share of a point's content the gloss must reach to stand for it. */
const glossedRecallFloor = 0.15;

/**
 * The mirror case, a Chinese answer to a point of an English note ("noeviction (default): writes get an
 * error, reads still work" answered "写命令直接报错，读还是可以的"): the point's English words are found in
 * the answer through their Chinese gloss, on the point's whole content.
 */
function readsChineseAgainstEnglish(answer: AnswerView, point: KeyPointSpec): boolean {
  return !answer.english && answer.profile.cjkCharacters > 0 && isMostlyEnglish(point.profile);
}

function coverUnits(point: KeyPointSpec, answer: AnswerView, questionUnits: ReadonlySet<string>, options: CoverOptions, glossWords = false): PointCoverage {
  const says = (unit: string, units: UnitLookup, normalised: string) =>
    units.has(unit) || (glossWords && saysInChinese(unit, normalised)) || (crossLingual && !point.profile.units.has(unit) && topicsNamedIn(normalised).has(unit));
  const crossLingualUnits = glossWords ? undefined : observableUnits(point, answer);
  const crossLingual = crossLingualUnits !== undefined;
  const units = crossLingualUnits ?? point.profile.units;
  const conceptFactor = crossLingual ? 1 : (options.sameLanguageConcepts ?? 1);
  const totalWeight = totalWeightOf(point.profile).total;
  const specificUnits = specificUnitsOf(point.profile);
  let observableWeight = 0;
  let mass = 0;
  let found = 0;
  let count = 0;
  // Whether the answer says any of the point's own units, beyond general words and the question's.
  let specificSaid = false;
  let askedWeight = 0;
  askedCount = 0;
  for (const [unit, baseWeight] of units) {
    observableWeight += baseWeight;
    if (questionUnits.has(unit) || point.topicUnits?.has(unit)) {
      if (!unit.startsWith('~')) (askedUnits[askedCount] = unit), (askedWeights[askedCount] = baseWeight), (askedCount += 1), (askedWeight += baseWeight);
      continue;
    }
    const generic = !crossLingual && isGenericWord(unit) ? genericWordFactor : 1;
    const weight = (baseWeight * generic * (unit.startsWith('~') ? conceptFactor : 1)) / (options.pointFrequency?.get(unit) ?? 1);
    evidenceUnits[count] = unit;
    evidenceWeights[count] = weight;
    count += 1;
    mass += weight;
    if (!says(unit, answer.units, answer.profile.text)) continue;
    found += weight;
    // A topic concept read only for an English answer (unitsReadInEnglish) names a mechanism, never a general word.
    specificSaid ||= (specificUnits.has(unit) || !point.profile.units.has(unit)) && !restatesQuestion(unit, questionUnits);
  }
  let evidence: string | undefined;
  let bestWindow = 0;
  if (found > 0) {
    let best: AnswerWindow | undefined;
    for (const window of answer.windows) {
      let inWindow = 0;
      for (let index = 0; index < count; index += 1) if (says(evidenceUnits[index]!, window.units, window.normalised)) inWindow += evidenceWeights[index]!;
      if (inWindow > bestWindow) {
        bestWindow = inWindow;
        best = window;
      }
    }
    evidence = best?.text.trim();
    // A point that adds a word or so to the question's ("TCP 不需要重新建立，SSL 自然也会用之前的" asked why SSL is not set up
    // again) is made by saying that word in the question's relation, not by naming it anywhere: "要开1000个TCP连接" names TCP
    // and says none of 不需要重新建立. Its question words are read in the window that holds its own, as a gate, never as credit.
    // Only where the answer is written as the point is: an English answer says the question's words in English.
    if (best && mass < thinPoint && askedWeight > mass && !crossLingual && !glossWords && !answer.english && !answer.translated) {
      let said = 0;
      for (let index = 0; index < askedCount; index += 1) if (says(askedUnits[index]!, best.units, best.normalised)) said += askedWeights[index]!;
      found *= Math.min(1, said / (askedWeight * thinPointAsked));
    }
    const anchored = best && windowCharacters(best);
    for (let index = 0; index < count && anchored; index += 1) {
      const unit = evidenceUnits[index]!;
      if (answer.units.has(unit) || !isChineseBigram(unit)) continue;
      if (anchored.has(unit[0]!) && anchored.has(unit[1]!)) found += splitWordCredit * evidenceWeights[index]!;
    }
  }
  const observable = totalWeight > 0 ? Math.min(1, observableWeight / totalWeight) : 0;
  return { mass, found, recall: mass > 0 ? found / mass : 0, evidence, observable, ...(found > 0 ? { grounds: specificSaid ? 'specific' : 'general' } : {}) };
}
