/** Digest subscriptions, one per (platform, channel), stored in SQLite with portable SQL. */
import type { Db } from '../store/db.ts';
import type { Platform } from './deliverer.ts';
import { InputError } from '../command.ts';
import { ensureLedgerTable } from './ledger.ts';
import { DEFAULT_DAYS, DEFAULT_TIME, DEFAULT_TIMEZONE, parseDays, parseTime, parseTimezone } from './validation.ts';

export type SubscriptionStatus = 'active' | 'paused';

export interface Subscription {
  /** "<platform>:<channelId>". */
  id: string;
  platform: Platform;
  channelId: string;
  guildId: string | null;
  /** Local send time, HH:MM on 24 hours. */
  time: string;
  /** IANA time zone. */
  timezone: string;
  /** "weekdays", "daily", or a comma list like "mon,wed,fri". */
  days: string;
  includeHolidays: boolean;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
  status: SubscriptionStatus;
  pauseReason: string | null;
}

export interface SubscribeInput {
  platform: string;
  channelId: string;
  guildId?: string;
  /** Raw user input; defaults 08:30, America/New_York, weekdays. */
  time?: string;
  timezone?: string;
  days?: string;
  userId: string;
}

/** What the subscribe/unsubscribe/status commands use (ctx.services.subscriptions). */
export interface SubscriptionService {
  /** Creates or replaces the channel's subscription and (re)activates it. Throws InputError on bad input. */
  subscribe(input: SubscribeInput): Promise<Subscription>;
  /** True when there was a subscription to remove. */
  unsubscribe(platform: string, channelId: string): Promise<boolean>;
  get(platform: string, channelId: string): Promise<Subscription | undefined>;
  /** The most recent digest delivery recorded for the channel. */
  lastDelivery(platform: string, channelId: string): Promise<LastDelivery | undefined>;
}

export interface LastDelivery {
  localDate: string;
  status: string;
  updatedAt: string;
  lastError: string | null;
}

export const subscriptionId = (platform: string, channelId: string) => `${platform}:${channelId}`;

export function checkPlatform(platform: string): Platform {
  if (platform === 'discord' || platform === 'slack') return platform;
  throw new InputError('Digest subscriptions are per Discord or Slack channel; run this command in one.');
}

interface Row {
  id: string;
  platform: string;
  channel_id: string;
  guild_id: string | null;
  send_time: string;
  timezone: string;
  days: string;
  include_holidays: number;
  created_by: string;
  created_at: string;
  updated_by: string;
  updated_at: string;
  status: string;
  pause_reason: string | null;
}

function fromRow(r: Row): Subscription {
  return {
    id: r.id,
    platform: r.platform as Platform,
    channelId: r.channel_id,
    guildId: r.guild_id,
    time: r.send_time,
    timezone: r.timezone,
    days: r.days,
    includeHolidays: r.include_holidays === 1,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedBy: r.updated_by,
    updatedAt: r.updated_at,
    status: r.status === 'paused' ? 'paused' : 'active',
    pauseReason: r.pause_reason,
  };
}

export function ensureSubscriptionTables(db: Db): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS digest_subscriptions (
      id TEXT PRIMARY KEY,
      platform TEXT NOT NULL,
      channel_id TEXT NOT NULL,
      guild_id TEXT,
      send_time TEXT NOT NULL,
      timezone TEXT NOT NULL,
      days TEXT NOT NULL,
      include_holidays INTEGER NOT NULL DEFAULT 0,
      created_by TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'active',
      pause_reason TEXT,
      UNIQUE (platform, channel_id)
    )`);
}

export class SubscriptionRepository implements SubscriptionService {
  private readonly stmts;
  private readonly db: Db;
  private readonly now: () => Date;

  constructor(db: Db, now: () => Date = () => new Date()) {
    this.db = db;
    this.now = now;
    ensureSubscriptionTables(db);
    ensureLedgerTable(db);
    this.stmts = {
      upsert: db.prepare(`
        INSERT INTO digest_subscriptions
          (id, platform, channel_id, guild_id, send_time, timezone, days, include_holidays,
           created_by, created_at, updated_by, updated_at, status, pause_reason)
        VALUES (@id, @platform, @channelId, @guildId, @time, @timezone, @days, @includeHolidays,
                @userId, @at, @userId, @at, 'active', NULL)
        ON CONFLICT (id) DO UPDATE SET
          guild_id = excluded.guild_id, send_time = excluded.send_time, timezone = excluded.timezone,
          days = excluded.days, include_holidays = excluded.include_holidays,
          updated_by = excluded.updated_by, updated_at = excluded.updated_at,
          status = 'active', pause_reason = NULL`),
      get: db.prepare('SELECT * FROM digest_subscriptions WHERE id = ?'),
      remove: db.prepare('DELETE FROM digest_subscriptions WHERE id = ?'),
      active: db.prepare("SELECT * FROM digest_subscriptions WHERE status = 'active'"),
      all: db.prepare('SELECT * FROM digest_subscriptions ORDER BY platform, channel_id'),
      lastDelivery: db.prepare(`
        SELECT local_date AS localDate, status, updated_at AS updatedAt, last_error AS lastError
          FROM digest_ledger WHERE subscription_id = ? ORDER BY local_date DESC LIMIT 1`),
      setStatus: db.prepare('UPDATE digest_subscriptions SET status = ?, pause_reason = ?, updated_at = ? WHERE id = ?'),
    };
  }

  /** Validates and stores; synchronous core of subscribe(). */
  save(input: SubscribeInput): Subscription {
    const platform = checkPlatform(input.platform);
    if (!input.channelId) throw new InputError('This command needs a channel.');
    const time = parseTime(input.time ?? DEFAULT_TIME);
    const timezone = parseTimezone(input.timezone ?? DEFAULT_TIMEZONE);
    const { days, includeHolidays } = parseDays(input.days ?? DEFAULT_DAYS);
    const id = subscriptionId(platform, input.channelId);
    this.stmts.upsert.run({
      id,
      platform,
      channelId: input.channelId,
      guildId: input.guildId ?? null,
      time,
      timezone,
      days,
      includeHolidays: includeHolidays ? 1 : 0,
      userId: input.userId,
      at: this.now().toISOString(),
    });
    return this.byId(id)!;
  }

  async subscribe(input: SubscribeInput): Promise<Subscription> {
    return this.save(input);
  }

  async unsubscribe(platform: string, channelId: string): Promise<boolean> {
    return this.remove(subscriptionId(platform, channelId));
  }

  async get(platform: string, channelId: string): Promise<Subscription | undefined> {
    return this.byId(subscriptionId(platform, channelId));
  }

  async lastDelivery(platform: string, channelId: string): Promise<LastDelivery | undefined> {
    return this.stmts.lastDelivery.get(subscriptionId(platform, channelId)) as LastDelivery | undefined;
  }

  remove(id: string): boolean {
    return this.stmts.remove.run(id).changes > 0;
  }

  byId(id: string): Subscription | undefined {
    const row = this.stmts.get.get(id) as Row | undefined;
    return row ? fromRow(row) : undefined;
  }

  isActive(id: string): boolean {
    return this.byId(id)?.status === 'active';
  }

  listActive(): Subscription[] {
    return (this.stmts.active.all() as Row[]).map(fromRow);
  }

  listAll(): Subscription[] {
    return (this.stmts.all.all() as Row[]).map(fromRow);
  }

  pause(id: string, reason: string): void {
    this.stmts.setStatus.run('paused', reason, this.now().toISOString(), id);
  }

  resume(id: string): void {
    this.stmts.setStatus.run('active', null, this.now().toISOString(), id);
  }
}
