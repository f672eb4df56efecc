/**
 * Yahoo chart v8 answers for per-contract fed funds futures (ZQ<M><YY>.CBT), with each kind of hole the
 * real service shows. Shapes follow recorded responses: a futures chart (meta of BZ=F, recorded by
 * gadicc/yahoo-finance2, instrumentType FUTURE, daily timestamps at the exchange's midnight), an empty
 * range (`indicators.quote: [{}]` and no `timestamp`, as in yahoo-finance2's AAPL weekend 1m recording),
 * and the 404 "No data found, symbol may be delisted" body of an unknown symbol.
 */
import { DateTime } from 'luxon';
import { NOT_FOUND_CHART } from './payloads.ts';
import { json, type Handler, type Reply } from './server.ts';

/** Closes by trade date (null: a session without a trade), or a kind of failure. */
export type ContractAnswer = Record<string, number | null> | 'not-found' | 'empty' | 'http-500';

function meta(symbol: string, last: number | null) {
  return {
    currency: 'USD',
    symbol,
    exchangeName: 'CBT',
    fullExchangeName: 'Chicago Board of Trade',
    instrumentType: 'FUTURE',
    firstTradeDate: 1_672_552_800,
    regularMarketTime: 1_795_212_000,
    hasPrePostMarketData: false,
    gmtoffset: -21600,
    timezone: 'CST',
    exchangeTimezoneName: 'America/Chicago',
    regularMarketPrice: last,
    chartPreviousClose: last,
    priceHint: 4,
    currentTradingPeriod: {
      pre: { timezone: 'CST', start: 1_795_240_800, end: 1_795_240_800, gmtoffset: -21600 },
      regular: { timezone: 'CST', start: 1_795_240_800, end: 1_795_327_140, gmtoffset: -21600 },
      post: { timezone: 'CST', start: 1_795_327_140, end: 1_795_327_140, gmtoffset: -21600 },
    },
    dataGranularity: '1d',
    range: '',
    validRanges: ['1d', '5d', '1mo', '3mo', '6mo', '1y', '2y', '5y', '10y', 'ytd', 'max'],
  };
}

export function zqChart(symbol: string, closes: Record<string, number | null>): unknown {
  const dates = Object.keys(closes).sort();
  const values = dates.map((d) => closes[d] ?? null);
  const timestamp = dates.map((d) => DateTime.fromISO(d, { zone: 'America/Chicago' }).toSeconds());
  const last = values.filter((v): v is number => v !== null).at(-1) ?? null;
  return {
    chart: {
      result: [
        {
          meta: meta(symbol, last),
          timestamp,
          indicators: {
            quote: [{ close: values, open: values, low: values, volume: values.map((v) => (v === null ? null : 1200)), high: values }],
            adjclose: [{ adjclose: values }],
          },
        },
      ],
      error: null,
    },
  };
}

export function zqEmpty(symbol: string): unknown {
  return { chart: { result: [{ meta: meta(symbol, null), indicators: { quote: [{}] } }], error: null } };
}

/** A Yahoo stand-in answering per contract symbol; symbols not listed are not found. */
export function zqYahoo(contracts: Record<string, ContractAnswer>): Handler {
  return (url): Reply => {
    const symbol = decodeURIComponent(url.pathname.split('/').at(-1) ?? '');
    const answer = contracts[symbol] ?? 'not-found';
    if (answer === 'not-found') return json(NOT_FOUND_CHART, 404);
    if (answer === 'empty') return json(zqEmpty(symbol));
    if (answer === 'http-500') return { status: 500, body: 'Internal Server Error' };
    return json(zqChart(symbol, answer));
  };
}

/** The same price on each of `dates`, the last day `last` (to tell days apart). */
export function daily(dates: string[], price: number, last = price): Record<string, number> {
  return Object.fromEntries(dates.map((d, i) => [d, i === dates.length - 1 ? last : price]));
}
