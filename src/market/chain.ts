/** Ask providers in order; the first success wins and is labelled with where it came from. */
import type { Logger } from '../logger.ts';
import { providerRequestsTotal } from '../observability/metrics.ts';
import type { Dataset } from './freshness.ts';
import type { Fetched } from './providers/provider.ts';
import type { SourceStatus } from './status.ts';
import { ProviderError, UnknownSymbolError, type Provenance } from './types.ts';

export interface ChainStep<T> {
  id: string;
  run: () => Promise<Fetched<T>>;
}

export interface Answer<T> {
  value: T;
  provenance: Provenance;
}

export interface Failure {
  provider: string;
  error: Error;
}

/** Every provider of a dataset failed; `failures` says how, in order. */
export class AllProvidersFailedError extends ProviderError {
  constructor(
    readonly dataset: Dataset,
    readonly failures: Failure[],
  ) {
    const allNotFound = failures.length > 0 && failures.every((f) => f.error instanceof ProviderError && f.error.kind === 'not_found');
    // "Not found" only when every provider said so: one that could not be reached may well know the symbol.
    const lastKind = [...failures]
      .reverse()
      .map((f) => f.error)
      .find((e): e is ProviderError => e instanceof ProviderError && e.kind !== 'not_found');
    super('chain', `no provider answered for ${dataset}: ${failures.map((f) => f.error.message).join('; ') || 'none configured'}`, allNotFound ? 'not_found' : (lastKind?.kind ?? 'http'));
    this.name = 'AllProvidersFailedError';
  }
}

export interface ChainContext {
  dataset: Dataset;
  now: () => Date;
  status?: SourceStatus;
  logger?: Logger;
  breaker?: Breaker;
}

/**
 * Skips a provider for a cool-down after it failed in a way that says the host is unwell (timeout,
 * HTTP or network error, rate limit), so requests do not each wait out the same timeout before falling
 * back. Bad payloads and unknown symbols do not open it: they concern one request.
 */
export class Breaker {
  readonly #openUntil = new Map<string, { until: number; reason: string }>();
  readonly #cooldownMs: number;
  readonly #clock: () => number;

  /** `clock` is real elapsed time in ms (not the app's "now", which CAPWATCH_NOW may freeze). */
  constructor(cooldownMs = 30_000, clock: () => number = () => performance.now()) {
    this.#cooldownMs = cooldownMs;
    this.#clock = clock;
  }

  /** Why the provider is being skipped, or null when it may be asked. */
  skipReason(provider: string): string | null {
    const open = this.#openUntil.get(provider);
    if (!open) return null;
    if (this.#clock() >= open.until) {
      this.#openUntil.delete(provider);
      return null;
    }
    return open.reason;
  }

  record(provider: string, error: ProviderError | null): void {
    if (error === null) this.#openUntil.delete(provider);
    else if (error.kind === 'timeout' || error.kind === 'http' || error.kind === 'rate_limited') {
      if (this.#cooldownMs > 0) this.#openUntil.set(provider, { until: this.#clock() + this.#cooldownMs, reason: error.message });
    }
  }
}

export async function runChain<T>(ctx: ChainContext, steps: ChainStep<T>[]): Promise<Answer<T>> {
  const failures: Failure[] = [];
  for (const [index, step] of steps.entries()) {
    const skip = ctx.breaker?.skipReason(step.id);
    if (skip) {
      failures.push({ provider: step.id, error: new ProviderError(step.id, `skipped for now after: ${skip}`, 'http') });
      continue;
    }
    try {
      const got = await step.run();
      ctx.breaker?.record(step.id, null);
      const provenance: Provenance = {
        source: got.source,
        provider: step.id,
        asOf: got.asOf,
        fetchedAt: ctx.now().toISOString(),
        stale: false,
        fallback: index > 0,
        snapshot: false,
      };
      ctx.status?.recordSuccess(ctx.dataset, provenance);
      providerRequestsTotal.inc({ provider: step.id, dataset: ctx.dataset, outcome: 'ok' });
      return { value: got.value, provenance };
    } catch (err) {
      // Text that cannot be a ticker is the user's mistake, not the provider's.
      if (err instanceof UnknownSymbolError) throw err;
      const error = err instanceof ProviderError ? err : new ProviderError(step.id, `unexpected failure: ${describe(err)}`, 'invalid');
      failures.push({ provider: step.id, error });
      ctx.breaker?.record(step.id, error);
      providerRequestsTotal.inc({ provider: step.id, dataset: ctx.dataset, outcome: error.kind });
      ctx.status?.recordError(ctx.dataset, step.id, error.message);
      ctx.logger?.warn('market provider failed', { dataset: ctx.dataset, provider: step.id, kind: error.kind, error: error.message });
    }
  }
  throw new AllProvidersFailedError(ctx.dataset, failures);
}

/** Pick and order providers by id; unknown ids are a configuration mistake. */
export function orderProviders<P extends { id: string }>(dataset: string, available: readonly P[], order?: readonly string[]): P[] {
  if (!order) return [...available];
  return order
    .filter((id) => id !== 'snapshot')
    .map((id) => {
      const p = available.find((a) => a.id === id);
      if (!p) throw new Error(`unknown provider "${id}" for ${dataset}; known: ${available.map((a) => a.id).join(', ')}, snapshot`);
      return p;
    });
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
