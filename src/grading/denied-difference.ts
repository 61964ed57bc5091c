/**
 * A difference denied: the question asks how two things differ, or what each does ("令牌桶和漏桶最大的区别在哪？",
 * "namespace 和 cgroup 各自负责什么？"), and the answer says there is nothing to tell apart ("其实两个在效果上没区别",
 * "namespace 和 cgroup 其实是同一个机制的两个叫法"). That is the question answered wrong at its core, whatever the
 * answer goes on to say in the note's words; lexical coverage cannot see it, since 没区别 shares nothing with
 * the note's account of the difference. A note that itself says the two are the same is agreed with, not denied.
 */

/** A question that asks what sets two or more things apart, or what each of them does. */
const asksDifference = /区别|差别|差异|不同|异同|分别|各自|各有|对比|\bdiffer(?:ence|ent|s)?\b|\bcompare\b|\bvs\.?\b|\bversus\b/iu;

/**
 * A claim that two things are one: no difference, one and the same thing, two names of one thing. "一样" alone is not
 * one ("和 vector 一样是连续内存" compares a property), and a denied sameness ("不是一回事") is the opposite claim.
 */
const sameness =
  /(?<![不非])(?:没(?:有|啥|什么)?(?:本质(?:上的?)?|实质(?:上的?)?|任何)?(?:区别|差别|差异|两样)|是一回事|是同一(?:个|种|套)(?:东西|机制|概念|技术|事物?)|(?:两|2)个(?:不同的?)?(?:叫法|名字|说法)|\bno (?:real |actual )?difference\b|\bthe same thing\b|\bare (?:really |basically |actually )?(?:the same|identical)\b)/iu;

/** What the claim must be about: the pair ("两个", "它们", "both"), or two things named in its sentence. */
const pairWords = /两个|两者|二者|两种|俩|它们|他们|这两|\bboth\b|\bthey\b|\bthe two\b/iu;

/** The pair itself as the subject right before "are the same": "they", "both (of them)", "the two", "X and Y". */
const englishPairSubject = /(?:\bboth(?: of them)?|\bthey|\bthe two(?: \w+)?|\b[\w.+#-]+ and (?:[\w.+#/-]+ ){0,2}[\w.+#/-]+)\s*$/iu;

/** Whether the answer denies the difference the question asks about. */
export function deniesDifference(question: string, answer: string, references: readonly string[]): boolean {
  if (!asksDifference.test(question)) return false;
  if (references.some((reference) => sameness.test(reference))) return false;
  return answer.split(/[。！？!?；;\n]/u).some((sentence) => {
    const claim = sameness.exec(sentence);
    if (!claim) return false;
    const before = sentence.slice(0, claim.index);
    // "在 X 上没区别，区别在于…" grants a difference after all; so does a turn (但/不过) after the claim.
    if (/区别在于|不同(?:的是|在于|之处)|\bbut\b|\bexcept\b|但|不过|只是(?:在|对)/u.test(sentence.slice(claim.index + claim[0].length, claim.index + claim[0].length + 12))) return false;
    // An English claim's subject stands right before it: "In both versions the mechanics are the same" says one aspect is
    // shared (its subject is the mechanics), not that the two versions are one thing.
    if (/^are\b/iu.test(claim[0]) && !englishPairSubject.test(before)) return false;
    return pairWords.test(before) || /[和与跟及、]|\band\b/u.test(before);
  });
}
