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
  ['increase', 'decrease'],
  ['faster', 'slower'],
  ['larger', 'smaller'],
  ['more', 'less'],
  ['first', 'last'],
  ['before', 'after'],
  ['read', 'write'],
  ['stack', 'heap'],
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
