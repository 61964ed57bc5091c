/**
 * Quantities a clause states: a number with its unit ("每秒", "2 分钟", "4096 字节", "高 16 位"), or a
 * share ("多数", "全部", "三分之一"). An answer that says "每隔 10 秒" where the note says "每秒", or
 * "全部节点确认" where it says "多数", states a different fact in the same words.
 */

export interface Quantity {
  /** Value in the unit family's base unit (seconds, bytes, a share 0–1, or the bare number). */
  value: number;
  family: 'time' | 'size' | 'bits' | 'share' | 'percent' | 'times' | 'count' | 'month' | 'round-trips' | 'bare';
  /** Exactly as written, for feedback. */
  text: string;
  /** Where it starts and ends in the normalised text. */
  start: number;
  end: number;
  /** An order of magnitude said in words ("几百", "数十万", "上千"): only a value ten times apart differs from it. */
  approximate?: boolean;
}

const chineseDigits: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** "十", "二十", "三百", "一千二" → number (small Chinese numerals as notes write them). */
export function chineseNumber(text: string): number | undefined {
  if (/^\d+(?:\.\d+)?$/.test(text)) return Number(text);
  let total = 0;
  let digit = 0;
  for (const character of text) {
    if (character in chineseDigits) digit = chineseDigits[character]!;
    else if (character === '十') (total += (digit || 1) * 10), (digit = 0);
    else if (character === '百') (total += digit * 100), (digit = 0);
    else if (character === '千') (total += digit * 1000), (digit = 0);
    else if (character === '万') (total = (total + digit) * 10_000), (digit = 0);
    else return undefined;
  }
  return total + digit;
}

const units: ReadonlyArray<{ pattern: RegExp; family: Quantity['family']; factor: number }> = [
  { pattern: /^(?:ms|毫秒|milliseconds?\b)/u, family: 'time', factor: 0.001 },
  { pattern: /^(?:秒钟?|s(?![a-z])|sec(?:ond)?s?\b)/u, family: 'time', factor: 1 },
  { pattern: /^(?:分钟|min(?:ute)?s?\b)/u, family: 'time', factor: 60 },
  { pattern: /^(?:个?小时|h(?:ours?)?\b)/u, family: 'time', factor: 3600 },
  { pattern: /^(?:天|days?\b)/u, family: 'time', factor: 86_400 },
  { pattern: /^(?:gb|g(?![a-z]))/u, family: 'size', factor: 1024 ** 3 },
  { pattern: /^(?:mb|m(?![a-z]))/u, family: 'size', factor: 1024 ** 2 },
  { pattern: /^(?:kb|k(?![a-z]))/u, family: 'size', factor: 1024 },
  { pattern: /^(?:字节|bytes?\b|b(?![a-z]))/u, family: 'size', factor: 1 },
  { pattern: /^(?:位|bits?\b)/u, family: 'bits', factor: 1 },
  { pattern: /^%/u, family: 'percent', factor: 1 },
  { pattern: /^倍/u, family: 'times', factor: 1 },
  // A month of the calendar ("五月中旬入职", "9 月底"); "3 个月" is a count of months.
  { pattern: /^月(?:份)?(?:初|中旬|中|下旬|上旬|底|末)?/u, family: 'month', factor: 1 },
  // A round trip by any of its names: "2 RTT", "one round trip", "一个往返".
  { pattern: /^(?:[个次]\s*)?(?:rtts?\b|round[- ]trips?\b|往返)/u, family: 'round-trips', factor: 1 },
  { pattern: /^(?:个|次|条|种|台|核|槽|次方|棵|颗|块|层|轮|根|张|只|件|趟)/u, family: 'count', factor: 1 },
];

/** Shares said in words: most of them, all of them, a third. */
const shares: ReadonlyArray<readonly [RegExp, number]> = [
  [/过半数?|半数以上|(?:超过|大于|多于)(?:半数|一半)|一半以上|大多数|多数派?|\bmajority\b|\bmost of\b/giu, 0.75],
  [/全部|所有|全员|每一个|\ball (?:of )?(?:the )?(?:nodes|followers|replicas|members)\b|\bevery (?:node|follower|replica)\b/giu, 1],
  [/\bone third\b|\ba third\b/giu, 1 / 3],
  [/(?<!超过|大于|多于)一半(?!以上)|减半|折半|\bhalf\b/giu, 0.5],
];

/** A fraction in words ("十分之一", "三分之二", "4 分之 1"): a share of its own value. */
const fraction = /([\d零一二两三四五六七八九十百]+)\s*分之\s*([\d一二两三四五六七八九十]+)/gu;

const number = /(\d+(?:\.\d+)?|[零一二两三四五六七八九十百千万]+)\s*/gu;

/**
 * Small numbers in English words, read only before a unit ("one round trip", "a single millisecond"): "one of them",
 * "two maps" and "once the leader…" count nothing a note quantifies. "twice" is two times.
 */
const englishNumbers: Record<string, number> = { 'a single': 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };
const englishNumber = new RegExp(`\\b(${Object.keys(englishNumbers).join('|')})\\s+`, 'giu');

/**
 * An order of magnitude in words: 几/数/好几 (a few), 上 (reaching), 十几 (a dozen or so) before 十, 百, 千, 万, 亿 or
 * their products ("几百单每分钟", "数十万单/分钟", "上千个连接", "十几万"). Its value is a middle of its range (几百 ≈ 400);
 * "函数十分…" and "加上千分之一" are words, not magnitudes.
 */
const magnitude = /(好几|(?<![参函次个总位基指系整变人字行条页分倍级对少多点])数|几|(?<![马加向往以])上(?=[百千万亿])|十几)([十百千万亿]*)(?![分足全])/gu;
const magnitudeOf: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10_000, 亿: 100_000_000 };
const aboutTimes = (word: string) => (word === '上' ? 1.5 : word === '十几' ? 15 : 4);
/** The product of scale characters ("十万" → 100000). */
const scaleOf = (characters: string) => [...characters].reduce((product, character) => product * magnitudeOf[character]!, 1);
/** A digit's multiplier written after it ("20万", "1.5亿"). */
const multiplier = /^(?:千万|百万|万|亿)/u;

/** What every quantity starts with: a digit, a numeral, 每, or a share word. Most clauses have none. */
const quantityStart = new RegExp(`[\\d零一二两三四五六七八九十百千万亿几每/]|\\bper\\b|${englishNumber.source}|${shares.map(([pattern]) => pattern.source).join('|')}`, 'iu');

export function quantitiesIn(normalised: string): Quantity[] {
  if (!quantityStart.test(normalised)) return [];
  const found: Quantity[] = [];
  for (const [pattern, value] of shares) for (const match of normalised.matchAll(pattern)) found.push({ value, family: 'share', text: match[0], start: match.index ?? 0, end: (match.index ?? 0) + match[0].length });
  for (const match of normalised.matchAll(fraction)) {
    const [whole, denominator, numerator] = match;
    const share = (chineseNumber(numerator!) ?? 0) / (chineseNumber(denominator!) || 1);
    if (share > 0 && share <= 1) found.push({ value: share, family: 'share', text: whole, start: match.index ?? 0, end: (match.index ?? 0) + whole.length });
  }
  // "每秒", "每分钟", and rates written "数十万单/分钟", "100 requests per second": one of the unit.
  // "4096 IDs per millisecond" is a rate of the millisecond, which "per second" is not.
  for (const match of normalised.matchAll(/(?:每(?:隔)?|\/\s*|\bper\s+)(毫秒|秒|分钟|小时|天|ms\b|millisecond\b|s\b|sec(?:ond)?\b|min(?:ute)?\b|h(?:our)?\b|day\b)/gu)) {
    const unit = units.find(({ pattern }) => pattern.test(match[1]!));
    if (unit) found.push({ value: unit.factor, family: unit.family, text: match[0], start: match.index ?? 0, end: (match.index ?? 0) + match[0].length });
  }
  const approximate: Quantity[] = [];
  for (const match of normalised.matchAll(magnitude)) {
    const [whole, word, scale] = match;
    // 几 and 数 alone are "how many" and "number"; 十几 alone is a dozen or so.
    if (!scale && word !== '十几') continue;
    const start = match.index ?? 0;
    const rest = normalised.slice(start + whole.length).replace(/^\s+/, '');
    const unit = units.find(({ pattern }) => pattern.test(rest));
    if (!unit && /^[a-z_]/.test(rest)) continue;
    const unitText = unit ? (unit.pattern.exec(rest)?.[0] ?? '') : '';
    const value = aboutTimes(word!) * scaleOf(scale!) * (unit?.factor ?? 1);
    const end = start + whole.length + (unitText ? normalised.slice(start + whole.length).length - rest.length + unitText.length : 0);
    approximate.push({ value, family: unit?.family ?? 'bare', text: normalised.slice(start, end).trim(), start, end, approximate: true });
  }
  found.push(...approximate);
  for (const match of normalised.matchAll(englishNumber)) {
    const start = match.index ?? 0;
    const rest = normalised.slice(start + match[0].length);
    const unit = units.find(({ pattern }) => pattern.test(rest));
    if (!unit || !/^[a-z]/u.test(rest)) continue;
    const unitText = unit.pattern.exec(rest)?.[0] ?? '';
    found.push({ value: englishNumbers[match[1]!.toLowerCase()]! * unit.factor, family: unit.family, text: `${match[0]}${unitText}`, start, end: start + match[0].length + unitText.length });
  }
  for (const match of normalised.matchAll(number)) {
    const raw = match[1]!;
    const start = match.index ?? 0;
    // The numerals of a magnitude ("数十万") were read with it.
    if (approximate.some((each) => each.start <= start && start < each.end)) continue;
    const before = normalised.slice(Math.max(0, start - 1), start);
    // Inside an identifier (fin_wait_1, md5, ipv4) a digit is part of a name; in a formula, of the formula.
    if (/[a-z_/*^+\-=(（×÷]/.test(before) || /^[/*^+\-=)）×÷]/.test(normalised.slice(start + match[0].length))) continue;
    // The parts of a fraction were read with it.
    if (/^\s*分之/u.test(normalised.slice(start + raw.length)) || /分之\s*$/u.test(normalised.slice(0, start))) continue;
    const written = /\d/.test(raw) ? multiplier.exec(normalised.slice(start + raw.length))?.[0] : undefined;
    const value = written ? Number(raw) * scaleOf(written) : chineseNumber(raw);
    const numberEnd = written ? start + raw.length + written.length + (/^\s*/u.exec(normalised.slice(start + raw.length + written.length))?.[0].length ?? 0) : start + match[0].length;
    const rest = normalised.slice(numberEnd);
    // A lone 一 or 十 is mostly a word's character (一些, 十分); before 月 it is a month.
    // "一个往返" is one round trip, as "1 个 RTT" is.
    if (value === undefined || (!/\d/.test(raw) && raw.length === 1 && !/[两二三四五六七八九]/u.test(raw) && !(raw === '十' && rest.startsWith('月')) && !(raw === '一' && /^个?\s*(?:往返|rtt\b)/u.test(rest)))) continue;
    const unit = units.find(({ pattern }) => pattern.test(rest));
    if (!unit && /^[a-z_]/.test(rest)) continue;
    const unitText = unit ? (unit.pattern.exec(rest)?.[0] ?? '') : '';
    const end = numberEnd + unitText.length;
    found.push({ value: value * (unit?.factor ?? 1), family: unit?.family ?? 'bare', text: `${raw}${written ?? ''}${unitText}`, start, end });
  }
  return found;
}

/** How far apart an order of magnitude and another value must be to differ. */
const orderOfMagnitude = 10;

/** Whether two quantities measure the same kind of thing; bare numbers only compare with bare numbers. */
export function sameFamily(a: Quantity, b: Quantity): boolean {
  return a.family === b.family;
}

/** Two quantities of one family that differ. */
export function conflicting(a: Quantity, b: Quantity): boolean {
  if (!sameFamily(a, b)) return false;
  // "几百单每分钟" against "数十万单/分钟" is another order of magnitude; "几十万" against "20万" is the same one.
  if (a.approximate || b.approximate) return Math.max(a.value, b.value) >= orderOfMagnitude * Math.min(a.value, b.value);
  return Math.abs(a.value - b.value) > 1e-9 * Math.max(1, Math.abs(a.value));
}

/** Characters around a quantity that say what it counts ("每隔 _ 秒", "分为 _ 个槽", "_ 节点"). */
const anchorBefore = 6;
const anchorAfter = 4;

/** The text around a quantity, the quantity itself left out. */
export function anchorOf(normalised: string, quantity: Quantity): string {
  // The words after it start past the modal words and adverbs between a quantity and its verb: "每 2 秒会强制触发一次"
  // is anchored by 触发 as "最长2分钟触发一次" is.
  const after = normalised.slice(quantity.end).replace(/^\s*(?:会|能|可以|就|才|都|也|要|将|便)+/u, '');
  return `${normalised.slice(Math.max(0, quantity.start - anchorBefore), quantity.start)} ${after.slice(0, anchorAfter)}`;
}

export function sameQuantity(a: Quantity, b: Quantity): boolean {
  return sameFamily(a, b) && !conflicting(a, b);
}
