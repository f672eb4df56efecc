/**
 * Crash trials (printed, not asserted): a real `npm start` posting digests to the Slack emulator, killed
 * with SIGKILL at random points of the fan-out and restarted on the same DATA_DIR, many times. Reports
 * digests lost and duplicated (the target is 0 and 0), and how long after the last restart every channel
 * had its digest (the target: DIGEST_LEASE_SECONDS plus the fan-out time, plus the bot's start).
 * BENCH_CRASH_TRIALS (default 8), BENCH_CRASH_CHANNELS (default 120), BENCH_CRASH_KILLS (default 4).
 */
import { runCrashTrial } from '../test/digest/support/crash-trial.ts';
import { percentile } from './lib/stats.ts';

export default async function crash(): Promise<void> {
  const trials = Number(process.env.BENCH_CRASH_TRIALS) || 8;
  const channels = Number(process.env.BENCH_CRASH_CHANNELS) || 120;
  const kills = Number(process.env.BENCH_CRASH_KILLS) || 4;
  const leaseSeconds = 5;
  const totals = { lost: 0, duplicates: 0, lostCharts: 0, duplicateCharts: 0, historyReads: 0 };
  const after: number[] = [];
  for (let t = 0; t < trials; t++) {
    const r = await runCrashTrial({ channels, kills, leaseSeconds, seed: 1000 + t, timeoutMs: 300_000 });
    totals.lost += r.lost;
    totals.duplicates += r.duplicates;
    totals.lostCharts += r.lostCharts;
    totals.duplicateCharts += r.duplicateCharts;
    totals.historyReads += r.historyReads;
    after.push(r.afterLastRestartMs);
    console.log(`trial ${t + 1}/${trials}: lost ${r.lost}, duplicates ${r.duplicates}, charts lost ${r.lostCharts} dup ${r.duplicateCharts}, killed at calls ${r.killedAtCalls.join(',')}, done ${(r.afterLastRestartMs / 1000).toFixed(1)} s after the last restart`);
  }
  const sorted = [...after].sort((a, b) => a - b);
  const s = { p50: percentile(sorted, 50), max: sorted.at(-1) ?? 0 };
  console.log(`crash trials: ${trials} x (${channels} Slack channels, ${kills} kills, lease ${leaseSeconds} s)`);
  console.log(`  digests lost ${totals.lost}, duplicated ${totals.duplicates}; charts lost ${totals.lostCharts}, duplicated ${totals.duplicateCharts} (target 0 / 0)`);
  console.log(`  history checks before re-posting: ${totals.historyReads}`);
  console.log(`  all delivered after the last restart: p50 ${(s.p50 / 1000).toFixed(1)} s, max ${(s.max / 1000).toFixed(1)} s (includes the bot's start)`);
}
