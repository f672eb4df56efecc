/**
 * The digest scheduler: one node-cron tick a minute (and one at start) finds due subscriptions and fans the
 * edition out. While claims of a dead process block digests, it ticks again as their leases run out.
 */
import { randomUUID } from 'node:crypto';
import cron from 'node-cron';
import type { Logger } from '../logger.ts';
import type { Store } from '../store/open.ts';
import type { Deliverer } from './deliverer.ts';
import { createEditionCache, editionDate, type Compose, type EditionCache } from './edition.ts';
import { sharedCompose } from './shared-editions.ts';
import { CLAIMED_ELSEWHERE, Fanout, type DeliveryOutcome, type FanoutOptions } from './fanout.ts';
import { DeliveryLedger, type LedgerOptions } from './ledger.ts';
import { DEFAULT_GRACE_MS, dueDigests } from './schedule.ts';
import { SubscriptionRepository } from './subscriptions.ts';
import { WorkspacePauses, type WorkspacePauseStore } from './workspace-pauses.ts';

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
  fanout?: Pick<FanoutOptions, 'limits' | 'maxAttempts' | 'maxRateLimitRetries' | 'backoffMs' | 'defaultRetryAfterMs' | 'sleep' | 'realNow'>;
  /** Where workspace pauses (auth trouble) are kept; default the store's, shared by every instance. */
  pauses?: WorkspacePauseStore;
  /** How long stop() lets sends in flight finish (default 10 s). */
  drainMs?: number;
}

export interface TickSummary {
  due: number;
  outcomes: DeliveryOutcome[];
}

export interface Scheduler {
  /** Finds due subscriptions and delivers them; resolves when this tick's deliveries are done. */
  tick(): Promise<TickSummary>;
  /** Graceful stop: no new claims, unstarted ones given back, sends in flight finish (bounded by drainMs). */
  stop(): Promise<void>;
  readonly editions: EditionCache;
  readonly pauses: WorkspacePauses;
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
  const pauses = new WorkspacePauses(opts.pauses ?? opts.store.workspacePauses, logger, now);
  const graceMs = opts.graceMs ?? DEFAULT_GRACE_MS;
  const leaseMs = ledger.leaseMs;
  const fanout = new Fanout({ ...opts.fanout, deliverers: opts.deliverers, ledger, subscriptions, editions, now, logger, pauses, retryWindowMs: graceMs + leaseMs });
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

  let stopping = false;
  let followUp: NodeJS.Timeout | undefined;
  const run = () => {
    if (stopping) return;
    tick().catch((err) => logger.error('digest tick failed', { error: String(err) }));
  };

  async function tick(): Promise<TickSummary> {
    await pruneDaily(now());
    await pauses.refresh(opts.deliverers);
    const active = (await subscriptions.listActive()).filter((s) => platforms.has(s.platform));
    const due = dueDigests(active, now(), graceMs);
    if (due.length === 0) return { due: 0, outcomes: [] };
    const outcomes = await fanout.deliver(due);
    // Claims still held elsewhere (a dead process's lease, another instance's send): look again when a
    // lease may have run out rather than at the next minute.
    if (opts.cron !== false && !stopping && !followUp && outcomes.some((o) => o.error === CLAIMED_ELSEWHERE)) {
      followUp = setTimeout(() => {
        followUp = undefined;
        run();
      }, Math.min(Math.max(leaseMs / 2, 1000), 30_000));
    }
    const sent = outcomes.filter((o) => o.result === 'sent').length;
    if (outcomes.length > 0) logger.info('digest tick', { due: due.length, delivered: sent, handled: outcomes.length });
    return { due: due.length, outcomes };
  }

  // Ticks do not wait for each other: a long fan-out keeps going while the next minute's digests start;
  // the fan-out skips digests already in flight and the ledger stops any double send.
  const task = opts.cron === false ? null : cron.schedule('* * * * *', run);
  // At start too: a restart sends what is due (a crash's leftovers, a missed morning) without waiting a minute.
  if (task) setImmediate(run);

  return {
    tick,
    async stop() {
      stopping = true;
      clearTimeout(followUp);
      void task?.destroy();
      await fanout.drain(opts.drainMs ?? 10_000);
    },
    editions,
    pauses,
    ledger,
    subscriptions,
  };
}
