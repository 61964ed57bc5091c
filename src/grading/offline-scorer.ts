/**
 * The offline grader's scoring: key-point coverage minus contradicted points → calibrated 0–10,
 * plus the guards for answers a coverage score alone gets wrong (injection, "I don't know",
 * questions back, off-topic, bare term lists, a wrong verdict on a true/false question). Pure and
 * synchronous.
 */
import { offQuestionPoints } from './unasked-members.ts';
import { aggregate, coverPoints, givesOtherResults, noteFacts, relevanceOf, sharedTopic, statesResults, type CoverageParameters, type ScoredPoint } from './answer-coverage.ts';
import { focusOn } from './section-focus.ts';
import { answersTheAsk, readStances } from './answer-signals.ts';
import { calibrate, type CalibrationParameters } from './calibration.ts';
import { fittedKnots } from './calibration-fitted.ts';
import { readAgainstNote } from './contradictions.ts';
import { unconditionalVerdict } from './conditional-verdict.ts';
import { contradictsCore } from './core-contradictions.ts';
import { viewAnswer, type AnswerView } from './coverage.ts';
import { deniesDifference } from './denied-difference.ts';
import { premiseOf } from './denied-claims.ts';
import { memoByText } from './grading-memo.ts';
import { injectionScoreCap, stripInjection } from './injection.ts';
import { withoutGeneralOnly } from './general-evidence.ts';
import { extractAllKeyPoints, givenKeyPoints, type KeyPointSpec } from './key-points.ts';
import { contentLength } from './point-text.ts';
import { looksLikeBagOfWords, looksLikeTermList, namesWithoutExplaining, onlyNames, onlyShortItems, pointsAreNames, recitesNames, recitesNoteItems, saysOnlyLabels } from './non-answers.ts';
import { definitionPart } from './definition-part.ts';
import { pointedBlocks } from './pointed-blocks.ts';
import { statesListedSequence } from './sequence-term.ts';
import { creditListedVerdicts, listedVerdictOf, readListedVerdicts } from './listed-verdicts.ts';
import { subQuestionVerdict } from './sub-question-verdict.ts';
import { profileText } from './text-analysis.ts';
import { checkValues } from './value-consistency.ts';
import { judgementVerdicts } from './verdict.ts';
import { creditKeyedOption, readQuizChoice } from './quiz-choice.ts';
import { deniesAnything, mostlyDenies } from './denied-evidence.ts';
import { withoutWrongOptions } from '../ingest/quiz-options.ts';

export type { ScoredPoint } from './answer-coverage.ts';
export { calibrate } from './calibration.ts';
export { pointFrequencies } from './answer-coverage.ts';

export type ScoreFlag =
  | 'empty'
  | 'dontknow'
  | 'question-back'
  | 'offtopic'
  | 'injection'
  | 'list-of-terms'
  | 'labels-only'
  | 'contradiction'
  | 'wrong-verdict'
  | 'wrong-choice'
  | 'recited-choices'
  | 'right-verdict'
  | 'right-result'
  | 'wrong-result'
  | 'swapped-values'
  | 'denied-difference'
  | 'unconditional-verdict'
  | 'mostly-wrong'
  | 'hedged';

export interface OfflineScore {
  /** 0–10, one decimal. */
  score: number;
  /** Importance-weighted share of the reference the answer covers, 0–1 (conclusions included). */
  coverage: number;
  /** Importance-weighted share of the reference the answer contradicts, 0–1. */
  wrong: number;
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
  /** Each reference's heading path in the notes ("go > 聊聊你对gc的理解"), when known. */
  headings?: string[];
  /** Key points the owner fixed for a reference (by index); those references are graded on them as given. */
  keyPoints?: ReadonlyArray<ReadonlyArray<{ text: string; weight: number }> | undefined>;
}

/** The numbers that turn coverage into a score (docs/grading.md explains each step). */
export interface ScoringParameters extends CoverageParameters, CalibrationParameters {
  /** Below this relevance (with little coverage) an answer is about something else. */
  offTopicRelevance: number;
  /**
   * Coverage credited for the right conclusion, before the explanation: the verdict on a
   * true/false question, or all of the note's results (formulas) on a question asking for them.
   */
  conclusionFloor: number;
  /** Explanation coverage at which the right conclusion earns full marks. */
  conclusionFull: number;
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
  knots: fittedKnots,
  wrongCost: 2,
  sameLanguageConcepts: 0.5,
  referenceAveraging: 0.5,
};

/** What the guarded non-answers keep at most. */
const swappedValuesFactor = 0.25;
const namesOnlyCap = 1.5;
const mostlyWrongShare = 0.3;
const guessedShare = 0.5;
const hedgedCap = 3;
const mostlyWrongCap = 1.5;
/** One case's yes or no given for every case of a note that answers by cases: right at most about that case. */
const unconditionalVerdictCap = 2.5;
/** Several options of a quiz named and none chosen: no answer, like a list of terms. */
const recitedChoicesCap = 1;
/** Longest answer analysed; beyond it, text is padding as far as scoring is concerned. */
const maximumAnswerCharacters = 6000;
/** Share of the question's subject an on-topic answer names. */
const onTopicShare = 0.4;

function emptyScore(flag: ScoreFlag, pointSets: KeyPointSpec[][], spans: string[]): OfflineScore {
  const points = (pointSets[0] ?? []).map((spec) => ({ spec, coverage: { mass: 0, found: 0, recall: 0, evidence: undefined, observable: 1 } }));
  return { score: 0, coverage: 0, wrong: 0, relevance: 0, points, referenceIndex: 0, flags: spans.length ? ['injection', flag] : [flag], injectionSpans: spans };
}

/** A note without the lines addressed to a grader: the same for every answer graded against it. */
const cleanedReference = memoByText((reference: string) => stripInjection(withoutWrongOptions(reference)).cleaned);

/** What the answer says of a note, read clause by clause: the product reads it in full (contradictions.ts). */
type ReadNote = (...args: Parameters<typeof readAgainstNote>) => ReturnType<typeof readAgainstNote>;

/**
 * The most coverage an answer can earn on a note: its coverage read as though it contradicted nothing. A contradiction only
 * takes credit away (its point is covered by nothing and keeps its weight; the clause opposing a point is no evidence for
 * it), so the full reading never covers more. It skips the contradiction readers, most of a scoring's time, and lets
 * answered-reference.ts pass over a note the answer cannot clearly answer better. Over the 1,943 alternative notes of every
 * grading set's answers, it was never below the full reading.
 */
export function coverageBound(input: ScoreInput, parameters: Readonly<ScoringParameters> = defaultScoringParameters): number {
  return readAnswer(input, parameters, () => ({ wrong: [], opposed: [] })).coverage;
}

export function scoreAnswer(input: ScoreInput, parameters: Readonly<ScoringParameters> = defaultScoringParameters): OfflineScore {
  const reading = readAnswer(input, parameters, readAgainstNote);
  if ('score' in reading) return reading;
  const { injection, stances, question, questionUnits, referenceTexts, choice, verdict, unconditional, answer, best, bestIndex, statesResult, coverage } = reading;
  const flags: ScoreFlag[] = injection.spans.length ? ['injection'] : [];
  if (choice === 'disagree') flags.push('wrong-choice');
  else if (choice === 'recited') flags.push('recited-choices');
  if (verdict === 'disagree') flags.push('wrong-verdict');
  else if (deniesDifference(input.question, stances.said, referenceTexts)) flags.push('denied-difference');
  else if (unconditional) flags.push('unconditional-verdict');
  if (verdict === 'agree') flags.push('right-verdict');
  if (asksForResult.test(input.question) && statesResult) flags.push('right-result');
  else if (asksForResult.test(input.question) && givesOtherResults(referenceTexts, questionUnits, answer)) flags.push('wrong-result');
  if (best.wrong > 0) flags.push('contradiction');
  // An English answer to a Chinese note is read through its gloss: its own letters share little with either.
  const readings = answer.glossed ? [answer, answer.glossed] : [answer];
  const relevance = Math.max(...readings.map((reading) => relevanceOf(reading, question, referenceTexts)));
  // An answer that talks about what the question names is on topic, however little of the note's
  // wording it shares; only one that does neither is about something else.
  if (relevance < parameters.offTopicRelevance && coverage < 0.15 && Math.max(...readings.map((reading) => sharedTopic(input.question, reading))) < onTopicShare && !answersTheAsk(input.question, stances.said)) flags.push('offtopic');
  // "不知道" decides the grade when what is left is little, or only names.
  if (stances.hedged && (coverage < 0.06 || contentLength(stances.said) < 25 || onlyNames(stances.said) || onlyShortItems(stances.said))) flags.push('dontknow');
  // Naming is not explaining, unless the note itself is a bare list of names.
  const note = referenceTexts[bestIndex] ?? '';
  const noteIsList = noteFacts(note).isList || pointsAreNames(best.points.map((point) => point.spec));
  const pointUnits = best.points.map((point) => ({ units: point.spec.profile.units }));
  // A note that is a bare list of names is answered by reciting them, spaces between them or not ("FIFO LFU LRU TTL").
  const recitesList = noteIsList && recitesNames(stances.said, best.points.map((point) => point.spec.text));
  if (saysOnlyLabels(stances.said, best.points.map((point) => point.spec), questionUnits)) flags.push('labels-only');
  else if ((looksLikeBagOfWords(stances.said) && !recitesList) || (!noteIsList && !recitesNoteItems(stances.said, note) && (looksLikeTermList(stances.said) || namesWithoutExplaining(stances.said, pointUnits, questionUnits)))) flags.push('list-of-terms');
  const values = checkValues(input.question, stances.asserted, note);
  if (values.swapped > values.consistent) flags.push('swapped-values');

  let score = calibrate(Math.max(0, coverage - parameters.wrongCost * best.wrong), parameters);
  if (flags.includes('list-of-terms') || flags.includes('labels-only')) score = Math.min(score, namesOnlyCap);
  // Admitting not knowing and only guessing at the rest is a hedge, however many of the note's words the guesses use.
  if (stances.hedged && unsureShare(stances.clauses) >= guessedShare) {
    flags.push('hedged');
    score = Math.min(score, hedgedCap);
  }
  // An answer a third of whose claims say the opposite of the note gets the question wrong, whatever else it restates.
  // So does one that says the opposite of the note's core claim, however much else of the note it repeats.
  if (best.wrongShare >= mostlyWrongShare || best.core) {
    flags.push('mostly-wrong');
    score = Math.min(score, mostlyWrongCap);
  }
  if (flags.includes('swapped-values')) score *= swappedValuesFactor;
  if (flags.includes('wrong-verdict') || flags.includes('wrong-choice') || flags.includes('wrong-result') || flags.includes('denied-difference')) score = Math.min(score * 0.1, 1);
  if (flags.includes('recited-choices')) score = Math.min(score, recitedChoicesCap);
  if (flags.includes('unconditional-verdict')) score = Math.min(score, unconditionalVerdictCap);
  if (flags.includes('offtopic') || flags.includes('dontknow')) score = Math.min(score, 1);
  if (flags.includes('injection')) score = Math.min(score, injectionScoreCap);
  return { score: roundScore(score), coverage, wrong: best.wrong, relevance, points: best.points, referenceIndex: bestIndex, flags, injectionSpans: injection.spans };
}

/** The answer read against each note up to its coverage; an answer with nothing to read is scored as it stands. */
function readAnswer(input: ScoreInput, parameters: Readonly<ScoringParameters>, readNote: ReadNote) {
  const injection = stripInjection(input.answer.slice(0, maximumAnswerCharacters));
  const stances = readStances(injection.cleaned);
  const question = profileText(input.question);
  const questionUnits = new Set(question.units.keys());
  const referenceTexts = input.references.map(cleanedReference);
  const pointSets = referenceTexts.map((text, index) => {
    const given = input.keyPoints?.[index];
    return given?.length ? givenKeyPoints(given, index) : focusOn(input.question, extractAllKeyPoints(text, index), input.headings?.[index]);
  });

  if (stances.questionsOnly) return emptyScore('question-back', pointSets, injection.spans);
  // A quiz's pick is its verdict (quiz-choice.ts), read against the options the cleaned reference no longer holds: "C" alone
  // is an answer to a quiz.
  const quiz = readQuizChoice(input.question, input.references, injection.cleaned);
  const choice = quiz?.choice;
  if (contentLength(stances.said) < 2 && !choice) return emptyScore(stances.hedged ? 'dontknow' : 'empty', pointSets, injection.spans);

  // What an answer asserts is often all it said: each distinct text is viewed once per answer.
  const viewsOfText = new Map<string, AnswerView>();
  const view = (text: string) => {
    let known = viewsOfText.get(text);
    if (!known) viewsOfText.set(text, (known = viewAnswer(text)));
    return known;
  };
  const answer = view(stances.said);
  // The yes or no the question asks for, of the whole question (判断题) or of one ask inside it ("…有没有这种现象？").
  // A note point that lists the verdicts of several asks ("答案分别是：会、不能。") is read ask by ask (listed-verdicts.ts).
  const listed = pointSets.map((specs, index) => specs.map((spec) => readListedVerdicts(input.question, spec.text, stances.said, referenceTexts[index])));
  // The keyed pick makes the keyed option's point (creditKeyedOption), not a conclusion floor on top: "C" alone is half an answer
  // to "…为什么？". Only where the question shows the options, and that point is all its words, is the pick the conclusion.
  // A bare yes or no to an ask the note answers by cases is one case's verdict for every case (conditional-verdict.ts): the
  // yes/no readers would take the note's first case for its verdict and lift the answer to it.
  const unconditional = !choice && unconditionalVerdict(input.question, referenceTexts, injection.cleaned);
  const verdict = unconditional ? undefined : choice ? (choice === 'agree' && quiz?.shown ? 'agree' : undefined) : (judgementVerdicts(input.question, referenceTexts, stances.said) ?? subQuestionVerdict(input.question, referenceTexts, stances.said, injection.cleaned, headingPremises(input.headings)) ?? listedVerdictOf(listed));
  // The right verdict is something specific the answer says of the note: general words explaining it count (withoutGeneralOnly).
  const rightConclusion = verdict === 'agree';
  const perReference = pointSets.map((specs, index) => {
    const { wrong: contradictions, opposed } = readNote(input.question, specs, stances.said, questionUnits, referenceTexts[index], headingOver(specs, input.headings?.[index]));
    const contradicting = new Set(contradictions.map((entry) => entry.said));
    // A clause that contradicts the note is evidence for nothing else either.
    // Nor is one that names no case ("有的情况会阻塞住", answer-signals.ts), though it repeats the point's words.
    // A point that denies nothing is not made by what the answer denies: "并不是FIFO" names FIFO and says it is not one, so
    // for such a point a clause that mostly denies is set aside (denied-evidence.ts).
    const keep = (text: string, left: ReadonlySet<string> = contradicting, affirmative = false) =>
      stances.clauses
        .filter((clause) => clause.stance !== 'unspecific' && !left.has(clause.text) && text.includes(clause.text) && !(affirmative && mostlyDenies(clause.text)))
        .map((clause) => clause.text)
        .join(' ');
    const viewsLeaving = (left: ReadonlySet<string>, affirmative: boolean) => ({ asserted: view(keep(stances.asserted, left, affirmative)), said: view(keep(stances.said, left, affirmative)) });
    const views = viewsLeaving(contradicting, false);
    const denies = stances.clauses.some((clause) => mostlyDenies(clause.text));
    // A clause that says a point's clause with the other polarity, of something else, is no evidence for that point.
    const pointViews = new Map<number, typeof views>();
    const opposedPoints = new Set(opposed.map((entry) => entry.point));
    specs.forEach((spec, point) => {
      const affirmative = denies && !deniesAnything(spec.text);
      if (!affirmative && !opposedPoints.has(point)) return;
      const left = new Set([...contradicting, ...opposed.filter((entry) => entry.point === point).map((entry) => entry.said)]);
      pointViews.set(point, viewsLeaving(left, affirmative));
    });
    // The first cue found for a point is what its card says.
    const wrong = new Map<number, { said: string; notes: string }>();
    for (const entry of contradictions) if (!wrong.has(entry.point)) wrong.set(entry.point, { said: entry.shown ?? entry.said, notes: entry.notes });
    listed[index]?.forEach((reading, point) => {
      if (reading?.against && !wrong.has(point)) wrong.set(point, { said: reading.against, notes: specs[point]!.text });
    });
    const points = creditKeyedOption(creditListedVerdicts(withoutGeneralOnly(coverPoints(specs, views, questionUnits, parameters, wrong, pointViews), questionUnits, rightConclusion), listed[index] ?? []), quiz, stances.said);
    // A question about one part of a note is answered by that part: the answer is complete when it makes the
    // points there, whatever it leaves of the rest. What it contradicts anywhere still counts against it.
    const blocks = input.keyPoints?.[index]?.length ? undefined : pointedBlocks(input.question, specs, input.headings?.[index]);
    // Or, asked only what something is, the definition before the note turns to remedies (definition-part.ts).
    const defined = blocks || input.keyPoints?.[index]?.length ? undefined : definitionPart(input.question, specs);
    const pointed = blocks ? (spec: KeyPointSpec) => blocks.has(spec.block) : defined ? (spec: KeyPointSpec) => defined.has(spec) : undefined;
    // A point comparing other things than the question compares answers another question (other-comparison.ts): it costs
    // nothing unless made, as the card does not call it missed.
    // So does a point about a member of a list the question does not name (unasked-members.ts).
    const offQuestion = offQuestionPoints(specs.map((spec) => spec.text), input.question);
    const asked = points.filter((point) => point.wrong || point.coverage.recall >= parameters.pointMade || !offQuestion.has(point.spec.text));
    const whole = aggregate(asked, parameters);
    const part = pointed ? aggregate(asked.filter((point) => pointed(point.spec)), parameters) : undefined;
    const byPart = part !== undefined && part.covered > whole.covered;
    const measured = byPart ? { covered: part.covered, wrong: whole.wrong } : whole;
    // Graded on the part, the card lists the part's points (and anything the answer contradicted elsewhere):
    // "没讲腾讯实习期间…" beside a 10 for a question about the alternatives would contradict the grade.
    const shown = byPart ? points.filter((point) => pointed!(point.spec) || point.wrong) : points;
    // Share of what the answer asserts that the note contradicts clause by clause: a different measure
    // from the wrong points' weight, since one wrong clause can carry most of what was said. A reversed
    // order is a whole sentence's fault, not each of its clauses', so it costs only its point.
    const wrongClauses = new Set(contradictions.filter((entry) => entry.cue !== 'order').map((entry) => entry.said));
    const wrongShare = contentLength([...wrongClauses].join('')) / Math.max(1, contentLength(stances.said));
    return { points: shown, ...measured, wrongShare, core: contradictsCore(input.question, specs, contradictions), net: measured.covered - parameters.wrongCost * measured.wrong };
  });
  let bestIndex = 0;
  perReference.forEach((entry, index) => {
    if (entry.net > (perReference[bestIndex]?.net ?? 0)) bestIndex = index;
  });
  const best = perReference[bestIndex] ?? { points: [], covered: 0, wrong: 0, wrongShare: 0, core: false, net: 0 };
  // Several references are alternative model answers: agreeing with more of them is stronger
  // evidence than matching one by chance, so the best and the average both count.
  const meanCovered = perReference.reduce((sum, entry) => sum + entry.covered, 0) / Math.max(1, perReference.length);
  let coverage = best.covered + parameters.referenceAveraging * (meanCovered - best.covered);

  const statesResult = statesResults(referenceTexts, questionUnits, answer) || statesListedSequence(input.question, referenceTexts, stances.said);
  // The right conclusion (verdict, or the note's results) is most of the answer; the explanation earns the rest.
  if (verdict === 'agree' || (asksForResult.test(input.question) && statesResult)) {
    coverage = parameters.conclusionFloor + (1 - parameters.conclusionFloor) * Math.min(1, coverage / parameters.conclusionFull);
  }
  return { injection, stances, question, questionUnits, referenceTexts, choice, verdict, unconditional, answer, best, bestIndex, statesResult, coverage };
}

/** Share of an answer's content said as a guess, an admission or a question rather than asserted. */
function unsureShare(clauses: readonly { text: string; stance: string }[]): number {
  const all = contentLength(clauses.map((clause) => clause.text).join(''));
  const asserted = contentLength(clauses.filter((clause) => clause.stance === 'asserted').map((clause) => clause.text).join(''));
  return all > 0 ? 1 - asserted / all : 0;
}

/** Questions that ask for a quantity: how many, how much, which complexity, compute/derive. */
const asksForResult = /多少|几[个种次条]|个数|复杂度|求解?|计算|推导|\bhow (?:many|much)\b|\bcomplexity\b|\bcompute\b|\bcalculate\b/iu;

export function roundScore(score: number): number {
  return Math.round(Math.min(10, Math.max(0, score)) * 10) / 10;
}

/** What the notes' own headings take for granted, each a why-question's premise (denied-claims.ts premiseOf). */
function headingPremises(headings: readonly (string | undefined)[] | undefined): string[] {
  return (headings ?? []).flatMap((heading) => premiseOf(heading?.split(' > ').at(-1) ?? '') ?? []);
}

/**
 * The heading right over a note's points ("数据结构 > exchange交换机" → "exchange交换机"), when the first of them opens
 * the note: a question focused on a section further down is not under it.
 */
function headingOver(specs: readonly KeyPointSpec[], heading: string | undefined): string | undefined {
  const first = specs[0];
  return first && first.block === 0 && first.section.length === 0 ? heading?.split(' > ').at(-1) : undefined;
}
