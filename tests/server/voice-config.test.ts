import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/core/config.ts';

describe('voice settings in the configuration', () => {
  it('transcribes with whisper-1 on OpenAI or a custom base URL, and not on presets whose providers have no transcription', () => {
    expect(parseConfig({ OPENAI_API_KEY: 'k' }).llm?.transcriptionModel).toBe('whisper-1');
    expect(parseConfig({ OPENAI_BASE_URL: 'http://127.0.0.1:8000/v1' }).llm?.transcriptionModel).toBe('whisper-1');
    expect(parseConfig({ OPENAI_API_KEY: 'k', MIANBA_LLM_PRESET: 'openai' }).llm?.transcriptionModel).toBe('whisper-1');
    expect(parseConfig({ OPENAI_API_KEY: 'k', MIANBA_LLM_PRESET: 'deepseek' }).llm?.transcriptionModel).toBeUndefined();
    expect(parseConfig({ MIANBA_LLM_PRESET: 'ollama' }).llm?.transcriptionModel).toBeUndefined();
    expect(parseConfig({ MIANBA_LLM_PRESET: 'qwen', OPENAI_API_KEY: 'k', MIANBA_TRANSCRIPTION_MODEL: 'paraformer-v2' }).llm?.transcriptionModel).toBe('paraformer-v2');
    expect(parseConfig({}).llm).toBeUndefined();
    // DeepSeek for chat, a local whisper server for audio.
    const split = parseConfig({ MIANBA_LLM_PRESET: 'deepseek', OPENAI_API_KEY: 'k', MIANBA_AUDIO_BASE_URL: 'http://127.0.0.1:8000/v1' }).llm;
    expect(split).toMatchObject({ baseURL: 'https://api.deepseek.com/v1', audioBaseURL: 'http://127.0.0.1:8000/v1', transcriptionModel: 'whisper-1' });
    expect(() => parseConfig({ OPENAI_API_KEY: 'k', MIANBA_AUDIO_BASE_URL: 'not a url' })).toThrow(/MIANBA_AUDIO_BASE_URL/);
  });

  it('has a server voice only when a speech model is named, with alloy as the default voice', () => {
    expect(parseConfig({ OPENAI_API_KEY: 'k' }).llm?.speech).toBeUndefined();
    expect(parseConfig({ OPENAI_API_KEY: 'k', MIANBA_SPEECH_MODEL: 'tts-1' }).llm?.speech).toEqual({ model: 'tts-1', voice: 'alloy' });
    expect(parseConfig({ OPENAI_API_KEY: 'k', MIANBA_SPEECH_MODEL: 'tts-1', MIANBA_SPEECH_VOICE: 'nova' }).llm?.speech).toEqual({ model: 'tts-1', voice: 'nova' });
  });
});
