/**
 * Orthographic variants and near-synonyms of the same word, folded to the form the notes use
 * before a text's bigrams are taken (notes and answers alike), so a word choice is not a content
 * difference: 结点/节点 are both "node", "把这个 key 删了" says 删除, "拿到锁" 获取锁.
 *
 * Only words engineers use interchangeably when explaining a mechanism are folded, never two
 * that differ in this domain (释放/删除, 同步/异步, 读/写, 加锁/解锁, 丢失/丢弃). Lookarounds
 * keep a fold from cutting through a longer word ("所以后面" is not 以后, "判断了" not 断了).
 */
const variantSpellings: ReadonlyArray<readonly [RegExp, string]> = [
  [/结点/g, '节点'],
  [/储存|存贮/g, '存储'],
  [/帐号/g, '账号'],
  // "K8s群集" is 集群 (cluster) written the other way round, as some translations do.
  [/群集/g, '集群'],
  // Words candidates use interchangeably with the notes' words for the same thing.
  [/拷贝/g, '复制'],
  [/翻倍|二倍|2倍|2 倍/g, '两倍'],
  [/超过|超出/g, '大于'],
  [/卡住|堵塞/g, '阻塞'],
  [/好处|优势/g, '优点'],
  [/弊端|不足之处/g, '缺点'],
  [/代价|成本/g, '开销'],
  [/交错|穿插/g, '交替'],
  [/压入|压栈|进栈/g, '入栈'],
  [/查询/g, '查找'],
  // "一个分区同一时间只能被一个消费者拿着读" is the note's "同一时刻只会分配给…一个消费者".
  [/同一时间(?!段)/g, '同一时刻'],
  // Spoken words for the notes' written ones ("跑在内核态" is 运行在内核态, "拿到锁" 获取锁, "服务挂了" 崩溃).
  [/跑(?!步)/g, '运行'],
  [/拿到|获得|取得/g, '获取'],
  [/挂了|挂掉|崩了|宕机/g, '崩溃'],
  [/放进|塞进|扔进|放到/g, '放入'],
  [/等着/g, '等待'],
  // Everyday verbs for the notes' ones: "把过期的 key 删了" is 删除, "存起来" 存储, "开一个协程" 创建一个.
  [/删了|删去|移除/g, '删除'],
  [/存起来|存下来|保存/g, '存储'],
  [/读出/g, '读取'],
  [/改成/g, '改为'],
  [/新建|(?<![打展公离召分拉])开一个|(?<!一)起一个/g, '创建一个'],
  [/弄丢|搞丢|丢了/g, '丢失'],
  [/告诉/g, '通知'],
  [/(?<![相无有攸])关(?:掉|了)/g, '关闭'],
  [/连上|连到/g, '连接'],
  [/拦住|拦下|挡住/g, '拦截'],
  [/记下来|记录下来|记住/g, '记录'],
  [/挪到|搬到/g, '移动到'],
  [/重用|重复使用/g, '复用'],
  // A wrapper is 包装 or 封装 alike (「RouterGroup是对路由树的包装」 is said 「对路由树的封装」).
  [/包装/g, '封装'],
  // Connective and degree words: "会引起死锁" is 导致, "防止重复下单" 避免, "马上返回" 立即返回.
  [/造成|引起|引发/g, '导致'],
  [/防止/g, '避免'],
  [/确保/g, '保证'],
  [/提升/g, '提高'],
  [/马上|立刻|立马/g, '立即'],
  [/没法|没办法/g, '无法'],
  [/很多|许多|好多|一大堆/g, '大量'],
  [/一[模摸]一样|一样/g, '相同'],
  [/快很多|快得多/g, '更快'],
  [/慢很多|慢得多/g, '更慢'],
  [/差别|差异/g, '区别'],
  [/用处|用途/g, '作用'],
  [/用来|拿来/g, '用于'],
  [/(?<![所可足难])以后(?![端台])/g, '之后'],
  [/(?<![所可足难])以前(?![端台])/g, '之前'],
  // Short forms of the same terms: "I/O" is io, "CPU 密集" 计算密集, 核数 核心数.
  [/\bi\/o\b/g, 'io'],
  [/cpu ?密集/g, '计算密集'],
  [/核数/g, '核心数'],
  // Component names written with or without a space are one name: the K8s note's 「Api Server」 is the answer's
  // apiserver, 「Read View」 ReadView. Only established names, so no two words are joined by chance; hyphenated forms
  // (api-server) are read as both their parts and the joined name already (text-analysis.ts compoundVariants).
  [/\bapi server\b/g, 'apiserver'],
  [/\bcontroller manager\b/g, 'controllermanager'],
  [/\bread view\b/g, 'readview'],
  [/\bchange buffer\b/g, 'changebuffer'],
  [/\bbuffer pool\b/g, 'bufferpool'],
  // A size's unit spelt out is its short form: "1.6MByte × 8bit" is 1.6MB ("4×0.4M=1.6MB").
  [/(?<=\d\s?[kmgt])bytes?\b/g, 'b'],
  // Words for rounding a value: "取整按每秒 4 个请求算" is the note's "将请求化整，就是4个请求每秒".
  [/化整|凑整/g, '取整'],
  // Spoken set-ups for their names: "一主一备" is 主备, "写走主库、读走从库" is 读写分离 (the words are kept for what else they say).
  [/一主[一多]备/g, '主备'],
  [/一主[一多]从/g, '主从'],
  [/写(?:操作|请求)?(?:都)?(?:走|打到|发到|去|落到)主库[^。；;]{0,6}?读(?:操作|请求)?(?:都)?(?:走|打到|发到|去)从库|读(?:操作|请求)?(?:都)?(?:走|打到|发到|去)从库[^。；;]{0,6}?写(?:操作|请求)?(?:都)?(?:走|打到|发到|去|落到)主库/g, '$&（读写分离）'],
];

/**
 * Common misspellings of English terms in notes and answers, each the start of a word: 「只能yeild到调用者」 is yield, so an
 * answer's yield meets it. One pattern for all of them, since every text a profile reads passes through it.
 */
const misspellings: Readonly<Record<string, string>> = {
  yeild: 'yield',
  recieve: 'receive',
  seperat: 'separat',
  lenght: 'length',
  retrun: 'return',
  fucntion: 'function',
  defualt: 'default',
  paramter: 'parameter',
  occured: 'occurred',
  consistant: 'consistent',
  dependanc: 'dependenc',
  thred: 'thread',
};
const misspelt = new RegExp(String.raw`\b(?:${Object.keys(misspellings).join('|')})`, 'g');

/** A text with its variants folded to the notes' forms and its misspellings corrected: what a profile reads. */
export function withVariantSpellings(text: string): string {
  let folded = text;
  for (const [variant, canonical] of variantSpellings) folded = folded.replace(variant, canonical);
  return folded.replace(misspelt, (word) => misspellings[word] ?? word);
}
