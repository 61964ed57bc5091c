/**
 * The negation the yes/no readers look for before a verdict or a predicate (sub-question-verdict.ts, copula-verdict.ts), and
 * the words that hold one of its characters without negating anything (不断, 无论, 非常…). One list, so a word added for one
 * reader is read by both.
 */
export const negation = /不|没|无|未|非|否/u;
export const notNegations = /不断|不同|不仅|不但|不论|不管|无论|非常|不少|不久|未来|无需|非得/gu;
