/**
 * Filler words in a spoken answer, counted as a coaching signal for the report; never part of the
 * grade. 嗯 and 呃 are always fillers. 那个 and 就是 are also ordinary words ("那个锁", "这就是原因"),
 * so they count only where speech uses them to stall: before a pause or another filler, or 就是 at
 * the start of a clause or as 就是说. A run like 嗯嗯 is one hesitation.
 */
import type { SpeechEngine, SpeechStats } from '../core/types.ts';

const pause = String.raw`[，,。.、！!？?；;：:…\s]|$`;
const clauseStart = String.raw`(?:^|[，,。.、！!？?；;：:…])`;

const fillerPatterns: ReadonlyArray<{ word: string; pattern: RegExp }> = [
  { word: '嗯', pattern: /嗯+/g },
  { word: '呃', pattern: /呃+/g },
  { word: '那个', pattern: new RegExp(String.raw`那个(?=${pause}|那个|嗯|呃|就是)`, 'g') },
  {
    word: '就是',
    pattern: new RegExp(String.raw`(?:${clauseStart}(?:嗯|呃)?就是(?!因为|为了|用来|用于|指)|就是说|就是(?=${pause}|嗯|呃|那个))`, 'g'),
  },
  { word: 'um/uh', pattern: /\b(?:um+|uh+|erm)\b/gi },
];

export function countFillers(text: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { word, pattern } of fillerPatterns) {
    const found = text.match(pattern)?.length ?? 0;
    if (found > 0) counts[word] = found;
  }
  return counts;
}

/** The stats kept with a spoken answer: what the client measured plus the fillers in the text as submitted. */
export function speechStats(text: string, spoken: { engine: SpeechEngine; speakingMs: number; spokenChars?: number | undefined }): SpeechStats {
  return {
    engine: spoken.engine,
    speakingMs: spoken.speakingMs,
    ...(spoken.spokenChars !== undefined ? { spokenChars: spoken.spokenChars } : {}),
    fillers: countFillers(text),
  };
}
