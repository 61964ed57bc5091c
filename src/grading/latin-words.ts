/**
 * Latin words as wholes: a Latin name inside a longer one is another name (save is not in bgsave,
 * commit is not in autocommit), while a Chinese word needs no boundary of its own.
 */

/** A character a Latin word (an identifier) runs on through. */
const latinWordCharacter = /[a-z0-9_]/;

/** Whether a word is a Latin identifier only ("bgsave", "s1"; not "node.js" or "io密集型"). */
export const isIdentifier = (word: string): boolean => /^[a-z0-9_]+$/.test(word);

/** Whether `at` falls inside a Latin word of `text`: the characters on both sides of it are of one. */
export function cutsLatinWord(text: string, at: number): boolean {
  return latinWordCharacter.test(text[at - 1] ?? '') && latinWordCharacter.test(text[at] ?? '');
}

/**
 * Where `piece` first stands in `text` without cutting a Latin word at either end ("save" not in "bgsave",
 * "save是创建一个子进程" not in "bgsave是创建一个子进程"), or -1. Text is compared as given: lower-case both.
 */
export function wholeIndexOf(text: string, piece: string): number {
  for (let at = text.indexOf(piece); at >= 0; at = text.indexOf(piece, at + 1)) {
    if (!cutsLatinWord(text, at) && !cutsLatinWord(text, at + piece.length)) return at;
  }
  return -1;
}

/** How many times `piece` stands in `text` without cutting a Latin word at either end (wholeIndexOf's test, counted). */
export function wholeCount(text: string, piece: string): number {
  let count = 0;
  for (let at = text.indexOf(piece); at >= 0; at = text.indexOf(piece, at + 1)) {
    if (!cutsLatinWord(text, at) && !cutsLatinWord(text, at + piece.length)) count += 1;
  }
  return count;
}
