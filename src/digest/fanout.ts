/**
 * Fan-out of one edition to many channels: a queue per platform with a concurrency cap and a global pace,
 * Retry-After honoured, gone/forbidden channels paused, transient failures retried a bounded number of times.
 */
import PQueue from 'p-queue';
import type { Logger } from '../logger.ts';
import { digestDeliveriesTotal, watchQueue } from '../observability/metrics.ts';
import type { Reply } from '../reply.ts';
import { DeliveryError, type Deliverer, type Platform } from './deliverer.ts';
import type { DeliveryLedger } from './ledger.ts';
import type { DueDigest, Schedulable } from './schedule.ts';
import type { EditionCache } from './edition.ts';

export interface PlatformLimits {
  /** Sends in flight at once. */
  concurrency: number;
  /** Global ceiling in sends per second (Infinity: no pacing). */
  perSecond: number;
  /** Minimum spacing between two sends to the same channel (retries). */
  perChannelIntervalMs: number;
}

/**
 * Discord: discord.js/REST honour the per-route buckets; 50 req/s is the global ceiling per bot.
 * Slack: chat.postMessage allows about 1 message per second per channel; a global pace keeps bursts polite.
 */
export const REALISTIC_LIMITS: Record<Platform, PlatformLimits> = {
  discord: { concurrency: 100, perSecond: 50, perChannelIntervalMs: 0 },
  // Concurrency above the pace, so slow responses (chart uploads take several calls) never hold the pace back.
  slack: { concurrency: 30, perSecond: 10, perChannelIntervalMs: 1000 },
};

export const UNLIMITED: PlatformLimits = { concurrency: 64, perSecond: Infinity, perChannelIntervalMs: 0 };

export type DeliveryResult = 'sent' | 'skipped' | 'paused' | 'failed' | 'no_deliverer';

export interface DeliveryOutcome {
  subscriptionId: string;
  localDate: string;
  result: DeliveryResult;
  attempts: number;
  error?: string;
}

export interface Pausable {
  pause(id: string, reason: string): Promise<void>;
  /** Checked just before claiming, so a channel unsubscribed or paused mid fan-out gets nothing. */
  isActive?(id: string): Promise<boolean>;
}

export type FanoutTarget = Schedulable & { platform: Platform; channelId: string };

export interface FanoutOptions {
  deliverers: Deliverer[];
  ledger: DeliveryLedger;
  subscriptions: Pausable;
  editions: EditionCache;
  now: () => Date;
  logger: Logger;
  limits?: Partial<Record<Platform, Partial<PlatformLimits>>>;
  /** Attempts for transient failures within one run (default 3). */
  maxAttempts?: number;
  /** Retries after 429 within one run (default 5). */
  maxRateLimitRetries?: number;
  /** Wait before retry n (1-based) of a transient failure. */
  backoffMs?: (retry: number) => number;
  /** Used when a 429 carries no Retry-After. */
  defaultRetryAfterMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

type Attempt = { done: DeliveryOutcome } | { retryInMs: number; rateLimited: boolean; error: string };

interface Lane {
  deliverer: Deliverer;
  queue: PQueue;
  limits: PlatformLimits;
  holds: number;
}

export class Fanout {
  private readonly lanes = new Map<Platform, Lane>();
  private readonly inFlight = new Set<string>();
  private readonly feeding = new Set<Promise<unknown>>();
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly maxAttempts: number;
  private readonly maxRateLimitRetries: number;
  private readonly backoffMs: (retry: number) => number;
  private readonly defaultRetryAfterMs: number;

  constructor(private readonly opts: FanoutOptions) {
    this.sleep = opts.sleep ?? realSleep;
    this.maxAttempts = opts.maxAttempts ?? 3;
    this.maxRateLimitRetries = opts.maxRateLimitRetries ?? 5;
    this.backoffMs = opts.backoffMs ?? ((n) => 2000 * 4 ** (n - 1));
    this.defaultRetryAfterMs = opts.defaultRetryAfterMs ?? 1000;
    for (const deliverer of opts.deliverers) {
      const limits = { ...REALISTIC_LIMITS[deliverer.platform], ...opts.limits?.[deliverer.platform] };
      const paced = Number.isFinite(limits.perSecond);
      const queue = new PQueue({
        concurrency: limits.concurrency,
        ...(paced ? { intervalCap: Math.max(1, Math.floor(limits.perSecond)), interval: 1000 } : {}),
      });
      this.lanes.set(deliverer.platform, { deliverer, queue, limits, holds: 0 });
      watchQueue(deliverer.platform, queue);
    }
  }

  /** Delivers the edition to every due digest not yet delivered; resolves when all have an outcome. */
  async deliver(due: DueDigest<FanoutTarget>[]): Promise<DeliveryOutcome[]> {
    // One query per local date rather than one per subscription: inside the grace window every tick sees
    // the morning's subscriptions due again, almost all of them already sent.
    const settled = new Map<string, Set<string>>();
    for (const localDate of new Set(due.map((d) => d.localDate))) settled.set(localDate, await this.opts.ledger.settledOn(localDate));
    const fresh = due.filter((d) => !settled.get(d.localDate)?.has(d.subscription.id) && !this.inFlight.has(key(d)));
    if (fresh.length === 0) return [];
    // Marked before composing, so a tick that starts meanwhile leaves these alone.
    for (const d of fresh) this.inFlight.add(key(d));

    let edition;
    try {
      edition = await this.opts.editions.get(this.opts.now());
    } catch (err) {
      for (const d of fresh) this.inFlight.delete(key(d));
      this.opts.logger.error('digest compose failed; will retry next tick', { error: String(err), due: fresh.length });
      return fresh.map((d) => outcome(d, 'failed', 0, `compose failed: ${String(err)}`));
    }

    const outcomes = new Array<DeliveryOutcome>(fresh.length);
    const feeding = Promise.all(
      [...groupByPlatform(fresh)].map(async ([platform, items]) => {
        const lane = this.lanes.get(platform);
        const sends: Promise<void>[] = [];
        for (const [i, d] of items) {
          // Feed the queue as it drains instead of enqueuing every subscription at once: memory then
          // follows the concurrency, not the number of subscriptions.
          if (lane) await lane.queue.onSizeLessThan(lane.limits.concurrency);
          sends.push(this.deliverOne(d, edition.date, edition.reply).then((o) => void (outcomes[i] = o)));
        }
        await Promise.all(sends);
      }),
    );
    this.feeding.add(feeding);
    try {
      await feeding;
    } finally {
      this.feeding.delete(feeding);
    }
    return outcomes;
  }

  /** Sends of a platform waiting in its queue, and running. */
  load(platform: Platform): { waiting: number; running: number } {
    const queue = this.lanes.get(platform)?.queue;
    return { waiting: queue?.size ?? 0, running: queue?.pending ?? 0 };
  }

  /** Resolves when every delivery under way has an outcome and every queue is idle. */
  async onIdle(): Promise<void> {
    await Promise.allSettled([...this.feeding]);
    await Promise.all([...this.lanes.values()].map((l) => l.queue.onIdle()));
  }

  private async deliverOne(d: DueDigest<FanoutTarget>, edition: string, reply: Reply): Promise<DeliveryOutcome> {
    const k = key(d);
    try {
      const lane = this.lanes.get(d.subscription.platform);
      if (!lane) return outcome(d, 'no_deliverer', 0);
      let attempts = 0;
      let rateLimited = 0;
      let claimed = false;
      const task = async (): Promise<Attempt> => {
        if (!claimed) {
          if (this.opts.subscriptions.isActive && !(await this.opts.subscriptions.isActive(d.subscription.id))) {
            return { done: outcome(d, 'skipped', 0, 'no longer subscribed') };
          }
          if (!(await this.opts.ledger.claim(d.subscription.id, d.localDate, this.opts.now(), edition))) {
            return { done: outcome(d, 'skipped', 0) };
          }
          claimed = true;
        }
        attempts++;
        return this.attempt(lane, d, reply, attempts, rateLimited);
      };
      let pending = lane.queue.add(task);
      for (;;) {
        const step = await pending;
        if ('done' in step) return step.done;
        if (step.rateLimited) {
          rateLimited++;
          // attempt() paused the queue; the retry is queued (first, by priority) before the queue restarts.
          try {
            await this.sleep(step.retryInMs);
          } finally {
            pending = lane.queue.add(task, { priority: 1 });
            lane.holds--;
            if (lane.holds === 0) lane.queue.start();
          }
        } else {
          await this.sleep(Math.max(step.retryInMs, lane.limits.perChannelIntervalMs));
          pending = lane.queue.add(task, { priority: 1 });
        }
      }
    } finally {
      this.inFlight.delete(k);
    }
  }

  private async attempt(lane: Lane, d: DueDigest<FanoutTarget>, reply: Reply, attempts: number, rateLimited: number): Promise<Attempt> {
    const { ledger, logger, subscriptions } = this.opts;
    const sub = d.subscription;
    try {
      await ledger.whileHeld(sub.id, d.localDate, () => lane.deliverer.send(sub.channelId, reply));
      await ledger.markSent(sub.id, d.localDate, this.opts.now());
      return { done: outcome(d, 'sent', attempts) };
    } catch (err) {
      const e = err instanceof DeliveryError ? err : new DeliveryError('transient', String(err instanceof Error ? err.message : err));
      if (e.kind === 'gone' || e.kind === 'forbidden') {
        const reason = `${e.kind === 'gone' ? 'channel is gone' : 'bot is not allowed to post'}: ${e.message}`;
        await subscriptions.pause(sub.id, reason);
        await ledger.markPaused(sub.id, d.localDate, this.opts.now(), reason);
        logger.warn('digest subscription paused', { subscription: sub.id, reason });
        return { done: outcome(d, 'paused', attempts, reason) };
      }
      if (e.kind === 'rate_limited' && rateLimited < this.maxRateLimitRetries) {
        // Pause before this task returns, so the queue starts no other send in the meantime.
        lane.holds++;
        lane.queue.pause();
        return { retryInMs: e.retryAfterMs ?? this.defaultRetryAfterMs, rateLimited: true, error: e.message };
      }
      // Rate-limited attempts do not count against the transient budget.
      const transientTries = attempts - rateLimited;
      if (e.kind === 'transient' && transientTries < this.maxAttempts) {
        return { retryInMs: this.backoffMs(transientTries), rateLimited: false, error: e.message };
      }
      await ledger.markFailed(sub.id, d.localDate, this.opts.now(), `${e.kind}: ${e.message}`);
      logger.error('digest delivery failed', { subscription: sub.id, localDate: d.localDate, kind: e.kind, error: e.message, attempts });
      return { done: outcome(d, 'failed', attempts, `${e.kind}: ${e.message}`) };
    }
  }
}

const key = (d: DueDigest<FanoutTarget>) => `${d.subscription.id}|${d.localDate}`;

/** Due digests per platform, each with its index in `due` so outcomes keep the input order. */
function groupByPlatform(due: DueDigest<FanoutTarget>[]): Map<Platform, [number, DueDigest<FanoutTarget>][]> {
  const groups = new Map<Platform, [number, DueDigest<FanoutTarget>][]>();
  due.forEach((d, i) => {
    const group = groups.get(d.subscription.platform) ?? [];
    group.push([i, d]);
    groups.set(d.subscription.platform, group);
  });
  return groups;
}

function outcome(d: DueDigest<FanoutTarget>, result: DeliveryResult, attempts: number, error?: string): DeliveryOutcome {
  digestDeliveriesTotal.inc({ platform: d.subscription.platform, outcome: result });
  return { subscriptionId: d.subscription.id, localDate: d.localDate, result, attempts, ...(error ? { error } : {}) };
}
