/**
 * A key point's words as the short phrase a card shows: its clauses without the labels and connectives
 * that name nothing, the asides in brackets and the words that only soften, cut to size at a clause,
 * a modifier or a list item rather than inside a word.
 */
import { emptyLabels, openingLabel } from './point-text.ts';

/**
 * Labels that organise a note but say nothing about the point ("解析：", "详细："): dropped. Besides those a point's
 * text drops, the labels of an example, a remark or a conclusion ("例如：", "注：", "结论："), which the point keeps
 * so that its importance can discount an example or a remark (key-points.ts), and a restatement's marker ("意思是说：两个请求的
 * 生命周期不能重叠…" had named its point 「意思是说」, and the card said 「没讲意思是说」).
 */
export const emptyLabel = openingLabel([...emptyLabels, '注', '结论', '例如', '比如', '举例', '举个例子', '例子', 'note', '意思是说', '也就是说', '换句话说', '换言之', '简单来说', '简单说', '总之', '总的来说']);

/**
 * Words that open a clause without naming anything: connectives, discourse markers (然而, 相比之下,
 * 换句话说) and the words that announce an example (例如, 比如). Left in, a clause "例如" became a short
 * name and the next clause its meaning: 「例如（对于 B-tree 索引）」.
 */
const leadingConnectives =
  /^(?:(?:那么|那|而且|并且|并(?=[将把会在开])|但是|但|不过|然而|然后|接着|首先|其次|最后|另外|此外|同时|也就是说|也就是|就是说|换句话说|换言之|意思是说|意思是|所以|因此|因而|从而|于是|这样|这时候|这时|此时|即(?![使便])|则|而|也|还有就是|还有|需要注意的是|值得注意的是|注意|其中|其实|实际上|本质上|事实上|相比之下|相比而言|与之相比|反之|当然了|当然|总之|一般来说|一般来讲|通常来说|通常来讲|总体来说|例如|比如|譬如|举个例子|举例来说|简单来说|简单地说|简单的说|总的来说|我认为|我觉得)[，,：:\s]*)+/u;

/** Words that only soften a claim. */
const softeners = /(?:可能|一般|通常|往往|大概|基本上)(?=[会是能])/gu;

/** Longest phrase (content characters) used whole; longer ones are cut at a clause or 的. */
const phraseCharacters = 22;
/** How far past its limit a phrase is still used whole rather than cut. */
const overrun = 8;

export const cjk = /[\u3400-\u9fff]/u;

/** How long a phrase reads: a Chinese character counts one, a Latin word or number one per three letters. */
export function phraseLength(text: string): number {
  const chinese = (text.match(/[\u3400-\u9fff]/gu) ?? []).length;
  const words = (text.match(/[A-Za-z0-9_]+/g) ?? []).reduce((sum, word) => sum + Math.ceil(word.length / 3), 0);
  return chinese + words;
}

export function cleanClause(clause: string): string {
  return clause
    .replace(/\s*[（(][^（()）]*[)）]\s*/gu, '')
    // An aside the clause split cut open ("共识算法(做冗余实现高可用的", "同类事件）") loses its bracket half.
    .replace(/\s*[（(][^（()）]*$/u, '')
    .replace(/^[^（(]*?[)）]\s*(?=\S)/u, (head) => (head.length <= 12 ? '' : head))
    .replace(/[)）]$/u, '').replace(softeners, '').replace(/\s+/g, ' ').replace(/^[\s“”"'`]+|[\s“”"'`。.！!？?]+$/gu, '').trim()
    // A quote the clause opened is closed again ('这里的 "n" 代表 "network' had lost its closing mark with the full stop).
    .replace(/^(.*"[^"]*)$/su, (text) => ((text.match(/"/g) ?? []).length % 2 === 1 ? `${text}"` : text));
}

/** A clause without the connectives that open it ("但是可以大大减少STW的时间" → "可以大大减少STW的时间"). */
export function withoutOpeningConnective(clause: string): string {
  return clause.replace(leadingConnectives, '');
}

/** The point's clauses, without labels that name nothing and the connectives that open them. */
export function pointClauses(text: string): string[] {
  return text
    .replace(emptyLabel, '')
    // "（本质上）在于…" leads into the claim it names.
    .replace(/^(?:本质上|主要|关键|区别|根本)?在于\s*/u, '')
    // An aside in brackets is dropped whole, commas and all ("lru没有采用上面描述的（用链表管理…，链表操作费时），是…"):
    // split first, its halves read as clauses of their own ("链表操作费时").
    .replace(/\s*[（(][^（()）]*[)）]\s*/gu, '')
    .split(/[，,；;。！!？?]/u)
    .map((clause) => cleanClause(withoutOpeningConnective(clause)))
    .filter((clause) => phraseLength(clause) > 0);
}

/** A phrase cut to size: whole if short, else after the last 的 of its opening (its head noun), else at a word. */
export function trimmed(phrase: string, limit = phraseCharacters): string {
  if (phraseLength(phrase) <= limit) return phrase;
  const modifier = /的(?!时候|话|是)/u.exec(phrase);
  // Only a modifier before the subject goes ("通过fork函数创建的子进程会…"); once the predicate has begun
  // ("它会在内存中为这个半开放的连接…") what follows 的 is its object, not the point's subject.
  // So has a means and its verb ("通过sync.RWMutex实现对map的并发访问控制" is not 「并发访问控制」); "通过fork函数创建的子进程" is a modifier.
  const afterModifier = modifier && !/[会能要是为把被将]|通过.+?实现|实现对/u.test(phrase.slice(0, modifier.index)) ? phrase.slice(modifier.index + 1) : '';
  if (phraseLength(afterModifier) >= 6 && phraseLength(afterModifier) <= limit) return afterModifier;
  // A phrase a little too long reads better whole than cut off with "…".
  if (phraseLength(phrase) <= limit + overrun) return phrase;
  const characters = Array.from(phrase);
  // A list or a code line is cut after a whole item ("消息队列克服了信号传递信息少、管道…"), not inside a word with "…".
  let item = 0;
  for (let index = 1; index < characters.length; index += 1) {
    const before = characters.slice(0, index).join('').trim();
    if (phraseLength(before) > limit + overrun) break;
    // A space is a boundary between Chinese items ("打包在单体应用 开发维护不容易"), not around a Latin word.
    const between = characters[index] === '、' || (/\s/u.test(characters[index]!) && cjk.test(characters[index - 1]!) && cjk.test(characters[index + 1] ?? ''));
    if (between && !/[：:，,]$/u.test(before) && phraseLength(before) >= 8) item = index;
  }
  // A list the note closes with "等缺点" keeps that word: 消息队列克服了信号传递信息少等缺点.
  if (item) return `${characters.slice(0, item).join('').trim()}${characters[item] === '、' ? `等${/等([\u3400-\u9fff]{1,4})$/u.exec(phrase)?.[1] ?? ''}` : ''}`;
  let cut = 0;
  for (let index = 1; index <= characters.length; index += 1) {
    if (phraseLength(characters.slice(0, index).join('')) > limit) break;
    // Never inside an identifier (innodb_flush_log_at_trx_commit, controller-manager).
    if (!/[\w.-]/.test(characters[index - 1]!) || !/[\w.-]/.test(characters[index] ?? '')) cut = index;
  }
  return `${characters.slice(0, cut).join('').trim()}…`;
}
