/**
 * Text of untrusted origin (a candidate's answer, an LLM's feedback) made safe to put into a
 * Markdown document: it reads as the same text in any CommonMark or GFM viewer and never becomes
 * markup (a heading, a link, an image, HTML, emphasis, a list, a table, a code block). A bare
 * http(s), www or e-mail address stays clickable in GFM viewers, which link them in plain text
 * whatever the source looks like; such a link shows its own target, and never a javascript: one.
 */

/**
 * Every way a viewer might end a line: CRLF, a lone CR or LF (all CommonMark), and NEL, the
 * Unicode line and paragraph separators, vertical tab and form feed, which some renderers honour.
 */
const lineEnding = /\r\n|[\r\n\u0085\u2028\u2029\v\f]/;
/** The ASCII punctuation CommonMark lets a backslash escape; between them, all of its syntax. */
const punctuation = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;
const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

function escapeLine(line: string): string {
  const escaped = line.replace(punctuation, (character) => entities[character] ?? `\\${character}`);
  // Leading spaces or a tab would make an indented code block, where escapes show as typed; the
  // no-break spaces keep the candidate's indentation visible without meaning anything.
  return escaped.replace(/^[ \t]+/, (indent) => indent.replace(/ /g, '\u00a0').replace(/\t/g, '\u00a0'.repeat(4)));
}

/** Escaped text for one line of a document (a list item, a label): its line endings become spaces. */
export function escapeMarkdown(text: string): string {
  return escapeLine(text.split(lineEnding).join(' '));
}

/**
 * The text as a block quote, whatever its line endings: each line escaped, line breaks kept as
 * hard breaks (so code keeps its shape), blank lines as paragraph breaks within the quote.
 */
export function quoteMarkdown(text: string): string {
  const lines = text.split(lineEnding).map(escapeLine);
  return lines
    .map((line, index) => {
      if (!line) return '>';
      const continues = Boolean(lines[index + 1]);
      return `> ${line}${continues ? '\\' : ''}`;
    })
    .join('\n');
}
