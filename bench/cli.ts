/** Cold start of the CLI: `capwatch run "valuation" --offline` as a fresh process, as scripts use it. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { stats } from './lib/stats.ts';

export default async function bench(): Promise<void> {
  const env = { ...process.env, DATA_DIR: mkdtempSync(join(tmpdir(), 'capwatch-bench-cli-')) };
  for (const line of ['valuation', 'performance 1d', 'ratecuts']) {
    const samples: number[] = [];
    for (let i = 0; i < 8; i++) {
      const t0 = performance.now();
      const run = spawnSync(process.execPath, ['bin/capwatch.js', 'run', line, '--offline'], { env, encoding: 'utf8' });
      samples.push(performance.now() - t0);
      if (run.status !== 0) throw new Error(`capwatch run ${line} exited ${run.status}: ${run.stderr}`);
    }
    // The first run also fills tsx's transform cache; the rest are what a script sees.
    console.log(`cold start: capwatch run "${line}" --offline: first ${samples[0]!.toFixed(0)} ms, then ${stats(samples.slice(1))}`);
  }
}
