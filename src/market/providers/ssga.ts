/**
 * SSGA's SPY page (`/us/en/intermediary/etfs/spdr-sp-500-etf-trust-spy`): the "Fund Characteristics" and
 * "Index Characteristics" sections (`section > h2.comp-title` with `span.date` "as of Aug 28 2026", rows of
 * `table.tb-keyvalue`: `th.label` and `td.data`). Read: Price/Earnings Ratio FY1 (forward) of the fund and of
 * the index, the index's trailing Price/Earnings, the fund's Price/Book Ratio. Evidence in
 * test/fixtures/issuers/README.md.
 */
// The slim build parses with htmlparser2 and leaves out parse5 and undici (about 18 MB less resident memory).
import * as cheerio from 'cheerio/slim';
import { z } from 'zod';
import { getText, looksLikeHtml, type Http } from '../http.ts';
import { ProviderError } from '../types.ts';
import { issuerDate, issuerNumber } from '../valuation/issuer-dates.ts';
import type { FundFigure, IssuerPage, ValuationBasis, ValuationMetric } from '../valuation/types.ts';

export const SSGA_SOURCE = 'SSGA (State Street) SPY characteristics';
const ID = 'ssga';

export const SSGA_FUNDS: Record<string, { path: string }> = {
  SPY: { path: '/us/en/intermediary/etfs/spdr-sp-500-etf-trust-spy' },
};

/** Which rows of which section are read, and what they are. */
const READ: Array<{ section: string; label: string; metric: ValuationMetric; basis: ValuationBasis }> = [
  { section: 'Index Characteristics', label: 'Price/Earnings', metric: 'pe_trailing', basis: 'index' },
  { section: 'Index Characteristics', label: 'Price/Earnings Ratio FY1', metric: 'pe_forward', basis: 'index' },
  { section: 'Fund Characteristics', label: 'Price/Earnings Ratio FY1', metric: 'pe_forward', basis: 'fund' },
  { section: 'Fund Characteristics', label: 'Price/Book Ratio', metric: 'pb', basis: 'fund' },
];

const Figure = z.object({ value: z.number().positive().max(1000), asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) });

export interface SsgaOptions {
  baseUrl: string;
  http: Http;
}

export interface SsgaProvider {
  readonly id: string;
  fundPage(fund: string): Promise<IssuerPage>;
}

export function createSsgaProvider(opts: SsgaOptions): SsgaProvider {
  const base = opts.baseUrl.replace(/\/+$/, '');
  return {
    id: ID,
    async fundPage(fund) {
      const known = SSGA_FUNDS[fund];
      if (!known) throw new ProviderError(ID, `no SSGA fund page known for ${fund}`, 'not_found');
      const res = await getText(opts.http, ID, `${base}${known.path}`);
      if (res.status === 404) throw new ProviderError(ID, `fund page of ${fund} not found (HTTP 404)`, 'not_found');
      if (res.body.trim() === '') throw new ProviderError(ID, `empty fund page for ${fund}`, 'empty');
      if (!looksLikeHtml(res.body, res.contentType)) throw new ProviderError(ID, `fund page of ${fund} is not HTML`, 'invalid');
      return { fund, figures: parseSsgaPage(res.body, fund) };
    },
  };
}

interface Section {
  date: string | null;
  rows: Map<string, string>;
}

/** The characteristics sections of the page, by title. */
function sections(html: string): Map<string, Section> {
  const $ = cheerio.load(html);
  const out = new Map<string, Section>();
  $('section').each((_, el) => {
    const heading = $(el).find('h2').first();
    if (heading.length === 0) return;
    const date = issuerDate(heading.find('.date').first().text());
    const title = heading.clone().children().remove().end().text().replace(/\s+/g, ' ').trim();
    const rows = new Map<string, string>();
    $(el)
      .find('tr')
      .each((_, tr) => {
        const th = $(tr).find('th').first();
        // The label is the header's own text; its info bubble (span.info) repeats it with an explanation.
        const label = th.clone().children().remove().end().text().replace(/\s+/g, ' ').trim();
        const value = $(tr).find('td.data, td').first().text().trim();
        if (label && !rows.has(label)) rows.set(label, value);
      });
    if (!out.has(title)) out.set(title, { date, rows });
  });
  return out;
}

export function parseSsgaPage(html: string, fund: string): FundFigure[] {
  const found = sections(html);
  const figures: FundFigure[] = [];
  for (const r of READ) {
    const section = found.get(r.section);
    const raw = section?.rows.get(r.label);
    if (!section || raw === undefined) continue;
    const parsed = Figure.safeParse({ value: issuerNumber(raw), asOf: section.date });
    // "-" is how SSGA prints a figure it does not have: skip it; anything else unreadable is a changed page.
    if (!parsed.success) {
      if (raw.trim() === '-' || raw.trim() === '') continue;
      throw new ProviderError(ID, `unreadable "${r.label}" in ${r.section} of ${fund}: "${raw}" (date ${section.date ?? 'missing'})`, 'invalid');
    }
    figures.push({ fund, metric: r.metric, basis: r.basis, value: parsed.data.value, asOf: parsed.data.asOf, provider: ID, source: SSGA_SOURCE });
  }
  if (!figures.some((f) => f.metric === 'pe_trailing' || f.metric === 'pe_forward')) {
    throw new ProviderError(ID, `no P/E in the characteristics of ${fund}'s page; the page layout may have changed`, 'invalid');
  }
  return figures;
}
