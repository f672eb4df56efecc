/** Widths of text in the bundled font, from its own advance widths (no kerning). */
import { readFileSync } from 'node:fs';
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

/** Width in pixels of `text` drawn at `size` px in the bundled font. */
export function measureText(text: string, size: number, boldWeight = false): number {
  const font = bundledFont(boldWeight);
  let units = 0;
  for (const ch of text) units += font.advance(font.glyphIndex(ch.codePointAt(0)!));
  return (units / font.unitsPerEm) * size;
}
