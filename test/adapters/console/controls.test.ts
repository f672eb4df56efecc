import { describe, expect, it } from 'vitest';
import { controlLines } from '../../../adapters/console/render.ts';
import { detailsControl, performanceControls } from '../../../src/controls.ts';

describe('console: controls become the equivalent commands', () => {
  it('lists every view but the current one', () => {
    expect(controlLines(performanceControls('chart', { period: 'ytd', vs: 'sp500', small: 'iwm' }))).toEqual([
      '',
      'Other views:',
      '  1m                             /smallcaps chart 1m vs:sp500 small:iwm',
      '  3m                             /smallcaps chart 3m vs:sp500 small:iwm',
      '  1y                             /smallcaps chart 1y vs:sp500 small:iwm',
      '  5y                             /smallcaps chart 5y vs:sp500 small:iwm',
      '  vs Nasdaq 100 (QQQ)            /smallcaps chart ytd vs:nasdaq small:iwm',
      '  vs S&P 400 mid caps (MDY)      /smallcaps chart ytd vs:midcap small:iwm',
      '  vs Equal-weight S&P 500 (RSP)  /smallcaps chart ytd vs:equalweight small:iwm',
    ]);
    expect(controlLines([detailsControl({ period: '1m', vs: 'sp500', small: 'iwm' })])).toEqual(['', 'Other views:', '  Details  /smallcaps performance 1m vs:sp500 small:iwm']);
    expect(controlLines(undefined)).toEqual([]);
  });
});
