/**
 * Gateway shards held by exactly one instance each: a lock per shard (a PostgreSQL advisory lock when
 * several instances share one database; always granted on SQLite), tried again every few seconds so a
 * shard whose holder died is taken over. Each held shard runs its own gateway connection.
 */
import type { Logger } from '../../src/logger.ts';

/** A held lock (the shape of the store's LockHandle). */
export interface ShardLockHandle {
  release(): Promise<void>;
  /** Resolves if the lock is lost without release() (its database session died): the shard must stop. */
  readonly lost?: Promise<void>;
}

/** Named locks shared by the instances (the shape of the store's `store.locks`). */
export interface ShardLocks {
  /** Takes the lock when free; null at once while another instance holds it. */
  tryHold(name: string): Promise<ShardLockHandle | null>;
}

/** One instance, or an embedded database: every lock is granted. */
export const alwaysGranted: ShardLocks = { tryHold: async () => ({ release: async () => {} }) };

/** The lock of one shard: the count is in the name, so a re-sharded fleet never mixes two layouts. */
export const shardLockName = (shardId: number, shardCount: number) => `discord:shard:${shardId}/${shardCount}`;

export interface RunningShard {
  stop(): Promise<void>;
}

export interface ShardSupervisorOptions {
  count: number;
  /** The shards this instance may hold (default: all). */
  ids?: readonly number[];
  locks: ShardLocks;
  /** Starts one shard's gateway connection; resolves once it is ready. */
  startShard(shardId: number, shardCount: number): Promise<RunningShard>;
  /** How often free shards are tried again. Default 5 s. */
  retryMs?: number;
  logger: Logger;
}

export interface ShardSupervisor {
  /** Shard ids this instance holds now. */
  held(): number[];
  /** One round of acquiring free shards (also run every retryMs). */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

export async function superviseShards(opts: ShardSupervisorOptions): Promise<ShardSupervisor> {
  const ids = opts.ids ?? Array.from({ length: opts.count }, (_, i) => i);
  const held = new Map<number, { shard: RunningShard; lock: ShardLockHandle }>();
  let stopped = false;
  let round: Promise<void> = Promise.resolve();

  async function acquire(): Promise<void> {
    for (const id of ids) {
      if (stopped || held.has(id)) continue;
      let lock: ShardLockHandle | null;
      try {
        lock = await opts.locks.tryHold(shardLockName(id, opts.count));
      } catch (error) {
        opts.logger.warn('discord: shard lock unavailable', { shard: id, error: String(error) });
        continue;
      }
      if (!lock) continue;
      try {
        const shard = await opts.startShard(id, opts.count);
        if (stopped) {
          await shard.stop();
          await lock.release();
          return;
        }
        const entry = { shard, lock };
        held.set(id, entry);
        opts.logger.info('discord: holding gateway shard', { shard: id, of: opts.count });
        // Lost lock (database session gone): another instance may take the shard, so this one lets go at once.
        void lock.lost?.then(async () => {
          if (held.get(id) !== entry) return;
          held.delete(id);
          opts.logger.warn('discord: shard lock lost; disconnecting the shard', { shard: id });
          await shard.stop().catch(() => {});
        });
      } catch (error) {
        await lock.release().catch(() => {});
        opts.logger.error('discord: shard failed to start', { shard: id, error: String(error) });
      }
    }
  }

  // Rounds never overlap: a slow start is not raced by the next tick.
  const tick = () => (round = round.then(acquire));
  await tick();
  const timer = setInterval(() => void tick(), opts.retryMs ?? 5000);
  timer.unref();

  return {
    held: () => [...held.keys()].sort((a, b) => a - b),
    tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await round;
      for (const [id, { shard, lock }] of held) {
        await shard.stop();
        await lock.release().catch((error: unknown) => opts.logger.warn('discord: shard lock release failed', { shard: id, error: String(error) }));
      }
      held.clear();
    },
  };
}
