import { describe, it, expect } from 'vitest';
import * as vega from 'vega';
import { installTextMetrics } from '../../src/charts/text-metrics.ts';
import { measureText } from '../../src/charts/measure.ts';

describe('installTextMetrics', () => {
  it("makes Vega measure text with the bundled font's widths", () => {
    installTextMetrics();
    installTextMetrics();
    const width = (vega as unknown as { textMetrics: { width: (item: object, text?: unknown) => number } }).textMetrics.width;
    expect(width({ fontSize: 20 }, 'Russell 2000')).toBeCloseTo(measureText('Russell 2000', 20), 9);
    expect(width({ fontSize: 20, fontWeight: 'bold' }, 'Russell 2000')).toBeCloseTo(measureText('Russell 2000', 20, true), 9);
    // Vega's own estimate would be 0.8 em per character: 192 px here.
    expect(width({ fontSize: 20 }, 'Russell 2000')).toBeLessThan(150);
    expect(width({ fontSize: 20, limit: 50 }, 'Russell 2000')).toBe(50);
    expect(width({ fontSize: 20 }, '  ')).toBe(0);
    expect(width({ fontSize: 11 }, undefined)).toBe(0);
  });
});
