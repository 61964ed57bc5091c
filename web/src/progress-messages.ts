/** The 进度 page's words in both languages; the shared i18n table spreads them in. */

const zh = {
  progressTitle: '学习进度',
  progressIntro: '掌握度 = 每道题最近三次得分的平均 × 按遗忘曲线（FSRS）估计的记忆保持率；久未复习的题会慢慢掉分。',
  progressEmpty: '还没有评过分的题目。做一轮练习或刷题后，这里会显示你的进度。',
  progressOverall: '总体掌握度 {score} / 10，共 {sessions} 次练习',
  progressTrend: '掌握度变化（每次练习后）',
  progressAllTopics: '全部方向',
  progressByTopic: '各方向掌握度',
  progressByFile: '各笔记文件掌握度',
  progressMastery: '掌握度',
  progressPractised: '已练 / 题数',
  progressWeakest: '最薄弱的题目',
  progressWeakLine: '掌握度 {mastery} · 上次 {last} 分 · 记忆保持 {recall}% · {source}',
  progressDrillThese: '刷这 {n} 题',
  progressDue: '未来两周每天到期的复习',
  progressNoneDue: '未来两周没有到期的复习：专项刷题答过的题会按遗忘曲线排进来。',
  progressNoneWeak: '练过的题都掌握得不错（掌握度 8 分以上）。',
} as const;

const en: Record<keyof typeof zh, string> = {
  progressTitle: 'Progress',
  progressIntro: 'Mastery = the mean of each card\'s last three scores × its FSRS retrievability (how likely you still recall it); cards left unreviewed slowly lose mastery.',
  progressEmpty: 'No graded questions yet. After a practice session or a drill, your progress shows here.',
  progressOverall: 'Overall mastery {score} / 10 over {sessions} sessions',
  progressTrend: 'Mastery after each session',
  progressAllTopics: 'All topics',
  progressByTopic: 'Mastery by topic',
  progressByFile: 'Mastery by note file',
  progressMastery: 'Mastery',
  progressPractised: 'Practised / cards',
  progressWeakest: 'Weakest cards',
  progressWeakLine: 'mastery {mastery} · last {last} · recall {recall}% · {source}',
  progressDrillThese: 'Drill these {n}',
  progressDue: 'Reviews due per day, next two weeks',
  progressNoneDue: 'Nothing due in the next two weeks: questions answered in drills are scheduled here by the forgetting curve.',
  progressNoneWeak: 'Every card you practised is well mastered (8 or more).',
};

export const progressMessages = { zh, en };
