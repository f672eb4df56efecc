import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli.ts';

// Live providers point at a closed local port: the tests never reach the internet, and fall back to the snapshot.
const CLOSED = 'http://127.0.0.1:65534';
const env = {
  DATA_DIR: mkdtempSync(join(tmpdir(), 'capwatch-cli-')),
  CAPWATCH_NOW: '2025-09-10T21:00:00Z',
  YAHOO_BASE_URL: CLOSED,
  STOOQ_BASE_URL: CLOSED,
  NYFED_BASE_URL: CLOSED,
  FRED_BASE_URL: CLOSED,
  ISHARES_BASE_URL: CLOSED,
  SSGA_BASE_URL: CLOSED,
};

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, env, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('capwatch CLI', () => {
  it('run --json prints one JSON object with invocation, numeric fields, sources and data', async () => {
    const { code, out } = await cli('run', 'performance 1d', '--json', '--offline');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.invocation).toEqual({ command: 'performance', options: { period: '1d', vs: 'sp500', small: 'iwm' } });
    expect(json.reply.data).toMatchObject({ end: '2025-09-10', small: { symbol: 'IWM', return: -0.18 }, large: { symbol: 'SPY', return: 0.29 } });
    expect(json.reply.data.spreadPp).toBeCloseTo(-0.47, 10);
    expect(json.reply.sections[0].fields[0]).toMatchObject({ key: 'small', value: -0.18, unit: '%', display: '-0.2%' });
    expect(json.reply.sources[0]).toMatchObject({ asOf: '2025-09-10', stale: false, snapshot: true });
  });

  it('valuation --json carries the contract data', async () => {
    const json = JSON.parse((await cli('run', 'valuation', '--json')).out);
    expect(json.reply.data).toMatchObject({ forwardPE: { small: 13.6, large: 17.2, gapPct: -20.9302 }, evEbitda: { premiumPct: 3.7, medianPct: 8.2 } });
    // The issuers are unreachable and nothing is stored: no live gap, and the reply says why.
    expect(json.reply.data.trailingPE).toBeNull();
  });

  it('--json gives the chart path and alt text when there is a chart, and no chart key otherwise', async () => {
    const withChart = JSON.parse((await cli('run', 'ratecuts', '--json', '--offline')).out);
    expect(withChart.reply.chart.path).toMatch(/charts\/ratecuts-2026-09-18-[0-9a-f]+\.png$/);
    expect(existsSync(withChart.reply.chart.path)).toBe(true);
    expect(withChart.reply.chart.alt).toMatch(/^Bar chart of target-range probabilities/);
    expect(withChart.reply.data.meetings[0]).toMatchObject({ date: '2026-10-28', probabilities: { '3.75-4.00': 42.4286, '4.00-4.25': 57.5714 } });
    const without = JSON.parse((await cli('run', 'earnings', '--json')).out);
    expect(without.reply).not.toHaveProperty('chart');
  });

  it('prints rendered text without --json', async () => {
    const { code, out } = await cli('run', 'valuation');
    expect(code).toBe(0);
    expect(out).toMatch(/21% discount/);
    expect(out).toMatch(/Sources:\n {2}- Forward P\/E, Russell 2000 .*as of 2025-08-28 \[offline snapshot\]/);
  });

  it('exits 2 with one line on stderr for bad input', async () => {
    for (const line of ['performance 7q', 'performance 1m vs:dow', 'frobnicate']) {
      const { code, out, err } = await cli('run', line);
      expect(code, line).toBe(2);
      expect(out).toBe('');
      expect(err.split('\n')).toHaveLength(1);
    }
    expect((await cli('nonsense')).code).toBe(2);
  });

  it('exits 1 when data is unavailable', async () => {
    const { code, err } = await cli('run', 'chart 1m', '--offline');
    expect(code).toBe(1);
    expect(err).toMatch(/Data unavailable/);
  });

  it('ask --json adds the confidence', async () => {
    const json = JSON.parse((await cli('ask', 'are small caps cheap on valuation?', '--json')).out);
    expect(json.invocation.command).toBe('valuation');
    expect(json.confidence).toBeGreaterThan(0.5);
  });

  it('digest --json holds performance, valuation and ratecuts', async () => {
    const json = JSON.parse((await cli('digest', '--json', '--offline')).out);
    expect(Object.keys(json.reply.data)).toEqual(expect.arrayContaining(['performance', 'valuation', 'ratecuts']));
    expect(json.reply.data.performance[0]).toMatchObject({ period: '1d', small: { symbol: 'IWM' } });
  });
});
