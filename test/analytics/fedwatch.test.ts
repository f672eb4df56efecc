import { describe, it, expect } from 'vitest';
import { computeFedWatch, FedWatchError, type FedWatchInput } from '../../src/analytics/fedwatch.ts';

const q = (month: string, price: number) => ({ month, price });

describe('computeFedWatch: check against CME FedWatch (trade date 2026-09-18)', () => {
  /*
   * By hand. OCT26 96.1050 -> October average 3.8950; NOV26 95.9750 -> November average 4.0250.
   * November has no meeting, so it is an anchor: the end rate of the Oct 28 meeting is E = 4.0250.
   * September has a meeting (Sep 16), so nothing pins October's start: solve it backward from
   * October's own price. October has D = 31 days, decision day d = 28: N = 28 days at S, M = 3 at E.
   *   S = (31 * 3.8950 - 3 * 4.0250) / 28 = (120.745 - 12.075) / 28 = 3.881071
   *   E - S = +0.143929 = 0.575714 of a 25 bp step
   * Split between the two nearest outcomes, with the current range 3.75-4.00 as "no change":
   * 42.43% no change (3.75-4.00), 57.57% one hike (4.00-4.25). So the published figures are a hike
   * lean, and they follow from the plain reading of the current range (no shifted baseline needed).
   * Only the change E - S matters, so the EFFR's offset within the range does not enter.
   */
  const input: FedWatchInput = {
    tradeDate: '2026-09-18',
    currentTarget: [3.75, 4.0],
    quotes: [q('2026-10', 96.105), q('2026-11', 95.975)],
  };

  it('reproduces 42.4% / 57.6% for the 2026-10-28 meeting', () => {
    const result = computeFedWatch(input);
    expect(result.asOf).toBe('2026-09-18');
    expect(result.currentRange).toEqual([3.75, 4]);
    expect(result.meetings).toHaveLength(1);
    const oct = result.meetings[0]!;
    expect(oct.date).toBe('2026-10-28');
    expect(Object.keys(oct.probabilities)).toEqual(['3.75-4.00', '4.00-4.25']);
    expect(Math.abs(oct.probabilities['3.75-4.00']! - 42.4)).toBeLessThan(0.1);
    expect(Math.abs(oct.probabilities['4.00-4.25']! - 57.6)).toBeLessThan(0.1);
    expect(oct.probabilities['3.75-4.00']).toBeCloseTo(42.428571, 5);
    expect(oct.pHold).toBeCloseTo(42.428571, 5);
    expect(oct.pHike).toBeCloseTo(57.571429, 5);
    expect(oct.pCut).toBe(0);
    expect(oct.expectedRate).toBe(4.025);
    expect(oct.cutsPriced).toBe(-0.58);
  });

  it('chains the December meeting through the November anchor and a January solved backward', () => {
    /*
     * DEC26 is not used: December's start is pinned by the November anchor (4.0250) and its end by
     * January's start. JAN27 96.00 -> 4.00, FEB27 96.10 -> 3.90 (anchor). January: D = 31, d = 27:
     *   S_jan = (31 * 4.00 - 4 * 3.90) / 27 = 108.4 / 27 = 4.014815
     * December change: 4.014815 - 4.025 = -0.010185 = -0.040741 steps -> 4.0741% cut, 95.9259% none.
     * Tree: 3.50-3.75 = 0.424286 * 0.040741 = 1.7286%
     *       3.75-4.00 = 0.424286 * 0.959259 + 0.575714 * 0.040741 = 43.0455%
     *       4.00-4.25 = 0.575714 * 0.959259 = 55.2259%
     * Expected steps = 0.575714 - 0.040741 = 0.534974 -> cutsPriced -0.53.
     * January change: 3.90 - 4.014815 = -0.114815 = -0.459259 steps.
     */
    const chained = { ...input, quotes: [...input.quotes, q('2026-12', 95.5), q('2027-01', 96.0), q('2027-02', 96.1)] };
    const result = computeFedWatch(chained);
    expect(result.meetings.map((m) => m.date)).toEqual(['2026-10-28', '2026-12-09', '2027-01-27']);
    const dec = result.meetings[1]!;
    expect(dec.probabilities['3.50-3.75']).toBeCloseTo(1.7286, 3);
    expect(dec.probabilities['3.75-4.00']).toBeCloseTo(43.0455, 3);
    expect(dec.probabilities['4.00-4.25']).toBeCloseTo(55.2259, 3);
    expect(dec.expectedRate).toBeCloseTo(4.0148, 4);
    expect(dec.cutsPriced).toBe(-0.53);
    // December's own price does not matter.
    const other = computeFedWatch({ ...chained, quotes: chained.quotes.map((x) => (x.month === '2026-12' ? q(x.month, 97) : x)) });
    expect(other.meetings[1]).toEqual(dec);
    const jan = result.meetings[2]!;
    expect(jan.expectedRate).toBe(3.9);
    expect(jan.cutsPriced).toBeCloseTo(-(0.534974 - 0.459259), 2);
  });
});

describe('computeFedWatch: hand-derived edge cases', () => {
  it('prices hikes across a December meeting and a January meeting', () => {
    /*
     * Trade date 2026-11-16, target 4.25-4.50. NOV26 95.67 -> 4.33 (anchor), JAN27 95.55 -> 4.45,
     * FEB27 95.40 -> 4.60 (anchor). January: S = (31 * 4.45 - 4 * 4.60) / 27 = 119.55 / 27 = 4.427778.
     * December: 4.33 -> 4.427778 = +0.391111 steps; January: 4.427778 -> 4.60 = +0.688889 steps.
     * January tree: none 0.608889 * 0.311111 = 18.9432%, one hike 54.1136%, two hikes 26.9432%.
     */
    const result = computeFedWatch({
      tradeDate: '2026-11-16',
      currentTarget: [4.25, 4.5],
      quotes: [q('2026-11', 95.67), q('2026-12', 95.6), q('2027-01', 95.55), q('2027-02', 95.4)],
    });
    const [dec, jan] = result.meetings;
    expect(dec!.probabilities).toEqual({ '4.25-4.50': expect.closeTo(60.8889, 3), '4.50-4.75': expect.closeTo(39.1111, 3) });
    expect(dec!.pHike).toBeCloseTo(39.1111, 3);
    expect(dec!.cutsPriced).toBe(-0.39);
    expect(jan!.probabilities['4.25-4.50']).toBeCloseTo(18.9432, 3);
    expect(jan!.probabilities['4.50-4.75']).toBeCloseTo(54.1136, 3);
    expect(jan!.probabilities['4.75-5.00']).toBeCloseTo(26.9432, 3);
    expect(jan!.pHike).toBeCloseTo(81.0568, 3);
    expect(jan!.cutsPriced).toBe(-1.08);
    expect(jan!.expectedRate).toBe(4.6);
  });

  it('chains consecutive meeting months (Sep and Oct) between two anchors, ignoring September\'s price', () => {
    /*
     * Trade date 2026-08-20, target 3.75-4.00. AUG26 96.13 -> 3.87 (anchor), OCT26 96.30 -> 3.70,
     * NOV26 96.40 -> 3.60 (anchor). October: S = (31 * 3.70 - 3 * 3.60) / 28 = 103.9 / 28 = 3.710714.
     * September: 3.87 -> 3.710714 = -0.637143 steps: 63.7143% cut, 36.2857% none.
     * October: 3.710714 -> 3.60 = -0.442857 steps. Tree: none 20.2163%, one cut 51.5673%, two 28.2163%.
     */
    const quotes = [q('2026-08', 96.13), q('2026-09', 96.2), q('2026-10', 96.3), q('2026-11', 96.4)];
    const result = computeFedWatch({ tradeDate: '2026-08-20', currentTarget: [3.75, 4], quotes });
    const [sep, oct] = result.meetings;
    expect(sep!.date).toBe('2026-09-16');
    expect(sep!.pCut).toBeCloseTo(63.7143, 3);
    expect(sep!.probabilities['3.50-3.75']).toBeCloseTo(63.7143, 3);
    expect(sep!.cutsPriced).toBe(0.64);
    expect(sep!.expectedRate).toBeCloseTo(3.7107, 4);
    expect(oct!.probabilities['3.75-4.00']).toBeCloseTo(20.2163, 3);
    expect(oct!.probabilities['3.50-3.75']).toBeCloseTo(51.5673, 3);
    expect(oct!.probabilities['3.25-3.50']).toBeCloseTo(28.2163, 3);
    expect(oct!.cutsPriced).toBe(1.08);
    const moved = computeFedWatch({ tradeDate: '2026-08-20', currentTarget: [3.75, 4], quotes: quotes.map((x) => (x.month === '2026-09' ? q(x.month, 90) : x)) });
    expect(moved.meetings).toEqual(result.meetings);
  });

  it('handles a decision on the last day of a month: the month averages the old rate', () => {
    /*
     * Calendar with a decision on 2026-04-30 (d = D = 30, M = 0). APR26 95.75 -> 4.25, MAY26 95.85 -> 4.15.
     * April: S = (30 * 4.25 - 0 * E) / 30 = 4.25; E = May anchor 4.15. Change -0.10 = -0.4 steps.
     */
    const meetings = ['2026-04-30', '2026-06-17'];
    const result = computeFedWatch({
      tradeDate: '2026-04-10',
      currentTarget: [4, 4.25],
      meetings,
      quotes: [q('2026-04', 95.75), q('2026-05', 95.85)],
    });
    expect(result.meetings).toHaveLength(1);
    expect(result.meetings[0]!.probabilities).toEqual({ '3.75-4.00': expect.closeTo(40, 9), '4.00-4.25': expect.closeTo(60, 9) });
    // Without the following month nothing tells the rate after a last-day decision.
    expect(() =>
      computeFedWatch({ tradeDate: '2026-04-10', currentTarget: [4, 4.25], meetings, quotes: [q('2026-03', 95.75), q('2026-04', 95.75)] }),
    ).toThrow(/ends at 2026-04, before the 2026-04-30 meeting can be priced; it needs 2026-05/);
  });

  it('solves forward from an anchor when the strip ends at a meeting month', () => {
    // NOV26 95.975 -> 4.025 anchor; DEC26 96.0 -> 4.00 with d = 9 of 31: E = (31 * 4.00 - 9 * 4.025) / 22 = 3.989773.
    const result = computeFedWatch({
      tradeDate: '2026-11-02',
      currentTarget: [3.75, 4],
      quotes: [q('2026-11', 95.975), q('2026-12', 96.0)],
    });
    expect(result.meetings).toHaveLength(1);
    expect(result.meetings[0]!.expectedRate).toBeCloseTo(3.9898, 4);
    expect(result.meetings[0]!.pCut).toBeCloseTo(((4.025 - (31 * 4 - 9 * 4.025) / 22) / 0.25) * 100, 9);
  });

  it('prices around holes: every meeting the months present fix, the others listed with the month they need', () => {
    const base = { tradeDate: '2026-09-18', currentTarget: [3.75, 4] as [number, number] };
    // October's end needs November; nothing else prices it.
    expect(() => computeFedWatch({ ...base, quotes: [q('2026-10', 96.1), q('2026-12', 96.2)] })).toThrow(
      /contract month 2026-11 is missing from the strip; it is needed to price the 2026-10-28 meeting/,
    );
    // Without October, its start is unknown unless the EFFR of the trade date gives it.
    expect(() => computeFedWatch({ ...base, quotes: [q('2026-11', 96.1), q('2026-12', 96.2)] })).toThrow(/contract month 2026-10 is missing.*2026-10-28/);
    const seeded = computeFedWatch({ ...base, effr: 3.88, quotes: [q('2026-11', 95.975), q('2026-12', 96.0)] });
    // S = 3.88 (EFFR), E = November 4.025: +0.58 steps; December solved forward from its own price.
    expect(seeded.meetings[0]!.pHike).toBeCloseTo(58, 6);
    expect(seeded.meetings.map((m) => m.date)).toEqual(['2026-10-28', '2026-12-09']);
    // A hole at January 2027 costs nothing: December's end (solved forward) starts January, February ends it.
    const result = computeFedWatch({ ...base, quotes: [q('2026-10', 96.105), q('2026-11', 95.975), q('2026-12', 96.0), q('2027-02', 96.1)] });
    expect(result.meetings.map((m) => m.date)).toEqual(['2026-10-28', '2026-12-09', '2027-01-27']);
    expect(result.meetings[2]!.expectedRate).toBe(3.9);
    expect(result.unpriced[0]).toEqual({ date: '2027-03-17', needs: ['2027-03'], reason: 'beyond' });
    expect(result.stripEnd).toBe('2027-02');
  });

  it('bridges a meeting after a gap from the drift since the trade date, marked approximate', () => {
    // OCT26 and NOV26 price October (3.8811 -> 4.025); DEC26 and JAN27 are missing, so December's end and
    // January's start are unknown. FEB27 (3.90) anchors March's start; MAR27 96.2 -> 3.80, APR27 missing:
    // March: S = 3.90 (February anchor), E forward from its own price: (31 * 3.80 - 17 * 3.90) / 14 = 3.678571.
    const result = computeFedWatch({
      tradeDate: '2026-09-18',
      currentTarget: [3.75, 4],
      quotes: [q('2026-10', 96.105), q('2026-11', 95.975), q('2027-02', 96.1), q('2027-03', 96.2)],
    });
    expect(result.meetings.map((m) => m.date)).toEqual(['2026-10-28', '2027-03-17']);
    expect(result.unpriced.slice(0, 3)).toEqual([
      { date: '2026-12-09', needs: ['2026-12'], reason: 'gap' },
      { date: '2027-01-27', needs: ['2027-01'], reason: 'gap' },
      { date: '2027-04-28', needs: ['2027-04'], reason: 'beyond' },
    ]);
    const mar = result.meetings[1]!;
    expect(mar.approximate).toEqual({ over: ['2026-12-09', '2027-01-27'] });
    // Before March: 3.90 - 3.881071 = +0.0757 steps from the October start; March: -0.885714 steps.
    const drift = (3.9 - (31 * 3.895 - 3 * 4.025) / 28) / 0.25;
    const move = ((31 * 3.8 - 17 * 3.9) / 14 - 3.9) / 0.25;
    expect(mar.cutsPriced).toBeCloseTo(-(drift + move), 2);
    expect(mar.atMeeting).toEqual({ cut: expect.closeTo(88.5714, 3), hold: expect.closeTo(11.4286, 3), hike: 0 });
    expect(Object.values(mar.probabilities).reduce((a, b) => a + b, 0)).toBeCloseTo(100, 9);
  });

  it('rejects prices outside (0, 100] with a clear message', () => {
    const base = { tradeDate: '2026-09-18', currentTarget: [3.75, 4] as [number, number] };
    expect(() => computeFedWatch({ ...base, quotes: [q('2026-10', 100.5), q('2026-11', 96)] })).toThrow(
      /price 100.5 for contract month 2026-10 is outside \(0, 100\]/,
    );
    expect(() => computeFedWatch({ ...base, quotes: [q('2026-10', 0), q('2026-11', 96)] })).toThrow(FedWatchError);
    expect(() => computeFedWatch({ ...base, quotes: [q('2026-10', Number.NaN), q('2026-11', 96)] })).toThrow(/outside/);
    // 100 itself is allowed: an implied rate of zero.
    expect(() => computeFedWatch({ tradeDate: '2026-09-18', currentTarget: [0, 0.25], quotes: [q('2026-10', 100), q('2026-11', 100)] })).not.toThrow();
  });

  it('says when no meetings are left in the strip or the calendar', () => {
    expect(() =>
      computeFedWatch({ tradeDate: '2026-09-18', currentTarget: [3.75, 4], quotes: [q('2026-08', 96), q('2026-09', 96)] }),
    ).toThrow(/no FOMC meetings left in the futures strip: it ends at 2026-09 and the next meeting is 2026-10-28/);
    expect(() => computeFedWatch({ tradeDate: '2026-09-18', currentTarget: [3.75, 4], quotes: [] })).toThrow(/strip is empty/);
    expect(() =>
      computeFedWatch({ tradeDate: '2027-12-08', currentTarget: [3.75, 4], quotes: [q('2027-12', 96), q('2028-01', 96)] }),
    ).toThrow(/calendar has no decision day after 2027-12-08 \(last known: 2027-12-08\); add the next dates/);
  });

  it('ignores months beyond the calendar and rejects malformed input', () => {
    const result = computeFedWatch({
      tradeDate: '2027-11-10',
      currentTarget: [3, 3.25],
      quotes: [q('2027-11', 96.9), q('2027-12', 97.0), q('2028-01', 97.5)],
    });
    // December 2027 is solved forward from its own price; January 2028 (calendar unknown) is not an anchor.
    expect(result.meetings.map((m) => m.date)).toEqual(['2027-12-08']);
    expect(result.meetings[0]!.expectedRate).toBeCloseTo((31 * 3 - 8 * 3.1) / 23, 4);
    const base = { tradeDate: '2026-09-18', currentTarget: [3.75, 4] as [number, number] };
    expect(() => computeFedWatch({ ...base, quotes: [q('2026-13', 96)] })).toThrow(/not YYYY-MM/);
    expect(() => computeFedWatch({ ...base, quotes: [q('2026-10', 96), q('2026-10', 96)] })).toThrow(/appears twice/);
    expect(() => computeFedWatch({ ...base, currentTarget: [4, 3.75], quotes: [] })).toThrow(/not a range/);
    expect(() => computeFedWatch({ ...base, tradeDate: '18/09/2026', quotes: [] })).toThrow(/trade date/);
  });

  it('keeps ranges at or above zero', () => {
    // Target 0.00-0.25 and a priced cut: the cut outcome folds into 0.00-0.25.
    const result = computeFedWatch({
      tradeDate: '2026-09-18',
      currentTarget: [0, 0.25],
      quotes: [q('2026-10', 99.9), q('2026-11', 99.95)],
    });
    expect(result.meetings[0]!.probabilities).toEqual({ '0.00-0.25': 100 });
    expect(result.meetings[0]!.pHold).toBe(100);
  });
});

describe('computeFedWatch: a missing month without a meeting', () => {
  it('does not solve back through it: the meeting before takes its end from its own price', () => {
    // Trade date 2026-07-30, FEB27 missing: December starts at November (anchor) and, with January's
    // start unknown, solves its end forward from its own price; January follows from December's end.
    const quotes = [q('2026-08', 96.365), q('2026-09', 96.29), q('2026-10', 96.2), q('2026-11', 96.14), q('2026-12', 96.07), q('2027-01', 96.04), q('2027-03', 95.97), q('2027-04', 95.935), q('2027-05', 95.91)];
    const result = computeFedWatch({ tradeDate: '2026-07-30', currentTarget: [3.5, 3.75], quotes });
    const dec = result.meetings.find((m) => m.date === '2026-12-09')!;
    expect(dec.expectedRate).toBeCloseTo((31 * 3.93 - 9 * 3.86) / 22, 4);
    expect(result.meetings.map((m) => m.date)).toContain('2027-01-27');
  });
});
