/** The fan-out's options and outcomes. */
import type { Logger } from '../logger.ts';
import type { Deliverer, Platform } from './deliverer.ts';
import type { EditionCache } from './edition.ts';
import type { DeliveryLedger } from './ledger.ts';
import type { PlatformLimits } from './limits.ts';
import type { Schedulable } from './schedule.ts';
import type { WorkspacePauses } from './workspace-pauses.ts';

/** held: the workspace's credentials are paused; released: given back unstarted on a graceful stop. */
export type DeliveryResult = 'sent' | 'skipped' | 'paused' | 'held' | 'released' | 'failed' | 'no_deliverer';

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
  /** Workspace-wide pauses on auth trouble; without it auth errors fail the one delivery. */
  pauses?: WorkspacePauses;
  /**
   * How far back (real clock) a digest taken over from a dead process may already have been posted:
   * the grace window plus the lease. Default 2 h 2 min.
   */
  retryWindowMs?: number;
  /** The real clock in epoch ms (platform timestamps are real even when CAPWATCH_NOW fixes "now"). */
  realNow?: () => number;
}
