/**
 * Questions a candidate can answer without seeing the note. Notes title their sections with labels
 * ("优化手段", "redis实现", "缺点") whose subject is the section above; asked alone they make no
 * sense. A label is asked with its parent's subject, worded the way an interviewer would ask it.
 */
import { abbreviationOf } from './abbreviations.ts';
import { contentLength } from './claims.ts';
import { isQuestionText } from './question-lines.ts';
import { sharesWord } from './shared-words.ts';
import { escapeRegExp } from '../text/regexp.ts';

/** Words that ask about an aspect of something rather than naming a subject. */
const aspectPattern =
  /^(?<subject>.*?)(?<aspect>优化手段|优化方法|优化方案|优化|解决方案|解决方法|解决办法|解决|实现方式|实现方法|实现原理|实现|底层原理|原理|介绍|简介|概述|概念|定义|优缺点|优点|缺点|优势|劣势|好处|坏处|弊端|难点|问题|作用|用途|特点|特性|流程|过程|步骤|执行顺序|顺序|区别|差别|差异|场景|应用场景|使用场景|机制|方式|方案|设计|做法|策略|分类|种类|类型|结构|数据结构|注意事项|原因|总结|例子|示例|举例|背景|可能的相关问题|可能的面试题|可能的问题|相关问题|[一二三四五六七八九十几\d]*个?(?:阶段|方面))$/;

/** Question words and framing stripped to find what a question is about. */
const framing =
  /^(请|简单|简要)?(说说|说一下|讲讲|讲一下|介绍一下|介绍下|谈谈|聊聊|描述一下|解释一下)?(你对|什么是|何为)?|(是什么|是啥|是怎么回事|有哪些|有什么|的了解|怎么样|如何|吗|呢)?[？?。！!：:\s]*$/g;

/** What a question or heading is about: "什么是raft算法？" → "raft算法", "分布式锁实现" → "分布式锁". */
export function subjectOf(text: string): string {
  // "golang基于空闲链表的tcmalloc算法，golang gc的四个阶段": the last clause is what is asked.
  const lastClause = text.split(/[，,；;]/).map((clause) => clause.trim()).filter((clause) => contentLength(clause) >= 2).pop() ?? text;
  const stripped = lastClause.replace(framing, '').trim();
  const aspect = aspectPattern.exec(stripped);
  const subject = aspect?.groups?.subject?.replace(/[的之中：:\s]+$/u, '').trim();
  return subject && contentLength(subject) >= 2 ? subject : stripped;
}


/** Does the label lack a subject of its own ("优化手段", "实现", "缺点", "难点2")? */
function isBareAspect(label: string): boolean {
  const stripped = label.replace(framing, '').replace(/\s*\d+$/, '').trim();
  const aspect = aspectPattern.exec(stripped);
  return aspect !== null && contentLength(aspect.groups?.subject ?? '') === 0;
}

/** A bare aspect asked about the subject just named: "劣势" → "有什么劣势？", "场景" → "适用于哪些场景？". */
export function askBareAspect(label: string): string | undefined {
  if (!isBareAspect(label)) return undefined;
  const aspect = aspectPattern.exec(label.replace(framing, '').replace(/\s*\d+$/, '').trim())?.groups?.aspect;
  return aspect ? askAspect('', aspect) : undefined;
}

/** Question words with no subject of their own: "怎么实现", "怎么避免", "为什么". */
const askingWords = /怎么|怎样|如何|为什么|为啥|什么|哪些|哪个|多少|几[条个种次]?|可以|可不可以|能不能|能否|是否|有没有|会不会|吗|呢|实现|避免|解决|优化|区别|原理|作用|用|存|做|的|了|是|有|[？?，,。\s]/g;

/** A follow-up that only makes sense after its topic line: "红黑树 / 怎么实现". */
function isBareAsk(question: string): boolean {
  return /[？?]$|^(怎么|怎样|如何|为什么|为啥|可以|能|是否|有没有)/.test(question) && contentLength(question.replace(askingWords, '')) < 2;
}

/**
 * A label that names a way of doing the parent ("redis实现" under "分布式锁实现"): the label's own
 * subject is a tool, the parent's is the goal.
 */
function implementationWith(label: string, parent: string): string | undefined {
  const match = /^(?<tool>[^，,。？?]{1,20}?)(实现|方案|做法)$/u.exec(label);
  const parentAspect = aspectPattern.exec(parent.replace(framing, '').trim());
  if (!match?.groups?.tool || parentAspect?.groups?.aspect === undefined || !/实现|方案|做法|解决/.test(parentAspect.groups.aspect)) return undefined;
  const goal = subjectOf(parent);
  return goal === '' ? undefined : `如何用 ${match.groups.tool.trim()} 实现${goal}？`;
}

/**
 * An aspect label asked about a subject, in an interviewer's words. An empty subject asks about the
 * one just named ("sync.Map的实现原理是什么？适用于哪些场景？").
 */
export function askAspect(subject: string, aspect: string): string {
  // "Kubernetes中pod的创建" already links its words with 的: a second one reads "pod的创建的流程".
  const of = subject === '' || subject.includes('的') ? '' : '的';
  if (/优化/.test(aspect)) return `${subject}有哪些${aspect === '优化' ? '优化手段' : aspect}？`;
  if (/^(实现|实现方式|实现方法)$/.test(aspect)) return `${subject}是怎么实现的？`;
  if (/原理|机制/.test(aspect)) return `${subject}${of}${aspect}是什么？`;
  if (/^(介绍|简介|概述|概念|定义)$/.test(aspect)) return `介绍一下${subject}。`;
  if (/优缺点|优点|缺点|优势|劣势|好处|坏处|弊端|特点|特性|作用|用途|区别|差别|差异/.test(aspect)) return `${subject}有什么${aspect}？`;
  if (/流程|过程|步骤|顺序/.test(aspect)) return `${subject}${of}${aspect}是怎样的？`;
  if (/场景/.test(aspect)) return `${subject}适用于哪些场景？`;
  if (/难点|问题/.test(aspect)) return `${subject}遇到了哪些${aspect}，怎么解决的？`;
  if (/解决/.test(aspect)) return `${subject}怎么解决？`;
  return `说说${subject}${of}${aspect}。`;
}

/** Aspects asked on their own after the subject was named ("…的原理是什么？适用于哪些场景？"). */
const stackableAspect = /^(?:原理|实现原理|底层原理|机制|优缺点|优点|缺点|优势|劣势|好处|坏处|特点|特性|作用|用途|流程|过程|步骤|场景|应用场景|使用场景)$/u;

/**
 * "秒传原理场景", "epoll原理和使用场景": a subject and two aspects jotted as one line, read out as written. Each aspect is
 * asked: "秒传的原理是什么？适用于哪些场景？".
 */
export function askStackedAspects(label: string): string | undefined {
  const last = aspectPattern.exec(label.replace(/[？?。.：:\s]+$/u, '').trim())?.groups;
  const first = aspectPattern.exec((last?.subject ?? '').replace(/(?:和|与|及|以及|、|，|,)$/u, ''))?.groups;
  const subject = first?.subject?.replace(/[的之中：:\s]+$/u, '').trim();
  if (!subject || contentLength(subject) < 2 || !stackableAspect.test(first!.aspect!) || !stackableAspect.test(last!.aspect!)) return undefined;
  return `${askAspect(subject, first!.aspect!)}${askAspect('', last!.aspect!)}`;
}

/** "rabbitmq实现异步上传文件", "ZK实现一致性": what a thing achieves, which a question asks how it does. */
const achievement = /^(?<agent>[^，,。？?、]{2,20}?)\s*实现\s*(?<goal>[^，,。？?、的了]{2,20})$/u;
/** An agent that is a clause or a task, not a name ("用 Go", "手写", "可以用来"): the label is asked as it is. */
const clauseAgent = /^(?:用|使用|通过|利用|基于|手写|手撕|自己)|怎么|如何|怎样|为什么|[用来去以能要会可将把被的地得]$/u;

/**
 * "ceph存储图片的好处" asks about an aspect of its own subject: "ceph存储图片有什么好处？"; "rabbitmq实现异步上传文件"
 * asks how its subject achieves the rest: "rabbitmq是怎么实现异步上传文件的？", not "说说rabbitmq实现异步上传文件。".
 */
export function askOwnAspect(label: string): string | undefined {
  const stripped = label.replace(framing, '').trim();
  const stacked = askStackedAspects(stripped);
  if (stacked) return stacked;
  const aspect = aspectPattern.exec(stripped);
  const subject = aspect?.groups?.subject?.replace(/[的之中：:\s]+$/u, '').trim();
  if (subject && aspect?.groups?.aspect && contentLength(subject) >= 2) return askAspect(subject, aspect.groups.aspect);
  const achieved = achievement.exec(stripped)?.groups;
  if (!achieved || isQuestionText(stripped) || clauseAgent.test(achieved.agent!)) return undefined;
  return `${achieved.agent!.trim()}是怎么实现${achieved.goal!.trim()}的？`;
}

/**
 * The question for a card: a question that stands on its own is kept; a bare label or a label
 * that only makes sense under its parent gets the parent's subject.
 */
export function selfContainedQuestion(question: string, parent: string | undefined): string {
  const trimmed = question.trim();
  if (!parent) return trimmed;
  const implementation = implementationWith(trimmed, parent);
  if (implementation) return implementation;
  if (isBareAsk(trimmed)) {
    const subject = subjectOf(parent);
    return subject === '' || trimmed.includes(subject) ? trimmed : `${subject}${/^[a-z0-9]/i.test(trimmed) ? ' ' : ''}${trimmed.replace(/[？?]*$/, '？')}`;
  }
  // "实习介绍" under "游码量化": the label's own subject is only a kind of thing; the parent names it.
  const generic = /^(实习|项目|系统|服务|模块|公司|框架)/.exec(trimmed);
  if (generic && isBareAspect(trimmed.slice(generic[0].length))) {
    const named = subjectOf(parent);
    const aspect = aspectPattern.exec(trimmed.slice(generic[0].length))?.groups?.aspect;
    if (named && aspect && !named.includes(generic[0])) return askAspect(`${named}${generic[0]}`, aspect);
  }
  if (!isBareAspect(trimmed)) return trimmed;
  const subject = subjectOf(parent);
  const aspect = aspectPattern.exec(trimmed.replace(framing, '').replace(/\s*\d+$/, '').trim())?.groups?.aspect ?? trimmed;
  return subject === '' ? trimmed : askAspect(subject, aspect);
}

/** A top-N, a leaderboard or the latest N of something ("每个用户的top10表情包", "热门商品排行榜"). */
const ranking = /\btop\s*-?\s*\d+|\btop\s*[kn]\b|(?:前|最近)\s*\d+\s*[个条名位]?|排行榜|排名前/iu;

/** A ranking names a feature to build, not a concept to explain: "说说每个用户的top10表情包。" asked nothing. */
export function askFeature(term: string): string | undefined {
  if (!ranking.test(term)) return undefined;
  return /问题$/u.test(term) ? `${term}怎么解决？` : `${term}怎么实现？`;
}

/**
 * A bare name ("k8s", "内存池", "errgroup") asked the way its answer answers it: a reference that
 * lists parts is asked for the parts, a definition for the definition, a description of how it is
 * built for the implementation. Where the answer places the name ("c++中内存模型…"), the question
 * does too.
 */
export function askFromAnswer(term: string, answer: string): string {
  const feature = askFeature(term);
  if (feature) return feature;
  // A Q：/A： note's "A：" is a label, not part of the answer's shape.
  const reference = answer.replace(/^\s*(?:A|Answer|答案?)\s*[：:]\s*/i, '');
  const opening = reference.replace(/^[>\s*-]+/, '').slice(0, 80);
  const place = new RegExp(`([A-Za-z+#\\u4e00-\\u9fff]{1,10})(?:中|里)的?${escapeRegExp(term)}`, 'i').exec(opening)?.[1];
  const named = place && !term.toLowerCase().includes(place.toLowerCase()) ? `${place} 的${term}` : term;
  const lines = reference.split('\n').filter((line) => line.trim() !== '');
  if (/^(```|~~~)/.test(reference.trim())) return `${named}是怎么实现的？`;
  if (declaration.test(reference.trim())) return `${named}有哪些字段？`;
  const versioned = versionsCompared(lines);
  if (versioned) return `${versioned} 各版本有什么区别？`;
  if (lines.filter((line) => benefitLabel.test(line)).length >= 2) return `为什么要用${named}？有什么好处？`;
  if (/组成|分为|构成|包括/.test(opening)) return `${named}由哪些部分组成？`;
  if (/是指|指的是|是一种|是一个/.test(opening.slice(0, 30))) return `什么是${named}？`;
  const parts = lines.filter((line) => partLine.test(line)).length;
  if (parts >= 3 && parts >= 0.6 * lines.length) return `${named}由哪些部分组成？`;
  // "大切片截一小段一直用" answered with what goes wrong and the fix: a scenario, asked as one.
  if (consequence.test(opening) && remedy.test(reference) && /[\u4e00-\u9fff]/.test(named)) return `${named}会有什么问题？怎么解决？`;
  const salient = salientTerm(named, reference);
  return salient ? `说说${named}的${salient}。` : `说说你对${named}的了解。`;
}

/** "说说你对redo log 三种状态的了解。": a count of kinds, asked for them. */
const aboutCountedKinds = /^说说你对(.{2,20}?)\s*([一二三四五六七八九十两几]|\d{1,2})\s*(种|类)(.{1,8})的了解。$/u;

/** "说说你对redo log 三种状态的了解。" → "redo log 有哪三种状态？"; any other question as it is. */
export function askCountedKinds(asked: string): string {
  const counted = aboutCountedKinds.exec(asked);
  if (!counted) return asked;
  const subject = counted[1]!.trim();
  return `${subject}${/[A-Za-z0-9]$/.test(subject) ? ' ' : ''}有哪${counted[2]}${counted[3]}${counted[4]}？`;
}
/** An answer that opens with what goes wrong ("GC 回收不了", "会导致…") … */
const consequence = /导致|造成|引起|不了|无法|泄漏|泄露|阻塞|panic|浪费/u;
/** … and then says how to fix it. */
const remedy = /解决|避免|办法|应该|改为|改成/u;
/** An answer that opens with a type declaration written without a fence ("type errgroup struct {"). */
const declaration = /^(type\s+\w+\s+(struct|interface)\b|(struct|class)\s+\w+\s*\{|typedef\s+struct\b)/;
/** "broker：异步通讯", "- **registry**: 服务发现": a part named and what it does (numbered items are steps or phases). */
const partLine = /^\s*(?:[-*+]\s+)?(?:\*\*)?[A-Za-z\u4e00-\u9fff][\w\u4e00-\u9fff .-]{0,15}(?:\*\*)?\s*[：:]\s*\S/u;
/** A list item labelled with what using something improves ("**提高性能**", "**减轻数据库压力**"). */
const benefitLabel = /^\s*(?:[-*+]\s+|\d+[.、)]\s*)?\*\*(提高|提升|减轻|减少|降低|加快|避免|保证|增强|简化|节省|improves?|reduces?|avoids?)/iu;

/** Lines that each open with one name at a different version ("http1.0：…", "http1.1 是…"): that name. */
function versionsCompared(lines: readonly string[]): string | undefined {
  const openings = lines.map((line) => /^\s*(?:[-*+]\s+)?([A-Za-z]{2,})\s*\/?\s*v?(\d+(?:\.\d+)?)/i.exec(line)).filter((match) => match !== null);
  const names = new Set(openings.map((match) => match[1]!.toLowerCase()));
  const versions = new Set(openings.map((match) => match[2]));
  return openings.length >= 2 && names.size === 1 && versions.size >= 2 && openings.length >= lines.length / 2 ? openings[0]![1] : undefined;
}

/**
 * The term a short answer is about when it is not the name asked ("zookeeper使用ZAB协议的 / ZAB协议是…"):
 * a Latin term said at least twice, named as a protocol, algorithm, model or mechanism.
 */
function salientTerm(named: string, reference: string): string | undefined {
  if ([...reference].length > 200) return undefined;
  const counts = new Map<string, number>();
  for (const word of reference.match(/[A-Za-z][A-Za-z0-9-]+/g) ?? []) {
    if (!named.toLowerCase().includes(word.toLowerCase())) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const [word, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [];
  if (!word || (count ?? 0) < 2) return undefined;
  // Only a named protocol, algorithm or model is a subject of its own; "key" or "zk" in a list is not.
  const kind = new RegExp(`${word}\\s*(协议|算法|模型|机制)`).exec(reference)?.[1];
  return kind ? `${word}${kind}` : undefined;
}

/** Headings that hold questions rather than name a subject. */
export const containerHeading = /面试|面经|笔记|八股|题目|问题|可能的|目录|总结|其他|其它|基础|知识点|补充|杂项|^项目$|^关键$|misc|notes?|questions?/i;

/**
 * A question that leans on the heading above it ("为什么要有 P" under "GMP 模型", "Master节点"
 * under "Kubernetes 组件") is asked with that heading's subject in front, as an interviewer
 * would: "关于GMP 模型，为什么要有 P"。A question that already names its subject is left alone.
 */
/** "说说集群和分布式。", "说说观察者模式和reactor模型。": a line that only names two things joined by 和 / 与 / 跟 / vs. */
function namesAPair(question: string): boolean {
  const named = question.replace(/^(说说|讲讲|谈谈|介绍一下)(你对)?/, '').replace(/(的了解)?[。.？?]$/, '').trim();
  return /^[^，,、和与跟]{2,12}(?:和|与|跟|vs)[^，,、和与跟]{2,12}$/iu.test(named) && !isQuestionText(named);
}

export function withParentSubject(question: string, parent: string | undefined): string {
  // A parent that is itself a question, or a long line, is a previous question, not a subject.
  if (!parent || /[？?]/.test(parent) || contentLength(parent) > 16) return question;
  const subject = subjectOf(parent).trim();
  if (contentLength(subject) < 2 || containerHeading.test(subject) || sharesWord(question, parent, { countCommonWords: true })) return question;
  const abbreviation = abbreviationOf(subject, question);
  if (abbreviation) return withSubjectNamed(question, abbreviation, subject);
  // Two things set side by side are the subject themselves: "说说集群和分布式。" under "raft" compares two ideas of any system,
  // and "说说Raft里的集群和分布式。" made them Raft's.
  if (namesAPair(question)) return question;
  // The whole line must still ask: "关于web server，观察者模式和reactor模型" asks nothing.
  const framed = `关于${subject}，${question}`;
  if (isQuestionText(question) && isQuestionText(framed)) return framed;
  const asked = question.replace(/^(说说|讲讲|谈谈|介绍一下)(你对)?/, '').replace(/(的了解)?[。.]$/, '');
  return `说说${subject}里的${asked}。`;
}

/**
 * A question that names its subject by an abbreviation ("ZK实现一致性" under "zookeeper") asks about the subject: it
 * is asked with the subject's name where the abbreviation stood ("zookeeper是怎么实现一致性的？"), with no frame.
 */
function withSubjectNamed(question: string, abbreviation: string, subject: string): string {
  const asked = question.replace(/^(说说|讲讲|谈谈|介绍一下)(你对)?/, '').replace(/(的了解)?[。.]$/, '');
  const named = asked.replace(new RegExp(`(?<![A-Za-z0-9])${abbreviation}(?![A-Za-z0-9])`), subject);
  if (isQuestionText(named)) return /[？?。！!]$/u.test(named) ? named : `${named}？`;
  return askOwnAspect(named) ?? `说说${named}。`;
}

/**
 * An outline's enumeration mark ("1. ", "3.", "（2）", "- ") is not part of what is asked: "Q：1. 大切片…"
 * was asked as 「说说你对1. 大切片…的了解」. A number that goes on ("1.18 之后…", "301和302") stays.
 */
export function withoutEnumeration(question: string): string {
  const stripped = question.replace(/^\s*(?:\d{1,2}[.、．)）](?![\d.])\s*|[（(]\d{1,2}[)）]\s*|[-*+•]\s+)/u, '').trim();
  return stripped === '' ? question : stripped;
}

/** An aside to self closing a question line ("（面试的时候可以回答这部分）", "（…讲五种例子，点头）"). */
const asideToSelf = /\s*[（(][^（）()]{0,40}(面试|回答|点头|答了|没答|讲了|复习)[^（）()]{0,40}[)）]\s*$/u;

/** The question without the author's aside about it. */
export function withoutAsides(question: string): string {
  return question.replace(asideToSelf, '').trim() || question;
}

/** "关闭后的通道有以下特点": a list's caption, asked as the question it answers. */
const listCaption = /^(.{2,30}?)有以下(?:[几一二三四五六七八九十\d]+[个种点条])?(特点|优点|缺点|特性|方式|方法|问题|作用|区别|场景|步骤|原因|情况)[：:。]?$/u;
/** "实现set": a task named by its verb. */
const taskLabel = /^实现\s*([A-Za-z\u4e00-\u9fff][\w\u4e00-\u9fff .+#-]{0,15})$/u;

/** "困难 大数据小白", "感触 实习体验和想象中的不一样": a story's kind, then its title. */
const storyLabel = /^(困难|难点|挑战|感触|收获|亮点)\s+(\S.{1,30})$/u;

/**
 * A caption, task or story label worded as it is asked: "关闭后的通道有哪些特点？", "如何实现set？",
 * "说说你遇到的困难：大数据小白。".
 */
export function askedAsListed(label: string): string {
  const story = storyLabel.exec(label);
  if (story) return /困难|难点|挑战/.test(story[1]!) ? `说说你遇到的${story[1]}：${story[2]}。` : `说说你的${story[1]}：${story[2]}。`;
  const caption = listCaption.exec(label);
  if (caption) return `${caption[1]}有哪些${caption[2]}？`;
  const task = taskLabel.exec(label);
  return task && !/^(原理|方式|方法|过程|流程|细节)$/.test(task[1]!) ? `如何实现${task[1]}？` : label;
}
