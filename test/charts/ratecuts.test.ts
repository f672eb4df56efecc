import { describe, it, expect } from 'vitest';
import { meetingLabel, outcomeShares, rangeOdds, rateCutsAlt, rateCutsSpec } from '../../src/charts/ratecuts.ts';
import { specToSvg } from '../../src/charts/render.ts';
import { rateCutsData } from './fixtures.ts';

describe('rate-cut odds', () => {
  it('orders ranges and tags each as cut, hold or hike against the current range', () => {
    const odds = rangeOdds(
      rateCutsData({ next: { date: '2026-12-09', probabilities: { '3.75-4.00': 5, '3.25-3.50': 60, '3.00-3.25': 10, '3.50-3.75': 25 } } }),
    );
    expect(odds.map((o) => [o.range, o.outcome, o.changeBp])).toEqual([
      ['3.00-3.25', 'cut', -50],
      ['3.25-3.50', 'cut', -25],
      ['3.50-3.75', 'hold', 0],
      ['3.75-4.00', 'hike', 25],
    ]);
    expect(outcomeShares(odds)).toEqual({ cut: 70, hold: 25, hike: 5 });
  });

  it('labels meetings by month and year', () => {
    expect(meetingLabel('2027-01-27')).toBe("Jan '27");
    expect(meetingLabel('soon')).toBe('soon');
  });
});

describe('rate-cut chart', () => {
  it('shows the odds, the path and the current target', async () => {
    const svg = await specToSvg(rateCutsSpec(rateCutsData()));
    expect(svg).toContain('Fed rate-cut pricing');
    expect(svg).toContain(">Next FOMC Dec 9, 2026: 71% cut, 29% hold · implied 2.93% after Jul '27<");
    expect(svg).toContain('71.3%');
    expect(svg).toContain('−25 bp');
    expect(svg).toContain('current target 3.50–3.75%');
    expect(svg).toContain('Source: CME ZQ futures via Yahoo, FedWatch method · as of Nov 19, 2026');
    for (const label of ['3.45', '3.31', '2.93']) expect(svg).toContain(`>${label}<`);
  });

  it('renders the odds alone when there is no path', async () => {
    const svg = await specToSvg(rateCutsSpec(rateCutsData({ path: [] })));
    expect(svg).not.toContain('Implied rate after each meeting');
    expect(svg).toContain('71.3%');
  });

  it('renders the path alone when the next meeting has no odds, and refuses an empty chart', async () => {
    const noOdds = rateCutsData({ next: { date: '2026-12-09', probabilities: {} } });
    const svg = await specToSvg(rateCutsSpec(noOdds));
    expect(svg).not.toContain('Odds by target range');
    expect(svg).toContain('Implied rate after each meeting');
    expect(rateCutsAlt(noOdds)).toMatch(/^Line chart of the implied rate/);
    const empty = rateCutsData({ next: { date: '2026-12-09', probabilities: {} }, path: [] });
    expect(() => rateCutsSpec(empty)).toThrow(/odds or a rate path/);
    expect(() => rateCutsAlt(empty)).toThrow(/odds or a rate path/);
  });

  it('writes alt text from the numbers', () => {
    const alt = rateCutsAlt(rateCutsData());
    expect(alt).toMatch(/^Bar chart of target-range probabilities for the FOMC meeting on Dec 9, 2026: 3\.25-3\.50% 71\.3% \(−25 bp\), 3\.50-3\.75% 28\.7% \(hold\)\./);
    expect(alt).toContain('Jul 28, 2027 2.93%; current target range 3.50-3.75%.');
    expect(alt).toContain('as of Nov 19, 2026.');
  });
});
