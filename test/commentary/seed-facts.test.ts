import { describe, expect, it } from 'vitest';
import { valuationGap } from '../../src/analytics/valuation.ts';
import { performanceCommentary, performanceVerb } from '../../src/commentary/performance.ts';
import { earningsSentences, publishedCutsSentence } from '../../src/commentary/published.ts';
import { evEbitdaSentence, forwardPeSentence, versusMedianWords } from '../../src/commentary/valuation.ts';

// The seed facts of DESIGN.md, as published.
describe('commentary from the seed facts', () => {
  it('states a 21% forward P/E discount', () => {
    const text = forwardPeSentence({ smallLabel: 'The Russell 2000', largeLabel: 'the S&P 500', small: 13.6, large: 17.2, gapPct: valuationGap(13.6, 17.2) });
    expect(text).toBe('The Russell 2000 trades at 13.6x forward earnings against 17.2x for the S&P 500, a 21% discount.');
  });
  it('states an EV/EBITDA premium of 3.7%, less than half its 8.2% 10-year median', () => {
    expect(evEbitdaSentence({ premiumPct: 3.7, medianPct: 8.2, comparedWith: 'the S&P 490 (ex financials)' })).toBe(
      'Its EV/EBITDA premium over the S&P 490 (ex financials) is 3.7%, less than half its 10-year median of 8.2%.',
    );
  });
  it('states close to three cuts priced', () => {
    expect(publishedCutsSentence(3, 'the end of 2025')).toBe('Markets priced close to three Fed cuts by the end of 2025.');
  });
  it('compares earnings growth', () => {
    expect(earningsSentences({ smallGrowth: 18.4, largeGrowth: 9.8, year: '2026', quarter: 'Q2 2025', quarterEps: 12.1, quarterSales: -5 })).toBe(
      'Small-cap EPS is projected to grow 18.4% in 2026 against 9.8% for the S&P 500, a lead of 8.6 pp. In Q2 2025, small-cap EPS rose 12.1% year over year while sales fell 5.0%.',
    );
  });
});

describe('direction words', () => {
  it('says outperformed, lagged or roughly matched within the tolerance', () => {
    expect(performanceVerb(1)).toBe('outperformed');
    expect(performanceVerb(-1)).toBe('lagged');
    expect(performanceVerb(0.2)).toBe('roughly matched');
    expect(performanceVerb(-0.25)).toBe('roughly matched');
  });
  it('words history comparisons', () => {
    expect(versusMedianWords(3.7, 8.2)).toBe('less than half');
    expect(versusMedianWords(8, 8.2)).toBe('close to');
    expect(versusMedianWords(20, 8.2)).toBe('more than twice');
    expect(versusMedianWords(6, 8.2)).toBe('below');
  });
  it('builds performance sentences from the numbers given', () => {
    expect(
      performanceCommentary({ smallLabel: 'The Russell 2000 (IWM)', largeLabel: 'the S&P 500 (SPY)', periodText: 'the last session', smallPct: -0.18, largePct: 0.29 }),
    ).toBe('The Russell 2000 (IWM) lagged the S&P 500 (SPY) by 0.5 pp over the last session: -0.2% against +0.3%.');
    expect(
      performanceCommentary({ smallLabel: 'IWM', largeLabel: 'SPY', periodText: 'the past month', smallPct: 5.1, largePct: 5.0 }),
    ).toBe('IWM roughly matched SPY over the past month: +5.1% against +5.0%.');
  });
});
