/**
 * The phase plan: which parts a session of each mode runs, in order, and how many follow-ups
 * each allows. It is data, in `prompts/interviewer-phases.md`, so an interview can be reshaped
 * (no project deep-dive, no closing questions) without touching code.
 */
import { AppError } from '../core/errors.ts';
import type { SessionMode } from '../core/types.ts';
import { phaseNames, type PhaseName } from './session-state.ts';

export interface PhaseStep {
  phase: PhaseName;
  followups: number;
}
export type PhasePlan = Readonly<Record<SessionMode, readonly PhaseStep[]>>;

const modes: readonly SessionMode[] = ['interview', 'practice', 'drill'];
/** What a phase allows when its line names no `followups`. */
const defaultFollowups: Record<PhaseName, number> = { opening: 1, technical: 2, project: 2, closing: 0 };
const mostFollowups = 4;

function isPhase(name: string): name is PhaseName {
  return (phaseNames as readonly string[]).includes(name);
}

function isMode(name: string): name is SessionMode {
  return (modes as readonly string[]).includes(name);
}

/** Parses the plan; a typo fails at startup with its line, never mid-interview. */
export function parsePhasePlan(markdown: string): PhasePlan {
  const plan: Record<SessionMode, PhaseStep[]> = { interview: [], practice: [], drill: [] };
  let mode: SessionMode | undefined;
  markdown.split(/\r?\n/).forEach((raw, index) => {
    const where = `prompts/interviewer-phases.md line ${index + 1}`;
    const heading = /^##\s+(\S+)/.exec(raw);
    if (heading) {
      const name = heading[1] ?? '';
      if (!isMode(name)) throw new AppError('internal', `${where}: unknown mode "${name}"`);
      mode = name;
      return;
    }
    if (/^#/.test(raw)) {
      mode = undefined;
      return;
    }
    const bullet = /^-\s+([a-z]+)(?:\s+followups\s+(\d+))?\s*$/.exec(raw.trim());
    if (!mode || !bullet) return;
    const phase = bullet[1] ?? '';
    if (!isPhase(phase)) throw new AppError('internal', `${where}: unknown phase "${phase}"`);
    const followups = bullet[2] === undefined ? defaultFollowups[phase] : Number(bullet[2]);
    if (followups > mostFollowups) throw new AppError('internal', `${where}: at most ${mostFollowups} follow-ups`);
    plan[mode].push({ phase, followups });
  });
  for (const name of modes) {
    if (!plan[name].some((step) => step.phase === 'technical')) {
      throw new AppError('internal', `prompts/interviewer-phases.md: mode "${name}" needs a technical phase`);
    }
  }
  return plan;
}

/** The phase after `phase` in a mode's plan, or undefined at the end. */
export function phaseAfter(plan: PhasePlan, mode: SessionMode, phase: PhaseName): PhaseName | undefined {
  const steps = plan[mode];
  const index = steps.findIndex((step) => step.phase === phase);
  return steps[index + 1]?.phase;
}

export function followupsAllowed(plan: PhasePlan, mode: SessionMode, phase: PhaseName): number {
  return plan[mode].find((step) => step.phase === phase)?.followups ?? 0;
}

export function hasPhase(plan: PhasePlan, mode: SessionMode, phase: PhaseName): boolean {
  return plan[mode].some((step) => step.phase === phase);
}
