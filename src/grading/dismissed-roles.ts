/**
 * A thing the note gives a job said to do nothing: the exchange note's 「routing key：路由关键字，exchange根据这个关键字来投递消息」
 * against 「routing key 没什么用」. The negation readers align clauses by shared words, and the dismissal shares only the name, which
 * the note's label holds alone; so the answer had said the opposite of a point and been credited with its name.
 *
 * Read only for a thing the note labels (「routing key：…」, 「**etcd**：…」) and an answer clause that is the thing and the dismissal
 * alone (没什么用, 不重要, 可有可无…): "没用上 routing key" says what a setup did, not what the thing is for.
 */
import { memoByObject } from './grading-memo.ts';
import { spaceless, type ClauseClash, type Statement } from './statements.ts';

/** The dismissal right after the thing, with the adverbs spoken before it. */
const dismissal = /^(?:嗯|呃|然后|其实|而且|另外|还有)*(.{2,24}?)(?:其实|根本|基本上?|也|就|都|本身)*(?:是)?(?:没什么用|没啥用|没有用|没用|不重要|无所谓|可有可无|用不上|不起作用|不起什么作用|没什么作用|没有作用|形同虚设)(?:的|处|啊|吧)?[，,。.！!；;]?$/u;
/** A note point's label: what stands before its colon. */
const label = /^([^：:，,。；;\n]{2,24})[：:]/u;

export function dismissedRoles(note: readonly Statement[], answer: readonly Statement[]): ClauseClash[] {
  const labelled = jobsOf(note);
  if (!labelled.size) return [];
  return answer.flatMap((said) => {
    const thing = dismissal.exec(spaceless(said.normalised))?.[1];
    const job = thing === undefined ? undefined : labelled.get(thing);
    return job ? [{ said, notes: job }] : [];
  });
}

/** Each labelled thing of a note and the job its point gives it: once per note, not once per answer. */
const jobsOf = memoByObject((note: readonly Statement[]) => {
  const labelled = new Map<string, Statement>();
  for (const [index, statement] of note.entries()) {
    const name = label.exec(spaceless(statement.normalised))?.[1];
    // The label's own clause names the thing; the clause after it, in the same point, is the job it is given.
    const job = note[index + 1];
    if (!name || !job || job.point !== statement.point || labelled.has(name)) continue;
    // Quoted with the rest of its point, the label's name first: 「routing key 路由关键字，exchange根据这个关键字来投递消息」.
    const rest = note.slice(index + 1).filter((clause) => clause.point === statement.point);
    const shown = label.exec(statement.text.trim())?.[1]?.trim() ?? name;
    labelled.set(name, { ...job, text: `${shown} ${rest.map((clause) => clause.text).join('')}` });
  }
  return labelled;
});
