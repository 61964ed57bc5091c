import { LlmError, type LlmClient, type LlmHealth } from '../llm/client.ts';

/** What /api/health says about the LLM provider: how its most recent call ended, if any. */
export interface ProviderReport {
  /** True when the last call got a usable reply; null before any call. */
  answered: boolean | null;
  at?: string;
  /** Why the last call failed (timeout, http, network, …). */
  failure?: string;
}

/**
 * Watches the calls the grader and the interviewer make, so health can say whether the provider
 * is answering without making calls of its own (an open endpoint must not spend the owner's
 * quota) and without naming the provider's host.
 */
export class ProviderStatus {
  private last: ProviderReport = { answered: null };

  report(): ProviderReport {
    return this.last;
  }

  /** `degraded` while the client's circuit breaker skips the LLM; see `LlmClient.health`. */
  health: () => LlmHealth = () => ({ degraded: false });

  watch(client: LlmClient): LlmClient {
    this.health = () => client.health();
    return {
      model: client.model,
      completeJson: (messages, schema, options) => this.track(client.completeJson(messages, schema, options)),
      decide: (request, options) => this.track(client.decide(request, options)),
      health: () => client.health(),
    };
  }

  private async track<T>(call: Promise<T>): Promise<T> {
    try {
      const value = await call;
      this.last = { answered: true, at: new Date().toISOString() };
      return value;
    } catch (error) {
      // A caller that gave up (the client disconnected) says nothing about the provider.
      if (!(error instanceof LlmError && error.kind === 'aborted')) {
        this.last = { answered: false, at: new Date().toISOString(), failure: error instanceof LlmError ? error.kind : 'error' };
      }
      throw error;
    }
  }
}
