import { describe, expect, it } from 'vitest';
import { pickVoice, speakableText } from '../../web/src/voice/speech-output.ts';
import { formatFillers, formatSpeakingTime } from '../../web/src/voice/voice-text.ts';

const voice = (lang: string, name = lang) => ({ lang, name }) as SpeechSynthesisVoice;

describe('reading interviewer lines aloud', () => {
  it('reads the words of a Markdown line, not its symbols, and points at code instead of spelling it out', () => {
    expect(speakableText('说说 **`epoll`** 和 [select](https://x.y) 的区别？')).toBe('说说 epoll 和 select 的区别？');
    expect(speakableText('下面的代码会输出什么？\n```go\nfmt.Println(1)\n```')).toBe('下面的代码会输出什么？\n（代码见屏幕）');
    expect(speakableText('What does this print?\n```go\nfmt.Println(1)\n```')).toBe('What does this print?\n(code on screen)');
  });

  it('picks a Chinese voice for a Chinese line (zh-CN first) and an English one otherwise', () => {
    const voices = [voice('en-US'), voice('zh-TW'), voice('zh_CN', 'Ting-Ting')];
    expect(pickVoice(voices, 'TCP 为什么要三次握手？')?.name).toBe('Ting-Ting');
    expect(pickVoice([voice('en-GB'), voice('zh-TW')], '说说 Redis')?.lang).toBe('zh-TW');
    expect(pickVoice(voices, 'Why three handshakes?')?.lang).toBe('en-US');
    expect(pickVoice([voice('de-DE')], '说说 Redis')).toBeUndefined();
  });

  it('formats speaking time and filler counts for the report', () => {
    expect(formatSpeakingTime(95_400)).toBe('1:35');
    expect(formatSpeakingTime(4_000)).toBe('0:04');
    expect(formatFillers('zh', { 嗯: 3, 那个: 1 })).toBe('嗯 ×3、那个 ×1');
    expect(formatFillers('en', {})).toBe('no fillers');
  });
});
