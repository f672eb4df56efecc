/** Digest subscriptions, one per (platform, channel): validation here, storage in src/store. */
import type { Store } from '../store/open.ts';
import type { Platform } from './deliverer.ts';
import { InputError } from '../command.ts';
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

/** Validation over the subscriptions and ledger repositories (the SQL is in src/store/repos/). */
export class SubscriptionRepository implements SubscriptionService {
  constructor(
    private readonly store: Pick<Store, 'subscriptions' | 'ledger'>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Validates and stores. Throws InputError on bad input. */
  async save(input: SubscribeInput): Promise<Subscription> {
    const platform = checkPlatform(input.platform);
    if (!input.channelId) throw new InputError('This command needs a channel.');
    const time = parseTime(input.time ?? DEFAULT_TIME);
    const timezone = parseTimezone(input.timezone ?? DEFAULT_TIMEZONE);
    const { days, includeHolidays } = parseDays(input.days ?? DEFAULT_DAYS);
    return this.store.subscriptions.upsert({
      id: subscriptionId(platform, input.channelId),
      platform,
      channelId: input.channelId,
      guildId: input.guildId ?? null,
      time,
      timezone,
      days,
      includeHolidays,
      userId: input.userId,
      at: this.now().toISOString(),
    });
  }

  subscribe(input: SubscribeInput): Promise<Subscription> {
    return this.save(input);
  }

  unsubscribe(platform: string, channelId: string): Promise<boolean> {
    return this.remove(subscriptionId(platform, channelId));
  }

  get(platform: string, channelId: string): Promise<Subscription | undefined> {
    return this.byId(subscriptionId(platform, channelId));
  }

  async lastDelivery(platform: string, channelId: string): Promise<LastDelivery | undefined> {
    const last = await this.store.ledger.latest(subscriptionId(platform, channelId));
    return last ? { localDate: last.localDate, status: last.status, updatedAt: last.updatedAt, lastError: last.lastError } : undefined;
  }

  remove(id: string): Promise<boolean> {
    return this.store.subscriptions.remove(id);
  }

  byId(id: string): Promise<Subscription | undefined> {
    return this.store.subscriptions.byId(id);
  }

  async isActive(id: string): Promise<boolean> {
    return (await this.byId(id))?.status === 'active';
  }

  listActive(): Promise<Subscription[]> {
    return this.store.subscriptions.listActive();
  }

  listAll(): Promise<Subscription[]> {
    return this.store.subscriptions.listAll();
  }

  pause(id: string, reason: string): Promise<void> {
    return this.store.subscriptions.setStatus(id, 'paused', reason, this.now().toISOString());
  }

  resume(id: string): Promise<void> {
    return this.store.subscriptions.setStatus(id, 'active', null, this.now().toISOString());
  }
}
