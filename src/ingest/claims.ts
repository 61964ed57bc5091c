/**
 * Key points that are claims. A reference's sentences include narration ("这时候就有小伙伴会疑惑了"),
 * to-do lines ("…都要复习"), pointers to reading elsewhere and framing ("在Go语言中，我们通常会用到…");
 * none of them is something a candidate should be asked about or graded on. The grader's key-point
 * extractor and the cards both filter through `isClaim`, so what a card shows is what is graded.
 */
import { glossary } from '../text/glossary.ts';
import { normaliseText } from '../text/tokenizer.ts';

/** The author talking to the reader, or about their own interview, not about the subject. */
const narration =
  /小伙伴|同学们|大家|读者|我们来看|我们先|下面我们|下面来|接下来我们|接下来看|这时候就|有人会问|你可能会|面试官|面试的时候|本文|这篇|上文|下文|前面提到|后面会讲|见下图|如下图|下图|上图|看图|b站|视频|讲的不错|讲得不错|推荐|感兴趣的|有兴趣的|详见|参见|自行|百度|谷歌|google一下/i;
/** The author's own voice: narration in a technical answer, the substance of a project story. */
const authorVoice = /当时|我觉得|我认为|我记得|我个人/;
/** Notes to self. */
const toDo = /复习|要看|待看|待补充|待完善|没看|没写完|todo|to do|fixme|记住|背下来|背一下/i;
/** Practice lists: "leetcode 146、460", "剑指offer". */
const practiceList = /leetcode|力扣|剑指|牛客|hot\s*100|lc\s*\d+/i;
/** Sentences that set up the answer without stating anything ("在Go语言中，我们通常会用到…"). */
const framing = /^(在[^，,。]{1,20}[中里]，?)?(我们|大家|人们)(通常|一般|经常|平时)?(会)?(用到|使用|遇到|说到|提到|听到)|^(下面|以下|接下来)(介绍|来看|说说|讲讲|是)|^(首先|先)(来)?(看|说|介绍)一下/;

function contentLength(text: string): number {
  return (text.match(/[\u3400-\u9fffA-Za-z0-9]/gu) ?? []).length;
}

/** Is this key-point candidate a statement of fact or mechanism a candidate could make? */
export function isClaim(text: string, options: { personal?: boolean } = {}): boolean {
  const plain = text.replace(/https?:\/\/\S+/g, '').trim();
  if (contentLength(plain) < 6) return false;
  if (/[？?]$/.test(plain) || /[：:]$/.test(plain)) return false;
  if (narration.test(plain) || toDo.test(plain) || practiceList.test(plain)) return false;
  if (!options.personal && authorVoice.test(plain)) return false;
  if (framing.test(plain) && contentLength(plain) < 40) return false;
  return true;
}

/**
 * The terms that carry a claim: the notes' own terms (the domain dictionary) and glossary terms,
 * longest first and never one inside another, in the order they appear.
 */
export function conceptsIn(text: string, dictionary: readonly string[]): string[] {
  const normalised = normaliseText(text);
  const candidates = new Set<string>();
  for (const term of dictionary) if (term.length >= 2 && normalised.includes(term)) candidates.add(term);
  for (const concept of glossary) {
    for (const form of concept.chinese) if (form.length >= 2 && normalised.includes(form)) candidates.add(form);
  }
  for (const word of normalised.match(/[a-z][a-z0-9_+#.-]*[a-z0-9+#]/g) ?? []) if (word.length >= 3) candidates.add(word);
  const longestFirst = [...candidates].sort((a, b) => b.length - a.length);
  const kept: string[] = [];
  for (const term of longestFirst) if (!kept.some((longer) => longer.includes(term))) kept.push(term);
  return kept.sort((a, b) => normalised.indexOf(a) - normalised.indexOf(b)).slice(0, 6);
}
