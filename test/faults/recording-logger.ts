/** A Logger that keeps structured lines, for asserting that a line names the fault. */
import type { Logger } from '../../src/logger.ts';

export interface Line {
  level: 'info' | 'warn' | 'error';
  msg: string;
  extra: Record<string, unknown>;
}

export function recordingLogger(): Logger & { lines: Line[] } {
  const lines: Line[] = [];
  const logger: Logger & { lines: Line[] } = {
    lines,
    info: (msg, extra = {}) => void lines.push({ level: 'info', msg, extra }),
    warn: (msg, extra = {}) => void lines.push({ level: 'warn', msg, extra }),
    error: (msg, extra = {}) => void lines.push({ level: 'error', msg, extra }),
    child: () => logger,
  };
  return logger;
}
