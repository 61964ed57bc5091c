/**
 * The marks that end a clause and a sentence in Chinese and English text as the verdict readers split it: a comma ends a
 * clause, a full stop, semicolon, exclamation or question mark (either width) or a line break ends both. One pair for
 * every reader, so a mark added for one is read by all.
 */
export const clauseEnd = /[，,。；;！!？?\n]/u;
export const sentenceEnd = /[。；;！!？?\n]/u;
