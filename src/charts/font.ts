/**
 * The bundled font: subsets of DejaVu Sans (src/charts/font/README.md) that ship with the code, so rendering never
 * depends on system fonts.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Family name inside the TTF files; Vega writes it into the SVG, resvg matches it. */
export const FONT_FAMILY = 'DejaVu Sans';

/** Regular, then bold: the source faces' names in dejavu-fonts-ttf; the subsets are `${face}-subset.ttf`. */
export const FONT_FACES = ['DejaVuSans', 'DejaVuSans-Bold'] as const;

/**
 * Folders that may hold the subsets, relative to this module: './font/' is src/charts/font/ from source and
 * dist/font/ from the bundle (bin/build.js copies them there); the last is a dist/ built without the copy.
 */
const FOLDERS = ['./font/', '../src/charts/font/'];

let files: readonly string[] | undefined;

/** Regular, then bold. TTF only: resvg cannot load WOFF/WOFF2. */
export function fontFiles(): readonly string[] {
  return (files ??= FONT_FACES.map((face) => {
    const candidates = FOLDERS.map((folder) => fileURLToPath(new URL(`${folder}${face}-subset.ttf`, import.meta.url)));
    const found = candidates.find((path) => existsSync(path));
    if (!found) throw new Error(`chart font not found: ${candidates.join(', ')}`);
    return found;
  }));
}
