import { describe, it, expect } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { cardify, chartSvg, rasterize, specToSvg, type Raster } from '../../src/charts/render.ts';
import { linePath, textToPaths, unescapeXml } from '../../src/charts/text-to-path.ts';
import { measureText } from '../../src/charts/measure.ts';
import { performanceSpec } from '../../src/charts/performance.ts';
import { rateCutsSpec } from '../../src/charts/ratecuts.ts';
import { valuationSpec } from '../../src/charts/valuation.ts';
import { digestSpec } from '../../src/charts/digest.ts';
import { vegaConfig } from '../../src/charts/theme.ts';
import { digestData, performanceData, rateCutsData, valuationData } from './fixtures.ts';

function labelSpec(text: string, fontWeight: 'normal' | 'bold' = 'normal'): TopLevelSpec {
  return {
    config: { ...vegaConfig, padding: 20 },
    width: 500,
    height: 60,
    data: { values: [{ t: text }] },
    mark: { type: 'text', fontSize: 32, fontWeight, align: 'left', baseline: 'middle', x: 10, y: 30, color: '#000000' },
    encoding: { text: { field: 't' } },
  } as TopLevelSpec;
}

/** Dark pixels (the label is black on a light card) and the box around them. */
function ink(r: Raster) {
  let count = 0;
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let y = 0; y < r.height; y++) {
    for (let x = 0; x < r.width; x++) {
      const i = (y * r.width + x) * 4;
      if (r.pixels[i]! < 128 && r.pixels[i + 3]! > 200) {
        count++;
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
      }
    }
  }
  return { count, minX, minY, maxX, maxY };
}

describe('textToPaths', () => {
  for (const weight of ['normal', 'bold'] as const) {
    it(`draws ${weight} labels from the bundled font's outlines, where resvg would draw the text`, async () => {
      const text = 'Small caps +7.3% · Zürich ÉÅ';
      const svg = await specToSvg(labelSpec(text, weight));
      const outlined = textToPaths(svg);
      expect(outlined).not.toContain('<text');

      // No font given to resvg: the outlines alone put ink where the label sits...
      const ours = ink(rasterize(outlined, 1, false));
      expect(ours.count).toBeGreaterThan(1000);
      // ...while the untouched SVG draws nothing without the font.
      expect(ink(rasterize(svg, 1, false)).count).toBe(0);
      // An empty label leaves no ink either.
      expect(ink(rasterize(textToPaths(await specToSvg(labelSpec('', weight))), 1, false)).count).toBe(0);

      // Same place and size as resvg's own text rendering with the font (both apply its kerning).
      const theirs = ink(rasterize(svg, 1, true));
      expect(Math.abs(ours.minX - theirs.minX)).toBeLessThanOrEqual(2);
      expect(Math.abs(ours.minY - theirs.minY)).toBeLessThanOrEqual(2);
      expect(Math.abs(ours.maxY - theirs.maxY)).toBeLessThanOrEqual(2);
      expect(Math.abs(ours.maxX - theirs.maxX)).toBeLessThanOrEqual(6);
      expect(Math.abs(ours.count - theirs.count) / theirs.count).toBeLessThan(0.1);
      expect(Math.abs(ours.maxX + 1 - ours.minX - measureText(text, 32, weight === 'bold'))).toBeLessThan(6);
    });
  }

  it('leaves every chart with no <text> for resvg to lay out', async () => {
    const specs = [performanceSpec(performanceData()), rateCutsSpec(rateCutsData()), valuationSpec(valuationData()), digestSpec(digestData())];
    for (const spec of specs) {
      const svg = await chartSvg(spec);
      expect(svg).not.toContain('<text');
      expect(svg).toContain('<path');
    }
  });

  it('draws a real chart title without any font given to resvg', async () => {
    const spec = performanceSpec(performanceData());
    const titleBand = (r: Raster) => {
      let dark = 0;
      for (let y = 20; y < 50; y++) for (let x = 20; x < 420; x++) if (r.pixels[(y * r.width + x) * 4]! < 100) dark++;
      return dark;
    };
    expect(titleBand(rasterize(await chartSvg(spec), 1, false))).toBeGreaterThan(1500);
    expect(titleBand(rasterize(cardify(await specToSvg(spec)), 1, false))).toBe(0);
  });

  it('keeps the element attributes that matter and stacks tspans as lines', () => {
    const svg =
      '<text text-anchor="middle" transform="translate(10,20)" font-family="DejaVu Sans" font-size="15px" fill="#123456" opacity="0.5">' +
      '<tspan>3.25-3.50</tspan><tspan x="0" dy="19">hold</tspan></text>';
    const out = textToPaths(svg);
    expect(out).toMatch(/^<path transform="translate\(10,20\)" fill="#123456" opacity="0.5" d="M[^"]+"\/>$/);
    const line2 = linePath('hold', 15, false, 'middle', 19);
    expect(out).toContain(line2);
    expect(out.indexOf(line2)).toBeGreaterThan(out.indexOf(linePath('3.25-3.50', 15, false, 'middle', 0)));
  });

  it('anchors lines at start, middle and end by their measured width', () => {
    const firstX = (d: string) => Number(/^M(-?[\d.]+)/.exec(d)![1]);
    const start = firstX(linePath('H', 20, false, 'start'));
    const width = measureText('H', 20);
    expect(firstX(linePath('H', 20, false, 'end'))).toBeCloseTo(start - width, 1);
    expect(firstX(linePath('H', 20, false, 'middle'))).toBeCloseTo(start - width / 2, 1);
  });

  it('draws composite glyphs: an accented capital is its base plus the accent above it', () => {
    const contours = (d: string) => d.split('M').length - 1;
    const top = (d: string) => Math.min(...[...d.matchAll(/[MLQ][^MLQZ]*/g)].flatMap((m) => m[0].slice(1).trim().split(/[ ,]+|(?=-)/).map(Number).filter((_, i) => i % 2 === 1)));
    const e = linePath('E', 20, false, 'start');
    const eAcute = linePath('É', 20, false, 'start');
    expect(contours(eAcute)).toBe(contours(e) + 1);
    expect(top(eAcute)).toBeLessThan(top(e));
    expect(linePath(' ', 20, false, 'start')).toBe('');
  });

  it('writes whole outlines at sizes whose coordinates carry float noise', () => {
    // At 17.6 px some coordinates land a hair above an integer; a writer that turns those
    // into NaN stops the path there and the rest of the line goes missing.
    const d = linePath('xsu5iRdFAk0T', 17.6, false, 'end');
    expect(d).toMatch(/^M[-\d. MLQZ]+$/);
    expect(d.split('M').length - 1).toBe(linePath('xsu5iRdFAk0T', 20, false, 'end').split('M').length - 1);
  });

  it('leaves text it cannot reproduce exactly to resvg', () => {
    const other = '<text font-family="Helvetica" font-size="12px">x</text>';
    const positioned = '<text x="5" font-family="DejaVu Sans" font-size="12px">x</text>';
    expect(textToPaths(other)).toBe(other);
    expect(textToPaths(positioned)).toBe(positioned);
    expect(textToPaths('<text font-family="DejaVu Sans" font-size="12px"></text>')).toBe('');
  });

  it('unescapes XML text', () => {
    expect(unescapeXml('S&amp;P 500 &lt;&gt; &#39;27 &#x2212;1 &quot;a&quot; &nope;')).toBe('S&P 500 <> \'27 −1 "a" &nope;');
  });
});
