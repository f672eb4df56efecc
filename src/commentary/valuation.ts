/** Sentences about valuation gaps and how they compare with history. */
import { versusHistory } from '../analytics/valuation.ts';
import { multiple, pct } from '../format.ts';

export function gapWord(gapPct: number): 'discount' | 'premium' | 'parity' {
  if (Math.round(gapPct) === 0) return 'parity';
  return gapPct < 0 ? 'discount' : 'premium';
}

/** How a current figure compares with its historical median, in words. */
export function versusMedianWords(current: number, median: number): string {
  const ratio = versusHistory(current, median).ratioToMedian;
  if (ratio !== null) {
    if (ratio < 0.5) return 'less than half';
    if (ratio > 2) return 'more than twice';
    if (Math.abs(ratio - 1) <= 0.1) return 'close to';
    return ratio < 1 ? 'below' : 'above';
  }
  return current < median ? 'below' : current > median ? 'above' : 'in line with';
}

export interface ForwardPeFacts {
  smallLabel: string;
  largeLabel: string;
  small: number;
  large: number;
  gapPct: number;
}

export function forwardPeSentence(f: ForwardPeFacts): string {
  const word = gapWord(f.gapPct);
  const tail = word === 'parity' ? 'about level' : `a ${pct(Math.abs(f.gapPct), { signed: false, digits: 0 })} ${word}`;
  return `${f.smallLabel} trades at ${multiple(f.small)} forward earnings against ${multiple(f.large)} for ${f.largeLabel}, ${tail}.`;
}

export interface EvEbitdaFacts {
  premiumPct: number;
  medianPct: number;
  comparedWith: string;
}

export function evEbitdaSentence(f: EvEbitdaFacts): string {
  const word = f.premiumPct >= 0 ? 'premium' : 'discount';
  const words = versusMedianWords(f.premiumPct, f.medianPct);
  const median = `its 10-year median of ${pct(f.medianPct, { signed: false })}`;
  return `Its EV/EBITDA ${word} over ${f.comparedWith} is ${pct(Math.abs(f.premiumPct), { signed: false })}, ${words} ${median}.`;
}
