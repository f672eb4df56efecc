/**
 * Vega's text measurement pointed at the bundled font. Without a canvas, Vega guesses
 * 0.8 em per character, which over-sizes titles and legends; measuring the real glyphs
 * makes layout match what is drawn, and it stays identical on every machine.
 */
import * as vega from 'vega';
import { isBold, measureText } from './measure.ts';

interface TextItem {
  fontSize?: number;
  fontWeight?: unknown;
  limit?: number;
}

let installed = false;

/** Replaces Vega's (global) text width function. Idempotent. */
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
