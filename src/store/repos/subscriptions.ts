/** Digest subscriptions, one row per (platform, channel). Validation lives in src/digest/subscriptions.ts. */
import type { Kysely, Selectable } from 'kysely';
import type { Platform } from '../../digest/deliverer.ts';
import type { Subscription } from '../../digest/subscriptions.ts';
import type { Schema, SubscriptionsTable } from '../schema.ts';

export interface SubscriptionUpsert {
  id: string;
  platform: Platform;
  channelId: string;
  guildId: string | null;
  time: string;
  timezone: string;
  days: string;
  includeHolidays: boolean;
  userId: string;
  at: string;
}

export interface SubscriptionsRepo {
  /** Creates or replaces the channel's subscription, (re)activated. */
  upsert(input: SubscriptionUpsert): Promise<Subscription>;
  byId(id: string): Promise<Subscription | undefined>;
  remove(id: string): Promise<boolean>;
  listActive(): Promise<Subscription[]>;
  /** Ordered by platform, then channel. */
  listAll(): Promise<Subscription[]>;
  setStatus(id: string, status: 'active' | 'paused', reason: string | null, at: string): Promise<void>;
}

export function subscriptionsRepo(db: Kysely<Schema>): SubscriptionsRepo {
  const table = 'digest_subscriptions' as const;
  const repo: SubscriptionsRepo = {
    async upsert(s) {
      const row = {
        id: s.id,
        platform: s.platform,
        channel_id: s.channelId,
        guild_id: s.guildId,
        send_time: s.time,
        timezone: s.timezone,
        days: s.days,
        include_holidays: s.includeHolidays ? 1 : 0,
        created_by: s.userId,
        created_at: s.at,
        updated_by: s.userId,
        updated_at: s.at,
        status: 'active',
        pause_reason: null,
      };
      await db
        .insertInto(table)
        .values(row)
        .onConflict((oc) =>
          oc.column('id').doUpdateSet((eb) => ({
            guild_id: eb.ref('excluded.guild_id'),
            send_time: eb.ref('excluded.send_time'),
            timezone: eb.ref('excluded.timezone'),
            days: eb.ref('excluded.days'),
            include_holidays: eb.ref('excluded.include_holidays'),
            updated_by: eb.ref('excluded.updated_by'),
            updated_at: eb.ref('excluded.updated_at'),
            status: 'active',
            pause_reason: null,
          })),
        )
        .execute();
      return (await repo.byId(s.id))!;
    },
    async byId(id) {
      const row = await db.selectFrom(table).selectAll().where('id', '=', id).executeTakeFirst();
      return row ? fromRow(row) : undefined;
    },
    async remove(id) {
      const r = await db.deleteFrom(table).where('id', '=', id).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
    async listActive() {
      return (await db.selectFrom(table).selectAll().where('status', '=', 'active').execute()).map(fromRow);
    },
    async listAll() {
      return (await db.selectFrom(table).selectAll().orderBy('platform').orderBy('channel_id').execute()).map(fromRow);
    },
    async setStatus(id, status, reason, at) {
      await db.updateTable(table).set({ status, pause_reason: reason, updated_at: at }).where('id', '=', id).execute();
    },
  };
  return repo;
}

function fromRow(r: Selectable<SubscriptionsTable>): Subscription {
  return {
    id: r.id,
    platform: r.platform === 'slack' ? 'slack' : 'discord',
    channelId: r.channel_id,
    guildId: r.guild_id,
    time: r.send_time,
    timezone: r.timezone,
    days: r.days,
    includeHolidays: Number(r.include_holidays) === 1,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedBy: r.updated_by,
    updatedAt: r.updated_at,
    status: r.status === 'paused' ? 'paused' : 'active',
    pauseReason: r.pause_reason,
  };
}
