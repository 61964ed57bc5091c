/**
 * Which part of a note a question asks about: the section its headings name, or that its text holds, or (for sections
 * headed by questions on one subject) the one whose heading asks what the question asks. Answering such a question,
 * making that part's points is a complete answer (offline-scorer.ts).
 */
import { capPoints, type KeyPointSpec } from './key-points.ts';
import type { UnitLookup } from './coverage.ts';
import { profileText, shareFound, topicUnits } from './text-analysis.ts';

/**
 * Points under the part of the note the question asks about. A long note is often an overview
 * with sections ("#### 垃圾回收触发时机", "#### GC性能优化"); a question about one of them is
 * answered by that section, not by the whole note. Applies only when one section's headings name
 * clearly more of the question than the others.
 */
const focusCache = new WeakMap<readonly KeyPointSpec[], Map<string, KeyPointSpec[]>>();

/**
 * `specs` are all of a note's points (extractAllKeyPoints); the result is capped after focusing.
 * `subject` is the note's own heading path ("go > 聊聊你对gc的理解"): what the whole note is about
 * does not tell its sections apart, so those words do not choose one ("Go 的 GC 什么时候触发" is
 * about 触发, not about the section whose heading happens to repeat "Go").
 */
export function focusOn(question: string, specs: readonly KeyPointSpec[], subject = ''): KeyPointSpec[] {
  const byQuestion = focusCache.get(specs) ?? new Map<string, KeyPointSpec[]>();
  focusCache.set(specs, byQuestion);
  const key = `${question}\u0000${subject}`;
  let focused = byQuestion.get(key);
  if (!focused) {
    focused = capPoints(focusSection(question, specs, subject));
    if (byQuestion.size > 64) byQuestion.clear();
    byQuestion.set(key, focused);
  }
  return focused;
}

function focusSection(question: string, specs: readonly KeyPointSpec[], subject: string): KeyPointSpec[] {
  const noteSubject = profileText(subject).units;
  const wanted = new Map([...topicUnits(question)].filter(([unit]) => !noteSubject.has(unit)));
  const sections = new Map<string, KeyPointSpec[]>();
  for (const spec of specs) for (const heading of spec.section) sections.set(heading, [...(sections.get(heading) ?? []), spec]);
  if (sections.size < 2) return [...specs];
  const share = (units: UnitLookup) => shareFound(wanted, units);
  const byHeading = [...sections.keys()].map((heading) => ({ heading, match: share(profileText(heading).units) }));
  const named = chosenSection(byHeading, sections, specs, 0.3);
  // Headings that tie on the question's topic leave it to what each asks.
  const undecided = !named || named.length === specs.length;
  return (named && betterHeldElsewhere(named, sections, share)) ?? (undecided ? sectionByAspect(question, noteSubject, sections, specs) : undefined) ?? named ?? sectionByContent(sections, specs, share) ?? [...specs];
}

/**
 * Sections headed by questions about one subject ("Q：JWT 怎么工作？", "Q：JWT 的主要缺点？") differ only in what they ask: the
 * topic words tie, and the aspect a question asks about (缺点, 怎么工作) names its section. Taken only when one section's
 * heading holds clearly more of the whole question than any other.
 */
function sectionByAspect(question: string, noteSubject: ReadonlySet<string> | ReadonlyMap<string, number>, sections: ReadonlyMap<string, KeyPointSpec[]>, specs: readonly KeyPointSpec[]): KeyPointSpec[] | undefined {
  const asked = new Map([...profileText(question).units].filter(([unit]) => !noteSubject.has(unit)));
  const ranked = [...sections].map(([heading, points]) => ({ points, match: shareFound(asked, profileText(heading).units) })).sort((a, b) => b.match - a.match);
  const [best, next] = ranked;
  if (!best || best.match < aspectSectionMatch || (next && next.match > best.match - aspectSectionLead) || best.points.length >= specs.length) return undefined;
  return best.points;
}

/** Share of the whole question a section's heading must hold, and its lead over the next, to be the one it asks about. */
const aspectSectionMatch = 0.5;
const aspectSectionLead = 0.2;

/** The units a section's points hold between them: what its text says, for the focus measures below. */
function unitsOf(points: readonly KeyPointSpec[]): UnitLookup {
  return { has: (unit) => points.some((point) => point.profile.units.has(unit)) };
}

/** Lead, in share of the question, by which another section's heading and text must hold more than the named one's. */
const namedSectionLead = 0.1;

/**
 * A heading that shares the question's plain words ("内存分配量达到阈值触发GC" for "Go 的内存分配是怎么管理的？mcache、
 * mcentral 各是什么角色？") loses to a section that, heading and text together, holds clearly more of the question and
 * most of it (the one on mcache and mcentral): what a section is about is in its text as much as in its heading.
 */
function betterHeldElsewhere(named: readonly KeyPointSpec[], sections: ReadonlyMap<string, KeyPointSpec[]>, share: (units: UnitLookup) => number): KeyPointSpec[] | undefined {
  const held = (heading: string, points: readonly KeyPointSpec[]) => {
    const headingUnits = profileText(heading).units;
    const text = unitsOf(points);
    return share({ has: (unit) => headingUnits.has(unit) || text.has(unit) });
  };
  const namedHeading = [...sections].find(([, points]) => points.length === named.length && points.every((point) => named.includes(point)))?.[0] ?? '';
  const namedHeld = held(namedHeading, named);
  let best: { points: KeyPointSpec[]; held: number } | undefined;
  for (const [heading, points] of sections) {
    if (points.some((point) => named.includes(point))) continue;
    const candidate = held(heading, points);
    if (candidate >= contentFocusMatch && candidate >= namedHeld + namedSectionLead && (!best || candidate > best.held)) best = { points, held: candidate };
  }
  return best?.points;
}

/**
 * The section whose own text names the question when no heading does: "Go 的逃逸分析是做什么的？" of an
 * overview "聊聊你对gc的理解" whose escape analysis sits under "#### GC性能优化". The smallest section holding
 * nearly all the question's words that the note holds is chosen, and only when every section outside it
 * holds clearly less: a question about the whole note names words every section uses, and keeps them all.
 */
const contentFocusMatch = 0.5;
const contentFocusLead = 0.3;

function sectionByContent(sections: ReadonlyMap<string, KeyPointSpec[]>, specs: readonly KeyPointSpec[], share: (units: UnitLookup) => number): KeyPointSpec[] | undefined {
  const matches = [...sections.values()].map((points) => ({ points, match: share(unitsOf(points)) }));
  const top = Math.max(...matches.map((entry) => entry.match));
  if (top < contentFocusMatch) return undefined;
  const candidates = matches.filter((entry) => entry.match >= top - 0.1).sort((a, b) => a.points.length - b.points.length);
  const chosen = candidates[0]!;
  const within = (inner: KeyPointSpec[], outer: KeyPointSpec[]) => inner.every((point) => outer.includes(point));
  const nested = (entry: { points: KeyPointSpec[] }) => within(chosen.points, entry.points) || within(entry.points, chosen.points);
  if (!candidates.every(nested)) return undefined;
  if (matches.some((entry) => !nested(entry) && entry.match > chosen.match - contentFocusLead)) return undefined;
  return chosen.points.length < specs.length ? chosen.points : undefined;
}

function chosenSection(matches: readonly { heading: string; match: number }[], sections: ReadonlyMap<string, KeyPointSpec[]>, specs: readonly KeyPointSpec[], threshold: number): KeyPointSpec[] | undefined {
  if (!matches.length) return undefined;
  const bestMatch = Math.max(...matches.map((entry) => entry.match));
  if (bestMatch < threshold) return undefined;
  // Sections that match about as well: a clear winner, or one that holds all the others (the
  // parent "垃圾回收触发时机" ties with its own sub-section "手动触发" on 触发, and is the answer).
  const contenders = matches.filter((entry) => entry.match > bestMatch - 0.1).map((entry) => sections.get(entry.heading) ?? []);
  const widest = contenders.reduce((widest, points) => (points.length > widest.length ? points : widest), contenders[0] ?? []);
  if (!contenders.every((points) => points.every((point) => widest.includes(point)))) return [...specs];
  return widest.length >= 1 && widest.length < specs.length ? widest : [...specs];
}

