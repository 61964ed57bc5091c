/**
 * Which of the user's projects a self-introduction mentions: the one most of whose name it says, each word of the name weighed
 * by how few of the notes' cards use it. A self-introduction lists skills too, and counting name words said anywhere,
 * "我学习了c++编程语言、数据结构与算法…" had picked 「Java c++ 数据结构不一致问题排查」, a problem the candidate never mentioned,
 * over the 「mprpc项目」 they described as "实现了一个分布式的rpc框架". A Latin word said inside a name's ("rpc" of mprpc) and a
 * glossary concept both sides name (服务器 / server) count as half a mention.
 */
import type { Card } from '../core/types.ts';
import { conceptTokens } from '../text/glossary.ts';

export interface MentionedProject {
  card: Card;
  name: string;
}

/**
 * Share of a project's name (its words weighted by rarity) the answer must mention: a name is said as a phrase, not as skills
 * listed apart ("c++编程语言、数据结构与算法" names c++ of 「Java c++ 数据结构不一致问题排查」, not the problem).
 */
const mentionedShare = 0.5;
/** Share of a name word's weight a mention through a concept or a Latin word inside it carries. */
const indirectMention = 0.5;
/** Longest name word read through its glossary concept: one that is the concept's name, not a phrase holding it. */
const conceptWordLength = 6;

/** "订单系统项目" is mentioned as "订单系统", "腾讯实习" as "腾讯": a name's words without the kind of thing it is. */
function nameWords(name: string): string[] {
  return name
    .toLowerCase()
    .split(/[\s的和与]+|(?<=[\u4e00-\u9fff])(?=[a-z])|(?<=[a-z])(?=[\u4e00-\u9fff])/)
    .map((word) => word.replace(/(项目|实习|系统)$/, ''))
    .filter((word) => word.length >= 2);
}

const cardTexts = new WeakMap<readonly Card[], string[]>();

/** How few cards use a word: log(1 + cards / (1 + cards using it)). */
function rarity(word: string, cards: readonly Card[]): number {
  let texts = cardTexts.get(cards);
  if (!texts) cardTexts.set(cards, (texts = cards.map((card) => `${card.question}\n${card.reference}`.toLowerCase())));
  const using = texts.filter((text) => text.includes(word)).length;
  return Math.log(1 + cards.length / (1 + using));
}

/** How strongly the answer mentions a word of a project's name: said as written, said inside it, or named by its concept. */
function mention(word: string, said: string, saidLatin: readonly string[], saidConcepts: ReadonlySet<string>): number {
  if (said.includes(word)) return 1;
  if (/^[a-z]/.test(word) && saidLatin.some((latin) => latin.length >= 3 && word.includes(latin))) return indirectMention;
  // Only a word that is a concept's name itself ("server"): a long name holding one ("数据结构不一致问题排查") is about more.
  return Array.from(word).length <= conceptWordLength && conceptTokens(word).some((concept) => saidConcepts.has(concept)) ? indirectMention : 0;
}

/** The project whose name the answer mentions most of, among `projects` (the first of equals wins), or none. */
export function mentionedProject(projects: readonly Card[], answer: string, cards: readonly Card[], nameOf: (card: Card) => string): MentionedProject | undefined {
  const said = answer.toLowerCase();
  const saidLatin = said.match(/[a-z][a-z0-9+#]*/g) ?? [];
  const saidConcepts = new Set(conceptTokens(said));
  let best: (MentionedProject & { share: number; mentioned: number }) | undefined;
  for (const card of projects) {
    const name = nameOf(card);
    const weighted = nameWords(name).map((word) => ({ word, weight: rarity(word, cards) }));
    const total = weighted.reduce((sum, { weight }) => sum + weight, 0);
    const mentioned = weighted.reduce((sum, { word, weight }) => sum + mention(word, said, saidLatin, saidConcepts) * weight, 0);
    const share = total > 0 ? mentioned / total : 0;
    // Of two names said in full, the longer one is the more specific mention ("web server" beside "腾讯").
    const better = !best || share > best.share || (share === best.share && mentioned > best.mentioned);
    if (share >= mentionedShare && better) best = { card, name, share, mentioned };
  }
  return best && { card: best.card, name: best.name };
}
