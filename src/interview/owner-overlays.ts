/**
 * Sessions see the bank through their owner's overlays (题库 page fixes): the planner never picks
 * an excluded card, a merged pair is asked once, questions read as the owner worded them, and
 * answers are graded on the owner's key points. The engine itself knows nothing of overlays: each
 * call gets an engine context whose `kb` is the owner's view of the bank.
 */
import { overlaidKnowledgeBase } from '../ingest/card-overlays.ts';
import type { EngineContext } from './engine-context.ts';

/** The context for one owner's call; the shared one when the owner has no overlay. */
export async function contextForOwner(ctx: EngineContext, ownerId: string): Promise<EngineContext> {
  const overlays = await ctx.store.listOverlays(ownerId);
  if (overlays.length === 0) return ctx;
  // In-flight locks stay shared. Cards near a card are searched in the owner's view, so that cache
  // is the call's own: one owner's exclusions must not thin another's follow-ups.
  return { ...ctx, kb: overlaidKnowledgeBase(ctx.kb, overlays), related: new Map() };
}
