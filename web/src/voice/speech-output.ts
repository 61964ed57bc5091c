/**
 * Reading the interviewer's lines aloud: the server voice (POST /api/speech) where the server has
 * one, else the browser's speechSynthesis with a Chinese voice for Chinese lines. The settings
 * (mute, rate, spoken interview mode, keep recordings) persist in localStorage.
 */
import { voiceApi } from './voice-api.ts';

export interface VoiceSettings {
  muted: boolean;
  /** speechSynthesis rate, 0.5–2 (1 is normal). */
  rate: number;
  /** Spoken interview mode: each line is read aloud, then the microphone opens. */
  spokenMode: boolean;
  /** The user's opt-in to keep recordings on the server. */
  keepAudio: boolean;
}

const storageKey = 'mianba.voice';
const defaults: VoiceSettings = { muted: false, rate: 1, spokenMode: false, keepAudio: false };

export function loadVoiceSettings(): VoiceSettings {
  try {
    const stored = JSON.parse(localStorage.getItem(storageKey) ?? '{}') as Partial<VoiceSettings>;
    const rate = typeof stored.rate === 'number' && stored.rate >= 0.5 && stored.rate <= 2 ? stored.rate : defaults.rate;
    return {
      muted: stored.muted === true,
      rate,
      spokenMode: stored.spokenMode === true,
      keepAudio: stored.keepAudio === true,
    };
  } catch {
    return { ...defaults };
  }
}

export function saveVoiceSettings(settings: VoiceSettings): void {
  try {
    localStorage.setItem(storageKey, JSON.stringify(settings));
  } catch {
    // Private mode or a full quota: the settings hold for this page only.
  }
}

const cjk = /[\u3400-\u9fff]/;

/** Markdown an interviewer line may hold (code fences, emphasis, links) is not read out as symbols. */
export function speakableText(line: string): string {
  return line
    .replace(/```[\s\S]*?```/g, cjk.test(line) ? '（代码见屏幕）' : '(code on screen)')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_#>]+/g, '')
    .trim();
}

/** A Chinese voice for Chinese text (zh-CN first), an English one otherwise; undefined leaves it to the browser. */
export function pickVoice(voices: readonly SpeechSynthesisVoice[], text: string): SpeechSynthesisVoice | undefined {
  const wanted = cjk.test(text) ? ['zh-cn', 'zh'] : ['en-us', 'en'];
  for (const prefix of wanted) {
    const found = voices.find((voice) => voice.lang.toLowerCase().replace('_', '-').startsWith(prefix));
    if (found) return found;
  }
  return undefined;
}

export interface Speaker {
  /** Reads `line`; `onDone` fires when it ends, fails, or is cancelled. */
  speak(line: string, settings: VoiceSettings, onDone: () => void): void;
  cancel(): void;
}

/** With no voice installed an utterance may never end; the mic must still open after a reasonable wait. */
function patienceMs(text: string, rate: number): number {
  return Math.min(60_000, 2_000 + (text.length * 280) / rate);
}

export function createSpeaker(serverVoice: () => boolean): Speaker {
  let current: { cancel: () => void } | undefined;
  const cancel = () => {
    current?.cancel();
    current = undefined;
  };

  function speakInBrowser(text: string, settings: VoiceSettings, done: () => void): { cancel: () => void } {
    const synthesis = typeof speechSynthesis === 'undefined' ? undefined : speechSynthesis;
    if (!synthesis) {
      done();
      return { cancel: () => undefined };
    }
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = cjk.test(text) ? 'zh-CN' : 'en-US';
    utterance.rate = settings.rate;
    const voice = pickVoice(synthesis.getVoices(), text);
    if (voice) utterance.voice = voice;
    const timer = setTimeout(done, patienceMs(text, settings.rate));
    const finish = () => {
      clearTimeout(timer);
      done();
    };
    utterance.onend = finish;
    utterance.onerror = finish;
    synthesis.cancel();
    synthesis.speak(utterance);
    return {
      cancel: () => {
        clearTimeout(timer);
        utterance.onend = null;
        utterance.onerror = null;
        synthesis.cancel();
      },
    };
  }

  function speakOnServer(text: string, settings: VoiceSettings, done: () => void): { cancel: () => void } {
    const controller = new AbortController();
    let audio: HTMLAudioElement | undefined;
    let fallback: { cancel: () => void } | undefined;
    let url = '';
    const release = () => url && URL.revokeObjectURL(url);
    voiceApi.speech(text, controller.signal).then(
      (blob) => {
        url = URL.createObjectURL(blob);
        audio = new Audio(url);
        audio.playbackRate = settings.rate;
        audio.onended = () => {
          release();
          done();
        };
        // Audio the browser cannot play (decode error, autoplay refused): its own voice reads the line.
        const playInstead = () => {
          if (fallback || controller.signal.aborted) return;
          release();
          fallback = speakInBrowser(text, settings, done);
        };
        audio.onerror = playInstead;
        audio.play().catch(playInstead);
      },
      () => {
        // The server voice failed: the browser's own voice reads the line instead.
        if (!controller.signal.aborted) fallback = speakInBrowser(text, settings, done);
      },
    );
    return {
      cancel: () => {
        controller.abort();
        audio?.pause();
        release();
        fallback?.cancel();
      },
    };
  }

  return {
    speak(line, settings, onDone) {
      cancel();
      const text = speakableText(line);
      if (settings.muted || !text) return onDone();
      let finished = false;
      const done = () => {
        if (finished) return;
        finished = true;
        onDone();
      };
      current = serverVoice() ? speakOnServer(text, settings, done) : speakInBrowser(text, settings, done);
    },
    cancel,
  };
}
