/** Remembers recently seen event ids so Slack's redeliveries (X-Slack-Retry-Num) are answered once. */
export class SeenEvents {
  private readonly seen = new Map<string, number>();
  private readonly ttlMs: number;
  private readonly max: number;
  private readonly now: () => number;

  constructor(ttlMs = 10 * 60_000, max = 10_000, now: () => number = Date.now) {
    this.ttlMs = ttlMs;
    this.max = max;
    this.now = now;
  }

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
