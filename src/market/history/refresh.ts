/**
 * `capwatch snapshot refresh`: the bundled history rewritten from the live providers, in the same files as
 * `npm run snapshot:build`. Closes from Yahoo chart v8 (adjusted closes for ETFs: total return; closes for
 * indices: price), fed funds futures per contract month from Yahoo (ZQ<M><YY>.CBT; strips of earlier trade
 * dates in the current bundle are kept), EFFR (DFF) and the target range (DFEDTARU) from FRED's CSV download.
 * Nothing is written unless every series came back.
 */
import { FOMC_DECISIONS } from '../../analytics/fomc-calendar.ts';
import { exchangeDate } from '../as-of.ts';
import { getText, parseJson, type Http } from '../http.ts';
import { parseChart } from '../providers/yahoo-chart.ts';
import { contractMonths, KNOWN_SYMBOLS, zqContractSymbol } from '../symbols.ts';
import { ProviderError, type Bar } from '../types.ts';
import type { BuiltData } from './build.ts';
import { bundledStrips } from './bundle.ts';
import { fomcBefore } from './fomc.ts';
import type { StripRow } from './format.ts';
import { derivePolicy } from './policy-derive.ts';
import { parseFredCsv } from './vendor-csv.ts';

export interface RefreshOptions {
  http: Http;
  yahooBaseUrl: string;
  fredBaseUrl: string;
  now: Date;
  /** First date of the closes fetched (default 1985-01-01). */
  from?: string;
  symbols?: readonly string[];
  stripMonths?: number;
  log?: (line: string) => void;
}

const YAHOO = 'Yahoo Finance';
const POLICY_FROM = '2008-12-17';
const unix = (date: string) => Math.floor(Date.parse(`${date}T00:00:00Z`) / 1000);

export async function fetchHistory(o: RefreshOptions): Promise<BuiltData> {
  const log = o.log ?? (() => {});
  const today = exchangeDate(o.now);
  const yahoo = `${o.yahooBaseUrl.replace(/\/+$/, '')}/v8/finance/chart/`;
  const chart = async (symbol: string, from: string, field: 'close' | 'adjclose'): Promise<Bar[]> => {
    const res = await getText(o.http, 'yahoo', `${yahoo}${encodeURIComponent(symbol)}`, {
      period1: String(unix(from)),
      period2: String(unix(today) + 2 * 86_400),
      interval: '1d',
      includePrePost: 'false',
      events: 'div,split',
    });
    if (res.status === 404) throw new ProviderError('yahoo', `unknown symbol ${symbol}`, 'not_found');
    return parseChart('yahoo', symbol, parseJson('yahoo', res), field).filter((b) => b.date <= today);
  };

  const bars: BuiltData['bars'] = [];
  for (const symbol of o.symbols ?? KNOWN_SYMBOLS) {
    const index = symbol.startsWith('^');
    const got = await chart(symbol, o.from ?? '1985-01-01', index ? 'close' : 'adjclose');
    log(`${symbol}: ${got.length} closes to ${got.at(-1)?.date}`);
    const source = index ? `${YAHOO} index closes (${symbol})` : `${YAHOO} adjusted closes (dividends and splits)`;
    bars.push({ entry: { symbol, basis: index ? 'price' : 'total-return', source }, bars: got });
  }

  const stripSource = `${YAHOO} closes of CBOT 30-day fed funds futures per contract month (ZQ<M><YY>.CBT)`;
  const byDate = new Map<string, Map<string, number>>();
  for (const month of contractMonths(o.now, o.stripMonths ?? 13)) {
    let got: Bar[];
    try {
      got = await chart(zqContractSymbol(month), new Date(o.now.getTime() - 400 * 86_400_000).toISOString().slice(0, 10), 'close');
    } catch (error) {
      // Months not listed yet end the strip.
      if (error instanceof ProviderError && (error.kind === 'not_found' || error.kind === 'empty')) break;
      throw error;
    }
    for (const b of got) {
      if (!byDate.has(b.date)) byDate.set(b.date, new Map());
      byDate.get(b.date)!.set(month, b.close);
    }
  }
  const fresh: StripRow[] = [...byDate.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([tradeDate, quotes]) => ({
    tradeDate,
    source: stripSource,
    quotes: [...quotes.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([month, price]) => ({ month, price })),
  }));
  const firstFresh = fresh[0]?.tradeDate ?? '9999';
  const kept = safeStrips().filter((s) => s.tradeDate < firstFresh);
  log(`strips: ${kept.length} kept, ${fresh.length} fetched`);

  const fred = async (id: string) => {
    const res = await getText(o.http, 'fred', `${o.fredBaseUrl.replace(/\/+$/, '')}/graph/fredgraph.csv`, { id, cosd: '2008-12-01', coed: today });
    if (res.status !== 200) throw new ProviderError('fred', `${id}: HTTP ${res.status}`, 'http');
    return parseFredCsv(res.body, `FRED ${id}`).filter((x) => x.date <= today);
  };
  const [dff, upper] = [await fred('DFF'), await fred('DFEDTARU')];
  const policySource = 'FRED: DFF (effective fed funds rate); target range from DFEDTARU, derived from DFF and FOMC decision days where missing';
  const rows = derivePolicy(dff, fomcBefore(dff.at(-1)?.date ?? POLICY_FROM, FOMC_DECISIONS), POLICY_FROM, upper).map((r) => ({ ...r, source: policySource }));
  log(`policy: ${rows.length} days to ${rows.at(-1)?.date}`);
  return { bars, strips: { source: stripSource, rows: [...kept, ...fresh] }, policy: { source: policySource, rows } };
}

function safeStrips(): StripRow[] {
  try {
    return bundledStrips();
  } catch {
    return [];
  }
}
