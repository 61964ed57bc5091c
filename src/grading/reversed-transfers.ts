/**
 * A transfer said the other way round: the note takes something from a place ("如果 P 的本地队列为空，则会从全局队列或其他 P
 * 的本地队列中窃取可运行的 G") and the answer gives it to that place in the same case ("每个P的本地队列为空的时候，就是，会把自己
 * 手上的G推给全局队列"), or the note gives and the answer takes. The two clauses share the place and the case, and no
 * polarity or swap check meets them: what differs is only the direction word (从…窃取 against 推给).
 */
import { denyingCharacter, heldOf, spaceless, type ClauseClash, type Statement } from './statements.ts';
import { hypothetical } from './suppositions.ts';
import { profileText } from './text-analysis.ts';

type Direction = 'from' | 'to';

interface Transfer {
  direction: Direction;
  places: string[];
  /** The clause with its direction words and places left out: what the case is, read with the clauses before it. */
  rest: string;
}

const clausePunctuation = '，,。；;！!？?\\n';
/** 从 X (中) 窃取/偷/拿/取: 从 that opens 从而, 从来, 从不… names no place. */
const takeFrom = new RegExp(String.raw`从(?![而来不未头此前])([^${clausePunctuation}]{2,24}?)(?:中|里|那里|那儿|处)?(?:直接|再|去|来|先|会|就|都)*(?:窃取|偷取|偷走|偷|拿走|拿|取走|取出|获取|拉取|抢走|抢|取)`, 'u');
/** 推给/放到/交给 X: where something goes. */
const giveTo = new RegExp(String.raw`(?:推给|交给|送给|发给|塞给|还给|转给|分给|扔给|丢给|让给|推到|推入|推回|放到|放入|放进|放回|塞到|塞进|扔到|扔进|丢到|挪到|移到|转移到|迁移到)([^${clausePunctuation}]{2,24})`, 'u');
/**
 * Words holding a denying character that deny nothing: 「不过它是 young 链表里的页第二次访问就放到 old 链表」 says 但是, and was left
 * unread as a denial.
 */
const deniesNothing = /不过|不仅|不断|不同|无论|非常/gu;
/** Items of a list of places ("全局队列或其他 P 的本地队列"). */
const listWords = /或者|或是|或|以及|和|与|及|、|还有/u;
/** A clause that says nothing but a spoken filler ("就是，", "那个，") is read through. */
const filler = /^(?:嗯|呃|啊|额|就是说|就是|那个|这个|然后|其实|对|的话|[\s,，。.;；])*$/u;

function transferOf(normalised: string): Transfer | undefined {
  const text = spaceless(normalised);
  const take = takeFrom.exec(text);
  const give = giveTo.exec(text);
  // A clause that both takes and gives ("从全局队列拿一批放到本地队列") moves between two places: it is read as neither.
  if (!take === !give) return undefined;
  if (take) {
    const places = take[1]!.split(listWords).map((place) => place.trim()).filter((place) => Array.from(place).length >= 2);
    return places.length ? { direction: 'from', places, rest: text.replace(take[0], ' ') } : undefined;
  }
  const place = give![1]!.trim();
  return { direction: 'to', places: [place], rest: text.replace(give![0], ' ') };
}

/** A place without the particle a direction word leaves before it ("放到了young链表" → young链表). */
function placeName(place: string): string {
  return place.replace(/^[了到给在]+/u, '');
}

/**
 * Two moves to places that trade roles: the note's 「old链表第二次访问就放到了young链表」 and the answer's 「young 链表第二次访问就放到了
 * old 链表」. Each clause names both places, each puts the other one where it goes, and the rest of the two clauses, the places
 * left out, says the same (第二次访问就): the case is the clause's own, not the sentence before it.
 */
function exchangedPlaces(noted: Transfer, said: Transfer): boolean {
  if (noted.direction !== 'to' || said.direction !== 'to') return false;
  const notedPlace = placeName(noted.places[0]!);
  const saidPlace = placeName(said.places[0]!);
  if (Array.from(notedPlace).length < 2 || Array.from(saidPlace).length < 2 || samePlace(notedPlace, saidPlace)) return false;
  if (!said.rest.includes(notedPlace) || !noted.rest.includes(saidPlace) || said.rest.includes(saidPlace) || noted.rest.includes(notedPlace)) return false;
  const without = (rest: string) => ({ units: profileText(rest.replace(notedPlace, ' ').replace(saidPlace, ' ')).units });
  return holds(without(noted.rest), without(said.rest));
}

/** Same place: one names it and the other adds what follows ("全局队列" / "全局队列的尾部"). */
function samePlace(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}

/**
 * A clause's case: the clauses before it in its sentence, through fillers, up to one that moves something itself, and
 * its own rest unless `restOnlyAlone` and a clause before it says the case (the note's "如果 P 的本地队列为空"; what
 * it moves, "可运行的 G 来运行", an answer need not repeat).
 */
function caseOf(statements: readonly Statement[], index: number, rest: string, most: number, restOnlyAlone = false): Case {
  const parts: string[] = [];
  let taken = 0;
  for (let at = index - 1; at >= 0 && taken < most; at -= 1) {
    const before = statements[at]!;
    if (before.sentence !== statements[index]!.sentence) break;
    const text = spaceless(before.normalised);
    if (filler.test(text)) continue;
    if (takeFrom.test(text) || giveTo.test(text)) break;
    parts.push(text);
    taken += 1;
  }
  if (!restOnlyAlone || !parts.length) parts.push(rest);
  // The clause nearest the move says the case last: its last word is what the case is ("为空", not "满了").
  const last = /([\u4e00-\u9fff]{2})(?:的时候|时候|之后|以后|的话|时|后|了)?[^\u4e00-\u9fff]*$/u.exec(parts[0] ?? '')?.[1];
  return { units: profileText(parts.join(' ')).units, last };
}

interface Case {
  units: Map<string, number>;
  /** The case's last word (two characters), which a case that restates it must say. */
  last?: string;
}

/** Share of the note's case the answer's must hold, and at least this weight of it. */
const minimumShare = 0.5;
const minimumWeight = 1.5;

function holds(notedCase: Case, saidCase: Case): boolean {
  const noted = notedCase.units;
  const said = saidCase.units;
  if (notedCase.last && !said.has(notedCase.last)) return false;
  const { share, weight } = heldOf(noted, said);
  return weight >= minimumWeight && share >= minimumShare;
}

/**
 * Answer clauses that move something the other way from, or to, a place the note names, in the note's case. Both lists are
 * whole (a supposition, "如果 P 的本地队列为空", is the case the clause after it is said in); a supposed move is not read.
 */
export function reversedTransfers(note: readonly Statement[], answer: readonly Statement[]): ClauseClash[] {
  const noted = note.flatMap((statement, index) => {
    if (hypothetical.test(statement.normalised)) return [];
    const transfer = transferOf(statement.normalised);
    return transfer && !denyingCharacter.test(statement.normalised) ? [{ statement, transfer, case: caseOf(note, index, transfer.rest, 1, true) }] : [];
  });
  if (!noted.length) return [];
  const clashes: ClauseClash[] = [];
  answer.forEach((said, index) => {
    if (said.scopes.length || denyingCharacter.test(said.normalised.replace(deniesNothing, '')) || hypothetical.test(said.normalised)) return;
    const transfer = transferOf(said.normalised);
    if (!transfer) return;
    const saidCase = caseOf(answer, index, transfer.rest, 2);
    const found = noted.find(
      (entry) =>
        (entry.transfer.direction !== transfer.direction &&
          entry.transfer.places.some((place) => transfer.places.some((other) => samePlace(place, other))) &&
          holds(entry.case, saidCase)) ||
        exchangedPlaces(entry.transfer, transfer),
    );
    if (found) clashes.push({ said, notes: found.statement });
  });
  return clashes;
}
