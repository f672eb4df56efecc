/** Per dataset and provider: last success (as-of, fetched-at, stale) and last error, kept in SQLite for `sources`. */
import type { Db } from '../store/db.ts';
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

interface Row {
  dataset: string;
  provider: string;
  last_ok_at: string | null;
  as_of: string | null;
  stale: number;
  last_error: string | null;
  last_error_at: string | null;
}

export class SourceStatus {
  readonly #db: Db;
  readonly #now: () => Date;

  constructor(db: Db, now: () => Date) {
    this.#db = db;
    this.#now = now;
    db.exec(`CREATE TABLE IF NOT EXISTS market_source_status (
      dataset TEXT NOT NULL,
      provider TEXT NOT NULL,
      last_ok_at TEXT,
      as_of TEXT,
      stale INTEGER NOT NULL DEFAULT 0,
      last_error TEXT,
      last_error_at TEXT,
      PRIMARY KEY (dataset, provider)
    )`);
  }

  recordSuccess(dataset: Dataset, provenance: Provenance): void {
    this.#db
      .prepare(
        `INSERT INTO market_source_status (dataset, provider, last_ok_at, as_of, stale) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (dataset, provider) DO UPDATE SET last_ok_at = excluded.last_ok_at, as_of = excluded.as_of, stale = excluded.stale`,
      )
      .run(dataset, provenance.provider, provenance.fetchedAt ?? this.#now().toISOString(), provenance.asOf, provenance.stale ? 1 : 0);
  }

  recordError(dataset: Dataset, provider: string, message: string): void {
    this.#db
      .prepare(
        `INSERT INTO market_source_status (dataset, provider, last_error, last_error_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (dataset, provider) DO UPDATE SET last_error = excluded.last_error, last_error_at = excluded.last_error_at`,
      )
      .run(dataset, provider, message, this.#now().toISOString());
  }

  /** Mark the provider's last answer as served stale (its refresh failed past the max age). */
  markStale(dataset: Dataset, provider: string): void {
    this.#db.prepare('UPDATE market_source_status SET stale = 1 WHERE dataset = ? AND provider = ?').run(dataset, provider);
  }

  providers(): ProviderStatus[] {
    const rows = this.#db.prepare('SELECT * FROM market_source_status ORDER BY dataset, provider').all() as Row[];
    return rows.map((r) => ({
      dataset: r.dataset as Dataset,
      provider: r.provider,
      lastOkAt: r.last_ok_at,
      asOf: r.as_of,
      stale: r.stale === 1,
      lastError: r.last_error,
      lastErrorAt: r.last_error_at,
    }));
  }

  /** One row per dataset: the provider that answered last, and the most recent error of any provider. */
  list(): DatasetStatus[] {
    const all = this.providers();
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
