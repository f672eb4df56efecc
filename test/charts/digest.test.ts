import { describe, it, expect } from 'vitest';
import { digestAlt, digestSpec } from '../../src/charts/digest.ts';
import { specToSvg } from '../../src/charts/render.ts';
import { digestData, performanceData, rateCutsData } from './fixtures.ts';

describe('digest chart', () => {
  it('is one panel of performance beside the rate path', async () => {
    const svg = await specToSvg(digestSpec(digestData()));
    expect(svg).toContain('Small vs large caps, Nov 19, 2026');
    expect(svg).toContain('IWM +7.3% vs SPY +2.1% over 1 month · next FOMC Dec 9: 71% cut odds');
    expect(svg).toContain('Implied rate after each meeting');
    expect(svg).toContain('Sources: Yahoo Finance daily closes; CME ZQ futures via Yahoo, FedWatch method · as of Nov 19, 2026');
  });

  it('works without rate-cut data and dates the chart by the newest input', async () => {
    const svg = await specToSvg(digestSpec({ performance: performanceData() }));
    expect(svg).not.toContain('Implied rate');
    const later = await specToSvg(digestSpec({ performance: performanceData(), rateCuts: rateCutsData({ asOf: '2026-11-20' }) }));
    expect(later).toContain('Small vs large caps, Nov 20, 2026');
  });

  it('leaves out what the rate data lacks', async () => {
    const noPath = rateCutsData({ path: [] });
    const svg = await specToSvg(digestSpec({ performance: performanceData(), rateCuts: noPath }));
    expect(svg).not.toContain('Implied rate after each meeting');
    expect(svg).toContain('next FOMC Dec 9: 71% cut odds');
    const noOdds = rateCutsData({ next: { date: '2026-12-09', probabilities: {} } });
    const alt = digestAlt({ performance: performanceData(), rateCuts: noOdds });
    expect(alt).not.toContain('odds of a cut');
    expect(alt).toContain('Line chart of the implied rate');
  });

  it('writes alt text covering both parts', () => {
    const alt = digestAlt(digestData());
    expect(alt).toContain('IWM) +7.3% vs S&P 500 (SPY) +2.1% over 1 month');
    expect(alt).toContain('Line chart of the implied rate after each meeting: Dec 9, 2026 3.45%');
    expect(alt).toContain('Next FOMC meeting Dec 9, 2026: 71% odds of a cut.');
  });
});
