/**
 * The tables as the first round created them (same names and columns), so a data directory from before
 * the store layer upgrades in place: every statement is IF NOT EXISTS.
 */
import type { Kysely } from 'kysely';

// Migrations see the database as it was at their version, not as Schema says today: hence any.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('digest_subscriptions')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('channel_id', 'text', (c) => c.notNull())
    .addColumn('guild_id', 'text')
    .addColumn('send_time', 'text', (c) => c.notNull())
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('days', 'text', (c) => c.notNull())
    .addColumn('include_holidays', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('pause_reason', 'text')
    .addUniqueConstraint('digest_subscriptions_platform_channel_id_key', ['platform', 'channel_id'])
    .execute();

  await db.schema
    .createTable('digest_ledger')
    .ifNotExists()
    .addColumn('subscription_id', 'text', (c) => c.notNull())
    .addColumn('local_date', 'text', (c) => c.notNull())
    .addColumn('edition', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('claimed_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('digest_ledger_pkey', ['subscription_id', 'local_date'])
    .execute();
  await db.schema.createIndex('digest_ledger_by_date').ifNotExists().on('digest_ledger').columns(['local_date', 'status']).execute();

  await db.schema
    .createTable('market_cache')
    .ifNotExists()
    .addColumn('cache_key', 'text', (c) => c.primaryKey())
    .addColumn('dataset', 'text', (c) => c.notNull())
    .addColumn('value_json', 'text', (c) => c.notNull())
    .addColumn('provenance_json', 'text', (c) => c.notNull())
    .addColumn('stored_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('curated_figures')
    .ifNotExists()
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('unit', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('curated_futures')
    .ifNotExists()
    .addColumn('trade_date', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('price', 'double precision', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('curated_futures_pkey', ['trade_date', 'month'])
    .execute();

  await db.schema
    .createTable('market_source_status')
    .ifNotExists()
    .addColumn('dataset', 'text', (c) => c.notNull())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('last_ok_at', 'text')
    .addColumn('as_of', 'text')
    .addColumn('stale', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('last_error_at', 'text')
    .addPrimaryKeyConstraint('market_source_status_pkey', ['dataset', 'provider'])
    .execute();
}
