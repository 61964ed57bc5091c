import type { TopicId } from '../core/types.ts';
import { topicNames } from '../ingest/topics.ts';

export { topicNames };

/** "Go 语言、Redis 与缓存 和 MySQL 与数据库"; the whole bank reads as "综合技术". */
export function topicList(topics: readonly TopicId[]): string {
  const names = topics.map((topic) => topicNames[topic]);
  if (names.length === 0) return '综合技术';
  if (names.length === 1) return names[0] ?? '';
  return `${names.slice(0, -1).join('、')} 和 ${names[names.length - 1] ?? ''}`;
}
