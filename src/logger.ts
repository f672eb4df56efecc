/** Minimal leveled logger to stderr, so stdout stays clean for CLI output. */
export interface Logger {
  info(msg: string, extra?: Record<string, unknown>): void;
  warn(msg: string, extra?: Record<string, unknown>): void;
  error(msg: string, extra?: Record<string, unknown>): void;
}

export function createLogger(level: 'info' | 'warn' | 'error' | 'silent' = 'info'): Logger {
  const order = { info: 0, warn: 1, error: 2, silent: 3 } as const;
  const emit = (lvl: 'info' | 'warn' | 'error', msg: string, extra?: Record<string, unknown>) => {
    if (order[lvl] < order[level]) return;
    const tail = extra ? ' ' + JSON.stringify(extra) : '';
    process.stderr.write(`[${lvl}] ${msg}${tail}\n`);
  };
  return {
    info: (m, e) => emit('info', m, e),
    warn: (m, e) => emit('warn', m, e),
    error: (m, e) => emit('error', m, e),
  };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
