/**
 * When a clause pair that reads as a negation agrees after all: two negative clauses about one thing
 * ("没用过k8s" against "k8s我都没学过"), or a note that says the answer's side too, of the same thing
 * ("bgsave … 不会造成阻塞" beside "fork 时是会阻塞主线程的"). Split from contradictions.ts, which asks.
 */
import { contentKeys, isConceptKey, negatedAbout, thingWords } from './claim-reading.ts';
import { negationScopeTexts, sentenceUnits, spaceless, type Statement } from './statements.ts';
import { profileText } from './text-analysis.ts';

/**
 * Two negative clauses about one thing agree whatever their verbs: "之前没用过k8s" restates, not denies,
 * "k8s我都没学过", though neither negation denies the other's verb. Each clause's negation must be about a
 * word both share (negatedAbout), and the two must negate as many times.
 */
export function negativeAboutOneThing(a: Statement, b: Statement): boolean {
  // A clause with a negation more ("没有值的通道…不会得到零值" against "没有值的通道…会得到零值") denies what the other asserts,
  // however much they agree about the thing both negate.
  if (!a.scopes.length || a.scopes.length !== b.scopes.length) return false;
  const ofA = contentKeys(a.normalised);
  const ofB = contentKeys(b.normalised);
  const thingsOfA = thingWords(ofA, a.normalised);
  const thingsOfB = thingWords(ofB, b.normalised);
  return [...thingsOfA].some((key) => !isConceptKey(key) && thingsOfB.has(key) && negatedAbout(a.normalised, key, thingsOfB) && negatedAbout(b.normalised, key, thingsOfA));
}

/**
 * A negation whose reach the note runs past: "并没有调用 fsync 真正落盘" denies 落盘 too, although its scope stops at 调用 fsync,
 * so "并没有真正落盘" restates it. Each clause negates once, and what the answer's negation denies first comes after the
 * note's negation in its clause.
 */
export function deniedFurtherOn(note: Statement, said: Statement): boolean {
  if (note.scopes.length !== 1 || said.scopes.length !== 1) return false;
  const head = deniedHead(said);
  const negation = negationScopeTexts(note.normalised)[0];
  if (!head || !negation) return false;
  return spaceless(note.normalised.slice(negation.at)).includes(head);
}

/** What gives something to one condition or holder alone: 只能在…使用, 只有…才. */
const onlyMarker = /只能|只有|仅能|仅在|唯有|\bonly\b/u;
/** Saying the excluded case can too: "没有亲缘关系的进程也能用". */
const alsoCan = /也(?:能|可以|会|行)|同样(?:能|可以)|照样|一样(?:能|可以)|都(?:能|可以)|\balso\b|\bas well\b/u;

/**
 * The note's "只能在具有亲缘关系的进程间使用" is said again, not denied, by "没亲缘关系得用有名管道" or "没亲缘关系的进程不能用": what
 * the answer denies is the note's only case, and it gives the other case something else. "…也能用" anywhere in its sentence
 * ("不需要亲缘关系，随便两个进程都能用") still denies it.
 */
export function deniesOnlyCase(note: Statement, said: Statement, sentence = said.normalised): boolean {
  const only = onlyMarker.exec(note.normalised);
  if (!only || note.scopes.length || !said.scopes.length || alsoCan.test(sentence)) return false;
  const head = deniedHead(said);
  return head !== undefined && spaceless(note.normalised.slice(only.index + only[0].length)).includes(head);
}

/** The first content word a clause's negations deny ("不阻塞主线程" → 阻塞). */
function deniedHead(statement: Statement): string | undefined {
  for (const scope of statement.scopes) for (const [unit, weight] of scope) if (weight >= 0.9) return unit;
  return undefined;
}

const denies = (statement: Statement, unit: string) => statement.scopes.some((scope) => scope.has(unit));

/**
 * Whether another clause of the note says what the answer clause says about the word in dispute.
 * A note often states both sides: "bgsave … 不会造成阻塞" and, about forking, "是会阻塞主线程的".
 * An answer agreeing with one of them ("bgsave …，不阻塞主线程") is not contradicting the note, even
 * if it happens to align more closely with the other.
 */
export function noteAlsoSays(said: Statement, contradicted: Statement, note: readonly Statement[], answer: readonly Statement[], about: ReadonlyMap<Statement, string[]>): boolean {
  const head = deniedHead(said) ?? deniedHead(contradicted);
  if (!head) return false;
  const saidDenies = denies(said, head);
  // When the sentences name the question's subjects, the other clause must be about the same one:
  // "save … 不会阻塞" is not excused by the note's "bgsave … 不会造成阻塞".
  // An answer that says it of several subjects ("save 和 bgsave 都不会阻塞") is excused only if the note
  // says it of each of them.
  const saidAbout = about.get(said) ?? [];
  // The excusing clause's sentence must name what the answer clause says it of at least as much as the
  // contradicted one's: "bgsave … 不会造成阻塞" does not excuse "创建子进程的过程不会阻塞主线程" against
  // "毕竟创建子进程的过程中，是会阻塞主线程的".
  // Whether the clause names, before its denial, what it says it of ("bgsave 创建子进程的过程不会阻塞主线程"), or leaves that to
  // its sentence ("bgsave fork 一个子进程去写，主线程不阻塞").
  const before = wordsBeforeDenial(said, head);
  const namesItsSubject = saidAbout.some((subject) => spaceless(before).includes(subject));
  const subject = subjectUnits(said, before, answer, namesItsSubject || !saidAbout.length);
  const closeness = (other: Statement) => overlap(subject, sentenceUnits(note, other.sentence));
  const least = closeness(contradicted);
  // Within the contradicted clause's own sentence, whose subject is the same for every clause, the closer clause decides:
  // "也不在数据库中" does not excuse "这样不会给数据库带来很大的压力" beside the note's "这样会给数据库带来很大的压力".
  const restatesAsWell = (other: Statement) => other.sentence !== contradicted.sentence || overlap(said.units, other.units) >= overlap(said.units, contradicted.units);
  // A clause whose sentence is about the thing the answer's clause is said of is closer than one about nothing named, however
  // many words the other shares: "bgsave fork 一个子进程去写，主线程不阻塞" says the note's "bgsave…不会造成阻塞", not the opposite
  // of "创建子进程的过程中，是会阻塞主线程的", which shares 子进程 and 主线程 with it.
  const aboutSaid = (other: Statement) => (about.get(other) ?? []).some((subject) => saidAbout.includes(subject));
  // Only for a clause that leaves its subject to its sentence: "bgsave 创建子进程的过程不会阻塞主线程" names what it says it of.
  const closer = (other: Statement) => closeness(other) >= least || (!namesItsSubject && aboutSaid(other) && !(about.get(contradicted) ?? []).length);
  const excusing = note.filter((other) => other !== contradicted && other.units.has(head) && denies(other, head) === saidDenies && closer(other) && restatesAsWell(other));
  if (!saidAbout.length) return excusing.length > 0;
  return saidAbout.every((subject) =>
    excusing.some((other) => {
      const otherAbout = about.get(other) ?? [];
      return !otherAbout.length || otherAbout.includes(subject);
    }),
  );
}

/** A clause's words before the word in dispute or its first negation ("创建子进程的过程不会阻塞" → 创建子进程的过程). */
function wordsBeforeDenial(said: Statement, head: string): string {
  const ends = [negationScopeTexts(said.normalised)[0]?.at, said.normalised.indexOf(head)].filter((at): at is number => at !== undefined && at >= 0);
  return said.normalised.slice(0, Math.min(said.normalised.length, ...ends));
}

/** Weight two unit sets share (a concept, which mostly repeats its words, counts little). */
function overlap(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let shared = 0;
  for (const [unit, weight] of a) if (b.has(unit)) shared += (unit.startsWith('~') ? 0.3 : 1) * Math.min(weight, b.get(unit) ?? 0);
  return shared;
}

/**
 * What an answer clause says the word in dispute of: its words before that word or its first negation
 * ("创建子进程的过程不会阻塞"), or, for a bare predicate ("…，不阻塞主线程"), the clauses before it in its sentence. So too when
 * the words before the negation name none of the things the sentence is about: in "bgsave fork 一个子进程去写，主线程不阻塞"
 * 主线程 is what is not blocked, and bgsave, named before it, is what the clause is said of.
 */
function subjectUnits(said: Statement, before: string, answer: readonly Statement[], namesItsSubject: boolean): Map<string, number> {
  const units = new Map(profileText(before).units);
  if (namesItsSubject && [...units.values()].some((weight) => weight >= 0.9)) return units;
  for (const other of answer) {
    if (other === said) break;
    if (other.sentence !== said.sentence) continue;
    for (const [unit, weight] of other.units) units.set(unit, Math.max(weight, units.get(unit) ?? 0));
  }
  return units;
}
