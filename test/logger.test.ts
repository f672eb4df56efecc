import { describe, expect, it } from 'vitest';
import { childLogger, createLogger } from '../src/logger.ts';

function capture(level: Parameters<typeof createLogger>[0] = 'info') {
  const lines: string[] = [];
  const logger = createLogger(level, { pretty: false, destination: { write: (l: string) => lines.push(l) } });
  return { logger, lines, parsed: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('logger', () => {
  it('writes one JSON object per line with level name, time, message and fields', () => {
    const { logger, lines, parsed } = capture();
    logger.info('slack listening', { port: 3000 });
    expect(lines[0]!.endsWith('\n')).toBe(true);
    expect(parsed()[0]).toMatchObject({ level: 'info', msg: 'slack listening', port: 3000 });
    expect(typeof parsed()[0]!.time).toBe('string');
  });

  it('a child logger carries its bindings (a command id) on every line', () => {
    const { logger, parsed } = capture();
    const child = childLogger(logger, { id: 'abc123', command: 'valuation' });
    child.warn('provider slow');
    child.error('failed', { error: 'x' });
    expect(parsed().every((l) => l.id === 'abc123' && l.command === 'valuation')).toBe(true);
  });

  it('honours LOG_LEVEL, debug included', () => {
    const quiet = capture('warn');
    quiet.logger.info('hidden');
    quiet.logger.warn('shown');
    expect(quiet.parsed().map((l) => l.msg)).toEqual(['shown']);
    const chatty = capture('debug');
    chatty.logger.debug?.('details');
    expect(chatty.parsed().map((l) => l.level)).toEqual(['debug']);
  });

  it('masks fields named like credentials', () => {
    const { logger, lines } = capture();
    logger.info('client options', { token: 'xyz-secret', nested: { signingSecret: 'abc-secret' } });
    expect(lines.join('')).not.toMatch(/xyz-secret|abc-secret/);
  });
});
