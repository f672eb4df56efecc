/**
 * FRED: target range (DFEDTARL/DFEDTARU) and the effective rate (EFFR). Keyless through the fredgraph CSV
 * download; with an API key through series/observations JSON.
 */
import { z } from 'zod';
import { getText, looksLikeHtml, parseJson, type Http } from '../http.ts';
import { ProviderError } from '../types.ts';
import type { Fetched, PolicyDay, Rates, RatesProvider } from './provider.ts';

export const FRED_SOURCE = 'FRED, Federal Reserve Bank of St. Louis';
const ID = 'fred';

export interface Observation {
  date: string;
  value: number;
}

export interface FredOptions {
  /** fredgraph host, e.g. https://fred.stlouisfed.org */
  baseUrl: string;
  /** API host, e.g. https://api.stlouisfed.org (defaults to baseUrl). */
  apiBaseUrl?: string;
  apiKey?: string;
  http: Http;
}

const ApiBody = z.object({
  observations: z.array(z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), value: z.string() })),
});

export function createFredProvider(opts: FredOptions): RatesProvider {
  const base = opts.baseUrl.replace(/\/+$/, '');
  const apiBase = (opts.apiBaseUrl ?? opts.baseUrl).replace(/\/+$/, '');

  async function series(id: string, today: Date, from?: string): Promise<Observation[]> {
    const since = from ?? new Date(today.getTime() - 45 * 86_400_000).toISOString().slice(0, 10);
    const until: Record<string, string> = from === undefined ? {} : { coed: today.toISOString().slice(0, 10) };
    if (opts.apiKey) {
      const res = await getText(opts.http, ID, `${apiBase}/fred/series/observations`, {
        series_id: id,
        api_key: opts.apiKey,
        file_type: 'json',
        observation_start: since,
        ...(from === undefined ? {} : { observation_end: today.toISOString().slice(0, 10) }),
      });
      if (res.status === 404) throw new ProviderError(ID, `series ${id} not found`, 'not_found');
      return parseFredJson(parseJson(ID, res), id);
    }
    const res = await getText(opts.http, ID, `${base}/graph/fredgraph.csv`, { id, cosd: since, ...until });
    if (res.status === 404) throw new ProviderError(ID, `series ${id} not found`, 'not_found');
    return parseFredCsv(res.body, id, res.contentType);
  }

  return {
    id: ID,
    async policyRates(today): Promise<Fetched<Rates>> {
      const [upper, lower, effr] = await Promise.all([series('DFEDTARU', today), series('DFEDTARL', today), series('EFFR', today)]);
      const hi = upper.at(-1);
      const lo = lower.at(-1);
      if (!hi || !lo) throw new ProviderError(ID, 'no target range observation', 'empty');
      if (lo.value > hi.value) throw new ProviderError(ID, 'target range upside down', 'invalid');
      const e = effr.at(-1);
      return {
        value: { effr: e?.value ?? null, target: [lo.value, hi.value] },
        source: FRED_SOURCE,
        asOf: e && e.date > hi.date ? e.date : hi.date,
      };
    },

    /** DFEDTARL / DFEDTARU (one row per calendar day) with EFFR where published, over [from, to]. */
    async policyHistory(from, to): Promise<Fetched<PolicyDay[]>> {
      const end = new Date(`${to}T00:00:00Z`);
      const [upper, lower, effr] = await Promise.all([series('DFEDTARU', end, from), series('DFEDTARL', end, from), series('EFFR', end, from).catch(() => [])]);
      const lo = new Map(lower.map((o) => [o.date, o.value]));
      const ef = new Map(effr.map((o) => [o.date, o.value]));
      const days: PolicyDay[] = [];
      for (const hi of upper) {
        const l = lo.get(hi.date);
        if (l === undefined || hi.date < from || hi.date > to) continue;
        if (l > hi.value) throw new ProviderError(ID, `target range upside down on ${hi.date}`, 'invalid');
        days.push({ date: hi.date, lower: l, upper: hi.value, effr: ef.get(hi.date) ?? null });
      }
      if (days.length === 0) throw new ProviderError(ID, `no target range observation from ${from} to ${to}`, 'empty');
      return { value: days, source: FRED_SOURCE, asOf: days.at(-1)!.date };
    },
  };
}

/**
 * Parse fredgraph CSV (`observation_date,<ID>`, empty value on holidays) or its legacy form (`DATE,<ID>`, `.` for missing).
 * Missing values are dropped; anything else unreadable is rejected.
 */
export function parseFredCsv(body: string, id: string, contentType = ''): Observation[] {
  if (looksLikeHtml(body, contentType)) throw new ProviderError(ID, `answered with an HTML page for ${id}`, 'invalid');
  const lines = body.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  const header = lines[0]?.split(',').map((h) => h.trim()) ?? [];
  if (header.length !== 2 || !/^(observation_date|DATE)$/i.test(header[0]!) || header[1]!.toUpperCase() !== id.toUpperCase()) {
    throw new ProviderError(ID, `not a FRED CSV for ${id} (header "${(lines[0] ?? '').slice(0, 60)}")`, 'invalid');
  }
  const out: Observation[] = [];
  for (const [i, line] of lines.slice(1).entries()) {
    if (line.trim() === '') continue;
    const [date, raw] = line.split(',').map((c) => c.trim());
    if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new ProviderError(ID, `malformed row ${i + 2} of ${id}`, 'invalid');
    if (raw === undefined || raw === '' || raw === '.') continue;
    const value = Number(raw);
    if (!Number.isFinite(value)) throw new ProviderError(ID, `malformed value "${raw}" in row ${i + 2} of ${id}`, 'invalid');
    out.push({ date, value });
  }
  if (out.length === 0) throw new ProviderError(ID, `no observations for ${id}`, 'empty');
  return out.sort((a, b) => (a.date < b.date ? -1 : 1));
}

/** Parse FRED API series/observations JSON; values are strings, "." for missing. */
export function parseFredJson(body: unknown, id: string): Observation[] {
  const errorMessage = (body as { error_message?: unknown } | null)?.error_message;
  if (typeof errorMessage === 'string') throw new ProviderError(ID, `${id}: ${errorMessage}`, 'invalid');
  const parsed = ApiBody.safeParse(body);
  if (!parsed.success) throw new ProviderError(ID, `unexpected observations payload for ${id}`, 'invalid');
  const out: Observation[] = [];
  for (const o of parsed.data.observations) {
    if (o.value === '.' || o.value === '') continue;
    const value = Number(o.value);
    if (!Number.isFinite(value)) throw new ProviderError(ID, `malformed value "${o.value}" on ${o.date} for ${id}`, 'invalid');
    out.push({ date: o.date, value });
  }
  if (out.length === 0) throw new ProviderError(ID, `no observations for ${id}`, 'empty');
  return out.sort((a, b) => (a.date < b.date ? -1 : 1));
}
