/**
 * Offline interviewer wording. The phrasing lives in an editable Markdown file
 * (`prompts/interviewer-templates.md`): each `## slot` heading is followed by `- variant` bullets,
 * and a variant may use `{placeholders}` from the slot's allowed list. Lines that are neither
 * headings nor bullets are prose for the human editing the file and are ignored.
 */

/** Every slot the engine speaks through, with the placeholders a variant may use. */
export const templateSlots = {
  'opening-intro': ['topics', 'total'],
  'opening-item': ['question', 'topics', 'total'],
  'start-practice': ['question', 'topics', 'total'],
  'start-drill-due': ['question', 'topic', 'due', 'total'],
  'start-drill-new': ['question', 'topic', 'total'],
  'start-drill-chosen': ['question', 'total'],
  'first-question': ['question', 'index', 'total'],
  'next-question': ['question', 'index', 'total'],
  'last-question': ['question', 'index', 'total'],
  'ask-about': ['topic'],
  'opening-project': ['project'],
  'opening-project-generic': [],
  'transition-opening': [],
  'transition-strong': [],
  'transition-partial': [],
  'transition-weak': [],
  'transition-none': [],
  'followup-missed': ['concepts'],
  'followup-missed-ask': ['ask'],
  'followup-log': ['question'],
  'followup-deeper': ['question'],
  'project-intro': ['question'],
  'project-why': [],
  'project-hard': [],
  'project-change': [],
  'project-numbers': [],
  'transition-project': [],
  'closing-question': [],
  'closing-reply': [],
  'hint-concept': ['concepts', 'cap'],
  'hint-direction': ['concepts', 'cap'],
  'hint-exhausted': [],
  'hint-unavailable': [],
  'hint-none': [],
  'skip-ack': [],
  'closing-interview': ['count'],
  'closing-practice': ['count', 'score'],
  'closing-drill': ['count', 'score', 'topic'],
} as const satisfies Record<string, readonly string[]>;

export type TemplateSlot = keyof typeof templateSlots;
export type Templates = Readonly<Record<TemplateSlot, readonly string[]>>;

/** Slots rendered often enough that one phrasing would feel robotic; they need several variants. */
const minimumVariants = 3;
const frequentSlots: readonly TemplateSlot[] = [
  'next-question',
  'transition-strong',
  'transition-partial',
  'transition-weak',
  'transition-none',
  'followup-missed',
  'followup-missed-ask',
  'hint-concept',
  'hint-direction',
  'skip-ack',
];

const placeholderPattern = /\{([a-zA-Z]+)\}/g;

function isSlot(name: string): name is TemplateSlot {
  return Object.hasOwn(templateSlots, name);
}

/**
 * Parses and validates a template file. Throws with the offending line when a slot is unknown,
 * missing, too thin, or a variant uses a placeholder its slot does not provide, so a bad edit
 * fails at startup rather than mid-interview.
 */
export function parseTemplates(markdown: string): Templates {
  const variants = new Map<TemplateSlot, string[]>();
  let slot: TemplateSlot | undefined;
  let inComment = false;
  const lines = markdown.split(/\r?\n/);

  lines.forEach((raw, index) => {
    const line = raw.trimEnd();
    const where = `interviewer templates line ${index + 1}`;
    if (inComment) {
      if (line.includes('-->')) inComment = false;
      return;
    }
    if (line.trimStart().startsWith('<!--')) {
      inComment = !line.includes('-->');
      return;
    }
    const heading = /^##\s+([a-z][a-z-]*)\b/.exec(line);
    if (heading) {
      const name = heading[1] ?? '';
      if (!isSlot(name)) throw new Error(`${where}: unknown slot "${name}"`);
      slot = name;
      if (!variants.has(slot)) variants.set(slot, []);
      return;
    }
    if (/^#/.test(line)) {
      slot = undefined;
      return;
    }
    if (!slot) return;
    const bullet = /^[-*]\s+(.*)$/.exec(line);
    const list = variants.get(slot) ?? [];
    if (bullet) {
      const text = (bullet[1] ?? '').trim();
      checkPlaceholders(slot, text, where);
      list.push(text);
      return;
    }
    // An indented line continues the previous variant (long lines wrapped by the editor).
    if (/^\s+\S/.test(line) && list.length > 0) {
      const continued = `${list[list.length - 1] ?? ''}${line.trim()}`;
      checkPlaceholders(slot, continued, where);
      list[list.length - 1] = continued;
    }
  });

  const result = {} as Record<TemplateSlot, readonly string[]>;
  for (const name of Object.keys(templateSlots) as TemplateSlot[]) {
    const list = (variants.get(name) ?? []).filter((text) => text.length > 0);
    if (list.length === 0) throw new Error(`interviewer templates: slot "${name}" has no variants`);
    if (frequentSlots.includes(name) && list.length < minimumVariants) {
      throw new Error(`interviewer templates: slot "${name}" needs at least ${minimumVariants} variants`);
    }
    result[name] = list;
  }
  return result;
}

function checkPlaceholders(slot: TemplateSlot, text: string, where: string): void {
  const allowed: readonly string[] = templateSlots[slot];
  for (const match of text.matchAll(placeholderPattern)) {
    const name = match[1] ?? '';
    if (!allowed.includes(name)) throw new Error(`${where}: slot "${slot}" has no placeholder {${name}}`);
  }
}

/** Fills `{placeholders}`; values are inserted verbatim and never re-expanded. */
export function renderTemplate(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(placeholderPattern, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : String(value);
  });
}

/**
 * Picks a variant index with `random`, never the one used last time for this slot, so the same
 * phrasing does not come twice in a row. `lastUsed` is the session's memory of previous picks.
 */
export function pickVariant(count: number, lastUsed: number | undefined, random: () => number): number {
  if (count <= 1) return 0;
  const choices = lastUsed !== undefined && lastUsed >= 0 && lastUsed < count ? count - 1 : count;
  let index = Math.min(choices - 1, Math.floor(random() * choices));
  if (choices < count && lastUsed !== undefined && index >= lastUsed) index += 1;
  return index;
}
