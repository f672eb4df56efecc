/** Ledger claims become leases on the real clock (issue 14), and a sent row keeps the platform's message id. */
import { sql, type Kysely } from 'kysely';

// Migrations see the database as it was at their version, not as Schema says today: hence any.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('digest_ledger').addColumn('lease_until', 'bigint').execute();
  await db.schema.alterTable('digest_ledger').addColumn('message_ref', 'text').execute();
  // Rows from before: an open claim or a failure may be taken at once (the old 10-minute rule is gone).
  await sql`UPDATE digest_ledger SET lease_until = 0 WHERE status IN ('claimed', 'failed')`.execute(db);
}
