/**
 * Stand-ins for the browser's speech services, installed as page init scripts by the voice e2e
 * tests: headless Chromium has no voices to speak with, and its own recognition needs Google's
 * servers, which a test cannot reach.
 */
import type { Page } from 'playwright-core';

declare global {
  interface Window {
    spokenLines?: { text: string; lang: string; rate: number }[];
    recognitionLangs?: string[];
  }
}

/** Records every utterance the page asks the browser to speak, and ends it at once. */
export function observeSpeech(): void {
  window.spokenLines = [];
  const synthesis = window.speechSynthesis;
  synthesis.speak = (utterance: SpeechSynthesisUtterance) => {
    window.spokenLines?.push({ text: utterance.text, lang: utterance.lang, rate: utterance.rate });
    setTimeout(() => utterance.dispatchEvent(new Event('end')), 50);
  };
}

export const spokenLines = (page: Page) => page.evaluate(() => window.spokenLines ?? []);

/** A browser without speech recognition (Firefox today). */
export function withoutRecognition(): void {
  delete (window as { SpeechRecognition?: unknown }).SpeechRecognition;
  delete (window as { webkitSpeechRecognition?: unknown }).webkitSpeechRecognition;
}

/**
 * The browser's speech service, scripted: Chromium's own recognition needs Google's servers, which
 * a test cannot reach. It speaks in the Web Speech API's event shapes: interim results that become
 * final, then `end` after stop().
 */
export function scriptedRecognition(): void {
  type Result = { isFinal: boolean; 0: { transcript: string }; length: 1 };
  const result = (transcript: string, isFinal: boolean): Result => ({ isFinal, 0: { transcript }, length: 1 });
  class ScriptedRecognition {
    lang = '';
    continuous = false;
    interimResults = false;
    onresult: ((event: { resultIndex: number; results: Result[] }) => void) | null = null;
    onerror: ((event: { error: string }) => void) | null = null;
    onend: (() => void) | null = null;
    private timers: number[] = [];
    start() {
      (window.recognitionLangs ??= []).push(this.lang);
      const first = result('嗯，epoll 用红黑树管理 fd，', true);
      const steps: [number, Result[]][] = [
        [0, [result('嗯，epoll 用红黑树', false)]],
        [0, [first]],
        [1, [first, result('就绪链表', false)]],
      ];
      steps.forEach(([resultIndex, results], index) => {
        this.timers.push(window.setTimeout(() => this.onresult?.({ resultIndex, results }), 150 * (index + 1)));
      });
    }
    stop() {
      for (const timer of this.timers) clearTimeout(timer);
      this.onresult?.({ resultIndex: 1, results: [result('嗯，epoll 用红黑树管理 fd，', true), result('就绪链表放就绪的事件。', true)] });
      setTimeout(() => this.onend?.(), 20);
    }
  }
  (window as { SpeechRecognition?: unknown }).SpeechRecognition = ScriptedRecognition;
}
