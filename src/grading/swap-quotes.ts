/**
 * How the card quotes a swap: each side with whom it is said of, where the clause itself leaves that to a label
 * ("令牌桶：…" over "桶里攒满令牌时…", or the answer's "漏桶：" over the clause after it).
 */
import type { NotePoint } from './reversed-steps.ts';
import { mentioned } from './note-subjects.ts';
import type { Statement } from './statements.ts';
import { profileText } from './text-analysis.ts';
import { escapeRegExp } from '../text/regexp.ts';

/**
 * A note clause that names no subject, with the subject its point labels it by ("节点层包括： kubelet：负责…" → "kubelet 负责…"):
 * feedback quotes clauses without their labels, which are mostly aspects ("多线程：Redis 单线程模型"), but a swap is about
 * whom the note says it of. Written without the colon, so the quote keeps it.
 */
export function withItsSubject(statement: Statement, points: readonly NotePoint[], subjects: readonly string[], subject?: string): string {
  const clause = statement.text.trim();
  if (mentioned(statement.normalised.replace(/\s+/g, ''), subjects).length) return statement.text;
  const point = points[statement.point]?.text ?? '';
  const at = point.indexOf(clause);
  const label = at > 0 ? /([^：:，,。；;\s]{1,20})[：:]\s*$/u.exec(point.slice(0, at))?.[1] : undefined;
  if (label && mentioned(profileText(label).text.replace(/\s+/g, ''), subjects).length) return `${label} ${clause}`;
  // The clause's subject is in another point (its label's, "令牌桶：…" over "桶里攒满令牌时…"): named as the note writes it.
  const written = subject && spelledIn(subject, points.map((each) => each.text).join('\n'));
  return written ? `${written} ${clause}` : statement.text;
}

/** A clause the answer said of a subject it named only in a label before it: quoted with that subject ("漏桶 桶里攒满时…"). */
export function namedAs(said: Statement, subject: string, answer: string): string | undefined {
  if (mentioned(said.normalised.replace(/\s+/g, ''), [subject]).length) return undefined;
  const written = spelledIn(subject, answer);
  return written ? `${written} ${said.text.trim()}` : undefined;
}

/** A subject (compact, lower case) as a text writes it, spaces and case kept ("lfuaging" → "lfu aging"). */
function spelledIn(subject: string, text: string): string | undefined {
  const pattern = [...subject].map((character) => escapeRegExp(character)).join('\\s*');
  return new RegExp(pattern, 'iu').exec(text)?.[0];
}
