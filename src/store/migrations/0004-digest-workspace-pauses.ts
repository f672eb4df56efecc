/** Digest deliveries paused for a whole workspace or application whose credentials fail (issue 14). */
import type { Kysely } from 'kysely';

// Migrations see the database as it was at their version, not as Schema says today: hence any.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('digest_workspace_pauses')
    .ifNotExists()
    .addColumn('scope', 'text', (c) => c.primaryKey())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('since', 'text', (c) => c.notNull())
    .execute();
}
