/**
 * How much of a note an answer covers: each key point's coverage (coverage.ts) summed by
 * importance, with contradicted points counted against the answer, and the measures the guards
 * need (relevance to the note, naming the question's subject, stating the note's results).
 */
import { coverPoint, viewOfNothing, type AnswerView, type PointCoverage, type UnitLookup } from './coverage.ts';
import { formulaVariables, sameQuantity } from './formula-value.ts';
import { memoByObject } from './grading-memo.ts';
import { capPoints, type KeyPointSpec } from './key-points.ts';
import { enumeratedNames, looksLikeTermList, minimumNamedItems } from './non-answers.ts';
import { profileText, shareFound, topicUnits, type TextProfile } from './text-analysis.ts';

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
  views: { asserted: AnswerView; said: AnswerView },
  questionUnits: ReadonlySet<string>,
  parameters: Readonly<CoverageParameters>,
  wrong: ReadonlyMap<number, { said: string; notes: string }>,
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

/**
 * Points under the part of the note the question asks about. A long note is often an overview
 * with sections ("#### 垃圾回收触发时机", "#### GC性能优化"); a question about one of them is
 * answered by that section, not by the whole note. Applies only when one section's headings name
 * clearly more of the question than the others.
 */
const focusCache = new WeakMap<readonly KeyPointSpec[], Map<string, KeyPointSpec[]>>();

/**
 * `specs` are all of a note's points (extractAllKeyPoints); the result is capped after focusing.
 * `subject` is the note's own heading path ("go > 聊聊你对gc的理解"): what the whole note is about
 * does not tell its sections apart, so those words do not choose one ("Go 的 GC 什么时候触发" is
 * about 触发, not about the section whose heading happens to repeat "Go").
 */
export function focusOn(question: string, specs: readonly KeyPointSpec[], subject = ''): KeyPointSpec[] {
  const byQuestion = focusCache.get(specs) ?? new Map<string, KeyPointSpec[]>();
  focusCache.set(specs, byQuestion);
  const key = `${question}\u0000${subject}`;
  let focused = byQuestion.get(key);
  if (!focused) {
    focused = capPoints(focusSection(question, specs, subject));
    if (byQuestion.size > 64) byQuestion.clear();
    byQuestion.set(key, focused);
  }
  return focused;
}

function focusSection(question: string, specs: readonly KeyPointSpec[], subject: string): KeyPointSpec[] {
  const noteSubject = profileText(subject).units;
  const wanted = new Map([...topicUnits(question)].filter(([unit]) => !noteSubject.has(unit)));
  const sections = new Map<string, KeyPointSpec[]>();
  for (const spec of specs) for (const heading of spec.section) sections.set(heading, [...(sections.get(heading) ?? []), spec]);
  if (sections.size < 2) return [...specs];
  const share = (units: UnitLookup) => shareFound(wanted, units);
  const byHeading = [...sections.keys()].map((heading) => ({ heading, match: share(profileText(heading).units) }));
  const named = chosenSection(byHeading, sections, specs, 0.3);
  // Headings that tie on the question's topic leave it to what each asks.
  const undecided = !named || named.length === specs.length;
  return (named && betterHeldElsewhere(named, sections, share)) ?? (undecided ? sectionByAspect(question, noteSubject, sections, specs) : undefined) ?? named ?? sectionByContent(sections, specs, share) ?? [...specs];
}

/**
 * Sections headed by questions about one subject ("Q：JWT 怎么工作？", "Q：JWT 的主要缺点？") differ only in what they ask: the
 * topic words tie, and the aspect a question asks about (缺点, 怎么工作) names its section. Taken only when one section's
 * heading holds clearly more of the whole question than any other.
 */
function sectionByAspect(question: string, noteSubject: ReadonlySet<string> | ReadonlyMap<string, number>, sections: ReadonlyMap<string, KeyPointSpec[]>, specs: readonly KeyPointSpec[]): KeyPointSpec[] | undefined {
  const asked = new Map([...profileText(question).units].filter(([unit]) => !noteSubject.has(unit)));
  const ranked = [...sections].map(([heading, points]) => ({ points, match: shareFound(asked, profileText(heading).units) })).sort((a, b) => b.match - a.match);
  const [best, next] = ranked;
  if (!best || best.match < aspectSectionMatch || (next && next.match > best.match - aspectSectionLead) || best.points.length >= specs.length) return undefined;
  return best.points;
}

/** Share of the whole question a section's heading must hold, and its lead over the next, to be the one it asks about. */
const aspectSectionMatch = 0.5;
const aspectSectionLead = 0.2;

/** The units a section's points hold between them: what its text says, for the focus measures below. */
function unitsOf(points: readonly KeyPointSpec[]): UnitLookup {
  return { has: (unit) => points.some((point) => point.profile.units.has(unit)) };
}

/** Lead, in share of the question, by which another section's heading and text must hold more than the named one's. */
const namedSectionLead = 0.1;

/**
 * A heading that shares the question's plain words ("内存分配量达到阈值触发GC" for "Go 的内存分配是怎么管理的？mcache、
 * mcentral 各是什么角色？") loses to a section that, heading and text together, holds clearly more of the question and
 * most of it (the one on mcache and mcentral): what a section is about is in its text as much as in its heading.
 */
function betterHeldElsewhere(named: readonly KeyPointSpec[], sections: ReadonlyMap<string, KeyPointSpec[]>, share: (units: UnitLookup) => number): KeyPointSpec[] | undefined {
  const held = (heading: string, points: readonly KeyPointSpec[]) => {
    const headingUnits = profileText(heading).units;
    const text = unitsOf(points);
    return share({ has: (unit) => headingUnits.has(unit) || text.has(unit) });
  };
  const namedHeading = [...sections].find(([, points]) => points.length === named.length && points.every((point) => named.includes(point)))?.[0] ?? '';
  const namedHeld = held(namedHeading, named);
  let best: { points: KeyPointSpec[]; held: number } | undefined;
  for (const [heading, points] of sections) {
    if (points.some((point) => named.includes(point))) continue;
    const candidate = held(heading, points);
    if (candidate >= contentFocusMatch && candidate >= namedHeld + namedSectionLead && (!best || candidate > best.held)) best = { points, held: candidate };
  }
  return best?.points;
}

/**
 * The section whose own text names the question when no heading does: "Go 的逃逸分析是做什么的？" of an
 * overview "聊聊你对gc的理解" whose escape analysis sits under "#### GC性能优化". The smallest section holding
 * nearly all the question's words that the note holds is chosen, and only when every section outside it
 * holds clearly less: a question about the whole note names words every section uses, and keeps them all.
 */
const contentFocusMatch = 0.5;
const contentFocusLead = 0.3;

function sectionByContent(sections: ReadonlyMap<string, KeyPointSpec[]>, specs: readonly KeyPointSpec[], share: (units: UnitLookup) => number): KeyPointSpec[] | undefined {
  const matches = [...sections.values()].map((points) => ({ points, match: share(unitsOf(points)) }));
  const top = Math.max(...matches.map((entry) => entry.match));
  if (top < contentFocusMatch) return undefined;
  const candidates = matches.filter((entry) => entry.match >= top - 0.1).sort((a, b) => a.points.length - b.points.length);
  const chosen = candidates[0]!;
  const within = (inner: KeyPointSpec[], outer: KeyPointSpec[]) => inner.every((point) => outer.includes(point));
  const nested = (entry: { points: KeyPointSpec[] }) => within(chosen.points, entry.points) || within(entry.points, chosen.points);
  if (!candidates.every(nested)) return undefined;
  if (matches.some((entry) => !nested(entry) && entry.match > chosen.match - contentFocusLead)) return undefined;
  return chosen.points.length < specs.length ? chosen.points : undefined;
}

function chosenSection(matches: readonly { heading: string; match: number }[], sections: ReadonlyMap<string, KeyPointSpec[]>, specs: readonly KeyPointSpec[], threshold: number): KeyPointSpec[] | undefined {
  if (!matches.length) return undefined;
  const bestMatch = Math.max(...matches.map((entry) => entry.match));
  if (bestMatch < threshold) return undefined;
  // Sections that match about as well: a clear winner, or one that holds all the others (the
  // parent "垃圾回收触发时机" ties with its own sub-section "手动触发" on 触发, and is the answer).
  const contenders = matches.filter((entry) => entry.match > bestMatch - 0.1).map((entry) => sections.get(entry.heading) ?? []);
  const widest = contenders.reduce((widest, points) => (points.length > widest.length ? points : widest), contenders[0] ?? []);
  if (!contenders.every((points) => points.every((point) => widest.includes(point)))) return [...specs];
  return widest.length >= 1 && widest.length < specs.length ? widest : [...specs];
}

/** What scoring needs of a reference itself; the same few references are graded against again and again. */
export interface NoteFacts {
  profile: TextProfile;
  /** The note is itself a list of names, so listing names answers it. */
  isList: boolean;
}

const noteFactsCache = new Map<string, NoteFacts>();
const noteFactsCacheSize = 256;

export function noteFacts(note: string): NoteFacts {
  const cached = noteFactsCache.get(note);
  if (cached) return cached;
  const facts = { profile: profileText(note), isList: looksLikeTermList(note) || enumeratedNames(note) >= minimumNamedItems };
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
