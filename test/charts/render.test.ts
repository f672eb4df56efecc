import { describe, it, expect } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { cardify, chartSvg, rasterize, renderSpec, specToSvg, svgToPng, type Raster } from '../../src/charts/render.ts';
import { measureText } from '../../src/charts/measure.ts';
import { performanceSpec } from '../../src/charts/performance.ts';
import { SCALE, palette, vegaConfig } from '../../src/charts/theme.ts';
import { performanceData } from './fixtures.ts';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function labelSpec(text: string): TopLevelSpec {
  return {
    config: { ...vegaConfig, padding: 20 },
    width: 400,
    height: 60,
    data: { values: [{ t: text }] },
    mark: { type: 'text', fontSize: 32, align: 'left', baseline: 'middle', x: 10, y: 30, color: '#000000' },
    encoding: { text: { field: 't' } },
  } as TopLevelSpec;
}

/** Pixels that differ between two same-sized rasters, and the box around them. */
function diff(a: Raster, b: Raster, region?: { x0: number; y0: number; x1: number; y1: number }) {
  expect([a.width, a.height]).toEqual([b.width, b.height]);
  let count = 0;
  let minX = Infinity;
  let maxX = -Infinity;
  const { x0, y0, x1, y1 } = region ?? { x0: 0, y0: 0, x1: a.width, y1: a.height };
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * a.width + x) * 4;
      if (a.pixels[i] !== b.pixels[i] || a.pixels[i + 1] !== b.pixels[i + 1] || a.pixels[i + 2] !== b.pixels[i + 2] || a.pixels[i + 3] !== b.pixels[i + 3]) {
        count++;
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
      }
    }
  }
  return { count, minX, maxX };
}

describe('labels are really drawn with the bundled font', () => {
  it('puts ink where a label sits only when there is text and the font is loaded', async () => {
    const text = 'Small caps +7.3%';
    const withText = await specToSvg(labelSpec(text));
    const empty = await specToSvg(labelSpec(''));
    const blank = rasterize(empty, 1);

    const drawn = diff(rasterize(withText, 1), blank);
    expect(drawn.count).toBeGreaterThan(800);
    // The ink spans the width the font's metrics predict (start at padding 20 + x 10).
    expect(drawn.minX).toBeGreaterThanOrEqual(29);
    expect(drawn.minX).toBeLessThanOrEqual(34);
    expect(Math.abs(drawn.maxX + 1 - drawn.minX - measureText(text, 32))).toBeLessThan(6);

    // Same SVG without the font file: resvg draws no glyphs at all.
    expect(diff(rasterize(withText, 1, false), blank).count).toBe(0);
  });

  it('draws the title of a real chart (text pixels present only with the font)', async () => {
    const svg = cardify(await specToSvg(performanceSpec(performanceData())));
    const withFont = rasterize(svg, 1);
    const withoutFont = rasterize(svg, 1, false);
    // Title band: below the top padding, about one title line high.
    const titleBand = { x0: 20, y0: 20, x1: 420, y1: 50 };
    expect(diff(withFont, withoutFont, titleBand).count).toBeGreaterThan(1500);
  });

  it('writes the font family into the SVG and never a generic fallback alone', async () => {
    const svg = await specToSvg(labelSpec('x'));
    expect(svg).toContain('font-family="DejaVu Sans"');
  });
});

describe('renderSpec', () => {
  it('returns a PNG at SCALE times the logical size by default', async () => {
    const svg = cardify(await specToSvg(labelSpec('hi')));
    const width = Number(/width="([\d.]+)"/.exec(svg)?.[1]);
    const png = await renderSpec(labelSpec('hi'));
    expect([...png.slice(0, 8)]).toEqual(PNG_SIGNATURE);
    const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
    expect(view.getUint32(16)).toBe(Math.round(width * SCALE));
  });
});

/** Decodes a PNG with resvg's own decoder by drawing it as an SVG image at 1:1. */
function decode(png: Uint8Array, width: number, height: number): Raster {
  const href = `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><image width="${width}" height="${height}" href="${href}" image-rendering="optimizeSpeed"/></svg>`;
  return rasterize(svg, 1, false);
}

describe('svgToPng', () => {
  it('encodes the pixels resvg drew, translucent card corners included', async () => {
    const svg = await chartSvg(performanceSpec(performanceData()));
    const drawn = rasterize(svg, 1);
    const decoded = decode(await svgToPng(svg, 1), drawn.width, drawn.height);
    let opaqueDiffs = 0;
    let worst = 0;
    let translucent = 0;
    for (let i = 0; i < drawn.pixels.length; i += 4) {
      const alpha = drawn.pixels[i + 3]!;
      if (alpha > 0 && alpha < 255) translucent++;
      for (let c = i; c < i + 4; c++) {
        const d = Math.abs(drawn.pixels[c]! - decoded.pixels[c]!);
        if (alpha === 255 && d > 0) opaqueDiffs++;
        // Premultiplied -> straight alpha in the PNG -> premultiplied again rounds by at most 1.
        worst = Math.max(worst, d);
      }
    }
    expect(translucent).toBeGreaterThan(0);
    expect(opaqueDiffs).toBe(0);
    expect(worst).toBeLessThanOrEqual(1);
  });
});

describe('cardify', () => {
  it('replaces the square background with a rounded, bordered card', async () => {
    const svg = await specToSvg(labelSpec('hi'));
    const carded = cardify(svg);
    expect(svg).toMatch(/<rect width="[\d.]+" height="[\d.]+" fill="#f6f7f9"/);
    expect(carded).not.toMatch(/<rect width="[\d.]+" height="[\d.]+" fill="#f6f7f9"/);
    expect(carded).toContain(`stroke="${palette.cardBorder}"`);
    expect(carded).toMatch(/rx="\d+"/);
  });

  it('leaves corners transparent and the inside opaque', async () => {
    const r = rasterize(cardify(await specToSvg(labelSpec('hi'))), 1);
    const alpha = (x: number, y: number) => r.pixels[(y * r.width + x) * 4 + 3];
    expect(alpha(0, 0)).toBe(0);
    expect(alpha(r.width - 1, r.height - 1)).toBe(0);
    expect(alpha(Math.floor(r.width / 2), Math.floor(r.height / 2))).toBe(255);
  });

  it('passes through text that is not an SVG document', () => {
    expect(cardify('not svg')).toBe('not svg');
  });
});
