/**
 * Session summaries, the end-of-session report and its Markdown export. All derived from the
 * stored session, its state and turns; nothing here writes.
 */
import { escapeMarkdown, quoteMarkdown } from '../core/markdown-escape.ts';
import type { Grade, GradeBand, KnowledgeBase, SessionMode, SessionRecord, SessionStatus, TopicId, Turn } from '../core/types.ts';
import { roundScore } from '../grading/offline-scorer.ts';
import { pointTopic } from '../grading/point-topics.ts';
import { rankPoints, weighPoints } from './key-points.ts';
import { gradeOfQuestion } from './question-grade.ts';
import { isScoredResult, type PhaseName, type SessionState } from './session-state.ts';
import { topicList, topicNames } from './topic-names.ts';

export interface SessionSummary {
  id: string;
  mode: SessionMode;
  topics: TopicId[];
  status: SessionStatus;
  createdAt: string;
  updatedAt: string;
  /** Main questions finished so far out of those planned (the warm-up is not counted). */
  progress: { done: number; total: number };
  /** Mean score of the finished, graded main questions; null before any. */
  score: number | null;
  /** The per-question time limit chosen at the start, in seconds; absent for none. */
  questionSeconds?: number;
  /** The part of the session being run (opening, technical, project deep-dive, closing). */
  phase: PhaseName;
}

export interface ReportQuestion {
  questionId: string | null;
  question: string;
  topics: TopicId[];
  score: number | null;
  skipped: boolean;
  hints: number;
  followups: number;
  /** True for the interview warm-up, which is not part of the overall score. */
  opening: boolean;
  /** Only technical questions are scored; the opening and the project deep-dive are listed. */
  phase: PhaseName;
}

export interface WeakPoint {
  /**
   * What to work on, named by what the point is about ("save 为什么会造成阻塞：和操作命令在同一个线程里面"):
   * the same phrase the grade card's 没讲 line uses, never the note's sentence pasted.
   */
  about: string;
  /** The missed key point as the note states it: the citation behind `about`. */
  point: string;
  /** Where the note says it: file, and the heading path of the card's reference joined by ›. */
  cited: { source: string; heading: string } | null;
  /** The topic to drill for it (the "drill this" link). */
  topic: TopicId;
  questionId: string;
  question: string;
  score: number;
}

export interface SessionReport {
  session: SessionSummary;
  /** Mean of the graded main questions, one decimal; null when none was graded. */
  overall: number | null;
  topics: { topic: TopicId; name: string; score: number; questions: number }[];
  /** Up to five missed key points from the lowest-scoring questions. */
  weakest: WeakPoint[];
  questions: ReportQuestion[];
  /** Every turn with its grade. */
  turns: Turn[];
  /** Speaking time and filler words of each spoken answer, in order: coaching, not part of any score. */
  spoken: SpokenAnswerSummary[];
}

export interface SpokenAnswerSummary {
  /** Seq of the answer turn. */
  seq: number;
  question: string;
  speakingMs: number;
  fillers: Record<string, number>;
  /** Characters spoken (the transcripts', else the answer's) per minute of speaking; null when no time was measured. */
  charsPerMinute: number | null;
}

const maxWeakPoints = 5;
const weakPointsPerQuestion = 2;

function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return roundScore(values.reduce((sum, value) => sum + value, 0) / values.length);
}

function mainScores(state: SessionState): number[] {
  return state.results.filter((result) => isScoredResult(result) && result.score !== null).map((result) => result.score ?? 0);
}

export function summarize(session: SessionRecord, state: SessionState): SessionSummary {
  return {
    id: session.id,
    mode: session.mode,
    topics: session.topics,
    status: session.status,
    createdAt: session.createdAt,
    updatedAt: session.updatedAt,
    progress: { done: state.results.filter(isScoredResult).length, total: state.plan.length },
    score: mean(mainScores(state)),
    ...(state.questionSeconds ? { questionSeconds: state.questionSeconds } : {}),
    phase: state.phase,
  };
}

/** The topic a question counts under: one the session chose, else its first own topic. */
function reportTopic(topics: readonly TopicId[], sessionTopics: readonly TopicId[]): TopicId | undefined {
  return topics.find((topic) => sessionTopics.includes(topic)) ?? topics[0];
}

export function buildReport(session: SessionRecord, state: SessionState, turns: Turn[], kb: KnowledgeBase): SessionReport {
  const questions: ReportQuestion[] = state.results.map((result) => ({
    questionId: result.questionId,
    question: (result.questionId ? kb.getCard(result.questionId)?.question : undefined) ?? '自我介绍',
    topics: result.topics,
    score: result.score,
    skipped: result.skipped,
    hints: result.hints,
    followups: result.followups,
    opening: result.opening,
    phase: result.phase,
  }));

  const byTopic = new Map<TopicId, number[]>();
  for (const question of questions) {
    if (question.opening || question.phase !== 'technical' || question.score === null) continue;
    const topic = reportTopic(question.topics, session.topics);
    if (!topic) continue;
    byTopic.set(topic, [...(byTopic.get(topic) ?? []), question.score]);
  }

  const weakest: WeakPoint[] = [];
  const ranked = questions
    .filter((question): question is ReportQuestion & { questionId: string; score: number } => !question.opening && question.phase === 'technical' && question.questionId !== null && question.score !== null)
    .sort((a, b) => a.score - b.score);
  for (const question of ranked) {
    if (weakest.length >= maxWeakPoints) break;
    const topic = reportTopic(question.topics, session.topics);
    const grade = gradeOfQuestion(turns, question.questionId);
    if (!topic || !grade) continue;
    const card = kb.getCard(question.questionId);
    const missed = rankPoints(weighPoints(grade.keyPoints, card?.reference)).filter((point) => point.covered !== 'yes');
    const cited = card ? { source: card.source, heading: card.headingPath.join(' › ') } : null;
    for (const point of missed.slice(0, weakPointsPerQuestion)) {
      if (weakest.length >= maxWeakPoints) break;
      const about = pointTopic(point.text, card?.question ?? question.question) || point.text;
      weakest.push({ about, point: point.text, cited, topic, questionId: question.questionId, question: question.question, score: question.score });
    }
  }

  return {
    session: summarize(session, state),
    spoken: spokenAnswers(turns, kb),
    overall: mean(mainScores(state)),
    topics: [...byTopic.entries()].map(([topic, scores]) => ({
      topic,
      name: topicNames[topic],
      score: mean(scores) ?? 0,
      questions: scores.length,
    })),
    weakest,
    questions,
    turns,
  };
}

function spokenAnswers(turns: Turn[], kb: KnowledgeBase): SpokenAnswerSummary[] {
  const summaries: SpokenAnswerSummary[] = [];
  let asked = '';
  for (const turn of turns) {
    if (turn.role === 'interviewer' && turn.kind !== 'hint') asked = (turn.questionId ? kb.getCard(turn.questionId)?.question : undefined) ?? turn.text;
    if (turn.role !== 'candidate' || !turn.spoken || !turn.speech) continue;
    const { speakingMs, fillers, spokenChars } = turn.speech;
    // Pace is of what was said: text typed into the box afterwards does not make it faster.
    const characters = spokenChars ?? [...turn.text.replace(/\s+/g, '')].length;
    summaries.push({ seq: turn.seq, question: asked, speakingMs, fillers, charsPerMinute: speakingMs > 0 ? Math.round((characters * 60_000) / speakingMs) : null });
  }
  return summaries;
}

/** 95 s → "1:35". */
function speakingTime(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

function fillerList(fillers: Record<string, number>): string {
  const entries = Object.entries(fillers);
  return entries.length === 0 ? '无' : entries.map(([word, count]) => `${word} ×${count}`).join('、');
}

/** "（口述 · 0:42 · 嗯 ×3）" after a spoken answer's speaker. */
function spokenMark(turn: Turn): string {
  if (!turn.spoken) return '';
  return turn.speech ? `（口述 · ${speakingTime(turn.speech.speakingMs)} · 语气词：${fillerList(turn.speech.fillers)}）` : '（口述）';
}

const modeTitles: Record<SessionMode, string> = { interview: '模拟面试', practice: '练习', drill: '专项复习' };

/** How the export names a point the answer did not make: left out, half made, or said the other way round. */
function pointStatus(point: Grade['keyPoints'][number]): string {
  if (point.contradicted) return point.evidence ? `说法和笔记相反：你说「${escapeMarkdown(point.evidence)}」` : '说法和笔记相反';
  return point.covered === 'no' ? '未提到' : '部分';
}

/** The export is Chinese: a band is named as the card would say it, not by its code ("（none）"). */
const bandNames: Record<GradeBand, string> = { excellent: '优秀', good: '良好', fair: '一般', weak: '较弱', none: '未答到要点' };

function gradeLines(grade: Grade): string[] {
  // A follow-up answer's own result, then the question's grade: "不知道" never sits above the main answer's 10.
  if (grade.followup) {
    const { followup } = grade;
    const own = followup.kind === 'deeper' && followup.score !== undefined ? `这道追问 ${followup.score} / 10 — ` : '';
    return [`**追问回答**：${own}${escapeMarkdown(followup.feedback)}`, '', `**本题成绩：${followup.questionScore} / 10**（主问题和追问的回答合起来评）`];
  }
  const lines = [`**评分：${grade.score} / 10**（${bandNames[grade.band]}）${grade.notice ? ` — ${escapeMarkdown(grade.notice)}` : ''}`, '', escapeMarkdown(grade.feedback)];
  const missed = grade.keyPoints.filter((point) => point.covered !== 'yes' && !point.offQuestion);
  if (missed.length > 0) {
    lines.push('', '遗漏、不完整或说反了的要点：', ...missed.map((point) => `- ${escapeMarkdown(point.text)}（${pointStatus(point)}）`));
  }
  for (const reference of grade.references) lines.push('', `参考：${escapeMarkdown(reference.source)} › ${escapeMarkdown(reference.heading)}`);
  return lines;
}

/**
 * The whole session as a Markdown document: scores, weakest points and the graded transcript.
 * It is opened in viewers that render HTML, so no text a candidate or an LLM wrote may become
 * markup (a forged grade heading, a javascript: link, a remote image): all of it is escaped.
 */
export function renderMarkdown(report: SessionReport): string {
  const { session } = report;
  const lines = [
    `# 面霸 MianBa ${modeTitles[session.mode]}记录`,
    '',
    `- 时间：${session.createdAt}`,
    `- 主题：${topicList(session.topics)}`,
    `- 状态：${session.status === 'done' ? '已完成' : '进行中'}（${session.progress.done}/${session.progress.total} 题）`,
    `- 总分：${report.overall === null ? '—' : `${report.overall} / 10`}`,
  ];
  if (report.topics.length > 0) {
    lines.push('', '## 各主题得分', '', '| 主题 | 得分 | 题数 |', '| --- | --- | --- |');
    for (const topic of report.topics) lines.push(`| ${topic.name} | ${topic.score} | ${topic.questions} |`);
  }
  if (report.weakest.length > 0) {
    lines.push('', '## 最需要加强的要点', '');
    report.weakest.forEach((weak, index) => {
      lines.push(`${index + 1}. ${escapeMarkdown(weak.about)}（${topicNames[weak.topic]} · ${escapeMarkdown(weak.question)} · ${weak.score} 分）`);
      // The note's own sentence stays reachable, as a citation under the point, not as the point.
      const where = weak.cited ? `（${escapeMarkdown(weak.cited.source)} › ${escapeMarkdown(weak.cited.heading)}）` : '';
      lines.push(`   - 笔记原文：${escapeMarkdown(weak.point)}${where}`);
    });
  }
  if (report.spoken.length > 0) {
    lines.push('', '## 口述表现（不计入评分）', '', '| 问题 | 说话时长 | 语速（字/分钟） | 语气词 |', '| --- | --- | --- | --- |');
    for (const answer of report.spoken) {
      lines.push(`| ${escapeMarkdown(answer.question)} | ${speakingTime(answer.speakingMs)} | ${answer.charsPerMinute ?? '—'} | ${fillerList(answer.fillers)} |`);
    }
  }
  lines.push('', '## 对话记录');
  for (const turn of report.turns) {
    lines.push('');
    if (turn.role === 'interviewer') {
      lines.push(`**面试官**：${escapeMarkdown(turn.text)}`);
      continue;
    }
    lines.push(turn.kind === 'skip' ? '**我**：（跳过）' : `**我**${spokenMark(turn)}：\n\n${quoteMarkdown(turn.text)}`);
    if (turn.grade) lines.push('', ...gradeLines(turn.grade));
  }
  return `${lines.join('\n')}\n`;
}
