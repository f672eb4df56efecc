/** Sentences for figures as published (curated), where the wording must follow the source. */
import { countWord, pct } from '../format.ts';

/** "Markets priced close to three Fed cuts by the end of 2025." */
export function publishedCutsSentence(cuts: number, horizon: string): string {
  const word = countWord(Math.round(cuts));
  return `Markets priced close to ${word} Fed cut${Math.round(cuts) === 1 ? '' : 's'} by ${horizon}.`;
}

export interface EarningsFacts {
  smallGrowth: number;
  largeGrowth: number;
  year: string;
  q2Eps?: number;
  q2Sales?: number;
}

export function earningsSentences(f: EarningsFacts): string {
  const faster = f.smallGrowth - f.largeGrowth;
  const lead = `Small-cap EPS is projected to grow ${pct(f.smallGrowth, { signed: false })} in ${f.year} against ${pct(f.largeGrowth, { signed: false })} for the S&P 500, ${faster >= 0 ? 'a lead' : 'a gap'} of ${Math.abs(faster).toFixed(1)} pp.`;
  if (f.q2Eps === undefined) return lead;
  const sales =
    f.q2Sales === undefined ? '' : ` while sales ${f.q2Sales < 0 ? 'fell' : 'rose'} ${pct(Math.abs(f.q2Sales), { signed: false })}`;
  return `${lead} In Q2, small-cap EPS ${f.q2Eps >= 0 ? 'rose' : 'fell'} ${pct(Math.abs(f.q2Eps), { signed: false })} year over year${sales}.`;
}
