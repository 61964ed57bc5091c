/**
 * A note that gives something to one holder alone ("只有leader节点处理写操作", "only the primary accepts writes")
 * is contradicted by an answer giving it to another ("每个follower节点都可以直接处理写操作"), even where the two
 * holders share much else in the note, which is what keeps role-swaps.ts from reading it as a swap: there
 * both are described, and the answer's clause fits the follower's own description nearly as well.
 */
import { memoByObject, memoByText } from './grading-memo.ts';
import { profileText } from './text-analysis.ts';
import { sentenceUnits, type ClauseClash, type Statement } from './statements.ts';

/** "只有 X", "仅由 X", "only X": X holds what follows, and nothing else does. */
const exclusive = /(?:只有|只能由|仅有|仅由|唯有|只由|\bonly(?:\s+the)?\b)\s*/u;
/** Where a Chinese holder ends: the role word or verb that follows it (leader节点, 主线程才, 主库可以). */
const holderEnd = /节点|线程|进程|才|能|可以|会|负责|处理|执行|来|去|的/u;
/** Words that give the predicate to every one: against "只有 X", "每个节点都可以" names no X and still contradicts. */
const universal = /每个|每一个|所有|任何|任意|都可以|都能|\bany\b|\ball\b|\bevery\b|\beach\b/u;
/** A count (一个, 两种, 1 个) or a condition (在, 当, 通过) after 只有, not a thing that holds something. */
const notAHolder = /^(?:[\d一二两三四五六七八九十几单]|在|当|通过|经过|等到|满足|ones?\b)|[个种次条]/u;
/** Share of the predicate's content the answer clause must hold to be saying it. */
const minimumPredicateShare = 0.7;
/** Content (unit weight) that share must be, about two words: one shared word says nothing. */
const minimumPredicateWeight = 1.5;

interface Exclusive {
  statement: Statement;
  holder: string;
  predicate: Map<string, number>;
  /** "只有在 defer 的函数里调用 recover 才能捕获 panic": the holder is a condition, which only a universal answer denies ("在哪里都能", "所有"). */
  condition?: Map<string, number>;
}

/** "只有在 C 才能 P": a condition C, then what holds only under it. */
const onlyUnder = /^(?:在|当)(.+?)(?:时|的时候|之后|以后)?[,，]?才(?:能|会|可以)?(.+)$/u;

function exclusiveOf(statement: Statement): Exclusive | undefined {
  if (statement.scopes.length) return undefined;
  const found = exclusive.exec(statement.normalised);
  if (!found) return undefined;
  const rest = statement.normalised.slice(found.index + found[0].length);
  const conditional = onlyUnder.exec(rest);
  if (conditional) return { statement, holder: '', predicate: profileText(conditional[2]!).units, condition: profileText(conditional[1]!).units };
  const latin = /^[a-z][a-z0-9_\-]*/u.exec(rest)?.[0];
  const end = rest.search(holderEnd);
  const holder = latin ?? (end >= 2 && end <= 6 ? rest.slice(0, end) : undefined);
  // "只有一个孩子" counts, "只有在提交后" sets a condition: neither names a holder.
  if (!holder || notAHolder.test(holder)) return undefined;
  // What the holder alone does is the first thing said of it: "…handles writes and appends them to its log" adds a second.
  const predicate = profileText(rest.slice(holder.length).split(/\band\b|并且|然后|而且/u)[0]!).units;
  for (const unit of profileText(holder).units.keys()) predicate.delete(unit);
  return predicate.size ? { statement, holder, predicate } : undefined;
}

/** A note's exclusive claims and its normalised text: the same for every answer to the card, so read once. */
const exclusivesOf = memoByObject((noteClauses: readonly Statement[]) => noteClauses.map(exclusiveOf).filter((claim): claim is Exclusive => claim !== undefined));
const normalisedNote = memoByText((note: string) => profileText(note).text, 64);

function predicateHeld(predicate: ReadonlyMap<string, number>, units: ReadonlyMap<string, number>): { share: number; weight: number } {
  let total = 0;
  let held = 0;
  for (const [unit, weight] of predicate) {
    total += weight;
    if (units.has(unit)) held += weight;
  }
  return { share: total > 0 ? held / total : 0, weight: held };
}

/**
 * Answer clauses that give an exclusive predicate of the note to another holder or to every one. `answer` holds only
 * what the candidate asserts (no supposition); a clause that names the holder or denies anything is not read.
 * `note` is the whole note's text: the other holder must be a thing the note names (follower), not any word.
 */
export function exclusiveClashes(noteClauses: readonly Statement[], answer: readonly Statement[], note: string): ClauseClash[] {
  const claims = exclusivesOf(noteClauses);
  if (!claims.length) return [];
  const noteText = normalisedNote(note);
  const clashes: ClauseClash[] = [];
  for (const said of answer) {
    if (said.scopes.length || exclusive.test(said.normalised)) continue;
    for (const claim of claims) {
      // A condition is often set in the clause before ("要在 defer 里调用 recover，所有 panic 都能捕获"): its sentence keeps it.
      if (claim.condition ? predicateHeld(claim.condition, sentenceUnits(answer, said.sentence)).share >= 0.5 : said.normalised.includes(claim.holder)) continue;
      const held = predicateHeld(claim.predicate, said.units);
      if (held.share < minimumPredicateShare || held.weight < minimumPredicateWeight) continue;
      // Another holder the note names gives a holder's predicate away; nothing but "every" case denies a condition.
      const otherHolder = !claim.condition && (said.normalised.match(/[a-z][a-z0-9_\-]+/gu) ?? []).some((word) => word !== claim.holder && !claim.predicate.has(word) && noteText.includes(word));
      if (otherHolder || universal.test(said.normalised)) {
        clashes.push({ said, notes: claim.statement });
        break;
      }
    }
  }
  return clashes;
}
