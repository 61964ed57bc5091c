/**
 * Work the offline grader does on a card's own text (its reference, key points and question) is
 * the same for every answer to that card, and cards do not change until the notes are
 * re-indexed. These memos keep that work, so grading an answer computes only what depends on the
 * answer. Results are shared, so they must be treated as read-only, like the profiles they hold.
 */

/** Entries a text-keyed memo keeps: several per card for a bank of a few thousand cards. */
const defaultTextEntries = 8192;

/**
 * `compute` remembered by its text argument; the least recently used entry goes first once
 * `maxEntries` are kept, so a changed note never grows memory without bound.
 */
export function memoByText<Value>(compute: (text: string) => Value, maxEntries = defaultTextEntries): (text: string) => Value {
  const entries = new Map<string, Value>();
  return (text) => {
    const known = entries.get(text);
    if (known !== undefined || entries.has(text)) {
      // Re-inserted, so the Map's order is least recently used first.
      entries.delete(text);
      entries.set(text, known as Value);
      return known as Value;
    }
    const value = compute(text);
    if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
    entries.set(text, value);
    return value;
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
