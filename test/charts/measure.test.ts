import { describe, it, expect } from 'vitest';
import { measureText } from '../../src/charts/measure.ts';

describe('measureText', () => {
  it('scales with size, and bold is wider', () => {
    expect(measureText('Russell 2000', 20)).toBeCloseTo(2 * measureText('Russell 2000', 10), 6);
    expect(measureText('Russell 2000', 16, true)).toBeGreaterThan(measureText('Russell 2000', 16));
    expect(measureText('iiii', 16)).toBeLessThan(measureText('WWWW', 16));
    expect(measureText('', 16)).toBe(0);
  });

  it("uses the font's real advances: tabular digits, a narrow space", () => {
    const digits = new Set([...'0123456789'].map((d) => measureText(d, 20)));
    expect(digits.size).toBe(1);
    expect(measureText(' ', 20)).toBeLessThan(measureText('M', 20));
    // DejaVu Sans is 2048 units per em; its M advances 1767 units.
    expect(measureText('M', 2048)).toBe(1767);
  });

  it("applies the font's kerning", () => {
    expect(measureText('AV', 20)).toBeLessThan(measureText('A', 20) + measureText('V', 20));
    expect(measureText('HH', 20)).toBeCloseTo(2 * measureText('H', 20), 9);
  });

  it('gives characters the font lacks the .notdef width', () => {
    expect(measureText('\u4e00', 20)).toBe(measureText('\u4e01', 20));
    expect(measureText('\u4e00', 20)).toBeGreaterThan(0);
  });
});

describe('measureText against what resvg draws', () => {
  it('matches the width of the ink resvg lays out from the bundled font, kerning included', async () => {
    const { rasterize } = await import('../../src/charts/render.ts');
    for (const [text, bold] of [['Russell 2000 (IWM) AVAV Toyota', false], ['Fed rate-cut pricing', true]] as const) {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1400" height="60"><text x="0" y="45" font-family="DejaVu Sans" font-size="40"${bold ? ' font-weight="bold"' : ''}>${text}</text></svg>`;
      const r = rasterize(svg, 1);
      let right = 0;
      for (let y = 0; y < r.height; y++) for (let x = 0; x < r.width; x++) if (r.pixels[(y * r.width + x) * 4 + 3]! > 128) right = Math.max(right, x + 1);
      // The ink ends a side bearing short of the advance.
      expect(right).toBeGreaterThan(measureText(text, 40, bold) - 8);
      expect(right).toBeLessThanOrEqual(Math.ceil(measureText(text, 40, bold)));
    }
  });
});
