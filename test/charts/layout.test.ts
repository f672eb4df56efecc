import { describe, expect, it } from 'vitest';
import { dateAxis, framed, freshnessNote, leastFresh } from '../../src/charts/layout.ts';
import { specToSvg } from '../../src/charts/render.ts';
import { createChartService } from '../../src/charts/service.ts';
import { performanceSpec } from '../../src/charts/performance.ts';
import { performanceData } from './fixtures.ts';

describe('dateAxis', () => {
  it('steps by trading day over short spans: no weekend gap, labels only on dates with data', () => {
    const dates = ['2026-11-12', '2026-11-13', '2026-11-16', '2026-11-17', '2026-11-18'];
    const x = dateAxis(dates);
    expect(x).toMatchObject({ field: 'date', type: 'ordinal', scale: { type: 'point' } });
    expect(x.axis.values).toEqual(dates);
  });

  it('labels at most seven dates of a month, always the last', () => {
    const dates = performanceData().small.points.map((p) => p.date);
    const values: string[] = dateAxis(dates).axis.values;
    expect(values.length).toBeLessThanOrEqual(7);
    expect(values.at(-1)).toBe(dates.at(-1));
    expect(values.every((d) => dates.includes(d))).toBe(true);
  });

  it('keeps a time axis for long spans', () => {
    expect(dateAxis(['2025-01-02', '2026-01-02'])).toMatchObject({ type: 'temporal', scale: { type: 'utc' } });
  });

  it('draws one x position per trading day, evenly spaced across a weekend', async () => {
    const svg = await specToSvg(performanceSpec(performanceData()));
    // The end-of-line dot sits on the last date; the line's points are evenly spaced.
    const path = /<path[^>]*d="M([\d.]+),[\d.]+L([\d.]+),[\d.]+L([\d.]+),[\d.]+L([\d.]+),[\d.]+L([\d.]+),/.exec(svg);
    expect(path).not.toBeNull();
    const xs = path!.slice(1).map(Number);
    const steps = xs.slice(1).map((x, i) => x - xs[i]!);
    for (const step of steps) expect(step).toBeCloseTo(steps[0]!, 1);
  });
});

describe('freshness on the image', () => {
  it('is offline over stale over live', () => {
    expect(leastFresh({ stale: false, snapshot: false }, { stale: true })).toBe('stale');
    expect(leastFresh({ stale: true }, { stale: false, snapshot: true })).toBe('offline');
    expect(leastFresh({ stale: false }, undefined)).toBeUndefined();
  });

  it('adds a warning line under the title only when the data is not live', () => {
    const live = framed('T', 'sub', {}, 'cap') as { title: { subtitle: unknown } };
    expect(live.title.subtitle).toBe('sub');
    const offline = framed('T', 'sub', {}, 'cap', 'offline') as { title: { subtitle: unknown } };
    expect(offline.title.subtitle).toEqual(['sub', `\u26a0 ${freshnessNote('offline')}`]);
  });

  it('says so in the drawn chart and its alt text', async () => {
    const chart = await createChartService().performance(performanceData({ freshness: 'stale' }));
    expect(chart.alt).toMatch(/Stale data: the latest figures could not be fetched\.$/);
    const svg = await specToSvg(performanceSpec(performanceData({ freshness: 'offline' })));
    expect(svg).toContain('Offline snapshot: not live market data');
  });
});
