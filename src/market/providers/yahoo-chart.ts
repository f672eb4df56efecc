/** Parser for Yahoo Finance chart v8 JSON: validated with zod, timestamps turned into exchange-local dates. */
import { DateTime } from 'luxon';
import { z } from 'zod';
import { ProviderError, type Bar } from '../types.ts';

const ChartError = z.object({ code: z.string(), description: z.string().nullish() });

const ChartResult = z.object({
  meta: z.object({
    symbol: z.string(),
    exchangeTimezoneName: z.string().optional(),
    gmtoffset: z.number().optional(),
  }),
  // Seconds since 1970; indices such as ^GSPC go back before it, nothing goes back before 1900 or past 2100.
  timestamp: z.array(z.number().int().min(-2_208_988_800).max(4_102_444_800)).optional(),
  indicators: z.object({
    quote: z.array(z.object({ close: z.array(z.number().nullable()).optional() })),
    // Dividend- and split-adjusted closes (total return); absent for indices and futures.
    adjclose: z.array(z.object({ adjclose: z.array(z.number().nullable()).optional() })).optional(),
  }),
});

const ChartBody = z.object({
  chart: z.object({
    result: z.array(ChartResult).nullable(),
    error: ChartError.nullish(),
  }),
});

type Meta = z.infer<typeof ChartResult>['meta'];

/** Yahoo's words for a symbol it does not know (or no longer lists). */
const NOT_FOUND = /not found|no data found|delisted|invalid symbol|doesn't exist/i;

/**
 * Turn a parsed chart body into ascending, de-duplicated daily bars of `symbol`.
 * Nulls in the close array (sessions without a trade) are dropped; everything else malformed is rejected.
 */
export function parseChart(provider: string, symbol: string, body: unknown, field: 'close' | 'adjclose' = 'close'): Bar[] {
  const parsed = ChartBody.safeParse(body);
  if (!parsed.success) throw new ProviderError(provider, `unexpected chart payload for ${symbol}: ${firstIssue(parsed.error)}`, 'invalid');
  const { result, error } = parsed.data.chart;
  if (error) {
    const text = `${error.code}${error.description ? `: ${error.description}` : ''}`;
    throw new ProviderError(provider, `${symbol}: ${text}`, NOT_FOUND.test(text) ? 'not_found' : 'invalid');
  }
  const first = result?.[0];
  if (!first) throw new ProviderError(provider, `no chart result for ${symbol}`, 'empty');
  if (first.meta.symbol.toUpperCase() !== symbol.toUpperCase()) {
    throw new ProviderError(provider, `asked for ${symbol}, answer is for ${first.meta.symbol}`, 'invalid');
  }
  const closes = field === 'adjclose' ? first.indicators.adjclose?.[0]?.adjclose : first.indicators.quote[0]?.close;
  const stamps = first.timestamp;
  if (!stamps && !closes?.length) throw new ProviderError(provider, `no bars for ${symbol} in the requested range`, 'empty');
  if (!stamps) throw new ProviderError(provider, `closes without timestamps for ${symbol}`, 'invalid');
  if (!closes) throw new ProviderError(provider, `timestamps without closes for ${symbol}`, 'invalid');
  if (stamps.length !== closes.length) {
    throw new ProviderError(provider, `${stamps.length} timestamps but ${closes.length} closes for ${symbol}`, 'invalid');
  }
  const byDate = new Map<string, number>();
  stamps.forEach((ts, i) => {
    const close = closes[i];
    if (close === null || close === undefined || !Number.isFinite(close)) return;
    // The last entry may repeat the day as a live bar; the later one wins.
    byDate.set(localDate(ts, first.meta), close);
  });
  if (byDate.size === 0) throw new ProviderError(provider, `every close is null for ${symbol}`, 'empty');
  return [...byDate.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, close]) => ({ date, close }));
}

/** Exchange-local trading date of a Yahoo timestamp (seconds). */
export function localDate(ts: number, meta: Pick<Meta, 'exchangeTimezoneName' | 'gmtoffset'>): string {
  if (meta.exchangeTimezoneName) {
    const dt = DateTime.fromSeconds(ts, { zone: meta.exchangeTimezoneName });
    if (dt.isValid) return dt.toISODate()!;
  }
  return new Date((ts + (meta.gmtoffset ?? 0)) * 1000).toISOString().slice(0, 10);
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || '(root)'} ${issue.message}` : 'invalid';
}
