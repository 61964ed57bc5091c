/**
 * Key points that are claims. A reference's sentences include narration ("这时候就有小伙伴会疑惑了"),
 * to-do lines ("…都要复习"), pointers to reading elsewhere and framing ("在Go语言中，我们通常会用到…");
 * none of them is something a candidate should be asked about or graded on. The grader's key-point
 * extractor and the cards both filter through `isClaim`, so what a card shows is what is graded.
 */
import { chineseFormsIn } from '../text/glossary.ts';
import { normaliseText } from '../text/tokenizer.ts';

/** The author talking to the reader, or about their own interview, not about the subject. */
const narration =
  /小伙伴|同学们|大家|读者|我们来看|我们先|我们再|下面我们|下面来|接下来我们|接下来看|这时候就有|有人会问|你可能会|面试官|面试的时候|一起面试|大佬|捂脸|罢了|或多或少|已有答案|不再展开|细节过多|另外一篇|另一篇|单独分析|熟记|以后再|后续有时间|有时间再|好东西|折磨|自我介绍完毕|加油|你是最棒的|我(先|简单)?介绍一下|我先介绍|这里我先|考察|口述|问[的得了]很久|被问到|^第[一二三四五六七八九十\d]+(个|道)?(问题|题)|一道.{0,6}题|本文|这篇|上文|(?<!上)下文|前面提到|后面会讲|见下图|如下图|下图|上图|看图|b站|视频|讲的不错|讲得不错|推荐|感兴趣的|有兴趣的|详见|参见|自行(?:百度|搜索|查阅|了解|学习|google|谷歌)|百度|谷歌|google一下/i;
/** The author's own voice: narration in a technical answer, the substance of a project story. */
const authorVoice = /当时|我觉得|我认为|我记得|我个人|我是用|我选择|我们选择|我用的|我一般/;
/**
 * Notes to self. 没写完 / 没看 are one only when said of the note itself, standing alone or ending a line ("（没写完）", "这块还没看", "epoll 的原理没看"): "数据没写完"
 * ("the data is not all written") is what the note says happens.
 */
const toDo = /复习|要看|待看|待补充|待完善|(?:^|[（(，,、\s]|还|这块|这里|这部分)(?:没看|没写完)(?![\u4e00-\u9fff])|没看(?:[）)。！!\s]|$)|todo|to do|fixme|记住|背下来|背一下|好好总结|多总结/i;
/** The author unsure of it: "malloc自己好像是有内存池的" is a guess, not a fact to be graded on. */
const hedged = /好像|似乎|不确定|不太清楚|应该是吧|可能吧|大概吧/;
/** Code, not prose: an inline snippet in the note is shown with the question, not asked back. */
const codeLike = /^[\w.]+\(.*\)$|\bfunc\s|:=|\bfmt\.|;\s*\}|^\s*(type|package|import)\s|#include|\breturn\s+\w+;|[{}]\s*[{}]/;
/** A quiz's options ("A: 不能编译； B: 一段时间后总是输出…"): shown with the question, not asked back. */
const quizOptions = /\bA[:：].{1,40}\bB[:：]/;
/** Sentences that announce what follows ("具有一些优点和缺点", "会碰到以下两个问题"). */
const announcing = /(以下|如下)(几|[一二三四五六七八九十\d])?(个|点|种|条)?(问题|几点|方面|情况|特性|步骤)?[。：:]?$|具有一些|有以下/;
/** Practice lists: "leetcode 146、460", "剑指offer", "力扣第 52 题", "题号". */
const practiceList = /leetcode|力扣|剑指|牛客|hot\s*100|lc\s*\d+|题号|刷题|第\s*\d+\s*题/i;
/** Practice sites' names, which notes jotted in a hurry misspell ("0 leetco52 n皇后", "leecode 54"). */
const practiceSites = ['leetcode', 'lintcode'];
/** Edits a name may be off by and still be the site's: two letters of eight, which no word of the notes is. */
const siteSpellingSlack = 2;

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

/** A practice or to-do list of problems: a site's problem numbers, however the site is spelt. */
function isPracticeList(text: string): boolean {
  if (practiceList.test(text)) return true;
  const words = text.toLowerCase().match(/[a-z]+/g) ?? [];
  return words.some((word) => practiceSites.some((site) => Math.abs(word.length - site.length) <= siteSpellingSlack && editDistance(word, site) <= siteSpellingSlack));
}
/** Sentences that set up the answer without stating anything ("在Go语言中，我们通常会用到…"). */
const framing = /^((但是|而|那么)?在[^，,。]{1,20}[中里下]，?)?(我们|大家|人们)(通常|一般|经常|常常|平时)?(会)?(用到|使用|遇到|碰到|说到|提到|听到)|^(下面|以下|接下来)(介绍|来看|说说|讲讲|是)|^(首先|先)(来)?(看|说|介绍)一下/;

/** Characters that carry content: Chinese characters, Latin letters and digits. */
export function contentLength(text: string): number {
  return (text.match(/[\u3400-\u9fffA-Za-z0-9]/gu) ?? []).length;
}

/**
 * The author talking to the reader or about the interview ("面试官好", "这个问题折磨了我一晚上"): an aside a long sentence of
 * facts can lose and keep its facts, where a note to self or a practice list marks the whole line as a jotting.
 */
export function isAside(text: string): boolean {
  return narration.test(text);
}

/** The author talking, a note to self, a practice list or a cheer: never part of an answer. */
export function isNarration(text: string): boolean {
  return narration.test(text) || toDo.test(text) || isPracticeList(text);
}

/**
 * Prose that quotes a little code ("所以这里msg的类型还是interface{}，所以他没有Name这个字段", "v := m.(type)中的v的类型就是T1类型"):
 * most of its content is Chinese, which code is not.
 */
function mostlyChinese(text: string): boolean {
  return (text.match(/[\u4e00-\u9fff]/gu) ?? []).length >= 0.4 * contentLength(text);
}

/**
 * A clause that points at a figure before saying what it shows (「从上图其实还可以看到bitmap的高地址部分指向arena区域的低地址部分，也就是说…」)
 * leads into a claim: the rest of the sentence is read as it would be without it. A sentence that only points
 * (「见下图」, 「异步扣库存主要分3步（见下图）：」) has nothing left to read.
 */
const figureLeadIn = /^[^，,。；;：:]{0,8}?(?:上图|下图|如图)[^，,。；;：:]{0,10}?(?:看到|看出|可见|所示)[^，,。；;：:]*?[，,：:]?/u;

function withoutFigureLeadIn(text: string): string {
  const rest = text.replace(figureLeadIn, '');
  return rest !== text && contentLength(rest) >= 10 ? rest : text;
}

/** Is this key-point candidate a statement of fact or mechanism a candidate could make? */
export function isClaim(text: string, options: { personal?: boolean } = {}): boolean {
  const plain = text.replace(/https?:\/\/\S+/g, '').replace(/[\s`*_]+$/u, '').trim();
  if (contentLength(plain) < 6) return false;
  if (/[？?]$/.test(plain) || /[：:]$/.test(plain)) return false;
  if (narration.test(withoutFigureLeadIn(plain)) || toDo.test(plain) || isPracticeList(plain) || hedged.test(plain)) return false;
  if ((codeLike.test(plain) && !mostlyChinese(plain)) || quizOptions.test(plain) || announcing.test(plain)) return false;
  if (!options.personal && authorVoice.test(plain)) return false;
  return !framing.test(plain);
}

/**
 * Words that make a short phrase say something ("AOF 更安全", "避免死锁", "非常轻巧") rather than
 * name a topic ("etcd在raft上的优化", "map的底层实现", "事务隔离级别").
 */
const predicate =
  /是|会|能|可以|要|需要|把|被|将|让|使|通过|导致|保证|避免|减少|增加|提高|降低|不|没|用于|负责|支持|提供|就|才|得|了|更|很|非常|较|比|最|快|慢|高|低|大|小|多|少|好|差|强|弱|安全|简单|复杂|稳定|友好|轻|重|类似|一样|相同|等于|属于|包括|包含|分为|取决于/;

/** Does the phrase say something about what it names, rather than only name it? */
export function hasPredicate(text: string): boolean {
  return predicate.test(text);
}

/**
 * A bare name: in interview logs these are the next questions or section labels, not statements.
 * Only short phrases without a predicate count.
 */
export function isBareTerm(text: string): boolean {
  const plain = text.replace(/[。.！!；;，,、\s]+$/u, '');
  return contentLength(plain) < 16 && !hasPredicate(plain);
}

/**
 * The terms that carry a claim: the notes' own terms (the domain dictionary) and glossary terms,
 * longest first and never one inside another, in the order they appear.
 */
export function conceptsIn(text: string, dictionary: readonly string[]): string[] {
  const normalised = normaliseText(text);
  const candidates = new Set<string>();
  // Dictionary terms that recur only because a phrase recurs ("也就表示") are not concepts.
  for (const term of dictionary) if (term.length >= 2 && !/[的了是就也都和与或被把将这那个些么吗呢]/.test(term) && normalised.includes(term)) candidates.add(term);
  for (const form of chineseFormsIn(normalised)) if (form.length >= 2) candidates.add(form);
  for (const word of normalised.match(/[a-z][a-z0-9_+#.-]*[a-z0-9+#]/g) ?? []) if (word.length >= 3) candidates.add(word);
  const longestFirst = [...candidates].sort((a, b) => b.length - a.length);
  const kept: string[] = [];
  for (const term of longestFirst) if (!kept.some((longer) => longer.includes(term))) kept.push(term);
  return kept.sort((a, b) => normalised.indexOf(a) - normalised.indexOf(b)).slice(0, 6);
}
