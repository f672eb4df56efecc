import { describe, expect, it } from 'vitest';
import { performanceCommentary } from '../../src/commentary/performance.ts';

const facts = { smallLabel: 'The Russell 2000 (IWM)', largeLabel: 'the S&P 500 (SPY)', periodText: 'the year to date' };

describe('performance commentary', () => {
  it('says who led and by how much', () => {
    expect(performanceCommentary({ ...facts, smallPct: 3.2, largePct: 1.1 })).toBe(
      'The Russell 2000 (IWM) outperformed the S&P 500 (SPY) by 2.1 pp over the year to date: +3.2% against +1.1%.',
    );
  });

  it('says a period with no session yet has no move, rather than that the two matched', () => {
    const text = performanceCommentary({ ...facts, smallPct: 0, largePct: 0, noSessionSince: '2025-12-31' });
    expect(text).toBe('The Russell 2000 (IWM) and the S&P 500 (SPY) have no move over the year to date yet: no session has closed since the 2025-12-31 close (0.0% each).');
    expect(text).not.toMatch(/matched/);
  });
});
