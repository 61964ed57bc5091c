/**
 * Checks an LLM-worded interviewer line must pass before a candidate sees it or it is stored. A
 * small or broken model produces lines that are cut off, in no language at all, far too long,
 * missing the question they were meant to ask, or that simply recite the note; each is caught
 * here and named, so the engine can fall back to its offline line and the log can say why.
 */

/** Consecutive characters of a note that a line may not repeat: more would be reciting the answer. */
export const leakRunChars = 16;

export type LineLanguage = 'zh' | 'en';

export interface LineExpectation {
  /** Longest line allowed, in characters, as the prompt tells the model; a quoted question is extra. */
  maxChars: number;
  language: LineLanguage;
  /** The bank question the line must ask; when the line lacks it the question is shown beside it. */
  question?: string;
  /** The line must itself ask something (a follow-up), i.e. end in or contain a question mark. */
  asks?: boolean;
  /** Note texts the model saw (the card's reference, what its tools returned): not to be recited. */
  notes: readonly string[];
}

export type LineVerdict = { ok: true; text: string } | { ok: false; reason: string };

/** Finish reasons of a reply that ended on its own: plain text, or a decision sent as a tool call. */
const completeFinishReasons: readonly string[] = ['stop', 'tool_calls'];

export function checkLine(raw: string, finishReason: string | undefined, expect: LineExpectation): LineVerdict {
  if (finishReason !== undefined && !completeFinishReasons.includes(finishReason)) return { ok: false, reason: `finish_reason ${finishReason}` };
  const line = cleanLine(raw);
  if (!line) return { ok: false, reason: 'empty line' };
  const asked = expect.question && containsQuestion(line, expect.question);
  const own = asked && expect.question ? line.replace(expect.question, '') : line;
  if ([...own].length > expect.maxChars) return { ok: false, reason: `line longer than ${expect.maxChars} characters` };
  const share = languageShare(own, expect.language);
  if (share < 0.6) return { ok: false, reason: `line is not mostly ${expect.language === 'zh' ? 'Chinese' : 'English'} (${share.toFixed(2)})` };
  if (expect.asks && !/[?？]/.test(own)) return { ok: false, reason: 'follow-up asks no question' };
  const leaked = expect.notes.some((note) => repeatsRun(own, note, leakRunChars));
  if (leaked) return { ok: false, reason: `line repeats ${leakRunChars}+ characters of the notes` };
  // The candidate must always see the real question: when the wording dropped it, show it beside.
  const text = expect.question && !asked ? `${line}\n\n${expect.question}` : line;
  return { ok: true, text };
}

/** Strips what models add around a line: a speaker label, wrapping quotes, surrounding space. */
function cleanLine(text: string): string {
  return text
    .trim()
    .replace(/^(面试官|interviewer)\s*[:：]\s*/i, '')
    .replace(/^["“「](.*)["”」]$/s, '$1')
    .trim();
}

function normalised(text: string): string {
  return text.replace(/[\s"'“”‘’「」『』《》,，。.!！?？:：;；、()（）]/g, '').toLowerCase();
}

function containsQuestion(line: string, question: string): boolean {
  const wanted = normalised(question);
  return wanted.length > 0 && normalised(line).includes(wanted);
}

/**
 * Share of the line's words in the expected language: each Han character counts as a word, each
 * run of Latin letters as one (so "说说 epoll 和 select 的区别" is mostly Chinese, and
 * "align区块 PrincetonAMPL Lod去看" is not).
 */
export function languageShare(text: string, language: LineLanguage): number {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const latin = text.match(/[A-Za-z]+/g)?.length ?? 0;
  const other = text.match(/[^\p{Script=Han}A-Za-z0-9\s\p{P}\p{S}]/gu)?.length ?? 0;
  const words = han + latin + other;
  if (words === 0) return 0;
  return (language === 'zh' ? han : latin) / words;
}

/** Whether `text` repeats `run` or more consecutive characters of `note` (whitespace ignored). */
export function repeatsRun(text: string, note: string, run: number): boolean {
  const compactNote = note.replace(/\s+/g, '');
  const characters = [...text.replace(/\s+/g, '')];
  if (characters.length < run || compactNote.length < run) return false;
  for (let start = 0; start + run <= characters.length; start += 1) {
    if (compactNote.includes(characters.slice(start, start + run).join(''))) return true;
  }
  return false;
}
