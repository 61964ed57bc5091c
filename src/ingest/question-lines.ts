/**
 * Line-level heuristics for notes that ask questions without headings: is this single line a
 * question, a label ("缓存击穿："), a short keyword line, or answer content? Structure comes from
 * mdast; these rules only ever look at one line's text at a time.
 */

/** `filler` is a generic marker line ("解析：", "第二个问题") that neither asks nor answers. */
export type LineKind = 'question' | 'label' | 'weak' | 'answer-lead' | 'filler' | 'content';

export interface LineClass {
  kind: LineKind;
  /** For questions: unmistakable (question mark, 吗/呢, a question lead-in), not just a keyword. */
  strong: boolean;
  /** The line without Markdown markup, trimmed. */
  text: string;
}

const markupPatterns: Array<[RegExp, string]> = [
  // Bounded runs: an unbounded `[^\]]*` rescans to the end of the line from every `[`, which is
  // quadratic on a line of brackets (40,000 `[` took 4 s); real link texts and URLs are far shorter.
  [/!\[\[[^\]]{0,500}\]\]/g, ''],
  [/!\[[^\]]{0,500}\]\([^)]{0,2000}\)/g, ''],
  [/\[([^\]]{0,500})\]\([^)]{0,2000}\)/g, '$1'],
  [/<[^>]+>/g, ''],
  [/\*\*|__|`/g, ''],
  [/(^|[^*])\*([^*\s][^*]*)\*/g, '$1$2'],
];

/** Plain text of one Markdown line: links keep their text, images and HTML tags go. */
export function stripLineMarkup(line: string): string {
  let text = line;
  for (const [pattern, replacement] of markupPatterns) text = text.replace(pattern, replacement);
  return text.replace(/[\u3000\s]+/g, ' ').trim();
}

const strongLeads =
  /^((算法|场景|智力|编程|设计|系统设计|手撕)题?[：:]|为什么|为啥|什么是|什么|如何|怎么|怎样|说一下|说说|讲一下|讲讲|介绍一下|谈谈|谈一谈|聊聊|简述|简单说|请问|请你|请说|描述一下|解释一下|那么他可能|那你|问了|主要问了|是否|能否|能不能|有没有|可不可以)/;
const askWords = /(什么|为什么|为何|为啥|怎么|如何|怎样|哪|多少|是否|能不能|可不可以|可以不可以|是不是|会不会|要不要|有没有|吗)/;
/** "copy是操作符还是内置函数": an either-or choice put to the candidate. */
const choiceQuestion = /是[^，,。；;]{1,15}还是[^，,。；;]{1,15}$/;
/**
 * Interview logs mark what the candidate could not answer: "（不会）", "(304不会)", a bare "不会".
 * Such a line is a question by the note's own account, and it has no answer.
 */
const unknownMarker = /\s*(?:[（(][^（）()]{0,12}不会[)）]|[，,\s]不会)$/u;
const topicWords = /(区别|差别|差异|原理|\bvs\b)/i;
const interrogatives = new RegExp(`${askWords.source}|${topicWords.source}`, 'i');
/** Words that make a line a statement even when it mentions 区别/原理. */
const statementMarkers = /就是|是指|指的是|表示|因为|所以|导致|然后/;
const questionEnding = /([？?]|吗|呢|么)$/;
const narrativeLeads =
  /^(不过|但是|但|所以|因此|其实|这里|这是|这时|这样|这个|那么回到|根据|非也|总结|例如|比如|也就是|然后|首先|其次|最后|因为|由于|我们|我|此时|同样|另外|可以看到|对于|当|在|如果是|即|即使|虽然|通过|使用|同时|而且|为了|除了|只有|关于)/;
/** Labels that introduce part of an answer rather than a new question. */
const genericLabels =
  /^(好处|坏处|优点|缺点|优势|劣势|特点|特性|关键点|要点|几点说明|说明|可以解决|工作原理|原理|结果|运行结果|执行结果|输出|解析|答案?|总结|结论|详细|详细介绍|具体方法|具体|实现|应用场景|场景|注意|注意事项|原因|步骤|流程|例子|示例|举例|代码|分析|补充|参考|参考链接|备注|其他|other|工作模式|特点如下|区别|用法|作用|定义|概念|背景|方案|思路|问题|问题描述|分析和答案|答案\d*)$/i;

function charLength(text: string): number {
  return [...text].length;
}

/**
 * Classify one paragraph line. `question` means the line clearly asks something (question mark,
 * interrogative word, question lead-in); `label` is a short "term：" line; `weak` is a short
 * keyword-only line that may be a terse question ("线程安全") or terse content ("FIFO"), which
 * only its neighbours can decide.
 */
export function classifyLine(rawLine: string): LineClass {
  const text = stripLineMarkup(rawLine);
  const result = (kind: LineKind, strong = false): LineClass => ({ kind, strong, text });
  if (text === '') return result('content');
  // "A：哈希冲突" answers the Q： line above however short it is; it never asks.
  if (/^答(?!案)|^(A|Answer|答案|回答)\s*[：:]/i.test(text)) return result('answer-lead');
  // "Q：…" says outright that it asks, however it is worded ("Q：HTTP基础知识").
  if (/^(Q\d*|Question\s*\d*|问)\s*[：:]\s*\S/i.test(text) && charLength(text) <= 80) return result('question', true);
  if (/^第[一二三四五六七八九十\d]+(个)?(问题|题)[：:]?$/.test(text)) return result('filler');
  // Enumeration marks ("（2）", "3、") say nothing about whether the line asks something.
  const core = text.replace(/[。；;，,\s]+$/u, '').replace(/^([（(]\d+[)）]|\d+[、.．]\s*(?=\D))\s*/u, '');
  if (unknownMarker.test(core) && charLength(core) <= 60 && !/[。！!]/.test(core)) return result('question', true);
  const length = charLength(core);
  const commas = (core.match(/[，,]/g) ?? []).length;
  const isLabel = /[：:]$/.test(core);
  const labelText = core.replace(/[：:]+$/, '').trim();

  if (narrativeLeads.test(core) && !strongLeads.test(core)) return result('content');
  if (length > 60) return result('content');
  const lastQuestionMark = Math.max(core.lastIndexOf('？'), core.lastIndexOf('?'));
  if (lastQuestionMark >= 0 && lastQuestionMark < core.length - 1) {
    // "…呢？我们再更显式的讲一下。" is narration; "…怎么保证？业界的算法。" is still a prompt.
    const tail = core.slice(lastQuestionMark + 1).trim();
    if (narrativeLeads.test(tail) || [...tail].length > 15) return result('content');
  } else if (/[。！!][^。！!]/.test(core) && !questionEnding.test(core)) {
    return result('content');
  }
  const enumerated = core !== text.replace(/[。；;，,\s]+$/u, '');

  const endsAsQuestion = questionEnding.test(core) || /吗[，,]/.test(core);
  if (endsAsQuestion || strongLeads.test(core)) {
    if (commas >= 4 && !endsAsQuestion) return result('content');
    return result('question', true);
  }
  if (isLabel) {
    if (genericLabels.test(labelText)) return result('filler');
    if (charLength(labelText) > 40 || commas > 1 || /如下|以下|下面|下图|例子|包括|包含|分为/.test(labelText)) {
      return result('content');
    }
    if (interrogatives.test(labelText)) return result('question');
    return result('label');
  }
  if (commas >= 3) return result('content');
  // "term：description" lines are answer content, not prompts.
  if (/[：:]\s*\S/.test(core) && !interrogatives.test(core)) return result('content');
  if (statementMarkers.test(core)) return result('content');
  // "…并没有什么影响。" mentions 什么 without asking anything.
  const statement = /。$/.test(text) || /[没不]有?什么/.test(core);
  if (askWords.test(core) && length <= 50 && commas <= 2 && !statement) return result('question');
  if (choiceQuestion.test(core) && length <= 30 && commas === 0) return result('question');
  if (topicWords.test(core) && length <= 30 && commas <= 1) return result('question');
  const boldOnly = /^\*\*[^*]+\*\*[：:]?$/.test(rawLine.trim());
  if (boldOnly && length <= 30 && !genericLabels.test(labelText)) return result('label');
  // Keyword lines only: sentence particles or several space-separated phrases mean a note.
  const sentenceLike = /[了就不没是]|可以|应该|需要|分为|包括/.test(core);
  // Spaces beside Latin words are typography ("C 和 C++ 的字节对齐"), not phrase breaks.
  // Code ("// context 的 cancel 方法", "type errgroup struct {") and English prose keep every space.
  const prose = /[\u4e00-\u9fff]/.test(core) && !/[{}();=]|\/\//.test(core);
  const phraseBreak = prose ? /(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])/u : /\s+/;
  const phrases = core.split(phraseBreak).length;
  if (genericLabels.test(core)) return result('filler');
  if (enumerated && length > 20) return result('content');
  if (length <= 30 && commas === 0 && !sentenceLike && phrases <= 3 && !/。$/.test(text)) {
    return result('weak');
  }
  return result('content');
}

/** Whether a heading's text reads as a question (used to tell questions from topic groups). */
export function isQuestionText(text: string): boolean {
  const core = text.replace(/[。；;，,：:\s]+$/u, '');
  return questionEnding.test(core) || strongLeads.test(core) || interrogatives.test(core);
}

/** Lines opening like narration ("通过…", "所以…", "我…") never read as questions. */
export function startsNarrative(text: string): boolean {
  const core = stripLineMarkup(text);
  return narrativeLeads.test(core) && !strongLeads.test(core);
}

/** Normalise a question: drop numbering, interviewer lead-ins and trailing punctuation. */
export function cleanQuestion(text: string): string {
  let question = stripLineMarkup(text);
  question = question
    .replace(/^(第?[一二三四五六七八九十百]+|\d+(?:\s*[-.．]\s*\d+)*)\s*[、.．:：)）]?\s+/u, '')
    .replace(/^(第?[一二三四五六七八九十百]+|\d+(?:[-.．]\d+)*)[、.．:：)）]\s*/u, '')
    .replace(/^[（(]\s*\d+\s*[)）]\s*/u, '')
    // A toggle export's decoration and label ("💡 事务的隔离级别有哪些？", "**问题：** 什么是 MVCC？") are not what is asked.
    .replace(/^(?:\p{Extended_Pictographic}\uFE0F?\s*)+/u, '')
    .replace(/^(Q|问|问题)\s*[:：]\s*/iu, '')
    .replace(/^那么他可能(继续)?问你[，,:：\s]*/u, '')
    .replace(/^那你/u, '')
    .replace(/[，,]\s*你(会|要|该)?怎么回答[？?]?$/u, '？')
    .replace(/[（(][^（()）]*面试题[)）]$/u, '')
    .replace(/\s*[（(]不会[)）]$/u, '')
    .replace(/[：:；;，,。\s]+$/u, '')
    .trim();
  return question === '' ? stripLineMarkup(text) : question;
}

/**
 * Is `next` the rest of `previous`, cut by an editor's hard wrap ("…如果只是纯粹的广" / "播会很耗资源")?
 * Only a long sentence left open mid-clause continues, only into a short fragment that does not
 * ask, and only where the two characters at the cut make a word the note uses elsewhere ("广播").
 */
export function continuesWrappedLine(previous: string, next: string, noteUses: (word: string) => boolean): boolean {
  const [head, tail] = [stripLineMarkup(previous), stripLineMarkup(next)];
  const headChars = [...head];
  const tailChars = [...tail];
  if (headChars.length < 24 || tailChars.length > 12 || !/[，,]/.test(head)) return false;
  if (!/[\u4e00-\u9fff]$/u.test(head) || !/^[\u4e00-\u9fff]/u.test(tail) || /[？?]/.test(tail)) return false;
  if (classifyLine(tail).kind === 'question') return false;
  return noteUses(`${headChars.at(-1)}${tailChars[0]}`);
}

/** Whether a note uses a two-character Chinese word; its words are gathered once, on the first question. */
export function chineseWordsOf(noteText: string): (word: string) => boolean {
  let words: Set<string> | undefined;
  return (word) => {
    if (!words) {
      words = new Set();
      for (const run of noteText.match(/[\u4e00-\u9fff]{2,}/gu) ?? []) for (let index = 0; index + 2 <= run.length; index += 1) words.add(run.slice(index, index + 2));
    }
    return words.has(word);
  };
}
