/**
 * Words that carry no topic in interview questions and notes. Interviewer phrasing ("说一下",
 * "为什么", "what is") is exactly what paraphrases change, so dropping it keeps retrieval on the
 * technical terms. Single CJK characters such as 锁, 堆, 表 are NOT listed: they are content.
 */
const chineseStopwords = `
的 了 是 在 和 与 及 或 吗 呢 吧 啊 呀 哦 嘛 么 着 过 也 都 就 还 又 而 但 并 被 把 给 对 从 向 到 于 以 之 其 该 此 这 那 哪
这个 那个 这些 那些 这样 那样 这种 那种 哪个 哪些 什么 怎么 怎样 怎么样 为什么 为何 如何 是否 是不是 有没有 能不能 会不会 可不可以
一个 一些 一下 一种 一般 一点 一直 一样 一次 有些 有的 某个 某些 每个 各个 各自 各种 几种 哪里 哪儿 多少
你 我 他 她 它 你们 我们 他们 她们 它们 自己 大家 咱们 您
说 说说 说一下 讲 讲讲 讲一下 谈谈 聊聊 介绍 介绍一下 解释 解释一下 描述 简述 简单 请 请问 问 问题 回答 知道 了解 理解 觉得 认为 看看
可以 可能 能 会 要 需要 应该 得 想 让 用 做 做到 进行 通过 使用 采用 如果 假如 要是 的话 那么 然后 所以 因为 因此 但是 不过 而且 并且 或者 还是 以及 比如 例如 就是 就会 也就是 其实 然后 此外 另外 同时 即 即使 虽然
有 没有 没 不 不是 很 太 更 最 非常 比较 特别 已经 正在 当 时 时候 之后 之前 以后 以前 后 前 中 里 里面 上 下 内 外 间 方面 情况 地方 东西 怎么办 干 干什么 分别 各 等 等等 啥 咋 呗 嗯 哈
`;

const englishStopwords = `
a an the and or but if then else of to in on at by for from with without into onto over under about as is are was were be been being
do does did doing done have has had having can could should would will shall may might must not no nor so than too very just also
what which who whom whose when where why how whether this that these those it its it's they them their there here we us our you your
i me my he him his she her one ones any some each every all both either neither more most other such own same only vs versus
explain describe tell talk walk through difference differences between main still keep way ways
`;

function toSet(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter(Boolean));
}

export const stopwords: ReadonlySet<string> = new Set([...toSet(chineseStopwords), ...toSet(englishStopwords)]);
