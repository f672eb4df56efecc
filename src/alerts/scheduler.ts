/**
 * Alert refreshes: one node-cron tick a minute; on refresh minutes (schedule.ts) one instance at a time
 * evaluates every rule (a store lock, so N instances do not evaluate N times; the firing ledger would stop
 * double posts anyway).
 */
import cron from 'node-cron';
import type { Logger } from '../logger.ts';
import type { Locks } from '../store/locks.ts';
import { checkAlerts, type AlertCheckDeps, type AlertCheckResult } from './check.ts';
import { DEFAULT_ALERT_SCHEDULE, isRefreshDue, type AlertSchedule } from './schedule.ts';

export interface AlertSchedulerOptions extends Omit<AlertCheckDeps, 'post'> {
  locks: Locks;
  schedule?: AlertSchedule;
  logger: Logger;
  /** Start the minute tick (default true); tests call tick() themselves. */
  cron?: boolean;
}

export interface AlertScheduler {
  /** Evaluates now when this minute is a refresh minute (or `force`); null when skipped. */
  tick(force?: boolean): Promise<AlertCheckResult | null>;
  stop(): void;
}

export function startAlertScheduler(opts: AlertSchedulerOptions): AlertScheduler {
  let running = false;
  async function tick(force = false): Promise<AlertCheckResult | null> {
    if (running || (!force && !isRefreshDue(opts.now(), opts.schedule ?? DEFAULT_ALERT_SCHEDULE))) return null;
    const lock = await opts.locks.tryHold('alerts:refresh');
    if (!lock) return null;
    running = true;
    try {
      const result = await checkAlerts({ ...opts, post: true });
      const fired = result.outcomes.filter((o) => o.status === 'posted').length;
      if (result.rules > 0) opts.logger.info('alerts refreshed', { rules: result.rules, metrics: result.metricsEvaluated, posted: fired });
      return result;
    } finally {
      running = false;
      await lock.release();
    }
  }
  const task =
    opts.cron === false
      ? null
      : cron.schedule('* * * * *', () => {
          tick().catch((error) => opts.logger.error('alert refresh failed', { error: String(error) }));
        });
  return {
    tick,
    stop() {
      void task?.destroy();
    },
  };
}
