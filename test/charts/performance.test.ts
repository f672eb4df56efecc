import { describe, it, expect } from 'vitest';
import { performanceAlt, performanceSeries, performanceSpec, rebase, thin } from '../../src/charts/performance.ts';
import { chartSvg, rasterize, specToSvg } from '../../src/charts/render.ts';
import { performanceData } from './fixtures.ts';

const side = (symbol: string, closes: [string, number][]) => ({ symbol, label: symbol, points: closes.map(([date, close]) => ({ date, close })) });

describe('performance series', () => {
  it('rebases to 100 at the first close, whatever the input order', () => {
    expect(rebase([{ date: '2026-01-05', close: 55 }, { date: '2026-01-02', close: 50 }])).toEqual([
      { date: '2026-01-02', value: 100 },
      { date: '2026-01-05', value: 110.00000000000001 },
    ]);
    expect(() => rebase([])).toThrow();
    expect(() => rebase([{ date: '2026-01-02', close: 0 }])).toThrow();
  });

  it('computes returns, the ratio on shared dates and the relative growth', () => {
    const s = performanceSeries({
      period: '5d',
      small: side('IWM', [['2026-01-02', 200], ['2026-01-05', 210], ['2026-01-06', 220]]),
      large: side('SPY', [['2026-01-02', 500], ['2026-01-06', 525]]),
      source: 'test',
      asOf: '2026-01-06',
    });
    expect(s.smallReturnPct).toBeCloseTo(10, 10);
    expect(s.largeReturnPct).toBeCloseTo(5, 10);
    expect(s.relativePct).toBeCloseTo((1.1 / 1.05 - 1) * 100, 10);
    expect(s.ratio.map((p) => p.date)).toEqual(['2026-01-02', '2026-01-06']);
    expect(s.ratio[1]!.value).toBeCloseTo((110 / 105) * 100, 10);
    expect([s.first, s.last]).toEqual(['2026-01-02', '2026-01-06']);
  });
});

describe('performance chart', () => {
  it('puts the period in the title and source and as-of in the caption', async () => {
    const svg = await specToSvg(performanceSpec(performanceData({ period: 'ytd' })));
    expect(svg).toContain('Russell 2000 vs S&amp;P 500, year to date');
    expect(svg).toContain('IWM +7.3%, SPY +2.1%, relative +5.1%');
    expect(svg).toContain('Source: Yahoo Finance daily closes · as of Nov 19, 2026');
    expect(svg).toContain('Ratio IWM/SPY (100 = even): +5.1%, small caps leading');
    expect(svg).toContain('Rebased to 100');
  });

  it('drops the ratio panel when the series share no date', async () => {
    const data = performanceData({ large: side('SPY', [['2025-01-02', 1], ['2025-01-03', 2]]) });
    const svg = await specToSvg(performanceSpec(data));
    expect(svg).not.toContain('Ratio IWM/SPY');
  });

  it('names series from sentence-style labels without repeating the symbol', async () => {
    const base = performanceData();
    const data = performanceData({
      small: { ...base.small, label: 'The Russell 2000 (IWM)' },
      large: { ...base.large, label: 'the S&P 500 (SPY)' },
    });
    const svg = await specToSvg(performanceSpec(data));
    expect(svg).toContain('>Russell 2000 vs S&amp;P 500, 1 month<');
    expect(svg).toContain('>Russell 2000 (IWM) +7.3%<');
    expect(performanceAlt(data)).toContain('Line chart: Russell 2000 (IWM) +7.3% vs S&P 500 (SPY) +2.1%');
  });

  it('writes alt text from the numbers', () => {
    expect(performanceAlt(performanceData())).toBe(
      'Line chart: Russell 2000 (IWM) +7.3% vs S&P 500 (SPY) +2.1% over 1 month (Oct 21 to Nov 19, 2026), ' +
        'rebased to 100; IWM/SPY ratio IWM ahead by 5.1%. Source: Yahoo Finance daily closes, as of Nov 19, 2026.',
    );
    const lagging = performanceData({ period: '3m', small: { ...performanceData().small, points: [{ date: '2026-10-21', close: 100 }, { date: '2026-11-19', close: 97 }] } });
    expect(performanceAlt(lagging)).toContain('IWM) −3.0% vs S&P 500 (SPY) +2.1% over 3 months');
    expect(performanceAlt(lagging)).toContain('SPY ahead by 5.0%');
  });
});

describe('long and short periods', () => {
  it('thins long series but keeps the first and last points exact', () => {
    const points = Array.from({ length: 2521 }, (_, i) => i);
    const kept = thin(points, 320);
    expect(kept.length).toBeLessThanOrEqual(321);
    expect(kept[0]).toBe(0);
    expect(kept[kept.length - 1]).toBe(2520);
    expect(thin([1, 2, 3], 320)).toEqual([1, 2, 3]);
  });

  it('labels a one-day chart with the two trading dates only', async () => {
    const day = (symbol: string, a: number, b: number) => side(symbol, [['2026-11-18', a], ['2026-11-19', b]]);
    const svg = await specToSvg(performanceSpec(performanceData({ period: '1d', small: day('IWM', 236.86, 236.43), large: day('SPY', 650.3, 652.21) })));
    // One label per date on each of the two date axes.
    expect(svg.match(/>Nov 18</g)).toHaveLength(2);
    expect(svg.match(/>Nov 19</g)).toHaveLength(2);
  });
});

describe('performance chart pixels', () => {
  it('draws y gridlines, each with its tick label centred on it', async () => {
    const r = rasterize(await chartSvg(performanceSpec(performanceData())), 1);
    const at = (x: number, y: number) => [...r.pixels.subarray((y * r.width + x) * 4, (y * r.width + x) * 4 + 3)];
    const grid = [223, 228, 234]; // palette.grid, drawn crisp on a pixel row
    const isGrid = (x: number, y: number) => at(x, y).every((c, i) => c === grid[i]);
    const isInk = (x: number, y: number) => at(x, y).every((c) => c < 190);
    // Gridline rows (and the x axes' domain lines, the same colour): most of the row in the grid colour,
    // inside the card's border; the plot starts where the colour does.
    const rows: { y: number; left: number }[] = [];
    for (let y = 10; y < r.height - 10; y++) {
      const xs = Array.from({ length: r.width - 40 }, (_, i) => i + 20).filter((x) => isGrid(x, y));
      if (xs.length >= 400) rows.push({ y, left: xs[0]! });
    }
    // Down the rebased panel (to its x axis, the first row without a label), each row has its label's ink,
    // right-aligned a few pixels left of the plot, centred on it. (On the ratio panel the shaded area covers
    // the gridlines.)
    let labelled = 0;
    for (const { y, left } of rows) {
      const inkRows: number[] = [];
      for (let dy = -9; dy <= 9; dy++) {
        for (let x = left - 32; x < left - 6; x++) if (isInk(x, y + dy)) inkRows.push(y + dy);
      }
      if (inkRows.length === 0) break;
      labelled++;
      expect(Math.abs((Math.min(...inkRows) + Math.max(...inkRows)) / 2 - y)).toBeLessThanOrEqual(1.5);
    }
    expect(labelled).toBeGreaterThanOrEqual(4);
  });
});
