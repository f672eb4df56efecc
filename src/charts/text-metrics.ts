/**
 * Text widths from the bundled font's own advance widths. Without a canvas, Vega guesses
 * 0.8 em per character, which over-sizes titles and legends; measuring the real glyphs
 * makes layout match what is drawn, and it stays identical on every machine.
 */
import { readFileSync } from 'node:fs';
import * as vega from 'vega';
import { FONT_FILES } from './font.ts';
import { parseFont, type FontFile } from './font-file.ts';

let regular: FontFile | undefined;
let bold: FontFile | undefined;

/** The bundled regular or bold face, parsed once. */
export function bundledFont(boldWeight = false): FontFile {
  if (boldWeight) return (bold ??= parseFont(readFileSync(FONT_FILES[1]!)));
  return (regular ??= parseFont(readFileSync(FONT_FILES[0]!)));
}

export function isBold(weight: unknown): boolean {
  if (typeof weight === 'number') return weight >= 600;
  return weight === 'bold' || weight === 'bolder' || (typeof weight === 'string' && Number(weight) >= 600);
}

/** Width in pixels of `text` drawn at `size` px in the bundled font (no kerning). */
export function measureText(text: string, size: number, boldWeight = false): number {
  const font = bundledFont(boldWeight);
  let units = 0;
  for (const ch of text) units += font.advance(font.glyphIndex(ch.codePointAt(0)!));
  return (units / font.unitsPerEm) * size;
}

interface TextItem {
  fontSize?: number;
  fontWeight?: unknown;
  limit?: number;
}

let installed = false;

/** Points Vega's (global) text measurement at the bundled font. Idempotent. */
export function installTextMetrics(): void {
  if (installed) return;
  installed = true;
  // textMetrics is exported by vega-scenegraph but missing from vega's typings.
  const metrics = (vega as unknown as { textMetrics: { width: (item: TextItem, text?: unknown) => number } }).textMetrics;
  metrics.width = (item, text) => {
    const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
    const value = text == null ? '' : String(text).trim();
    if (size <= 0 || value === '') return 0;
    const width = measureText(value, size, isBold(item.fontWeight));
    // Vega truncates labels longer than their limit; the drawn width is then at most the limit.
    return item.limit && item.limit > 0 ? Math.min(width, item.limit) : width;
  };
}
