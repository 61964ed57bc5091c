/**
 * How a line reads out loud, independent of any one template: a question ends like a question,
 * two lead-ins never stack ("好的。好，再问你一个"), and a "deeper" question is not the one just
 * answered asked again in fewer words ("lfu缺点怎么解决" → "lfu有什么缺点").
 */

/** Notes title questions without their mark ("Go 中 defer 机制，可以返回数据吗"); said aloud they need one. */
export function endAsQuestion(question: string): string {
  const trimmed = question.trimEnd();
  if (!trimmed || /[？?。.!！」）)]$/u.test(trimmed)) return trimmed;
  // An instruction ("说说…", "请说出…") ends as a sentence, anything else as a question.
  return /^(请|说说|说一说|说一下|聊聊|聊一聊|谈谈|谈一谈|讲讲|讲一讲|讲一下|介绍|描述|解释|简述|列举|分析|比较|总结|设计|写)/u.test(trimmed) ? `${trimmed}。` : `${trimmed}？`;
}

/** Interjections a reaction and a transition both like to start with. */
const leadIn = /^(好的|好|嗯|行|可以|没事|没关系|没问题)[，,。！!、\s]*/u;

/** Joins a reaction and the line after it, dropping the second's lead-in when the first already has one. */
export function joinLead(reaction: string, line: string): string {
  if (!reaction) return line;
  const first = leadIn.exec(reaction)?.[1];
  const second = leadIn.exec(line);
  if (!first || !second) return `${reaction}${line}`;
  const rest = line.slice(second[0].length);
  return rest ? `${reaction}${rest}` : reaction;
}

/** Interview filler that says nothing about the subject of a question. */
const fillerWords = /有什么|是什么|为什么|什么|怎么样|怎么|怎样|如何|哪些|哪个|能不能|可以|说说|聊聊|谈谈|讲讲|讲一下|介绍一下|介绍|你对|的了解|的理解|理解|了解|一下|是否|吗|呢|吧|请|你|的|是|有|了|和|与|及/gu;

/** The subject terms of a question: Latin words, and Han bigrams of what is left after the filler. */
export function subjectTerms(question: string): Set<string> {
  const text = question.toLowerCase().replace(fillerWords, ' ');
  const terms = new Set(text.match(/[a-z][a-z0-9]*/g) ?? []);
  for (const run of text.match(/\p{Script=Han}+/gu) ?? []) {
    const chars = [...run];
    if (chars.length === 1) terms.add(run);
    for (let index = 0; index + 1 < chars.length; index += 1) terms.add(`${chars[index]}${chars[index + 1]}`);
  }
  return terms;
}

/** Share of subject terms at which a related question only restates the asked one. */
const restateShare = 0.5;

/** Whether `candidate` mostly asks about what `asked` already names: not a level deeper, the same ground. */
export function restatesQuestion(candidate: string, asked: string): boolean {
  const wanted = subjectTerms(candidate);
  if (wanted.size === 0) return true;
  const have = subjectTerms(asked);
  const shared = [...wanted].filter((term) => have.has(term)).length;
  return shared / wanted.size >= restateShare;
}
