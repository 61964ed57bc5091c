/**
 * Pairs of words of general technical Chinese and English that say opposite things about the same
 * slot of a sentence ("临时节点" / "持久节点", "减少 GC 压力" / "增加 GC 压力"). A clause that repeats a
 * note's sentence with one of them exchanged for the other says the opposite of the note. General
 * vocabulary of the field, not any note's: notes and answers on any subject use these words.
 */
const pairs: ReadonlyArray<readonly [string, string]> = [
  ['增加', '减少'],
  ['增大', '减小'],
  ['提高', '降低'],
  ['提升', '降低'],
  ['加快', '减慢'],
  ['最大', '最小'],
  ['最多', '最少'],
  ['第一', '最后'],
  ['最早', '最晚'],
  ['临时', '持久'],
  ['同步', '异步'],
  ['串行', '并行'],
  ['共享', '独占'],
  ['全量', '增量'],
  ['有序', '无序'],
  ['静态', '动态'],
  ['显式', '隐式'],
  ['全局', '局部'],
  ['本地', '远程'],
  ['乐观', '悲观'],
  ['创建', '删除'],
  ['加锁', '解锁'],
  ['成功', '失败'],
  ['允许', '禁止'],
  ['相同', '不同'],
  ['固定', '可变'],
  ['用户态', '内核态'],
  ['编译期', '运行时'],
  ['编译时', '运行时'],
  ['编译期', '运行期'],
  ['客户端', '服务端'],
  ['客户端', '服务器'],
  ['父进程', '子进程'],
  ['栈', '堆'],
  ['大', '小'],
  ['多', '少'],
  ['快', '慢'],
  ['高', '低'],
  ['长', '短'],
  ['先', '后'],
  ['前', '后'],
  ['读', '写'],
  ['主', '从'],
  ['新', '旧'],
  ['头', '尾'],
  ['上限', '下限'],
  ['一定', '可能'],
  ['指数', '线性'],
  ['increase', 'decrease'],
  ['min', 'max'],
  ['minimum', 'maximum'],
  ['upper', 'lower'],
  ['exponential', 'linear'],
  ['faster', 'slower'],
  ['larger', 'smaller'],
  ['more', 'less'],
  ['first', 'last'],
  ['before', 'after'],
  ['read', 'write'],
  ['stack', 'heap'],
  ['compile time', 'runtime'],
  ['compile time', 'run time'],
  ['synchronous', 'asynchronous'],
  ['sync', 'async'],
  ['shared', 'exclusive'],
  ['temporary', 'persistent'],
  ['ephemeral', 'persistent'],
  ['client', 'server'],
  ['parent', 'child'],
];

/**
 * Whether `removed` (the note's words) and `inserted` (the answer's words in their place) are the two
 * sides of an antonym pair: one side in each, and neither holding the other side too ("读写" is not
 * "写" exchanged for "读").
 */
export function areOpposites(removed: string, inserted: string): boolean {
  return pairs.some(([a, b]) =>
    // One character is a word only on its own: "小了" for "如果较大" is a rewording, "大" for "小" an exchange.
    Array.from(a).length === 1 || Array.from(b).length === 1
      ? (removed === a && inserted === b) || (removed === b && inserted === a)
      :
      (removed.includes(a) && inserted.includes(b) && !removed.includes(b) && !inserted.includes(a)) ||
      (removed.includes(b) && inserted.includes(a) && !removed.includes(a) && !inserted.includes(b)),
  );
}

/**
 * Predicates that cannot both be true of one thing ("Redis 是单线程的" / "Redis 是多线程的", "全双工" /
 * "半双工"): a clause that gives a thing one of them where the note, or the question's premise, gives it
 * the other says the opposite in any words. Only words of two characters or more, since a clause is
 * compared as a whole here, not word by word (one character such as 多 is part of too many words).
 */
export const opposedPredicates: ReadonlyArray<readonly [string, string]> = [
  ['单线程', '多线程'],
  ['单进程', '多进程'],
  ['同步', '异步'],
  ['串行', '并行'],
  ['有状态', '无状态'],
  ['全双工', '半双工'],
  ['长连接', '短连接'],
  ['面向连接', '无连接'],
  ['值类型', '引用类型'],
  ['值传递', '引用传递'],
  ['编译期', '运行时'],
  ['编译时', '运行时'],
  ['编译阶段', '运行时'],
  ['静态链接', '动态链接'],
  ['用户态', '内核态'],
  ['有序', '无序'],
  ['乐观锁', '悲观锁'],
  ['共享锁', '排他锁'],
  ['增加', '减少'],
  ['提高', '降低'],
  ['最先', '最后'],
  ['最早', '最晚'],
  ['最高', '最低'],
  ['最大', '最小'],
  ['最多', '最少'],
  ['最严格', '最宽松'],
  ['全量', '增量'],
  ['临时', '持久'],
  ['先进先出', '后进先出'],
  ['先进先出', '先进后出'],
  ['升序', '降序'],
  ['随机', '按顺序'],
  ['随机', '固定顺序'],
  ['定长', '变长'],
  ['固定长度', '可变长度'],
  ['强一致', '最终一致'],
  ['single-threaded', 'multi-threaded'],
  ['full-duplex', 'half-duplex'],
  ['stateful', 'stateless'],
  ['synchronous', 'asynchronous'],
];

/**
 * Predicates in English and Chinese that the glossary does not carry as concepts (adding them there
 * changes what an English answer must say to make a point): here they only let an English denial
 * ("WebSocket is not full-duplex") meet the Chinese claim it denies ("websocket：全双工").
 */
const crossLanguagePredicates: ReadonlyArray<readonly [RegExp, string]> = [
  [/full[- ]?duplex|全双工/u, '≈full-duplex'],
  [/half[- ]?duplex|半双工/u, '≈half-duplex'],
  [/\bpush(?:es|ed|ing)? (?:to|messages?|data|updates?)|主动推送|服务端推送|服务器推送/u, '≈server-push'],
  [/\bwait(?:s|ed|ing)? for\b|等待|等到/u, '≈wait'],
  [/\bmajority\b|\bquorum\b|多数|过半|半数以上/u, '≈majority'],
  [/\boverwrit(?:e|es|ten|ing)\b|覆盖/u, '≈overwrite'],
  [/\bconsistent\b|一致/u, '≈consistent'],
];

/** The cross-language predicate keys a normalised text states. */
export function predicateKeys(normalised: string): string[] {
  return crossLanguagePredicates.filter(([pattern]) => pattern.test(normalised)).map(([, key]) => key);
}
