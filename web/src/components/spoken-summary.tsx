import type { Report, Turn } from '../api.ts';
import { useI18n } from '../i18n.ts';
import { formatFillers, formatSpeakingTime, voiceText } from '../voice/voice-text.ts';

/** "口述 · 0:42" on a spoken answer in the transcript. */
export function SpokenChip({ turn }: { turn: Turn }) {
  const { lang } = useI18n();
  if (!turn.spoken) return null;
  const time = turn.speech && turn.speech.speakingMs > 0 ? ` · ${formatSpeakingTime(turn.speech.speakingMs)}` : '';
  return (
    <span class="chip chip-spoken" data-testid="spoken-chip">
      {voiceText(lang, 'spokenMark')}
      {time}
    </span>
  );
}

/** The report's speaking table: time, pace and filler words of each spoken answer; not graded. */
export function SpokenSummary({ spoken }: { spoken: Report['spoken'] }) {
  const { lang } = useI18n();
  if (spoken.length === 0) return null;
  const text = (key: Parameters<typeof voiceText>[1]) => voiceText(lang, key);
  return (
    <>
      <h2>{text('spokenTitle')}</h2>
      <p class="muted small">{text('spokenNote')}</p>
      <table class="spoken-table" data-testid="spoken-summary">
        <thead>
          <tr>
            <th scope="col">{text('question')}</th>
            <th scope="col">{text('speakingTimeHeader')}</th>
            <th scope="col">{text('pace')}</th>
            <th scope="col">{text('fillers')}</th>
          </tr>
        </thead>
        <tbody>
          {spoken.map((answer) => (
            <tr key={answer.seq}>
              <td class="plain">{answer.question}</td>
              <td>{formatSpeakingTime(answer.speakingMs)}</td>
              <td>{answer.charsPerMinute ?? '—'}</td>
              <td data-testid="spoken-fillers">{formatFillers(lang, answer.fillers)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
