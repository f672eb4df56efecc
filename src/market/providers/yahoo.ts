/** Yahoo Finance chart v8: daily bars for ETFs, ^ indices and the per-contract fed funds futures. */
import type { KyInstance } from 'ky';
import { getText, parseJson } from '../http.ts';
import { contractMonths, yahooSymbol, zqContractSymbol } from '../symbols.ts';
import { ProviderError, type Bar } from '../types.ts';
import { mapLimit } from './map-limit.ts';
import type { BarsProvider, ContractSeries, Fetched, FuturesContracts, FuturesProvider, MissingContract } from './provider.ts';
import { parseChart } from './yahoo-chart.ts';

export const YAHOO_SOURCE = 'Yahoo Finance';
const ID = 'yahoo';
const DAY = 86_400;
/** Days of closes fetched per contract: enough for the month-ago comparison. */
const HISTORY_DAYS = 40;

export interface YahooOptions {
  baseUrl: string;
  http: KyInstance;
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

    /**
     * Each contract month on its own: a month that is not listed, empty, broken or priced implausibly is
     * reported missing and the others stay usable. Fails only when no month answers; when the failures
     * are the network's (not "not listed"), after two of them the rest are not asked.
     */
    async futuresContracts(today): Promise<Fetched<FuturesContracts>> {
      // From the month before: when its contract still answers, its final settlement anchors this month's meeting.
      const months = contractMonths(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1)), (opts.stripMonths ?? 13) + 1);
      const now = Math.floor(today.getTime() / 1000);
      let outages = 0;
      const outcomes = await mapLimit(months, 4, async (month): Promise<ContractSeries | MissingContract & { error: unknown }> => {
        const symbol = zqContractSymbol(month);
        if (outages >= 2) return { month, reason: 'not asked after two failed requests', error: new ProviderError(ID, 'skipped', 'http') };
        try {
          const all = await chart(symbol, now - HISTORY_DAYS * DAY, now + DAY);
          const bars = all.filter((b) => plausible(b.close));
          const odd = all.find((b) => !plausible(b.close));
          if (bars.length === 0) throw new ProviderError(ID, odd ? `implausible price ${odd.close} for ${symbol} on ${odd.date}` : `no bars for ${symbol}`, odd ? 'invalid' : 'empty');
          return { month, bars, ...(odd ? { dropped: `implausible price ${odd.close} on ${odd.date}` } : {}) };
        } catch (err) {
          const listed = err instanceof ProviderError && (err.kind === 'not_found' || err.kind === 'empty' || err.kind === 'invalid');
          if (!listed) outages++;
          return { month, reason: err instanceof Error ? err.message : String(err), error: err };
        }
      });
      const contracts = outcomes.filter((o): o is ContractSeries => 'bars' in o);
      const current = months[1]!;
      // An expired month that no longer answers is no hole: it was only asked for its final settlement.
      const missing = outcomes.filter((o): o is MissingContract & { error: unknown } => 'error' in o && o.month >= current);
      if (contracts.length === 0) {
        const outage = missing.find((m) => !(m.error instanceof ProviderError && ['not_found', 'empty', 'invalid'].includes(m.error.kind)));
        if (outage) throw outage.error;
        throw new ProviderError(ID, `no fed funds futures contract answered (${missing.map((m) => m.month).join(', ')})`, 'empty');
      }
      const asOf = contracts.map((s) => s.bars.at(-1)!.date).sort().at(-1)!;
      return {
        value: { contracts, missing: missing.map(({ month, reason }) => ({ month, reason })) },
        source: `${YAHOO_SOURCE} (CBOT 30-day fed funds futures)`,
        asOf,
      };
    },
  };
}

/** 100 minus a rate between -1% and 50%: anything else is a broken quote, not a price. */
function plausible(price: number): boolean {
  return price > 50 && price <= 101;
}

function toUnix(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / 1000);
}
