/**
 * The offline grader's scoring: key-point coverage → calibrated 0–10, plus the guards for the
 * answers a coverage score alone gets wrong (injection, "I don't know", off-topic, bare term
 * lists, a wrong verdict on a true/false question). Pure and synchronous.
 */
import { removeHedges } from './answer-signals.ts';
import { coverPoint, viewAnswer, type AnswerView, type PointCoverage } from './coverage.ts';
import { injectionScoreCap, stripInjection } from './injection.ts';
import { contentLength, extractKeyPoints, type KeyPointSpec } from './key-points.ts';
import { isFunctionCharacter, profileText, topicUnits, type TextProfile } from './text-analysis.ts';
import { checkValues } from './value-consistency.ts';
import { judgementVerdicts } from './verdict.ts';

export interface ScoredPoint {
  spec: KeyPointSpec;
  coverage: PointCoverage;
}

export type ScoreFlag =
  | 'empty'
  | 'dontknow'
  | 'offtopic'
  | 'injection'
  | 'list-of-terms'
  | 'wrong-verdict'
  | 'right-verdict'
  | 'right-result'
  | 'swapped-values';

export interface OfflineScore {
  /** 0–10, one decimal. */
  score: number;
  /** Importance-weighted share of the reference's informative content the answer covers, 0–1. */
  coverage: number;
  /** Share of the answer's content that relates to the question or reference, 0–1. */
  relevance: number;
  /** Key points of the reference that fits the answer best. */
  points: ScoredPoint[];
  referenceIndex: number;
  flags: ScoreFlag[];
  injectionSpans: string[];
}

export interface ScoreInput {
  question: string;
  answer: string;
  /** Reference answers as Markdown. */
  references: string[];
}

/** What an answer that attaches the note's descriptions to the wrong values keeps of its score. */
const swappedValuesFactor = 0.25;
/** What a bare list of terms keeps of its coverage score: naming is not explaining. */
const listOfTermsFactor = 0.35;
/** Longest answer analysed; beyond it, text is padding as far as scoring is concerned. */
const maximumAnswerCharacters = 6000;

/** The few numbers that turn coverage into a score (docs/grading.md explains each step). */
export interface ScoringParameters {
  /** Below this relevance (with little coverage) an answer is about something else. */
  offTopicRelevance: number;
  /**
   * Coverage credited for the right conclusion, before the explanation: the verdict on a
   * true/false question, or all of the note's results (formulas) on a question asking for them.
   */
  conclusionFloor: number;
  /** Explanation coverage at which the right conclusion earns full marks. */
  conclusionFull: number;
  /** Share of a point's content at which the point counts as made. */
  pointMade: number;
  /** The same for an answer in another language than the point (only terms are observable). */
  crossLingualPointMade: number;
  /** Points a complete spoken answer makes; a note with more is complete with this many. */
  completePoints: number;
  /** Smallest share of a long note's points that still counts as complete. */
  minimumComplete: number;
  /** Curvature of coverage → score (below 1: slightly concave, the first points count most). */
  curve: number;
  /** Weight factor of glossary concepts in same-language matching (their bigrams already count). */
  sameLanguageConcepts: number;
  /** With several references: 0 takes the best-matching one, 1 the average over all. */
  referenceAveraging: number;
}

export const defaultScoringParameters: Readonly<ScoringParameters> = {
  offTopicRelevance: 0.12,
  conclusionFloor: 0.4,
  conclusionFull: 0.5,
  pointMade: 0.4,
  crossLingualPointMade: 1,
  completePoints: 6,
  minimumComplete: 0.3,
  curve: 0.85,
  sameLanguageConcepts: 0.5,
  referenceAveraging: 0.5,
};

export function scoreAnswer(input: ScoreInput, parameters: Readonly<ScoringParameters> = defaultScoringParameters): OfflineScore {
  const injection = stripInjection(input.answer.slice(0, maximumAnswerCharacters));
  const { substantive, hedged } = removeHedges(injection.cleaned);
  const flags: ScoreFlag[] = [];
  if (injection.spans.length) flags.push('injection');
  const question = profileText(input.question);
  const questionUnits = new Set(question.units.keys());
  const referenceTexts = input.references.map((reference) => stripInjection(reference).cleaned);
  const pointSets = referenceTexts.map((text, index) => extractKeyPoints(text, index));

  if (contentLength(substantive) < 2) {
    flags.push(hedged ? 'dontknow' : 'empty');
    const points = (pointSets[0] ?? []).map((spec) => ({ spec, coverage: coverPoint(spec, viewAnswer(''), questionUnits) }));
    return { score: 0, coverage: 0, relevance: 0, points, referenceIndex: 0, flags, injectionSpans: injection.spans };
  }

  const answer = viewAnswer(substantive);
  const coverOptions = { sameLanguageConcepts: parameters.sameLanguageConcepts };
  const perReference = pointSets.map((specs) => {
    const options = { ...coverOptions, pointFrequency: pointFrequencies(specs) };
    const points = specs.map((spec) => ({ spec, coverage: coverPoint(spec, answer, questionUnits, options) }));
    return { points, coverage: aggregate(points, parameters) };
  });
  let bestIndex = 0;
  perReference.forEach((entry, index) => {
    if (entry.coverage > (perReference[bestIndex]?.coverage ?? 0)) bestIndex = index;
  });
  const best = perReference[bestIndex] ?? { points: [], coverage: 0 };
  // Several references are alternative model answers: agreeing with more of them is stronger
  // evidence than matching one by chance, so the best and the average both count.
  const mean = perReference.reduce((sum, entry) => sum + entry.coverage, 0) / Math.max(1, perReference.length);
  let coverage = best.coverage + parameters.referenceAveraging * (mean - best.coverage);

  const verdict = judgementVerdicts(input.question, referenceTexts, substantive);
  if (verdict === 'disagree') flags.push('wrong-verdict');
  if (verdict === 'agree') flags.push('right-verdict');
  if (asksForResult.test(input.question) && statesResults(referenceTexts, questionUnits, answer)) flags.push('right-result');
  // The right conclusion (verdict, or the note's results) is most of the answer; the
  // explanation earns the rest.
  if (verdict === 'agree' || flags.includes('right-result')) {
    coverage = parameters.conclusionFloor + (1 - parameters.conclusionFloor) * Math.min(1, coverage / parameters.conclusionFull);
  }
  const relevance = relevanceOf(answer, question, referenceTexts);
  // An answer that talks about what the question names is on topic, however little of the note's
  // wording it shares; only one that does neither is about something else.
  if (relevance < parameters.offTopicRelevance && coverage < 0.15 && sharedTopic(input.question, answer) < onTopicShare) flags.push('offtopic');
  // An admission of not knowing decides the grade only when little else was said.
  if (hedged && (coverage < 0.06 || contentLength(substantive) < 25)) flags.push('dontknow');
  // Naming is not explaining, unless the note itself is a bare list of names.
  const note = referenceTexts[bestIndex] ?? '';
  const noteIsList = noteFacts(note).isList || pointsAreNames(best.points);
  if (!noteIsList && (looksLikeTermList(substantive, answer) || namesWithoutExplaining(substantive, best.points, questionUnits))) {
    flags.push('list-of-terms');
  }
  const values = checkValues(input.question, substantive, referenceTexts[bestIndex] ?? '');
  if (values.swapped > values.consistent) flags.push('swapped-values');

  let score = calibrate(coverage, parameters);
  if (flags.includes('list-of-terms')) score *= listOfTermsFactor;
  if (flags.includes('swapped-values')) score *= swappedValuesFactor;
  if (flags.includes('wrong-verdict')) score = Math.min(score * 0.1, 1);
  if (flags.includes('offtopic') || flags.includes('dontknow')) score = Math.min(score, 1);
  if (flags.includes('injection')) score = Math.min(score, injectionScoreCap);
  return {
    score: roundScore(score),
    coverage,
    relevance,
    points: best.points,
    referenceIndex: bestIndex,
    flags,
    injectionSpans: injection.spans,
  };
}

/** Questions that ask for a quantity: how many, how much, which complexity, compute/derive. */
const asksForResult = /多少|几[个种次条]|个数|复杂度|求解?|计算|推导|\bhow (?:many|much)\b|\bcomplexity\b|\bcompute\b|\bcalculate\b/iu;

/**
 * Whether the answer states all the results of one reference: the formulas the question does not
 * already contain ("2^(n-1)", "o(1)"). When a question asks for a quantity, the note's formula is
 * the answer and the rest is its derivation; stating only some of them earns no floor (a
 * half-right result is often a wrong one).
 */
function statesResults(references: string[], questionUnits: ReadonlySet<string>, answer: AnswerView): boolean {
  for (const reference of references) {
    const formulas = [...noteFacts(reference).profile.units.keys()].filter((unit) => unit.startsWith('$') && !questionUnits.has(unit));
    // "n-1" inside "2^(n-1)" is part of the result, not a second one.
    const results = formulas.filter((unit) => !formulas.some((other) => other !== unit && other.includes(unit.slice(1))));
    if (results.length && results.every((unit) => answer.units.has(unit))) return true;
  }
  return false;
}

/** What scoring needs of a reference itself; the same few references are graded against again and again. */
interface NoteFacts {
  profile: TextProfile;
  /** The note is itself a list of names, so listing names answers it. */
  isList: boolean;
}

const noteFactsCache = new Map<string, NoteFacts>();
const noteFactsCacheSize = 256;

function noteFacts(note: string): NoteFacts {
  const cached = noteFactsCache.get(note);
  if (cached) return cached;
  const facts = { profile: profileText(note), isList: looksLikeTermList(note, viewAnswer(note)) || enumeratedNames(note) >= minimumNamedItems };
  if (noteFactsCache.size >= noteFactsCacheSize) noteFactsCache.delete(noteFactsCache.keys().next().value ?? '');
  noteFactsCache.set(note, facts);
  return facts;
}

/** In how many of a note's points each unit occurs (coverage divides a unit's weight by it). */
export function pointFrequencies(specs: readonly KeyPointSpec[]): Map<string, number> {
  const frequency = new Map<string, number>();
  for (const spec of specs) for (const unit of spec.profile.units.keys()) frequency.set(unit, (frequency.get(unit) ?? 0) + 1);
  return frequency;
}

/**
 * How much of the reference the answer covers, 0–1. Each point counts as made once half of its
 * content is there (a paraphrase keeps the substance, not the wording), partly below that; points
 * weigh by importance and size. A complete spoken answer makes about `completePoints` points, so
 * a longer note is fully covered by that many of its points' worth.
 */
function aggregate(points: ScoredPoint[], parameters: Readonly<ScoringParameters>): number {
  let mass = 0;
  let credit = 0;
  let counted = 0;
  for (const { spec, coverage } of points) {
    if (coverage.mass <= 0) continue;
    counted += 1;
    // Across languages only the point's named terms are observable: half of them is not half
    // the point, so the point is made only when all of them are there.
    const made = coverage.observable < 1 ? parameters.crossLingualPointMade : parameters.pointMade;
    mass += spec.importance * coverage.mass;
    credit += spec.importance * coverage.mass * Math.min(1, coverage.recall / made);
  }
  if (mass <= 0) return 0;
  const complete = Math.min(1, Math.max(parameters.minimumComplete, parameters.completePoints / counted));
  return Math.min(1, credit / mass / complete);
}

/** Share of the question's subject matter (its units without framing words) an on-topic answer names. */
const onTopicShare = 0.4;

function sharedTopic(question: string, answer: AnswerView): number {
  let total = 0;
  let named = 0;
  for (const [unit, weight] of topicUnits(question)) {
    total += weight;
    if (answer.units.has(unit)) named += weight;
  }
  return total > 0 ? named / total : 0;
}

/** Share of the answer's informative units that also occur in the question or a reference. */
function relevanceOf(answer: AnswerView, question: TextProfile, references: string[]): number {
  const known = new Set(question.units.keys());
  for (const reference of references) for (const unit of noteFacts(reference).profile.units.keys()) known.add(unit);
  let total = 0;
  let related = 0;
  for (const [unit, weight] of answer.profile.units) {
    total += weight;
    if (known.has(unit)) related += weight;
  }
  return total > 0 ? related / total : 0;
}

/**
 * A bare list of terms: at least five enumerated items (split at 、，；, and at spaces when there is
 * no sentence punctuation), most of them short term-like nouns with none of the grammar (的, 是,
 * 会, 把 …) that would explain how they relate.
 */
function looksLikeTermList(text: string, answer: AnswerView): boolean {
  if (answer.english) return false;
  const punctuated = /[。！？；;，,.!?]/u.test(text);
  const items = text
    .split(punctuated ? /[、，,；;。！？!?\n]+/u : /[\s、]+/u)
    .map((item) => item.trim())
    .filter((item) => contentLength(item) > 0);
  if (items.length < 5) return false;
  const termLike = items.filter(
    (item) => contentLength(item) <= 6 && /[\u4e00-\u9fff]|[a-z]{2}/iu.test(item) && !Array.from(item).some(isFunctionCharacter),
  );
  return termLike.length / items.length >= 0.7;
}

/**
 * Terms enumerated with 、 ("资源分配、CPU 调度、地址空间、页表、寄存器这些东西") where no other clause
 * of the answer explains any point of the note: the names of the mechanism without the mechanism.
 * Needs at least four named items, so a short answer listing three conditions is not caught.
 */
function namesWithoutExplaining(text: string, points: readonly ScoredPoint[], questionUnits: ReadonlySet<string>): boolean {
  const others = answerClauses(text).filter((clause) => enumeratedTerms(clause) < 3);
  if (enumeratedNames(text) < minimumNamedItems) return false;
  return !others.some((clause) => {
    const units = profileText(clause).units;
    return points.some(({ spec }) => {
      let mass = 0;
      let found = 0;
      for (const [unit, weight] of spec.profile.units) {
        if (questionUnits.has(unit)) continue;
        mass += weight;
        if (units.has(unit)) found += weight;
      }
      return mass > 0 && found / mass >= explainingRecall;
    });
  });
}

const minimumNamedItems = 4;

/** A note whose points are mostly bare names (fields of a table, a list of options). */
function pointsAreNames(points: readonly ScoredPoint[]): boolean {
  return points.length > 0 && points.filter(({ spec }) => contentLength(spec.text) <= 12).length >= 0.6 * points.length;
}

function answerClauses(text: string): string[] {
  return text.split(/[，,。；;！？!?\n]+/u).filter((clause) => contentLength(clause) > 0);
}

/** Names enumerated with 、 over the whole text. */
function enumeratedNames(text: string): number {
  return answerClauses(text)
    .map(enumeratedTerms)
    .filter((items) => items >= 3)
    .reduce((sum, items) => sum + items, 0);
}

/** Share of a point's content one clause must restate to count as explaining it. */
const explainingRecall = 0.2;

/** Grammatical particles: a run of text containing one is a phrase, not a term. */
const particle = /[的了是在把被会要就都也还又吗呢吧着过让给这那等几]/u;

/** Term-like items of a 、-enumeration; the first and last items lose the sentence around them. */
function enumeratedTerms(clause: string): number {
  const parts = clause.split('、');
  if (parts.length < 3) return 0;
  const trimmed = parts.map((part, index) => {
    const characters = Array.from(part.trim());
    if (index === 0) return characters.slice(characters.findLastIndex((character) => particle.test(character)) + 1).join('');
    if (index === parts.length - 1) {
      const first = characters.findIndex((character) => particle.test(character));
      return (first < 0 ? characters : characters.slice(0, first)).join('');
    }
    return part.trim();
  });
  return trimmed.filter((item) => {
    const size = contentLength(item);
    // Numbers (4、3、2、1) and labelled values (第一趟：3) are data, not names.
    return size >= 2 && size <= 8 && /[\u4e00-\u9fff]|[a-z]{2}/iu.test(item) && !particle.test(item) && !/(?:^|[^a-z])\d|[:：]/iu.test(item);
  }).length;
}

/** Coverage → score: graded, slightly concave, 10 at complete coverage. */
export function calibrate(coverage: number, parameters: Readonly<ScoringParameters> = defaultScoringParameters): number {
  const clamped = Math.min(1, Math.max(0, coverage));
  return 10 * Math.pow(clamped, parameters.curve);
}

export function roundScore(score: number): number {
  return Math.round(Math.min(10, Math.max(0, score)) * 10) / 10;
}
