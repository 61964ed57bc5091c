/** The grader prompts and one TCP question, note and honest answer shared by the LLM grader tests. */
import { readFileSync } from 'node:fs';
import type { Reference } from '../../src/core/types.ts';

export const prompts = {
  'grader-system': readFileSync(new URL('../../prompts/grader-system.md', import.meta.url), 'utf8'),
  'grader-user': readFileSync(new URL('../../prompts/grader-user.md', import.meta.url), 'utf8'),
};
export const question = 'TCP 为什么需要三次握手？';
export const references: Reference[] = [
  {
    source: 'network.md',
    heading: '网络 > TCP 为什么需要三次握手？',
    text: `- 客户端发送 SYN，服务端回复 SYN+ACK，客户端再回复 ACK。
- 三次握手用来确认双方的发送和接收能力都正常，并同步双方的初始序列号。
- 如果只有两次握手，已经失效的历史连接请求到达服务端时，服务端会误建立连接、浪费资源。`,
  },
];
export const answer = '客户端发 SYN，服务端回 SYN+ACK，客户端再回 ACK，双方都确认了彼此能收能发，也同步了初始序列号。';
