/**
 * The bundled history's cost: cold start of the CLI with and without reading it (valuation reads none of it),
 * and the first read of two series in a process.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { stats } from './lib/stats.ts';

function coldStart(line: string, runs: number): { ms: number[]; reads: number } {
  const env = { ...process.env, DATA_DIR: mkdtempSync(join(tmpdir(), 'capwatch-bench-history-')), CAPWATCH_NOW: '2025-09-10T21:00:00Z' };
  const ms: number[] = [];
  let reads = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const run = spawnSync(process.execPath, ['--import', './bench/lib/count-bundle-reads.mjs', 'bin/capwatch.js', 'run', line, '--offline'], { env, encoding: 'utf8' });
    ms.push(performance.now() - t0);
    if (run.status !== 0) throw new Error(`capwatch run ${line} exited ${run.status}: ${run.stderr}`);
    reads = Number(/bundle-reads=(\d+)/.exec(run.stderr)?.[1] ?? NaN);
  }
  return { ms: ms.slice(1), reads };
}

export default async function bench(): Promise<void> {
  for (const line of ['valuation', 'performance 1y']) {
    const { ms, reads } = coldStart(line, 6);
    console.log(`cold start with the bundle: capwatch run "${line}" --offline: ${stats(ms)}; bundled files read: ${reads}`);
  }
  const { bundledBars, useBundleDir } = await import('../src/market/history/bundle.ts');
  useBundleDir();
  const t0 = performance.now();
  const n = (bundledBars('IWM')?.bars.length ?? 0) + (bundledBars('SPY')?.bars.length ?? 0);
  const first = performance.now() - t0;
  const t1 = performance.now();
  bundledBars('IWM');
  bundledBars('SPY');
  console.log(`bundle: first read of IWM + SPY (${n} closes) ${first.toFixed(1)} ms, then cached ${(performance.now() - t1).toFixed(3)} ms`);
}
