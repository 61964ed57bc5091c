/**
 * What a key point is about, as a short phrase the card can say ("没讲 save 为什么会造成阻塞：和操作命令
 * 在同一个线程里面"): built from the point's own structure — its subject (a label, or the one subject
 * of the question it names) and what it claims (the clause with the consequence, the condition, the
 * purpose), never by pasting the whole note sentence and never as a bag of terms (函数、性能、key).
 */
import { cjk, cleanClause, emptyLabel, phraseLength, pointClauses, trimmed } from './point-phrases.ts';

/** Labels that say what kind of point follows but not what it is about ("缺点：…", "工作原理：…" need their body). */
const kindLabel = /^(?:优点|缺点|优势|劣势|好处|坏处|原因|作用|目的|解决|特点|区别|场景|问题|定义|举例|核心|关键|前提|结果|首先|其次|然后|最后|另外|第.|(?:解决|处理|应对|优化|实现|具体)?(?:方案|方法|办法|方式|措施|策略|步骤)|(?:工作|实现|基本|底层|核心|主要|设计|解决)?(?:原理|思想|思路|流程|过程|机制))$/u;

/**
 * A clause that is an aside about its subject, not a claim the question asks for: how much it is used
 * (其实用的比较少, 就用的多了), how the note's author feels about it, or a pointer back at the note itself
 * ("lru没有采用上面描述的", its claim in the next clause). Named, it read 「没讲数组在go语言里面其实用的比较少」,
 * 「切片就用的多了只提了一句」 and 「没讲lru没有采用上面描述的」.
 */
const aside = /(?:用的|用得|使用)(?:比较|很|非常|更|最)?(?:多|少)(?:了|一些|一点)?$|(?:比较|很|挺)(?:常见|少见|常用|少用)了?$|^(?:我|个人)(?:觉得|认为|感觉)|(?:上面|上述|前面|以上|如上)所?(?:描述|说|提到|讲|介绍)过?的(?:方法|方案|做法|那样|这种)?$/u;

/** A pronoun standing for the subject of the clause before ("他是动态数组"). */
const pronoun = /^(?:他|它|她|其)(?=[是会能的有在])/u;

/** A clause that opens on its verb or a preposition, its subject left to the sentence before ("是第一个节点", "被删除"). */
export const subjectless = /^[是为把被对将]/u;

/**
 * A clause that only says when ("Apiserver收到指令后", "follower日志持久化成功以后", "go1.9之前"): the claim follows it. Named alone,
 * 「go1.9之前」 had been what the card said the answer covered.
 */
const temporal = /(?<!(?:位于|排在|放在|处于).{0,20})(?:之后|以后|后|之前|以前|的时候|时)$/u;

/** A clause that supposes: the point says what happens then ("如果只有两次握手，…会…"). */
const conditional = /^(?:如果|假如|假设|若|要是|一旦|当(?!前|然|初|中|今|下|地|年)|只要)\s*/u;

/** A clause that only judges ("具有独特的优势", "缺点是"): what it judges is in the clause after it. */
const judgement = /^(?:具有|有)?.{0,10}?(?:优势|优点|缺点|局限性?|好处|坏处|特点|不足)(?:是|在于)?$/u;

/** A first clause followed by "那么/则" ("…，那么内部直接 reslice") was a condition. */
const consequent = /^[^，,。；;]{2,40}[，,]\s*(?:那么|则)/u;

/** What a condition or a scene-setting clause ends in ("当…时", "集群启动时", "默认情况下"). */
const conditionEnd = /(?:的时候|时|情况下)$/u;

/**
 * A clause that only sets the scene ("在bgsave中", "对于写操作", "从runtime的源码可以看到") or says where the author saw
 * the claim ("根据运行结果我们可以看出", "由此可见"): the claim is in the next one.
 */
const frame = /^(?:(?:像|就像|比如|例如)?在.{1,16}(?:中|里|下|之间|基础上|前提下)|由于[^是会能有在为，,]{1,12}|(?:相比于|相比|比起)[^，,]{1,16}|(?:与|和|跟).{1,10}相比|对于.{1,16}|(?:无论|不论|不管).{1,20}(?:如何|怎样|怎么样|与否)|(?:即使|即便|哪怕|就算|虽然|尽管).{1,20}|(?:从|根据|通过|由).{0,16}?(?:我们)?(?:可以|能)?(?:看到|看出|发现|得知|可知|可见|来看)|(?:我们)?(?:可以|能)(?:看到|看出|发现)|由此可见)$/u;

/** A clause that states the difference the question asks about ("区别在于…", "A和B区别就是…"). */
const difference = /^(.*?)的?区别(?:在于|是|就是)/u;

/** A clause that states a purpose ("这样是为了减少…"). */
const purpose = /^(?:这样|这么做|这样做|之所以这样)?(?:是)?为了\s*/u;

/** A clause that states a consequence: what the point's subject does or causes. */
const consequence = /^(?:就|也|都|还|才|便)?(?:会|不会|能|不能|无法|可以|不可以|导致|造成|避免|减少|保证|使得|引起)/u;

/**
 * A consequence that is caused, as "X 为什么 Y" asks: not what X can also do ("gin提供了很方便的数据绑定功能，可以将…参数
 * 自动…绑定" had read 「Gin 为什么可以将…绑定在一起：提供了…」).
 */
const caused = /^(?:就|也|都|还|才|便)?(?:会|不会|导致|造成|避免|减少|引起)/u;

/**
 * A clause that says how ("通过使用消息队列"), when the next says what that achieves ("可以将这些请求暂存起来"): alone it named
 * three points of one note alike. A means clause with its own verb ("通过copy到新的slice来释放…") says both already.
 */
const means = /^通过[^来]{2,24}$/u;
const achieves = /^(?:也|就|还|便|都)?(?:可以|能够|能|可)\s*/u;
const concession = /^(?:即使|即便|哪怕|就算)/u;

/**
 * A clause that points back at the note or an earlier question ("上面的步骤看起来很复杂", "根据第一个问题", "跟上一题一样"): the claim
 * is in what follows. "其中最重要的就是X" then names X.
 */
const pointsBack = /^(?:(?:上面|上述|前面|以上)的?.{0,8}(?:看起来|看上去|似乎|很|比较)|(?:跟|和|同)上一题一样|根据(?:.{0,4}第.{1,3}(?:个问题|条|点|题)|上面|上述|前面))/u;
const mostImportant = /^(?:最重要|最关键|最核心|最主要)的?(?:就)?是\s*/u;

/** What came into being, and what it brought ("HTTP/2.0应运而生，提供了Multiplexing…"): named by what it brought. */
const arrival = /^(.{2,20}?)(?:应运而生|横空出世|诞生了|出现了)$/u;
const brought = /^(?:提供|带来|引入|支持|实现)/u;

/**
 * A label that announces a list ("主要有三种可能的原因：") or one thing ("HTTP/1.1存在一个问题："), or points back at what the
 * note said before ("根据基础知道第一条："), names no topic: the body does.
 */
const announcingLabel = /[几两三四五六七八九十\d]\s*[种个点条类步]|以下|如下|下面|(?:存在|有)(?:一个|一些|几个|两个)?(?:问题|缺陷|不足|缺点|优点|好处|弊端)$|^根据/u;

/** A label that introduces what follows ("解决缓存雪崩的常见策略有：…"): the name and what its body states. */
const introducingLabel = /(?:有|包括|包含|分为|如下)$/u;

/** A definition ("缓存雪崩是指…"): the point says what X is. */
const definition = /^(.{2,14}?)\s*(?:是指|指的是|就是指|的定义是)/u;

/**
 * The subjects a question contrasts or asks about by name: its identifiers (save, bgsave) and the two
 * sides of "A 和 B 的区别". A point that names exactly one of them is about that one.
 */
export function askedSubjects(question: string): string[] {
  const words = question.match(/[A-Za-z][\w+#.-]*[\w+#]|[A-Za-z]/g) ?? [];
  const contrast = /([\u3400-\u9fffA-Za-z0-9]{2,8}?)\s*(?:和|与|跟|以及|还是|vs\.?|VS)\s*([\u3400-\u9fffA-Za-z0-9]{2,8}?)\s*(?:的|有什么|有啥|之间|区别|各自|分别|哪|谁)/u.exec(question);
  // "说一下数组和切片的区别" contrasts 数组 and 切片, not 说一下数组.
  const sides = contrast ? [contrast[1]!.replace(/^(?:请)?(?:说|讲|介绍|谈|聊|解释|比较)(?:一下|下|谈|聊)?/u, ''), contrast[2]!].filter((side) => side.length >= 2) : [];
  return [...new Set([...words.filter((word) => word.length >= 2), ...sides])];
}

export function names(text: string, subject: string): boolean {
  if (!/^[\w+#.-]+$/.test(subject)) return text.includes(subject);
  return new RegExp(`(?<![A-Za-z0-9_])${subject.replace(/[.+#]/g, '\\$&')}(?![A-Za-z0-9_])`, 'i').test(text);
}

/** The effect follows the point's first clause directly, through a condition ("当…时"), or closes a short point. */
function follows(effect: string, rest: readonly string[]): boolean {
  const at = rest.indexOf(effect);
  const before = rest[at - 1];
  return at === 0 || (at === 1 && before !== undefined && (conditional.test(before) || conditionEnd.test(before))) || (at === rest.length - 1 && rest.length <= 2);
}

/** A clause that only says where, when or under what condition: no meaning for a short name ("我决定不了（就去问）"). */
function scene(clause: string): boolean {
  return frame.test(clause) || conditional.test(clause) || conditionEnd.test(clause) || temporal.test(clause) || /^(?:在|就|才|当|对于|虽然|尽管|但|可是)/u.test(clause);
}

/** Whether a name is what the question asks about as a whole, not one of several things it lists or contrasts. */
function isWholeSubject(name: string, question: string): boolean {
  const asked = question
    .replace(/^(?:请)?(?:说说|谈谈|讲讲|聊聊|说一下|讲一下|介绍一下|介绍)(?:你)?对?/u, '')
    .replace(/(?:的(?:了解|理解|认识|看法))?[\s。？?！!]*$/u, '');
  return asked.includes(name) && phraseLength(name) * 5 >= phraseLength(asked) * 3;
}

/** Whether two texts share a two-character word ("倒排索引…" and "索引有什么用"). */
function sharesWords(text: string, other: string): boolean {
  const characters = Array.from(text);
  return characters.slice(1).some((character, index) => /[\u3400-\u9fff]{2}/u.test(`${characters[index]}${character}`) && other.includes(`${characters[index]}${character}`));
}

/** The name an aside is about: a subject of the question it opens with, else the words before 在/其实/就 ("数组在go语言里面…"). */
function asideSubject(clause: string, question: string): string | undefined {
  return askedSubjects(question).find((candidate) => clause.toLowerCase().startsWith(candidate.toLowerCase()))
    ?? /^([\u3400-\u9fffA-Za-z0-9_]{1,8}?)(?:在|其实|就|也|都|用|使用)/u.exec(clause)?.[1];
}

/**
 * The point's statements without the asides that open it; the subject an aside named carries to the
 * claim that follows ("数组在go语言里面其实用的比较少，长度一旦定义就固定" → 数组长度一旦定义就固定,
 * "而切片就用的多了，他是动态数组" → 切片是动态数组).
 */
function withoutAsides(statements: readonly string[], question: string): string[] {
  // A lead-in that only announces what follows ("官方的解释是", "倒排索引的主要思想是") names nothing.
  // One that names its own subject ("倒排索引的主要思想是") is the topic: 倒排索引的主要思想.
  if (statements.length >= 2 && /(?:是|为|如下)$/u.test(statements[0]!) && phraseLength(statements[0]!) <= 12) {
    const name = statements[0]!.replace(/(?:是|为|如下)$/u, '');
    const owner = /^(.+?)的/u.exec(name)?.[1] ?? '';
    return (sharesWords(name, question) || phraseLength(owner) >= 3) && phraseLength(name) >= 4 ? [name] : withoutAsides(statements.slice(1), question);
  }
  if (statements.length < 2 || !aside.test(statements[0]!)) return [...statements];
  const subject = asideSubject(statements[0]!, question);
  const [claim, ...rest] = statements.slice(1);
  if (!subject || names(claim!, subject)) return [claim!, ...rest];
  return [pronoun.test(claim!) ? claim!.replace(pronoun, subject) : `${subject}${claim}`, ...rest];
}

/** English prose: its first clause, up to ten words. */
function englishTopic(clauses: readonly string[]): string {
  const words = (clauses[0] ?? '').split(/\s+/);
  return words.length > 10 ? `${words.slice(0, 10).join(' ')}…` : words.join(' ');
}

/**
 * What a point is about, as a short phrase:
 * - a label that names something, with a short body ("负载均衡（读写分离）", "引用计数");
 * - the subject the question asks about and the consequence the point states, with its reason
 *   ("save 为什么会造成阻塞：和操作命令在同一个线程里面");
 * - a condition and what follows it ("只有两次握手会怎样：服务端会误建立连接、浪费资源");
 * - the difference it states ("区别在于是否阻塞主线程", "RDB和everysec模式的AOF的区别");
 * - a purpose ("为什么这样做：减少创建子进程时的性能损耗");
 * - a short name and what it means ("简单（避免死锁、数据竞争）");
 * - otherwise the point's main clause, cut at a clause or modifier ("子进程会和父进程共享同一片内存数据").
 */
export function pointTopic(text: string, question: string): string {
  // Cutting a modifier off the front ("datafusion blaze 用自己的 protobuf…") can leave the space that followed it.
  return topicOf(text, question).trim();
}

function topicOf(text: string, question: string): string {
  const compact = text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[“”"'`。，,；;、：:（(]+\s*/u, '')
    // A list marker ("A. select机制…", "B、") is not part of the point.
    .replace(/^(?:[A-Za-z]|\d{1,2})[.、)）]\s*(?=\s|[\u3400-\u9fff]|[A-Za-z]{2})/u, '')
    .trimStart()
    // A gloss between a label and its colon ("消息队列( message queue ) ：") is not part of the label.
    .replace(/^([^：:，,。；;（(]{2,16}?)\s*[（(][^（()）]*[)）]\s*(?=[：:])/u, '$1')
    .replace(emptyLabel, '')
    // A lead line merged into the first item ("共三个阶段 选举leader:因为只有leader节点处理写操作") counts the items; the item names itself.
    .replace(/^(?:共|一共|总共|分为|分成)?[一二两三四五六七八九十\d]+\s*个?(?:阶段|步骤|步|部分|方面|要点)[：:，,]?\s+(?=\S)/u, '')
    // A line that only led into the claim ("Raft对只读操作的处理办法是 只读请求…") is not its subject.
    .replace(/^[^，,。；;：:]{0,20}?(?:办法|方法|方式|做法|步骤|过程|流程|原理|思路)(?:是|为|如下)\s+/u, '');
  // A point that is only the ask a note's heading made ("说说你对消息队列通信的了解") is about what it asks.
  const ask = /^(?:请)?(?:说说|谈谈|讲讲|聊聊|说一下|讲一下|介绍一下)(?:你)?对?(.{2,20}?)(?:的(?:了解|理解|认识|看法))?[。？?]?$/u.exec(compact);
  if (ask) return ask[1]!.trim();
  // Up to 40 characters as written, 16 as read: English words are long ("Head-of-line Blocking 连接头阻塞：").
  const label = /^([^：:，,。；;]{2,40})[：:]\s*(?:[-*+]\s+)?(.*)$/u.exec(compact);
  // A leading 涉及 / 关于 is no part of the name ("涉及事务提交流程和redolog的写入机制：…").
  if (label && phraseLength(label[1]!.replace(/^(?:涉及|关于)/u, '')) <= 16) {
    // "值类型分别有：…" is about 值类型; the verb that introduces the list is not part of its name.
    const cleaned = cleanClause(label[1]!.replace(/^(?:涉及|关于)/u, ''));
    // Only a verb of its own: "自包含" is a name, not 自 + 包含.
    const withoutVerb = cleaned.replace(/(?:分别|主要|一般|通常)?(?:有|是|包括|包含|为|如下)$/u, '');
    const name = phraseLength(withoutVerb) >= 2 ? withoutVerb : cleaned;
    const body = label[2] ?? '';
    const first = pointClauses(body)[0] ?? '';
    if (announcingLabel.test(name) && first) return pointTopic(body, question);
    // A body that states something (not a bare list of names, "值类型分别有：int系列、float系列…") is part of the topic.
    if (name !== cleaned && introducingLabel.test(label[1]!.trim()) && first && !/、/u.test(first) && phraseLength(name) >= 2) return `${trimmed(name, 12)}：${pointTopic(body, question)}`;
    // A short body says what the name means ("负载均衡（读写分离）"); a condition or "这是…" does not.
    const means = first && phraseLength(first) <= 8 && !/[：:]/u.test(first) && !scene(first) && !/^[这那]/u.test(first);
    // A label that only repeats what the question asks about ("消息队列：" under 说说你对消息队列通信的了解) names the body.
    if (first && !means && isWholeSubject(name, question)) return pointTopic(body, question);
    if (phraseLength(name) >= 2 && !kindLabel.test(name)) return means ? `${name}（${first}）` : trimmed(name);
    if (first) return `${name}：${pointTopic(body, question)}`;
  }
  const clauses = pointClauses(compact);
  if (clauses.length === 0) return trimmed(compact);
  const defined = definition.exec(clauses[0]!);
  // The term is named bare: a quote or bracket around it ("\"半连接\"（Half-Open Connection）是指…") had left 「什么是半连接"」.
  if (defined) return `什么是${defined[1]!.replace(/[\s"'“”‘’「」『』]+/gu, ' ').trim()}`;
  if (!cjk.test(compact)) return englishTopic(clauses);

  const pointed = clauses.length > 1 && pointsBack.test(clauses[0]!) ? [clauses[1]!.replace(mostImportant, ''), ...clauses.slice(2)] : clauses;
  const claims = withoutAsides(pointed, question);
  // Frames can follow one another ("虽然…，但是根据测试结果来看，性能并没有…").
  let statements = claims;
  while (statements.length > 1 && frame.test(statements[0]!)) statements = statements.slice(1);
  const first = statements[0]!;
  // A setting that names what the question compares stays: "在内核态下，代码具有…全权限" and "在用户态下，代码不能直接访问硬件资源"
  // had both read as 「代码…」, saying of neither mode which it was.
  const place = statements === claims ? undefined : /^在\s*(.{1,10}?)\s*(中|里|下)$/u.exec(claims[0]!);
  // Only among things the question sets side by side: of one subject ("在Raft算法中，…" asked 什么是Raft算法) it tells nothing apart.
  const compared = askedSubjects(question);
  const setting = place && compared.length >= 2 && compared.some((subject) => names(place[1]!, subject)) && !names(first, place[1]!) ? `${place[1]}${place[2]}` : '';
  const rest = statements.slice(1);
  const arrived = arrival.exec(first);
  if (arrived && rest[0] && brought.test(rest[0])) return trimmed(`${arrived[1]}${rest[0]}`);
  if (means.test(first) && rest[0]) {
    const conceded = concession.test(rest[0]) && rest[1] && achieves.test(rest[1]) ? `，${rest[0]}也${rest[1].replace(/^也/u, '')}` : undefined;
    if (conceded || achieves.test(rest[0])) return trimmed(`${first}${conceded ?? rest[0].replace(achieves, '')}`);
  }
  const effect = rest.find((clause) => consequence.test(clause)) ?? rest.find((clause) => /[会能]/u.test(clause));
  const stated = statements.map((clause) => difference.exec(clause)).find(Boolean);
  // "最大的区别就是…" names no sides: the difference is what follows.
  if (stated && /^(?:最大|主要|最主要|根本|最根本|核心|本质|关键)$/u.test(stated[1] ?? '')) return `区别在于${trimmed(stated.input.slice(stated[0].length), 18)}`;
  if (stated) return stated[1] ? `${trimmed(stated[1], 16)}的区别` : trimmed(stated.input);
  // The subject leads its clause ("save 是…"); a word named further in ("检测到pod信息") is not what the point is about.
  const subject = askedSubjects(question).filter((candidate) => names(first, candidate) && first.toLowerCase().startsWith(candidate.toLowerCase()));
  const allNamed = askedSubjects(question).filter((candidate) => names(compact, candidate));
  // "X 为什么 Y：Z" claims the point is a cause and its effect: only when the effect closes the point
  // ("save 是…，如果…，会造成阻塞"), not when it is one property in a list ("切片…，还能按需扩容，在cap不够用时…").
  // An ability the note gives as the result ("因此可以在任意调用层级进行让出") is caused too.
  const isCaused = (clause: string) => caused.test(clause) || new RegExp(`(?:因此|所以|因而|从而)\\s*(?:也|就)?${clause.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'u').test(compact);
  if (subject.length === 1 && allNamed.length === 1 && effect && isCaused(effect) && !names(effect, subject[0]!) && follows(effect, rest) && !question.includes(effect)) {
    const reason = first.replace(new RegExp(`^.*?${subject[0]!.replace(/[.+#]/g, '\\$&')}\\s*(?:中|里)?\\s*(?:是|就是)?\\s*`, 'iu'), '');
    const why = `${subject[0]} 为什么${effect.replace(/^(?:所以|因此|从而|就|也)/u, '')}`;
    return reason && reason !== first && phraseLength(reason) >= 4 && phraseLength(reason) <= 18 ? `${why}：${reason}` : why;
  }
  const then = effect ?? rest[0];
  // "在X，那么Y" supposes X as "如果X" does.
  const supposes = conditional.test(first) || (statements === claims && claims[0] === clauses[0] && consequent.test(compact));
  if (supposes && then) {
    // "如果一个节点成为领导者，并开始复制日志条目，但在复制完成之前失去了领导者地位，那么新的领导者将继续复制剩余的日志条目": the
    // outcome is what 那么 opens, and the clause right before it is what the case turns on (the topic had read 「一个节点成为
    // 领导者会怎样：开始复制日志条目」).
    // (pointClauses has taken the connectives off: where 那么 stood is read in the point itself.)
    const opened = rest.findIndex((clause) => /(?:那么|则)\s*$/u.test(compact.slice(0, compact.indexOf(clause))));
    const supposed = (opened > 0 ? rest[opened - 1]! : first).replace(conditional, '').replace(/^在\s*/u, '').replace(conditionEnd, '');
    // A span of time the case holds over is not what it turns on: 「在接下来的时间内没有其他线程竞争该锁」 is 没有其他线程竞争该锁
    // (clipped from the front, the topic had read 「时间内没有其他线程竞争该锁会怎样」).
    const unframed = supposed.replace(/^[^，,。；;]{0,10}?(?:时间内|时间里|期间|之内|以内)\s*/u, '');
    const condition = phraseLength(unframed) >= 4 ? unframed : supposed;
    const outcome = (opened > 0 ? rest[opened]! : then).replace(/^(?:就|便|也就)(?=\S)/u, '');
    // "要是大于，那么…" leans on the point before it: the condition names nothing on its own, the outcome does.
    if (phraseLength(condition) < 4) return trimmed(outcome.replace(/^(?:一般|通常)?会/u, ''));
    // A condition without its subject ("如果是第一个节点") keeps its 如果: 「是第一个节点会怎样」 asked nothing anyone says.
    return subjectless.test(condition) ? trimmed(`如果${condition}，${outcome}`) : `${trimmed(condition, 14)}会怎样：${trimmed(outcome, 16)}`;
  }
  // "默认情况下，最长2分钟触发一次GC": a short scene is part of the claim; "集群启动时，首先选举出leader" says what happens then.
  if (conditionEnd.test(first) && rest[0] && phraseLength(first) <= 5) return trimmed(`${first}${rest[0]}`);
  if (temporal.test(first) && !/是/u.test(first) && rest[0] && !temporal.test(rest[0])) return `${trimmed(first.replace(/(?:的时候)$/u, '时'), 22)}会怎样：${trimmed(rest[0], 16)}`;
  // "这样是为了X" gives the reason for what the note said before; "为了X，可以…" opens on a goal and how to reach it.
  if (purpose.test(first)) return /^为了/u.test(first) && rest.length > 0 ? `怎么${trimmed(first.replace(purpose, ''), 18)}` : `为什么这样做：${trimmed(first.replace(purpose, ''), 18)}`;
  // "具有使用范围的局限性，仅支持…" judges and the next clause says what: the judgement alone names nothing.
  if (judgement.test(first) && rest[0] && !scene(rest[0])) return `${first}（${trimmed(rest[0], 14)}）`;
  // "简单，避免死锁、数据竞争" → 简单（避免死锁、数据竞争）; a name with a long explanation is named alone ("数据同步").
  if (phraseLength(first) <= 6 && rest[0] && !/^[这那]/u.test(rest[0]) && !scene(rest[0])) return phraseLength(rest[0]) <= 14 || phraseLength(first) < 4 ? `${first}（${trimmed(rest[0], 14)}）` : first;
  return trimmed(`${setting}${first}`);
}
