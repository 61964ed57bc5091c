/**
 * Swapped values: notes often enumerate what each setting value means ("设置为 0 时…；设置为 1
 * 时…；设置为 2 时…"). An answer that uses all the right words but attaches them to the wrong values
 * shares as much vocabulary with the note as a correct one, so coverage alone scores it high.
 * Here each value the answer mentions is compared with what the note says about that value and
 * about the others; a description that fits another value much better is a swap.
 */
import { withChineseGloss } from './english-gloss.ts';
import { isMostlyEnglish, profileText, shareFound } from './text-analysis.ts';

/** "设置为 0", "设成 1", "设置是 1", "取值 2", "= 3", "value 4": a number introduced as a value. */
const valuePattern = /(?:设置为|设置成|设置是|设为|设成|配置为|配成|取值为?|值为|等于|改为|=|\bset to|\bvalue(?: of)?|\bequals?)\s*(\d{1,4})(?![\d.])/giu;

interface ValueMention {
  value: string;
  /** The text that describes the value: up to the next value mention or the end of the sentence run. */
  description: string;
}

/**
 * A value opening a clause of the answer ("0 是…", "1 只写到 page cache", "0 means…", "2：…"): read as a value only when the
 * question asks about the note's values by number ("设成 0、1、2 分别是什么意思？"), which is what a bare number then answers.
 */
const openingValue = /(?:^|[。；;，,、\n]|[.:]\s)\s*(?:and\s+|while\s+|whereas\s+|以及|还有|而)?\s*(\d{1,4})(?![\d.%])\s*(?:是|就是|表示|代表|的话|时|：|:|\bmeans\b|\bis\b|→|->)?/gu;

function mentions(text: string, asked: ReadonlySet<string> = new Set()): ValueMention[] {
  const found = [...text.matchAll(valuePattern)].map((match) => ({ at: match.index ?? 0, end: (match.index ?? 0) + match[0].length, value: match[1]! }));
  if (asked.size) {
    for (const match of text.matchAll(openingValue)) {
      const at = match.index ?? 0;
      if (asked.has(match[1]!) && !found.some((each) => each.at <= at + match[0].length && at <= each.end)) found.push({ at, end: at + match[0].length, value: match[1]! });
    }
    found.sort((a, b) => a.at - b.at);
  }
  return found.map((match, index) => {
    const start = match.end;
    const next = index + 1 < found.length ? found[index + 1]!.at : text.length;
    // A value's description ends with its sentence (or list item), or where the next value starts.
    const sentenceEnd = /[。；;！？!?\n]/u.exec(text.slice(start));
    const end = Math.min(next, sentenceEnd ? start + sentenceEnd.index + 1 : text.length);
    return { value: match.value, description: text.slice(start, end) };
  });
}

export interface ValueCheck {
  /** Values whose description matches the note's description of that value. */
  consistent: number;
  /** Values described the way the note describes a different value. */
  swapped: number;
}


export function checkValues(question: string, answer: string, reference: string): ValueCheck {
  const questionUnits = new Set(profileText(question).units.keys());
  const described = new Map<string, Set<string>>();
  for (const { value, description } of mentions(reference)) {
    const units = described.get(value) ?? new Set<string>();
    for (const unit of profileText(description).units.keys()) if (!questionUnits.has(unit)) units.add(unit);
    described.set(value, units);
  }
  // Only a note that enumerates at least two values says what distinguishes them.
  if (described.size < 2) return { consistent: 0, swapped: 0 };
  // Units every value's description shares ("每次事务提交") tell values apart no better than noise.
  const shared = [...described.values()].reduce((common, units) => new Set([...common].filter((unit) => units.has(unit))));

  const result: ValueCheck = { consistent: 0, swapped: 0 };
  const noteInEnglish = isMostlyEnglish(profileText(reference));
  // The note's values the question names by number: then a bare number opening an answer clause is one of them.
  const asked = new Set([...(question.match(/(?<![\d.])\d{1,4}(?![\d.])/gu) ?? [])].filter((value) => described.has(value)));
  for (const { value, description } of mentions(answer, asked.size >= 2 ? asked : undefined)) {
    const own = described.get(value);
    if (!own) continue;
    // A description in the other language than the note's shares only stray letters with it ("buffer" beside 「redo log
    // buffer」), which on their own read as fitting another value: an English one against a Chinese note is read with its
    // Chinese gloss ("fsyncs it to disk" gives 磁盘 and 刷盘), a Chinese one against an English note not at all.
    const english = isMostlyEnglish(profileText(description));
    if (!english && noteInEnglish) continue;
    const read = english && !noteInEnglish ? withChineseGloss(description) : description;
    const units = new Map([...profileText(read).units].filter(([unit]) => !questionUnits.has(unit) && !shared.has(unit)));
    if (units.size < 2) continue;
    const fitOwn = shareFound(units, own);
    const fitOther = Math.max(...[...described].filter(([other]) => other !== value).map(([, other]) => shareFound(units, other)));
    if (fitOther >= 0.15 && fitOther >= 2 * fitOwn + 0.1) result.swapped += 1;
    else if (fitOwn >= 0.15 && fitOwn >= fitOther) result.consistent += 1;
  }
  return result;
}
