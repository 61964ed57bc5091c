/**
 * Whether two pieces of a note are about the same thing, judged by the words they share. The card
 * builder asks it of a follow-up and its head, the wording of a label and its parent, and an answer
 * and the paragraph after it; one notion of "a word" serves all three.
 */

/** Content words of a text: Latin words of two or more characters and Chinese character bigrams, lower case. */
export function contentUnits(text: string): Set<string> {
  const units = new Set<string>();
  const lower = text.toLowerCase();
  for (const word of lower.match(/[a-z][a-z0-9_+#]+/g) ?? []) units.add(word);
  for (const run of lower.match(/[\u4e00-\u9fff]+/g) ?? []) {
    for (let index = 0; index + 2 <= run.length; index += 1) units.add(run.slice(index, index + 2));
  }
  return units;
}

/** Bigrams so common in notes and questions that sharing one says nothing about the subject. */
const commonUnits = new Set([
  '可以', '一个', '这个', '我们', '就是', '如果', '进行', '使用', '没有', '需要', '时候', '因为', '所以', '数据', '通过', '问题', '不是',
  '什么', '的话', '也是', '还是', '其他', '一些', '以及', '可能', '会被', '怎么', '为什', '如何', '哪些', '是否', '一下', '那么',
]);

const isHan = (unit: string): boolean => /[\u4e00-\u9fff]/.test(unit);

/**
 * Do two texts share a content word? Common words do not count, except with `countCommonWords`:
 * a label and its parent heading that share even "问题" ("包管理器问题排查" under "遇见的具体问题")
 * already name the same subject. With `chineseBetweenChinese`, two texts that are both mostly
 * Chinese must share a Chinese word: "sync.Pool" in a paragraph on uncopyable types shares only an
 * identifier with a list that mentions sync.pool.
 */
export function sharesWord(
  a: string | ReadonlySet<string>,
  b: string | ReadonlySet<string>,
  options: { chineseBetweenChinese?: boolean; countCommonWords?: boolean } = {},
): boolean {
  const [left, right] = [typeof a === 'string' ? contentUnits(a) : a, typeof b === 'string' ? contentUnits(b) : b];
  const han = (units: ReadonlySet<string>): number => [...units].filter(isHan).length;
  const needsChinese = options.chineseBetweenChinese === true && han(left) >= 4 && han(right) >= 4;
  const counts = (unit: string): boolean => options.countCommonWords === true || !commonUnits.has(unit);
  for (const unit of left) if (counts(unit) && right.has(unit) && (!needsChinese || isHan(unit))) return true;
  return false;
}

/** How many content words (common ones aside) two texts share. */
export function sharedWordCount(a: string, b: string): number {
  const right = contentUnits(b);
  return [...contentUnits(a)].filter((unit) => !commonUnits.has(unit) && right.has(unit)).length;
}
