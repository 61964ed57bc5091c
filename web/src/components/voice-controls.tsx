import { useI18n } from '../i18n.ts';
import type { VoiceAnswer } from '../voice/use-voice-answer.ts';
import { voiceText } from '../voice/voice-text.ts';

const micIcon = (
  <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
    <rect x="9" y="3" width="6" height="11" rx="3" />
    <path d="M5 11a7 7 0 0 0 14 0M12 18v3" />
  </svg>
);

/** The microphone button, the engine in use, its state and messages, and the read-aloud settings. */
export function VoiceControls({ voice, disabled }: { voice: VoiceAnswer; disabled: boolean }) {
  const { lang } = useI18n();
  const text = (key: Parameters<typeof voiceText>[1]) => voiceText(lang, key);
  const listening = voice.state === 'listening';
  const engineLabel = voice.engine === 'browser' ? text('engineBrowser') : voice.engine === 'server' ? text('engineServer') : text('engineNone');
  return (
    <div class="voice" data-engine={voice.engine ?? 'none'} data-state={voice.state}>
      <div class="voice-row">
        <button
          type="button"
          class={`btn mic-button${listening ? ' is-listening' : ''}`}
          data-testid="mic-button"
          aria-pressed={listening}
          disabled={!voice.engine || voice.state === 'transcribing' || (disabled && !listening)}
          onClick={voice.toggleMic}
        >
          {micIcon}
          {listening ? text('stop') : text('speak')}
        </button>
        <span class="muted small" data-testid="voice-engine">
          {engineLabel}
        </span>
        <span class="small voice-state" role="status" data-testid="voice-state">
          {listening ? text('listening') : voice.state === 'transcribing' ? text('transcribing') : ''}
        </span>
      </div>
      {voice.message ? (
        <p class={voice.message.kind === 'error' ? 'notice voice-message field-error' : 'notice voice-message'} role="alert" data-testid="voice-message">
          {voice.message.text}
        </p>
      ) : null}
      <div class="voice-row voice-settings small">
        <label class="toggle">
          <input type="checkbox" data-testid="voice-mute" checked={voice.settings.muted} onChange={(event) => voice.updateSettings({ muted: event.currentTarget.checked })} />
          {text('mute')}
        </label>
        <label class="voice-rate">
          {text('rate')}
          <input
            type="range"
            min="0.5"
            max="2"
            step="0.1"
            data-testid="voice-rate"
            value={voice.settings.rate}
            onInput={(event) => voice.updateSettings({ rate: Number(event.currentTarget.value) })}
          />
          <span aria-hidden="true">{voice.settings.rate.toFixed(1)}×</span>
        </label>
        <button type="button" class="btn btn-small" data-testid="voice-replay" onClick={voice.replay}>
          {text('replay')}
        </button>
        <label class="toggle">
          <input
            type="checkbox"
            data-testid="spoken-mode"
            checked={voice.settings.spokenMode}
            disabled={!voice.engine}
            onChange={(event) => voice.updateSettings({ spokenMode: event.currentTarget.checked })}
          />
          {text('spokenMode')}
        </label>
        {voice.engine === 'server' && voice.info?.keepAudio ? (
          <label class="toggle">
            <input type="checkbox" data-testid="keep-audio" checked={voice.settings.keepAudio} onChange={(event) => voice.updateSettings({ keepAudio: event.currentTarget.checked })} />
            {text('keepAudio')}
          </label>
        ) : null}
      </div>
    </div>
  );
}
