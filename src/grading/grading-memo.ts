/**
 * Work the offline grader does on a card's own text (its reference, key points and question) is
 * the same for every answer to that card, and cards do not change until the notes are
 * re-indexed. These memos keep that work, so grading an answer computes only what depends on the
 * answer. Results are shared, so they must be treated as read-only, like the profiles they hold.
 */

/** Entries a text-keyed memo keeps: several per card for a bank of a few thousand cards. */
const defaultTextEntries = 8192;

/**
 * `compute` remembered by its text argument, in two generations: entries go into the recent one, and
 * when it holds half of `maxEntries` it becomes the old one and the old one is dropped; an old entry
 * read again moves to the recent one. So what is in use stays, memory stays under `maxEntries`, and a
 * hit is one Map read. (A least-recently-used order moved the entry on every hit: a delete and a set
 * for each of the thousands of reads a grading makes, 3 % of the server thread.)
 */
export function memoByText<Value>(compute: (text: string) => Value, maxEntries = defaultTextEntries): (text: string) => Value {
  const generation = Math.max(1, Math.ceil(maxEntries / 2));
  let recent = new Map<string, Value>();
  let old = new Map<string, Value>();
  const remember = (text: string, value: Value) => {
    if (recent.size >= generation) {
      old = recent;
      recent = new Map();
    }
    recent.set(text, value);
    return value;
  };
  return (text) => {
    const known = recent.get(text);
    if (known !== undefined || recent.has(text)) return known as Value;
    const kept = old.get(text);
    if (kept !== undefined || old.has(text)) return remember(text, kept as Value);
    return remember(text, compute(text));
  };
}

/** `compute` remembered per object (a card's key-point list, a profile), forgotten with it. */
export function memoByObject<Key extends object, Value>(compute: (key: Key) => Value): (key: Key) => Value {
  const entries = new WeakMap<Key, Value>();
  return (key) => {
    if (entries.has(key)) return entries.get(key) as Value;
    const value = compute(key);
    entries.set(key, value);
    return value;
  };
}
