/**
 * iShares product pages (`/us/products/<id>/<slug>`): the fund's P/E and P/B ratios with their "as of" dates.
 * The markup has changed over time; every variant seen in public parsers is read (evidence in
 * test/fixtures/issuers/README.md):
 *   - `div.product-data-item.col-priceEarnings` with `.caption`, `.as-of-date` and `.data` (also the older
 *     `div.col-priceEarnings > span.data` / `span.as-of-date`);
 *   - `tr.data-item.col-priceEarnings` rows (`th.caption`, `td.data`), the date in an `.as-of-date` after the table;
 *   - component data embedded as JSON (`walrus-render-on-client[componentprops]`): objects named `priceEarnings`
 *     with `formattedValue` and `formattedAsOfDate`.
 */
// The slim build parses with htmlparser2 and leaves out parse5 and undici (about 18 MB less resident memory).
import * as cheerio from 'cheerio/slim';
import { z } from 'zod';
import { getText, looksLikeHtml, type Http } from '../http.ts';
import { ProviderError } from '../types.ts';
import { issuerDate, issuerNumber } from '../valuation/issuer-dates.ts';
import type { FundFigure, IssuerPage, ValuationMetric } from '../valuation/types.ts';

export const ISHARES_SOURCE = 'iShares fund characteristics';
const ID = 'ishares';

/** The funds read from iShares, by ticker: product id and URL slug. */
export const ISHARES_FUNDS: Record<string, { id: string; slug: string; name: string }> = {
  IWM: { id: '239710', slug: 'ishares-russell-2000-etf', name: 'iShares Russell 2000 ETF' },
  IJR: { id: '239774', slug: 'ishares-core-sp-smallcap-etf', name: 'iShares Core S&P Small-Cap ETF' },
  IVV: { id: '239726', slug: 'ishares-core-sp-500-etf', name: 'iShares Core S&P 500 ETF' },
};

const COLUMNS: Record<string, ValuationMetric> = { priceEarnings: 'pe_trailing', priceBook: 'pb' };

const Figure = z.object({
  value: z.number().positive().max(1000),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});

export interface ISharesOptions {
  baseUrl: string;
  http: Http;
}

export interface ISharesProvider {
  readonly id: string;
  fundPage(fund: string): Promise<IssuerPage>;
}

export function createISharesProvider(opts: ISharesOptions): ISharesProvider {
  const base = opts.baseUrl.replace(/\/+$/, '');
  return {
    id: ID,
    async fundPage(fund) {
      const known = ISHARES_FUNDS[fund];
      if (!known) throw new ProviderError(ID, `no iShares product page known for ${fund}`, 'not_found');
      const res = await getText(opts.http, ID, `${base}/us/products/${known.id}/${known.slug}`);
      if (res.status === 404) throw new ProviderError(ID, `product page of ${fund} not found (HTTP 404)`, 'not_found');
      if (res.body.trim() === '') throw new ProviderError(ID, `empty product page for ${fund}`, 'empty');
      if (!looksLikeHtml(res.body, res.contentType)) throw new ProviderError(ID, `product page of ${fund} is not HTML`, 'invalid');
      return { fund, figures: parseISharesPage(res.body, fund) };
    },
  };
}

/** Every P/E and P/B figure the page carries; throws when there is none or two variants disagree. */
export function parseISharesPage(html: string, fund: string): FundFigure[] {
  const $ = cheerio.load(html);
  const found = new Map<ValuationMetric, { value: number; asOf: string }>();
  const add = (metric: ValuationMetric, rawValue: string | null | undefined, rawDate: string | null | undefined) => {
    const parsed = Figure.safeParse({ value: issuerNumber(rawValue), asOf: issuerDate(rawDate) });
    if (!parsed.success) {
      throw new ProviderError(ID, `unreadable ${metric} for ${fund}: value "${rawValue ?? ''}", date "${rawDate ?? ''}"`, 'invalid');
    }
    const before = found.get(metric);
    if (before && (before.value !== parsed.data.value || before.asOf !== parsed.data.asOf)) {
      throw new ProviderError(ID, `conflicting ${metric} for ${fund} on one page (${before.value} vs ${parsed.data.value})`, 'invalid');
    }
    found.set(metric, parsed.data);
  };

  for (const [column, metric] of Object.entries(COLUMNS)) {
    $(`.col-${column}`).each((_, el) => {
      const item = $(el);
      const value = item.find('.data').first().text();
      if (value.trim() === '') return;
      // Older and div layouts keep the date inside the item; the table layout prints one after the table.
      let date = item.find('.as-of-date').first().text();
      if (date.trim() === '') date = item.closest('table').nextAll('.as-of-date').first().text();
      if (date.trim() === '') date = $('.as-of-date').first().text();
      add(metric, value, date);
    });
  }

  $('walrus-render-on-client[componentprops]').each((_, el) => {
    let payload: unknown;
    try {
      payload = JSON.parse($(el).attr('componentprops') ?? '');
    } catch {
      return;
    }
    for (const obj of objects(payload)) {
      // A data point is named by its `name` field or by the key it sits under.
      const named = typeof obj.name === 'string' && COLUMNS[obj.name] ? [[obj.name, obj] as const] : [];
      const keyed = Object.entries(obj).filter(([k, v]) => COLUMNS[k] && v !== null && typeof v === 'object' && 'formattedValue' in v);
      for (const [name, point] of [...named, ...keyed]) {
        const p = point as Record<string, unknown>;
        if (p.visible === false) continue;
        const date = typeof p.formattedAsOfDate === 'string' ? p.formattedAsOfDate : typeof p.asOfDate === 'string' ? p.asOfDate : undefined;
        add(COLUMNS[name]!, typeof p.formattedValue === 'string' ? p.formattedValue : undefined, date);
      }
    }
  });

  if (!found.has('pe_trailing')) throw new ProviderError(ID, `no P/E ratio on the product page of ${fund}; the page layout may have changed`, 'invalid');
  return [...found].map(([metric, f]) => ({ fund, metric, basis: 'fund' as const, value: f.value, asOf: f.asOf, provider: ID, source: ISHARES_SOURCE }));
}

function* objects(value: unknown): Generator<Record<string, unknown>> {
  if (Array.isArray(value)) {
    for (const v of value) yield* objects(v);
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    yield record;
    for (const v of Object.values(record)) yield* objects(v);
  }
}
