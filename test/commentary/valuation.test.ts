import { describe, expect, it } from 'vitest';
import { valuationGap, versusOwnHistory } from '../../src/analytics/valuation.ts';
import { earningsSentences } from '../../src/commentary/published.ts';
import { evEbitdaSentence, forwardPeSentence, trailingPeSentence } from '../../src/commentary/valuation.ts';

const seed = { smallLabel: 'The Russell 2000', largeLabel: 'the S&P 500', small: 13.6, large: 17.2, gapPct: valuationGap(13.6, 17.2) };

describe('honest tense', () => {
  it('a fresh figure reads in the present', () => {
    expect(forwardPeSentence({ ...seed, asOf: '2025-08-28', fresh: true })).toBe(
      'The Russell 2000 trades at 13.6x forward earnings against 17.2x for the S&P 500, a 21% discount.',
    );
    expect(evEbitdaSentence({ premiumPct: 3.7, medianPct: 8.2, comparedWith: 'the S&P 490 (ex financials)', asOf: '2025-09-10', fresh: true })).toBe(
      'Its EV/EBITDA premium over the S&P 490 (ex financials) is 3.7%, less than half its 10-year median of 8.2%.',
    );
  });

  it('a figure older than its freshness rule states its date, in the past tense, and keeps what the sources say', () => {
    expect(forwardPeSentence({ ...seed, asOf: '2025-08-28', fresh: false })).toBe(
      'As of Aug 28, 2025, the Russell 2000 traded at 13.6x forward earnings against 17.2x for the S&P 500, a 21% discount.',
    );
    expect(evEbitdaSentence({ premiumPct: 3.7, medianPct: 8.2, comparedWith: 'the S&P 490 (ex financials)', medianKind: 'published', asOf: '2025-09-10', fresh: false })).toBe(
      'As of Sep 10, 2025, its EV/EBITDA premium over the S&P 490 (ex financials) was 3.7%, less than half its published 10-year median of 8.2%.',
    );
    expect(earningsSentences({ smallGrowth: 18.4, largeGrowth: 9.8, year: '2026', asOf: '2025-08-28', fresh: false })).toBe(
      'As of Aug 28, 2025, small-cap EPS was projected to grow 18.4% in 2026 against 9.8% for the S&P 500, a lead of 8.6 pp.',
    );
  });

  it('names the live figure and compares it with its own history once that history is long enough', () => {
    const series = Array.from({ length: 260 }, (_, i) => ({ asOf: new Date(Date.UTC(2025, 10, 3) + i * 86_400_000).toISOString().slice(0, 10), gapPct: -40 + (i % 20) }));
    const gapPct = valuationGap(18.02, 27.61);
    const history = versusOwnHistory(series, gapPct);
    expect(history).toMatchObject({ enough: true, observations: 260, from: '2025-11-03', medianPct: -30.5 });
    const facts = { smallLabel: 'The Russell 2000 (IWM)', largeLabel: 'the S&P 500 (IVV)', small: 18.02, large: 27.61, gapPct, sourceWords: 'iShares fund data', history };
    expect(trailingPeSentence({ ...facts, asOf: '2026-11-25', fresh: true })).toBe(
      'On iShares fund data as of Nov 25, 2026, the Russell 2000 (IWM) trades at 18.0x trailing earnings against 27.6x for the S&P 500 (IVV), a 35% discount, below its own median of -30.5% over 260 observations since Nov 3, 2025 (30th percentile).',
    );
    expect(trailingPeSentence({ ...facts, asOf: '2026-11-25', fresh: false })).toMatch(/^As of Nov 25, 2026 \(iShares fund data\), the Russell 2000 \(IWM\) traded at 18\.0x/);
  });

  it('keeps quiet about its own history while it is too short', () => {
    const history = versusOwnHistory([{ asOf: '2026-11-25', gapPct: -34.7 }], -34.7);
    expect(history).toEqual({ enough: false, observations: 1, from: '2026-11-25', to: '2026-11-25', needed: 250 });
    const text = trailingPeSentence({ smallLabel: 'The Russell 2000 (IWM)', largeLabel: 'the S&P 500 (IVV)', small: 18.02, large: 27.61, gapPct: -34.7, sourceWords: 'iShares fund data', history, asOf: '2026-11-25', fresh: true });
    expect(text).not.toMatch(/median/);
  });
});
