/**
 * Cold start of the CLI: `capwatch run "<line>" --offline` as a fresh process of the compiled dist/, as
 * scripts use it, against a bare `node -e 0` measured in the same rounds (alternating, so machine
 * load weighs on both alike). Peak RSS is the child's own maxRSS. The first run of a line in a fresh
 * DATA_DIR also draws its chart (Vega and resvg load); later runs find it in the chart cache.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { percentile, stats } from './lib/stats.ts';
import { record } from './lib/summary.ts';

const RUNS = 10;
/**
 * Prints the process's peak RSS (KiB) on stderr as it exits: VmHWM, the high-water mark of this program's own
 * memory. getrusage's maxRSS is no good here: Linux carries it over from the forked copy of the parent (the
 * bench process, grown by the benches before) into the exec'd child.
 */
const PEAK =
  "data:text/javascript,import { readFileSync } from 'node:fs'; process.on('exit', () => { " +
  "let kib; try { kib = /VmHWM:\\s+(\\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))[1]; } catch { kib = process.resourceUsage().maxRSS; } " +
  "process.stderr.write('\\nmaxrss:' + kib + '\\n'); })";

function run(args: string[], env: NodeJS.ProcessEnv): { ms: number; peakMb: number } {
  const t0 = performance.now();
  const child = spawnSync(process.execPath, ['--import', PEAK, ...args], { env, encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (child.status !== 0) throw new Error(`${args.join(' ')} exited ${child.status}: ${child.stderr}`);
  const kib = Number(/maxrss:(\d+)/.exec(child.stderr)?.[1] ?? NaN);
  return { ms, peakMb: kib / 1024 };
}

const median = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 50);

export default async function bench(): Promise<void> {
  const env = { ...process.env, DATA_DIR: mkdtempSync(join(tmpdir(), 'capwatch-bench-cli-')) };
  for (const line of ['valuation', 'performance 1d', 'ratecuts']) {
    const first = run(['bin/capwatch.js', 'run', line, '--offline'], env);
    const bare: number[] = [];
    const cli: number[] = [];
    const peaks: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      bare.push(run(['-e', '0'], env).ms);
      const r = run(['bin/capwatch.js', 'run', line, '--offline'], env);
      cli.push(r.ms);
      peaks.push(r.peakMb);
    }
    const ratio = median(cli) / median(bare);
    const peak = Math.max(...peaks);
    console.log(
      `cold start: capwatch run "${line}" --offline: first ${first.ms.toFixed(0)} ms (peak ${first.peakMb.toFixed(0)} MB), ` +
        `then ${stats(cli)}; bare node -e 0 ${stats(bare)}; ${ratio.toFixed(2)}x bare node (target <= 4), peak RSS ${peak.toFixed(0)} MB (target <= 100)`,
    );
    const key = line.split(' ')[0]!;
    record(`cli.${key}.timesBareNode`, ratio);
    record(`cli.${key}.medianMs`, median(cli));
    record(`cli.${key}.peakRssMb`, peak);
    record(`cli.${key}.firstRunMs`, first.ms);
    record(`cli.${key}.firstRunPeakRssMb`, first.peakMb);
    if (key === 'valuation') record('cli.bareNodeMs', median(bare));
  }
}
