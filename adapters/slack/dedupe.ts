/** Remembers recently seen event ids so Slack's redeliveries (X-Slack-Retry-Num) are answered once. */
import type { EventsRepo } from '../../src/store/repos/events.ts';

/** Answers "first time?" for an event id; shared across instances when backed by the store. */
export interface EventGate {
  first(id: string): Promise<boolean>;
}

/**
 * This process's memory first (a retry to the same instance costs no query), then the store, so a retry
 * that a load balancer sends to another instance is answered once too.
 */
export function sharedSeen(local: SeenEvents, repo?: EventsRepo, ttlMs = 10 * 60_000, now: () => number = Date.now): EventGate {
  let prunedAt = 0;
  return {
    async first(id) {
      if (!local.first(id)) return false;
      if (!repo) return true;
      const t = now();
      if (t - prunedAt > ttlMs) {
        prunedAt = t;
        void repo.prune(t - ttlMs).catch(() => {});
      }
      // The store unreachable: answering twice beats not answering.
      return repo.firstSeen(id, ttlMs, t).catch(() => true);
    },
  };
}

export class SeenEvents {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly ttlMs = 10 * 60_000,
    private readonly max = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** True the first time an id is offered within the TTL, false for repeats. */
  first(id: string): boolean {
    const t = this.now();
    const at = this.seen.get(id);
    if (at !== undefined && t - at < this.ttlMs) return false;
    this.seen.delete(id);
    this.seen.set(id, t);
    this.prune(t);
    return true;
  }

  get size(): number {
    return this.seen.size;
  }

  /** Map keeps insertion order, so the oldest entries are at the front. */
  private prune(t: number): void {
    for (const [id, at] of this.seen) {
      if (this.seen.size <= this.max && t - at < this.ttlMs) break;
      this.seen.delete(id);
    }
  }
}
