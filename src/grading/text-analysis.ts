/**
 * Lexical views of a text that the offline grader compares: weighted "units" (CJK character
 * bigrams and stemmed ASCII words) and terms (the tokenizer's words). Chinese segmentation is
 * coarse and paraphrases re-split words, so bigrams carry most of the matching; terms add
 * whole-word evidence that bigrams alone would smear.
 */
import { normaliseText } from '../text/tokenizer.ts';
import { stopwords } from '../text/stopwords.ts';
import { conceptTokens } from '../text/glossary.ts';
import { withVariantSpellings } from './variant-spellings.ts';
import { chineseNumber } from './quantities.ts';

const cjkRun = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/gu;
const asciiWord = /[a-z0-9][a-z0-9_+#]*(?:[.\-][a-z0-9_+#]+)*/g;

/**
 * Characters that glue Chinese sentences together without carrying the topic. A bigram made only
 * of them ("就是", "可以") says nothing about coverage; one with a content character says a little.
 */
const functionCharacters = new Set(
  Array.from(
    '的了是在和与及或吗呢吧啊呀着过也都就还又而但并被把给对从向到于以之其该此这那哪个一些有没很太更最能会要可得地么们你我他她它说让用做如果因为所以然后等每各种什么怎样当时里上下中后前来去再才已经即所为将则而且并且或者还是比如例如这样那样一般一直一下一点',
  ),
);

/**
 * Light English stemming, enough to make plural, tense and -ing variants of a word meet:
 * expire/expires/expired → expir, cache/caches → cach, process/processes → process.
 */
export function stemWord(word: string): string {
  let stem = word.toLowerCase();
  if (stem.length <= 3) return stem;
  if (stem.endsWith('ies')) stem = `${stem.slice(0, -3)}y`;
  else if (stem.endsWith('ing') && stem.length >= 6) stem = stem.slice(0, -3);
  else if (stem.endsWith('ed') && stem.length >= 5) stem = stem.slice(0, -2);
  else if (stem.endsWith('es') && stem.length >= 5) stem = stem.slice(0, -2);
  else if (stem.endsWith('s') && !stem.endsWith('ss')) stem = stem.slice(0, -1);
  // A consonant doubled before -ed / -ing is the word's own: deferred → defer, committed → commit, mapped → map
  // (ll, ss, ff and zz are doubled in the word itself: called, passed, stuffed).
  if (stem.length >= 4 && stem.length < word.length - 1 && /([b-dghj-km-np-rtv-y])\1$/u.test(stem) && /(?:ed|ing)$/u.test(word.toLowerCase())) stem = stem.slice(0, -1);
  return stem.length > 3 && stem.endsWith('e') ? stem.slice(0, -1) : stem;
}

export interface TextProfile {
  /** Normalised text (NFKC, lower case). */
  text: string;
  /** Unit → informativeness weight. */
  units: Map<string, number>;
  /** Stemmed ASCII words. */
  asciiStems: Set<string>;
  /** Glossary concept tokens the text names in either language (cross-lingual evidence). */
  concepts: Set<string>;
  /** Counts used to decide whether a text is English or Chinese. */
  cjkCharacters: number;
  asciiLetters: number;
}

/** Weight of a glossary concept unit: a named field term, worth a bit more than one bigram. */
export const conceptWeight = 1.2;

/**
 * Weight of a formula unit ("$2^(n-1)", "$o(1)"): a stated result. Worth several bigrams because
 * the whole expression must match, and in algorithm answers the formula often is the answer.
 */
const formulaWeight = 3;

function unitWeight(unit: string): number {
  if (unit.startsWith('~')) return conceptWeight;
  if (unit.startsWith('$')) return formulaWeight;
  if (/^[a-z0-9]/.test(unit)) return unit.length === 1 ? 0.6 : 1.4;
  const characters = Array.from(unit);
  const functional = characters.filter((character) => functionCharacters.has(character)).length;
  if (characters.length === 1) return functional ? 0 : 0.5;
  if (functional === characters.length) return 0.05;
  return functional > 0 ? 0.45 : 1;
}

function addUnit(units: Map<string, number>, unit: string): void {
  const weight = unitWeight(unit);
  if (weight > 0) units.set(unit, weight);
}

function addCjkUnits(units: Map<string, number>, run: string): void {
  const characters = Array.from(run);
  if (characters.length === 1) {
    addUnit(units, run);
    return;
  }
  for (let index = 0; index + 1 < characters.length; index += 1) addUnit(units, characters[index]! + characters[index + 1]!);
}

/**
 * English words that only join a sentence, which retrieval's stopwords keep (they are rare in questions), and the
 * pieces of a contraction ("it's", "doesn't"). As units they met any note that uses them: "Since it's random" made a
 * third of "41 bits timestamp in milliseconds since a custom epoch", and its "s" met "~4 million/s".
 */
const englishGlueWords: ReadonlySet<string> = new Set('since per while once again until upon within whereas though although because unless'.split(' '));
const contractionTails: ReadonlySet<string> = new Set(['s', 't', 'd', 'll', 're', 've', 'm']);

function isGlueWord(word: string, text: string, at: number): boolean {
  if (englishGlueWords.has(word)) return true;
  // "doesn't", "isn't": a negation, which "not" (a stopword) says as well.
  if (/^[a-z]+n$/.test(word) && /^['’]t\b/.test(text.slice(at + word.length, at + word.length + 3))) return true;
  const before = text[at - 1];
  return contractionTails.has(word) && (before === "'" || before === '’') && /[a-z]/.test(text[at - 2] ?? '');
}

/**
 * A hyphenated or dotted name also matches its parts and its unhyphenated spelling: notes write
 * kube-scheduler, api-server and node.js where answers say scheduler, apiserver and nodejs.
 */
function compoundVariants(word: string): string[] {
  const pieces = word.split(/[-.]/);
  // "n-1" and "1.18" are values, not names.
  const names = pieces.filter((piece) => /[a-z].*[a-z]/.test(piece) && !stopwords.has(piece));
  if (pieces.length < 2 || !names.length) return [];
  return [...names, pieces.join('')].map(stemWord);
}

/**
 * Profiles are read-only once made, and grading one answer profiles the same clauses several times
 * (coverage windows, contradiction checks, the notes it is graded against again and again).
 */
const profileCache = new Map<string, TextProfile>();
const profileCacheSize = 4096;

export function profileText(raw: string): TextProfile {
  const cached = profileCache.get(raw);
  if (cached) return cached;
  const profile = buildProfile(raw);
  if (profileCache.size >= profileCacheSize) profileCache.delete(profileCache.keys().next().value ?? '');
  profileCache.set(raw, profile);
  return profile;
}

/** The text a profile reads (`profileText(raw).text`), without working out its units. */
export function profiledText(raw: string): string {
  // Links and image URLs in notes are addresses, not content.
  return withVariantSpellings(normaliseText(raw).replace(/(?:https?|ftp):\/\/\S+|www\.\S+/g, ' '));
}

function buildProfile(raw: string): TextProfile {
  const text = profiledText(raw);
  const units = new Map<string, number>();
  const asciiStems = new Set<string>();
  let cjkCharacters = 0;
  for (const [run] of text.matchAll(cjkRun)) {
    cjkCharacters += run.length;
    addCjkUnits(units, run);
  }
  let asciiLetters = 0;
  const worked = withProductsWorkedOut(text);
  for (const match of worked.matchAll(asciiWord)) {
    const word = match[0];
    asciiLetters += word.length;
    if (stopwords.has(word) || isGlueWord(word, worked, match.index)) continue;
    const stem = stemWord(word);
    asciiStems.add(stem);
    addUnit(units, stem);
    for (const variant of compoundVariants(word)) addUnit(units, variant);
  }
  const concepts = new Set(conceptTokens(text));
  for (const concept of concepts) addUnit(units, concept);
  for (const formula of formulasIn(worked)) addUnit(units, `$${formula}`);
  for (const value of numbersInWords(text)) addUnit(units, value);
  return { text, units, asciiStems, concepts, cjkCharacters, asciiLetters };
}

/**
 * A number of ten or more written in Chinese numerals is also the number in digits: a spoken answer (and speech
 * recognition) says 「答案是十六根」「推进到第十七米」 where the note writes 「答案2：16」「走到17米」. Added as a unit beside the
 * characters' own bigrams, so the readers that match words by their characters read the text as before. Not below ten:
 * 两个 / 三次 mostly count in passing (「有两个命令生产RDB」 is made by naming save and bgsave), and as a unit of the note
 * the count cost an answer that names the two things instead. 十分 / 万一 are words, and 十几 / 一百多 no number.
 */
const chineseNumeral = /(?<![零一二两三四五六七八九十百千万])([一二三四五六七八九]?[十百千][零一二三四五六七八九十百]*)(?![零一二两三四五六七八九十百千万分足几来多余])/gu;
function numbersInWords(text: string): string[] {
  const values: string[] = [];
  for (const [, numeral] of text.matchAll(chineseNumeral)) {
    const value = chineseNumber(numeral!);
    if (value !== undefined && value >= 10) values.push(String(value));
  }
  return values;
}

/**
 * A product of whole numbers is the number it comes to: "30万/(24 × 60 × 60)秒" and "30 万 ÷ 86400 秒" divide by the same
 * seconds, and either way of writing it is one value (86400), not the factors 24 and 60 against a number they never meet.
 * Only whole numbers multiplied: a decimal or a letter beside them ("4×0.4M", "2n") may be a quantity with a unit or a formula.
 */
const wholeNumberProduct = /(?<![\w.])\d+(?:\s*[×*]\s*\d+)+(?![\w.])/gu;
function withProductsWorkedOut(text: string): string {
  return text.replace(wholeNumberProduct, (product) => {
    const value = product.split(/[×*]/u).reduce((total, factor) => total * Number(factor.trim()), 1);
    return Number.isSafeInteger(value) ? String(value) : product;
  });
}

/**
 * Only the words of a text (CJK bigrams and stemmed English words), without glossary concepts or
 * formulas: enough to tell whether two short spans talk about the same thing, at a fraction of the cost.
 */
export function wordUnits(raw: string): Map<string, number> {
  const text = withVariantSpellings(normaliseText(raw));
  const units = new Map<string, number>();
  for (const [run] of text.matchAll(cjkRun)) addCjkUnits(units, run);
  for (const match of text.matchAll(asciiWord)) if (!stopwords.has(match[0]) && !isGlueWord(match[0], text, match.index)) addUnit(units, stemWord(match[0]));
  return units;
}

const mathCandidate = /[a-z0-9(][a-z0-9()^+\-*/=<>.]*[a-z0-9)]/g;
/** Letter runs a formula may contain: variables, and the few function names notes write inline. */
const formulaWord = /^(?:[a-z]{1,2}|n?log\d*n?|sqrt|pow|sum|max|min)$/;

/**
 * Mathematical expressions in a normalised text ("2^(n-1)", "o(nlogn)", "(2n+1)/3"), written
 * canonically so the spellings candidates use meet: spaces, "×" and implicit multiplication
 * ("2*n" = "2n"), "2的n-1次方" = "2^(n-1)", pow(2,n) = 2^(n), "o1" = "o(1)". An expression is
 * one unit: "2^(n-1)" and "2^n-1" differ, while their words alone would not. "on" beside an English
 * word is the preposition ("doesn't depend on the clock"), not O(n): read as one, it met the O(n) of
 * "no central coordinator on the hot path" and passed for the note's result.
 */
export function formulasIn(normalised: string): Set<string> {
  const text = normalised
    .replace(/[−–—]/g, '-')
    .replace(/×/g, '*')
    .replace(/÷/g, '/')
    .replace(/\s+(?=[)^+\-*/=<>])|(?<=[(^+\-*/=<>])\s+/g, '')
    .replace(/\blog\s+(?=[a-z0-9(])|(?<=[a-z0-9)])\s+(?=log\b)/g, (match) => match.trim())
    .replace(/的\(?([a-z0-9+\-*/]+)\)?次方/g, '^($1)')
    // "N 分之一" is 1/N: "整体大概迁 N 分之一" says the note's "平均只迁移约 1/N 的数据". Fractions of numbers ("十分之一") are
    // quantities (quantities.ts), compared there as values.
    .replace(/(?<![a-z0-9.])([a-z])\s*分之\s*(一|1)(?![\d十百千万])/gu, (_, whole: string) => `1/${whole}`)
    .replace(/(?<![a-z])pow\(\s*([^,()]+?)\s*,\s*([^()]+?)\s*\)/g, '$1^($2)')
    .replace(/(?<![a-z])o1(?![a-z0-9])|(?<![a-z]\s*)on(?![a-z0-9])(?!\s*[a-z])/g, (shorthand) => `o(${shorthand[1]})`);
  const formulas = new Set<string>();
  for (const [candidate] of text.matchAll(mathCandidate)) {
    // A list number glued to what follows ("1.n/2") is not part of the expression.
    const expression = candidate.replace(/^\d+\.(?=[a-z(])/, '').replace(/\*(?=[a-z(])|(?<=\))\*/g, '');
    if (expression.length > 24 || !/[\^+\-*/=<>]|^o\(/.test(expression) || /\+\+|--/.test(expression)) continue;
    if (!(expression.match(/[a-z]+/g) ?? []).every((word) => formulaWord.test(word))) continue;
    if (!/[a-z0-9]/.test(expression) || /^\d+(?:[.\-]\d+)*$/.test(expression)) continue;
    formulas.add(stripOuterParentheses(balanced(expression)));
    for (const side of expression.split(/[=<>]+/)) if (side !== expression && /[\^+\-*/]|^o\(/.test(side)) formulas.add(stripOuterParentheses(balanced(side)));
  }
  return formulas;
}

/** Drops the unmatched parentheses a cut through "(0<=i<=n-1)" or "ls=(a1,…" leaves. */
function balanced(expression: string): string {
  let text = expression;
  const count = (character: string) => text.split(character).length - 1;
  while (count('(') > count(')') && text.includes('(')) text = text.replace('(', '');
  while (count(')') > count('(') && text.includes(')')) text = text.replace(/\)(?!.*\))/, '');
  return text;
}

function stripOuterParentheses(expression: string): string {
  if (!expression.startsWith('(') || !expression.endsWith(')')) return expression;
  let depth = 0;
  for (let index = 0; index < expression.length - 1; index += 1) {
    if (expression[index] === '(') depth += 1;
    else if (expression[index] === ')') depth -= 1;
    if (depth === 0) return expression;
  }
  return expression.slice(1, -1);
}

/** True when the text is written mostly in English (letters outnumber Chinese characters 2:1). */
export function isMostlyEnglish(profile: TextProfile): boolean {
  return profile.asciiLetters > 2 * profile.cjkCharacters && profile.asciiLetters >= 12;
}

export function isFunctionCharacter(character: string): boolean {
  return functionCharacters.has(character);
}

/**
 * General Chinese vocabulary: words any technical text uses whatever its topic (方式, 实现, 提高, 系统, 数据).
 * Not drawn from the notes; it is the fallback for how specific a word is, since the scorer sees one note
 * at a time and cannot count a word over the whole question bank.
 */
export const genericWords: ReadonlySet<string> = new Set([
  '一种', '一个', '开发', '理念', '技术', '系统', '方式', '方法', '使用', '进行', '实现', '需要', '问题', '数据', '功能',
  '提高', '比较', '非常', '整体', '主要', '通过', '处理', '相关', '不同', '情况', '作用', '可以', '能够', '方面', '东西',
  '比如', '基本', '目前', '现在', '更加', '很多', '帮助', '保证', '支持', '效率', '性能', '简单', '复杂', '过程', '操作',
  '管理', '应用', '程序', '服务', '信息', '内容', '结构', '类型', '时候', '时间', '部分', '整个', '所有', '其他', '具体',
  '一般', '一定', '完成', '提供', '包括', '包含',
]);

/** Whether a unit is a general-vocabulary word (`genericWords`), which says little about what a point says. */
export function isGenericWord(unit: string): boolean {
  return genericWords.has(unit);
}

/** Interview phrasing that says what kind of answer is wanted, not what it is about. */
const framingPattern =
  /为什么|为何|为啥|怎么样|怎么|怎样|如何|咋样|咋|什么是|是什么|什么|啥|哪些|哪几种|有哪|区别|不同|异同|原理|作用|优缺点|优点|缺点|特点|流程|过程|机制|介绍|说说|说一下|讲讲|谈谈|简述|描述|解释|理解|一般|通常|分别|主要|常见|请问|面试|的话|呢|吗|\b(?:what|why|how|which|explain|describe|difference|differences|between|compare|does|do|is|are|the|of|and|in|a|an)\b/giu;

/** A question without the words that frame it ("为什么", "有什么区别", "how"): what it is about. */
export function withoutFraming(question: string): string {
  return question.replace(framingPattern, ' ');
}

/** Letters and digits only, lower case: what a text says whatever its punctuation, spacing and width. */
export const lettersOnly = (text: string): string => text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** Share (by weight) of `wanted`'s units that `units` holds. */
export function shareFound(wanted: ReadonlyMap<string, number>, units: Pick<ReadonlySet<string>, 'has'>): number {
  let total = 0;
  let found = 0;
  for (const [unit, weight] of wanted) {
    total += weight;
    if (units.has(unit)) found += weight;
  }
  return total > 0 ? found / total : 0;
}

/** Informative units of a question after its framing words are removed. */
export function topicUnits(question: string): Map<string, number> {
  return profileText(withoutFraming(question)).units;
}
