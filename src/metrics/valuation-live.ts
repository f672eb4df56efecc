/**
 * Live fund valuation, like with like: a gap only between two figures of the same kind (trailing P/E),
 * from the same issuer and basis (its methodology), dated within a week of each other. The gap's date is
 * the older of the two; its history is its own once enough observations are stored.
 */
import { daysApart, gapSeries, MIN_OWN_HISTORY, olderDate, valuationGap, versusOwnHistory, type OwnHistory } from '../analytics/valuation.ts';
import type { MarketData } from '../market/types.ts';
import type { LiveFigure } from '../market/valuation/service.ts';

export interface LiveSide {
  fund: string;
  index: string;
  value: number;
  asOf: string;
  stale: boolean;
  /** From the stored history: the issuer could not be read now. */
  stored: boolean;
  provider: string;
  source: string;
}

export interface TrailingGap {
  small: LiveSide;
  large: LiveSide;
  gapPct: number;
  /** The older of the two figures' dates. */
  asOf: string;
  source: string;
  stale: boolean;
  history: OwnHistory;
}

export interface LiveValuation {
  trailingPE: TrailingGap | null;
  /** The S&P 500's forward (FY1) P/E as its issuer publishes it, shown beside the published research figure. */
  forwardLarge: LiveSide | null;
  /** Why there is no live gap, when there is none. */
  note: string | null;
}

const SMALL = [
  { fund: 'IWM', index: 'Russell 2000' },
  { fund: 'IJR', index: 'S&P 600' },
];
const LARGE = [
  { fund: 'IVV', index: 'S&P 500' },
  { fund: 'SPY', index: 'S&P 500' },
];
const MAX_DAYS_APART = 7;

const side = (f: LiveFigure, index: string): LiveSide => ({
  fund: f.fund,
  index,
  value: f.value,
  asOf: f.asOf,
  stale: f.stale,
  stored: f.stored,
  provider: f.provider,
  source: f.source,
});

export async function computeLiveValuation(market: MarketData): Promise<LiveValuation> {
  if (!market.fundValuation) return { trailingPE: null, forwardLarge: null, note: null };
  const { figures, errors } = await market.fundValuation();
  const trailing = (fund: string) => figures.filter((f) => f.fund === fund && f.metric === 'pe_trailing' && f.value > 0);

  let pair: { small: LiveSide; large: LiveSide; basis: string } | null = null;
  search: for (const s of SMALL) {
    for (const sf of trailing(s.fund)) {
      for (const l of LARGE) {
        const lf = trailing(l.fund).find((f) => f.provider === sf.provider && f.basis === sf.basis && daysApart(f.asOf, sf.asOf) <= MAX_DAYS_APART);
        if (lf) {
          pair = { small: side(sf, s.index), large: side(lf, l.index), basis: sf.basis };
          break search;
        }
      }
    }
  }

  const forward = figures.filter((f) => f.fund === 'SPY' && f.metric === 'pe_forward').sort((a, b) => (a.basis === 'index' ? -1 : b.basis === 'index' ? 1 : 0))[0];
  const forwardLarge = forward ? side(forward, 'S&P 500') : null;

  if (!pair) {
    const note = figures.length === 0 ? (errors.length > 0 ? 'no issuer page could be read and none is stored' : 'no issuer figures are stored') : 'no small- and large-cap trailing P/E from one issuer within a week of each other';
    return { trailingPE: null, forwardLarge, note };
  }
  const { small, large } = pair;
  const gapPct = valuationGap(small.value, large.value);
  let history: OwnHistory = { enough: false, observations: 0, from: null, to: null, needed: MIN_OWN_HISTORY };
  if (market.valuationSeries) {
    const key = (fund: string) => ({ provider: small.provider, fund, metric: 'pe_trailing' as const, basis: pair.basis === 'index' ? ('index' as const) : ('fund' as const) });
    const [ss, ls] = await Promise.all([market.valuationSeries(key(small.fund)), market.valuationSeries(key(large.fund))]);
    history = versusOwnHistory(gapSeries(ss, ls), gapPct);
  }
  return {
    trailingPE: { small, large, gapPct, asOf: olderDate(small.asOf, large.asOf), source: small.source, stale: small.stale || large.stale, history },
    forwardLarge,
    note: null,
  };
}
