/**
 * kill -9 during a fan-out, then restart on the same DATA_DIR: every channel ends with exactly one digest
 * and one chart. A real `npm start` process against the Slack Web API emulator (see support/crash-trial.ts);
 * many more trials, with timings, in `npm run bench`.
 */
import { describe, expect, it } from 'vitest';
import { runCrashTrial } from './support/crash-trial.ts';

// Hang guards only (each start of the bot compiles it with tsx); nothing here asserts a duration.
const TRIAL_TIMEOUT_MS = 400_000;

describe('digests survive kill -9 of the bot', () => {
  it('120 Slack channels due at once, the bot killed four times mid fan-out: each channel gets one digest and one chart', async () => {
    const logs: string[] = [];
    const r = await runCrashTrial({ channels: 120, kills: 4, leaseSeconds: 5, seed: 1, timeoutMs: 180_000, log: (l) => logs.push(l) });
    expect(r, logs.join('').slice(-4000)).toMatchObject({ lost: 0, duplicates: 0, lostCharts: 0, duplicateCharts: 0 });
    expect(r.killedAtCalls).toHaveLength(4);
    // The SIGTERM at the end is a graceful stop: in-flight sends drained, exit code 0.
    expect(r.exitCode).toBe(0);
  }, TRIAL_TIMEOUT_MS);

  it.each([2, 3])('a smaller fan-out killed at other random points (seed %i)', async (seed) => {
    const r = await runCrashTrial({ channels: 30, kills: 2, leaseSeconds: 5, seed, timeoutMs: 180_000 });
    expect(r).toMatchObject({ lost: 0, duplicates: 0, lostCharts: 0, duplicateCharts: 0 });
  }, TRIAL_TIMEOUT_MS);
});
