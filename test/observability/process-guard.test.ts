import { afterEach, describe, expect, it, vi } from 'vitest';
import { installProcessGuards } from '../../src/observability/process-guard.ts';
import { recordingLogger } from '../faults/recording-logger.ts';

let uninstall: (() => void) | undefined;
afterEach(() => uninstall?.());

describe('process guards', () => {
  it('log an unhandled rejection and an uncaught exception with context, and keep the process serving', () => {
    const logger = recordingLogger();
    const exits: number[] = [];
    uninstall = installProcessGuards(logger, { exit: (c) => void exits.push(c) });
    process.emit('unhandledRejection', new Error('late promise'), Promise.resolve());
    process.emit('uncaughtException', new Error('handler threw'));
    expect(logger.lines.map((l) => [l.extra.fault, l.extra.error])).toEqual([
      ['unhandled_rejection', 'late promise'],
      ['uncaught_exception', 'handler threw'],
    ]);
    expect(logger.lines.every((l) => typeof l.extra.stack === 'string')).toBe(true);
    expect(exits).toEqual([]);
  });

  it('a storm of uncaught exceptions means the state is broken: exit 1 with one line', () => {
    const logger = recordingLogger();
    const exits: number[] = [];
    uninstall = installProcessGuards(logger, { maxExceptions: 3, exit: (c) => void exits.push(c) });
    const written: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (written.push(String(chunk)), true));
    try {
      for (let i = 0; i < 3; i++) process.emit('uncaughtException', new Error(`boom ${i}`));
    } finally {
      spy.mockRestore();
    }
    expect(exits).toEqual([1]);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^capwatch stopped: 3 uncaught exceptions within 60 s, last: boom 2\n$/);
  });
});
