import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { computeFedWatch, FedWatchError, nextMonth, type FedWatchInput } from '../../src/analytics/fedwatch.ts';

/** A strip with holes (each month kept or dropped), an EFFR inside the range or none. */
const holey = fc
  .record({
    day: fc.integer({ min: 0, max: 900 }),
    lowSteps: fc.integer({ min: 0, max: 20 }),
    prices: fc.array(fc.option(fc.double({ min: 94, max: 100, noNaN: true }), { freq: 4 }), { minLength: 4, maxLength: 16 }),
    effr: fc.option(fc.double({ min: 0.01, max: 0.24, noNaN: true })),
  })
  .map(({ day, lowSteps, prices, effr }): FedWatchInput => {
    const tradeDate = new Date(Date.UTC(2025, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
    let month = tradeDate.slice(0, 7);
    const quotes: FedWatchInput['quotes'] = [];
    for (const price of prices) {
      if (price !== null) quotes.push({ month, price });
      month = nextMonth(month);
    }
    const lo = lowSteps * 0.25;
    return { tradeDate, currentTarget: [lo, lo + 0.25], quotes, ...(effr === null ? {} : { effr: lo + effr }) };
  });

function priced(input: FedWatchInput) {
  try {
    return computeFedWatch(input);
  } catch (error) {
    if (error instanceof FedWatchError) return null;
    throw error;
  }
}

describe('computeFedWatch on strips with holes', () => {
  it('never throws anything but FedWatchError; priced meetings sum to 100, ranges stay at or above zero, all meetings accounted for', () => {
    fc.assert(
      fc.property(holey, (input) => {
        const result = priced(input);
        if (!result) return;
        for (const m of result.meetings) {
          const sum = Object.values(m.probabilities).reduce((a, b) => a + b, 0);
          expect(Math.abs(sum - 100)).toBeLessThan(1e-7);
          expect(m.atMeeting.cut + m.atMeeting.hold + m.atMeeting.hike).toBeCloseTo(100, 7);
          for (const key of Object.keys(m.probabilities)) expect(Number(key.split('-')[0])).toBeGreaterThanOrEqual(0);
        }
        const dates = [...result.meetings.map((m) => m.date), ...result.unpriced.map((u) => u.date)].sort();
        expect(new Set(dates).size).toBe(dates.length);
        for (const u of result.unpriced) expect(u.needs.length).toBeGreaterThan(0);
      }),
      { numRuns: 400 },
    );
  });

  it('shifts odds monotonically: a higher price for the month after the first meeting never prices fewer cuts there', () => {
    fc.assert(
      fc.property(holey, fc.double({ min: 0.005, max: 0.5, noNaN: true }), (input, bump) => {
        const before = priced(input);
        const first = before?.meetings[0];
        if (!before || !first || first.approximate) return;
        const after = nextMonth(first.date.slice(0, 7));
        if (!input.quotes.some((x) => x.month === after)) return;
        const raised = priced({ ...input, quotes: input.quotes.map((x) => (x.month === after ? { ...x, price: Math.min(100, x.price + bump) } : x)) });
        const again = raised?.meetings.find((m) => m.date === first.date);
        if (!again) return;
        expect(again.cutsPriced).toBeGreaterThanOrEqual(first.cutsPriced - 0.01 - 1e-9);
        expect(again.pCut).toBeGreaterThanOrEqual(first.pCut - 1e-7);
      }),
      { numRuns: 300 },
    );
  });
});
