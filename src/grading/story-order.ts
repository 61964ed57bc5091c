/**
 * The order of a story: "刚开始是在平台内核组，后面组织结构变动，换到了智能湖仓研发组" against an answer's "一开始是在智能湖仓
 * 研发组，后来…才换到了平台内核组". Neither sentence has the order words steps are read by (先…再, 然后), and the two names
 * are words of the note, not Latin or glossary names, so the step readings (reversed-steps.ts) place neither. Here a
 * beginning (刚开始, 一开始, 起初, 最初) and a later turn (后来, 后面, 之后) order two names the note and the answer both write
 * out, four characters or more, the one way in the note and the other in the answer.
 */

const beginning = '(?:刚开始|一开始|起初|最初|开始时|刚入职时)';
const begins = new RegExp(beginning, 'u');
const later = '(?:后来|后面|之后|随后)';
/** Shortest run of Chinese characters, written the same in both texts, that names a thing of the story. */
const minimumNameCharacters = 4;

/** Runs of Chinese characters of `text`, the pieces a name is found in. */
const runsOf = (text: string) => text.match(/[\u4e00-\u9fff]{4,}/gu) ?? [];

/** The names both texts write out: the longest pieces of the answer's runs that the note has verbatim. */
function sharedNames(note: string, said: string): string[] {
  const names = new Set<string>();
  for (const run of runsOf(said)) {
    const characters = [...run];
    for (let start = 0; start < characters.length; start += 1) {
      for (let end = characters.length; end - start >= minimumNameCharacters; end -= 1) {
        const piece = characters.slice(start, end).join('');
        if (note.includes(piece)) {
          names.add(piece);
          start = end - 1;
          break;
        }
      }
    }
  }
  return [...names];
}

/** Whether a text tells `a` at the beginning and `b` later, within one sentence. */
function tells(text: string, a: string, b: string): boolean {
  return new RegExp(`${beginning}[^。；;!?！？]*?${a}[^。；;!?！？]*?${later}[^。；;!?！？]*?${b}`, 'u').test(text);
}

/** The note sentence whose story the answer sentence tells the other way round, if it does. */
export function reversedStory(noteSentences: readonly string[], said: string): string | undefined {
  if (!begins.test(said)) return undefined;
  for (const sentence of noteSentences) {
    if (!begins.test(sentence)) continue;
    const names = sharedNames(sentence, said);
    for (const a of names)
      for (const b of names) {
        if (a.includes(b) || b.includes(a)) continue;
        if (tells(sentence, a, b) && tells(said, b, a) && !tells(sentence, b, a)) return sentence;
      }
  }
  return undefined;
}
