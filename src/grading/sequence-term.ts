/**
 * A question that asks for the i-th term of a sequence ("…输出序列为a1、a2、…an。若a1=3n，求ai") is answered by its
 * note as a list of terms ("即为3n、3n-3、...、9、6、3") as often as by a formula, and by candidates with a general term
 * ("ai=3*(n+1-i)"). The note's list holds no formula of the index, so comparing formulas (statesResults) never meets
 * such an answer: the general term states the result when it gives the list's leading terms at i = 1, 2, ….
 */
import { normaliseText } from '../text/tokenizer.ts';
import { sameQuantity } from './formula-value.ts';

/** "ai=3(n+1-i)", "a_i 为 3n-3(i-1)": a sequence's name, its index letter and the term. */
const generalTerm = /(?<![a-z])([a-z])_?([a-z])\s*(?:=|为|是)\s*([0-9a-z+\-*/^()\s]+)/gu;
/** Two or more leading terms of a list, then an ellipsis: "3n、3n-3、...". */
const listedTerms = /((?:[0-9a-z+\-*/^()]+[、,，]){2,})(?:\.{2,}|…+|⋯+)/gu;

/** Each list of leading terms a text gives before an ellipsis in which a term is a formula of a letter ("3、6、9、…" is data). */
function leadingTerms(text: string): string[][] {
  return [...text.matchAll(listedTerms)]
    .map((match) => match[1]!.split(/[、,，]/u).filter(Boolean))
    .filter((terms) => terms.some((term) => /[a-z]/u.test(term)));
}

/** Whether the answer gives a general term of the sequence the question asks about that yields a reference's listed terms. */
export function statesListedSequence(question: string, references: readonly string[], answer: string): boolean {
  const asked = normaliseText(question).replace(/\s+/g, '');
  const lists = references.flatMap((reference) => leadingTerms(normaliseText(reference).replace(/\s+/g, '')));
  if (!lists.length) return false;
  for (const [, name, index, term] of normaliseText(answer).matchAll(generalTerm)) {
    // The term must be of the sequence asked for ("求ai"), in its index, not another letter's formula.
    if (!asked.includes(`${name}${index}`) || !term!.includes(index!)) continue;
    // A range written after the term ("3(n-i+1)(1<=i<=n)") leaves an open bracket behind, not part of the term.
    const plain = term!.replace(/\s+/g, '').replace(/\([^()]*$/u, '');
    const at = (position: number) => plain.replace(new RegExp(`(?<![a-z])${index}(?![a-z])`, 'gu'), `(${position})`);
    if (lists.some((terms) => terms.every((listed, offset) => sameQuantity(at(offset + 1), listed) === true))) return true;
  }
  return false;
}
