/**
 * Parsed questions → knowledge cards. The parser finds where questions and answers are; this
 * module decides what a candidate is asked: references cut at their answer (neighbouring
 * definitions become cards, the interviewer's next questions become follow-ups, unrelated jottings
 * become search-only notes), labels asked with their parent's subject, code questions carrying
 * their code, narratives asked in their own phase, and lines that ask nothing dropped.
 */
import { stableHash } from '../core/hash.ts';
import type { Card, CardFollowup, CardKind } from '../core/types.ts';
import { stripInjection } from '../grading/injection.ts';
import { drillDownsAsFollowups, lendTopicLines } from './topic-lines.ts';
import { askCountedKinds, askedAsListed, askFromAnswer, askOwnAspect, containerHeading, selfContainedQuestion, subjectOf, withoutAsides, withoutEnumeration, withParentSubject } from './card-wording.ts';
import { contentLength, isClaim } from './claims.ts';
import { isQuestionText, stripLineMarkup } from './question-lines.ts';
import { answersInTurn } from './answer-order.ts';
import { isMultipleChoice, opensWithOptions, optionsShown } from './quiz-options.ts';
import { lendPreviousAnswers } from './previous-question.ts';
import { withEmptyCardsUnasked } from './empty-cards.ts';
import { answerListedQuestions } from './listed-questions.ts';
import { splitReference } from './reference-splitter.ts';
import { spokenQuestion } from './spoken-question.ts';
import { sharesWord } from './shared-words.ts';
import { assignTopics } from './topics.ts';

/** One question as the parser found it, before it becomes a card. */
export interface ParsedQuestion {
  question: string;
  /** How the parser found it: a heading, a question line, a `label：` line, a keyword line, or text before any question. */
  origin: 'heading' | 'question' | 'label' | 'weak' | 'orphan';
  /** Headings (and topic lines) above the question, outermost first. */
  path: string[];
  reference: string;
  lines: { start: number; end: number };
}

/** A card before ids, topics and key points are settled. */
interface Draft {
  question: string;
  origin: ParsedQuestion['origin'] | 'piece';
  asked: string;
  kind: CardKind | 'note';
  path: string[];
  reference: string;
  code?: string;
  followups: CardFollowup[];
  lines: { start: number; end: number };
}

/** Lines that name an interview round or a company, not a question ("小厂-奇酷酷2", "字节二面"). */
const roundHeader = /^(小厂|中厂|大厂|外企|国企)|[一二三四五六七八九]面|^(hr|HR)面|面经|笔试|^第.{1,2}轮/;
/** A line cheering the author on ("吴希，你是最棒的，加油！！！！"). */
const cheer = /加油|你是最棒的|冲冲冲|[!！]{2,}$/;
/** "A：" / "答：" opening an answer in Q：/A： notes and interview logs: the label, not the answer. */
const answerLabel = /^\s*(?:A|Answer|答案?|回答)\s*[：:]\s*/i;
/** What a log line reports was asked ("主要问了os的项目" asks about the os project). */
const reportedAsk = /^(主要|还|又|然后|接着)?问了(一下|一些|下)?|^问(?=[^题答])/;
/** Follow-up markers of interview logs ("那么他可能问你，…", "追问：…"). */
const followupLead = /^(那么?他?(可能)?(还会|继续|接着)?问你|追问|继续问|接着问|然后问|又问|如果(面试官)?(继续|再|接着|还)(追)?问)[，,：:\s]*/;
const codeQuestion = /(以下|下面|如下|这段|下列)的?(代码|程序|函数|输出|内容)|输出(结果|什么)|打印(出来)?什么|会输出|代码.{0,8}(问题|输出|结果)/;
const behaviouralQuestion = /自我介绍|自我评价|职业规划|个人优势|个人信息|学习和生活|优缺点是什么|你的(优点|缺点)|有什么想问|为什么(选择|想来|离职|学)|期望薪资|兴趣爱好|感触|体验/;
const projectWords = /项目|实习|经历/;
const projectQuestion = /你们?(的|在|做|负责|怎么|是怎么)|项目|实习|介绍$|难点|困难|背景|收获|工作内容|排查/;


/** A label about the author's own design decisions ("异步消息中废弃的方案", "技术选型"): the project, not 八股. */
const designDecision = /(废弃|放弃|弃用|否决)(掉)?的(方案|设计)|踩过?的坑|技术选型/;

function kindOf(question: string, path: readonly string[]): CardKind {
  if (behaviouralQuestion.test(question)) return 'behavioural';
  if (designDecision.test(question) && !isQuestionText(question)) return 'project';
  // Under "项目 > web server可能的相关问题" the questions are 八股 the project may lead to, not the project.
  const underProject = path.some((heading) => projectWords.test(heading)) && !path.some((heading) => /可能的|面试题|八股|相关问题/.test(heading));
  if (/[的个]项目/.test(question) && !/开源项目/.test(question)) return 'project';
  if (/你们?(的|在|做|负责|平时)?[^？?，,]{0,12}(项目|系统|服务|mq|框架|开发|实习|工作|难点|做过|遇到|碰到)/.test(question) && !/你觉得|你认为/.test(question)) return 'project';
  return underProject && projectQuestion.test(question) && !isQuestionText(question.replace(/介绍$/, '')) ? 'project' : 'technical';
}

/** A terse line worded as an interviewer asks it: "对称加密和非对称加密" asks for the difference. */
function asQuestion(raw: string, reference = ''): string {
  const text = raw.replace(/\s*[（(][^（）()]{0,12}不会[)）]/u, '').trim();
  // "redis vs memcached" is a comparison, asked as one.
  const versus = /^([^，,？?]{1,20}?)\s+vs\.?\s+([^，,？?]{1,20})$/i.exec(text);
  if (versus?.[1] && versus[2]) return `${versus[1]} 和 ${versus[2]} 有什么区别？`;
  if (/^自我介绍$/.test(text)) return '先做个自我介绍吧。';
  if (behaviouralQuestion.test(text) && !isQuestionText(text) && contentLength(text) <= 12) return `说说你的${text}。`;
  if (behaviouralQuestion.test(text) || isQuestionText(text) || /[？?]/.test(text) || contentLength(text) > 24) return text;
  const pair = /^([^，,、]{1,12})(和|与|跟|vs)([^，,、]{1,12})$/i.exec(text);
  // Two things that share a stem (对称加密/非对称加密, 线程/协程) are asked apart; others explained.
  const stems = (side: string): string[] => [...(side.match(/[\u4e00-\u9fff]/g) ?? []), ...(side.toLowerCase().match(/[a-z][a-z0-9]+/g) ?? [])];
  if (pair?.[1] && pair[3] && stems(pair[1]).some((stem) => stems(pair[3]!).includes(stem))) {
    return `${text}有什么区别？`;
  }
  if (pair) return `说说${text}。`;
  // Only a name is asked about as such; a clause ("Go里面一个协程能保证绑定…") reads as it is.
  const nameOnly = contentLength(text) <= 12 && !/[是能会要在把被让有了过]/.test(text);
  return askOwnAspect(text) ?? (nameOnly ? askFromAnswer(text, reference) : text);
}

/** Code the question refers to: the first code in its reference, before the answer explains it. */
function takeCode(reference: string): { code?: string; reference: string } {
  const fenced = /^(```|~~~)[^\n]*\n[\s\S]*?\n\1[ \t]*$/m.exec(reference);
  const inline = /^`([^`\n]{20,})`\s*$/m.exec(reference);
  const found = [fenced, inline].filter((match) => match !== null).sort((a, b) => a!.index - b!.index)[0];
  if (!found) return { reference };
  const before = stripLineMarkup(reference.slice(0, found.index));
  if (contentLength(before) > 60) return { reference };
  const code = found === inline ? `\`\`\`\n${inline![1]!.trim()}\n\`\`\`` : found[0];
  return { code, reference: `${reference.slice(0, found.index)}${reference.slice(found.index + found[0].length)}`.trim() };
}

/** The 1-based source line where `text` begins, searching from `from`. */
function locate(sourceLines: readonly string[], text: string, from: number): number {
  const probe = stripLineMarkup(text.split('\n')[0] ?? '').slice(0, 12);
  if (probe === '') return from;
  for (let line = Math.max(1, from); line <= sourceLines.length; line += 1) {
    if (stripLineMarkup(sourceLines[line - 1] ?? '').includes(probe)) return line;
  }
  return from;
}

/** A heading that only groups sections ("关键过程", "面试题") lends no subject; the heading above it may. */
function isContainer(heading: string | undefined): boolean {
  const subject = heading === undefined ? '' : subjectOf(heading).trim();
  return heading !== undefined && (contentLength(subject) < 2 || containerHeading.test(subject));
}

/**
 * The nearest heading above a section that names a subject, below the note's top heading (a domain): "安全性" under
 * "raft > 关键过程" is Raft's safety, and was asked as 「说说你对安全性的了解。」.
 */
function namedAncestor(path: readonly string[]): string | undefined {
  for (let index = path.length - 1; index >= 1; index -= 1) if (!isContainer(path[index])) return path[index];
  return undefined;
}

function draftOf(parsed: ParsedQuestion, parent: string | undefined): Draft {
  const reported = askedAsListed(withoutAsides(withoutEnumeration(parsed.question.replace(reportedAsk, ''))));
  const wordedLabel = selfContainedQuestion(reported, parent);
  // A heading keeps its words unless it is only a name or a bare comparison; a round header's text is kept for search only.
  const nameOnly = contentLength(reported) <= 12 && !isQuestionText(reported) && !/[是能会要在把被让有了过]/.test(reported);
  const comparison = /\svs\.?\s/i.test(reported);
  const worded = parsed.origin === 'heading' && wordedLabel === reported && !nameOnly && !comparison ? reported : asQuestion(wordedLabel, parsed.reference);
  // A label the wording already placed under its parent needs no second mention of it.
  // Only a section inside a section lends its subject: a note's top heading ("操作系统") is a domain.
  const lender = parsed.origin === 'heading' && parsed.path.length < 2 ? undefined : isContainer(parent) ? namedAncestor(parsed.path) : parent;
  const asked = askCountedKinds(worded === reported || worded === asQuestion(reported, parsed.reference) ? withParentSubject(worded, lender) : worded);
  const header = roundHeader.test(parsed.question) && !isQuestionText(parsed.question);
  // "main里面" breaks off where its sentence continues: a fragment of a description, not a question.
  const fragment = /(里面|里边|之中)$/.test(reported) && !isQuestionText(reported) && contentLength(reported) <= 12;
  const kind = parsed.origin === 'orphan' || header || fragment ? 'note' : kindOf(parsed.question, parsed.path);
  return { question: parsed.question, origin: parsed.origin, asked, kind, path: parsed.path, reference: parsed.reference, followups: [], lines: parsed.lines };
}

/**
 * A project or internship is the candidate's own work, asked about as such: 「说说你对mprpc项目的了解。」 asked the owner of
 * the project what they knew of it, and 「Java c++ 数据结构不一致问题排查」 was read out as a label.
 */
function askedOf(kind: CardKind, asked: string): string {
  if (kind !== 'project') return asked;
  const known = /^说说你对(.+?)的了解。$/u.exec(asked)?.[1]?.replace(/的(?=项目$)/u, '');
  const work = known ?? (isQuestionText(asked) || /[？?。！!]$/u.test(asked) ? undefined : asked.trim());
  if (!work) return asked;
  return /项目$/u.test(work) ? `介绍一下你的${work}。` : `说说你做的${work}。`;
}

/** A paragraph that is an instruction to a grader or model, with little else in it. */
function addressesTheGrader(paragraph: string): boolean {
  const scan = stripInjection(paragraph);
  return scan.spans.length > 0 && contentLength(scan.cleaned) < 6;
}

/** How many truly empty lines follow a 1-based source line. */
function emptyLinesAfter(sourceLines: readonly string[], line: number): number {
  let count = 0;
  while (sourceLines[line + count] === '') count += 1;
  return count;
}

/** Cut a draft's reference at its answer; what follows becomes cards, follow-ups or notes. */
function splitDraft(draft: Draft, sourceLines: readonly string[]): Draft[] {
  if (draft.reference === '') return [draft];
  const { own, pieces } = splitReference(draft.reference, [...draft.path, draft.question, draft.code ?? ''].join('\n'), (text) => isClaim(text, { personal: draft.kind !== 'technical' }), {
    underHeading: draft.origin === 'heading',
    isInstruction: addressesTheGrader,
    gapBeforeAnswer: draft.origin !== 'heading' && emptyLinesAfter(sourceLines, draft.lines.start) >= 2,
  });
  const head: Draft = { ...draft, reference: own };
  const drafts: Draft[] = [head];
  let cursor = draft.lines.start;
  for (const piece of pieces) {
    const start = locate(sourceLines, piece.title || piece.body, cursor);
    cursor = start;
    const lines = { start, end: Math.min(sourceLines.length, start + piece.body.split('\n').length) };
    if (piece.kind === 'question') {
      head.followups.push(piece.body ? { question: piece.title, answer: piece.body } : { question: piece.title });
      if (contentLength(piece.body) >= 20) drafts.push({ ...draft, question: piece.title, asked: piece.title, path: [...draft.path, draft.question], reference: piece.body, followups: [], lines });
    } else if (piece.kind === 'definition') {
      drafts.push({ ...draft, origin: 'piece', question: piece.title, asked: `什么是${piece.title}？`, reference: piece.body, followups: [], lines });
    } else {
      drafts.push({ ...draft, origin: 'piece', question: firstClause(piece.body), asked: firstClause(piece.body), kind: 'note', reference: piece.body, followups: [], lines });
    }
  }
  return drafts;
}

function firstClause(text: string): string {
  const line = stripLineMarkup(text.split('\n').find((candidate) => stripLineMarkup(candidate) !== '') ?? '');
  const clause = line.split(/[，,。：:；;！!？?]/)[0]?.trim() || line;
  return [...clause].length > 30 ? `${[...clause].slice(0, 30).join('')}…` : clause;
}

/**
 * Lines that ask nothing: an empty topic heading or log line that only names a topic ("etcd",
 * "interface", "索引"), a round header, a cheer, or the log's mark of the candidate's turn ("反问").
 */
function asksNothing(draft: Draft): boolean {
  const plain = draft.question.replace(/[？?]+$/, '').trim();
  if (contentLength(plain) < 2 || /^[\d\s.%]+$/.test(plain) || /^反问$/.test(plain)) return true;
  if (draft.reference !== '' || draft.code || isQuestionText(draft.question)) return false;
  if (roundHeader.test(plain) || cheer.test(plain)) return true;
  // Under a heading of questions ("可能的面试题") a bare topic is asked ("CAP理论"); elsewhere it only names a section.
  const amongQuestions = draft.path.some((heading) => /面试题|问题|八股|题目|考点/.test(heading));
  const singleTerm = /^[A-Za-z][\w.+#-]*$|^[\u4e00-\u9fff]{1,4}$/u.test(plain);
  return !amongQuestions && singleTerm && draft.followups.length === 0 && draft.kind === 'technical';
}

/**
 * Interview logs. "那么他可能问你，X？" under a question is that question's follow-up; so is every
 * question line in the section of a heading that itself asks ("## top10 表情包怎么存？" then
 * "zset 的底层是什么？"), where a topic heading's question lines are siblings. A follow-up stays a
 * card of its own too (its answer is knowledge), asked without the log's lead-in.
 */
function chainFollowups(drafts: Draft[], sourceLines: readonly string[]): void {
  let chainHead: Draft | undefined;
  /** The last draft that asks: an author's aside before a follow-up ("上面问题，或多或少可以回答出来") is a note. */
  let asker: Draft | undefined;
  for (let index = 0; index < drafts.length; index += 1) {
    const current = drafts[index]!;
    const sourceLine = stripLineMarkup(sourceLines[current.lines.start - 1] ?? '');
    const marked = followupLead.test(current.question) || followupLead.test(sourceLine);
    // A follow-up is about what its head asked: a log's list of unrelated questions are siblings.
    const inAskingSection =
      chainHead !== undefined &&
      current.origin === 'question' &&
      current.path.join('\u0000') === chainHead.path.join('\u0000') &&
      sharesWord(current.question, `${chainHead.question}\n${chainHead.reference}`);
    const head = inAskingSection ? chainHead : marked && asker && current.lines.start - asker.lines.end <= 3 ? asker : undefined;
    if (current.origin === 'heading') chainHead = isQuestionText(current.question) ? current : undefined;
    else if (!inAskingSection && current.origin !== 'piece') chainHead = undefined;
    if (current.kind !== 'note') asker = current;
    if (!head) continue;
    // A note cut from a reference holds the whole follow-up line; its title is only the lead's clause.
    const leadLine = current.kind === 'note' && followupLead.test(sourceLine);
    const question = (leadLine ? sourceLine : current.question).replace(followupLead, '').replace(/[，,]?你怎么回答[？?]?$/, '？');
    const answer = leadLine ? current.reference.split('\n').slice(1).join('\n').trim() : current.reference;
    head.followups.push(answer ? { question, answer } : { question });
    if (marked) current.asked = asQuestion(question);
  }
}

/** The cards of one note file. Ids hash the source, heading path and question, never the position. */
export function buildCards(source: string, parsed: readonly ParsedQuestion[], text: string): Card[] {
  const sourceLines = text.split('\n');
  let previousAsked: string | undefined;
  const drafts: Draft[] = [];
  for (const question of parsed) {
    const parent = question.path[question.path.length - 1] ?? (question.origin === 'label' ? previousAsked : undefined);
    const draft = draftOf(question, parent);
    // A quiz's options and answer key say it asks about its code, whatever its title ("4 双检查实现单例").
    if (codeQuestion.test(draft.asked) || isMultipleChoice(draft.reference)) Object.assign(draft, takeCode(draft.reference));
    // A quiz is asked with its options: the reference keeps them too, for the grader to read which one an answer picks.
    const options = optionsShown(draft.reference);
    if (options) draft.code = draft.code ? `${draft.code}\n\n${options}` : options;
    drafts.push(...splitDraft(draft, sourceLines));
    previousAsked = draft.asked;
  }
  const ordered = answerListedQuestions(drafts);
  answersInTurn(ordered);
  const kept = ordered.filter((draft) => !asksNothing(draft));
  lendTopicLines(kept);
  drillDownsAsFollowups(kept);
  chainFollowups(kept, sourceLines);
  const seen = new Map<string, number>();
  const cards = kept.map((draft) => {
    const headingPath = [...draft.path, draft.question];
    const key = `${source}\u0000${headingPath.join('\u0000')}\u0000${draft.question}`;
    const ordinal = seen.get(key) ?? 0;
    seen.set(key, ordinal + 1);
    // Trim blank lines, never the indentation of an answer that starts with indented code.
    const untrimmed = draft.reference.replace(/^(?:[ \t]*\n)+/, '');
    // A quiz's "A: 不能编译" is its first option, not the label of an answer.
    const reference = (opensWithOptions(untrimmed) ? untrimmed : untrimmed.replace(answerLabel, '')).trimEnd();
    const card: Card = {
      id: stableHash(ordinal === 0 ? key : `${key}\u0000${ordinal}`),
      // A search-only note is never asked: its title stays the note's own words.
      question: draft.kind === 'note' ? withoutEnumeration(draft.asked) : askedOf(draft.kind, spokenQuestion(withoutEnumeration(draft.asked), reference)),
      context: draft.path.map(subjectOrHeading).join(' > '),
      reference,
      keyPoints: [],
      followups: draft.followups,
      topics: assignTopics({ headingPath, question: draft.asked, answer: reference }),
      kind: draft.kind === 'note' ? 'technical' : draft.kind,
      answered: reference !== '',
      source,
      headingPath,
      lines: { start: draft.lines.start, end: Math.max(draft.lines.start, draft.lines.end) },
    };
    if (draft.code) card.code = draft.code;
    if (draft.kind === 'note') card.searchOnly = true;
    return card;
  });
  return withEmptyCardsUnasked(lendPreviousAnswers(cards));
}

function subjectOrHeading(heading: string): string {
  return subjectOf(heading) || heading;
}
