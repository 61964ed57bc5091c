/**
 * A section's question that names the section's subject by its abbreviation ("ZK实现一致性" under "zookeeper",
 * "MQ的持久化" under "消息队列") already says what it is about: asked "说说ZooKeeper里的ZK实现一致性。", the name and its
 * abbreviation are read out side by side, which no interviewer says.
 */
import { conceptTokens } from '../text/glossary.ts';
import { withNamesSpelled } from './term-spelling.ts';

/** A Latin word short enough to be an abbreviation ("ZK", "K8s", "MQ"), standing alone. */
const shortLatinWord = /(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9]{1,4}(?![A-Za-z0-9])/g;

/** "ZooKeeper" → zk, "web server" → ws: the first letter of each word or capitalised part of the name as printed. */
function initialsOf(name: string): string {
  const parts = withNamesSpelled(name).match(/[A-Z][a-z0-9]*|[a-z][a-z0-9]*/g) ?? [];
  return parts.length >= 2 ? parts.map((part) => part[0]).join('').toLowerCase() : '';
}

/** "k8s" for kubernetes, "i18n" for internationalization: first letter, letters left out, last letter. */
function isNumeronym(word: string, name: string): boolean {
  const counted = /^([a-z])(\d+)([a-z])$/.exec(word.toLowerCase());
  const letters = name.toLowerCase();
  return counted !== null && /^[a-z]+$/.test(letters) && letters[0] === counted[1] && letters.at(-1) === counted[3] && letters.length - 2 === Number(counted[2]);
}

/** Whether `word` abbreviates `name`: its initials, a numeronym, or the one glossary concept the name is, written shorter. */
function abbreviates(word: string, name: string): boolean {
  if (word.length >= name.replace(/\s+/g, '').length) return false;
  if (word.toLowerCase() === initialsOf(name) || isNumeronym(word, name)) return true;
  const named = conceptTokens(name);
  return named.length === 1 && conceptTokens(word).includes(named[0]!);
}

/** The word the question abbreviates its subject by, if it does. */
export function abbreviationOf(subject: string, question: string): string | undefined {
  return question.match(shortLatinWord)?.find((word) => abbreviates(word, subject.trim()));
}
