import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { FONT_FILES } from '../../src/charts/font.ts';
import { parseFont } from '../../src/charts/font-file.ts';
import { measureText } from '../../src/charts/measure.ts';

describe('parseFont', () => {
  const font = parseFont(readFileSync(FONT_FILES[0]!));
  const table = { unitsPerEm: font.unitsPerEm, advance: (cp: number) => font.advance(font.glyphIndex(cp)) };

  it('reads units per em and real advances from the TrueType tables', () => {
    expect(table.unitsPerEm).toBe(2048);
    // A space is narrower than an M, digits share one width (tabular figures).
    expect(table.advance(0x20)).toBeLessThan(table.advance(0x4d));
    const digits = new Set([...'0123456789'].map((d) => table.advance(d.codePointAt(0)!)));
    expect(digits.size).toBe(1);
  });

  it('falls back to the .notdef advance for characters the font lacks', () => {
    // U+4E00 (CJK) is not in DejaVu Sans: the cmap misses and glyph 0 answers, as beyond the BMP.
    expect(table.advance(0x4e00)).toBe(table.advance(0x10ffff));
    expect(table.advance(0x4e00)).not.toBe(table.advance(0x41));
  });

  it('reads simple and composite outlines', () => {
    const contours = (ch: string) => font.outline(font.glyphIndex(ch.codePointAt(0)!));
    expect(contours(' ')).toEqual([]);
    expect(contours('o')).toHaveLength(2);
    // É is E plus an acute accent placed above it.
    const e = contours('E');
    const eAcute = contours('É');
    expect(eAcute.length).toBe(e.length + 1);
    const top = (cs: typeof e) => Math.max(...cs.flat().map((p) => p.y));
    expect(top(eAcute)).toBeGreaterThan(top(e));
  });

  it('rejects a file that is not a font', () => {
    expect(() => parseFont(new Uint8Array(64))).toThrow();
  });
});

describe('measureText', () => {
  it('scales with size, and bold is wider', () => {
    expect(measureText('Russell 2000', 20)).toBeCloseTo(2 * measureText('Russell 2000', 10), 6);
    expect(measureText('Russell 2000', 16, true)).toBeGreaterThan(measureText('Russell 2000', 16));
    expect(measureText('iiii', 16)).toBeLessThan(measureText('WWWW', 16));
    expect(measureText('', 16)).toBe(0);
  });
});
