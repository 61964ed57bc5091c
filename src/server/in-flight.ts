import { AppError } from '../core/errors.ts';

/**
 * At most one turn per session is processed at a time by this app instance, so a double-click
 * or a second tab fails fast with 409 instead of grading twice; the store's version check is
 * the guard across instances.
 */
export class InFlightTurns {
  private readonly busy = new Set<string>();

  acquire(sessionId: string): () => void {
    if (this.busy.has(sessionId)) {
      throw new AppError('conflict', 'this session is already processing an answer; reload the session and try again');
    }
    this.busy.add(sessionId);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.busy.delete(sessionId);
    };
  }
}
