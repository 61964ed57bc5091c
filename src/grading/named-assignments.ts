/**
 * A named thing given to the other of the things the question contrasts: the note's 「Intel 的 x86 架构采用的是小端字节序，而网络协议
 * （如 TCP/IP）通常使用大端字节序」 puts x86 with 小端, and the answer's 「我们平时用的x86就是大端的」 puts it with 大端. The role-swap
 * cue weighs everything a clause says of its subject, and one name is too little of it to count; a Latin-script name is
 * specific enough alone.
 *
 * Read only for a name the note gives one subject alone (in clauses naming that subject and no other), in an answer clause
 * that names the other subject alone, denies nothing, and says the name is or uses it ("x86就是大端的"). Read of any name beside
 * the other subject, it cost a blind set 0.08: an answer naming a thing beside the other subject is not saying it is its.
 */
import { mentioned } from './note-subjects.ts';
import { spaceless, type ClauseClash, type Statement } from './statements.ts';
import { escapeRegExp } from '../text/regexp.ts';

/** Latin-script names of two characters or more with a letter (x86, tcp/ip, epoll), version numbers aside. */
function namesIn(text: string): Set<string> {
  return new Set((text.match(/[a-z][a-z0-9_+#\-]*[a-z0-9]|[a-z0-9]*[a-z][a-z0-9]+/gu) ?? []).filter((name) => /[a-z]/u.test(name) && name.length >= 2));
}

export function namedAssignments(note: readonly Statement[], answer: readonly Statement[], subjects: readonly string[], question: string): ClauseClash[] {
  if (subjects.length !== 2) return [];
  const asked = namesIn(question.toLowerCase());
  const subjectNames = new Set(subjects.flatMap((subject) => [...namesIn(subject)]));
  // Which subjects the note gives each name to, and the clause it does so in.
  const givenTo = new Map<string, { subjects: Set<string>; statement: Statement }>();
  for (const statement of note) {
    const named = mentioned(spaceless(statement.normalised), subjects);
    for (const name of namesIn(statement.normalised)) {
      if (asked.has(name) || subjectNames.has(name)) continue;
      const entry = givenTo.get(name) ?? { subjects: new Set<string>(), statement };
      // A clause naming both subjects, or neither, does not say whose the name is ('' marks it), and the name is read no more.
      entry.subjects.add(named.length === 1 ? named[0]! : '');
      givenTo.set(name, entry);
    }
  }
  return answer.flatMap((said) => {
    if (said.scopes.length) return [];
    const named = mentioned(spaceless(said.normalised), subjects);
    if (named.length !== 1) return [];
    const text = spaceless(said.normalised);
    // The name is what the clause says is of the subject: "x86就是大端的", "x86 用的是大端"; the name first, a verb of being or
    // using between the two in one clause.
    const assigns = (name: string) => new RegExp(`${escapeRegExp(name)}[^，,。；;]{0,8}?(?:是|用|采用|使用|属于)[^，,。；;]{0,4}?${escapeRegExp(named[0]!)}`, 'u').test(text);
    const clash = [...namesIn(said.normalised)].filter(assigns).map((name) => givenTo.get(name)).find((entry) => entry && entry.subjects.size === 1 && !entry.subjects.has('') && !entry.subjects.has(named[0]!));
    return clash ? [{ said, notes: clash.statement }] : [];
  });
}
