/**
 * Structured logs (pino) on stderr, so stdout stays clean for CLI output: JSON lines by default, pino-pretty
 * when stderr is a terminal and pino-pretty is installed. Writes go through process.stderr, which
 * guardOutput() scrubs of secrets.
 */
import { createRequire } from 'node:module';
import { pino, type DestinationStream, type Logger as Pino } from 'pino';

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';
export const LOG_LEVELS: readonly LogLevel[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];

export interface Logger {
  info(msg: string, extra?: Record<string, unknown>): void;
  warn(msg: string, extra?: Record<string, unknown>): void;
  error(msg: string, extra?: Record<string, unknown>): void;
  debug?(msg: string, extra?: Record<string, unknown>): void;
  /** A logger whose every line carries these fields (e.g. a command's id). */
  child?(bindings: Record<string, unknown>): Logger;
}

export interface LoggerOptions {
  /** Pretty lines instead of JSON; default: when stderr is a terminal. */
  pretty?: boolean;
  /** Where lines go; default process.stderr. */
  destination?: { write(line: string): unknown };
}

/** Field names whose values are masked wherever they appear in a line's fields. */
const REDACT_PATHS = ['token', 'secret', 'password', 'apiKey', 'authorization', 'signingSecret', 'botToken', 'appToken'].flatMap(
  (k) => [k, `*.${k}`, `*.*.${k}`],
);

export function createLogger(level: LogLevel = 'info', opts: LoggerOptions = {}): Logger {
  const target = opts.destination ?? process.stderr;
  const pretty = opts.pretty ?? Boolean(process.stderr.isTTY);
  const format = pretty ? prettyFormatter() : undefined;
  const destination: DestinationStream = { write: (line: string) => void target.write(format ? format(line) : line) };
  return wrap(
    pino(
      {
        level,
        base: { pid: process.pid },
        timestamp: pino.stdTimeFunctions.isoTime,
        formatters: { level: (label) => ({ level: label }) },
        redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      },
      destination,
    ),
  );
}

/** pino-pretty is a development dependency: absent in a production image, where lines stay JSON. */
function prettyFormatter(): ((line: string) => string) | undefined {
  try {
    const require = createRequire(import.meta.url);
    const { prettyFactory } = require('pino-pretty') as { prettyFactory: (o: object) => (line: string) => string };
    return prettyFactory({ colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' });
  } catch {
    return undefined;
  }
}

function wrap(p: Pino): Logger {
  return {
    info: (msg, extra) => (extra ? p.info(extra, msg) : p.info(msg)),
    warn: (msg, extra) => (extra ? p.warn(extra, msg) : p.warn(msg)),
    error: (msg, extra) => (extra ? p.error(extra, msg) : p.error(msg)),
    debug: (msg, extra) => (extra ? p.debug(extra, msg) : p.debug(msg)),
    child: (bindings) => wrap(p.child(bindings)),
  };
}

/** A child logger when the logger has them (test loggers may not), else the logger itself. */
export function childLogger(logger: Logger, bindings: Record<string, unknown>): Logger {
  return logger.child ? logger.child(bindings) : logger;
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {}, debug() {}, child: () => silentLogger };
