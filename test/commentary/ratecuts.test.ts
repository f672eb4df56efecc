import { describe, it, expect } from 'vitest';
import { computeFedWatch, type FedWatchResult, type MeetingOdds } from '../../src/analytics/fedwatch.ts';
import {
  cutsPhrase,
  meetingMonth,
  oddsPhrase,
  rateCutCommentary,
  shortDate,
  yearEndMeeting,
} from '../../src/commentary/ratecuts.ts';

function meeting(date: string, pCut: number, pHold: number, pHike: number, cutsPriced: number): MeetingOdds {
  return { date, probabilities: {}, pCut, pHold, pHike, expectedRate: 0, cutsPriced, atMeeting: { cut: pCut, hold: pHold, hike: pHike } };
}

const today: FedWatchResult = {
  asOf: '2025-09-08',
  currentRange: [4.25, 4.5],
  unpriced: [],
  stripEnd: '2026-06',
  meetings: [meeting('2025-09-17', 92, 8, 0, 0.92), meeting('2025-10-29', 70, 30, 0, 1.9), meeting('2025-12-10', 60, 40, 0, 2.79), meeting('2026-01-28', 50, 50, 0, 3.1)],
};
const yesterday: FedWatchResult = {
  asOf: '2025-09-05',
  currentRange: [4.25, 4.5],
  unpriced: [],
  stripEnd: '2026-06',
  meetings: [meeting('2025-09-17', 85, 15, 0, 0.85), meeting('2025-12-10', 55, 45, 0, 2.61)],
};

describe('rate-cut commentary', () => {
  it('says how many cuts are priced by year end and how likely the next move is', () => {
    expect(rateCutCommentary(today)).toBe('Futures price 2.8 cuts (70 bp) by December; a cut at the September meeting is 92% likely.');
  });

  it('adds the change since the previous trading day', () => {
    expect(rateCutCommentary(today, yesterday)).toBe(
      'Futures price 2.8 cuts (70 bp) by December, up 0.2 cuts since Sep 5; a cut at the September meeting is 92% likely (85% on Sep 5).',
    );
    const lower = { ...yesterday, meetings: [meeting('2025-09-17', 95, 5, 0, 0.95), meeting('2025-12-10', 55, 45, 0, 3.0)] };
    expect(rateCutCommentary(today, lower)).toContain('down 0.2 cuts since Sep 5');
    const same = { ...yesterday, meetings: [meeting('2025-12-10', 55, 45, 0, 2.78)] };
    expect(rateCutCommentary(today, same)).toBe('Futures price 2.8 cuts (70 bp) by December, unchanged since Sep 5; a cut at the September meeting is 92% likely.');
  });

  it('speaks of hikes and holds when those lead, using the engine on the CME check', () => {
    const result = computeFedWatch({
      tradeDate: '2026-09-18',
      currentTarget: [3.75, 4],
      quotes: [
        { month: '2026-10', price: 96.105 },
        { month: '2026-11', price: 95.975 },
      ],
    });
    // cutsPriced -0.58: 0.6 hikes, 14.5 bp rounds to 15; P(hike) 57.57%.
    expect(rateCutCommentary(result)).toBe('Futures price 0.6 hikes (15 bp) by October; a hike at the October meeting is 58% likely.');
    const holdLeads: FedWatchResult = { asOf: '2026-09-18', currentRange: [3.75, 4], unpriced: [], stripEnd: '2026-12', meetings: [meeting('2026-10-28', 10, 80, 10, 0.01)] };
    expect(rateCutCommentary(holdLeads)).toBe('Futures price no change by October; a hold at the October meeting is 80% likely.');
    const hikesBefore = { ...holdLeads, asOf: '2026-09-17', meetings: [meeting('2026-10-28', 5, 55, 40, -0.4)] };
    expect(rateCutCommentary(holdLeads, hikesBefore)).toBe(
      'Futures price no change by October, from 0.4 hikes (10 bp) on Sep 17; a hold at the October meeting is 80% likely (55% on Sep 17).',
    );
    const moreHikes = { ...hikesBefore, meetings: [meeting('2026-10-28', 0, 60, 40, -0.4)] };
    expect(rateCutCommentary(result, moreHikes)).toContain('0.6 hikes (15 bp) by October, up 0.2 hikes since Sep 17');
  });

  it('names the horizon and dates with a year when they leave the current year', () => {
    const december: FedWatchResult = { asOf: '2026-12-15', currentRange: [3.5, 3.75], unpriced: [], stripEnd: '2027-03', meetings: [meeting('2027-01-27', 30, 70, 0, 0.3), meeting('2027-03-17', 50, 50, 0, 0.8)] };
    expect(yearEndMeeting(december)?.date).toBe('2027-03-17');
    expect(rateCutCommentary(december)).toBe('Futures price 0.8 cuts (20 bp) by March 2027; a hold at the January 2027 meeting is 70% likely.');
    expect(meetingMonth('2026-12-09', '2026-09-18')).toBe('December');
    expect(shortDate('2025-12-31', '2026-01-02')).toBe('Dec 31, 2025');
  });

  it('never rounds a near-certainty to certainty and handles an empty result', () => {
    expect(oddsPhrase(99.6)).toBe('>99%');
    expect(oddsPhrase(0.3)).toBe('<1%');
    expect(oddsPhrase(100)).toBe('100%');
    expect(oddsPhrase(0)).toBe('0%');
    expect(cutsPhrase(1.02)).toBe('1.0 cut (26 bp)');
    expect(cutsPhrase(-0.04)).toBe('no change');
    expect(rateCutCommentary({ asOf: '2026-09-18', currentRange: [3.75, 4], meetings: [], unpriced: [], stripEnd: '2026-10' })).toBe(
      'The futures strip prices no upcoming FOMC meeting.',
    );
  });
});

describe('rate-cut commentary focus', () => {
  it('describes the meeting and horizon asked for', () => {
    expect(rateCutCommentary(today, undefined, { meeting: '2025-10-29', by: '2026-01-28' })).toBe(
      'Futures price 3.1 cuts (78 bp) by January 2026; a cut at the October meeting is 70% likely, and the range is 70% likely to be below 4.25-4.50% by then.',
    );
    // Dates that are not priced fall back to the defaults.
    expect(rateCutCommentary(today, undefined, { meeting: '2030-01-01' })).toBe(rateCutCommentary(today));
  });
});
