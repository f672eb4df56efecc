/**
 * Market answers cached in memory and in the store, with a TTL per dataset, stale-while-revalidate and
 * single-flight: concurrent identical requests share one upstream call.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger.ts';
import { bookkeeping } from './bookkeeping.ts';
import { cacheHitsTotal } from '../observability/metrics.ts';
import type { MarketCacheRepo } from '../store/repos/market-cache.ts';
import type { Answer } from './chain.ts';
import type { Provenance } from './types.ts';

/**
 * 'quote' is daily bars whose range reaches today: they move during the session. Curated figures are
 * not cached: they are one indexed SQLite read, and `curate set` must show at once.
 */
export type CacheDataset = 'quote' | 'bars' | 'futures' | 'rates' | 'valuation';

export interface TtlRule {
  /** Younger than this: served as is. Older: served, and refreshed in the background. */
  ttlMs: number;
  /** Older than this: refreshed before answering; if that fails, served labelled stale. */
  maxAgeMs: number;
}

const MIN = 60_000;
const HOUR = 60 * MIN;

export const DEFAULT_TTL: Record<CacheDataset, TtlRule> = {
  quote: { ttlMs: 5 * MIN, maxAgeMs: 6 * HOUR },
  bars: { ttlMs: 12 * HOUR, maxAgeMs: 7 * 24 * HOUR },
  futures: { ttlMs: 30 * MIN, maxAgeMs: 24 * HOUR },
  rates: { ttlMs: HOUR, maxAgeMs: 3 * 24 * HOUR },
  valuation: { ttlMs: 6 * HOUR, maxAgeMs: 3 * 24 * HOUR },
};

interface Entry {
  value: unknown;
  provenance: Provenance;
  /** Epoch milliseconds. */
  storedAt: number;
}

export interface CacheOptions {
  repo: MarketCacheRepo;
  now: () => Date;
  ttl?: Partial<Record<CacheDataset, TtlRule>>;
  logger?: Logger;
  /** Entries kept in memory (least recently used go first). */
  maxMemoryEntries?: number;
  /** How long an instance waits for another instance's refresh of the same key before fetching itself. */
  sharedWaitMs?: number;
}

/** An instance's claim on a refresh; longer than any provider chain's timeouts. */
const REFRESH_CLAIM_MS = 30_000;
const SHARED_POLL_MS = 100;

export interface GetOptions<T> {
  /** False when a cached value cannot answer this request (e.g. it covers too short a range). */
  usable?: (value: T) => boolean;
  /** Keep in memory only (for data that already lives locally). */
  persist?: boolean;
  /** Distinguishes fetches under one key that must not share a flight (e.g. different ranges). */
  flight?: string;
  /** Told when an answer was served stale because its refresh failed. */
  onStale?: (provenance: Provenance) => void;
}

export class MarketCache {
  readonly #repo: MarketCacheRepo;
  readonly #now: () => Date;
  readonly #ttl: Record<CacheDataset, TtlRule>;
  readonly #logger: Logger | undefined;
  readonly #max: number;
  readonly #memory = new Map<string, Entry>();
  readonly #inFlight = new Map<string, Promise<Answer<unknown>>>();
  readonly #owner = randomUUID();
  readonly #sharedWaitMs: number;

  constructor(opts: CacheOptions) {
    this.#repo = opts.repo;
    this.#now = opts.now;
    this.#ttl = { ...DEFAULT_TTL, ...opts.ttl };
    this.#logger = opts.logger;
    this.#max = opts.maxMemoryEntries ?? 1_000;
    this.#sharedWaitMs = opts.sharedWaitMs ?? 20_000;
  }

  async get<T>(dataset: CacheDataset, key: string, fetch: () => Promise<Answer<T>>, opts: GetOptions<T> = {}): Promise<Answer<T>> {
    const entry = await this.#lookup(key, opts.persist !== false);
    const usable = entry && (!opts.usable || opts.usable(entry.value as T)) ? entry : undefined;
    if (usable) {
      const age = this.#now().getTime() - usable.storedAt;
      const rule = this.#ttl[dataset];
      if (age < rule.maxAgeMs) cacheHitsTotal.inc({ dataset });
      if (age < rule.ttlMs) return served<T>(usable, false);
      if (age < rule.maxAgeMs) {
        this.#refresh(dataset, key, fetch, opts).catch((err: unknown) => {
          this.#logger?.warn('background market refresh failed', { key, error: err instanceof Error ? err.message : String(err) });
        });
        return served<T>(usable, false);
      }
    }
    try {
      return await this.#refresh(dataset, key, fetch, opts);
    } catch (err) {
      if (!usable) throw err;
      const answer = served<T>(usable, true);
      opts.onStale?.(answer.provenance);
      return answer;
    }
  }

  /** Resolves once every fetch in flight (background refreshes included) has finished. */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.#inFlight.values()]);
  }

  /** Forget persisted entries stored before `cutoff` (old daily keys pile up otherwise). */
  prune(cutoff: Date): Promise<number> {
    // Housekeeping: a locked or read-only database skips it this time.
    let removed = 0;
    return bookkeeping('market cache prune', async () => void (removed = await this.#repo.prune(cutoff.getTime())), this.#logger).then(() => removed);
  }

  /** Drop every entry (memory and database). */
  async clear(): Promise<void> {
    this.#memory.clear();
    await this.#repo.clear();
  }

  #refresh<T>(dataset: CacheDataset, key: string, fetch: () => Promise<Answer<T>>, opts: GetOptions<T>): Promise<Answer<T>> {
    const flightKey = opts.flight === undefined ? key : `${key}|${opts.flight}`;
    const pending = this.#inFlight.get(flightKey);
    if (pending) return pending as Promise<Answer<T>>;
    const run = (async () => {
      try {
        if (opts.persist === false) {
          const answer = await fetch();
          await this.#store(dataset, key, answer, false);
          return answer;
        }
        return await this.#refreshShared(dataset, key, fetch, opts);
      } finally {
        this.#inFlight.delete(flightKey);
      }
    })();
    this.#inFlight.set(flightKey, run);
    return run;
  }

  /**
   * Several instances on one database: the one that claims the key fetches; the others wait for the row
   * it stores rather than fetching too. So N instances make one upstream call per key per TTL.
   */
  async #refreshShared<T>(dataset: CacheDataset, key: string, fetch: () => Promise<Answer<T>>, opts: GetOptions<T>): Promise<Answer<T>> {
    const deadline = Date.now() + this.#sharedWaitMs;
    for (;;) {
      const fresh = await this.#freshRow<T>(dataset, key, opts);
      if (fresh) return fresh;
      // The store unreachable or not writable: fetch without coordinating rather than not answer.
      let claimed = true;
      await bookkeeping('market refresh claim', async () => void (claimed = await this.#repo.claimRefresh(key, this.#owner, Date.now() + REFRESH_CLAIM_MS, Date.now())), this.#logger);
      if (claimed || Date.now() > deadline) {
        try {
          // Another instance may have stored it between our look and our claim.
          const stored = claimed ? await this.#freshRow<T>(dataset, key, opts) : undefined;
          if (stored) return stored;
          const answer = await fetch();
          await this.#store(dataset, key, answer, true);
          return answer;
        } finally {
          if (claimed) await bookkeeping('market refresh release', () => this.#repo.releaseRefresh(key, this.#owner), this.#logger);
        }
      }
      await new Promise((r) => setTimeout(r, SHARED_POLL_MS));
    }
  }

  /** The persisted entry when it is within its TTL and answers the request (another instance's refresh). */
  async #freshRow<T>(dataset: CacheDataset, key: string, opts: GetOptions<T>): Promise<Answer<T> | undefined> {
    const row = await this.#repo.get(key).catch(() => undefined);
    if (!row) return undefined;
    const entry: Entry = { value: JSON.parse(row.valueJson), provenance: JSON.parse(row.provenanceJson) as Provenance, storedAt: row.storedAt };
    if (this.#now().getTime() - entry.storedAt >= this.#ttl[dataset].ttlMs) return undefined;
    if (opts.usable && !opts.usable(entry.value as T)) return undefined;
    this.#remember(key, entry);
    return served<T>(entry, false);
  }

  async #lookup(key: string, persisted: boolean): Promise<Entry | undefined> {
    const hit = this.#memory.get(key);
    if (hit) {
      this.#memory.delete(key);
      this.#memory.set(key, hit);
      return hit;
    }
    if (!persisted) return undefined;
    const row = await this.#repo.get(key);
    if (!row) return undefined;
    const entry: Entry = { value: JSON.parse(row.valueJson), provenance: JSON.parse(row.provenanceJson) as Provenance, storedAt: row.storedAt };
    this.#remember(key, entry);
    return entry;
  }

  async #store(dataset: CacheDataset, key: string, answer: Answer<unknown>, persist: boolean): Promise<void> {
    const entry: Entry = { value: answer.value, provenance: answer.provenance, storedAt: this.#now().getTime() };
    this.#remember(key, entry);
    if (!persist) return;
    const row = { valueJson: JSON.stringify(answer.value), provenanceJson: JSON.stringify(answer.provenance), storedAt: entry.storedAt };
    // The answer is good whether or not it could be kept.
    await bookkeeping(`market cache entry ${key}`, () => this.#repo.put(key, dataset, row), this.#logger);
  }

  #remember(key: string, entry: Entry): void {
    this.#memory.delete(key);
    this.#memory.set(key, entry);
    while (this.#memory.size > this.#max) {
      const oldest = this.#memory.keys().next().value;
      if (oldest === undefined) break;
      this.#memory.delete(oldest);
    }
  }
}

function served<T>(entry: Entry, stale: boolean): Answer<T> {
  return { value: entry.value as T, provenance: stale ? { ...entry.provenance, stale: true } : entry.provenance };
}
