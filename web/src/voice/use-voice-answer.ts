import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Lang } from '../i18n.ts';
import { canRecord, CaptureError, recognitionConstructor, startCapture, type Capture, type CaptureEngine } from './speech-input.ts';
import { createSpeaker, loadVoiceSettings, saveVoiceSettings, type VoiceSettings } from './speech-output.ts';
import { voiceApi, type VoiceInfo } from './voice-api.ts';
import { voiceText, type VoiceTextKey } from './voice-text.ts';

/** What a submitted answer says about how it was spoken (the answer route's `spoken` and `speech`). */
export interface SpokenFields {
  spoken: true;
  speech: { engine: CaptureEngine; speakingMs: number; spokenChars: number };
}

export interface VoiceAnswer {
  info: VoiceInfo | undefined;
  engine: CaptureEngine | null;
  state: 'idle' | 'listening' | 'transcribing';
  message: { kind: 'error' | 'info'; text: string } | undefined;
  settings: VoiceSettings;
  updateSettings(change: Partial<VoiceSettings>): void;
  toggleMic(): void;
  replay(): void;
  /** The spoken mark for the answer about to be submitted; undefined when nothing was spoken. */
  spokenFields(): SpokenFields | undefined;
  /** Forget the spoken answer after it was submitted. */
  reset(): void;
}

const offline: VoiceInfo = { transcription: false, speech: false, keepAudio: false, maxAudioBytes: 0 };

const failureMessages: Record<CaptureError['failure'], VoiceTextKey> = {
  denied: 'denied',
  'no-device': 'noDevice',
  'no-speech': 'noSpeech',
  'engine-broken': 'noEngine',
  'too-long': 'tooLong',
  upstream: 'upstream',
  unsupported: 'unsupported',
};

/** A transcript joins what was typed before it with one space (or none, after Chinese punctuation or a line end). */
function joined(before: string, spoken: string): string {
  if (!before.trim()) return spoken;
  return /[\s，。！？、；：]$/.test(before) ? `${before}${spoken}` : `${before} ${spoken}`;
}

/**
 * The voice side of answering: which engine captures speech, the microphone's state, reading the
 * interviewer's latest line aloud, and the spoken interview mode that opens the mic after it.
 */
export function useVoiceAnswer(options: {
  sessionId: string;
  lang: Lang;
  /** The answer box's text now, and how to replace it (the draft is saved by the caller). */
  text: () => string;
  setText: (text: string) => void;
  /** The interviewer line awaiting an answer, with its seq; null when the session is finished. */
  line: { text: string; seq: number | undefined } | null;
  /** Submitting or waiting: the mic stays shut. */
  blocked: boolean;
}): VoiceAnswer {
  const { lang } = options;
  const [settings, setSettings] = useState(loadVoiceSettings);
  const [info, setInfo] = useState<VoiceInfo>();
  const [browserBroken, setBrowserBroken] = useState(false);
  const [state, setState] = useState<VoiceAnswer['state']>('idle');
  const [message, setMessage] = useState<VoiceAnswer['message']>();
  const capture = useRef<Capture | undefined>(undefined);
  const spoken = useRef<SpokenFields['speech'] | undefined>(undefined);
  const latest = useRef(options);
  latest.current = options;
  const settingsRef = useRef(settings);
  settingsRef.current = settings;
  const infoRef = useRef(info);
  infoRef.current = info;
  const speaker = useMemo(() => createSpeaker(() => Boolean(infoRef.current?.speech)), []);

  useEffect(() => {
    voiceApi.info().then(setInfo, () => setInfo(offline));
    return () => {
      speaker.cancel();
      capture.current?.stop();
    };
  }, []);

  const serverEngine = Boolean(info?.transcription) && canRecord();
  const engine: CaptureEngine | null = recognitionConstructor() && !browserBroken ? 'browser' : serverEngine ? 'server' : null;
  const engineRef = useRef(engine);
  engineRef.current = engine;

  /** `handover`: the browser engine just failed and this starts its replacement, whose notice stays up. */
  const start = (using: CaptureEngine | null = engineRef.current, handover = false) => {
    if (!using || capture.current || latest.current.blocked) return;
    speaker.cancel();
    if (!handover) setMessage(undefined);
    const before = latest.current.text();
    const current = infoRef.current ?? offline;
    startCapture(
      using,
      { lang, sessionId: latest.current.sessionId, keepAudio: settingsRef.current.keepAudio && current.keepAudio, maxAudioBytes: current.maxAudioBytes },
      {
        onTranscript: (transcript) => latest.current.setText(joined(before, transcript)),
        onState: setState,
        onDone: ({ text, speakingMs }) => {
          capture.current = undefined;
          setState('idle');
          if (!text) return;
          const characters = [...text.replace(/\s+/g, '')].length;
          spoken.current = {
            engine: using,
            speakingMs: (spoken.current?.speakingMs ?? 0) + speakingMs,
            spokenChars: (spoken.current?.spokenChars ?? 0) + characters,
          };
        },
        onError: (error) => {
          capture.current = undefined;
          setState('idle');
          // A browser engine that cannot work here hands over to the server engine, once, and keeps going.
          if (error.failure === 'engine-broken' && using === 'browser' && Boolean(infoRef.current?.transcription) && canRecord()) {
            setBrowserBroken(true);
            setMessage({ kind: 'info', text: voiceText(lang, 'fellBack', { error: error.message }) });
            start('server', true);
            return;
          }
          if (error.failure === 'engine-broken') setBrowserBroken(true);
          setMessage({ kind: 'error', text: error.serverMessage ?? voiceText(lang, failureMessages[error.failure], { detail: error.message }) });
        },
      },
    ).then(
      (started) => {
        capture.current = started;
      },
      (error: unknown) => {
        setState('idle');
        const failure = error instanceof CaptureError ? error.failure : 'unsupported';
        setMessage({ kind: 'error', text: voiceText(lang, failureMessages[failure], { detail: '' }) });
      },
    );
  };

  const stop = () => {
    capture.current?.stop();
  };

  // Each new interviewer line is read aloud (unless muted); in spoken mode the mic opens after it.
  const lineKey = options.line ? `${options.line.seq ?? ''}:${options.line.text}` : '';
  useEffect(() => {
    const line = latest.current.line;
    if (!line || info === undefined) return;
    speaker.speak(line.text, settingsRef.current, () => {
      if (settingsRef.current.spokenMode && !latest.current.blocked) start();
    });
  }, [lineKey, info === undefined]);

  return {
    info,
    engine,
    state,
    message: message ?? (info && !engine ? { kind: 'error', text: voiceText(lang, 'noEngine') } : undefined),
    settings,
    updateSettings(change) {
      const next = { ...settingsRef.current, ...change };
      saveVoiceSettings(next);
      setSettings(next);
      if (change.muted) speaker.cancel();
    },
    toggleMic: () => (capture.current ? stop() : start()),
    replay() {
      const line = latest.current.line;
      if (line) speaker.speak(line.text, { ...settingsRef.current, muted: false }, () => undefined);
    },
    spokenFields: () => (spoken.current ? { spoken: true, speech: spoken.current } : undefined),
    reset() {
      spoken.current = undefined;
      setMessage(undefined);
    },
  };
}
