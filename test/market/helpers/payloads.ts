/** Fixture files and small builders of vendor payloads in their real shapes. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const FIXTURES = new URL('../../fixtures/market/', import.meta.url);

export function fixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(name, FIXTURES)), 'utf8');
}

export interface ChartSpec {
  symbol: string;
  timestamps: number[];
  closes: (number | null)[];
  exchangeTimezoneName?: string;
  gmtoffset?: number;
  instrumentType?: string;
}

/** A Yahoo chart v8 body as query1.finance.yahoo.com sends it (the fields we do not read included). */
export function yahooChart(spec: ChartSpec): unknown {
  const tz = spec.exchangeTimezoneName ?? 'America/New_York';
  const gmtoffset = spec.gmtoffset ?? -18000;
  const last = spec.closes.filter((c): c is number => c !== null).at(-1) ?? null;
  return {
    chart: {
      result: [
        {
          meta: {
            currency: 'USD',
            symbol: spec.symbol,
            exchangeName: tz === 'America/Chicago' ? 'CBT' : 'PCX',
            instrumentType: spec.instrumentType ?? 'ETF',
            gmtoffset,
            timezone: gmtoffset === -21600 ? 'CST' : 'EST',
            exchangeTimezoneName: tz,
            regularMarketPrice: last,
            dataGranularity: '1d',
            range: '',
            validRanges: ['1d', '5d', '1mo', '3mo', '6mo', '1y', '2y', '5y', '10y', 'ytd', 'max'],
          },
          timestamp: spec.timestamps,
          indicators: {
            quote: [{ open: spec.closes, high: spec.closes, low: spec.closes, close: spec.closes, volume: spec.closes.map((c) => (c === null ? null : 1000)) }],
            adjclose: [{ adjclose: spec.closes }],
          },
        },
      ],
      error: null,
    },
  };
}

/** Session-open timestamps (14:30 UTC, 09:30 New York in winter) of consecutive weekdays from a Monday. */
export function sessions(firstMonday: string, count: number): number[] {
  const out: number[] = [];
  let t = Date.parse(`${firstMonday}T14:30:00Z`);
  while (out.length < count) {
    const day = new Date(t).getUTCDay();
    if (day !== 0 && day !== 6) out.push(t / 1000);
    t += 86_400_000;
  }
  return out;
}

export const NOT_FOUND_CHART = { chart: { result: null, error: { code: 'Not Found', description: 'No data found, symbol may be delisted' } } };
