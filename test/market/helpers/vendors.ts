/** The four market vendors as local servers with healthy default answers, and a live MarketData wired to them. */
import { createMarketData, type LiveMarketConfig } from '../../../src/market/live.ts';
import type { MarketData } from '../../../src/market/types.ts';
import type { MarketStore } from '../../../src/market/live.ts';
import { fixture, NOT_FOUND_CHART, yahooChart } from './payloads.ts';
import { csv, json, startVendor, type FakeVendor, type Handler } from './server.ts';

/** Weekdays from `from` to `to` inclusive (YYYY-MM-DD), holidays ignored. */
export function weekdays(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    const d = new Date(t);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) out.push(d.toISOString().slice(0, 10));
  }
  return out;
}

export const DATES = weekdays('2025-09-01', '2026-11-20');
/** Deterministic closes per symbol: a gentle ramp from a base level. */
export const closeOf = (symbol: string, i: number) => Math.round((symbol.length * 50 + 100 + i * 0.25) * 100) / 100;

/** ZQ contracts listed in the fake: prices per contract month. */
export const ZQ_PRICES: Record<string, number> = { 'ZQX26.CBT': 96.125, 'ZQZ26.CBT': 96.2, 'ZQF27.CBT': 96.31, 'ZQG27.CBT': 96.38 };
const ZQ_DAYS = ['2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20'];

export const healthyYahoo: Handler = (url) => {
  const symbol = decodeURIComponent(url.pathname.split('/').at(-1) ?? '');
  const zq = ZQ_PRICES[symbol];
  if (zq !== undefined) {
    // Midnight in Chicago; the day before the last is 0.01 lower, to tell the previous strip apart.
    const timestamps = ZQ_DAYS.map((d) => Date.parse(`${d}T06:00:00Z`) / 1000);
    const closes = ZQ_DAYS.map((_, i) => (i === ZQ_DAYS.length - 1 ? zq : zq - 0.01));
    return json(yahooChart({ symbol, timestamps, closes, exchangeTimezoneName: 'America/Chicago', gmtoffset: -21600, instrumentType: 'FUTURE' }));
  }
  if (!/^(\^?[A-Z]{1,5})$/.test(symbol) || symbol === 'ZZZZ') return json(NOT_FOUND_CHART, 404);
  const timestamps = DATES.map((d) => Date.parse(`${d}T14:30:00Z`) / 1000);
  return json(yahooChart({ symbol, timestamps, closes: DATES.map((_, i) => closeOf(symbol, i)) }));
};

export const healthyStooq: Handler = (url) => {
  const s = url.searchParams.get('s') ?? '';
  if (s === 'zzzz.us') return { status: 200, headers: { 'content-type': 'text/plain' }, body: 'No data' };
  const rows = DATES.map((d, i) => {
    const c = closeOf(s.replace(/\.us$/, '').toUpperCase(), i) + 1;
    return `${d},${c},${c},${c},${c},1000`;
  });
  return csv(['Date,Open,High,Low,Close,Volume', ...rows].join('\n'));
};

export const healthyNyFed: Handler = () => json(fixture('nyfed-effr-last-1.json'));
export const healthyFred: Handler = (url) => csv(fixture(`fred-${url.searchParams.get('id')}.csv`));

export interface Vendors {
  yahoo: FakeVendor;
  stooq: FakeVendor;
  nyfed: FakeVendor;
  fred: FakeVendor;
  config: (extra?: Partial<LiveMarketConfig>) => LiveMarketConfig;
  market: (store: MarketStore, now: () => Date, extra?: Partial<LiveMarketConfig>) => MarketData;
  close: () => Promise<void>;
}

export async function startVendors(): Promise<Vendors> {
  const [yahoo, stooq, nyfed, fred] = await Promise.all([startVendor(healthyYahoo), startVendor(healthyStooq), startVendor(healthyNyFed), startVendor(healthyFred)]);
  const config = (extra: Partial<LiveMarketConfig> = {}): LiveMarketConfig => ({
    yahooBaseUrl: yahoo.baseUrl,
    stooqBaseUrl: stooq.baseUrl,
    nyfedBaseUrl: nyfed.baseUrl,
    fredBaseUrl: fred.baseUrl,
    http: { retries: 1, timeoutMs: 1_500, backoffLimitMs: 20, maxRetryAfterMs: 300 },
    stripMonths: 6,
    ...extra,
  });
  return {
    yahoo,
    stooq,
    nyfed,
    fred,
    config,
    market: (store, now, extra) => createMarketData({ config: config(extra), store, now }),
    close: async () => {
      await Promise.all([yahoo.close(), stooq.close(), nyfed.close(), fred.close()]);
    },
  };
}
