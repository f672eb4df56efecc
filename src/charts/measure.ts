/** Widths of text in the bundled font (advance widths with the font's kerning). */
import { SHAPING, bundledFont } from './font.ts';

export function isBold(weight: unknown): boolean {
  if (typeof weight === 'number') return weight >= 600;
  return weight === 'bold' || weight === 'bolder' || (typeof weight === 'string' && Number(weight) >= 600);
}

const widths = new Map<string, number>();
const MAX_WIDTHS = 10_000;

/**
 * Width in pixels of `text` drawn at `size` px in the bundled font. Remembered: Vega asks for the same
 * labels many times per chart and opentype.js shapes the whole string on every call.
 */
export function measureText(text: string, size: number, boldWeight = false): number {
  const key = `${boldWeight ? 'b' : 'r'}${size}|${text}`;
  let width = widths.get(key);
  if (width === undefined) {
    if (widths.size >= MAX_WIDTHS) widths.clear();
    width = bundledFont(boldWeight).getAdvanceWidth(text, size, SHAPING);
    widths.set(key, width);
  }
  return width;
}
