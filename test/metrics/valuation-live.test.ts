import { describe, expect, it } from 'vitest';
import { createSnapshotMarketData } from '../../src/market/snapshot.ts';
import type { MarketData } from '../../src/market/types.ts';
import { MemoryValuationHistory } from '../../src/market/valuation/history.ts';
import type { LiveFigure } from '../../src/market/valuation/service.ts';
import type { FundFigure } from '../../src/market/valuation/types.ts';
import { computeValuation, valuationJson } from '../../src/metrics/valuation.ts';

const NOW = new Date('2026-11-30T21:00:00Z');
const figure = (fund: string, provider: string, value: number, asOf = '2026-11-25', basis: 'fund' | 'index' = 'fund'): LiveFigure => ({
  fund,
  metric: 'pe_trailing',
  basis,
  value,
  asOf,
  provider,
  source: provider === 'ishares' ? 'iShares fund characteristics' : 'SSGA (State Street) SPY characteristics',
  stale: false,
  stored: false,
});

async function market(figures: LiveFigure[], history = new MemoryValuationHistory()): Promise<MarketData> {
  const base = createSnapshotMarketData(() => NOW);
  return { ...base, fundValuation: async () => ({ figures, errors: [] }), valuationSeries: (key) => history.series(key, NOW) };
}

describe('live valuation, like with like', () => {
  it('pairs only figures of one issuer and basis: iShares IWM is not set against SSGA SPY', async () => {
    const v = await computeValuation(await market([figure('IWM', 'ishares', 18.02), figure('SPY', 'ssga', 27.95, '2026-11-25', 'index')]));
    expect(v.live.trailingPE).toBeNull();
    expect(v.live.note).toMatch(/one issuer within a week/);
  });

  it('pairs figures dated within a week, dated by the older one; falls back to IJR when IWM is missing', async () => {
    const v = await computeValuation(await market([figure('IJR', 'ishares', 16.84, '2026-11-20'), figure('IVV', 'ishares', 27.61, '2026-11-25')]));
    expect(v.live.trailingPE).toMatchObject({ small: { fund: 'IJR', index: 'S&P 600' }, large: { fund: 'IVV' }, asOf: '2026-11-20' });
    const apart = await computeValuation(await market([figure('IWM', 'ishares', 18, '2026-11-10'), figure('IVV', 'ishares', 27.61, '2026-11-25')]));
    expect(apart.live.trailingPE).toBeNull();
  });

  it('judges the gap against its own history once 250 observations are stored, and says the span', async () => {
    const history = new MemoryValuationHistory();
    const days: FundFigure[] = [];
    for (let i = 0; i < 260; i += 1) {
      const asOf = new Date(Date.UTC(2025, 10, 3) + i * 86_400_000).toISOString().slice(0, 10);
      days.push({ ...figure('IWM', 'ishares', 17 + (i % 10) / 10, asOf) }, { ...figure('IVV', 'ishares', 26, asOf) });
    }
    await history.record(days, 'x');
    const v = await computeValuation(await market([figure('IWM', 'ishares', 18.02), figure('IVV', 'ishares', 27.61)], history));
    const json = valuationJson(v);
    expect(json.trailingPE?.history).toMatchObject({ basis: 'own', observations: 260, from: '2025-11-03', to: '2026-07-20' });
    const few = await computeValuation(await market([figure('IWM', 'ishares', 18.02), figure('IVV', 'ishares', 27.61)]));
    expect(valuationJson(few).trailingPE?.history).toMatchObject({ basis: 'published', observations: 0, needed: 250 });
  });
});
