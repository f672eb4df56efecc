/** Yahoo Finance chart v8: daily bars for ETFs, ^ indices and the per-contract fed funds futures. */
import { getText, parseJson, type Http } from '../http.ts';
import { contractMonths, yahooSymbol, zqContractSymbol } from '../symbols.ts';
import { ProviderError, type Bar } from '../types.ts';
import { mapLimit } from './map-limit.ts';
import type { BarsProvider, ContractSeries, Fetched, FuturesProvider } from './provider.ts';
import { parseChart } from './yahoo-chart.ts';

export const YAHOO_SOURCE = 'Yahoo Finance';
const ID = 'yahoo';
const DAY = 86_400;

export interface YahooOptions {
  baseUrl: string;
  http: Http;
  /** Contract months in the futures strip, the current month included. */
  stripMonths?: number;
}

export function createYahooProvider(opts: YahooOptions): BarsProvider & FuturesProvider {
  const base = opts.baseUrl.replace(/\/+$/, '');

  async function chart(symbol: string, period1: number, period2: number): Promise<Bar[]> {
    const res = await getText(opts.http, ID, `${base}/v8/finance/chart/${encodeURIComponent(symbol)}`, {
      period1: String(period1),
      period2: String(period2),
      interval: '1d',
      includePrePost: 'false',
    });
    if (res.status === 404 && res.body.trim() === '') throw new ProviderError(ID, `unknown symbol ${symbol}`, 'not_found');
    return parseChart(ID, symbol, parseJson(ID, res));
  }

  return {
    id: ID,

    async dailyBars(symbol, from, to) {
      const ySymbol = yahooSymbol(symbol);
      // A day of margin each side: the exchange-local date is only known from the answer.
      const bars = (await chart(ySymbol, toUnix(from) - DAY, toUnix(to) + 2 * DAY)).filter((b) => b.date <= to);
      const last = bars.at(-1);
      if (!last) throw new ProviderError(ID, `no bars for ${ySymbol} up to ${to}`, 'empty');
      return { value: bars, source: YAHOO_SOURCE, asOf: last.date };
    },

    async futuresContracts(today): Promise<Fetched<ContractSeries[]>> {
      const months = contractMonths(today, opts.stripMonths ?? 13);
      const now = Math.floor(today.getTime() / 1000);
      // Once a contract fails for a reason other than "not listed", the strip is lost: ask no further.
      let broken = false;
      const outcomes = await mapLimit(months, 4, async (month) => {
        if (broken) return { month, error: new ProviderError(ID, 'skipped after an earlier failure', 'http') };
        try {
          const bars = await chart(zqContractSymbol(month), now - 14 * DAY, now + DAY);
          // 100 minus a rate between -1% and 50%: anything else is a broken quote, not a price.
          const odd = bars.find((b) => b.close <= 50 || b.close > 101);
          if (odd) throw new ProviderError(ID, `implausible price ${odd.close} for ${zqContractSymbol(month)} on ${odd.date}`, 'invalid');
          return { month, bars };
        } catch (err) {
          if (!(err instanceof ProviderError && (err.kind === 'not_found' || err.kind === 'empty'))) broken = true;
          return { month, error: err };
        }
      });
      const series: ContractSeries[] = [];
      for (const o of outcomes) {
        if (o.bars) {
          series.push({ month: o.month, bars: o.bars });
          continue;
        }
        // A contract that is not listed (yet) ends the strip; any other failure makes the strip untrustworthy.
        if (o.error instanceof ProviderError && (o.error.kind === 'not_found' || o.error.kind === 'empty')) break;
        throw o.error;
      }
      if (series.length < 2) throw new ProviderError(ID, `only ${series.length} fed funds futures contract(s) found`, 'empty');
      const asOf = series.map((s) => s.bars.at(-1)!.date).sort().at(-1)!;
      return { value: series, source: `${YAHOO_SOURCE} (CBOT 30-day fed funds futures)`, asOf };
    },
  };
}

function toUnix(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / 1000);
}
