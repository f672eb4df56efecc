/** Persisted market answers (JSON), one row per cache key; the TTL rules live in src/market/cache.ts. */
import type { Kysely } from 'kysely';
import type { Schema } from '../schema.ts';

export interface CachedRow {
  valueJson: string;
  provenanceJson: string;
  /** Epoch ms. */
  storedAt: number;
}

export interface MarketCacheRepo {
  get(key: string): Promise<CachedRow | undefined>;
  put(key: string, dataset: string, row: CachedRow): Promise<void>;
  /** Deletes entries stored before `storedBefore` (epoch ms); returns how many went. */
  prune(storedBefore: number): Promise<number>;
  clear(): Promise<void>;
  /**
   * Claims the refresh of `key` for `owner` until `leaseUntil` (epoch ms, real clock): true when no other
   * instance holds an unexpired claim. N instances then make one upstream call per key.
   */
  claimRefresh(key: string, owner: string, leaseUntil: number, nowMs: number): Promise<boolean>;
  releaseRefresh(key: string, owner: string): Promise<void>;
}

export function marketCacheRepo(db: Kysely<Schema>): MarketCacheRepo {
  return {
    async get(key) {
      const r = await db.selectFrom('market_cache').select(['value_json', 'provenance_json', 'stored_at']).where('cache_key', '=', key).executeTakeFirst();
      return r ? { valueJson: r.value_json, provenanceJson: r.provenance_json, storedAt: Number(r.stored_at) } : undefined;
    },
    async put(key, dataset, row) {
      await db
        .insertInto('market_cache')
        .values({ cache_key: key, dataset, value_json: row.valueJson, provenance_json: row.provenanceJson, stored_at: row.storedAt })
        .onConflict((oc) =>
          oc.column('cache_key').doUpdateSet((eb) => ({
            dataset: eb.ref('excluded.dataset'),
            value_json: eb.ref('excluded.value_json'),
            provenance_json: eb.ref('excluded.provenance_json'),
            stored_at: eb.ref('excluded.stored_at'),
          })),
        )
        .execute();
    },
    async prune(storedBefore) {
      const r = await db.deleteFrom('market_cache').where('stored_at', '<', storedBefore).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
    async clear() {
      await db.deleteFrom('market_cache').execute();
    },
    async claimRefresh(key, owner, leaseUntil, nowMs) {
      const r = await db
        .insertInto('cache_refresh')
        .values({ cache_key: key, owner, lease_until: leaseUntil })
        .onConflict((oc) =>
          oc
            .column('cache_key')
            .doUpdateSet((eb) => ({ owner: eb.ref('excluded.owner'), lease_until: eb.ref('excluded.lease_until') }))
            .where('cache_refresh.lease_until', '<', nowMs),
        )
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0n) === 1;
    },
    async releaseRefresh(key, owner) {
      await db.deleteFrom('cache_refresh').where('cache_key', '=', key).where('owner', '=', owner).execute();
    },
  };
}
