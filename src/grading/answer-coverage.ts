/**
 * How much of a note an answer covers: each key point's coverage (coverage.ts) summed by
 * importance, with contradicted points counted against the answer, and the measures the guards
 * need (relevance to the note, naming the question's subject, stating the note's results).
 */
import { contentLength } from './point-text.ts';
import { coverPoint, viewOfNothing, type AnswerView, type PointCoverage } from './coverage.ts';
import { formulaVariables, sameQuantity } from './formula-value.ts';
import { memoByObject } from './grading-memo.ts';
import type { KeyPointSpec } from './key-points.ts';
import { enumeratedNames, looksLikeTermList, minimumNamedItems } from './non-answers.ts';
import { profileText, topicUnits, type TextProfile } from './text-analysis.ts';

export interface ScoredPoint {
  spec: KeyPointSpec;
  coverage: PointCoverage;
  /** The answer contradicts this point: what it said and what the note says. */
  wrong?: { said: string; notes: string };
}

/** The few numbers that turn point coverage into answer coverage (docs/grading.md explains each). */
export interface CoverageParameters {
  /** Share of a point's content at which the point counts as made. */
  pointMade: number;
  /** The same for an answer in another language than the point (only terms are observable). */
  crossLingualPointMade: number;
  /** Points a complete spoken answer makes; a note with more is complete with this many. */
  completePoints: number;
  /** Smallest share of a long note's points that still counts as complete. */
  minimumComplete: number;
  /** Weight factor of glossary concepts in same-language matching (their bigrams already count). */
  sameLanguageConcepts: number;
}

/** In how many of a note's points each unit occurs (coverage divides a unit's weight by it). */
export function pointFrequencies(specs: readonly KeyPointSpec[]): Map<string, number> {
  const frequency = new Map<string, number>();
  for (const spec of specs) for (const unit of spec.profile.units.keys()) frequency.set(unit, (frequency.get(unit) ?? 0) + 1);
  return frequency;
}

/** A card's point list is the same for every answer to it (focusOn hands out one list per card). */
const frequenciesOfPoints = memoByObject(pointFrequencies);

/**
 * Coverage of each point by what the answer asserts and, at half weight, by what it only guesses
 * ("好像是…吧"). A contradicted point is covered by nothing.
 */
export function coverPoints(
  specs: readonly KeyPointSpec[],
  answerViews: { asserted: AnswerView; said: AnswerView },
  questionUnits: ReadonlySet<string>,
  parameters: Readonly<CoverageParameters>,
  wrong: ReadonlyMap<number, { said: string; notes: string }>,
  /** Views of the answer without the clauses that oppose a point (contradictions.ts OpposedClause), by point. */
  pointViews: ReadonlyMap<number, { asserted: AnswerView; said: AnswerView }> = new Map(),
): ScoredPoint[] {
  const options = {
    sameLanguageConcepts: parameters.sameLanguageConcepts,
    pointFrequency: frequenciesOfPoints(specs),
    pointMade: parameters.pointMade,
    crossLingualPointMade: parameters.crossLingualPointMade,
  };
  return specs.map((spec, index): ScoredPoint => {
    const contradicted = wrong.get(index);
    if (contradicted) return { spec, coverage: { ...coverPoint(spec, viewOfNothing(), questionUnits, options), evidence: contradicted.said }, wrong: contradicted };
    const views = pointViews.get(index) ?? answerViews;
    const asserted = coverPoint(spec, views.asserted, questionUnits, options);
    // An answer that hedges nothing asserts all it said: one view, covered once.
    const said = views.said === views.asserted ? asserted : coverPoint(spec, views.said, questionUnits, options);
    const found = (asserted.found + said.found) / 2;
    const grounds = asserted.grounds === 'specific' ? asserted.grounds : said.grounds;
    return { spec, coverage: { ...said, found, recall: said.mass > 0 ? found / said.mass : 0, evidence: asserted.evidence ?? said.evidence, ...(grounds ? { grounds } : {}) } };
  });
}

/** Share of a note's observable points that counts as a complete answer: `completePoints` of them, at least `minimumComplete`. */
export function completeShare(observablePoints: number, parameters: Readonly<CoverageParameters>): number {
  return observablePoints > 0 ? Math.min(1, Math.max(parameters.minimumComplete, parameters.completePoints / observablePoints)) : 1;
}

export interface AnswerCoverage {
  /** Importance-weighted share of the note the answer makes, 0–1. */
  covered: number;
  /** Importance-weighted share of the note the answer contradicts, 0–1. */
  wrong: number;
}

/**
 * Points weigh by importance × size. A point counts as made once `pointMade` of its content is
 * there (a paraphrase keeps the substance, not the wording), partly below that. A complete spoken
 * answer makes about `completePoints` points, so a longer note is complete with that many.
 */
export function aggregate(points: readonly ScoredPoint[], parameters: Readonly<CoverageParameters>): AnswerCoverage {
  let mass = 0;
  let credit = 0;
  let against = 0;
  let counted = 0;
  for (const { spec, coverage, wrong } of points) {
    if (coverage.mass <= 0) continue;
    counted += 1;
    const weight = spec.importance * coverage.mass;
    mass += weight;
    if (wrong) {
      against += weight;
      continue;
    }
    // Across languages only the point's named terms are observable: half of them is not half
    // the point, so the point is made only when all of them are there.
    const made = coverage.observable < 1 ? parameters.crossLingualPointMade : parameters.pointMade;
    credit += weight * Math.min(1, coverage.recall / made);
  }
  if (mass <= 0) return { covered: 0, wrong: 0 };
  const complete = completeShare(counted, parameters);
  return { covered: Math.min(1, credit / mass / complete), wrong: Math.min(1, against / mass / complete) };
}

/** What scoring needs of a reference itself; the same few references are graded against again and again. */
export interface NoteFacts {
  profile: TextProfile;
  /** The note is itself a list of names, so listing names answers it. */
  isList: boolean;
}

/**
 * Characters of note per name it enumerates, at most, for the names to be what the note is: "值类型分别有：int系列、float系列、bool…"
 * (13 a name) is a list; a comparison of Redis and Memcached that names five data types in passing (58 a name) is not, and
 * had let the bare terms "redis、数据、类型、memcached、哈希表、持久化" pass as an answer to it.
 */
const charactersPerListedName = 20;

const noteFactsCache = new Map<string, NoteFacts>();
const noteFactsCacheSize = 256;

export function noteFacts(note: string): NoteFacts {
  const cached = noteFactsCache.get(note);
  if (cached) return cached;
  const names = enumeratedNames(note);
  const facts = { profile: profileText(note), isList: looksLikeTermList(note) || (names >= minimumNamedItems && contentLength(note) <= charactersPerListedName * names) };
  if (noteFactsCache.size >= noteFactsCacheSize) noteFactsCache.delete(noteFactsCache.keys().next().value ?? '');
  noteFactsCache.set(note, facts);
  return facts;
}

/**
 * Whether the answer states all the results of one reference: the formulas the question does not
 * already contain ("2^(n-1)", "o(1)"). When a question asks for a quantity, the note's formula is
 * the answer and the rest is its derivation; stating only some of them earns no floor (a
 * half-right result is often a wrong one).
 */
export function statesResults(references: readonly string[], questionUnits: ReadonlySet<string>, answer: AnswerView): boolean {
  const stated = statedFormulas(answer, questionUnits);
  for (const reference of references) {
    const results = resultFormulas(formulasOf(reference), questionUnits);
    if (results.length && results.every((unit) => answer.units.has(unit) || stated.some((formula) => sameQuantity(formula, unit) === true))) return true;
  }
  return false;
}

/**
 * Whether the answer gives another value for a result the note states: asked "个数是多少", it says "2^n-1"
 * where the note's result is "2^(n-1)", or "(n-1)/2" for "n/2". A rival must be a formula of the same
 * letters as the note's result, equal to none of the note's formulas (a step of its derivation is not a
 * rival), and the answer must not also state the result in any form ("3*(n-i+1)" is "3(n+1-i)").
 * Asked for a quantity, another value is a wrong answer, however much of the note's reasoning precedes it.
 */
export function givesOtherResults(references: readonly string[], questionUnits: ReadonlySet<string>, answer: AnswerView): boolean {
  const stated = statedFormulas(answer, questionUnits);
  if (!stated.length) return false;
  return references.some((reference) => {
    const formulas = formulasOf(reference);
    const equalsNote = (unit: string) => formulas.some((note) => note === unit || sameQuantity(unit, note) === true);
    const results = resultFormulas(formulas, questionUnits);
    // One right result of two is half an answer, which coverage measures; no right result is a wrong one.
    if (results.some((result) => stated.some((unit) => unit === result || sameQuantity(unit, result) === true))) return false;
    return results.some((result) => {
      const letters = formulaVariables(result);
      return stated.some((unit) => formulaVariables(unit) === letters && sameQuantity(unit, result) === false && !equalsNote(unit));
    });
  });
}

/** A reference's formulas ("2^(n-1)", "o(1)"), as its profile reads them. */
function formulasOf(reference: string): string[] {
  return [...noteFacts(reference).profile.units.keys()].filter((unit) => unit.startsWith('$'));
}

/** A note's results: its formulas the question does not hold, but for those inside another ("n-1" of "2^(n-1)"). */
function resultFormulas(formulas: readonly string[], questionUnits: ReadonlySet<string>): string[] {
  const own = formulas.filter((unit) => !questionUnits.has(unit));
  return own.filter((unit) => !own.some((other) => other !== unit && other.includes(unit.slice(1))));
}

/** The answer's formulas the question does not already hold. */
function statedFormulas(answer: AnswerView, questionUnits: ReadonlySet<string>): string[] {
  return [...answer.profile.units.keys()].filter((unit) => unit.startsWith('$') && !questionUnits.has(unit));
}

/** Share of the question's subject matter (its units without framing words) the answer names. */
export function sharedTopic(question: string, answer: AnswerView): number {
  let total = 0;
  let named = 0;
  for (const [unit, weight] of topicUnits(question)) {
    total += weight;
    if (answer.units.has(unit)) named += weight;
  }
  return total > 0 ? named / total : 0;
}

/** Share of the answer's informative units that also occur in the question or a reference. */
export function relevanceOf(answer: AnswerView, question: TextProfile, references: readonly string[]): number {
  const noteUnits = references.map((reference) => noteFacts(reference).profile.units);
  let total = 0;
  let related = 0;
  for (const [unit, weight] of answer.profile.units) {
    total += weight;
    let known = question.units.has(unit);
    for (let index = 0; !known && index < noteUnits.length; index += 1) known = noteUnits[index]!.has(unit);
    if (known) related += weight;
  }
  return total > 0 ? related / total : 0;
}
