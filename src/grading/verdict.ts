/**
 * True/false questions ("判断以下叙述是否正确", "对吗", "true or false"): the verdict is the core of
 * the answer, so an explanation that argues for the opposite verdict is wrong however many words it
 * shares with the note, and the right verdict is most of the credit.
 */

const judgementQuestion =
  /判断[^，。？?]{0,12}(?:正确|对错|真假)|是否正确|对不对|正确吗|对吗|是真是假|\btrue or false\b|\bis (?:this|the following|it) (?:statement )?(?:true|correct)\b/iu;

/** Leading verdict words; the negative forms are tried first because they contain the positive ones. */
const end = String.raw`(?=[\s，,。.！!;；:：]|$)`;
const negativeVerdict = new RegExp(
  String.raw`^(?:不正确|不对|错误|错的|错${end}|否${end}|不是|不一定|并非|(?:false|incorrect|wrong|no)\b|not (?:true|correct|necessarily))`,
  'iu',
);
const positiveVerdict = new RegExp(String.raw`^(?:正确|对的|(?:对|是的)${end}|(?:true|correct|right|yes)\b)`, 'iu');

type Verdict = 'true' | 'false';

/** The verdict a text opens with, ignoring list markers and filler like "这个说法是". */
function leadingVerdict(text: string): Verdict | undefined {
  const head = text
    .trim()
    .replace(/^(?:[\d一二三四五六七八九十]+[.、:：)）]|[（(][\d]+[)）]|答[:：]|答案[:：]?|回答[:：]?)\s*/u, '')
    .replace(/^(?:这个|该|此|这句|这种|题目中的?|原)?(?:说法|叙述|描述|命题|观点|结论)?(?:是|为)?\s*/u, '')
    .replace(/^["'“”‘’「」【】\s]+/u, '');
  if (negativeVerdict.test(head)) return 'false';
  if (positiveVerdict.test(head)) return 'true';
  return undefined;
}

/**
 * 'agree' or 'disagree' when the question asks for a verdict and both the reference and the
 * answer give one; otherwise undefined (the verdict rule does not apply).
 */
export function judgementVerdicts(question: string, references: string[], answer: string): 'agree' | 'disagree' | undefined {
  if (!judgementQuestion.test(question)) return undefined;
  const expected = references.map(leadingVerdict).find((verdict) => verdict !== undefined);
  const given = leadingVerdict(answer);
  if (!expected || !given) return undefined;
  return expected === given ? 'agree' : 'disagree';
}
