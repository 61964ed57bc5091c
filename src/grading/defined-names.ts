/**
 * Names a note defines one by one ("G 是 goroutine；M 是内核线程；P 是逻辑处理器", "RDB means a snapshot"): things an answer
 * can swap the definitions of ("M 就是 goroutine，G 才是系统线程") though no question contrasts them and no label names them.
 */
import { profiledText } from './text-analysis.ts';

/** A clause that opens by defining a name: a Latin identifier, then 是 / 就是 / 指 / 表示 / is / means. */
const definition = /^([a-z][a-z0-9_+#.\-]{0,15})\s*(?:就是|即|是|指的?是|指|表示|代表)(?!不是|否)|^([a-z][a-z0-9_+#.\-]{0,15})\s+(?:is|means|stands\s+for)\s/u;

/** The names a note's points define, when there are two or more (one definition has nothing to be swapped with). */
export function definedNames(pointTexts: readonly string[]): string[] {
  const names = new Set<string>();
  for (const text of pointTexts) {
    for (const clause of profiledText(text).split(/[；;。\n]/u)) {
      const found = definition.exec(clause.trim());
      const name = found?.[1] ?? found?.[2];
      if (name) names.add(name);
    }
  }
  return names.size >= 2 ? [...names] : [];
}
