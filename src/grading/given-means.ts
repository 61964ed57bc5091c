/**
 * The note's use of one thing, said to be what another thing of its kind is for: against 「信号是一种比较复杂的通信方式，用于通知
 * 接收进程某个事件已经发生」, "要通知接收进程某个事件已经发生，用的是消息队列". The answer restates the use word for word and
 * names the means in a clause of its own ("用的是 Y", "靠的是 Y"), so no clause names both, and a sibling exchange
 * (sibling-terms.ts) sees nothing. Only a means of the same family as the thing the note's sentence names is read
 * (term-families.ts: 消息队列 and 信号 are two ways processes talk); a means the note never names is not known to be wrong.
 */
import { familyMentions } from '../text/term-families.ts';
import { heldOf, spaceless, type ClauseClash, type Statement } from './statements.ts';

/** A clause that only names the means: "用的是消息队列", "靠的是共享内存", "一般是用管道". */
const meansClause = /^(?:就|都|一般|主要|其实|那)?(?:是)?(?:用的是|靠的是|用|靠|通过)([^，,。；;！!？?]{2,10}?)(?:来做|来实现|实现|做的|的)?[，,。；;！!？?]?$/u;
/** Share of the note clause's weight the clause before the means must hold. */
const minimumShare = 0.6;
const minimumWeight = 2;

export function givenMeans(note: readonly Statement[], answer: readonly Statement[]): ClauseClash[] {
  const found: ClauseClash[] = [];
  answer.forEach((said, index) => {
    const means = meansClause.exec(spaceless(said.normalised));
    const use = answer[index - 1];
    if (!means || !use || use.sentence !== said.sentence || said.scopes.length || use.scopes.length) return;
    const named = familyMentions(means[1]!);
    if (named.length !== 1) return;
    const { family, member } = named[0]!;
    // A note that names the answer's means anywhere may say it does this too.
    if (note.some((statement) => familyMentions(statement.normalised).some((each) => each.family === family && each.member === member))) return;
    const contradicted = note.find((statement) => {
      const sentence = note.filter((each) => each.sentence === statement.sentence).map((each) => each.normalised).join('');
      if (!familyMentions(sentence).some((each) => each.family === family && each.member !== member)) return false;
      const { share, weight } = heldOf(statement.units, use.units);
      return share >= minimumShare && weight >= minimumWeight;
    });
    if (contradicted) found.push({ said, notes: contradicted });
  });
  return found;
}
