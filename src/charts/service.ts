/** The ChartService: builds the spec, renders once per (chart kind, data), serves repeats from cache. */
import type { TopLevelSpec } from 'vega-lite';
import type { Chart } from '../reply.ts';
import type { ChartFreshness, ChartService, DigestChartData, PerformanceChartData, RateCutsChartData } from './types.ts';
import { freshnessNote, worstFreshness } from './layout.ts';
import { DirCache, LruCache, chartKey } from './cache.ts';
import { slug } from './format.ts';
import { performanceAlt, performanceSpec } from './performance.ts';
import { rateCutsAlt, rateCutsSpec } from './ratecuts.ts';
import { valuationAlt, valuationSpec, type ValuationChartInput } from './valuation.ts';
import { digestAlt, digestSpec } from './digest.ts';
import { SCALE } from './theme.ts';

export interface ChartServiceOptions {
  /** Directory for rendered PNGs that survive restarts (e.g. `${DATA_DIR}/cache/charts`). */
  cacheDir?: string;
  /** Age after which files in cacheDir are deleted (default 7 days). */
  cacheMaxAgeMs?: number;
  /** Charts kept in memory. */
  maxEntries?: number;
  /** Pixel ratio of the PNG over the chart's logical size. */
  scale?: number;
}

export interface CountingChartService extends ChartService {
  /** Also takes premiums published without their multiples (see ValuationChartInput). */
  valuation(data: ValuationChartInput): Promise<Chart>;
  /** Charts actually rendered (cache misses), for tests and the digest's once-per-edition check. */
  readonly renders: number;
  /** Requests answered from memory, from disk, or by joining a render already under way. */
  readonly hits: number;
}

interface ChartKind<D> {
  spec(data: D): TopLevelSpec;
  alt(data: D): string;
  name(data: D): string;
  freshness(data: D): ChartFreshness | undefined;
}

const kinds = {
  performance: {
    spec: performanceSpec,
    alt: performanceAlt,
    name: (d: PerformanceChartData) => `performance-${slug(`${d.small.symbol}-${d.large.symbol}-${d.period}`)}.png`,
    freshness: (d: PerformanceChartData) => d.freshness,
  } satisfies ChartKind<PerformanceChartData>,
  ratecuts: {
    spec: rateCutsSpec,
    alt: rateCutsAlt,
    name: (d: RateCutsChartData) => `ratecuts-${slug(d.asOf)}.png`,
    freshness: (d: RateCutsChartData) => d.freshness,
  } satisfies ChartKind<RateCutsChartData>,
  valuation: {
    spec: valuationSpec,
    alt: valuationAlt,
    name: (d: ValuationChartInput) => `valuation-${slug(d.asOf)}.png`,
    freshness: (d: ValuationChartInput) => d.freshness,
  } satisfies ChartKind<ValuationChartInput>,
  digest: {
    spec: digestSpec,
    alt: digestAlt,
    name: (d: DigestChartData) => `digest-${slug(d.performance.asOf)}.png`,
    freshness: (d: DigestChartData) => worstFreshness(d.performance.freshness, d.rateCuts?.freshness),
  } satisfies ChartKind<DigestChartData>,
};

let renderer: Promise<typeof import('./render.ts')> | undefined;

/**
 * Loads vega, vega-lite and resvg (about half a second). Done on the first render, so
 * commands that never draw a chart (and the CLI's cold start) do not pay for it; a
 * long-running bot can call this at start-up instead.
 */
export function preloadRenderer(): Promise<typeof import('./render.ts')> {
  return (renderer ??= import('./render.ts'));
}

export function createChartService(options: ChartServiceOptions = {}): CountingChartService {
  const memory = new LruCache<Uint8Array>(options.maxEntries ?? 64);
  const disk = options.cacheDir ? new DirCache(options.cacheDir, options.cacheMaxAgeMs) : undefined;
  const inflight = new Map<string, Promise<Uint8Array>>();
  const scale = options.scale ?? SCALE;
  let renders = 0;
  let hits = 0;

  async function png(key: string, spec: () => TopLevelSpec): Promise<Uint8Array> {
    const fromDisk = disk ? await disk.get(key) : undefined;
    if (fromDisk) {
      hits++;
      return fromDisk;
    }
    renders++;
    const { renderSpec } = await preloadRenderer();
    const bytes = await renderSpec(spec(), scale);
    // A failed write only costs a re-render later; the chart itself is fine.
    if (disk) await disk.set(key, bytes).catch(() => undefined);
    return bytes;
  }

  async function chart<D>(kindName: keyof typeof kinds, kind: ChartKind<D>, data: D): Promise<Chart> {
    // Alt text and name come first: they validate the data before any rendering.
    const warning = freshnessNote(kind.freshness(data));
    const alt = warning ? `${kind.alt(data)} ${warning}.` : kind.alt(data);
    const name = kind.name(data);
    const key = chartKey(kindName, { scale, data });
    let bytes = memory.get(key);
    if (bytes) {
      hits++;
    } else {
      let pending = inflight.get(key);
      if (pending) {
        hits++;
      } else {
        pending = png(key, () => kind.spec(data)).finally(() => inflight.delete(key));
        inflight.set(key, pending);
      }
      bytes = await pending;
      memory.set(key, bytes);
    }
    return { png: bytes, alt, name };
  }

  return {
    performance: (data) => chart('performance', kinds.performance, data),
    rateCuts: (data) => chart('ratecuts', kinds.ratecuts, data),
    valuation: (data: ValuationChartInput) => chart('valuation', kinds.valuation, data),
    digest: (data) => chart('digest', kinds.digest, data),
    get renders() {
      return renders;
    },
    get hits() {
      return hits;
    },
  };
}
