/** The bundled font: resolved from the npm package so rendering never depends on system fonts. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Font, default as OpenType } from 'opentype.js';

const require = createRequire(import.meta.url);

/** Family name inside the TTF files; Vega writes it into the SVG, resvg matches it. */
export const FONT_FAMILY = 'DejaVu Sans';

/** Regular, then bold. TTF only: resvg cannot load WOFF/WOFF2. */
export const FONT_FILES: readonly string[] = [
  require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
];

const faces: (Font | undefined)[] = [];

/** The bundled regular or bold face, parsed once. */
export function bundledFont(bold = false): Font {
  const i = bold ? 1 : 0;
  return (faces[i] ??= load(FONT_FILES[i]!));
}

/**
 * Shaping options for every measure and outline. DejaVu files its kerning under the Latin
 * script; opentype.js looks under the default script unless told.
 */
export const SHAPING = { script: 'latn' } as const;

function load(file: string): Font {
  // Required on the first measurement, not at import: the chart modules load with every command, and
  // opentype.js is needed only when a chart is actually drawn.
  const opentype: typeof OpenType = require('opentype.js');
  const font = opentype.parse(new Uint8Array(readFileSync(file)).buffer);
  // opentype.js 2.0.0 throws on any multi-letter string when a font's ccmp feature holds a
  // chaining-context lookup of format 2, as DejaVu's does (opentypejs/opentype.js#861, open).
  // Chart labels have no combining marks to compose, so the feature is emptied, not fixed.
  for (const record of font.tables.gsub?.features ?? []) if (record.tag === 'ccmp') record.feature.lookupListIndexes = [];
  return font;
}
