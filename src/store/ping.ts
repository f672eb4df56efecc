/** The cheapest round trip to the database, for readiness checks: throws when it is unreachable. */
import { sql } from 'kysely';
import type { Store } from './open.ts';

export async function ping(store: Pick<Store, 'db'>): Promise<void> {
  await sql`SELECT 1`.execute(store.db);
}
