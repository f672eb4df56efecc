import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFredCsv, parseFredJson } from '../../../src/market/providers/fred.ts';
import { parseNyFed } from '../../../src/market/providers/nyfed.ts';
import { parseStooqCsv } from '../../../src/market/providers/stooq.ts';
import { parseChart } from '../../../src/market/providers/yahoo-chart.ts';
import { ProviderError } from '../../../src/market/types.ts';

/** A parser either returns data or throws a ProviderError: never anything else, whatever the vendor sends. */
function onlyProviderErrors(fn: () => unknown): boolean {
  try {
    fn();
    return true;
  } catch (err) {
    return err instanceof ProviderError;
  }
}

const close = fc.oneof(fc.double({ noNaN: false }), fc.constant(null));
const stamp = fc.oneof(fc.integer({ min: 0, max: 2_000_000_000 }), fc.double());
/** Aligned timestamp/close pairs, sometimes with an extra close to break the alignment. */
const series = fc
  .tuple(fc.array(fc.tuple(stamp, close), { maxLength: 6 }), fc.boolean())
  .map(([pairs, misalign]) => ({ timestamp: pairs.map((p) => p[0]), close: [...pairs.map((p) => p[1]), ...(misalign ? [1] : [])] }));
const chartLike = fc.record(
  {
    chart: fc.record(
      {
        result: fc.oneof(
          fc.constant(null),
          fc.array(
            fc
              .tuple(
                fc.record({ symbol: fc.constantFrom('SPY', 'spy', 'QQQ'), exchangeTimezoneName: fc.constantFrom('America/New_York', 'Not/AZone', undefined), gmtoffset: fc.integer({ min: -50000, max: 50000 }) }, { requiredKeys: ['symbol'] }),
                series,
                fc.boolean(),
              )
              .map(([meta, s, dropStamps]) => ({ meta, ...(dropStamps ? {} : { timestamp: s.timestamp }), indicators: { quote: [{ close: s.close }] } })),
            { maxLength: 2 },
          ),
        ),
        error: fc.oneof(fc.constant(null), fc.record({ code: fc.string(), description: fc.string() })),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);

describe('parsers never crash', () => {
  it('yahoo chart: arbitrary chart-like and arbitrary JSON', () => {
    fc.assert(fc.property(chartLike, (body) => onlyProviderErrors(() => parseChart('yahoo', 'SPY', body))), { numRuns: 500 });
    fc.assert(fc.property(fc.jsonValue(), (body) => onlyProviderErrors(() => parseChart('yahoo', 'SPY', body))), { numRuns: 300 });
  });

  it('yahoo chart: whatever survives parsing is ascending, unique and finite', () => {
    fc.assert(
      fc.property(chartLike, (body) => {
        let bars;
        try {
          bars = parseChart('yahoo', 'SPY', body);
        } catch {
          return true;
        }
        return bars.length > 0 && bars.every((b, i) => Number.isFinite(b.close) && (i === 0 || bars[i - 1]!.date < b.date));
      }),
      { numRuns: 500 },
    );
  });

  it('CSV parsers: arbitrary text and mangled CSV lines', () => {
    const csvish = fc.array(fc.array(fc.oneof(fc.string(), fc.constant('2026-11-20'), fc.constant('1.5'), fc.constant('')), { maxLength: 7 }).map((cells) => cells.join(',')), { maxLength: 5 });
    fc.assert(
      fc.property(csvish, fc.string(), (lines, junk) => {
        const stooq = ['Date,Open,High,Low,Close,Volume', ...lines].join('\n');
        const fred = ['observation_date,EFFR', ...lines].join('\n');
        return [stooq, fred, junk].every(
          (body) => onlyProviderErrors(() => parseStooqCsv(body, 'spy.us')) && onlyProviderErrors(() => parseFredCsv(body, 'EFFR')),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('JSON parsers of the rates: arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (body) => onlyProviderErrors(() => parseNyFed(body)) && onlyProviderErrors(() => parseFredJson(body, 'EFFR'))),
      { numRuns: 500 },
    );
    expect(onlyProviderErrors(() => parseNyFed({ refRates: [null, 3, 'x'] }))).toBe(true);
  });
});
