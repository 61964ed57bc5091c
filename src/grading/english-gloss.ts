/**
 * A word-by-word Chinese gloss of an English answer, so that it can be measured against a Chinese
 * note's points on their whole content instead of on the few terms both languages share. The
 * bilingual glossary (src/text/glossary.ts) names the field's concepts (thread → 线程); this table
 * adds the general words explanations are made of (same → 同一, fixed → 固定, expensive → 开销大),
 * which no concept list holds and which carry most of a point's relation. A gloss has no word order
 * and keeps only the words' own bigrams, so it reaches part of what a Chinese twin would: it is a
 * lower bound on what the English answer said, never padding (the answer's units are only added to).
 */
import { withChineseTerms } from '../text/glossary.ts';
import { isMostlyEnglish, profiledText, profileText, stemWord } from './text-analysis.ts';

/** English word (any inflection, matched by stem) → the Chinese words notes use for it. */
const generalWords: ReadonlyArray<readonly [english: string, chinese: string]> = [
  // quantities, comparisons, degree
  ['same|identical', '同一|相同|一样'],
  ['different|differ|distinct', '不同|区别'],
  ['fixed|constant', '固定|不变'],
  ['dynamic|dynamically', '动态'],
  ['static|statically', '静态'],
  ['large|big|huge|bigger|larger', '大|大量'],
  ['small|tiny|little|smaller', '小|少量'],
  ['many|multiple|several|lots', '多个|多|大量'],
  ['more', '更多|多'],
  ['less|fewer', '更少|减少|少'],
  ['fast|faster|quick|quickly', '快|快速'],
  ['slow|slower|slowly', '慢'],
  ['expensive|costly|heavy', '开销大|代价高'],
  ['cheap|lightweight|light', '开销小|轻量'],
  ['simple|simpler|easy|easier', '简单'],
  ['complex|complicated', '复杂'],
  ['high|higher', '高'],
  ['low|lower', '低'],
  ['double|doubles|twice', '两倍|翻倍'],
  ['half', '一半'],
  ['whole|entire|all', '所有|全部|整个'],
  ['only|just', '只|仅'],
  ['each|every|per', '每个|每次'],
  ['first', '首先|第一'],
  ['last|final', '最后'],
  ['new', '新'],
  ['old|previous', '旧|原来'],
  ['default', '默认'],
  ['random|randomly', '随机'],
  ['empty|blank', '空'],
  ['null|nil', '空|nil'],
  ['invalid|illegal', '非法|不合法'],
  ['valid|legal', '合法'],
  ['safe|safely', '安全'],
  ['unsafe', '不安全'],
  ['short', '短'],
  ['long', '长'],
  ['frequent|frequently|often', '频繁|经常'],
  ['rare|rarely|seldom', '很少'],
  ['usually|typically|commonly|generally', '通常|一般'],
  ['always', '总是|一直'],
  ['never', '从不|永远不'],
  ['immediately|instantly|directly', '立即|直接|马上'],
  ['temporarily|briefly|temporary', '暂时|短暂'],
  ['forever|permanently', '永远|永久'],
  ['automatically|automatic', '自动'],
  ['manually|manual', '手动'],
  // actions
  ['create|creates|spawn', '创建'],
  ['delete|remove|drop', '删除|移除'],
  ['insert|add|append', '插入|添加|追加'],
  ['update|modify|change', '修改|更新|改'],
  ['copy|copies|duplicate|clone', '复制|拷贝'],
  ['move|migrate', '移动|迁移|搬'],
  ['share|shared|sharing', '共享'],
  ['write|writes|written', '写|写入'],
  ['read|reads', '读|读取'],
  ['store|save|keep|hold', '存储|保存|保存'],
  ['load|reload', '加载'],
  ['send|sends|sent', '发送|发'],
  ['receive|receives|received', '接收|收到'],
  ['return|returns|returned', '返回'],
  ['call|calls|invoke', '调用'],
  ['execute|run|runs|running', '执行|运行'],
  ['process|handle|serve|serving', '处理'],
  ['wait|waits|waiting', '等待'],
  ['release|free|freed', '释放'],
  ['acquire|obtain|get|gets|fetch', '获取|拿到'],
  ['collect|reclaim|recycle', '回收'],
  ['grow|grows|expand|resize', '扩容|增长'],
  ['shrink', '缩容'],
  ['increase|increment|raise', '增加|提高'],
  ['decrease|decrement|reduce|reduces|lower', '减少|降低'],
  ['avoid|prevent|prevents', '避免|防止'],
  ['ensure|guarantee|guarantees', '保证|确保'],
  ['support|supports', '支持'],
  ['allow|allows|permit', '允许'],
  ['forbid|disallow', '不允许|禁止'],
  ['need|needs|require|requires|must', '需要|必须'],
  ['check|validate|verify', '检查|校验|验证'],
  ['reject|refuse|deny', '拒绝'],
  ['ignore|skip', '忽略|跳过'],
  ['filter', '过滤'],
  ['determine|decide|judge', '判断|确定|决定'],
  ['compare', '比较'],
  ['find|search|look', '查找|找'],
  ['record|track', '记录'],
  ['mark|marks|marked', '标记'],
  ['scan|scans', '扫描'],
  ['start|starts|begin|launch', '开始|启动'],
  ['stop|stops|halt', '停止|停'],
  ['finish|complete|completes|done', '完成|结束'],
  ['fail|fails|failure|failed', '失败'],
  ['error|errors', '报错|错误|出错'],
  ['approximate|approximately|roughly', '近似|大约|大概'],
  ['exact|exactly|precise|precisely|accurate', '精确|准确'],
  ['sample|samples|sampling', '采样|抽样'],
  ['soon|soonest|earliest', '最早|最快'],
  ['any|arbitrary', '任意|任何'],
  ['succeed|success|successful', '成功'],
  ['retry|retries|again', '重试|重新'],
  ['crash|crashes|die', '崩溃|挂'],
  ['recover|restore', '恢复'],
  ['switch|switches|switching', '切换'],
  ['trigger|triggers', '触发'],
  ['wake|awaken', '唤醒'],
  ['sleep', '休眠|睡眠'],
  ['split|divide', '拆分|划分'],
  ['merge|combine', '合并|组合'],
  ['reuse|reuses', '复用'],
  ['occupy|occupies|consume|consumes|use|uses', '占用|消耗|使用'],
  ['waste|wastes', '浪费'],
  ['point|points', '指向'],
  ['contain|contains|include', '包含'],
  ['belong|belongs', '属于'],
  ['limit|limits|bound', '限制'],
  ['exceed|exceeds', '超过|大于'],
  ['exist|exists', '存在'],
  ['happen|happens|occur|occurs', '发生|出现'],
  ['cause|causes|lead|leads|result', '导致|造成'],
  ['affect|affects|impact', '影响'],
  ['depend|depends|rely', '依赖'],
  ['solve|solves|fix|resolve', '解决'],
  ['improve|improves|speed', '提高|提升|加快'],
  ['protect|protects', '保护'],
  ['attack|attacker|malicious', '攻击|恶意'],
  ['hit|hits', '命中|打到'],
  ['miss|misses', '未命中'],
  ['expire|expires|expired', '过期|失效'],
  ['persist|persists|durable', '持久化'],
  ['guess|estimate', '估算'],
  // things
  ['thread|threads', '线程'],
  ['main', '主'],
  ['child|children', '子'],
  ['parent', '父'],
  ['command|commands', '命令'],
  ['operation|operations', '操作'],
  ['element|elements|item|items', '元素'],
  ['length|len', '长度'],
  ['capacity|cap', '容量'],
  ['size', '大小'],
  ['type|types', '类型'],
  ['value|values', '值'],
  ['address', '地址'],
  ['underlying|backing|bottom', '底层'],
  ['header', '头'],
  ['field', '字段'],
  ['object|objects', '对象'],
  ['instance', '实例'],
  ['resource|resources', '资源'],
  ['file|files', '文件'],
  ['table|tables', '表'],
  ['page|pages', '页'],
  ['register|registers', '寄存器'],
  ['instruction|instructions', '指令'],
  ['program|programs|application|app', '程序|应用'],
  ['system', '系统'],
  ['user|users', '用户'],
  ['time|timeout', '时间|超时'],
  ['order|sequence', '顺序'],
  ['result|results', '结果'],
  ['condition|conditions', '条件'],
  ['parameter|parameters|argument|arguments|param', '参数'],
  ['id|ids', 'id'],
  ['integer|int', '整数'],
  ['number|count', '数量|个数|次数'],
  ['frequency', '频率'],
  ['priority', '优先级'],
  ['scope|lifetime', '作用域|生命周期'],
  ['local', '局部|本地'],
  ['global', '全局'],
  ['private', '私有'],
  ['public', '公共'],
  ['pressure|load|burden', '压力|负载'],
  ['traffic|flow', '流量'],
  ['peak|spike|burst', '高峰|峰值'],
  ['bandwidth', '带宽'],
  ['problem|issue', '问题'],
  ['reason|because', '原因|因为'],
  ['purpose|goal', '目的'],
  ['benefit|advantage', '好处|优点'],
  ['step|steps|stage|phase', '步骤|阶段'],
  ['rule|rules|policy|strategy', '规则|策略'],
  ['mechanism', '机制'],
  ['task|tasks|job|jobs', '任务'],
  ['message|messages', '消息'],
  ['event|events', '事件'],
  ['status|state', '状态'],
  ['slot|slots|bucket|buckets', '槽|桶'],
  ['whole|entire', '整个'],
  ['physical', '物理'],
  ['virtual', '虚拟'],
  ['remote', '远程'],
  ['backend|background', '后台|后端'],
  ['frontend', '前端'],
  ['experience', '体验'],
  ['response time|latency', '响应时间|响应速度'],
];

const byStem = new Map<string, string[]>();
for (const [english, chinese] of generalWords) {
  const forms = chinese.split('|');
  for (const word of english.split('|')) {
    const stem = stemWord(word);
    byStem.set(stem, [...new Set([...(byStem.get(stem) ?? []), ...forms])]);
  }
}

/** A stem's Chinese words of two characters or more, spelled as profiles read them (超过 → 大于). */
const wordsOfStem = new Map<string, string[]>();

/**
 * Whether a normalised Chinese text says an English word of a note (a stemmed unit of its profile) in
 * Chinese: "writes get an error" has 写入 in "写入失败". One-character words (写, 大) would be found
 * anywhere, so only longer ones count.
 */
export function saysInChinese(unit: string, normalised: string): boolean {
  let words = wordsOfStem.get(unit);
  if (!words) wordsOfStem.set(unit, (words = (byStem.get(unit) ?? []).filter((form) => form.length >= 2).map((form) => profiledText(form))));
  return words.some((word) => normalised.includes(word));
}

/**
 * The answer followed by the Chinese words of what it says: the glossary's concepts (for text that
 * is mostly English) and the general words above.
 */
export function withChineseGloss(answer: string): string {
  const prose = proseOf(answer);
  const concepts = withChineseTerms(prose).slice(prose.length).trim();
  const additions = new Set<string>(concepts ? concepts.split(' ') : []);
  for (const [word] of prose.toLowerCase().matchAll(/[a-z][a-z'-]*/g)) for (const form of byStem.get(stemWord(word)) ?? []) additions.add(form);
  return additions.size ? `${answer}\n${[...additions].join(' ')}` : answer;
}

/**
 * Whether the answer's prose, its code left out, is English: only then is a gloss its reading. A
 * Chinese explanation around a program reads as English by its letters, and is not one.
 */
export function isEnglishProse(answer: string): boolean {
  return isMostlyEnglish(profileText(proseOf(answer)));
}

/**
 * The answer without its code: code blocks and spans, and every segment (between ; or line breaks
 * or sentence ends) that reads as code: includes, comments, braces, comparisons and assignments,
 * calls such as "s1.empty()" or "push(a)". An answer that is mostly a program reads as English by its
 * letters, but its identifiers are not words of an explanation: glossed, push / empty / stack credited
 * a two-stack queue's code with the note's prose. Segments, not lines: the scorer reads an answer's
 * clauses joined on one line.
 */
function proseOf(answer: string): string {
  return answer
    .replace(/```[\s\S]*?(?:```|$)|`[^`\n]*`/g, ' ')
    .split(/[;；\n]|(?<=[.。!?！？])\s/)
    .filter((segment) => !/[{}<>=]|#\s*include|\/\/|\w\(\S*\)/.test(segment))
    .join('\n');
}
