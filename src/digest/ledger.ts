/**
 * Delivery ledger: one row per (subscription, local date), claimed in the database before sending so
 * that restarts and concurrent instances never send the same digest twice.
 *
 * A claim is a lease of `leaseMs` on the real clock (never CAPWATCH_NOW, which may be frozen), renewed
 * while the send is in progress (`whileHeld`). When its holder dies the lease runs out, and the restarted
 * process or another instance takes the claim over. The SQL lives in src/store/repos/ledger.ts.
 */
import type { LedgerRepo } from '../store/repos/ledger.ts';

export type LedgerStatus = 'claimed' | 'sent' | 'failed' | 'paused';

export interface LedgerEntry {
  subscriptionId: string;
  localDate: string;
  edition: string | null;
  status: LedgerStatus;
  attempts: number;
  owner: string;
  lastError: string | null;
  claimedAt: string;
  updatedAt: string;
  /** Epoch ms (real clock): end of the claim's lease, or when a failure may be retried. */
  leaseUntil: number | null;
  /** The platform's id of the posted message, once sent. */
  messageRef: string | null;
}

export interface LedgerOptions {
  /** How long a claim blocks others without renewal (DIGEST_LEASE_SECONDS). */
  leaseMs?: number;
  /** A failed delivery is tried again by a later tick after this long... */
  retryFailedAfterMs?: number;
  /** ...until this many attempts in total. */
  maxAttempts?: number;
  /** An expired claim is taken over until this many claims in total (a digest that kills every process stops). */
  maxClaims?: number;
  /** The real clock in epoch ms; leases always run on it. */
  clock?: () => number;
}

export const LEDGER_DEFAULTS: Required<LedgerOptions> = {
  leaseMs: 120_000,
  retryFailedAfterMs: 5 * 60 * 1000,
  maxAttempts: 3,
  maxClaims: 10,
  clock: () => Date.now(),
};

export class DeliveryLedger {
  private readonly opts: Required<LedgerOptions>;

  constructor(
    private readonly repo: LedgerRepo,
    /** Identifies this process in claims, so only the claimant renews, records or releases. */
    private readonly owner: string,
    options: LedgerOptions = {},
  ) {
    this.opts = { ...LEDGER_DEFAULTS, ...options };
  }

  get ownerId(): string {
    return this.owner;
  }

  get leaseMs(): number {
    return this.opts.leaseMs;
  }

  /**
   * Takes the (subscription, local date) row for this process. True when this process may send now:
   * a new row, a claim whose lease ran out (its holder died), or a failure due for a retry.
   */
  claim(subscriptionId: string, localDate: string, now: Date, edition: string | null = null): Promise<boolean> {
    const realNow = this.opts.clock();
    return this.repo.claim({
      subscriptionId,
      localDate,
      owner: this.owner,
      edition,
      at: now.toISOString(),
      realNow,
      leaseUntil: realNow + this.opts.leaseMs,
      maxClaims: this.opts.maxClaims,
      maxAttempts: this.opts.maxAttempts,
    });
  }

  /** Extends this process's lease; false when the claim is no longer ours. */
  renew(subscriptionId: string, localDate: string): Promise<boolean> {
    return this.repo.renew(subscriptionId, localDate, this.owner, this.opts.clock() + this.opts.leaseMs);
  }

  /** Runs `work` (the send) while renewing the lease every third of its length. */
  async whileHeld<T>(subscriptionId: string, localDate: string, work: () => Promise<T>): Promise<T> {
    const timer = setInterval(() => {
      this.renew(subscriptionId, localDate).catch(() => {});
    }, Math.max(1, Math.floor(this.opts.leaseMs / 3)));
    timer.unref();
    try {
      return await work();
    } finally {
      clearInterval(timer);
    }
  }

  /** Records the delivery, with the platform's message id when known. */
  complete(subscriptionId: string, localDate: string, now: Date, messageRef: string | null = null): Promise<boolean> {
    return this.repo.finish(subscriptionId, localDate, this.owner, { status: 'sent', error: null, at: now.toISOString(), messageRef });
  }

  markSent(subscriptionId: string, localDate: string, now: Date, messageRef: string | null = null): Promise<boolean> {
    return this.complete(subscriptionId, localDate, now, messageRef);
  }

  markFailed(subscriptionId: string, localDate: string, now: Date, error: string): Promise<boolean> {
    const retryAt = this.opts.clock() + this.opts.retryFailedAfterMs;
    return this.repo.finish(subscriptionId, localDate, this.owner, { status: 'failed', error, at: now.toISOString(), retryAt });
  }

  markPaused(subscriptionId: string, localDate: string, now: Date, reason: string): Promise<boolean> {
    return this.repo.finish(subscriptionId, localDate, this.owner, { status: 'paused', error: reason, at: now.toISOString() });
  }

  /** Gives back a claim whose send never started (graceful stop): claimable at once, no attempt spent. */
  release(subscriptionId: string, localDate: string, now: Date): Promise<boolean> {
    return this.repo.release(subscriptionId, localDate, this.owner, now.toISOString());
  }

  get(subscriptionId: string, localDate: string): Promise<LedgerEntry | undefined> {
    return this.repo.get(subscriptionId, localDate);
  }

  latest(subscriptionId: string): Promise<LedgerEntry | undefined> {
    return this.repo.latest(subscriptionId);
  }

  /** Subscriptions whose digest for this local date is settled (sent or paused): nothing more to do. */
  settledOn(localDate: string): Promise<Set<string>> {
    return this.repo.settledOn(localDate);
  }

  /** Deletes rows for local dates before `localDate` (YYYY-MM-DD); returns how many went. */
  pruneBefore(localDate: string): Promise<number> {
    return this.repo.pruneBefore(localDate);
  }

  counts(): Promise<Partial<Record<LedgerStatus, number>>> {
    return this.repo.counts();
  }
}
