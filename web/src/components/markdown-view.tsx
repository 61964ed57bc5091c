import { useMemo } from 'preact/hooks';
import { renderMarkdown } from '../markdown.ts';

/** Sanitised Markdown; the only place the app sets innerHTML. */
export function MarkdownView({ source, class: className }: { source: string; class?: string }) {
  const html = useMemo(() => renderMarkdown(source), [source]);
  return <div class={`md ${className ?? ''}`} dangerouslySetInnerHTML={{ __html: html }} />;
}
