/**
 * A thing the question asks after said not to exist: "它对 case 其实没有什么硬性限制" under "它对 case 里能写的东西有什么硬性
 * 限制？", where the note says what the limit is ("select机制最大的一条限制就是每个case语句里必须是一个IO操作"). The clause
 * shares only the asked word with the note, which the other cues leave out as the question's own; denying that what the
 * question asks for exists at all is what makes it a claim against the note.
 */
import { contentKeys, isConceptKey, type NoteClaim } from './claim-reading.ts';
import type { Statement } from './statements.ts';

/** "没有什么硬性限制", "并没有任何要求": a denial of existence closing the clause on its noun, past words that only grade it. */
const noneOf = /(?:没有|没啥|并没有|并无)(?:什么|任何|啥)?(?:特别|特殊|硬性|严格|明确|太多|额外|专门)?(?:的)?([\u4e00-\u9fff]{2,4})[,，。；;!！]?$/u;

/** What a question asks after: the words right after 什么 / 哪些 ("有什么硬性限制", "有哪些要求"). */
const askedAfter = /(?:什么|哪些|啥)([^？?，,。；;\s]{1,8})/gu;

/**
 * The note clause that says the asked-after thing exists, when the clause denies it does;
 * `assertedInSentence` whether another clause of the answer's sentence asserts a word ("CPU 没有瓶颈，瓶颈在内存").
 */
export function deniedExistence(said: Statement, claims: readonly NoteClaim[], question: string, deniedAnywhere: (key: string) => boolean, assertedInSentence: (key: string) => boolean): { said: Statement; notes: Statement } | undefined {
  const noun = noneOf.exec(said.normalised.replace(/\s+/g, ''))?.[1];
  if (!noun) return undefined;
  // Only a thing the question asks after ("有什么硬性限制"): 顺序 in "顺序栈中元素值的大小是有序的" is a word of the question,
  // and "没有顺序" answers whether the elements are ordered.
  const asked = new Set([...question.matchAll(askedAfter)].flatMap((match) => [...contentKeys(match[1]!)]));
  const keys = [...contentKeys(noun)].filter((key) => !isConceptKey(key) && asked.has(key));
  if (!keys.length || keys.some((key) => deniedAnywhere(key) || assertedInSentence(key))) return undefined;
  const claim = claims.find((entry) => keys.every((key) => entry.asserted.has(key)));
  return claim ? { said, notes: claim.statement } : undefined;
}
