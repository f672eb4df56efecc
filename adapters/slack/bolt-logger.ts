/** Bolt wants a @slack/logger Logger; this forwards to ours and drops debug chatter. */
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../src/logger.ts';

const text = (msg: unknown[]) => msg.map((m) => (m instanceof Error ? m.message : typeof m === 'string' ? m : JSON.stringify(m))).join(' ');

export function boltLogger(logger: Logger): BoltLogger {
  let level: LogLevel = LogLevel.INFO;
  let name = 'slack';
  return {
    debug() {},
    info: (...msg: unknown[]) => logger.info(`${name}: ${text(msg)}`),
    warn: (...msg: unknown[]) => logger.warn(`${name}: ${text(msg)}`),
    error: (...msg: unknown[]) => logger.error(`${name}: ${text(msg)}`),
    setLevel(l: LogLevel) {
      level = l;
    },
    getLevel: () => level,
    setName(n: string) {
      name = n;
    },
  };
}
