/**
 * A conversion said the other way round: the note has something turn A into B ("htonl 和 htons 将主机字节序转换为网络字节序")
 * and the answer has the same thing turn B into A ("htonl 和 htons 将网络字节序转换为主机字节序"). Every word is the note's, in
 * another order, so neither the bag of words nor an in-order alignment sees it. The thing is what the clause opens with;
 * A and B are told apart by what each holds and the other does not (主机 / 网络, with 字节序 in both).
 *
 * A transfer is read the same way: the note copies A into B ("从服务器将主服务器的二进制日志复制到自己的中继日志") and the answer
 * B into A ("从服务器再把中继日志复制到自己的二进制日志"). Its ends are read by their heads, the words after their last 的, since
 * whose log it is (主服务器的, 自己的) is what an answer leaves out.
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

/** 将 A 复制到 B: A is copied, written or sent into B. 写入 and 写进 take no 到. */
const transfer = /^(.*?)(?:将|把)([^，,。；;将把]{1,24}?)(?:都|全部|直接|再|先|会|就)*(?:(?:复制|拷贝|同步|写|发送|发|传输|传|搬|迁移|转移|追加|刷)(?:到|至)|写入|写进)([^，,。；;]{1,24})/u;

/** What an end is, without whose it is: "主服务器的二进制日志" is read as 二进制日志. */
const headOf = (end: string) => end.slice(end.lastIndexOf('的') + 1).replace(/[(（].*$/u, '');

function conversionOf(statement: Statement): Conversion | undefined {
  if (statement.scopes.length) return undefined;
  const text = statement.normalised.replace(/\s+/g, ' ');
  const found = conversion.exec(text);
  if (found) {
    const thing = thingOf(found[1]!);
    return thing.size ? { statement, thing, from: tokens(found[2]!), to: tokens(found[3]!) } : undefined;
  }
  const moved = transfer.exec(text);
  if (!moved) return undefined;
  const [from, to] = [tokens(headOf(moved[2]!)), tokens(headOf(moved[3]!))];
  return from.size && to.size ? { statement, thing: thingOf(moved[1]!), from, to } : undefined;
}

const thingOf = (opening: string) => new Set([...tokens(opening)].filter((token) => /^[a-z0-9_]+$/u.test(token) || !/[和与及的是会能把将再先就也还然后]/u.test(token)));

/** Whether two conversions are of the same thing: the answer's Latin names among the note's, or else the note's characters all in the answer's. */
function sameThing(said: Conversion, notes: Conversion): boolean {
  const latin = (set: ReadonlySet<string>) => [...set].filter((token) => /^[a-z0-9_]+$/u.test(token));
  const [saidNames, noteNames] = [latin(said.thing), latin(notes.thing)];
  // "ntohl 把…" is about one of the note's "ntohl 和 ntohs".
  // A transfer the note says of nothing named ("将 redo log 持久化到磁盘") is of whatever the answer names.
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
