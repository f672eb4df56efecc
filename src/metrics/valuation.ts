/** Valuation gaps from curated research figures. */
import { valuationGap } from '../analytics/valuation.ts';
import { round } from '../format.ts';
import type { MarketData, Provenance } from '../market/types.ts';

export interface ValuationResult {
  forwardPE: { small: number; large: number; gapPct: number };
  evEbitda: { premiumPct: number; medianPct: number };
  provenance: { forwardPE: Provenance; evEbitda: Provenance };
}

export async function computeValuation(market: MarketData): Promise<ValuationResult> {
  const [peSmall, peLarge, premium, median] = await Promise.all([
    market.curated('valuation.forward_pe.small'),
    market.curated('valuation.forward_pe.large'),
    market.curated('valuation.ev_ebitda.premium'),
    market.curated('valuation.ev_ebitda.median_10y'),
  ]);
  return {
    forwardPE: { small: peSmall.value, large: peLarge.value, gapPct: valuationGap(peSmall.value, peLarge.value) },
    evEbitda: { premiumPct: premium.value, medianPct: median.value },
    provenance: { forwardPE: peSmall.provenance, evEbitda: premium.provenance },
  };
}

/** The machine-readable `data` of a valuation answer (DESIGN.md contract). */
/** The valuation command's `data` (DESIGN.md contract). */
export type ValuationData = ReturnType<typeof valuationJson>;

export function valuationJson(v: ValuationResult) {
  return {
    forwardPE: { small: v.forwardPE.small, large: v.forwardPE.large, gapPct: round(v.forwardPE.gapPct) },
    evEbitda: { premiumPct: v.evEbitda.premiumPct, medianPct: v.evEbitda.medianPct },
  };
}
