/** Sentences for figures as published (curated), where the wording must follow the source. */
import { countWord, pct } from '../format.ts';
import { longDate, type Dated } from './valuation.ts';

/** "Markets priced close to three Fed cuts by the end of 2025." */
export function publishedCutsSentence(cuts: number, horizon: string): string {
  const word = countWord(Math.round(cuts));
  return `Markets priced close to ${word} Fed cut${Math.round(cuts) === 1 ? '' : 's'} by ${horizon}.`;
}

export interface EarningsFacts extends Dated {
  smallGrowth: number;
  largeGrowth: number;
  /** The fiscal year the projection is for, e.g. "2026". */
  year: string;
  /** The quarter reported on, e.g. "Q2 2025", with its EPS and sales growth. */
  quarter?: string;
  quarterEps?: number;
  quarterSales?: number;
}

/** A projection read in the present while fresh; an older one states its date, in the past tense. */
export function earningsSentences(f: EarningsFacts): string {
  const faster = f.smallGrowth - f.largeGrowth;
  const what = `${pct(f.smallGrowth, { signed: false })} in ${f.year} against ${pct(f.largeGrowth, { signed: false })} for the S&P 500, ${faster >= 0 ? 'a lead' : 'a gap'} of ${Math.abs(faster).toFixed(1)} pp.`;
  const lead =
    f.fresh === false && f.asOf ? `As of ${longDate(f.asOf)}, small-cap EPS was projected to grow ${what}` : `Small-cap EPS is projected to grow ${what}`;
  if (f.quarterEps === undefined) return lead;
  const sales =
    f.quarterSales === undefined ? '' : ` while sales ${f.quarterSales < 0 ? 'fell' : 'rose'} ${pct(Math.abs(f.quarterSales), { signed: false })}`;
  return `${lead} In ${f.quarter ?? 'the last quarter'}, small-cap EPS ${f.quarterEps >= 0 ? 'rose' : 'fell'} ${pct(Math.abs(f.quarterEps), { signed: false })} year over year${sales}.`;
}
