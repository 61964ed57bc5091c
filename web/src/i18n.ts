import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { bankMessages } from './bank-messages.ts';
import { gradeMessages } from './grade-messages.ts';
import { progressMessages } from './progress-messages.ts';

export type Lang = 'zh' | 'en';

const zh = {
  appName: '面霸',
  tagline: '用你自己的笔记来一场模拟面试',
  skipToContent: '跳到主要内容',
  navStart: '开始',
  navHistory: '历史',
  navDrill: '专项刷题',
  switchLang: 'English',
  switchLangLabel: 'Switch to English',
  modeOffline: '离线',
  modeLlm: 'LLM',
  modeUnknown: '连接中…',
  modeBadgeLabel: '当前模式',
  startTitle: '开始练习',
  modeLegend: '模式',
  modeInterview: '模拟面试',
  modeInterviewHint: '像真实面试一样连续提问和追问，结束后统一出报告',
  modePractice: '练习反馈',
  modePracticeHint: '每答一题立刻看到评分、要点和参考答案',
  modeDrill: '专项刷题',
  modeDrillHint: '只练一个方向，按遗忘曲线优先复习到期题目',
  topicsLegend: '方向',
  topicsNone: '不选则混合所有方向',
  topicsDrillNeedsOne: '专项刷题请选择一个方向',
  questionCount: '题目数量',
  questionsSuffix: '题',
  questionLimit: '每题限时',
  noLimit: '不限时',
  minutes: '{n} 分钟',
  startButton: '开始',
  starting: '正在开始…',
  loading: '加载中…',
  interviewer: '面试官',
  you: '你',
  skippedAnswer: '（跳过）',
  hintLabel: '提示',
  followupLabel: '追问',
  emptyAnswer: '请先写下你的回答（或点“跳过”）。',
  answerTooLong: '回答太长了（约 {kb} KB），上限是 32 KB，请精简后再提交。',
  conflict: '这道题已经提交过了，已为你刷新记录。',
  streamingLabel: '面试官正在输入',
  answerLabel: '你的回答',
  answerPlaceholder: '在这里写下你的回答…',
  submit: '提交',
  submitting: '提交中…',
  skip: '跳过',
  hint: '提示',
  timerLabel: '本题用时',
  sessionTimerLabel: '总用时',
  timeLeftLabel: '本题剩余时间',
  overtime: '已超时',
  progress: '第 {n} / {total} 题',
  warmup: '热身',
  phaseProject: '项目深挖',
  phaseClosing: '反问环节',
  hintCap: '用了提示，本题最高 {cap} 分',
  nextReview: '已记入复习计划，下次复习：{due}',
  draftSaved: '草稿已保存在本机',
  submitShortcut: 'Ctrl/⌘ + Enter 提交',
  retry: '重试',
  dismiss: '关闭',
  networkError: '你的回答已保存在本机，可以重试。',
  networkLost: '网络连接失败',
  badResponse: '服务器返回了无法识别的内容',
  sessionDone: '本轮结束',
  viewReport: '查看报告',
  showGrades: '显示评分',
  gradesHidden: '模拟面试中评分会在报告里统一显示。',
  score: '得分',
  outOf: '/ 10',
  covered: '已覆盖',
  partial: '部分覆盖',
  missed: '遗漏',
  keyPoints: '要点',
  feedback: '点评',
  strengths: '亮点',
  reference: '参考答案',
  noReference: '笔记中没有找到相关段落。',
  reportTitle: '面试报告',
  overall: '总分',
  perTopic: '各方向得分',
  weakest: '最薄弱的点',
  noteSays: '笔记原文',
  drillThis: '专项练习',
  transcript: '完整记录',
  exportMd: '导出 Markdown',
  noGrades: '还没有评分的回答。',
  historyTitle: '历史记录',
  historyEmpty: '还没有练习记录。',
  continue: '继续',
  report: '报告',
  statusActive: '进行中',
  statusDone: '已完成',
  drillTitle: '专项刷题',
  drillIntro: '按方向查看到期需要复习的题目，选一个开始练习。',
  dueCount: '到期',
  reviewedCount: '已练 {n} 题',
  drillStart: '开始刷题',
  drillEmpty: '目前没有到期题目，可以任选方向开始。',
  questionsCount: '道题',
  errorTitle: '出错了',
  notFound: '页面不存在',
  backHome: '回到首页',
  newSession: '再来一轮',
  scoreChartLabel: '各方向得分柱状图',
  navProgress: '进度',
  navBank: '题库',
  ...bankMessages.zh,
  ...gradeMessages.zh,
  ...progressMessages.zh,
} as const;

export type MessageKey = keyof typeof zh;

const en: Record<MessageKey, string> = {
  appName: 'MianBa',
  tagline: 'Mock interviews grounded in your own notes',
  skipToContent: 'Skip to main content',
  navStart: 'Start',
  navHistory: 'History',
  navDrill: 'Drill',
  switchLang: '中文',
  switchLangLabel: '切换到中文',
  modeOffline: 'Offline',
  modeLlm: 'LLM',
  modeUnknown: 'Connecting…',
  modeBadgeLabel: 'Current mode',
  startTitle: 'Start a session',
  modeLegend: 'Mode',
  modeInterview: 'Mock interview',
  modeInterviewHint: 'Questions and follow-ups like a real interview; grades in the final report',
  modePractice: 'Practice with feedback',
  modePracticeHint: 'See the grade, key points and reference right after each answer',
  modeDrill: 'Topic drill',
  modeDrillHint: 'One topic, due questions first (spaced repetition)',
  topicsLegend: 'Topics',
  topicsNone: 'Leave empty to mix all topics',
  topicsDrillNeedsOne: 'Pick one topic to drill',
  questionCount: 'Number of questions',
  questionsSuffix: 'questions',
  questionLimit: 'Time per question',
  noLimit: 'No limit',
  minutes: '{n} min',
  startButton: 'Start',
  starting: 'Starting…',
  loading: 'Loading…',
  interviewer: 'Interviewer',
  you: 'You',
  skippedAnswer: '(skipped)',
  hintLabel: 'Hint',
  followupLabel: 'Follow-up',
  emptyAnswer: 'Write an answer first (or press Skip).',
  answerTooLong: 'This answer is too long (about {kb} KB); the limit is 32 KB. Please shorten it.',
  conflict: 'This turn was already submitted; the transcript has been refreshed.',
  streamingLabel: 'The interviewer is typing',
  answerLabel: 'Your answer',
  answerPlaceholder: 'Type your answer…',
  submit: 'Submit',
  submitting: 'Submitting…',
  skip: 'Skip',
  hint: 'Hint',
  timerLabel: 'Time on this question',
  sessionTimerLabel: 'Session time',
  timeLeftLabel: 'Time left on this question',
  overtime: 'Over time',
  progress: 'Question {n} of {total}',
  warmup: 'Warm-up',
  phaseProject: 'Project deep-dive',
  phaseClosing: 'Your questions',
  hintCap: 'Hint used: this question now scores at most {cap}',
  nextReview: 'Scheduled for review on {due}',
  draftSaved: 'Draft saved on this device',
  submitShortcut: 'Ctrl/⌘ + Enter to submit',
  retry: 'Retry',
  dismiss: 'Dismiss',
  networkError: 'Your answer is saved on this device; you can retry.',
  networkLost: 'Network connection failed',
  badResponse: 'The server sent a response the app does not understand',
  sessionDone: 'Session finished',
  viewReport: 'View report',
  showGrades: 'Show grades',
  gradesHidden: 'In a mock interview, grades are shown in the final report.',
  score: 'Score',
  outOf: '/ 10',
  covered: 'Covered',
  partial: 'Partly covered',
  missed: 'Missed',
  keyPoints: 'Key points',
  feedback: 'Feedback',
  strengths: 'Strengths',
  reference: 'Reference answer',
  noReference: 'No relevant passage was found in the notes.',
  reportTitle: 'Interview report',
  overall: 'Overall',
  perTopic: 'Score by topic',
  weakest: 'Weakest points',
  noteSays: 'In your notes',
  drillThis: 'Drill this',
  transcript: 'Transcript',
  exportMd: 'Export Markdown',
  noGrades: 'No graded answers yet.',
  historyTitle: 'History',
  historyEmpty: 'No sessions yet.',
  continue: 'Continue',
  report: 'Report',
  statusActive: 'In progress',
  statusDone: 'Finished',
  drillTitle: 'Topic drill',
  drillIntro: 'Questions due for review per topic. Pick one to start.',
  dueCount: 'Due',
  reviewedCount: '{n} practised',
  drillStart: 'Start drill',
  drillEmpty: 'Nothing is due right now; pick any topic to start.',
  questionsCount: 'questions',
  errorTitle: 'Something went wrong',
  notFound: 'Page not found',
  backHome: 'Back to start',
  newSession: 'Start another',
  scoreChartLabel: 'Bar chart of scores by topic',
  navProgress: 'Progress',
  navBank: 'Bank',
  ...bankMessages.en,
  ...gradeMessages.en,
  ...progressMessages.en,
};

/** English names for the fixed topic taxonomy; the server's names are Chinese. */
const topicNamesEn: Record<string, string> = {
  go: 'Go',
  cpp: 'C++',
  java: 'Java',
  python: 'Python',
  redis: 'Redis',
  mysql: 'MySQL',
  network: 'Networking',
  os: 'Operating systems',
  distributed: 'Distributed systems',
  cloud: 'Cloud native',
  mq: 'Message queues',
  'system-design': 'System design',
  algorithms: 'Algorithms',
  security: 'Security',
  blockchain: 'Blockchain',
  project: 'Projects',
  behavioural: 'Behavioural',
};

const dictionaries: Record<Lang, Record<MessageKey, string>> = { zh, en };
const storageKey = 'mianba:lang';

export function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(storageKey);
    if (saved === 'zh' || saved === 'en') return saved;
  } catch {
    // Storage can be disabled (private mode); Chinese is the default either way.
  }
  return 'zh';
}

/** Saved at the moment of choosing, not after render, so a reload straight after the click keeps it. */
export function persistLang(lang: Lang): void {
  try {
    localStorage.setItem(storageKey, lang);
  } catch {
    // Not persisting is acceptable; the toggle still works for this page view.
  }
}

export function documentLang(lang: Lang): string {
  return lang === 'zh' ? 'zh-CN' : 'en';
}

export interface I18n {
  lang: Lang;
  /** The message for `key`, with `{name}` placeholders filled from `values`. */
  t: (key: MessageKey, values?: Record<string, string | number>) => string;
  topicName: (id: string, serverName?: string) => string;
}

export function makeI18n(lang: Lang, serverTopicNames: ReadonlyMap<string, string>): I18n {
  const dictionary = dictionaries[lang];
  return {
    lang,
    t: (key, values) =>
      values ? dictionary[key].replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole)) : dictionary[key],
    topicName: (id, serverName) =>
      lang === 'en' ? (topicNamesEn[id] ?? serverName ?? id) : (serverName ?? serverTopicNames.get(id) ?? id),
  };
}

export const I18nContext = createContext<I18n>(makeI18n('zh', new Map()));

export function useI18n(): I18n {
  return useContext(I18nContext);
}
