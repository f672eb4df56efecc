/**
 * Gateway shards held by exactly one instance each: a lock per shard (a PostgreSQL advisory lock when
 * several instances share one database; always granted on SQLite), tried again every few seconds so a
 * shard whose holder died is taken over. Each held shard runs its own gateway connection.
 */
import type { Logger } from '../../src/logger.ts';

/** Releases a held lock. */
export type Release = () => Promise<void>;

export interface ShardLocks {
  /** Takes the lock of one shard when free: its release, or null while another instance holds it. */
  tryAcquire(shardId: number, shardCount: number): Promise<Release | null>;
}

/** One instance, or an embedded database: every lock is granted. */
export const alwaysGranted: ShardLocks = { tryAcquire: async () => async () => {} };

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
  const held = new Map<number, { shard: RunningShard; release: Release }>();
  let stopped = false;
  let round: Promise<void> = Promise.resolve();

  async function acquire(): Promise<void> {
    for (const id of ids) {
      if (stopped || held.has(id)) continue;
      let release: Release | null;
      try {
        release = await opts.locks.tryAcquire(id, opts.count);
      } catch (error) {
        opts.logger.warn('discord: shard lock unavailable', { shard: id, error: String(error) });
        continue;
      }
      if (!release) continue;
      try {
        const shard = await opts.startShard(id, opts.count);
        if (stopped) {
          await shard.stop();
          await release();
          return;
        }
        held.set(id, { shard, release });
        opts.logger.info('discord: holding gateway shard', { shard: id, of: opts.count });
      } catch (error) {
        await release().catch(() => {});
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
      for (const [id, { shard, release }] of held) {
        await shard.stop();
        await release().catch((error: unknown) => opts.logger.warn('discord: shard lock release failed', { shard: id, error: String(error) }));
      }
      held.clear();
    },
  };
}
