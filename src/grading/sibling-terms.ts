/**
 * Sibling exchanges: an answer clause that says what a note clause says, in words of its own, but names a different
 * member of the same family of terms (term-families.ts): "SYN Flood 是攻击者在四次挥手阶段不停地发送 FIN 包" against
 * "攻击者会连续发送大量的SYN包到服务器", "让服务器的大量连接卡在 TIME_WAIT 状态" against "连接就会停留在'半开放'状态".
 * note-edits.ts sees an exchange only in a clause that keeps the note's words in order; this one needs only the clause's
 * content (the family terms aside) to be the note clause's. The question's words count here: the exchanged term is often
 * the one the question names. Not an exchange: a clause that names both members (a comparison), a list of members,
 * a member that is denied, or a claim the note also makes of the answer's member (its other row, its other case).
 */
import { familyMentions, type Mention } from '../text/term-families.ts';
import { memoByText } from './grading-memo.ts';
import { junctionUnits } from './name-junctions.ts';
import { sentenceUnits, sharedOf, weightOf, type Statement } from './statements.ts';
import { profileText } from './text-analysis.ts';

export interface SiblingExchange {
  said: Statement;
  notes: Statement;
}

/** Shared content, in unit weight (about two words), and the share of the lighter clause it must be. */
const minimumShared = 1.5;
const lighterShare = 0.35;

const mentionsOf = memoByText(familyMentions, 4096);
const unitsOfTerm = memoByText((text: string) => [...profileText(text).units.keys()], 1024);

/** The one member of each family the clause names; a family it names two or more of (a list, a comparison) is left out. */
function namedMembers(statement: Statement): Map<number, Mention> {
  const byFamily = new Map<number, Mention[]>();
  for (const mention of mentionsOf(statement.normalised)) byFamily.set(mention.family, [...(byFamily.get(mention.family) ?? []), mention]);
  const named = new Map<number, Mention>();
  for (const [family, mentions] of byFamily) {
    if (new Set(mentions.map((mention) => mention.member)).size !== 1) continue;
    // A denied member is not claimed ("但不会发送ACK包"): its units in a negation's scope.
    const units = unitsOfTerm(mentions[0]!.text);
    if (statement.scopes.some((scope) => units.some((unit) => scope.has(unit)))) continue;
    named.set(family, mentions[0]!);
  }
  return named;
}

/** A verb of becoming right before a member, past 新的 ("转成 candidate", "成为新 leader", "becomes the leader"). */
const becoming = /(?:变成|转成|转为|变为|成为|切换成|切换为|升级为|升为|当选为?|\bbecomes?|\bturns? into|\bswitch(?:es)? to)\s*(?:一个|新的?|the|a|new)?\s*$/u;

function becomes(normalised: string, mention: Mention): boolean {
  return becoming.test(normalised.slice(0, mention.at));
}

/**
 * Whether an answer clause says what a note clause says, their family terms aside. The note clause's subject may sit in
 * an earlier clause of its sentence ("在SYN Flood攻击中，攻击者会连续发送大量的SYN包"): what they share is read against the
 * note clause's whole sentence, how much is enough against the clause. `notShared` (the terms by default) is what never
 * counts as shared; the clauses' weights leave out only the terms.
 */
function sameContent(said: Statement, clause: Statement, sentence: readonly Statement[], terms: ReadonlySet<string>, notShared: ReadonlySet<string> = terms): boolean {
  // The clause itself makes the claim: a label that only names the member ("可重复读（InnoDB 默认）：") borrows its
  // sentence's words for what it shares ("…仍可能幻读" is not said of 串行化 by "幻读的话用串行化就能解决").
  const own = sharedOf(said, clause, notShared);
  if (own.shared < minimumShared || own.words < 2) return false;
  const { shared } = sharedOf(said, { ...clause, units: sentenceUnits(sentence, clause.sentence) }, notShared);
  return shared >= lighterShare * Math.min(weightOf(said, terms), weightOf(clause, terms));
}

function termUnits(...statements: Statement[]): Set<string> {
  return new Set(statements.flatMap((statement) => mentionsOf(statement.normalised).flatMap((mention) => unitsOfTerm(mention.text))));
}

/**
 * Answer clauses that name a sibling of the member a note clause names, with the note clause each contradicts.
 * `wholeNote` is every clause of the note (points left out included): a claim it makes of the answer's member excuses.
 * `sentences` is every clause of the points, conditional ones included, which `note` (what they assert) leaves out.
 */
export function siblingExchanges(note: readonly Statement[], answer: readonly Statement[], wholeNote: () => readonly Statement[], sentences: readonly Statement[] = note): SiblingExchange[] {
  const found: SiblingExchange[] = [];
  for (const said of answer) {
    const named = namedMembers(said);
    if (!named.size) continue;
    const allNamed = new Set(mentionsOf(said.normalised).map((mention) => `${mention.family}:${mention.member}`));
    for (const [family, mention] of named) {
      const claims = (statement: Statement) => mentionsOf(statement.normalised).some((each) => each.family === family && each.member === mention.member);
      const contradicted = note.find((statement) => {
        const other = namedMembers(statement).get(family);
        if (!other || other.member === mention.member || allNamed.has(`${family}:${other.member}`)) return false;
        // What a clause's subject becomes is no claim of that member's: "超时了就转成 candidate 发起选举" is the note's "follower会在
        // 超时后自动发起选举" (the follower becomes the candidate). Both becoming ("转成 leader" for "转成 candidate") is an exchange.
        if (becomes(said.normalised, mention) !== becomes(statement.normalised, other)) return false;
        // A note sentence that names both members tells of both, a clause each ("客户端会发送一个SYN包以请求建立连接，…然后
        // 客户端会发送一个ACK包，这样连接就建立了"): "等合法的 ACK 回来…再建立连接" is its other clause, not an exchange.
        // Its conditional clauses count: 「只读请求最终也必须依靠Leader来执行，如果是Follower接收请求的，那么必须转发」 tells of the follower
        // too, and 「follower 收到只读请求以后」 is that clause said again (`sentences` holds them; `note` only what it asserts).
        if (sentences.some((each) => each.sentence === statement.sentence && claims(each))) return false;
        // What the two share beside the terms' names (协程切换 / 线程切换 share 程切) is not what they say (name-junctions.ts).
        const terms = termUnits(said, statement);
        const junctions = [said, statement].flatMap((each) => [...junctionUnits(each.normalised, mentionsOf(each.normalised).map((term) => term.text))]);
        return sameContent(said, statement, note, terms, new Set([...terms, ...junctions]));
      });
      if (!contradicted) continue;
      // The note says it of the answer's member too: another row, another case.
      const whole = wholeNote();
      if (whole.some((statement) => claims(statement) && sameContent(said, statement, whole, termUnits(said, statement)))) continue;
      found.push({ said, notes: contradicted });
      break;
    }
  }
  return found;
}
