/** What a spoken answer keeps for the voice report; never part of the grade. */
import type { SpeechEngine, SpeechStats } from '../core/types.ts';
import { countFillers } from '../text/spoken-fillers.ts';

/** The stats kept with a spoken answer: what the client measured plus the fillers in the text as submitted. */
export function speechStats(text: string, spoken: { engine: SpeechEngine; speakingMs: number; spokenChars?: number | undefined }): SpeechStats {
  return {
    engine: spoken.engine,
    speakingMs: spoken.speakingMs,
    ...(spoken.spokenChars !== undefined ? { spokenChars: spoken.spokenChars } : {}),
    fillers: countFillers(text),
  };
}
