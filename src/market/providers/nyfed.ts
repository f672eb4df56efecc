/** New York Fed markets API: the effective fed funds rate and the target range it was set in. */
import { z } from 'zod';
import { getText, parseJson, type Http } from '../http.ts';
import { ProviderError } from '../types.ts';
import type { Fetched, PolicyDay, Rates, RatesProvider } from './provider.ts';

export const NYFED_SOURCE = 'Federal Reserve Bank of New York (EFFR)';
const ID = 'nyfed';

const RefRate = z.object({
  effectiveDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  type: z.string(),
  percentRate: z.number(),
  targetRateFrom: z.number(),
  targetRateTo: z.number(),
});

const Body = z.object({ refRates: z.array(z.unknown()) });

export interface NyFedOptions {
  baseUrl: string;
  http: Http;
}

export function createNyFedProvider(opts: NyFedOptions): RatesProvider {
  const base = opts.baseUrl.replace(/\/+$/, '');
  return {
    id: ID,
    async policyRates(): Promise<Fetched<Rates>> {
      const res = await getText(opts.http, ID, `${base}/api/rates/unsecured/effr/last/1.json`);
      if (res.status === 404) throw new ProviderError(ID, 'EFFR endpoint not found (HTTP 404)', 'not_found');
      return parseNyFed(parseJson(ID, res));
    },

    /** Business days of EFFR with the target range of each, over [from, to]. */
    async policyHistory(from, to): Promise<Fetched<PolicyDay[]>> {
      const res = await getText(opts.http, ID, `${base}/api/rates/unsecured/effr/search.json`, { startDate: from, endDate: to });
      if (res.status === 404) throw new ProviderError(ID, 'EFFR search endpoint not found (HTTP 404)', 'not_found');
      const rows = effrRows(parseJson(ID, res));
      const days = rows
        .filter((r) => r.effectiveDate >= from && r.effectiveDate <= to)
        .map((r) => ({ date: r.effectiveDate, lower: r.targetRateFrom, upper: r.targetRateTo, effr: r.percentRate }))
        .sort((a, b) => (a.date < b.date ? -1 : 1));
      if (days.length === 0) throw new ProviderError(ID, `no EFFR observation from ${from} to ${to}`, 'empty');
      return { value: days, source: NYFED_SOURCE, asOf: days.at(-1)!.date };
    },
  };
}

/** The newest EFFR observation of a `{"refRates":[...]}` body (last/N.json and search.json alike). */
export function parseNyFed(body: unknown): Fetched<Rates> {
  const rates = effrRows(body);
  const newest = rates.reduce((a, b) => (b.effectiveDate > a.effectiveDate ? b : a));
  if (newest.targetRateFrom > newest.targetRateTo) throw new ProviderError(ID, 'target range upside down', 'invalid');
  return {
    value: { effr: newest.percentRate, target: [newest.targetRateFrom, newest.targetRateTo] },
    source: NYFED_SOURCE,
    asOf: newest.effectiveDate,
  };
}

/** The validated EFFR rows of a `{"refRates":[...]}` body. */
function effrRows(body: unknown): z.infer<typeof RefRate>[] {
  const parsed = Body.safeParse(body);
  if (!parsed.success) throw new ProviderError(ID, 'payload has no refRates array', 'invalid');
  const rows = parsed.data.refRates.filter((r) => (r as { type?: unknown })?.type === 'EFFR');
  if (rows.length === 0) throw new ProviderError(ID, 'no EFFR observation in the answer', 'empty');
  return rows.map((r) => {
    const row = RefRate.safeParse(r);
    if (!row.success) throw new ProviderError(ID, `malformed EFFR row: ${row.error.issues[0]?.path.join('.')} ${row.error.issues[0]?.message}`, 'invalid');
    if (row.data.targetRateFrom > row.data.targetRateTo) throw new ProviderError(ID, 'target range upside down', 'invalid');
    return row.data;
  });
}
