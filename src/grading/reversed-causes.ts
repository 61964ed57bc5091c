/**
 * Cause and effect the other way round: the note says A leads to B ("绝大多数对象朝生夕死 → 新生代每次回收存活很少",
 * "When the failure rate in the window goes over the threshold, the breaker trips to OPEN"), the answer says B leads to A
 * ("因为新生代用的是复制算法…所以绝大多数对象才会朝生夕死", "When the breaker trips to OPEN… that is what pushes the failure
 * rate in the window over the threshold"). Every word is the note's, so coverage counts it as said; only which side is the
 * cause tells it is wrong.
 */
import { contentKeys, wordKeys } from './claim-reading.ts';
import type { ClauseClash, Statement } from './statements.ts';
import { memoByObject } from './grading-memo.ts';

/** Words that put the cause before them and the effect after ("A → B", "A，所以 B", "A, which is what pushes B"). */
const forward = /→|->|=>|⇒|所以|因此|因而|于是|从而|导致|使得|\btherefore\b|\b(?:which|that) is (?:what|why)\b|\b(?:causes|leads to|results in|pushes)\b/gu;
/** One of them, as matched (the other kind's 因为 is known by what comes before it, which a match alone lacks). */
const forwardWord = new RegExp(`^(?:${forward.source})$`, 'u');
/** Words that put the effect before them and the cause after ("B，是因为 A", "B because A"). */
const backward = /是因为|(?<=[,，]\s*)因为|\bbecause\b/gu;
/** A sentence that opens with its cause, its first clause ("因为 A，B", "When A, B"). */
const leading = /^\s*(?:因为|由于|\bbecause\b|\bwhen(?:ever)?\b|\bonce\b)/u;
/** An aside in brackets ("(e.g. 50%, with at least 20 calls recorded)") is neither side. */
const aside = /\([^)]*\)|（[^）]*）/gu;

/** A clause that ends its sentence: "(e.g." does not. */
const sentenceEnd = /(?<!\be\.g|\bi\.e|\betc)[。.!?！？;；]\s*$/u;

/** Shared content words each side needs, and the share of a side's own words they must be. */
const minimumShared = 2;
/** Words each side of a note's link needs: "这个事务并没有提交" (事务, 提交) is too little to tell which side an answer repeats. */
const minimumSide = 3;
const sideShare = 0.3;

interface Piece {
  statement: Statement;
  text: string;
}

interface Link {
  cause: Piece[];
  effect: Piece[];
}

/** The words of a side, without glossary concepts: "panic" is one word, not "panic" and "~panic". */
const keysOf = (pieces: readonly Piece[]) => new Set(pieces.flatMap((piece) => wordKeys(piece.text)));

/** The cause → effect links of one sentence's clauses. */
function linksOf(clauses: readonly Statement[]): Link[] {
  // One text for the sentence, asides blanked out in place so that every clause keeps its span of it.
  const spans: { statement: Statement; start: number; end: number }[] = [];
  let text = '';
  for (const statement of clauses) {
    spans.push({ statement, start: text.length, end: text.length + statement.normalised.length });
    text += `${statement.normalised} `;
  }
  text = text.replace(aside, (bracketed) => ' '.repeat(bracketed.length));
  const opening = leading.exec(text);
  // Cuts between segments, each with the way it points: "因为 A，B" opens with one.
  const cuts: { start: number; end: number; direction: 'forward' | 'backward' | 'leading' }[] = opening ? [{ start: 0, end: opening[0].length, direction: 'leading' }] : [];
  for (const connector of text.matchAll(new RegExp(`${forward.source}|${backward.source}`, 'gu'))) {
    const at = connector.index ?? 0;
    const last = cuts.at(-1);
    // Connectors with nothing between them are one ("that is what pushes").
    if (last && !text.slice(last.end, at).trim()) last.end = at + connector[0].length;
    else cuts.push({ start: at, end: at + connector[0].length, direction: forwardWord.test(connector[0]) ? 'forward' : 'backward' });
  }
  const piecesIn = (start: number, end: number): Piece[] =>
    spans.filter((span) => span.start < end && span.end > start).map((span) => ({ statement: span.statement, text: text.slice(Math.max(start, span.start), Math.min(end, span.end)) })).filter((piece) => piece.text.trim());
  const links: Link[] = [];
  cuts.forEach((cut, index) => {
    const before = piecesIn(cuts[index - 1]?.end ?? 0, cut.start);
    const after = piecesIn(cut.end, cuts[index + 1]?.start ?? text.length);
    if (cut.direction === 'forward') links.push({ cause: before, effect: after });
    else if (cut.direction === 'backward') links.push({ cause: after, effect: before });
    else {
      // "因为 A，B": the first clause is the cause of the rest; "因为 A，所以 B" is read at 所以.
      const first = after[0]?.statement;
      links.push({ cause: after.filter((piece) => piece.statement === first), effect: after.filter((piece) => piece.statement !== first) });
    }
  });
  return links.filter((link) => link.cause.length && link.effect.length);
}

/**
 * Sentences as clause lists. A note's key points cut a long English sentence at its commas ("…goes over the threshold (e.g.
 * 50%, with at least 20 calls recorded)" and "the breaker trips to OPEN."): a point that does not end a sentence runs on into
 * a next one that opens in lower case.
 */
function sentencesOf(statements: readonly Statement[]): Statement[][] {
  const sentences: Statement[][] = [];
  let previous: Statement | undefined;
  for (const statement of statements) {
    const ended = !previous || sentenceEnd.test(previous.normalised);
    const runsOn = previous && !ended && (previous.point === statement.point ? previous.sentence === statement.sentence : /^[a-z]/.test(statement.normalised.trim()));
    if (runsOn) sentences.at(-1)!.push(statement);
    else sentences.push([statement]);
    previous = statement;
  }
  return sentences;
}

interface KeyedLink {
  link: Link;
  cause: Set<string>;
  effect: Set<string>;
}

function keyed(statements: readonly Statement[]): KeyedLink[] {
  return sentencesOf(statements).flatMap(linksOf).map((link) => ({ link, cause: keysOf(link.cause), effect: keysOf(link.effect) }));
}

const without = (a: ReadonlySet<string>, b: ReadonlySet<string>) => new Set([...a].filter((key) => !b.has(key)));
const common = (a: ReadonlySet<string>, b: ReadonlySet<string>) => [...a].filter((key) => b.has(key));

/** Whether `said` holds enough of `side`'s words, as a share of the smaller of the two. */
const holds = (said: ReadonlySet<string>, side: ReadonlySet<string>) => {
  const shared = common(said, side).length;
  return shared >= minimumShared && shared >= sideShare * Math.min(said.size, side.size);
};

/**
 * A note's links, each side without the words both sides hold, and only those with words enough to tell the sides apart.
 * Read once per note: the same note is graded against again and again (its statements are made once, contradictions.ts).
 */
const notedLinks = memoByObject((note: readonly Statement[]): KeyedLink[] =>
  keyed(note)
    .map((link) => ({ ...link, cause: without(link.cause, link.effect), effect: without(link.effect, link.cause) }))
    .filter((link) => link.cause.size >= minimumSide && link.effect.size >= minimumSide),
);

/**
 * Answer clauses that state a note's link backwards: the answer's cause holds the note's effect and its effect the note's
 * cause, more than each holds its own side, and no link of the note runs that way.
 */
export function reversedCauses(note: readonly Statement[], answer: readonly Statement[]): ClauseClash[] {
  const said = keyed(answer);
  if (!said.length) return [];
  const forwardIn = (link: KeyedLink, claims: readonly KeyedLink[]) => claims.some((claim) => holds(claim.cause, link.cause) && holds(claim.effect, link.effect));
  const noted = notedLinks(note);
  // A link the answer states the note's way somewhere is one it knows the direction of: "关闭已经关闭的channel会导致panic，所以
  // closer…去close就很危险" repeats the cause's words in a later effect, and reads backwards only against the first link.
  const known = noted.filter((link) => !forwardIn(link, said));
  const found: ClauseClash[] = [];
  for (const claim of said) {
    if (noted.some((link) => forwardIn(link, [claim]))) continue;
    const reversed = known.find(
      (link) =>
        holds(claim.cause, link.effect) &&
        holds(claim.effect, link.cause) &&
        common(claim.cause, link.cause).length < common(claim.cause, link.effect).length &&
        common(claim.effect, link.effect).length < common(claim.effect, link.cause).length,
    );
    if (!reversed) continue;
    const notes = reversed.link.cause[0]!.statement;
    // The clauses that carry the exchanged sides, each once.
    const clauses = new Set([
      ...claim.link.cause.filter((piece) => common(contentKeys(piece.text), reversed.effect).length).map((piece) => piece.statement),
      ...claim.link.effect.filter((piece) => common(contentKeys(piece.text), reversed.cause).length).map((piece) => piece.statement),
    ]);
    for (const statement of clauses) found.push({ said: statement, notes });
  }
  return found;
}
