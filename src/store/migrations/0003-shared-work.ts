/**
 * Work several instances share: Slack event ids seen (retries answered once across instances), market
 * refresh claims (one upstream fetch per key per TTL), and digest editions (composed once per edition).
 */
import type { Kysely } from 'kysely';

// Migrations see the database as it was at their version, not as Schema says today: hence any.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('seen_events')
    .ifNotExists()
    .addColumn('event_id', 'text', (c) => c.primaryKey())
    .addColumn('seen_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('seen_events_by_time').ifNotExists().on('seen_events').column('seen_at').execute();

  await db.schema
    .createTable('cache_refresh')
    .ifNotExists()
    .addColumn('cache_key', 'text', (c) => c.primaryKey())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('lease_until', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('digest_editions')
    .ifNotExists()
    .addColumn('edition_date', 'text', (c) => c.primaryKey())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('lease_until', 'bigint', (c) => c.notNull())
    .addColumn('reply_json', 'text')
    .addColumn('composed_at', 'text')
    .execute();
}
