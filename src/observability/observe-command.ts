/** Each answered command: a child logger with an id, one log line with its outcome, and its metrics. */
import { randomUUID } from 'node:crypto';
import type { Actor } from '../command.ts';
import { childLogger, type Logger } from '../logger.ts';
import type { Reply } from '../reply.ts';
import { commandDuration, commandsTotal } from './metrics.ts';

export async function observeCommand(
  logger: Logger,
  command: string,
  actor: Actor | undefined,
  work: (log: Logger) => Promise<Reply>,
): Promise<Reply> {
  const platform = actor?.platform ?? 'cli';
  const log = childLogger(logger, { id: randomUUID().slice(0, 8), command, platform, ...(actor ? { user: actor.userId } : {}) });
  const started = process.hrtime.bigint();
  let outcome = 'internal';
  try {
    const reply = await work(log);
    outcome = reply.error?.kind ?? 'ok';
    return reply;
  } finally {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    commandsTotal.inc({ command, platform, outcome });
    commandDuration.observe({ command, platform }, seconds);
    log.info('command answered', { outcome, ms: Math.round(seconds * 1000) });
  }
}
