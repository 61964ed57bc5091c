/**
 * The English form of denied-relations.ts's "X 跟 Y 没关系": "X doesn't depend on Y", "X has nothing to do with Y", "X is
 * independent of Y". The real miss: "Since it's random, it doesn't depend on the clock at all" against a Snowflake note whose
 * "Pitfall: the clock moving backwards (NTP adjustment) can produce duplicates" ties the ID to the clock. The clause shares
 * only Y with the note, so the denied-predicate cue (which denies "depend", a word no note clause asserts) never read it.
 *
 * Only the words decide: Y is what follows the words that deny the relation, up to the clause's end; each of its words must
 * be asserted by one note clause (before any negation of it, and not in a contrast: "unlike random UUIDv4" says nothing of
 * the ID being random), and one of them must be more than the question's own words. X is what the clause names before the
 * denial: a pronoun ("it", "they") or the question's own words are the thing asked about; other words must be in that note
 * clause. A note that itself denies Y anywhere, or calls it unrelated, agrees.
 */
import { contentKeys, wordKeys, type NoteClaim } from './claim-reading.ts';
import { negationScopeTexts, type Statement } from './statements.ts';

/** "doesn't depend on Y", "never relies on Y", "has nothing to do with Y", "is independent of Y": group 1 is Y. */
const unrelated =
  /\b(?:(?:does|do|did)\s*(?:not|n't)\s+(?:really\s+|actually\s+|even\s+)?(?:depend|rely)\s+(?:on|upon)|never\s+(?:depends|relies)\s+(?:on|upon)|(?:has|have|had)\s+nothing\s+to\s+do\s+with|(?:is|are|was|were)\s+(?:completely\s+|totally\s+|entirely\s+)?(?:independent\s+of|unrelated\s+to))\s+([^,.;:!?()]{2,40}?)(?:\s+at\s+all)?\s*(?=[,.;:!?()]|$)/u;

/** A note that calls something unrelated or independent: a denied relation may then be the note's own. */
const saysUnrelated = /nothing to do with|independent of|unrelated to|(?:not|n't)\s+(?:depend|rely)/u;

/** Words that set what follows against the thing ("unlike random UUIDv4", "instead of a lock"): not asserted of it. */
const contrast = /\b(?:unlike|instead of|rather than|as opposed to|compared to|versus|vs)\b/u;

/** Pronouns and fillers that name nothing of their own before the denial. */
const pronoun = /^(?:it|its|it's|they|this|that|these|those|he|she|which|so|and|but|also|then|since|because|really|basically|actually|just|still)$/u;

/** The note clause whose relation an English answer clause denies. `claims` are the note's asserted clauses, `all` every clause. */
export function deniedRelationEnglish(said: Statement, claims: readonly NoteClaim[], all: readonly NoteClaim[], question: string): NoteClaim | undefined {
  const found = unrelated.exec(said.normalised);
  if (!found) return undefined;
  const related = wordKeys(found[1]!);
  const asked = contentKeys(question);
  if (!related.length || related.every((key) => asked.has(key))) return undefined;
  // What is said unrelated to it: a pronoun or the question's words are the thing asked about.
  const named = said.normalised.slice(0, found.index).split(/\s+/u).filter((word) => word && !pronoun.test(word));
  const things = wordKeys(named.join(' ')).filter((key) => !asked.has(key));
  const holds = (claim: NoteClaim, key: string) => claim.asserted.has(key);
  // The note denying Y, or calling it unrelated, agrees.
  const denies = (claim: NoteClaim) => related.some((key) => negationScopeTexts(claim.statement.normalised).some((scope) => contentKeys(scope.text).has(key)));
  if (all.some((claim) => related.some((key) => claim.statement.units.has(key)) && (denies(claim) || saysUnrelated.test(claim.statement.normalised)))) return undefined;
  return claims.find((claim) => {
    const note = claim.statement.normalised;
    if (!related.every((key) => holds(claim, key))) return false;
    // In a contrast before Y ("unlike random UUIDv4"), the note sets Y against the thing.
    const first = note.indexOf(found[1]!.trim().split(/\s+/u).at(-1)!);
    if (contrast.test(first < 0 ? note : note.slice(0, first))) return false;
    return !things.length || things.some((key) => contentKeys(note).has(key));
  });
}
