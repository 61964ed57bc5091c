import type { TopicId } from '../core/types.ts';

/** Chinese display names of the topic taxonomy, used in the interviewer's lines and reports. */
export const topicNames: Record<TopicId, string> = {
  go: 'Go',
  cpp: 'C++',
  java: 'Java',
  python: 'Python',
  redis: 'Redis',
  mysql: 'MySQL',
  network: '计算机网络',
  os: '操作系统',
  distributed: '分布式',
  cloud: '云原生',
  mq: '消息队列',
  'system-design': '系统设计',
  algorithms: '算法',
  security: '安全',
  blockchain: '区块链',
  project: '项目经历',
  behavioural: '综合/行为',
};

/** "Go、Redis 和 MySQL"; the whole bank reads as "综合技术". */
export function topicList(topics: readonly TopicId[]): string {
  const names = topics.map((topic) => topicNames[topic]);
  if (names.length === 0) return '综合技术';
  if (names.length === 1) return names[0] ?? '';
  return `${names.slice(0, -1).join('、')} 和 ${names[names.length - 1] ?? ''}`;
}
