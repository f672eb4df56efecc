import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { FONT_FACES, fontFiles } from '../../src/charts/font.ts';
import { GLYPHS } from '../../src/charts/font/glyphs.ts';
import { BOLD, REGULAR } from '../../src/charts/font/metrics.ts';

describe('the bundled chart font', () => {
  it('is the committed subsets, small enough for resvg to load on every render', () => {
    const files = fontFiles();
    expect(files.map((f) => basename(f))).toEqual(FONT_FACES.map((face) => `${face}-subset.ttf`));
    for (const file of files) expect(statSync(file).size).toBeLessThan(60_000);
  });

  it('has a glyph for every character the subsets are meant to keep', () => {
    for (const face of [REGULAR, BOLD]) {
      const missing = [...GLYPHS].filter((c) => face.widths[c.codePointAt(0)!] === undefined);
      expect(missing).toEqual([]);
    }
  });

  it('keeps every non-ASCII character written in chart code', () => {
    const dir = join(import.meta.dirname, '../../src/charts');
    const sources = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    const used = new Set<string>();
    for (const file of sources) {
      const text = readFileSync(join(dir, file), 'utf8').replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      for (const c of text) if (c.codePointAt(0)! > 0x7e) used.add(c);
    }
    expect(used.size).toBeGreaterThan(0);
    expect([...used].filter((c) => !GLYPHS.includes(c))).toEqual([]);
  });
});
