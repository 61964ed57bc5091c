/**
 * Necessity asks: "etcd 一定要部署在 master 节点上吗？", "必须…吗？". Yes is "must", no is "need not", and a note says need not as
 * 可以不 / 不一定 / 不必 (「Etcd(可以不在master节点)」), which the plain yes/no reading (sub-question-verdict.ts) takes for a yes:
 * 可以 is its word for "can". A correct 「不一定，etcd 可以部署在 master 之外的机器上」 had found no verdict and no point, and scored 0.
 */
import { normaliseText } from '../text/tokenizer.ts';
import { clauseEnd, sentenceEnd } from '../text/clause-marks.ts';
import { wordUnits } from './text-analysis.ts';
import type { Polarity } from './sub-question-verdict.ts';

/** The ask: a word of necessity in a clause that ends in 吗. What precedes it names the subject, what follows is asked of it. */
const necessityAsk = /(一定要|一定得|必须|非得|非要)([^，,。；;？?！!\n]*)吗/u;
/** Need not, in the words notes and answers use for it. */
const notNeeded = /可以不|不一定|不必|未必|不需要|无需|不用|没必要|不是必须|不是一定|并非必须|不强制|可选/u;
/** Must. */
const needed = /必须|一定要|一定得|只能|务必|非得|非要|强制/u;
/** An answer that opens with its verdict: need not ("不一定，…", "No, …"), or must ("对，必须…", "Yes, …"). */
const leadingNotNeeded = /^(?:嗯|呃|[，,\s])*(?:不一定|不是必须|不是一定|不必|未必|没必要|不需要|不用|(?:不是|不)(?=[，,。.！!；;\s]|$)|no\b|nope\b|not necessarily\b)/u;
const leadingNeeded = /^(?:嗯|呃|[，,\s])*(?:对|是的|是|必须|一定要|要的|yes\b|yeah\b)(?=[，,。.！!；;\s]|$)/u;
/** Words that open a question without naming its subject. */
const leadingFiller = /^(?:那么|那|请问|问|在|对于|关于|另外)+/u;
/** How far past its subject a text says what is necessary of it. */
const windowCharacters = 24;

function necessityIn(text: string): Polarity | undefined {
  if (notNeeded.test(text)) return 'no';
  if (needed.test(text)) return 'yes';
  return undefined;
}

/** What a text says is or is not necessary of the subject, in the words right after a mention of it that also names what is asked. */
function necessityAbout(text: string, subject: string, asked: readonly string[]): Polarity | undefined {
  const normalised = normaliseText(text).replace(/\s+/gu, '');
  for (let at = normalised.indexOf(subject); at >= 0; at = normalised.indexOf(subject, at + subject.length)) {
    const window = normalised.slice(at + subject.length, at + subject.length + windowCharacters).split(sentenceEnd)[0] ?? '';
    const units = wordUnits(window);
    if (!asked.some((word) => units.has(word))) continue;
    const polarity = necessityIn(window);
    if (polarity) return polarity;
  }
  return undefined;
}

/** 'agree' or 'disagree' when the question asks whether something must be so, and both a note and the answer say. */
export function necessityVerdict(question: string, references: readonly string[], answer: string, opening = answer): 'agree' | 'disagree' | undefined {
  for (const clause of normaliseText(question).split(clauseEnd)) {
    const found = necessityAsk.exec(clause);
    if (!found) continue;
    const subject = clause.slice(0, found.index).replace(/\s+/gu, '').replace(leadingFiller, '');
    const asked = [...wordUnits(found[2]!)].filter(([, weight]) => weight >= 0.9).map(([unit]) => unit);
    if (Array.from(subject).length < 2 || asked.length === 0) return undefined;
    const expected = references.map((reference) => necessityAbout(reference, subject, [...asked, subject])).find((polarity) => polarity !== undefined);
    if (!expected) return undefined;
    const start = normaliseText(opening).trim();
    const given = leadingNotNeeded.test(start) ? 'no' : leadingNeeded.test(start) ? 'yes' : necessityAbout(answer, subject, asked);
    return given === undefined ? undefined : given === expected ? 'agree' : 'disagree';
  }
  return undefined;
}
