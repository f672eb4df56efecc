/**
 * Valuation gaps: the published research figures (curated, each side with its own date and source) and the
 * issuers' live fund data beside them, never mixed into one gap.
 */
import { olderDate, valuationGap } from '../analytics/valuation.ts';
import { round } from '../format.ts';
import { ProviderError, type MarketData, type Provenance } from '../market/types.ts';
import { DataUnavailableError } from './errors.ts';
import { computeLiveValuation, type LiveSide, type LiveValuation } from './valuation-live.ts';

export interface ValuationResult {
  /** Published forward P/E (research, curated); `asOf` is the older of the two figures' dates. */
  forwardPE: { small: number; large: number; gapPct: number; asOf: string };
  evEbitda: { premiumPct: number; medianPct: number };
  provenance: {
    /** The older side of the forward P/E pair (the gap is only as recent as it). */
    forwardPE: Provenance;
    forwardPESmall: Provenance;
    forwardPELarge: Provenance;
    evEbitda: Provenance;
    evEbitdaMedian: Provenance;
  };
  live: LiveValuation;
}

export async function computeValuation(market: MarketData): Promise<ValuationResult> {
  const [peSmall, peLarge, premium, median, live] = await Promise.all([
    published(market, 'valuation.forward_pe.small'),
    published(market, 'valuation.forward_pe.large'),
    published(market, 'valuation.ev_ebitda.premium'),
    published(market, 'valuation.ev_ebitda.median_10y'),
    computeLiveValuation(market),
  ]);
  const older = peSmall.provenance.asOf <= peLarge.provenance.asOf ? peSmall.provenance : peLarge.provenance;
  return {
    forwardPE: { small: peSmall.value, large: peLarge.value, gapPct: valuationGap(peSmall.value, peLarge.value), asOf: olderDate(peSmall.asOf, peLarge.asOf) },
    evEbitda: { premiumPct: premium.value, medianPct: median.value },
    provenance: {
      forwardPE: { ...older, stale: peSmall.provenance.stale || peLarge.provenance.stale },
      forwardPESmall: peSmall.provenance,
      forwardPELarge: peLarge.provenance,
      evEbitda: premium.provenance,
      evEbitdaMedian: median.provenance,
    },
    live,
  };
}

/** A published figure; one that is missing (or not yet published as of now) is missing data, not a crash. */
function published(market: MarketData, key: string): ReturnType<MarketData['curated']> {
  return market.curated(key).catch((error: unknown) => {
    if (error instanceof ProviderError) throw new DataUnavailableError(`Valuation figures are not available: ${error.message.replace(/^\w+: /, '')}.`);
    throw error;
  });
}

const sideJson = (s: LiveSide) => ({ fund: s.fund, index: s.index, value: s.value, asOf: s.asOf, source: s.source, stale: s.stale, stored: s.stored });

/** The machine-readable `data` of a valuation answer (DESIGN.md contract, plus the live trailing part). */
/** The valuation command's `data` (DESIGN.md contract). */
export type ValuationData = ReturnType<typeof valuationJson>;

export function valuationJson(v: ValuationResult) {
  const t = v.live.trailingPE;
  const p = v.provenance;
  return {
    forwardPE: {
      small: v.forwardPE.small,
      large: v.forwardPE.large,
      gapPct: round(v.forwardPE.gapPct),
      asOf: v.forwardPE.asOf,
      kind: 'forward P/E, published research',
      smallSource: { source: p.forwardPESmall.source, asOf: p.forwardPESmall.asOf, stale: p.forwardPESmall.stale },
      largeSource: { source: p.forwardPELarge.source, asOf: p.forwardPELarge.asOf, stale: p.forwardPELarge.stale },
      ...(v.live.forwardLarge ? { largeLive: sideJson(v.live.forwardLarge) } : {}),
    },
    evEbitda: { premiumPct: v.evEbitda.premiumPct, medianPct: v.evEbitda.medianPct, asOf: p.evEbitda.asOf, medianKind: 'published' },
    trailingPE: t
      ? {
          small: t.small.value,
          large: t.large.value,
          gapPct: round(t.gapPct),
          source: t.source,
          asOf: t.asOf,
          stale: t.stale,
          kind: `trailing P/E, ${issuerWords(t.small)}`,
          smallFund: sideJson(t.small),
          largeFund: sideJson(t.large),
          history: t.history.enough
            ? { basis: 'own', observations: t.history.observations, from: t.history.from, to: t.history.to, medianPct: round(t.history.medianPct), percentile: round(t.history.percentile, 1) }
            : { basis: 'published', observations: t.history.observations, from: t.history.from, to: t.history.to, needed: t.history.needed },
        }
      : null,
    ...(v.live.note ? { liveNote: v.live.note } : {}),
  };
}

/** "iShares fund data" / "SSGA index data": whose methodology a live figure follows. */
export function issuerWords(s: Pick<LiveSide, 'provider'>): string {
  return s.provider === 'ishares' ? 'iShares fund data' : s.provider === 'ssga' ? 'SSGA index data' : `${s.provider} data`;
}
