/** Stooq daily CSV (`Date,Open,High,Low,Close,Volume`): the keyless second source for daily bars. */
import { z } from 'zod';
import { getText, looksLikeHtml, type Http } from '../http.ts';
import { normalizeSymbol, stooqSymbol } from '../symbols.ts';
import { ProviderError, type Bar } from '../types.ts';
import type { BarsProvider } from './provider.ts';

export const STOOQ_SOURCE = 'Stooq';
const ID = 'stooq';

const Row = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  close: z.number().finite(),
});

export interface StooqOptions {
  baseUrl: string;
  http: Http;
}

export function createStooqProvider(opts: StooqOptions): BarsProvider {
  const base = opts.baseUrl.replace(/\/+$/, '');
  return {
    id: ID,
    async dailyBars(symbol, from, to) {
      const s = stooqSymbol(symbol);
      if (!s) throw new ProviderError(ID, `Stooq has no equivalent of ${normalizeSymbol(symbol)}`, 'not_found');
      const res = await getText(opts.http, ID, `${base}/q/d/l/`, {
        s,
        i: 'd',
        d1: compact(shiftDays(from, -7)),
        d2: compact(to),
      });
      if (res.status === 404) throw new ProviderError(ID, `unknown symbol ${s}`, 'not_found');
      const bars = parseStooqCsv(res.body, s, res.contentType).filter((b) => b.date <= to);
      const last = bars.at(-1);
      if (!last) throw new ProviderError(ID, `no bars for ${s} up to ${to}`, 'empty');
      return { value: bars, source: STOOQ_SOURCE, asOf: last.date };
    },
  };
}

/** Parse Stooq's CSV; Stooq answers plain text ("No data") or an HTML page when it will not serve one. */
export function parseStooqCsv(body: string, symbol: string, contentType = ''): Bar[] {
  if (looksLikeHtml(body, contentType)) throw new ProviderError(ID, `answered with an HTML page for ${symbol}`, 'invalid');
  const text = body.replace(/^\uFEFF/, '').trim();
  if (text === '' || /^no data/i.test(text)) throw new ProviderError(ID, `no data for ${symbol}`, 'not_found');
  if (/exceeded the daily hits limit/i.test(text)) throw new ProviderError(ID, 'daily hits limit exceeded', 'rate_limited');
  if (/apikey/i.test(text) && !/^date,/i.test(text)) throw new ProviderError(ID, 'Stooq asks for an API key for CSV downloads', 'invalid');
  const lines = text.split(/\r?\n/);
  const header = lines[0]!.split(',').map((h) => h.trim().toLowerCase());
  const dateCol = header.indexOf('date');
  const closeCol = header.indexOf('close');
  if (dateCol < 0 || closeCol < 0) throw new ProviderError(ID, `not a daily CSV for ${symbol} (header "${lines[0]!.slice(0, 60)}")`, 'invalid');
  const byDate = new Map<string, number>();
  for (const [i, line] of lines.slice(1).entries()) {
    if (line.trim() === '') continue;
    const cells = line.split(',');
    const row = Row.safeParse({ date: cells[dateCol]?.trim(), close: Number(cells[closeCol]) });
    if (!row.success || cells[closeCol]?.trim() === '') {
      throw new ProviderError(ID, `malformed row ${i + 2} for ${symbol}: "${line.slice(0, 60)}"`, 'invalid');
    }
    byDate.set(row.data.date, row.data.close);
  }
  if (byDate.size === 0) throw new ProviderError(ID, `no rows for ${symbol}`, 'empty');
  return [...byDate.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, close]) => ({ date, close }));
}

function compact(date: string): string {
  return date.replaceAll('-', '');
}

function shiftDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
