/**
 * A thing put at, or taken from, the other end of a list or queue: the note's LRU moves an entry "访问缓存后就将其放置到链表的头部"
 * and evicts "优先置换尾部"; the answer "每次访问的时候，我理解是把这个节点挪到链表尾部" or "淘汰的时候从头部删". Every word is
 * the note's but one end, so the bag of words reads it as the note's own sentence.
 *
 * A clause is read when it names one end (头部 / 尾部 and their spoken forms) and one kind of act: putting there (放到, 挪到,
 * 插到, 往…放) or taking from there (删, 淘汰, 置换, 弹出). Taking from the other end than the note's only one contradicts it.
 * Putting at the other end contradicts it only for the same thing: the answer's clause (or the clause before it, when that
 * names no end) names what the note's clause names before its act (访问), and nothing a clause putting at its own end names.
 */
import { memoByObject } from './grading-memo.ts';
import { clauseBefore, spaceless, type ClauseClash, type Statement } from './statements.ts';

type End = 'head' | 'tail';
type Act = 'put' | 'take';

/** An end of a list or queue; not a message's header (HTTP头部, 报文头部). */
const endWords: ReadonlyArray<readonly [End, RegExp]> = [
  ['head', /(?<![a-z0-9]|报文|请求|响应|协议|首)(?:头部|头上|表头|队头|队首|链表头|链头)/u],
  ['tail', /(?<![a-z0-9])(?:尾部|尾巴|尾上|表尾|队尾|链表尾|链尾|末尾)/u],
];
const acts: ReadonlyArray<readonly [Act, RegExp]> = [
  ['put', /放置|放到|放在|放入|放|移动到|挪到|移到|调整到|插入|插到|插在|加到|添加到|挂到|挂在|入队/u],
  ['take', /删除|删|淘汰|置换|移除|弹出|取出|出队|驱逐|踢出|换出/u],
];

interface EndClaim {
  statement: Statement;
  end: End;
  act: Act;
  /** Character bigrams of what the clause names before its act and end: what is put or taken, and when. */
  cues: Set<string>;
}

function only<T>(found: readonly T[]): T | undefined {
  return found.length === 1 ? found[0] : undefined;
}

function bigrams(text: string): Set<string> {
  const runs = text.match(/[\u4e00-\u9fff]+|[a-z0-9_]+/gu) ?? [];
  const result = new Set<string>();
  for (const run of runs) {
    if (/^[a-z0-9_]/u.test(run)) result.add(run);
    else for (let index = 0; index + 1 < run.length; index += 1) result.add(run.slice(index, index + 2));
  }
  return result;
}

/** Words that carry no cue of what is put: pronouns, connectives, the list itself. */
const plain = /^(?:就将|将其|就把|把它|把这|这个|然后|每次|的时|时候|之后|以后|我理|理解|解是|链表|表的|的头|的尾|一个|直接|会被)$/u;

function claimOf(statement: Statement, context = ''): EndClaim | undefined {
  if (statement.scopes.length) return undefined;
  const text = spaceless(statement.normalised);
  const end = only(endWords.filter(([, words]) => words.test(text)).map(([end]) => end));
  const act = only(acts.filter(([, words]) => words.test(text)).map(([act]) => act));
  if (!end || !act) return undefined;
  const at = Math.min(...[...acts, ...endWords].map(([, words]) => words.exec(text)?.index ?? text.length));
  const cues = new Set([...bigrams(context + text.slice(0, at))].filter((unit) => !plain.test(unit)));
  return { statement, end, act, cues };
}

const shares = (a: ReadonlySet<string>, b: ReadonlySet<string>) => [...a].some((unit) => b.has(unit));

/** The note's claims are the same for every answer to its card: read once per note. */
const claimsOfNote = memoByObject((note: readonly Statement[]) => note.flatMap((statement) => claimOf(statement) ?? []));

export function oppositeEnds(note: readonly Statement[], answer: readonly Statement[]): ClauseClash[] {
  const noted = claimsOfNote(note);
  if (!noted.length) return [];
  return answer.flatMap((statement) => {
    // "每次访问的时候，…把这个节点挪到链表尾部": when a clause names no end of its own, the one before says what is put.
    const before = clauseBefore(statement, answer);
    const beforeNamesEnd = before ? endWords.some(([, words]) => words.test(before.normalised)) : true;
    const said = claimOf(statement, before && !beforeNamesEnd ? spaceless(before.normalised) : '');
    if (!said) return [];
    const sameAct = noted.filter((claim) => claim.act === said.act);
    const atSaidEnd = sameAct.filter((claim) => claim.end === said.end);
    const atOtherEnd = sameAct.filter((claim) => claim.end !== said.end);
    if (!atOtherEnd.length) return [];
    // Taking from one end only is the list's rule whatever is taken (evicting from the tail): the other end is wrong.
    if (said.act === 'take' && !atSaidEnd.length) return [{ said: statement, notes: atOtherEnd[0]!.statement }];
    // What is put where depends on what it is ("新数据也插在尾部" is not the note's accessed entry): the answer must name what
    // the other end's clause names, and nothing this end's clauses do.
    const contradicted = atOtherEnd.find((claim) => shares(claim.cues, said.cues));
    return contradicted && !atSaidEnd.some((claim) => shares(claim.cues, said.cues)) ? [{ said: statement, notes: contradicted.statement }] : [];
  });
}
