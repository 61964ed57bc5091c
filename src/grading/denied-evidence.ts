/**
 * Polarity for coverage (issue 10, item 1): what an answer denies is no evidence for a note point that denies nothing.
 * "并不是FIFO。并不是LFU。…" names every strategy of the note's list and says of each that it is not one; read as evidence,
 * it made every point and scored 10. The scorer sets such clauses aside for such points (offline-scorer.ts).
 */
import { memoByText } from './grading-memo.ts';
import { contentLength } from './point-text.ts';
import { negationScopeTexts } from './statements.ts';
import { normaliseText } from '../text/tokenizer.ts';

/** Share of a clause its negations must deny for it to say nothing a point that denies nothing could rest on. */
const deniedShare = 0.5;
/** Negations that say a thing is avoided: the answer's 避免线程切换开销 says what the note warns of, and is kept. */
const avoidance = /避免|防止|杜绝|免去|without|avoid|prevent|surviv|tolerat|withstand/iu;
/** What a note point says is avoided or lessened, which an answer says with a denial. */
const avoiding = /避免|防止|消除|杜绝|免去|省去|省掉|规避|无须|无需|不必|减少|降低|减轻|\bavoid|\bprevent|\beliminat|\bwithout\b|\breduc/iu;

/**
 * A clause that ends by dismissing what it names ("查询缓存和 raid 这种更没必要", "这些都用不上"): its negation comes after the
 * things it denies, so the scope after it is empty, yet the whole clause is the denial.
 */
const dismissed = /(?:没有?必要|不必要|不需要|不用|用不着|用不上|没用|不必)(?:了|的|啊|吧|呢)?[\s。.!！;；，,]*$/u;

/**
 * Whether most of a clause is what its negations deny ("并不是FIFO", "不能执行特权指令也不能直接碰硬件"). Such a clause is set
 * aside whole rather than read with the denied words cut out, so the card quotes what the candidate wrote: cut, it had quoted
 * "并不是 ：服务注册发现".
 */
export const mostlyDenies = memoByText((clause: string) => {
  const normalised = normaliseText(clause);
  if (dismissed.test(normalised)) return true;
  let denied = 0;
  for (const scope of negationScopeTexts(normalised)) {
    if (!avoidance.test(scope.word)) denied += contentLength(scope.word) + contentLength(scope.text.split(/[,，;；:：。.!！?？]/u)[0]!);
  }
  return denied > 0 && denied >= deniedShare * contentLength(normalised);
});

/**
 * Whether a note point denies anything itself ("bgsave … 不会造成阻塞"), or says something is avoided, which an answer says
 * with a denial ("避免死锁、数据竞争" said "没有死锁和数据竞争的问题"): then the answer's denials may make it.
 */
export const deniesAnything = memoByText((text: string) => avoiding.test(text) || negationScopeTexts(normaliseText(text)).length > 0);
