/** Per dataset and provider: last success and last error, for `sources`. The summary lives in src/market/status.ts. */
import type { Kysely } from 'kysely';
import type { ProviderStatus } from '../../market/status.ts';
import type { Dataset } from '../../market/freshness.ts';
import type { Schema } from '../schema.ts';

export interface SourceStatusRepo {
  recordSuccess(dataset: Dataset, provider: string, okAt: string, asOf: string, stale: boolean): Promise<void>;
  recordError(dataset: Dataset, provider: string, message: string, at: string): Promise<void>;
  markStale(dataset: Dataset, provider: string): Promise<void>;
  /** Ordered by dataset, then provider. */
  list(): Promise<ProviderStatus[]>;
}

const DATASETS: readonly Dataset[] = ['bars', 'futures', 'rates', 'curated'];
const toDataset = (s: string): Dataset => DATASETS.find((d) => d === s) ?? 'bars';

export function sourceStatusRepo(db: Kysely<Schema>): SourceStatusRepo {
  const table = 'market_source_status' as const;
  return {
    async recordSuccess(dataset, provider, okAt, asOf, stale) {
      await db
        .insertInto(table)
        .values({ dataset, provider, last_ok_at: okAt, as_of: asOf, stale: stale ? 1 : 0 })
        .onConflict((oc) =>
          oc.columns(['dataset', 'provider']).doUpdateSet((eb) => ({
            last_ok_at: eb.ref('excluded.last_ok_at'),
            as_of: eb.ref('excluded.as_of'),
            stale: eb.ref('excluded.stale'),
          })),
        )
        .execute();
    },
    async recordError(dataset, provider, message, at) {
      await db
        .insertInto(table)
        .values({ dataset, provider, last_error: message, last_error_at: at })
        .onConflict((oc) =>
          oc.columns(['dataset', 'provider']).doUpdateSet((eb) => ({ last_error: eb.ref('excluded.last_error'), last_error_at: eb.ref('excluded.last_error_at') })),
        )
        .execute();
    },
    async markStale(dataset, provider) {
      await db.updateTable(table).set({ stale: 1 }).where('dataset', '=', dataset).where('provider', '=', provider).execute();
    },
    async list() {
      const rows = await db.selectFrom(table).selectAll().orderBy('dataset').orderBy('provider').execute();
      return rows.map((r) => ({
        dataset: toDataset(r.dataset),
        provider: r.provider,
        lastOkAt: r.last_ok_at,
        asOf: r.as_of,
        stale: Number(r.stale) === 1,
        lastError: r.last_error,
        lastErrorAt: r.last_error_at,
      }));
    },
  };
}
