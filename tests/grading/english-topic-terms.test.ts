import { describe, expect, it } from 'vitest';
import { scoreAnswer } from '../../src/grading/offline-scorer.ts';
import { conceptTokens, topicTokensInChinese, topicTokensInEnglish } from '../../src/text/glossary.ts';

const question = 'WebServer 里的主从状态机是怎么解析 HTTP 请求报文的？';
const note = '主状态机有三种状态，分别对应请求行的解析、请求头的解析和请求内容的解析；从状态机负责逐行读取，报告一行已经读完、行中有错误字段或者行数据尚不完整。';

describe("an English answer names the topic's mechanisms in English", () => {
  it('credits "master state machine … request line" against a note that says 主状态机 … 请求行', () => {
    const answer =
      'The master state machine has three states: parsing the request line, the request headers and the body. The slave state machine reads line by line and reports whether a line is complete, has a bad field, or is still incomplete.';
    expect(scoreAnswer({ question, answer, references: [note] }).score).toBeGreaterThanOrEqual(8);
    expect(scoreAnswer({ question, answer: 'I would put a CDN in front and cache the hot keys in Redis, then scale the web tier horizontally.', references: [note] }).score).toBe(0);
  });

  it('reads the topic vocabulary in a note only where the note has no English word for it', () => {
    expect(topicTokensInEnglish('the slave state machine reports a bad request line')).toEqual(expect.arrayContaining(['~request_line', '~sub_state_machine']));
    expect(topicTokensInChinese('主状态机解析请求行')).toEqual(expect.arrayContaining(['~main_state_machine', '~request_line']));
    // "SYN包" has its English word already: counted twice, answers listing TCP states were drawn to a note on SYN floods.
    expect(topicTokensInChinese('服务器收到SYN包后回复SYN-ACK包')).toEqual([]);
  });

  it('leaves the concepts of Chinese text as the core glossary has them', () => {
    expect(conceptTokens('主状态机解析请求行')).not.toContain('~main_state_machine');
  });
});
