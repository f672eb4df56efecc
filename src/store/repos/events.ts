/** Event ids already handled (Slack retries), shared by every instance on the database. */
import type { Kysely } from 'kysely';
import type { Schema } from '../schema.ts';

export interface EventsRepo {
  /** True for the first offer of `id` within `ttlMs` (epoch ms on the real clock), across instances. */
  firstSeen(id: string, ttlMs: number, nowMs: number): Promise<boolean>;
  /** Forgets ids seen before `beforeMs`. */
  prune(beforeMs: number): Promise<number>;
}

export function eventsRepo(db: Kysely<Schema>): EventsRepo {
  return {
    async firstSeen(id, ttlMs, nowMs) {
      // Inserted, or an expired row taken over: either way one statement decides, so two instances
      // offered the same retry at once cannot both win.
      const r = await db
        .insertInto('seen_events')
        .values({ event_id: id, seen_at: nowMs })
        .onConflict((oc) =>
          oc
            .column('event_id')
            .doUpdateSet((eb) => ({ seen_at: eb.ref('excluded.seen_at') }))
            .where('seen_events.seen_at', '<=', nowMs - ttlMs),
        )
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0n) === 1;
    },
    async prune(beforeMs) {
      const r = await db.deleteFrom('seen_events').where('seen_at', '<', beforeMs).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}
