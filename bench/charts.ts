/** Chart render time (p50, p99) and PNG size per chart, uncached and cached. */
import { createChartService } from '../src/charts/service.ts';
import { chartSvg, specToSvg, svgToPng } from '../src/charts/render.ts';
import { performanceSpec } from '../src/charts/performance.ts';
import { rateCutsSpec } from '../src/charts/ratecuts.ts';
import { valuationSpec } from '../src/charts/valuation.ts';
import { digestSpec } from '../src/charts/digest.ts';
import { digestData, performanceData, rateCutsData, valuationData } from '../test/charts/fixtures.ts';
import type { ChartService } from '../src/charts/types.ts';
import type { Chart } from '../src/reply.ts';
import { cpus, loadavg } from 'node:os';
import { SCALE } from '../src/charts/theme.ts';
import { record } from './lib/summary.ts';

const RUNS = 40;

function quantile(sorted: number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i]!;
}

/** Wall-clock quantiles, plus CPU time per run (all threads), which contention inflates less. */
async function time(fn: () => Promise<unknown>, runs = RUNS): Promise<{ p50: number; p99: number; min: number; cpu: number }> {
  const samples: number[] = [];
  const cpuStart = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  const cpu = process.cpuUsage(cpuStart);
  samples.sort((a, b) => a - b);
  return { p50: quantile(samples, 0.5), p99: quantile(samples, 0.99), min: samples[0]!, cpu: (cpu.user + cpu.system) / 1000 / runs };
}

const ms = (n: number) => `${n.toFixed(1)} ms`;

export default async function bench(): Promise<void> {
  const cases: { name: string; call: (s: ChartService) => Promise<Chart>; spec: () => Parameters<typeof specToSvg>[0] }[] = [
    { name: 'performance', call: (s) => s.performance(performanceData()), spec: () => performanceSpec(performanceData()) },
    { name: 'ratecuts', call: (s) => s.rateCuts(rateCutsData()), spec: () => rateCutsSpec(rateCutsData()) },
    { name: 'valuation', call: (s) => s.valuation(valuationData()), spec: () => valuationSpec(valuationData()) },
    { name: 'digest', call: (s) => s.digest(digestData()), spec: () => digestSpec(digestData()) },
  ];
  // Warm the vega/vega-lite modules, the font tables and resvg.
  for (const c of cases) for (let i = 0; i < 3; i++) await c.call(createChartService());

  const load = loadavg()[0]!.toFixed(1);
  console.log(`charts: ${RUNS} runs each, uncached = fresh service per run (spec + vega SVG + resvg text and raster + PNG at ${SCALE}x); load average ${load} on ${cpus().length} CPUs`);
  for (const c of cases) {
    let chart: Chart | undefined;
    const uncached = await time(async () => {
      chart = await c.call(createChartService());
    });
    const svgs: string[] = [];
    const vegaPart = await time(async () => {
      svgs.push(await chartSvg(c.spec()));
    });
    const svg = svgs[0]!;
    const resvgPart = await time(() => svgToPng(svg));
    const warm = createChartService();
    await c.call(warm);
    const cached = await time(() => c.call(warm), 200);
    record(`charts.${c.name}.p50Ms`, uncached.p50);
    record(`charts.${c.name}.cpuMs`, uncached.cpu);
    console.log(
      `  ${c.name.padEnd(12)} p50 ${ms(uncached.p50)}  p99 ${ms(uncached.p99)}  min ${ms(uncached.min)}  cpu ${ms(uncached.cpu)}  ` +
        `(SVG p50 ${ms(vegaPart.p50)}, PNG p50 ${ms(resvgPart.p50)})  ` +
        `cached p50 ${ms(cached.p50)}  png ${(chart!.png.byteLength / 1024).toFixed(1)} KiB`,
    );
  }
  const twice = createChartService({ scale: 2 });
  const at2x = await time(() => createChartService({ scale: 2 }).performance(performanceData()));
  const png2x = (await twice.performance(performanceData())).png.byteLength;
  console.log(`  performance at 2x for comparison: p50 ${ms(at2x.p50)}  p99 ${ms(at2x.p99)}  png ${(png2x / 1024).toFixed(1)} KiB`);
}

if (import.meta.url === `file://${process.argv[1]}`) await bench();
