/** The bundled font: resolved from the npm package so rendering never depends on system fonts. */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Family name inside the TTF files; Vega writes it into the SVG, resvg matches it. */
export const FONT_FAMILY = 'DejaVu Sans';

/** Regular, then bold. TTF only: resvg cannot load WOFF/WOFF2. */
export const FONT_FILES: readonly string[] = [
  require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
];
