import { describe, expect, it } from 'vitest';
import { MemoryValuationHistory, storeValuationHistory } from '../../../src/market/valuation/history.ts';
import type { FundFigure } from '../../../src/market/valuation/types.ts';
import { testDatabase } from '../../helpers/store.ts';

const fig = (asOf: string, value: number, fund = 'IWM'): FundFigure => ({ fund, metric: 'pe_trailing', basis: 'fund', value, asOf, provider: 'ishares', source: 'iShares fund characteristics' });
const KEY = { provider: 'ishares', fund: 'IWM', metric: 'pe_trailing', basis: 'fund' } as const;
const NOW = new Date('2026-11-26T21:00:00Z');

describe('valuation history', () => {
  it('in memory: one observation per figure and date, ascending, nothing dated after now', async () => {
    const h = new MemoryValuationHistory();
    expect(await h.record([fig('2026-11-25', 18.02), fig('2026-11-24', 17.9), fig('2026-11-30', 18.3), fig('2026-11-25', 18.02, 'IVV')], 'x')).toBe(4);
    expect(await h.record([fig('2026-11-25', 18.02)], 'x')).toBe(0);
    expect((await h.series(KEY, NOW)).map((f) => [f.asOf, f.value])).toEqual([['2026-11-24', 17.9], ['2026-11-25', 18.02]]);
  });

  it('in the store: the same, and it survives a restart', async () => {
    const db = testDatabase();
    const h = storeValuationHistory((await db.open()).valuations);
    expect(await h.record([fig('2026-11-25', 18.02), fig('2026-11-24', 17.9), fig('2026-11-30', 18.3), fig('2026-11-25', 27.61, 'IVV')], '2026-11-25T22:00:00Z')).toBe(4);
    expect(await h.record([fig('2026-11-25', 18.02), fig('2026-11-26', 18.1)], '2026-11-26T22:00:00Z')).toBe(1);
    const again = storeValuationHistory((await db.open()).valuations);
    const got = await again.series(KEY, NOW);
    expect(got.map((f) => [f.asOf, f.value])).toEqual([['2026-11-24', 17.9], ['2026-11-25', 18.02], ['2026-11-26', 18.1]]);
    expect(got[0]).toEqual(fig('2026-11-24', 17.9));
  });
});
