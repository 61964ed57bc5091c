/** The words of a grade card and a follow-up answer's card in both languages; the shared i18n table spreads them in. */

const zh = {
  followupAnswer: '追问回答',
  followupDeeperScore: '这道追问 {score} / 10',
  followupNothing: '没答到要点',
  followupAdded: '这次补上的要点',
  questionScore: '本题成绩 {score} / 10',
  questionScoreHint: '主问题和追问的回答合起来评',
  questionCard: '查看本题完整评分',
  partialOnComplete: '讲到了，可以再展开',
  contradicted: '和笔记说法相反',
  offQuestion: '笔记里的其他要点（本题没问）',
  youSaid: '你说',
} as const;

const en: Record<keyof typeof zh, string> = {
  followupAnswer: 'Follow-up answer',
  followupDeeperScore: 'This follow-up {score} / 10',
  followupNothing: 'Nothing made',
  followupAdded: 'Key points this answer added',
  questionScore: 'Question grade {score} / 10',
  questionScoreHint: 'the main answer and the follow-ups graded together',
  questionCard: 'Show the whole question\'s grade',
  partialOnComplete: 'Covered, could go deeper',
  contradicted: 'Contradicts the notes',
  offQuestion: 'Elsewhere in the note (not asked here)',
  youSaid: 'You said',
};

export const gradeMessages = { zh, en };
