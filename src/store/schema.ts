/** The database's tables as Kysely sees them: one interface per table, columns in snake_case as stored. */
import type { Generated } from 'kysely';

export interface SubscriptionsTable {
  id: string;
  platform: string;
  channel_id: string;
  guild_id: string | null;
  send_time: string;
  timezone: string;
  days: string;
  include_holidays: number;
  created_by: string;
  created_at: string;
  updated_by: string;
  updated_at: string;
  status: Generated<string>;
  pause_reason: string | null;
}

export interface LedgerTable {
  subscription_id: string;
  local_date: string;
  edition: string | null;
  status: string;
  attempts: number;
  owner: string;
  last_error: string | null;
  claimed_at: string;
  updated_at: string;
  /** Epoch ms on the real clock: a claim past it may be taken over; a failure past it may be retried. */
  lease_until: number | string | null;
  /** The platform's id of the posted message, once sent. */
  message_ref: string | null;
}

export interface WorkspacePausesTable {
  /** "slack:T0123" or "discord:<application id>". */
  scope: string;
  reason: string;
  /** App time, ISO. */
  since: string;
}

export interface MarketCacheTable {
  cache_key: string;
  dataset: string;
  value_json: string;
  provenance_json: string;
  /** Epoch ms (app clock); PostgreSQL hands BIGINT back as a string. */
  stored_at: number | string;
}

export interface CuratedFiguresTable {
  key: string;
  value: number;
  source: string;
  as_of: string;
  label: string | null;
  unit: string | null;
  updated_at: string;
}

export interface CuratedFuturesTable {
  trade_date: string;
  month: string;
  price: number;
  source: string;
  imported_at: string;
}

export interface SourceStatusTable {
  dataset: string;
  provider: string;
  last_ok_at: string | null;
  as_of: string | null;
  stale: Generated<number>;
  last_error: string | null;
  last_error_at: string | null;
}

export interface SeenEventsTable {
  event_id: string;
  /** Epoch ms, real clock. */
  seen_at: number | string;
}

export interface CacheRefreshTable {
  cache_key: string;
  owner: string;
  /** Epoch ms, real clock: the claim is void after it. */
  lease_until: number | string;
}

export interface EditionsTable {
  edition_date: string;
  owner: string;
  /** Epoch ms, real clock: while no reply is stored, the composer's claim is void after it. */
  lease_until: number | string;
  reply_json: string | null;
  composed_at: string | null;
}

export interface Schema {
  digest_subscriptions: SubscriptionsTable;
  digest_ledger: LedgerTable;
  digest_workspace_pauses: WorkspacePausesTable;
  market_cache: MarketCacheTable;
  curated_figures: CuratedFiguresTable;
  curated_futures: CuratedFuturesTable;
  market_source_status: SourceStatusTable;
  seen_events: SeenEventsTable;
  cache_refresh: CacheRefreshTable;
  digest_editions: EditionsTable;
}
