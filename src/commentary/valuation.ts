/**
 * Sentences about valuation gaps and how they compare with history. Tense follows the data: a figure within
 * its freshness rule reads in the present; an older one states its date and reads in the past.
 */
import { DateTime } from 'luxon';
import { versusHistory } from '../analytics/valuation.ts';
import type { OwnHistory } from '../analytics/valuation.ts';
import { multiple, pct } from '../format.ts';

export function gapWord(gapPct: number): 'discount' | 'premium' | 'parity' {
  if (Math.round(gapPct) === 0) return 'parity';
  return gapPct < 0 ? 'discount' : 'premium';
}

/** "Aug 28, 2025". */
export function longDate(iso: string): string {
  return DateTime.fromISO(iso.slice(0, 10), { zone: 'UTC' }).toFormat('LLL d, yyyy');
}

/** When a figure is not fresh, the date it is from. */
export interface Dated {
  /** The figure's own date (for a gap: the older of its two). */
  asOf?: string;
  /** False when older than its freshness rule: the sentence then states the date, in the past tense. */
  fresh?: boolean;
}

const old = (d: Dated): d is Dated & { asOf: string } => d.fresh === false && d.asOf !== undefined;

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

export interface ForwardPeFacts extends Dated {
  smallLabel: string;
  largeLabel: string;
  small: number;
  large: number;
  gapPct: number;
}

function gapTail(gapPct: number): string {
  const word = gapWord(gapPct);
  return word === 'parity' ? 'about level' : `a ${pct(Math.abs(gapPct), { signed: false, digits: 0 })} ${word}`;
}

/** Lower-cases a leading "The" when the subject no longer starts the sentence. */
const midSentence = (label: string) => label.replace(/^The /, 'the ');

export function forwardPeSentence(f: ForwardPeFacts): string {
  const what = `${multiple(f.small)} forward earnings against ${multiple(f.large)} for ${f.largeLabel}, ${gapTail(f.gapPct)}`;
  if (old(f)) return `As of ${longDate(f.asOf)}, ${midSentence(f.smallLabel)} traded at ${what}.`;
  return `${f.smallLabel} trades at ${what}.`;
}

export interface EvEbitdaFacts extends Dated {
  premiumPct: number;
  medianPct: number;
  comparedWith: string;
  /** "published" when the median is a curated research figure rather than our own history. */
  medianKind?: string;
}

export function evEbitdaSentence(f: EvEbitdaFacts): string {
  const word = f.premiumPct >= 0 ? 'premium' : 'discount';
  const words = versusMedianWords(f.premiumPct, f.medianPct);
  const median = `its ${f.medianKind ? `${f.medianKind} ` : ''}10-year median of ${pct(f.medianPct, { signed: false })}`;
  const size = pct(Math.abs(f.premiumPct), { signed: false });
  if (old(f)) return `As of ${longDate(f.asOf)}, its EV/EBITDA ${word} over ${f.comparedWith} was ${size}, ${words} ${median}.`;
  return `Its EV/EBITDA ${word} over ${f.comparedWith} is ${size}, ${words} ${median}.`;
}

export interface TrailingPeFacts extends Dated {
  smallLabel: string;
  largeLabel: string;
  small: number;
  large: number;
  gapPct: number;
  /** e.g. "iShares fund data". */
  sourceWords: string;
  history: OwnHistory;
}

/** The gap against its own stored history, when long enough: "below its median of -30% over 260 observations since …". */
function ownHistoryClause(gapPct: number, h: OwnHistory): string {
  if (!h.enough) return '';
  const where = gapPct < h.medianPct ? 'below' : gapPct > h.medianPct ? 'above' : 'at';
  const span = `${h.observations} observations since ${longDate(h.from)}`;
  return `, ${where} its own median of ${pct(h.medianPct)} over ${span} (${ordinal(Math.round(h.percentile))} percentile)`;
}

export function trailingPeSentence(f: TrailingPeFacts): string {
  const what = `${multiple(f.small)} trailing earnings against ${multiple(f.large)} for ${f.largeLabel}, ${gapTail(f.gapPct)}${ownHistoryClause(f.gapPct, f.history)}`;
  if (old(f)) return `As of ${longDate(f.asOf)} (${f.sourceWords}), ${midSentence(f.smallLabel)} traded at ${what}.`;
  return `On ${f.sourceWords}${f.asOf ? ` as of ${longDate(f.asOf)}` : ''}, ${midSentence(f.smallLabel)} trades at ${what}.`;
}

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}
