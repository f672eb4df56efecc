/**
 * Process-level safety net for the long-running bot: an unhandled rejection or uncaught exception is
 * logged with its context and counted, and the bot keeps serving. Only a storm of them (the state is
 * plainly broken) ends the process, with exit 1 and one line on stderr.
 */
import type { Logger } from '../logger.ts';
import { processErrorsTotal } from './metrics.ts';

export interface ProcessGuardOptions {
  /** Uncaught exceptions within `windowMs` that mean the state is unrecoverable. Default 10 in 60 s. */
  maxExceptions?: number;
  windowMs?: number;
  exit?: (code: number) => void;
}

export function installProcessGuards(logger: Logger, opts: ProcessGuardOptions = {}): () => void {
  const max = opts.maxExceptions ?? 10;
  const windowMs = opts.windowMs ?? 60_000;
  const exit = opts.exit ?? ((code: number) => process.exit(code));
  const recent: number[] = [];
  const detail = (error: unknown) =>
    error instanceof Error ? { error: error.message, name: error.name, stack: error.stack } : { error: String(error) };

  const onRejection = (reason: unknown) => {
    processErrorsTotal.inc({ kind: 'unhandledRejection' });
    logger.error('unhandled promise rejection; still serving', { fault: 'unhandled_rejection', ...detail(reason) });
  };
  const onException = (error: unknown, origin: string) => {
    processErrorsTotal.inc({ kind: 'uncaughtException' });
    const now = Date.now();
    recent.push(now);
    while (recent.length && recent[0]! < now - windowMs) recent.shift();
    if (recent.length >= max) {
      logger.error('too many uncaught exceptions; stopping', { fault: 'uncaught_exception', origin, count: recent.length, ...detail(error) });
      process.stderr.write(`capwatch stopped: ${recent.length} uncaught exceptions within ${windowMs / 1000} s, last: ${detail(error).error}\n`);
      exit(1);
      return;
    }
    logger.error('uncaught exception; still serving', { fault: 'uncaught_exception', origin, ...detail(error) });
  };
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  return () => {
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
  };
}
