import { describe, expect, it } from 'vitest';
import * as vega from 'vega';
import { RuntimeCache, layoutOf, viewOf } from '../../src/charts/compiled-specs.ts';
import { compileSpec, renderSpec, specToSvg } from '../../src/charts/render.ts';
import { performanceSpec } from '../../src/charts/performance.ts';
import { rateCutsSpec } from '../../src/charts/ratecuts.ts';
import { performanceData, rateCutsData } from './fixtures.ts';

/** The same data, other numbers and names: another chart of the same layout. */
function otherPerformance() {
  const base = performanceData();
  const shift = (points: { date: string; close: number }[], by: number) => points.map((p, i) => ({ ...p, close: p.close * (1 + (by * i) / 100) }));
  return performanceData({
    small: { symbol: 'IJR', label: 'S&P 600', points: shift(base.small.points, -0.4) },
    large: { symbol: 'QQQ', label: 'Nasdaq 100', points: shift(base.large.points, 0.3) },
    asOf: '2026-11-20',
    freshness: 'stale',
  });
}

async function uncachedSvg(spec: Parameters<typeof layoutOf>[0]): Promise<string> {
  const view = new vega.View(vega.parse(compileSpec(spec)), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

describe('compiled specs', () => {
  it('gives two performance charts with different data one layout', () => {
    const a = layoutOf(performanceSpec(performanceData()));
    const b = layoutOf(performanceSpec(otherPerformance()));
    expect(b.key).toBe(a.key);
    expect(layoutOf(rateCutsSpec(rateCutsData())).key).not.toBe(a.key);
  });

  it('compiles a layout once and draws each chart exactly as a fresh compile would', async () => {
    const cache = new RuntimeCache();
    const specs = [performanceSpec(performanceData()), performanceSpec(otherPerformance())];
    for (const spec of specs) {
      const layout = layoutOf(spec);
      const view = viewOf(cache.runtime(layout, compileSpec), layout.inputs);
      const svg = await view.toSVG();
      view.finalize();
      expect(svg).toBe(await uncachedSvg(spec));
    }
    expect(cache.compiles).toBe(1);
  });

  it('draws the stale note and the other names from the inputs, not from the first chart compiled', async () => {
    await specToSvg(performanceSpec(performanceData()));
    const svg = await specToSvg(performanceSpec(otherPerformance()));
    expect(svg).toContain('Stale data');
    expect(svg).toContain('Nasdaq 100 (QQQ)');
    expect(svg).not.toContain('Russell 2000');
  });

  it('renders the same PNG bytes every time', async () => {
    const spec = () => performanceSpec(performanceData());
    const first = await renderSpec(spec());
    await renderSpec(performanceSpec(otherPerformance()));
    expect(Buffer.from(await renderSpec(spec())).equals(Buffer.from(first))).toBe(true);
  });
});
