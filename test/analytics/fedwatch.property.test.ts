import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { computeFedWatch, nextMonth } from '../../src/analytics/fedwatch.ts';

/** A trade date between 2025-01-01 and 2027-10-01 and an unbroken strip from its month, 6 to 15 months long. */
const scenario = fc
  .record({
    day: fc.integer({ min: 0, max: 1003 }),
    lowSteps: fc.integer({ min: 0, max: 24 }),
    prices: fc.array(fc.double({ min: 90, max: 100, noNaN: true }), { minLength: 6, maxLength: 15 }),
  })
  .map(({ day, lowSteps, prices }) => {
    const tradeDate = new Date(Date.UTC(2025, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
    let month = tradeDate.slice(0, 7);
    const quotes = prices.map((price) => {
      const quote = { month, price };
      month = nextMonth(month);
      return quote;
    });
    const lo = lowSteps * 0.25;
    return { tradeDate, currentTarget: [lo, lo + 0.25] as [number, number], quotes };
  });

describe('computeFedWatch properties', () => {
  it('gives every meeting probabilities in [0, 100] that sum to 100', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const result = computeFedWatch(input);
        expect(result.meetings.length).toBeGreaterThan(0);
        for (const m of result.meetings) {
          const values = Object.values(m.probabilities);
          for (const p of values) {
            expect(p).toBeGreaterThanOrEqual(0);
            expect(p).toBeLessThanOrEqual(100);
          }
          const sum = values.reduce((a, b) => a + b, 0);
          expect(Math.abs(sum - 100) / 100).toBeLessThanOrEqual(1e-9);
          expect(Math.abs(m.pCut + m.pHold + m.pHike - 100) / 100).toBeLessThanOrEqual(1e-9);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('prices more cuts the lower the futures imply the rate after a meeting', () => {
    fc.assert(
      fc.property(scenario, fc.double({ min: 0.01, max: 2, noNaN: true }), (input, bump) => {
        const base = computeFedWatch(input);
        const last = input.quotes.at(-1)!;
        // Raising the last contract's price (lower implied rate) cannot price fewer cuts at the last meeting.
        const raised = { ...input, quotes: input.quotes.map((x) => (x === last ? { ...x, price: Math.min(100, x.price + bump) } : x)) };
        const after = computeFedWatch(raised);
        const lastBase = base.meetings.at(-1)!;
        const lastAfter = after.meetings.find((m) => m.date === lastBase.date)!;
        expect(lastAfter.cutsPriced).toBeGreaterThanOrEqual(lastBase.cutsPriced - 0.01 - 1e-9);
      }),
      { numRuns: 200 },
    );
  });
});
