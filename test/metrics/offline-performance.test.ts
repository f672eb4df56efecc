/**
 * Offline, at fixed "now" dates, every period of performance and chart answers from the bundled history, and
 * the returns equal a computation made here straight from the bundled files (not through bundle.ts or the
 * period code): Russell 2000 index against the S&P 500 index, to 0.01 pp. Nothing dated after now is used.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { allCommands } from '../../commands/index.ts';
import { createBot } from '../../src/bot.ts';
import { createChartService } from '../../src/charts/index.ts';
import { bundleDir } from '../../src/market/history/paths.ts';
import { createSnapshotMarketData } from '../../src/market/snapshot.ts';

type Close = [string, number];

function closes(file: string): Close[] {
  const text = gunzipSync(readFileSync(join(bundleDir(), file))).toString('utf8');
  return text.trim().split('\n').slice(1).map((l) => {
    const [d, c] = l.split(',');
    return [d!, Number(c)];
  });
}

const RUT = closes('bars-IDX_RUT.csv.gz');
const GSPC = closes('bars-IDX_GSPC.csv.gz');

/** Index of the last close on or before `date` among the dates both series have. */
function lastOn(dates: string[], date: string): number {
  let i = -1;
  for (let k = 0; k < dates.length && dates[k]! <= date; k++) i = k;
  return i;
}

function expected(period: string, today: string): { start: string; end: string; rut: number; gspc: number } {
  const gspc = new Map(GSPC);
  const dates = RUT.map(([d]) => d).filter((d) => gspc.has(d));
  const rut = new Map(RUT);
  const endIdx = lastOn(dates, today);
  const end = dates[endIdx]!;
  const t = DateTime.fromISO(today);
  const starts: Record<string, string> = {
    '1m': t.minus({ months: 1 }).toISODate()!,
    '3m': t.minus({ months: 3 }).toISODate()!,
    '6m': t.minus({ months: 6 }).toISODate()!,
    ytd: `${t.year - 1}-12-31`,
    '1y': t.minus({ years: 1 }).toISODate()!,
    '3y': t.minus({ years: 3 }).toISODate()!,
    '5y': t.minus({ years: 5 }).toISODate()!,
    '10y': t.minus({ years: 10 }).toISODate()!,
  };
  const startIdx = period === '1d' ? endIdx - 1 : period === '5d' ? endIdx - 5 : lastOn(dates, starts[period] ?? period.slice(6));
  const start = dates[startIdx]!;
  const ret = (m: Map<string, number>) => (m.get(end)! / m.get(start)! - 1) * 100;
  return { start, end, rut: ret(rut), gspc: ret(gspc) };
}

const NOWS = ['2019-06-14T21:00:00Z', '2021-03-01T21:00:00Z', '2024-11-05T21:00:00Z', '2026-06-01T21:00:00Z'];
const PERIODS = ['1d', '5d', '1m', '3m', '6m', 'ytd', '1y', '3y', '5y', '10y', 'since:2015-07-01'];
const charts = createChartService();

interface Data {
  start: string;
  end: string;
  small: { symbol: string; return: number };
  large: { symbol: string; return: number };
  spreadPp: number;
}

describe.each(NOWS)('offline at %s', (iso) => {
  const now = () => new Date(iso);
  const today = iso.slice(0, 10);
  const market = createSnapshotMarketData(now);
  const bot = createBot({ commands: allCommands, market, now });
  const withCharts = createBot({ commands: allCommands, market, now, services: { charts } });

  it.each(PERIODS)('^RUT vs ^GSPC over %s equals the computation on the bundled closes', async (period) => {
    const reply = await bot.run(`performance ${period} small:rut`);
    expect(reply.error, reply.commentary).toBeUndefined();
    const data = reply.data as Data;
    const want = expected(period, today);
    expect(data).toMatchObject({ start: want.start, end: want.end, small: { symbol: '^RUT' }, large: { symbol: '^GSPC' } });
    expect(Math.abs(data.small.return - want.rut)).toBeLessThan(0.01);
    expect(Math.abs(data.large.return - want.gspc)).toBeLessThan(0.01);
    expect(Math.abs(data.spreadPp - (want.rut - want.gspc))).toBeLessThan(0.01);
    expect(reply.sources.every((s) => s.snapshot && s.asOf <= today)).toBe(true);
  });

  it.each(PERIODS)('chart %s answers with a chart, dated no later than now', async (period) => {
    const reply = await withCharts.run(`chart ${period}`);
    expect(reply.error, reply.commentary).toBeUndefined();
    expect(reply.chart?.png.length).toBeGreaterThan(1000);
    const data = reply.data as Data;
    expect(data.end <= today).toBe(true);
    expect(reply.title).toContain(`(${data.start} to ${data.end})`);
  });
});

describe('stale windows offline', () => {
  const now = () => new Date('2026-06-01T21:00:00Z');
  const bot = createBot({ commands: allCommands, market: createSnapshotMarketData(now), now });

  it('ends the period at the last close and says so (IWM and SPY end 2026-02-23)', async () => {
    const reply = await bot.run('performance 1y');
    const data = reply.data as Data;
    expect(data.end).toBe('2026-02-23');
    expect(data.start).toBe('2025-02-21');
    expect(reply.title).toBe('Small caps vs large caps, 1y (2025-02-21 to 2026-02-23)');
    expect(reply.notes?.join(' ')).toMatch(/The price data ends 2026-02-23/);
    expect(reply.commentary).toMatch(/over the year to 2026-02-23/);
  });

  it('lets QQQ stand in for the Nasdaq 100 index after 2022-11-18, and says so', async () => {
    const reply = await bot.run('performance 3m small:rut vs:nasdaq');
    expect((reply.data as Data).large.symbol).toBe('QQQ');
    // A fund's total return against an index's price level: the reader is told the bases differ.
    expect(reply.notes).toContain('^NDX has no prices after 2022-11-18; QQQ stands in for it (its total return, dividends included, against the ^RUT price level).');
  });
});
