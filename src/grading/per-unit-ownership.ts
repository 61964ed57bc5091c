/**
 * What each one of something has, said of the other unit: the note's 「每一个有虚函数的类…都有一个对应的虚函数表」 and 「每一个类的
 * 对象都有一个指向虚函数表的指针」 give the table to each class and the pointer to each object; the answer's 「虚函数表是每个对象
 * 一张的」 gives the table to each object. Every word is the note's, so bag-of-words reads it as the note's own sentence.
 *
 * Read: "每(一)个 N (都/各)有 … X", "X 是每个 N 一张/一个/一份", "每个 N 一个 X". N and X are the head nouns (the words after the
 * last 的). The answer's pair contradicts the note when the note gives X to another unit, never to N, and names N as the unit
 * of something else: only then is N known to be the other unit the note tells apart.
 */
import { memoByObject } from './grading-memo.ts';
import { spaceless, type ClauseClash, type Statement } from './statements.ts';

interface Ownership {
  statement: Statement;
  unit: string;
  owned: string;
}

const word = String.raw`[\u4e00-\u9fffa-z0-9_]`;
const eachHas = new RegExp(String.raw`每一?个(${word}{1,14}?)(?:都|各自|各)?(?:有|拥有|对应|维护|持有|保存)(?:一个|一张|一份|自己的|各自的|独立的|对应的|专属的)?(${word}[^，,。；;]{0,20})`, 'u');
const isEachOne = new RegExp(String.raw`(${word}{2,12}?)(?:是|为)每一?个(${word}{1,8}?)(?:各有|各)?(?:一张|一个|一份|独有|独享|私有)`, 'u');
const eachOne = new RegExp(String.raw`每一?个(${word}{1,8}?)(?:一张|一个|一份)(${word}{2,12})`, 'u');

/** The head noun of a phrase: what follows its last 的, without a leading measure word, at most six characters. */
function head(phrase: string): string {
  const afterOf = phrase.split('的').at(-1) ?? phrase;
  return Array.from(afterOf.replace(/^(?:一个|一张|一份|自己|各自|独立|对应)/u, '').replace(/[了啊呢吧]$/u, '')).slice(-6).join('');
}

function ownershipOf(statement: Statement): Ownership | undefined {
  if (statement.scopes.length) return undefined;
  // An aside in brackets is left out, and so is a bracket the clause split cut off ("每一个多态的类)都有…").
  const text = spaceless(statement.normalised).replace(/[（(][^）)]*[）)]/gu, '').replace(/[（）()]/gu, '');
  const has = eachHas.exec(text);
  const is = isEachOne.exec(text);
  const one = eachOne.exec(text);
  // "每个对象各有一份完整的" owns nothing it names after 有; "虚函数表是每个对象…" names it before.
  const readings = [has && { unit: head(has[1]!), owned: head(has[2]!) }, is && { unit: head(is[2]!), owned: head(is[1]!) }, one && { unit: head(one[1]!), owned: head(one[2]!) }];
  const named = readings.find((reading) => reading && Array.from(reading.unit).length >= 1 && Array.from(reading.owned).length >= 2);
  return named ? { statement, ...named } : undefined;
}

/** Two head nouns for the same thing: one holds the other ("虚函数表" / "表"), two characters at least. */
const same = (a: string, b: string) => Array.from(a).length >= 2 && Array.from(b).length >= 2 && (a.includes(b) || b.includes(a));
/** Two units: the same head noun, or the same one-letter name (Go's P, M, G). */
const sameUnit = (a: string, b: string) => a === b || same(a, b);

/** The note's ownerships are the same for every answer to its card: read once per note. */
const ownershipsOfNote = memoByObject((note: readonly Statement[]) => note.flatMap((statement) => ownershipOf(statement) ?? []));

export function perUnitOwnership(note: readonly Statement[], answer: readonly Statement[]): ClauseClash[] {
  const noted = ownershipsOfNote(note);
  if (noted.length < 2) return [];
  return answer.flatMap((statement) => {
    const said = ownershipOf(statement);
    if (!said) return [];
    const ofThing = noted.filter((claim) => same(claim.owned, said.owned));
    // The note gives the thing to this unit too, or to no unit at all: nothing to contradict.
    if (!ofThing.length || ofThing.some((claim) => sameUnit(claim.unit, said.unit))) return [];
    // The answer's unit is one the note tells apart: the unit of something else in the note.
    if (!noted.some((claim) => sameUnit(claim.unit, said.unit))) return [];
    return [{ said: statement, notes: ofThing[0]!.statement }];
  });
}
