/**
 * A conversion said the other way round: the note has something turn A into B ("htonl 和 htons 将主机字节序转换为网络字节序")
 * and the answer has the same thing turn B into A ("htonl 和 htons 将网络字节序转换为主机字节序"). Every word is the note's, in
 * another order, so neither the bag of words nor an in-order alignment sees it. The thing is what the clause opens with;
 * A and B are told apart by what each holds and the other does not (主机 / 网络, with 字节序 in both).
 */
import { onlyIn } from './reversed-comparisons.ts';
import type { ClauseClash, Statement } from './statements.ts';

const conversion = /^(.*?)(?:将|把)?([^，,。；;将把]{1,16}?)(?:转换为|转换成|转化为|转成|转为)([^，,。；;]{1,16})/u;

interface Conversion {
  statement: Statement;
  /** Latin words and Chinese characters of what the clause opens with. */
  thing: Set<string>;
  from: Set<string>;
  to: Set<string>;
}

const tokens = (text: string) => new Set(text.match(/[a-z0-9_]+|[\u4e00-\u9fff]/gu) ?? []);

function conversionOf(statement: Statement): Conversion | undefined {
  if (statement.scopes.length) return undefined;
  const found = conversion.exec(statement.normalised.replace(/\s+/g, ' '));
  if (!found) return undefined;
  const thing = new Set([...tokens(found[1]!)].filter((token) => /^[a-z0-9_]+$/u.test(token) || !/[和与及的是会能把将]/u.test(token)));
  return thing.size ? { statement, thing, from: tokens(found[2]!), to: tokens(found[3]!) } : undefined;
}

/** Whether two conversions are of the same thing: the answer's Latin names among the note's, or else the note's characters all in the answer's. */
function sameThing(said: Conversion, notes: Conversion): boolean {
  const latin = (set: ReadonlySet<string>) => [...set].filter((token) => /^[a-z0-9_]+$/u.test(token));
  const [saidNames, noteNames] = [latin(said.thing), latin(notes.thing)];
  // "ntohl 把…" is about one of the note's "ntohl 和 ntohs".
  return noteNames.length ? saidNames.length > 0 && saidNames.every((name) => noteNames.includes(name)) : [...notes.thing].every((token) => said.thing.has(token));
}

/** The answer turns `to` into `from` of the note's conversion (reversed), or `from` into `to` (as the note does). */
function turns(said: Conversion, notes: Conversion, reversed: boolean): boolean {
  const [fromOnly, toOnly] = [onlyIn(notes.from, notes.to), onlyIn(notes.to, notes.from)];
  if (!fromOnly.length || !toOnly.length) return false;
  const [into, out] = reversed ? [said.to, said.from] : [said.from, said.to];
  return fromOnly.every((token) => into.has(token)) && toOnly.every((token) => out.has(token)) && !fromOnly.some((token) => out.has(token));
}

export function reversedConversions(note: readonly Statement[], answer: readonly Statement[]): ClauseClash[] {
  const noted = note.flatMap((statement) => conversionOf(statement) ?? []);
  if (!noted.length) return [];
  return answer.flatMap((statement) => {
    const said = conversionOf(statement);
    if (!said) return [];
    const same = noted.filter((entry) => sameThing(said, entry));
    // A note that has the thing convert both ways (a conversion and its inverse) is not read.
    if (same.some((entry) => turns(said, entry, false))) return [];
    const reversed = same.find((entry) => turns(said, entry, true));
    return reversed ? [{ said: statement, notes: reversed.statement }] : [];
  });
}
