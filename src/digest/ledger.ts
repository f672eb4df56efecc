/**
 * Delivery ledger: one row per (subscription, local date), claimed in the database before sending so
 * that restarts and concurrent instances never send the same digest twice.
 */
import type { Db } from '../store/db.ts';

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
}

export interface LedgerOptions {
  /** A claim older than this is taken to be from a crashed sender and may be reclaimed. */
  staleClaimMs?: number;
  /** A failed delivery is tried again by a later tick after this long... */
  retryFailedAfterMs?: number;
  /** ...until this many attempts in total. */
  maxAttempts?: number;
}

export const LEDGER_DEFAULTS: Required<LedgerOptions> = {
  staleClaimMs: 10 * 60 * 1000,
  retryFailedAfterMs: 5 * 60 * 1000,
  maxAttempts: 3,
};

interface Row {
  subscription_id: string;
  local_date: string;
  edition: string | null;
  status: string;
  attempts: number;
  owner: string;
  last_error: string | null;
  claimed_at: string;
  updated_at: string;
}

const fromRow = (r: Row): LedgerEntry => ({
  subscriptionId: r.subscription_id,
  localDate: r.local_date,
  edition: r.edition,
  status: r.status as LedgerStatus,
  attempts: r.attempts,
  owner: r.owner,
  lastError: r.last_error,
  claimedAt: r.claimed_at,
  updatedAt: r.updated_at,
});

export function ensureLedgerTable(db: Db): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS digest_ledger (
      subscription_id TEXT NOT NULL,
      local_date TEXT NOT NULL,
      edition TEXT,
      status TEXT NOT NULL,
      attempts INTEGER NOT NULL,
      owner TEXT NOT NULL,
      last_error TEXT,
      claimed_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (subscription_id, local_date)
    )`);
  db.exec('CREATE INDEX IF NOT EXISTS digest_ledger_by_date ON digest_ledger (local_date, status)');
}

export class DeliveryLedger {
  private readonly opts: Required<LedgerOptions>;
  private readonly stmts;

  constructor(
    db: Db,
    /** Identifies this process in claims, so only the claimant marks the outcome. */
    private readonly owner: string,
    options: LedgerOptions = {},
  ) {
    this.opts = { ...LEDGER_DEFAULTS, ...options };
    ensureLedgerTable(db);
    this.stmts = {
      insert: db.prepare(`
        INSERT INTO digest_ledger (subscription_id, local_date, edition, status, attempts, owner, claimed_at, updated_at)
        VALUES (?, ?, ?, 'claimed', 1, ?, ?, ?)
        ON CONFLICT (subscription_id, local_date) DO NOTHING`),
      // One statement, so the check and the take are atomic for SQLite and for PostgreSQL alike.
      reclaim: db.prepare(`
        UPDATE digest_ledger
           SET status = 'claimed', attempts = attempts + 1, owner = ?, edition = ?, claimed_at = ?, updated_at = ?
         WHERE subscription_id = ? AND local_date = ? AND attempts < ?
           AND ((status = 'claimed' AND claimed_at < ?) OR (status = 'failed' AND updated_at < ?))`),
      finish: db.prepare(`
        UPDATE digest_ledger SET status = ?, last_error = ?, updated_at = ?
         WHERE subscription_id = ? AND local_date = ? AND owner = ? AND status = 'claimed'`),
      release: db.prepare(`
        UPDATE digest_ledger SET claimed_at = '1970-01-01T00:00:00.000Z', attempts = attempts - 1, updated_at = ?
         WHERE subscription_id = ? AND local_date = ? AND owner = ? AND status = 'claimed'`),
      get: db.prepare('SELECT * FROM digest_ledger WHERE subscription_id = ? AND local_date = ?'),
      latest: db.prepare('SELECT * FROM digest_ledger WHERE subscription_id = ? ORDER BY local_date DESC LIMIT 1'),
      settledOn: db.prepare("SELECT subscription_id AS id FROM digest_ledger WHERE local_date = ? AND status IN ('sent', 'paused')"),
      prune: db.prepare('DELETE FROM digest_ledger WHERE local_date < ?'),
      countByStatus: db.prepare('SELECT status, COUNT(*) AS n FROM digest_ledger GROUP BY status'),
    };
  }

  get ownerId(): string {
    return this.owner;
  }

  /**
   * Takes the (subscription, local date) row for this process. True when this process may send now:
   * a new row, a claim abandoned by a crash (older than staleClaimMs), or a failure due for a retry.
   */
  claim(subscriptionId: string, localDate: string, now: Date, edition: string | null = null): boolean {
    const at = now.toISOString();
    if (this.stmts.insert.run(subscriptionId, localDate, edition, this.owner, at, at).changes === 1) return true;
    const staleBefore = new Date(now.getTime() - this.opts.staleClaimMs).toISOString();
    const retryBefore = new Date(now.getTime() - this.opts.retryFailedAfterMs).toISOString();
    const taken = this.stmts.reclaim.run(
      this.owner, edition, at, at, subscriptionId, localDate, this.opts.maxAttempts, staleBefore, retryBefore,
    );
    return taken.changes === 1;
  }

  markSent(subscriptionId: string, localDate: string, now: Date): boolean {
    return this.finish('sent', null, subscriptionId, localDate, now);
  }

  markFailed(subscriptionId: string, localDate: string, now: Date, error: string): boolean {
    return this.finish('failed', error, subscriptionId, localDate, now);
  }

  markPaused(subscriptionId: string, localDate: string, now: Date, reason: string): boolean {
    return this.finish('paused', reason, subscriptionId, localDate, now);
  }

  /** Gives back a claim whose send never started (graceful stop, paused workspace): claimable at once. */
  release(subscriptionId: string, localDate: string, now: Date): boolean {
    return this.stmts.release.run(now.toISOString(), subscriptionId, localDate, this.owner).changes === 1;
  }

  get(subscriptionId: string, localDate: string): LedgerEntry | undefined {
    const row = this.stmts.get.get(subscriptionId, localDate) as Row | undefined;
    return row ? fromRow(row) : undefined;
  }

  latest(subscriptionId: string): LedgerEntry | undefined {
    const row = this.stmts.latest.get(subscriptionId) as Row | undefined;
    return row ? fromRow(row) : undefined;
  }

  /** Subscriptions whose digest for this local date is settled (sent or paused): nothing more to do. */
  settledOn(localDate: string): Set<string> {
    return new Set((this.stmts.settledOn.all(localDate) as { id: string }[]).map((r) => r.id));
  }

  /** Deletes rows for local dates before `localDate` (YYYY-MM-DD); returns how many went. */
  pruneBefore(localDate: string): number {
    return this.stmts.prune.run(localDate).changes;
  }

  counts(): Partial<Record<LedgerStatus, number>> {
    const out: Partial<Record<LedgerStatus, number>> = {};
    for (const r of this.stmts.countByStatus.all() as { status: LedgerStatus; n: number }[]) out[r.status] = r.n;
    return out;
  }

  private finish(status: LedgerStatus, error: string | null, subscriptionId: string, localDate: string, now: Date): boolean {
    return this.stmts.finish.run(status, error, now.toISOString(), subscriptionId, localDate, this.owner).changes === 1;
  }
}
