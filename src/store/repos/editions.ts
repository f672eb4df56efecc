/**
 * Digest editions shared across instances: the first instance to claim an edition date composes it and
 * stores the reply; the others read it instead of composing again. A composer that dies leaves a claim
 * whose lease runs out (real clock), and another instance composes instead.
 */
import type { Kysely } from 'kysely';
import type { Schema } from '../schema.ts';

export interface EditionsRepo {
  /** The stored edition (serialized reply), or null while nobody has finished composing it. */
  load(editionDate: string): Promise<string | null>;
  /** True when `owner` may compose now: no row yet, or an unfinished claim whose lease ran out. */
  claim(editionDate: string, owner: string, leaseUntil: number, nowMs: number): Promise<boolean>;
  /** Stores the composed edition (the owner's claim ends). */
  save(editionDate: string, owner: string, replyJson: string, composedAt: string): Promise<void>;
  /** Gives up an unfinished claim (compose failed) so another instance may try at once. */
  release(editionDate: string, owner: string): Promise<void>;
  pruneBefore(editionDate: string): Promise<number>;
}

export function editionsRepo(db: Kysely<Schema>): EditionsRepo {
  const table = 'digest_editions' as const;
  return {
    async load(editionDate) {
      const r = await db.selectFrom(table).select('reply_json').where('edition_date', '=', editionDate).executeTakeFirst();
      return r?.reply_json ?? null;
    },
    async claim(editionDate, owner, leaseUntil, nowMs) {
      const r = await db
        .insertInto(table)
        .values({ edition_date: editionDate, owner, lease_until: leaseUntil, reply_json: null, composed_at: null })
        .onConflict((oc) =>
          oc
            .column('edition_date')
            .doUpdateSet((eb) => ({ owner: eb.ref('excluded.owner'), lease_until: eb.ref('excluded.lease_until') }))
            .where((eb) => eb.and([eb('digest_editions.reply_json', 'is', null), eb('digest_editions.lease_until', '<', nowMs)])),
        )
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0n) === 1;
    },
    async save(editionDate, owner, replyJson, composedAt) {
      await db
        .insertInto(table)
        .values({ edition_date: editionDate, owner, lease_until: 0, reply_json: replyJson, composed_at: composedAt })
        .onConflict((oc) =>
          oc.column('edition_date').doUpdateSet((eb) => ({
            owner: eb.ref('excluded.owner'),
            reply_json: eb.ref('excluded.reply_json'),
            composed_at: eb.ref('excluded.composed_at'),
          })),
        )
        .execute();
    },
    async release(editionDate, owner) {
      await db.updateTable(table).set({ lease_until: 0 }).where('edition_date', '=', editionDate).where('owner', '=', owner).where('reply_json', 'is', null).execute();
    },
    async pruneBefore(editionDate) {
      const r = await db.deleteFrom(table).where('edition_date', '<', editionDate).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}
