import { describe, it, expect } from 'vitest';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createChartService } from '../../src/charts/service.ts';
import { digestData, performanceData, rateCutsData, valuationData } from './fixtures.ts';

describe('determinism', () => {
  it('gives byte-identical PNGs for the same data from separate services', async () => {
    const a = createChartService();
    const b = createChartService();
    for (const [x, y] of [
      [await a.performance(performanceData()), await b.performance(performanceData())],
      [await a.rateCuts(rateCutsData()), await b.rateCuts(rateCutsData())],
      [await a.valuation(valuationData()), await b.valuation(valuationData())],
      [await a.digest(digestData()), await b.digest(digestData())],
    ]) {
      expect(Buffer.from(x!.png).equals(Buffer.from(y!.png))).toBe(true);
      expect(x!.alt).toBe(y!.alt);
    }
    expect(a.renders).toBe(4);
    expect(b.renders).toBe(4);
  });

  it('gives the same bytes in a separate process with another time zone', async () => {
    const here = (rel: string) => fileURLToPath(new URL(rel, import.meta.url));
    const script = `
      const { createChartService } = await import(${JSON.stringify(here('../../src/charts/service.ts'))});
      const { digestData } = await import(${JSON.stringify(here('./fixtures.ts'))});
      const { createHash } = await import('node:crypto');
      const chart = await createChartService().digest(digestData());
      process.stdout.write(createHash('sha256').update(chart.png).digest('hex'));`;
    const child = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      env: { ...process.env, TZ: 'Asia/Kolkata' },
    });
    const local = await createChartService().digest(digestData());
    expect(child.stdout).toBe(createHash('sha256').update(local.png).digest('hex'));
  });

  it('does not depend on the host time zone', async () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'Pacific/Kiritimati';
      const east = await createChartService().performance(performanceData());
      process.env.TZ = 'America/Adak';
      const west = await createChartService().performance(performanceData());
      expect(Buffer.from(east.png).equals(Buffer.from(west.png))).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('gives a different PNG when the data changes', async () => {
    const service = createChartService();
    const a = await service.rateCuts(rateCutsData());
    const b = await service.rateCuts(rateCutsData({ next: { date: '2026-12-09', probabilities: { '3.25-3.50': 40, '3.50-3.75': 60 } } }));
    expect(Buffer.from(a.png).equals(Buffer.from(b.png))).toBe(false);
    expect(service.renders).toBe(2);
  });
});

describe('cache', () => {
  it('renders a chart once for repeated and concurrent requests (a digest edition)', async () => {
    const service = createChartService();
    const first = await service.digest(digestData());
    const many = await Promise.all(Array.from({ length: 20 }, () => service.digest(digestData())));
    expect(service.renders).toBe(1);
    expect(service.hits).toBe(20);
    for (const chart of many) expect(chart.png).toBe(first.png);
  });

  it('joins concurrent first requests into one render', async () => {
    const service = createChartService();
    await Promise.all(Array.from({ length: 5 }, () => service.performance(performanceData())));
    expect(service.renders).toBe(1);
    expect(service.hits).toBe(4);
  });

  it('keys on the data, not on the order of its keys', async () => {
    const service = createChartService();
    await service.rateCuts(rateCutsData());
    const reordered = rateCutsData({ next: { date: '2026-12-09', probabilities: { '3.50-3.75': 28.7, '3.25-3.50': 71.3 } } });
    await service.rateCuts(reordered);
    expect(service.renders).toBe(1);
  });

  it('keeps chart kinds apart and evicts the least recently used', async () => {
    const service = createChartService({ maxEntries: 1 });
    await service.performance(performanceData());
    await service.valuation(valuationData());
    await service.performance(performanceData());
    expect(service.renders).toBe(3);
  });

  it('serves a restarted service from the directory cache', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'capwatch-charts-'));
    try {
      const before = createChartService({ cacheDir: dir });
      const rendered = await before.valuation(valuationData());
      expect((await readdir(dir)).filter((f) => f.endsWith('.png'))).toHaveLength(1);
      const after = createChartService({ cacheDir: dir });
      const cached = await after.valuation(valuationData());
      expect(after.renders).toBe(0);
      expect(after.hits).toBe(1);
      expect(Buffer.from(cached.png).equals(Buffer.from(rendered.png))).toBe(true);
      expect(cached.alt).toBe(rendered.alt);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('does not cache a failure', async () => {
    const service = createChartService();
    const bad = performanceData({ small: { symbol: 'IWM', label: 'Russell 2000', points: [] } });
    await expect(service.performance(bad)).rejects.toThrow(/positive close/);
    await expect(service.performance(bad)).rejects.toThrow(/positive close/);
    expect(service.renders).toBe(0);
  });
});

describe('chart names and alt text', () => {
  it('names every chart for upload and describes it from the numbers', async () => {
    const service = createChartService();
    const perf = await service.performance(performanceData());
    expect(perf.name).toBe('performance-iwm-spy-1m.png');
    expect(perf.alt).toContain('IWM) +7.3% vs S&P 500 (SPY) +2.1% over 1 month');
    const rc = await service.rateCuts(rateCutsData());
    expect(rc.name).toBe('ratecuts-2026-11-19.png');
    expect(rc.alt).toContain('3.25-3.50% 71.3% (−25 bp)');
    const val = await service.valuation(valuationData());
    expect(val.name).toBe('valuation-2026-11-14.png');
    expect(val.alt).toContain('21% discount');
    const digest = await service.digest(digestData());
    expect(digest.name).toBe('digest-2026-11-19.png');
    expect(digest.alt).toMatch(/^Digest chart\. Line chart: /);
  });
});
