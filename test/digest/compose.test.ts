import { describe, it, expect } from 'vitest';
import type { ChartService, DigestChartData } from '../../src/charts/types.ts';
import { composeDigest, type DigestRateSection } from '../../src/digest/compose.ts';
import type { Bar } from '../../src/market/types.ts';
import { fakeMarket, weekdayBars } from '../helpers/fake-market.ts';

// Monday 2025-11-24 08:30 New York: the digest of Friday 2025-11-21's close.
const NOW = new Date('2025-11-24T13:30:00Z');

/** Closes rising by `step` a day, with the last session's move set by `lastMove`. */
function bars(base: number, step: number, lastMove: number): Bar[] {
  const out = weekdayBars('2024-10-01', '2025-11-21', (i) => base + step * i);
  const last = out.at(-1)!;
  out[out.length - 1] = { ...last, close: out.at(-2)!.close * (1 + lastMove) };
  return out;
}

const SERIES = {
  IWM: bars(200, 0.2, 0.012), // small caps up on the day and steadily over the year
  SPY: bars(500, 0.1, -0.004),
  QQQ: bars(450, 0.2, 0.001),
  IJR: bars(100, 0.05, 0.01),
  MDY: bars(500, 0.2, 0.002),
  RSP: bars(170, 0.05, 0.0),
};

function countingCharts() {
  const calls: DigestChartData[] = [];
  const charts = {
    async digest(data: DigestChartData) {
      calls.push(data);
      return { png: new Uint8Array([137, 80, 78, 71]), alt: 'digest chart', name: 'digest.png' };
    },
  } as unknown as ChartService;
  return { charts, calls };
}

const rateSection: DigestRateSection = {
  lines: ['Futures price 2.1 cuts by the December meeting, up from 1.9 the day before.'],
  data: {
    asOf: '2025-11-21',
    currentRange: [3.75, 4],
    meetings: [
      { date: '2025-12-10', probabilities: { '3.50-3.75': 71.2, '3.75-4.00': 28.8 }, pCut: 71.2, pHold: 28.8, pHike: 0, expectedRate: 3.7, cutsPriced: 0.71 },
      { date: '2026-01-28', probabilities: { '3.25-3.50': 30, '3.50-3.75': 55, '3.75-4.00': 15 }, pCut: 40, pHold: 60, pHike: 0, expectedRate: 3.6, cutsPriced: 1.15 },
    ],
  },
  sources: [{ name: 'Fed funds futures settlements (Test feed)', asOf: '2025-11-21', stale: false }],
};

describe('composeDigest', () => {
  it('leads with small against large over 1d, 1m and YTD and says who leads', async () => {
    const market = fakeMarket(SERIES, { now: () => NOW });
    const reply = await composeDigest({ market, now: NOW });
    const data = reply.data as { edition: string; performance: { period: string; small: { symbol: string; return: number }; large: { symbol: string; return: number }; spreadPp: number; end: string }[] };
    expect(reply.title).toBe('Small caps daily digest, 2025-11-21');
    expect(data.edition).toBe('2025-11-21');
    const spy = data.performance.filter((p) => p.large.symbol === 'SPY');
    expect(spy.map((p) => p.period)).toEqual(['1d', '1m', 'ytd']);
    for (const p of data.performance) {
      expect(p.end).toBe('2025-11-21');
      expect(p.spreadPp).toBeCloseTo(p.small.return - p.large.return, 3);
    }
    // IWM +1.2% against SPY -0.4% on the day: 1.6 pp.
    expect(spy[0]!.small.return).toBeCloseTo(1.2, 6);
    expect(spy[0]!.spreadPp).toBeCloseTo(1.6, 6);
    expect(reply.commentary).toMatch(/^Small caps \(IWM\) against the S&P 500: outperformed over the last session \(\+1\.6 pp\), outperformed over the past month \(\+\d\.\d pp\), outperformed over the year to date \(\+\d+\.\d pp\)\. Small caps lead on every horizon shown\.$/);
    expect(reply.tone).toBe('positive');
    expect(reply.sections[0]!.fields.map((f) => [f.key, f.unit, f.direction])).toEqual([
      ['spread_1d', 'pp', 'up'],
      ['spread_1m', 'pp', 'up'],
      ['spread_ytd', 'pp', 'up'],
    ]);
    expect(reply.sections[0]!.fields[0]!.value).toBeCloseTo(1.6, 3);
  });

  it('tabulates IWM against SPY and QQQ by default, and IJR, MDY, RSP when configured', async () => {
    const market = fakeMarket(SERIES, { now: () => NOW });
    const plain = await composeDigest({ market, now: NOW });
    expect(plain.table!.rows.map((r) => `${r[0]} ${r[1]}/${r[2]}`)).toEqual(['1d IWM/SPY', '1m IWM/SPY', 'ytd IWM/SPY', '1d IWM/QQQ', '1m IWM/QQQ', 'ytd IWM/QQQ']);
    const wide = await composeDigest({ market, now: NOW, smalls: ['iwm', 'ijr'], benchmarks: ['sp500', 'nasdaq', 'midcap', 'equalweight'] });
    const pairs = [...new Set(wide.table!.rows.map((r) => `${r[1]}/${r[2]}`))];
    expect(pairs).toEqual(['IWM/SPY', 'IWM/QQQ', 'IWM/MDY', 'IWM/RSP', 'IJR/SPY', 'IJR/QQQ', 'IJR/MDY', 'IJR/RSP']);
    expect(wide.table!.rows).toHaveLength(24);
  });

  it('states the valuation gaps the way the sources do', async () => {
    const reply = await composeDigest({ market: fakeMarket(SERIES, { now: () => NOW }), now: NOW });
    expect(reply.notes).toContain('The Russell 2000 trades at 13.6x forward earnings against 17.2x for the S&P 500, a 21% discount.');
    expect(reply.notes?.some((n) => n.includes('less than half its published 10-year median of 8.2%'))).toBe(true);
    const fields = Object.fromEntries(reply.sections[1]!.fields.map((f) => [f.key, f.value]));
    expect(fields.forward_pe_gap).toBeCloseTo(-20.93, 2);
    expect(fields.ev_ebitda_premium).toBe(3.7);
  });

  it('includes rate-cut pricing and draws one chart carrying both performance and the next meeting', async () => {
    const { charts, calls } = countingCharts();
    const reply = await composeDigest({ market: fakeMarket(SERIES, { now: () => NOW }), now: NOW, charts, rateCuts: async () => rateSection });
    expect(reply.notes).toContain(rateSection.lines[0]);
    expect((reply.data as { ratecuts: unknown }).ratecuts).toEqual(rateSection.data);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.performance).toMatchObject({ period: '1m', small: { symbol: 'IWM' }, large: { symbol: 'SPY' }, asOf: '2025-11-21' });
    expect(calls[0]!.rateCuts).toEqual({
      next: { date: '2025-12-10', probabilities: { '3.50-3.75': 71.2, '3.75-4.00': 28.8 } },
      path: [{ date: '2025-12-10', expectedRate: 3.7 }, { date: '2026-01-28', expectedRate: 3.6 }],
      currentRange: [3.75, 4],
      source: 'Fed funds futures settlements (Test feed)',
      asOf: '2025-11-21',
    });
    expect(reply.chart?.name).toBe('digest.png');
  });

  it('lists every source with its as-of date', async () => {
    const reply = await composeDigest({ market: fakeMarket(SERIES, { now: () => NOW }), now: NOW, rateCuts: async () => rateSection });
    const names = reply.sources.map((s) => `${s.name} @ ${s.asOf}`);
    expect(names).toContain('IWM closes (Test feed) @ 2025-11-21');
    expect(names).toContain('SPY closes (Test feed) @ 2025-11-21');
    expect(names).toContain('QQQ closes (Test feed) @ 2025-11-21');
    expect(names).toContain('Fed funds futures settlements (Test feed) @ 2025-11-21');
    expect(reply.sources.some((s) => s.name.startsWith('Forward P/E'))).toBe(true);
  });

  it('asks the market only for the symbols in the table, one request per row side', async () => {
    // The market layer's cache (keyed by symbol and end date, single-flight) turns these into one upstream fetch per symbol.
    const market = fakeMarket(SERIES, { now: () => NOW });
    await composeDigest({ market, now: NOW });
    const perSymbol = market.calls.reduce<Record<string, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});
    expect(Object.keys(perSymbol).sort()).toEqual(['IWM', 'QQQ', 'SPY']);
    expect(market.calls.length).toBe(12);
  });
});
