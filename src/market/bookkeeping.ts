/**
 * Writes that only keep copies, history or status (never an answer's own data). A locked or read-only
 * database must neither fail an answer nor make each one wait out SQLite's busy timeout, so after one such
 * write fails the others are skipped for a while, and the fault is logged once per pause.
 */
import type { Logger } from '../logger.ts';

const PAUSE_MS = 30_000;
let pausedUntil = 0;

export async function bookkeeping(what: string, write: () => Promise<unknown>, logger?: Logger): Promise<void> {
  if (Date.now() < pausedUntil) return;
  try {
    await write();
  } catch (error) {
    pausedUntil = Date.now() + PAUSE_MS;
    logger?.warn(`${what} not written; such writes pause for ${PAUSE_MS / 1000} s`, { fault: 'database_unwritable', error: String(error) });
  }
}
