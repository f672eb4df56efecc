/** Every daily close and futures strip fetched live is kept (issue 12): the bot's own history, for outages. */
import type { Kysely } from 'kysely';

// Migrations see the database as it was at their version, not as Schema says today: hence any.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('market_bars')
    .ifNotExists()
    .addColumn('symbol', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('close', 'double precision', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('fetched_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('market_bars_pk', ['symbol', 'date'])
    .execute();
  await db.schema
    .createTable('market_strips')
    .ifNotExists()
    .addColumn('trade_date', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('price', 'double precision', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('fetched_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('market_strips_pk', ['trade_date', 'month'])
    .execute();
}
