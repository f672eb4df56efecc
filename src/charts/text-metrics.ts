/**
 * Text widths from the bundled font's own advance widths. Without a canvas, Vega guesses
 * 0.8 em per character, which over-sizes titles and legends; measuring the real glyphs
 * makes layout match what resvg draws, and it stays identical on every machine.
 */
import { readFileSync } from 'node:fs';
import * as vega from 'vega';
import { FONT_FILES } from './font.ts';

export interface AdvanceTable {
  unitsPerEm: number;
  /** Advance width in font units of a code point's glyph (the .notdef advance when absent). */
  advance(codePoint: number): number;
}

/** Reads head, hhea, hmtx and the Unicode BMP cmap (format 4) of a TrueType file. */
export function readAdvanceTable(font: Uint8Array): AdvanceTable {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const tables = new Map<string, number>();
  const numTables = view.getUint16(4);
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + i * 16;
    const tag = String.fromCharCode(font[rec]!, font[rec + 1]!, font[rec + 2]!, font[rec + 3]!);
    tables.set(tag, view.getUint32(rec + 8));
  }
  const need = (tag: string): number => {
    const offset = tables.get(tag);
    if (offset === undefined) throw new Error(`font has no ${tag} table`);
    return offset;
  };
  const unitsPerEm = view.getUint16(need('head') + 18);
  const numberOfHMetrics = view.getUint16(need('hhea') + 34);
  const hmtx = need('hmtx');
  const glyphAdvance = (glyph: number) => view.getUint16(hmtx + 4 * Math.min(glyph, numberOfHMetrics - 1));

  const cmap = need('cmap');
  let sub = -1;
  for (let i = 0; i < view.getUint16(cmap + 2); i++) {
    const rec = cmap + 4 + i * 8;
    const platform = view.getUint16(rec);
    const encoding = view.getUint16(rec + 2);
    const offset = cmap + view.getUint32(rec + 4);
    if (view.getUint16(offset) === 4 && ((platform === 3 && encoding === 1) || platform === 0)) {
      sub = offset;
      break;
    }
  }
  if (sub < 0) throw new Error('font has no format 4 cmap');
  const segCount = view.getUint16(sub + 6) / 2;
  const endCodes = sub + 14;
  const startCodes = endCodes + segCount * 2 + 2;
  const idDeltas = startCodes + segCount * 2;
  const idRangeOffsets = idDeltas + segCount * 2;

  const glyphOf = (cp: number): number => {
    if (cp > 0xffff) return 0;
    for (let s = 0; s < segCount; s++) {
      if (cp > view.getUint16(endCodes + s * 2)) continue;
      const start = view.getUint16(startCodes + s * 2);
      if (cp < start) return 0;
      const delta = view.getInt16(idDeltas + s * 2);
      const rangeOffsetAt = idRangeOffsets + s * 2;
      const rangeOffset = view.getUint16(rangeOffsetAt);
      if (rangeOffset === 0) return (cp + delta) & 0xffff;
      const glyph = view.getUint16(rangeOffsetAt + rangeOffset + (cp - start) * 2);
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };

  const cache = new Map<number, number>();
  return {
    unitsPerEm,
    advance(cp) {
      let w = cache.get(cp);
      if (w === undefined) {
        w = glyphAdvance(glyphOf(cp));
        cache.set(cp, w);
      }
      return w;
    },
  };
}

let regular: AdvanceTable | undefined;
let bold: AdvanceTable | undefined;

function tables(): { regular: AdvanceTable; bold: AdvanceTable } {
  regular ??= readAdvanceTable(readFileSync(FONT_FILES[0]!));
  bold ??= readAdvanceTable(readFileSync(FONT_FILES[1]!));
  return { regular, bold };
}

function isBold(weight: unknown): boolean {
  if (typeof weight === 'number') return weight >= 600;
  return weight === 'bold' || weight === 'bolder' || (typeof weight === 'string' && Number(weight) >= 600);
}

/** Width in pixels of `text` drawn at `size` px in the bundled font. */
export function measureText(text: string, size: number, boldWeight = false): number {
  const table = boldWeight ? tables().bold : tables().regular;
  let units = 0;
  for (const ch of text) units += table.advance(ch.codePointAt(0)!);
  return (units / table.unitsPerEm) * size;
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
