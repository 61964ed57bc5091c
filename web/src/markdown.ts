import DOMPurify from 'dompurify';
import { Marked } from 'marked';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Raw HTML inside Markdown is shown as text, not interpreted: notes and interviewer lines may
 * quote a candidate's answer, and `<img onerror>` must stay visible and inert, in a link's text
 * too: that is rendered from its tokens, so raw HTML there goes through `html` like anywhere else.
 * Only http(s) links stay links. DOMPurify then sanitises the result as a second, independent
 * layer; this one must be safe without it (tests/security/markdown-renderer.test.ts).
 */
const marked = new Marked({
  gfm: true,
  breaks: true,
  async: false,
  renderer: {
    html: ({ text }) => escapeHtml(text),
    image: ({ text }) => escapeHtml(text),
    link({ href, tokens }) {
      const text = this.parser.parseInline(tokens);
      return /^https?:\/\//i.test(href) ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer" target="_blank">${text}</a>` : text;
    },
  },
});

const allowedTags = [
  'p', 'br', 'strong', 'em', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'hr', 'a',
];

export function renderMarkdown(source: string): string {
  const html = marked.parse(source, { async: false });
  return DOMPurify.sanitize(html, {
    ALLOWED_TAGS: allowedTags,
    ALLOWED_ATTR: ['href', 'rel', 'target', 'align', 'start'],
    ALLOW_DATA_ATTR: false,
  });
}
