/**
 * A placement the note weighs and turns down, said by the answer as what is done: the note supposes 「如果本地队列挂载在 M 上，
 * 那就意味着本地队列也会随之增加」, calls it 不合理, and says what is done instead, 「把本地队列关联到 P 上」; the answer's
 * "Go是把本地队列放在M上" puts the same thing on the place the note turned down. Word overlap reads it as the note's own
 * sentence (本地队列, 挂在/放在, M are all there). Only a place the note itself names for the same thing, in a supposition or
 * a denial, is read: a place the note never weighs is not known to be wrong.
 */
import { denyingCharacter, spaceless, type ClauseClash, type Statement } from './statements.ts';
import { hypothetical } from './suppositions.ts';

interface Placement {
  /** The clause's words before the verb, 把/将 and what precedes them left out when there. */
  thing: string;
  place: string;
}

/** Verbs that put a thing on or in a place; 存在 ("exists") is left out. */
const placing = /(放在|放到|挂在|挂载在|挂载到|挂到|关联到|关联在|绑定到|绑定在|存放在|保存在|存储在)([^，,。；;！!？?\n]{1,12}?)(?:之上|上面|里面|上|中|里|内)?(?=[，,。；;！!？?\n]|$)/u;
/** What opens a clause without naming the thing: a supposition, a connective, a spoken filler. */
const opening = /^(?:那么|那|所以|因此|然后|而且|如果|假如|假设|若是|若|要是|就是|其实|嗯|呃|也就是)+/u;

function placementOf(normalised: string): Placement | undefined {
  const text = spaceless(normalised);
  const match = placing.exec(text);
  if (!match) return undefined;
  const before = text.slice(0, match.index);
  const handle = Math.max(before.lastIndexOf('把'), before.lastIndexOf('将'));
  const thing = (handle >= 0 ? before.slice(handle + 1) : before.replace(opening, '')).replace(/(?:也|都|就|直接|会|是)+$/u, '');
  const place = match[2]!.replace(/的$/u, '');
  return Array.from(thing).length >= 2 && place ? { thing, place } : undefined;
}

/** The same thing: one clause names it with words before it the other leaves out ("go的本地队列" / "本地队列"). */
function sameThing(a: string, b: string): boolean {
  return a.endsWith(b) || b.endsWith(a);
}

/**
 * Answer clauses that put a thing where the note supposes or denies putting it, when the note puts it somewhere else.
 * Both lists are whole: the note's supposition is what is read, and an answer's supposition ("那如果本地队列挂在P上") claims nothing.
 */
export function placementClashes(note: readonly Statement[], answer: readonly Statement[]): ClauseClash[] {
  const asserted: { statement: Statement; placement: Placement }[] = [];
  const weighed: Placement[] = [];
  for (const statement of note) {
    const placement = placementOf(statement.normalised);
    if (!placement) continue;
    if (hypothetical.test(statement.normalised) || statement.scopes.length || denyingCharacter.test(statement.normalised)) weighed.push(placement);
    else asserted.push({ statement, placement });
  }
  if (!asserted.length || !weighed.length) return [];
  const clashes: ClauseClash[] = [];
  for (const said of answer) {
    if (hypothetical.test(said.normalised) || said.scopes.length || denyingCharacter.test(said.normalised)) continue;
    const placement = placementOf(said.normalised);
    if (!placement) continue;
    const sameAs = (other: Placement) => sameThing(other.thing, placement.thing);
    // The note puts it there itself: no clash.
    if (asserted.some((entry) => sameAs(entry.placement) && entry.placement.place === placement.place)) continue;
    if (!weighed.some((other) => sameAs(other) && other.place === placement.place)) continue;
    const notes = asserted.find((entry) => sameAs(entry.placement) && entry.placement.place !== placement.place);
    if (notes) clashes.push({ said, notes: notes.statement });
  }
  return clashes;
}
