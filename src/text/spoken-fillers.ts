/**
 * Filler words of spoken answers, one vocabulary for its two uses: the voice report counts the ones
 * a speaker can train away (a coaching signal, never graded), and the grader drops them all before
 * it reads an answer's clauses, so a transcribed answer is judged on its statements.
 */

interface HesitationSound {
  /** Pattern source for one run of the sound ("嗯嗯" is one hesitation). */
  source: string;
  /** Its name in the voice report; sounds without one are not worth coaching (啊, 哦 also end sentences). */
  reported?: string;
}

const hesitationSounds: readonly HesitationSound[] = [
  { source: '嗯+', reported: '嗯' },
  { source: '呃+', reported: '呃' },
  { source: '额+' },
  { source: '唔' },
  { source: '啊+' },
  { source: '哦+' },
  { source: 'emmm*' },
  { source: 'um+', reported: 'um/uh' },
  { source: 'uh+', reported: 'um/uh' },
  { source: 'erm', reported: 'um/uh' },
];

/**
 * Phrases that stall while the speaker thinks. Elsewhere they are ordinary words ("那个锁", "这就是原因",
 * "我觉得不对"), so both uses take them only where they stand alone between pauses or other fillers.
 */
const stallingPhrases = ['那个', '就是说?', '然后呢?', '这个嘛?', '怎么说呢', '我记得', '我印象里', '我觉得', '我理解的?话?', '我的理解是', '(?:我(?:的)?理解|我觉得|这个问题)?是这样的'];

const pause = String.raw`[，,。.、！!？?；;：:…\s]|$`;
const clauseStart = String.raw`(?:^|[，,。.、！!？?；;：:…])`;

/** One count per run of the hesitation sounds the report names `word`; Latin ones only as whole words. */
function soundCount(word: string): { word: string; pattern: RegExp } {
  const sources = hesitationSounds.filter((sound) => sound.reported === word).map((sound) => sound.source);
  const latin = sources.every((source) => /^[a-z]/i.test(source));
  return { word, pattern: latin ? new RegExp(String.raw`\b(?:${sources.join('|')})\b`, 'gi') : new RegExp(sources.join('|'), 'g') };
}

/**
 * What the voice report counts, in the order it lists them: the named sounds anywhere, and 那个 /
 * 就是 only where speech uses them to stall: before a pause or another filler, or 就是 at the start
 * of a clause or as 就是说.
 */
const reportedFillers: ReadonlyArray<{ word: string; pattern: RegExp }> = [
  soundCount('嗯'),
  soundCount('呃'),
  { word: '那个', pattern: new RegExp(String.raw`那个(?=${pause}|那个|嗯|呃|就是)`, 'g') },
  {
    word: '就是',
    pattern: new RegExp(String.raw`(?:${clauseStart}(?:嗯|呃)?就是(?!因为|为了|用来|用于|指)|就是说|就是(?=${pause}|嗯|呃|那个))`, 'g'),
  },
  soundCount('um/uh'),
];

export function countFillers(text: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { word, pattern } of reportedFillers) {
    const found = text.match(pattern)?.length ?? 0;
    if (found > 0) counts[word] = found;
  }
  return counts;
}

/**
 * Every filler that stands alone between pauses, with the pause after it. The grader removes them
 * before reading clauses, so a filler clause ("嗯，", "就是，") neither splits a statement nor counts as one.
 */
const standaloneFillers = [
  new RegExp(String.raw`(?<=^|[，,。！!？?；;\s])(?:${hesitationSounds.map(({ source }) => source).join('|')})(?=[，,。…\s]|$)[，,。…\s]*`, 'giu'),
  // A colon after one introduces what follows ("我理解是这样的：Raft 是…"), which the card quoted as evidence.
  new RegExp(String.raw`(?<=^|[，,。！!？?；;\s])(?:${stallingPhrases.join('|')})(?=[，,：:…\s])[，,：:…\s]*`, 'gu'),
];

export function withoutFillers(answer: string): string {
  let text = answer;
  for (const filler of standaloneFillers) text = text.replace(filler, '');
  return text;
}
