/**
 * Fan-out of one edition to many channels: a queue per platform with a concurrency cap and a global pace,
 * Retry-After honoured, gone/forbidden channels paused, transient failures retried a bounded number of times.
 */
import PQueue from 'p-queue';
import type { Logger } from '../logger.ts';
import { digestDeliveriesTotal, watchQueue } from '../observability/metrics.ts';
import type { Reply } from '../reply.ts';
import { DeliveryError, type Deliverer, type DeliveryKey, type Platform } from './deliverer.ts';
import type { DeliveryOutcome, DeliveryResult, FanoutOptions, FanoutTarget } from './fanout-types.ts';
import { REALISTIC_LIMITS, type PlatformLimits } from './limits.ts';
import type { DueDigest } from './schedule.ts';
import { authReason } from './workspace-pauses.ts';

export { REALISTIC_LIMITS, UNLIMITED, type PlatformLimits } from './limits.ts';

export type { DeliveryOutcome, DeliveryResult, FanoutOptions, FanoutTarget, Pausable } from './fanout-types.ts';

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

type Attempt = { done: DeliveryOutcome } | { retryInMs: number; rateLimited: boolean; error: string };

/** A digest this process holds the claim of, and whether an earlier attempt may have reached the channel. */
interface Held {
  key: DeliveryKey;
  firstAttemptAt?: number;
}

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
  private readonly opts: FanoutOptions;
  private readonly realNow: () => number;
  private stopping = false;
  private stopped!: () => void;
  private readonly whenStopped = new Promise<void>((resolve) => (this.stopped = resolve));

  constructor(opts: FanoutOptions) {
    this.opts = opts;
    this.sleep = opts.sleep ?? realSleep;
    this.maxAttempts = opts.maxAttempts ?? 3;
    this.maxRateLimitRetries = opts.maxRateLimitRetries ?? 5;
    this.backoffMs = opts.backoffMs ?? ((n) => 2000 * 4 ** (n - 1));
    this.defaultRetryAfterMs = opts.defaultRetryAfterMs ?? 1000;
    this.realNow = opts.realNow ?? Date.now;
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

  /**
   * Graceful stop: takes no new claim, gives back the claims waiting for a retry, lets sends in flight
   * finish for up to `timeoutMs`. A send still running then keeps its lease, which runs out on its own.
   */
  async drain(timeoutMs: number): Promise<void> {
    this.stopping = true;
    this.stopped();
    for (const lane of this.lanes.values()) lane.queue.start();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.onIdle(), new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
    clearTimeout(timer);
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
      let held: Held | undefined;
      const task = async (): Promise<Attempt> => {
        if (!held) {
          if (this.stopping) return { done: outcome(d, 'released', 0, 'stopping') };
          if (this.opts.pauses?.isPaused(lane.deliverer)) return { done: outcome(d, 'held', 0, 'workspace paused') };
          if (this.opts.subscriptions.isActive && !(await this.opts.subscriptions.isActive(d.subscription.id))) {
            return { done: outcome(d, 'skipped', 0, 'no longer subscribed') };
          }
          if (!(await this.opts.ledger.claim(d.subscription.id, d.localDate, this.opts.now(), edition))) {
            const leased = (await this.opts.ledger.get(d.subscription.id, d.localDate))?.status === 'claimed';
            return { done: outcome(d, 'skipped', 0, leased ? CLAIMED_ELSEWHERE : undefined) };
          }
          held = { key: await this.deliveryKey(d) };
        } else if (this.stopping) {
          return { done: await this.release(d, attempts, 'stopping') };
        }
        attempts++;
        // A retry within this run: the failed attempt may have reached the platform before failing.
        if (held.firstAttemptAt !== undefined && !held.key.retrySince) held.key = { ...held.key, retrySince: new Date(held.firstAttemptAt - 1000) };
        held.firstAttemptAt ??= this.realNow();
        return this.attempt(lane, d, reply, attempts, rateLimited, held.key);
      };
      let pending = lane.queue.add(task);
      for (;;) {
        const step = await pending;
        if ('done' in step) return step.done;
        if (step.rateLimited) {
          rateLimited++;
          // attempt() paused the queue; the retry is queued (first, by priority) before the queue restarts.
          try {
            await this.sleepUnlessStopping(step.retryInMs);
          } finally {
            pending = lane.queue.add(task, { priority: 1 });
            lane.holds--;
            if (lane.holds === 0) lane.queue.start();
          }
        } else {
          await this.sleepUnlessStopping(Math.max(step.retryInMs, lane.limits.perChannelIntervalMs));
          pending = lane.queue.add(task, { priority: 1 });
        }
      }
    } finally {
      this.inFlight.delete(k);
    }
  }

  private sleepUnlessStopping(ms: number): Promise<void> {
    return Promise.race([this.sleep(ms), this.whenStopped]);
  }

  /**
   * The key of a digest just claimed. A claim taken over from a process that died (the row has attempts
   * before ours) may already be in the channel: the deliverer looks for it since the retry window began.
   */
  private async deliveryKey(d: DueDigest<FanoutTarget>): Promise<DeliveryKey> {
    const key = { subscriptionId: d.subscription.id, localDate: d.localDate };
    const entry = await this.opts.ledger.get(d.subscription.id, d.localDate);
    if (!entry || entry.attempts <= 1) return key;
    return { ...key, retrySince: new Date(this.realNow() - (this.opts.retryWindowMs ?? DEFAULT_RETRY_WINDOW_MS)) };
  }

  private async release(d: DueDigest<FanoutTarget>, attempts: number, why: string): Promise<DeliveryOutcome> {
    await this.opts.ledger.release(d.subscription.id, d.localDate, this.opts.now());
    return outcome(d, why === 'stopping' ? 'released' : 'held', attempts, why);
  }

  private async attempt(lane: Lane, d: DueDigest<FanoutTarget>, reply: Reply, attempts: number, rateLimited: number, key: DeliveryKey): Promise<Attempt> {
    const { ledger, logger, subscriptions } = this.opts;
    const sub = d.subscription;
    try {
      await ledger.whileHeld(sub.id, d.localDate, () => lane.deliverer.send(sub.channelId, reply, key));
      await ledger.markSent(sub.id, d.localDate, this.opts.now());
      return { done: outcome(d, 'sent', attempts) };
    } catch (err) {
      const e = err instanceof DeliveryError ? err : new DeliveryError('transient', String(err instanceof Error ? err.message : err));
      if (e.kind === 'auth' && this.opts.pauses) {
        // The workspace's credentials, not this channel: the claim goes back, and nothing more is sent
        // through these credentials until a probe succeeds.
        await this.opts.pauses.pause(lane.deliverer, e);
        return { done: await this.release(d, attempts, authReason(e)) };
      }
      if (e.kind === 'gone' || e.kind === 'forbidden') {
        const what = e.kind === 'gone' ? 'channel is gone' : 'bot is not allowed to post';
        const reason = `${what}: ${e.message}${e.fix ? ` (${e.fix})` : ''}`;
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

/** The error of a 'skipped' outcome whose claim another process (alive or dead) holds. */
export const CLAIMED_ELSEWHERE = 'claimed by another process';

const DEFAULT_RETRY_WINDOW_MS = 2 * 60 * 60 * 1000 + 120_000;

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
