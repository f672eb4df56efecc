/**
 * Writes the subset fonts the charts draw with (src/charts/font/DejaVuSans*-subset.ttf) from the full DejaVu Sans
 * of the dejavu-fonts-ttf dev dependency: only the glyphs of GLYPHS, no hinting (resvg does not use it). resvg
 * loads its font files on every render, and the full faces (~750 KB each) were most of its time.
 * Run after changing GLYPHS: `npm run charts:font`, then `npm run charts:metrics`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import subsetFont from 'subset-font';
import { FONT_FACES } from '../font.ts';
import { GLYPHS } from './glyphs.ts';

const require = createRequire(import.meta.url);

for (const face of FONT_FACES) {
  const source = readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${face}.ttf`));
  const subset = await subsetFont(source, GLYPHS, { targetFormat: 'sfnt', noHinting: true });
  const out = fileURLToPath(new URL(`./${face}-subset.ttf`, import.meta.url));
  writeFileSync(out, subset);
  console.log(`wrote ${out}: ${source.byteLength} -> ${subset.byteLength} bytes`);
}
