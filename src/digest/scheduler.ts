/** The digest scheduler: one node-cron tick a minute finds due subscriptions and fans the edition out. */
import { randomUUID } from 'node:crypto';
import cron from 'node-cron';
import type { Logger } from '../logger.ts';
import type { Store } from '../store/open.ts';
import type { Deliverer } from './deliverer.ts';
import { createEditionCache, editionDate, type Compose, type EditionCache } from './edition.ts';
import { sharedCompose } from './shared-editions.ts';
import { Fanout, type DeliveryOutcome, type FanoutOptions } from './fanout.ts';
import { DeliveryLedger, type LedgerOptions } from './ledger.ts';
import { DEFAULT_GRACE_MS, dueDigests } from './schedule.ts';
import { SubscriptionRepository } from './subscriptions.ts';

export interface SchedulerOptions {
  store: Store;
  deliverers: Deliverer[];
  compose: Compose;
  now?: () => Date;
  logger: Logger;
  /** How long after its send time a missed digest is still sent (default 2 hours). */
  graceMs?: number;
  /** Start the node-cron minute tick (default true); tests call tick() themselves. */
  cron?: boolean;
  /** Names this process in ledger claims (default a random id). */
  instanceId?: string;
  ledger?: LedgerOptions;
  /** Ledger rows are kept this many days (default 60), for status and audits; older ones are pruned daily. */
  keepLedgerDays?: number;
  fanout?: Pick<FanoutOptions, 'limits' | 'maxAttempts' | 'maxRateLimitRetries' | 'backoffMs' | 'defaultRetryAfterMs' | 'sleep'>;
}

export interface TickSummary {
  due: number;
  outcomes: DeliveryOutcome[];
}

export interface Scheduler {
  /** Finds due subscriptions and delivers them; resolves when this tick's deliveries are done. */
  tick(): Promise<TickSummary>;
  stop(): void;
  readonly editions: EditionCache;
  readonly ledger: DeliveryLedger;
  readonly subscriptions: SubscriptionRepository;
}

export function startScheduler(opts: SchedulerOptions): Scheduler {
  const now = opts.now ?? (() => new Date());
  const logger = opts.logger;
  const subscriptions = new SubscriptionRepository(opts.store, now);
  const instanceId = opts.instanceId ?? randomUUID();
  const ledger = new DeliveryLedger(opts.store.ledger, instanceId, opts.ledger);
  // Composed once per edition across instances (and kept over a restart).
  const editions = createEditionCache(opts.compose, 3, editionDate, (compose) => sharedCompose(compose, { repo: opts.store.editions, owner: instanceId }));
  const fanout = new Fanout({ ...opts.fanout, deliverers: opts.deliverers, ledger, subscriptions, editions, now, logger });
  const platforms = new Set(opts.deliverers.map((d) => d.platform));

  const keepDays = opts.keepLedgerDays ?? 60;
  let prunedOn = '';
  async function pruneDaily(at: Date): Promise<void> {
    const today = at.toISOString().slice(0, 10);
    if (today === prunedOn) return;
    prunedOn = today;
    const cutoff = new Date(at.getTime() - keepDays * 86_400_000).toISOString().slice(0, 10);
    const removed = await ledger.pruneBefore(cutoff);
    await opts.store.editions.pruneBefore(cutoff);
    if (removed > 0) logger.info('digest ledger pruned', { before: cutoff, removed });
  }

  async function tick(): Promise<TickSummary> {
    await pruneDaily(now());
    const active = (await subscriptions.listActive()).filter((s) => platforms.has(s.platform));
    const due = dueDigests(active, now(), opts.graceMs ?? DEFAULT_GRACE_MS);
    if (due.length === 0) return { due: 0, outcomes: [] };
    const outcomes = await fanout.deliver(due);
    const sent = outcomes.filter((o) => o.result === 'sent').length;
    if (outcomes.length > 0) logger.info('digest tick', { due: due.length, delivered: sent, handled: outcomes.length });
    return { due: due.length, outcomes };
  }

  // Ticks do not wait for each other: a long fan-out keeps going while the next minute's digests start;
  // the fan-out skips digests already in flight and the ledger stops any double send.
  const task =
    opts.cron === false
      ? null
      : cron.schedule('* * * * *', () => {
          tick().catch((err) => logger.error('digest tick failed', { error: String(err) }));
        });

  return {
    tick,
    stop() {
      void task?.destroy();
    },
    editions,
    ledger,
    subscriptions,
  };
}
