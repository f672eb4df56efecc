/** Per dataset and provider: last success (as-of, fetched-at, stale) and last error, kept in the store for `sources`. */
import type { SourceStatusRepo } from '../store/repos/source-status.ts';
import { bookkeeping } from './bookkeeping.ts';
import type { Dataset } from './freshness.ts';
import type { DatasetStatus, Provenance } from './types.ts';

export const DATASETS: readonly Dataset[] = ['bars', 'futures', 'rates', 'curated', 'valuation'];

export interface ProviderStatus {
  dataset: Dataset;
  provider: string;
  lastOkAt: string | null;
  asOf: string | null;
  stale: boolean;
  lastError: string | null;
  lastErrorAt: string | null;
}

/**
 * Writes are queued in order and not awaited by the chain (a status row must never slow or fail an
 * answer); reads wait for the queue, so `sources` always shows what happened before it was asked.
 */
export class SourceStatus {
  readonly #repo: SourceStatusRepo;
  readonly #now: () => Date;
  #writes: Promise<void> = Promise.resolve();

  constructor(repo: SourceStatusRepo, now: () => Date) {
    this.#repo = repo;
    this.#now = now;
  }

  recordSuccess(dataset: Dataset, provenance: Provenance): void {
    const okAt = provenance.fetchedAt ?? this.#now().toISOString();
    this.#write(() => this.#repo.recordSuccess(dataset, provenance.provider, okAt, provenance.asOf, provenance.stale));
  }

  recordError(dataset: Dataset, provider: string, message: string): void {
    const at = this.#now().toISOString();
    this.#write(() => this.#repo.recordError(dataset, provider, message, at));
  }

  /** Mark the provider's last answer as served stale (its refresh failed past the max age). */
  markStale(dataset: Dataset, provider: string): void {
    this.#write(() => this.#repo.markStale(dataset, provider));
  }

  /** Resolves once every status write so far has reached the store. */
  flushed(): Promise<void> {
    return this.#writes;
  }

  async providers(): Promise<ProviderStatus[]> {
    await this.#writes;
    return this.#repo.list();
  }

  /** One row per dataset: the provider that answered last, and the most recent error of any provider. */
  async list(): Promise<DatasetStatus[]> {
    const all = await this.providers();
    return DATASETS.map((dataset) => {
      const rows = all.filter((r) => r.dataset === dataset);
      const ok = latestBy(rows.filter((r) => r.lastOkAt), (r) => r.lastOkAt!);
      const failed = latestBy(rows.filter((r) => r.lastErrorAt), (r) => r.lastErrorAt!);
      return {
        dataset,
        provider: ok?.provider ?? null,
        asOf: ok?.asOf ?? null,
        fetchedAt: ok?.lastOkAt ?? null,
        // Nothing fetched yet is not stale data: there is no data.
        stale: ok ? ok.stale : false,
        lastError: failed ? `${withProvider(failed.provider, failed.lastError ?? '')} (at ${failed.lastErrorAt})` : null,
      };
    });
  }

  #write(op: () => Promise<void>): void {
    this.#writes = this.#writes.then(() => bookkeeping('source status', op));
  }
}

/** Age in whole seconds of an ISO time relative to `now`, or null. */
export function ageSeconds(iso: string | null, now: Date): number | null {
  if (!iso) return null;
  const t = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(t) ? null : Math.max(0, Math.round((now.getTime() - t) / 1000));
}

/** ProviderError messages already start with the provider id. */
function withProvider(provider: string, message: string): string {
  return message.startsWith(`${provider}:`) ? message : `${provider}: ${message}`;
}

function latestBy<T>(rows: T[], key: (r: T) => string): T | undefined {
  return rows.reduce<T | undefined>((best, r) => (best === undefined || key(r) > key(best) ? r : best), undefined);
}
