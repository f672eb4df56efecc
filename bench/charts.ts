/**
 * Chart render time per kind, uncached (a fresh service per run, so no PNG cache; the compiled layout is
 * reused, as in a running bot), at the default SCALE and at 1.5x for comparison, split into SVG (spec, Vega)
 * and PNG (resvg text, raster and encoding), with CPU time per render (all threads), which a loaded machine inflates less.
 */
import { createChartService } from '../src/charts/service.ts';
import { chartSvg, svgToPng } from '../src/charts/render.ts';
import { performanceSpec } from '../src/charts/performance.ts';
import { rateCutsSpec } from '../src/charts/ratecuts.ts';
import { valuationSpec } from '../src/charts/valuation.ts';
import { digestSpec } from '../src/charts/digest.ts';
import { digestData, performanceData, rateCutsData, valuationData } from '../test/charts/fixtures.ts';
import type { ChartService } from '../src/charts/types.ts';
import type { Chart } from '../src/reply.ts';
import type { TopLevelSpec } from 'vega-lite';
import { cpus, loadavg } from 'node:os';
import { SCALE } from '../src/charts/theme.ts';

/** The sharper scale the charts were drawn at before (see SCALE), for comparison. */
const COMPARED_SCALE = 1.5;
import { TARGETS, record } from './lib/summary.ts';

const RUNS = 40;

function quantile(sorted: number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i]!;
}

interface Timing {
  p50: number;
  p99: number;
  cpu: number;
}

/** Wall-clock quantiles, plus mean CPU time per run. */
async function time(fn: () => Promise<unknown>, runs = RUNS): Promise<Timing> {
  const samples: number[] = [];
  const cpuStart = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  const cpu = process.cpuUsage(cpuStart);
  samples.sort((a, b) => a - b);
  return { p50: quantile(samples, 0.5), p99: quantile(samples, 0.99), cpu: (cpu.user + cpu.system) / 1000 / runs };
}

const ms = (n: number) => `${n.toFixed(1)} ms`;

interface Case {
  name: string;
  call: (s: ChartService) => Promise<Chart>;
  spec: () => TopLevelSpec;
}

const cases: Case[] = [
  { name: 'performance', call: (s) => s.performance(performanceData()), spec: () => performanceSpec(performanceData()) },
  { name: 'ratecuts', call: (s) => s.rateCuts(rateCutsData()), spec: () => rateCutsSpec(rateCutsData()) },
  { name: 'valuation', call: (s) => s.valuation(valuationData()), spec: () => valuationSpec(valuationData()) },
  { name: 'digest', call: (s) => s.digest(digestData()), spec: () => digestSpec(digestData()) },
];

async function atScale(c: Case, scale: number) {
  let png = 0;
  const total = await time(async () => {
    png = (await c.call(createChartService({ scale }))).png.byteLength;
  });
  const svgs: string[] = [];
  const svg = await time(async () => {
    svgs.push(await chartSvg(c.spec()));
  });
  const raster = await time(() => svgToPng(svgs[0]!, scale));
  return { total, svg, raster, png };
}

export default async function bench(): Promise<void> {
  // The first render of a kind compiles its layout (vega-lite + vega.parse) and loads resvg's fonts.
  const first: string[] = [];
  for (const c of cases) {
    const start = performance.now();
    await c.call(createChartService());
    first.push(`${c.name} ${ms(performance.now() - start)}`);
  }
  for (const c of cases) for (let i = 0; i < 3; i++) await c.call(createChartService());

  const target = TARGETS['charts.performance.p50Ms']?.max;
  const load = loadavg()[0]!.toFixed(1);
  console.log(`charts: ${RUNS} runs each, uncached; load average ${load} on ${cpus().length} CPUs; first render (compiles the layout): ${first.join(', ')}`);
  for (const c of cases) {
    for (const scale of [SCALE, COMPARED_SCALE]) {
      const { total, svg, raster, png } = await atScale(c, scale);
      const suffix = scale === SCALE ? '' : `At${String(scale).replace('.', '_')}x`;
      record(`charts.${c.name}.p50Ms${suffix}`, total.p50);
      record(`charts.${c.name}.cpuMs${suffix}`, total.cpu);
      const goal = c.name === 'performance' && scale === SCALE && target !== undefined ? ` (target ${target} ms)` : '';
      console.log(
        `  ${c.name.padEnd(12)} ${`${scale}x`.padEnd(5)} p50 ${ms(total.p50)}${goal}  p99 ${ms(total.p99)}  cpu ${ms(total.cpu)}/render  ` +
          `(SVG p50 ${ms(svg.p50)} cpu ${ms(svg.cpu)}, PNG p50 ${ms(raster.p50)} cpu ${ms(raster.cpu)})  png ${(png / 1024).toFixed(1)} KiB`,
      );
    }
  }
  const warm = createChartService();
  await warm.performance(performanceData());
  const cached = await time(() => warm.performance(performanceData()), 200);
  console.log(`  performance cached (memory): p50 ${ms(cached.p50)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await bench();
