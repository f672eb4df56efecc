import { describe, it, expect } from 'vitest';
import { valuationAlt, valuationGaps, valuationSpec } from '../../src/charts/valuation.ts';
import { specToSvg } from '../../src/charts/render.ts';
import { valuationData } from './fixtures.ts';

describe('valuation gaps', () => {
  it('expresses small/large - 1 as a premium or discount in percent', () => {
    const [pe, ev] = valuationGaps(valuationData());
    expect(pe!.gapPct).toBeCloseTo((13.6 / 17.2 - 1) * 100, 10);
    expect(pe!.medianPct).toBeUndefined();
    expect(ev!.medianPct).toBe(8.2);
  });
});

describe('valuation chart', () => {
  it('shows both sides, the gap and the median where known', async () => {
    const svg = await specToSvg(valuationSpec(valuationData()));
    expect(svg).toContain('Valuation: Russell 2000 vs S&amp;P 500');
    expect(svg).toContain('Forward P/E 13.6x vs 17.2x, a 21% discount · EV/EBITDA +3.7% vs median +8.2%');
    for (const text of ['13.6x', '17.2x', '−20.9%', '+3.7%', 'median +8.2%']) expect(svg).toContain(text);
    expect(svg).toContain('Source: Bank of America, Benzinga (LSEG) · as of Nov 14, 2026');
  });

  it('shows premiums published without their multiples beside the median', async () => {
    const data = valuationData({ bars: [{ metric: 'Forward P/E', small: 13.6, large: 17.2 }] });
    const withPremium = { ...data, premiums: [{ metric: 'EV/EBITDA vs S&P 490', premiumPct: 3.7, medianPct: 8.2 }] };
    const svg = await specToSvg(valuationSpec(withPremium));
    for (const text of ['>EV/EBITDA vs S&amp;P 490<', '+3.7%', 'median +8.2%', '−20.9%']) expect(svg).toContain(text);
    expect(valuationAlt(withPremium)).toContain('EV/EBITDA vs S&P 490 Russell 2000 a 3.7% premium (+3.7%, historical median +8.2%)');
    expect(valuationGaps(withPremium).map((g) => g.metric)).toEqual(['Forward P/E', 'EV/EBITDA vs S&P 490']);
  });

  it('refuses a chart with nothing to show', () => {
    expect(() => valuationSpec(valuationData({ bars: [] }))).toThrow(/at least one/);
    expect(() => valuationAlt(valuationData({ bars: [] }))).toThrow(/at least one/);
  });

  it('shows a loss-making (negative) multiple without a meaningless gap', async () => {
    const data = valuationData({ bars: [{ metric: 'Trailing P/E', small: -45.2, large: 24.1 }] });
    expect(valuationGaps(data)).toEqual([]);
    const svg = await specToSvg(valuationSpec(data));
    expect(svg).toContain('−45.2x');
    expect(svg).not.toContain('premium (+)');
    expect(valuationAlt(data)).toContain('Trailing P/E Russell 2000 −45.2x vs S&P 500 24.1x');
  });

  it('draws no median marker when none is given', async () => {
    const svg = await specToSvg(valuationSpec(valuationData({ bars: [{ metric: 'Forward P/E', small: 13.6, large: 17.2 }] })));
    expect(svg).not.toContain('median');
  });

  it('writes alt text from the numbers', () => {
    expect(valuationAlt(valuationData())).toBe(
      'Bar chart of valuation: Forward P/E Russell 2000 13.6x vs S&P 500 17.2x, a 21% discount (−20.9%); ' +
        'EV/EBITDA Russell 2000 11.2x vs S&P 500 10.8x, a 3.7% premium (+3.7%, historical median +8.2%). ' +
        'Source: Bank of America, Benzinga (LSEG), as of Nov 14, 2026.',
    );
  });
});
