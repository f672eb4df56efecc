import { describe, it, expect } from 'vitest';
import { computeFedWatch } from '../../src/analytics/fedwatch.ts';

const q = (month: string, price: number) => ({ month, price });

describe("computeFedWatch: CME's published 2015 worked example", () => {
  /*
   * CME Group, "Fed Funds Futures Probability Tree Calculator" (Lao and Mirza, 2015): for the
   * 2015-09-17 meeting, FFQ5 99.8675 (August, no meeting: the start 0.1325) and FFU5 99.805 (September
   * average 0.195), N = 16 days before and M = 14 after: end = 30/14 * (0.195 - 16/30 * 0.1325) = 0.26643,
   * P(hike) = (0.26643 - 0.1325) / 0.25 = 53.6%. That paper counts the decision day at the new rate; the
   * FedWatch numbers of 2026 (the 2026-09-18 check above) count it at the old rate, our convention.
   */
  const quotes = [q('2015-08', 99.8675), q('2015-09', 99.805)];
  it('reproduces 53.6% when the decision day is counted at the new rate, as the paper did', () => {
    const paper = computeFedWatch({ tradeDate: '2015-08-20', currentTarget: [0, 0.25], quotes, meetings: ['2015-09-16', '2015-10-28'] });
    expect(paper.meetings[0]!.pHike).toBeCloseTo(53.6, 1);
    expect(paper.meetings[0]!.expectedRate).toBeCloseTo(0.2664, 4);
  });
  it('gives 57.7% with the decision day at the old rate (N = 17, M = 13)', () => {
    const ours = computeFedWatch({ tradeDate: '2015-08-20', currentTarget: [0, 0.25], quotes, meetings: ['2015-09-17', '2015-10-28'] });
    expect(ours.meetings[0]!.pHike).toBeCloseTo(((30 / 13) * (0.195 - (17 / 30) * 0.1325) - 0.1325) / 0.0025, 6);
    expect(ours.meetings[0]!.pHike).toBeCloseTo(57.7, 1);
  });
});

describe("computeFedWatch: CME's FedWatch calculation example (settlements of 2022-09-12)", () => {
  /*
   * CME Group's "FedWatch Calculation Examples" sheet: ZQU2 97.4475, ZQV2 96.94 (October, no meeting: the
   * anchor, 3.06), ZQX2 96.43. September: start 2.2987 solved back from the anchor with 20 days before and
   * 10 after (the sheet counts the decision day of Sep 21 at the new rate, so the calendar is shifted a day
   * here to follow it), change +0.7613 = 3.045 steps. November: start 3.06, end 3.5876 solved forward with
   * 1 day before and 29 after, change +0.5276 = 2.1103 steps (88.97% for 50 bp). The tree compounds them.
   */
  const result = computeFedWatch({
    tradeDate: '2022-09-12',
    currentTarget: [2.25, 2.5],
    quotes: [q('2022-09', 97.4475), q('2022-10', 96.94), q('2022-11', 96.43)],
    meetings: ['2022-09-20', '2022-11-01', '2022-12-13'],
  });
  it('reproduces the sheet: September 95.5% for 75 bp, November 88.97% for 50 bp, compounded', () => {
    const [sep, nov] = result.meetings;
    expect(sep!.probabilities).toEqual({ '3.00-3.25': expect.closeTo(95.5, 6), '3.25-3.50': expect.closeTo(4.5, 6) });
    expect(nov!.atMeeting.hike).toBeCloseTo(100, 9);
    expect(nov!.expectedRate).toBeCloseTo(3.5876, 4);
    const p50 = 1 - ((30 * 3.57 - 3.06) / 29 - 3.06) / 0.25 + 2;
    expect(p50).toBeCloseTo(0.8897, 4);
    expect(nov!.probabilities['3.50-3.75']).toBeCloseTo(95.5 * p50, 4);
    expect(nov!.probabilities['3.75-4.00']).toBeCloseTo(95.5 * (1 - p50) + 4.5 * p50, 4);
    expect(nov!.probabilities['4.00-4.25']).toBeCloseTo(4.5 * (1 - p50), 4);
  });
});
