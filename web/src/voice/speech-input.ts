/**
 * Capturing a spoken answer with one of two engines:
 * - `browser`: the browser's own SpeechRecognition (Chrome, Edge, Safari), live, zh-CN or en-US;
 * - `server`: MediaRecorder, then POST /api/transcriptions (LLM mode with a transcription model).
 * Chromium builds without Google's speech service (Debian's, headless) define SpeechRecognition but
 * fail at once; such a failure is `engine-broken`, and the caller falls back to the server engine.
 */
import { ApiError } from '../api.ts';
import { voiceApi } from './voice-api.ts';

export type CaptureEngine = 'browser' | 'server';
export type CaptureFailure = 'denied' | 'no-device' | 'no-speech' | 'engine-broken' | 'too-long' | 'upstream' | 'unsupported';

export class CaptureError extends Error {
  constructor(
    readonly failure: CaptureFailure,
    detail: string,
    /** A message the server wrote for the user, shown as it is. */
    readonly serverMessage?: string,
  ) {
    super(detail);
  }
}

/** The server answered with an error of its own (not a dropped connection or a proxy's page). */
function serverSaid(error: unknown): string | undefined {
  return error instanceof ApiError && error.status > 0 && !error.code.startsWith('http_') ? error.message : undefined;
}

export interface CaptureCallbacks {
  /** The transcript so far: live (interim included) for the browser engine, once transcribed for the server. */
  onTranscript(text: string): void;
  onState(state: 'listening' | 'transcribing'): void;
  /** The capture ended: its final transcript and how long the microphone was open. */
  onDone(result: { text: string; speakingMs: number }): void;
  onError(error: CaptureError): void;
}

export interface CaptureOptions {
  lang: 'zh' | 'en';
  sessionId: string;
  keepAudio: boolean;
  maxAudioBytes: number;
}

export interface Capture {
  /** Ends listening; the transcript follows through `onDone`. */
  stop(): void;
}

interface RecognitionResultList {
  length: number;
  [index: number]: { isFinal: boolean; 0: { transcript: string } };
}
interface Recognition {
  lang: string;
  continuous: boolean;
  interimResults: boolean;
  onresult: ((event: { resultIndex: number; results: RecognitionResultList }) => void) | null;
  onerror: ((event: { error: string; message?: string }) => void) | null;
  onend: (() => void) | null;
  start(): void;
  stop(): void;
}
type RecognitionConstructor = new () => Recognition;

export function recognitionConstructor(): RecognitionConstructor | undefined {
  const scope = window as unknown as { SpeechRecognition?: RecognitionConstructor; webkitSpeechRecognition?: RecognitionConstructor };
  return scope.SpeechRecognition ?? scope.webkitSpeechRecognition;
}

export function canRecord(): boolean {
  return typeof MediaRecorder !== 'undefined' && Boolean(navigator.mediaDevices?.getUserMedia);
}

/** Recognition errors that mean "this browser's service cannot work here", not "the user said no". */
const brokenEngineErrors = new Set(['network', 'service-not-allowed', 'audio-capture', 'language-not-supported', 'bad-grammar']);

function captureBrowser(Recognizer: RecognitionConstructor, options: CaptureOptions, callbacks: CaptureCallbacks): Capture {
  const recognition = new Recognizer();
  recognition.lang = options.lang === 'zh' ? 'zh-CN' : 'en-US';
  recognition.continuous = true;
  recognition.interimResults = true;
  const started = Date.now();
  let finalText = '';
  let failure: string | undefined;
  recognition.onresult = (event) => {
    let interim = '';
    for (let index = event.resultIndex; index < event.results.length; index++) {
      const result = event.results[index];
      if (!result) continue;
      if (result.isFinal) finalText += result[0].transcript;
      else interim += result[0].transcript;
    }
    callbacks.onTranscript(finalText + interim);
  };
  recognition.onerror = (event) => {
    failure = event.error;
  };
  recognition.onend = () => {
    if (failure === 'not-allowed') callbacks.onError(new CaptureError('denied', failure));
    else if (failure && brokenEngineErrors.has(failure)) callbacks.onError(new CaptureError('engine-broken', failure));
    else if (failure === 'no-speech' && !finalText) callbacks.onError(new CaptureError('no-speech', failure));
    else callbacks.onDone({ text: finalText, speakingMs: Date.now() - started });
  };
  callbacks.onState('listening');
  recognition.start();
  return { stop: () => recognition.stop() };
}

/** The first container this browser records that the server accepts. */
function recordingType(): string | undefined {
  return ['audio/webm;codecs=opus', 'audio/ogg;codecs=opus', 'audio/mp4', 'audio/webm'].find((type) => MediaRecorder.isTypeSupported(type));
}

function microphoneFailure(error: unknown): CaptureError {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return new CaptureError('denied', name);
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'NotReadableError') return new CaptureError('no-device', name);
  return new CaptureError('unsupported', name || String(error));
}

async function captureServer(options: CaptureOptions, callbacks: CaptureCallbacks): Promise<Capture> {
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ audio: true });
  } catch (error) {
    throw microphoneFailure(error);
  }
  const type = recordingType();
  const recorder = new MediaRecorder(stream, type ? { mimeType: type } : undefined);
  const chunks: Blob[] = [];
  let bytes = 0;
  let tooLong = false;
  const started = Date.now();
  let stoppedAt = started;
  recorder.ondataavailable = (event) => {
    chunks.push(event.data);
    bytes += event.data.size;
    // Stop a little before the server's limit rather than record what it would refuse.
    if (bytes > options.maxAudioBytes * 0.9 && recorder.state === 'recording') {
      tooLong = true;
      recorder.stop();
    }
  };
  recorder.onstop = () => {
    stoppedAt = Date.now();
    for (const track of stream.getTracks()) track.stop();
    const blobType = (recorder.mimeType || type || 'audio/webm').split(';')[0] ?? 'audio/webm';
    const audio = new Blob(chunks, { type: blobType });
    callbacks.onState('transcribing');
    voiceApi
      .transcribe({ audio, type: blobType, language: options.lang, keepAudio: options.keepAudio, sessionId: options.sessionId })
      .then(
        ({ text }) => {
          if (text) callbacks.onTranscript(text);
          if (tooLong) callbacks.onError(new CaptureError('too-long', ''));
          if (!text) callbacks.onError(new CaptureError('no-speech', ''));
          else callbacks.onDone({ text, speakingMs: stoppedAt - started });
        },
        // The server's own message (502, 413, 503) already says what happened and that typed text is safe.
        (error: unknown) => callbacks.onError(new CaptureError('upstream', error instanceof ApiError ? error.message : String(error), serverSaid(error))),
      );
  };
  recorder.start(1000);
  callbacks.onState('listening');
  return { stop: () => recorder.state === 'recording' && recorder.stop() };
}

export async function startCapture(engine: CaptureEngine, options: CaptureOptions, callbacks: CaptureCallbacks): Promise<Capture> {
  const Recognizer = recognitionConstructor();
  if (engine === 'browser' && Recognizer) return captureBrowser(Recognizer, options, callbacks);
  if (engine === 'server' && canRecord()) return captureServer(options, callbacks);
  throw new CaptureError('unsupported', engine);
}
