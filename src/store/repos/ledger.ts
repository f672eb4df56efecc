/**
 * The digest delivery ledger: one row per (subscription, local date). A claim is a lease: the row's
 * `lease_until` (epoch ms, real clock) says until when its owner holds it. Every check-and-take is one
 * statement (INSERT … ON CONFLICT DO NOTHING, UPDATE … WHERE), atomic on SQLite and PostgreSQL alike:
 * PostgreSQL re-checks an UPDATE's WHERE after waiting for a concurrent writer's row lock.
 */
import { sql, type ExpressionBuilder, type Kysely, type Selectable, type UpdateObject } from 'kysely';
import type { LedgerEntry, LedgerStatus } from '../../digest/ledger.ts';
import type { LedgerTable, Schema } from '../schema.ts';

export interface ClaimArgs {
  subscriptionId: string;
  localDate: string;
  owner: string;
  edition: string | null;
  /** App time (CAPWATCH_NOW or the clock), recorded as claimed_at/updated_at. */
  at: string;
  /** Real clock, epoch ms: leases and retry times are compared with it. */
  realNow: number;
  leaseUntil: number;
  /** A claim whose lease ran out is taken over only while attempts < maxClaims (a digest that kills every process stops). */
  maxClaims: number;
  /** A failed delivery is retried only while attempts < maxAttempts. */
  maxAttempts: number;
}

export interface FinishArgs {
  status: Exclude<LedgerStatus, 'claimed'>;
  error: string | null;
  at: string;
  /** For 'failed': when a retry may claim it (real clock, epoch ms). */
  retryAt?: number;
  messageRef?: string | null;
}

export interface LedgerRepo {
  /** True when `owner` now holds the row: newly inserted, or taken over from an expired lease or a due failure. */
  claim(args: ClaimArgs): Promise<boolean>;
  /** Extends the owner's lease; false when the owner no longer holds the claim. */
  renew(subscriptionId: string, localDate: string, owner: string, leaseUntil: number): Promise<boolean>;
  /** Records the outcome of the owner's claim; false when the owner no longer holds it. */
  finish(subscriptionId: string, localDate: string, owner: string, args: FinishArgs): Promise<boolean>;
  /** Gives an unstarted claim back at once (graceful stop): any process may claim it, and it costs no attempt. */
  release(subscriptionId: string, localDate: string, owner: string, at: string): Promise<boolean>;
  get(subscriptionId: string, localDate: string): Promise<LedgerEntry | undefined>;
  latest(subscriptionId: string): Promise<LedgerEntry | undefined>;
  /** Subscription ids whose row for this local date is sent or paused. */
  settledOn(localDate: string): Promise<Set<string>>;
  pruneBefore(localDate: string): Promise<number>;
  counts(): Promise<Partial<Record<LedgerStatus, number>>>;
}

export function ledgerRepo(db: Kysely<Schema>, dialect: 'sqlite' | 'postgres'): LedgerRepo {
  const table = 'digest_ledger' as const;
  const row = (subscriptionId: string, localDate: string) =>
    db.selectFrom(table).selectAll().where('subscription_id', '=', subscriptionId).where('local_date', '=', localDate);
  /** Updates the row only while `owner` still holds its claim; true when it did. */
  const updateOwnClaim = async (subscriptionId: string, localDate: string, owner: string, set: UpdateObject<Schema, 'digest_ledger'>) => {
    const r = await db
      .updateTable(table)
      .set(set)
      .where('subscription_id', '=', subscriptionId)
      .where('local_date', '=', localDate)
      .where('owner', '=', owner)
      .where('status', '=', 'claimed')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  };
  return {
    async claim(a) {
      const inserted = await db
        .insertInto(table)
        .values({
          subscription_id: a.subscriptionId,
          local_date: a.localDate,
          edition: a.edition,
          status: 'claimed',
          attempts: 1,
          owner: a.owner,
          claimed_at: a.at,
          updated_at: a.at,
          lease_until: a.leaseUntil,
        })
        .onConflict((oc) => oc.columns(['subscription_id', 'local_date']).doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1) return true;
      const takeable = (eb: ExpressionBuilder<Schema, 'digest_ledger'>) =>
        eb.and([
          eb('subscription_id', '=', a.subscriptionId),
          eb('local_date', '=', a.localDate),
          eb(eb.fn.coalesce('lease_until', sql<number>`0`), '<', a.realNow),
          eb.or([
            eb.and([eb('status', '=', 'claimed'), eb('attempts', '<', a.maxClaims)]),
            eb.and([eb('status', '=', 'failed'), eb('attempts', '<', a.maxAttempts)]),
          ]),
        ]);
      let update = db.updateTable(table).set((eb) => ({
        status: 'claimed',
        attempts: eb('attempts', '+', 1),
        owner: a.owner,
        edition: a.edition,
        claimed_at: a.at,
        updated_at: a.at,
        lease_until: a.leaseUntil,
      }));
      // PostgreSQL: lock the row first, skipping it when another instance is taking it right now
      // (SELECT … FOR UPDATE SKIP LOCKED), so instances never queue behind each other's claims.
      update =
        dialect === 'postgres'
          ? update
              .where('local_date', '=', a.localDate)
              .where('subscription_id', 'in', db.selectFrom(table).select('subscription_id').where(takeable).forUpdate().skipLocked())
          : update.where(takeable);
      const taken = await update.executeTakeFirst();
      return Number(taken.numUpdatedRows) === 1;
    },
    async renew(subscriptionId, localDate, owner, leaseUntil) {
      return updateOwnClaim(subscriptionId, localDate, owner, { lease_until: leaseUntil });
    },
    async finish(subscriptionId, localDate, owner, a) {
      return updateOwnClaim(subscriptionId, localDate, owner, {
          status: a.status,
          last_error: a.error,
          updated_at: a.at,
          lease_until: a.status === 'failed' ? (a.retryAt ?? 0) : null,
          ...(a.messageRef !== undefined ? { message_ref: a.messageRef } : {}),
        });
    },
    async release(subscriptionId, localDate, owner, at) {
      return updateOwnClaim(subscriptionId, localDate, owner, { lease_until: 0, attempts: sql<number>`attempts - 1`, updated_at: at });
    },
    async get(subscriptionId, localDate) {
      const r = await row(subscriptionId, localDate).executeTakeFirst();
      return r ? fromRow(r) : undefined;
    },
    async latest(subscriptionId) {
      const r = await db.selectFrom(table).selectAll().where('subscription_id', '=', subscriptionId).orderBy('local_date', 'desc').limit(1).executeTakeFirst();
      return r ? fromRow(r) : undefined;
    },
    async settledOn(localDate) {
      const rows = await db.selectFrom(table).select('subscription_id').where('local_date', '=', localDate).where('status', 'in', ['sent', 'paused']).execute();
      return new Set(rows.map((r) => r.subscription_id));
    },
    async pruneBefore(localDate) {
      const r = await db.deleteFrom(table).where('local_date', '<', localDate).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
    async counts() {
      const rows = await db.selectFrom(table).select((eb) => ['status', eb.fn.countAll<number | string>().as('n')]).groupBy('status').execute();
      const out: Partial<Record<LedgerStatus, number>> = {};
      for (const r of rows) out[toStatus(r.status)] = Number(r.n);
      return out;
    },
  };
}

function toStatus(s: string): LedgerStatus {
  return s === 'sent' || s === 'failed' || s === 'paused' ? s : 'claimed';
}

function fromRow(r: Selectable<LedgerTable>): LedgerEntry {
  return {
    subscriptionId: r.subscription_id,
    localDate: r.local_date,
    edition: r.edition,
    status: toStatus(r.status),
    attempts: Number(r.attempts),
    owner: r.owner,
    lastError: r.last_error,
    claimedAt: r.claimed_at,
    updatedAt: r.updated_at,
    leaseUntil: r.lease_until === null ? null : Number(r.lease_until),
    messageRef: r.message_ref,
  };
}
