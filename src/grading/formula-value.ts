/**
 * Whether two result formulas say the same quantity: "3(n-i+1)", "3*(n+1-i)" and "3n-3i+3" do, "2^n-1"
 * and "2^(n-1)" do not. Each is read as arithmetic over single-letter variables and evaluated at a few
 * sample points; equal values everywhere is equality. Notes and answers write formulas as people do, with
 * implicit products ("2n+1", "n(n+1)", "nlogn"), so the reader is written for that grammar: mathjs reads
 * "n(n+1)" as a call of a function n, and expr-eval has open code-injection advisories. Nothing is ever
 * executed: text that is not such a formula has no value and compares as unknown.
 */

type Values = Readonly<Record<string, number>>;
type Expression = (values: Values) => number;

/**
 * Sample values of every letter, three points where distinct low-degree formulas (n/2 and (n-1)/2, 2^(n-1)
 * and 2n-2) differ somewhere; values stay small so powers stay exact.
 */
const samples: readonly Values[] = [0, 1, 2].map((point) =>
  Object.fromEntries(Array.from('abcdefghijklmnopqrstuvwxyz', (letter, index) => [letter, ((index * 7 + point * 5) % 11) + 2])),
);

/** Where a formula's value is stated: the right-hand side of "ai=3(n-i+1)", inside "O(nlogn)". */
function valuePart(formula: string): string {
  const plain = formula.replace(/^\$/u, '');
  // A list marker glued on ("(2)(2n+1)/3" from "（2）（2n+1）/3") numbers the result; it does not multiply it.
  const side = plain.slice(plain.lastIndexOf('=') + 1).replace(/^\(\d\)(?=.)/u, '');
  const bigO = /^o\((.*)\)$/u.exec(side);
  return (bigO ? bigO[1]! : side).replace(/[×*·]/gu, '*').replace(/\s+/g, '');
}

/** Reads `text`; undefined when it is not arithmetic over letters and numbers, or names no variable and no operator. */
export function readFormula(formula: string): Expression | undefined {
  const lower = formula.toLowerCase().replace(/^\$/u, '');
  // A comparison ("0<=i<=n-1") states a range, not a value.
  if (/[<>≤≥]/u.test(lower)) return undefined;
  const text = valuePart(lower);
  // A bare number is a value only as a complexity ("O(1)"); elsewhere it is a count the number checks read.
  if ((!/[a-z+\-*/^(]/u.test(text) && !/^o\(/u.test(lower.slice(lower.lastIndexOf('=') + 1))) || text.length > 40) return undefined;
  let at = 0;
  const peek = () => text[at];

  // sum := product (('+'|'-') product)*
  function sum(): Expression | undefined {
    let left = product();
    while (left && (peek() === '+' || peek() === '-')) {
      const sign = text[at++];
      const right = product();
      if (!right) return undefined;
      const before: Expression = left;
      left = sign === '+' ? (values) => before(values) + right(values) : (values) => before(values) - right(values);
    }
    return left;
  }
  // product := power (('*'|'/')? power)*  — juxtaposition ("3n", "n(n+1)", "nlogn") multiplies.
  function product(): Expression | undefined {
    let left = power();
    while (left) {
      const operator = peek();
      if (operator === '*' || operator === '/') at += 1;
      else if (!operator || !/[a-z0-9.(]/u.test(operator)) break;
      const right = power();
      if (!right) return undefined;
      const before: Expression = left;
      left = operator === '/' ? (values) => before(values) / right(values) : (values) => before(values) * right(values);
    }
    return left;
  }
  // power := unary ('^' power)?
  function power(): Expression | undefined {
    const base = unary();
    if (!base || peek() !== '^') return base;
    at += 1;
    const exponent = power();
    return exponent && ((values) => base(values) ** exponent(values));
  }
  function unary(): Expression | undefined {
    if (peek() === '-') {
      at += 1;
      const inner = unary();
      return inner && ((values) => -inner(values));
    }
    return atom();
  }
  function atom(): Expression | undefined {
    const character = peek();
    if (character === '(') {
      at += 1;
      const inner = sum();
      if (!inner || peek() !== ')') return undefined;
      at += 1;
      return inner;
    }
    const number = /^\d+(?:\.\d+)?/u.exec(text.slice(at));
    if (number) {
      at += number[0].length;
      const value = Number(number[0]);
      return () => value;
    }
    if (text.startsWith('log', at)) {
      at += 3;
      const argument = atom();
      return argument && ((values) => Math.log2(argument(values)));
    }
    if (character && /[a-z]/u.test(character)) {
      at += 1;
      return (values) => values[character]!;
    }
    return undefined;
  }

  const expression = sum();
  return expression && at === text.length ? expression : undefined;
}

/** True or false when both are formulas with values at every sample; undefined when either is not. */
export function sameQuantity(a: string, b: string): boolean | undefined {
  const first = readFormula(a);
  const second = readFormula(b);
  if (!first || !second) return undefined;
  for (const values of samples) {
    const x = first(values);
    const y = second(values);
    if (!Number.isFinite(x) || !Number.isFinite(y)) return undefined;
    if (Math.abs(x - y) > 1e-9 * Math.max(1, Math.abs(x), Math.abs(y))) return false;
  }
  return true;
}

/** The letters a formula's value depends on ("3(n+1-i)" → i, n); "log" is a function, not three letters. */
export function formulaVariables(formula: string): string {
  return [...new Set(valuePart(formula.toLowerCase()).replace(/log/gu, '').match(/[a-z]/gu) ?? [])].sort().join('');
}
