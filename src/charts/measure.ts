/**
 * Widths of text in the bundled font, from its advance widths and ASCII kerning (generated into
 * font/metrics.ts), so Vega's layout matches what resvg draws without parsing the font at run time.
 */
import { BOLD, REGULAR } from './font/metrics.ts';

export function isBold(weight: unknown): boolean {
  if (typeof weight === 'number') return weight >= 600;
  return weight === 'bold' || weight === 'bolder' || (typeof weight === 'string' && Number(weight) >= 600);
}

/** Width in pixels of `text` drawn at `size` px in the bundled font. */
export function measureText(text: string, size: number, boldWeight = false): number {
  const face = boldWeight ? BOLD : REGULAR;
  let units = 0;
  let previous = '';
  for (const char of text) {
    units += face.widths[char.codePointAt(0)!] ?? face.notdef;
    if (previous) units += face.kerning[previous + char] ?? 0;
    previous = char;
  }
  return (units * size) / face.unitsPerEm;
}
