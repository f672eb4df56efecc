/** Footer entries of a valuation answer: every figure with its own source and date. */
import type { Provenance } from '../market/types.ts';
import type { SourceRef } from '../reply.ts';
import { sourceRef, uniqueSources } from './sources.ts';
import type { ValuationResult } from './valuation.ts';
import type { LiveSide } from './valuation-live.ts';

const label = (s: LiveSide) => `${s.index} (${s.fund})`;

/** A live figure as a footer entry: the issuer, its own date; stored figures are fallbacks, stale. */
function liveRef(what: string, s: LiveSide): SourceRef {
  const p: Provenance = { source: s.source, provider: s.provider, asOf: s.asOf, stale: s.stale, fallback: s.stored, snapshot: false };
  return sourceRef(s.stored ? `${what}, last stored` : what, p);
}

export function valuationSources(v: ValuationResult): SourceRef[] {
  const p = v.provenance;
  const t = v.live.trailingPE;
  return uniqueSources([
    ...(t ? [liveRef(`Trailing P/E, ${label(t.small)}`, t.small), liveRef(`Trailing P/E, ${label(t.large)}`, t.large)] : []),
    ...(v.live.forwardLarge ? [liveRef(`Forward P/E (FY1), ${label(v.live.forwardLarge)}`, v.live.forwardLarge)] : []),
    sourceRef('Forward P/E, Russell 2000', p.forwardPESmall),
    sourceRef('Forward P/E, S&P 500', p.forwardPELarge),
    sourceRef('EV/EBITDA premium', p.evEbitda),
    sourceRef('EV/EBITDA 10-year median (published)', p.evEbitdaMedian),
  ]);
}

