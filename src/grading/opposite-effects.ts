/**
 * An effect said the other way: the note's write barrier "可以大大减少STW的时间" where the answer has "开了写屏障STW的时间反而还会
 * 更长一点"; microservices "提高系统容错性" where it has "容错比单体还差". The note raises or lowers a thing with a verb (提高, 减少);
 * the answer gives the same thing the opposite outcome after it (更长, 还差). Every word is the note's but the direction, so
 * the bag of words read the answer as the note's own sentence. (The opposite verb, "降低系统的容错性", is read as an antonym
 * of the note's: antonyms.ts.)
 *
 * Read only when the answer's clause denies nothing, names the thing by a content word of the note's (STW, 容错), shares
 * another content word with the note's sentence (写屏障, 系统: the same matter), names nothing in Latin letters the note's
 * sentence does not ("save 的阻塞时间更长" is about save, not the note's bgsave), and the answer nowhere gives the thing the
 * note's own direction (a comparison of two things says both).
 */
import { sharesContentWord } from './opposite-measures.ts';
import { sentenceUnits, spaceless, type ClauseClash, type Statement } from './statements.ts';
import { isGenericWord, wordUnits } from './text-analysis.ts';

type Direction = 'up' | 'down';

/** A verb that raises or lowers what follows it, up to the end of its clause. */
const verbs: ReadonlyArray<readonly [Direction, string]> = [
  ['up', '提高|提升|增强|增加|加快|改善|增大|扩大'],
  ['down', '降低|减少|减小|缩短|减轻|削弱|减弱'],
];
const actOn = verbs.map(([direction, words]) => [direction, new RegExp(`(?:${words})([^，,。；;！!？?]{2,10})`, 'gu')] as const);

/**
 * An outcome after the thing it is of: 更长, 变少, 还差, 下降. 差 (poor) is down only for a thing the note raises (容错,
 * 性能: good things); of a thing the note lowers (延迟, 开销) "变差" would mean more of it.
 */
const outcomes: ReadonlyArray<readonly [Direction, RegExp]> = [
  ['up', /(?:更|变|变得|越来越|会|还会|反而)(?:高|长|多|大|慢|久)|(?:上升|增加|变大|变多|变长)(?!了?[\u4e00-\u9fff]{2})/u],
  ['down', /(?:更|变|变得|越来越|还|反而)(?:低|短|少|小|差|弱)|(?:下降|降低|减少|变小|变少|变短|变差)(?!了?[\u4e00-\u9fff]{2})/u],
];

interface Effect {
  statement: Statement;
  direction: Direction;
  /** Content units of the thing raised or lowered. */
  thing: Map<string, number>;
}

function effectsOf(statement: Statement): Effect[] {
  if (statement.scopes.length) return [];
  const text = spaceless(statement.normalised);
  return actOn.flatMap(([direction, pattern]) =>
    [...text.matchAll(pattern)].map((found) => ({
      statement,
      direction,
      thing: new Map([...wordUnits(found[1]!.replace(/^(?:了|的)/u, ''))].filter(([unit, weight]) => weight >= 1 && !isGenericWord(unit))),
    })),
  );
}

/**
 * The direction an answer clause gives a thing by an outcome after one of its words, and what precedes that word. A thing
 * the note raises is a good one (提高性能), so 差 of it is down.
 */
function directionOf(text: string, thing: ReadonlyMap<string, number>, raisesGood: boolean): { direction: Direction; before: string } | undefined {
  for (const unit of thing.keys()) {
    const at = text.indexOf(unit);
    if (at < 0) continue;
    const before = text.slice(0, at);
    const after = text.slice(at + unit.length, at + unit.length + 12);
    for (const [direction, pattern] of outcomes) {
      const found = pattern.exec(after);
      if (found && !(found[0].endsWith('差') && !raisesGood)) return { direction, before };
    }
  }
  return undefined;
}

/**
 * Whether the clause's words before the thing name something the note's sentence does not: its own subject. "单体系统的容错更差"
 * is about the monolith, which the note's "提高系统容错性" (of microservices) is not; "容错比单体还差" names the monolith only as
 * what it compares with.
 */
function namesOtherSubject(before: string, noteSentence: ReadonlyMap<string, number>): boolean {
  for (const [unit, weight] of wordUnits(before)) if (weight >= 1 && !isGenericWord(unit) && !noteSentence.has(unit)) return true;
  return false;
}

const latinNames = (text: string) => text.match(/[a-z][a-z0-9_]+/gu) ?? [];

export function oppositeEffects(note: readonly Statement[], answer: readonly Statement[]): ClauseClash[] {
  const effects = note.flatMap(effectsOf).filter((effect) => effect.thing.size);
  if (!effects.length) return [];
  const clashes: ClauseClash[] = [];
  for (const effect of effects) {
    const given = answer.filter((said) => !said.scopes.length).map((said) => ({ said, read: directionOf(spaceless(said.normalised), effect.thing, effect.direction === 'up') }));
    // A thing the answer also gives the note's direction is compared, not contradicted; one it gives no direction is not read.
    if (given.some((entry) => entry.read?.direction === effect.direction) || !given.some((entry) => entry.read)) continue;
    // The note's sentence, read only for an effect the answer gives the other direction (most answers give none).
    const noteSentence = sentenceUnits(note, effect.statement.sentence);
    const noteText = note.filter((statement) => statement.sentence === effect.statement.sentence).map((statement) => spaceless(statement.normalised)).join('');
    for (const { said, read } of given) {
      if (!read || read.direction === effect.direction || namesOtherSubject(read.before, noteSentence)) continue;
      if (latinNames(spaceless(said.normalised)).some((name) => !noteText.includes(name))) continue;
      if (!sharesContentWord(sentenceUnits(answer, said.sentence), noteSentence, (unit) => effect.thing.has(unit))) continue;
      clashes.push({ said, notes: effect.statement });
    }
  }
  return clashes;
}
