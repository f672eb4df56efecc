/** Widths of text in the bundled font (advance widths with the font's kerning). */
import { SHAPING, bundledFont } from './font.ts';

export function isBold(weight: unknown): boolean {
  if (typeof weight === 'number') return weight >= 600;
  return weight === 'bold' || weight === 'bolder' || (typeof weight === 'string' && Number(weight) >= 600);
}

/** Width in pixels of `text` drawn at `size` px in the bundled font. */
export function measureText(text: string, size: number, boldWeight = false): number {
  return bundledFont(boldWeight).getAdvanceWidth(text, size, SHAPING);
}
