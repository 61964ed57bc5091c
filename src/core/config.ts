import { z } from 'zod';
import { AppError } from './errors.ts';

/**
 * Provider presets: an OpenAI-compatible base URL plus sensible default models, so a user only
 * sets `MIANBA_LLM_PRESET` and a key. Explicit env vars always win over a preset.
 */
export const llmPresets = {
  openai: {
    baseURL: 'https://api.openai.com/v1',
    chatModel: 'gpt-4o-mini',
    embeddingModel: 'text-embedding-3-small',
    transcriptionModel: 'whisper-1',
  },
  deepseek: { baseURL: 'https://api.deepseek.com/v1', chatModel: 'deepseek-chat', embeddingModel: undefined },
  qwen: {
    baseURL: 'https://dashscope.aliyuncs.com/compatible-mode/v1',
    chatModel: 'qwen-plus',
    embeddingModel: 'text-embedding-v3',
  },
  ollama: { baseURL: 'http://127.0.0.1:11434/v1', chatModel: 'qwen2.5:7b', embeddingModel: 'nomic-embed-text' },
} as const satisfies Record<string, { baseURL: string; chatModel: string; embeddingModel: string | undefined; transcriptionModel?: string }>;

export type LlmPreset = keyof typeof llmPresets;

/**
 * Without a preset, a custom base URL is usually OpenAI itself, vLLM or a local whisper server,
 * which all serve Whisper-compatible transcription; presets whose providers have none
 * (DeepSeek, DashScope's compatible mode, Ollama) leave it off unless the variable names a model.
 */
const defaultTranscriptionModel = 'whisper-1';

const optionalText = z
  .string()
  .transform((value) => value.trim())
  .pipe(z.string())
  .optional()
  .transform((value) => (value ? value : undefined));

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(8787),
  // Loopback by default: a laptop tool should not be reachable from the café Wi-Fi without ACCESS_TOKEN.
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  MIANBA_CORPUS_DIR: z.string().default('corpus'),
  MIANBA_DATA_DIR: z.string().default('data'),
  MIANBA_LLM_PRESET: z.enum(Object.keys(llmPresets) as [LlmPreset, ...LlmPreset[]]).optional(),
  OPENAI_API_KEY: optionalText,
  OPENAI_BASE_URL: optionalText.pipe(z.url().optional()),
  MIANBA_CHAT_MODEL: optionalText,
  MIANBA_EMBEDDING_MODEL: optionalText,
  MIANBA_EMBEDDINGS: z.enum(['lexical', 'openai']).default('lexical'),
  MIANBA_TRANSCRIPTION_MODEL: optionalText,
  MIANBA_SPEECH_MODEL: optionalText,
  MIANBA_SPEECH_VOICE: optionalText,
  MIANBA_AUDIO_BASE_URL: optionalText.pipe(z.url().optional()),
  MIANBA_LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  MIANBA_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  MIANBA_TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  ACCESS_TOKEN: optionalText,
});

export interface LlmConfig {
  apiKey: string;
  baseURL: string;
  chatModel: string;
  embeddingModel: string | undefined;
  /** Model of `/audio/transcriptions` for spoken answers; absent when the provider has none. */
  transcriptionModel?: string;
  /** Model and voice of `/audio/speech` for the interviewer's lines; absent means the browser's own voice. */
  speech?: { model: string; voice: string };
  /** Where the audio endpoints live when not at `baseURL` (a chat-only provider plus a local whisper server). */
  audioBaseURL?: string;
  timeoutMs: number;
}

export interface Config {
  port: number;
  host: string;
  corpusDir: string;
  dataDir: string;
  /** Present only when an LLM is configured; its absence means the offline default. */
  llm: LlmConfig | undefined;
  /** Why the product runs in the mode it does, shown by /api/health and the CLI. */
  modeReason: string;
  embeddings: 'lexical' | 'openai';
  rateLimitPerMinute: number;
  /** Reverse proxies in front of `npm start` whose X-Forwarded-For entries are believed. */
  trustedProxyHops: number;
  accessToken: string | undefined;
}

function voiceModels(
  e: Pick<z.output<typeof envSchema>, 'MIANBA_TRANSCRIPTION_MODEL' | 'MIANBA_SPEECH_MODEL' | 'MIANBA_SPEECH_VOICE' | 'MIANBA_AUDIO_BASE_URL'>,
  preset: (typeof llmPresets)[LlmPreset] | undefined,
): Pick<LlmConfig, 'transcriptionModel' | 'speech' | 'audioBaseURL'> {
  // A separate audio server is Whisper-compatible by definition, whatever the chat preset lacks.
  const presetModel = preset ? ('transcriptionModel' in preset ? preset.transcriptionModel : undefined) : defaultTranscriptionModel;
  const transcriptionModel = e.MIANBA_TRANSCRIPTION_MODEL ?? (e.MIANBA_AUDIO_BASE_URL ? defaultTranscriptionModel : presetModel);
  return {
    ...(e.MIANBA_AUDIO_BASE_URL ? { audioBaseURL: e.MIANBA_AUDIO_BASE_URL } : {}),
    ...(transcriptionModel ? { transcriptionModel } : {}),
    ...(e.MIANBA_SPEECH_MODEL ? { speech: { model: e.MIANBA_SPEECH_MODEL, voice: e.MIANBA_SPEECH_VOICE ?? 'alloy' } } : {}),
  };
}

/** Reads configuration from an env record (process.env on Node, bindings on Workers). */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('bad_request', `invalid configuration ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`);
  }
  const e = parsed.data;
  const preset = e.MIANBA_LLM_PRESET ? llmPresets[e.MIANBA_LLM_PRESET] : undefined;
  // Ollama and other local servers accept any key, so a preset or base URL alone enables the LLM.
  const apiKey = e.OPENAI_API_KEY ?? (e.MIANBA_LLM_PRESET === 'ollama' || e.OPENAI_BASE_URL ? 'local' : undefined);
  const llm: LlmConfig | undefined = apiKey
    ? {
        apiKey,
        baseURL: e.OPENAI_BASE_URL ?? preset?.baseURL ?? llmPresets.openai.baseURL,
        chatModel: e.MIANBA_CHAT_MODEL ?? preset?.chatModel ?? llmPresets.openai.chatModel,
        embeddingModel: e.MIANBA_EMBEDDING_MODEL ?? preset?.embeddingModel,
        ...voiceModels(e, preset),
        timeoutMs: e.MIANBA_LLM_TIMEOUT_MS,
      }
    : undefined;
  if (e.MIANBA_EMBEDDINGS === 'openai' && !llm?.embeddingModel) {
    throw new AppError('bad_request', 'MIANBA_EMBEDDINGS=openai needs OPENAI_API_KEY (or a preset) and an embedding model');
  }
  const modeReason = llm
    ? // Shown by /api/health, so it names the model but not the provider's host.
      `LLM mode: ${llm.chatModel}${e.MIANBA_LLM_PRESET ? ` (preset ${e.MIANBA_LLM_PRESET})` : ''}`
    : 'offline mode: no OPENAI_API_KEY, OPENAI_BASE_URL or MIANBA_LLM_PRESET set';
  return {
    port: e.PORT,
    host: e.HOST,
    corpusDir: e.MIANBA_CORPUS_DIR,
    dataDir: e.MIANBA_DATA_DIR,
    llm,
    modeReason,
    embeddings: e.MIANBA_EMBEDDINGS,
    rateLimitPerMinute: e.MIANBA_RATE_LIMIT_PER_MINUTE,
    trustedProxyHops: e.MIANBA_TRUSTED_PROXY_HOPS,
    accessToken: e.ACCESS_TOKEN,
  };
}
