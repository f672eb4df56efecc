/** Vega-Lite spec -> Vega -> SVG (headless, no canvas) -> PNG with the bundled font. */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import { FONT_FAMILY, fontFiles } from './font.ts';
import { CARD_RADIUS, SCALE, palette } from './theme.ts';
import { installTextMetrics } from './text-metrics.ts';
import { RuntimeCache, layoutOf, viewOf } from './compiled-specs.ts';
import { releaseRenderMemory } from './native-memory.ts';

installTextMetrics();
const quiet = vega.logger(vega.None);

// vega-lite assigns Set.prototype.toJSON when imported. Libraries that snapshot built-in prototypes on
// import break on it (discord.js's event emitter throws "string "Set()" is not iterable"), so the patch
// is kept only while vega-lite compiles, which is synchronous.
type SetWithJson = { toJSON?: unknown };
const setToJson = Object.getOwnPropertyDescriptor(Set.prototype, 'toJSON');
delete (Set.prototype as SetWithJson).toJSON;

export function compileSpec(spec: TopLevelSpec): vega.Spec {
  if (setToJson) Object.defineProperty(Set.prototype, 'toJSON', setToJson);
  try {
    return compile(spec, { logger: quiet }).spec;
  } finally {
    delete (Set.prototype as SetWithJson).toJSON;
  }
}

const runtimes = new RuntimeCache();

export async function specToSvg(spec: TopLevelSpec): Promise<string> {
  const layout = layoutOf(spec);
  const view = viewOf(runtimes.runtime(layout, compileSpec), layout.inputs);
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/**
 * Vega draws a square background; swap it for a rounded card with a thin border so
 * the image has a visible edge on both a white and a near-black chat background.
 */
export function cardify(svg: string): string {
  const open = /^<svg[^>]*\bwidth="([\d.]+)"[^>]*\bheight="([\d.]+)"[^>]*>/.exec(svg);
  if (!open) return svg;
  const width = Number(open[1]);
  const height = Number(open[2]);
  const inner = svg.slice(open[0].length);
  // Vega's background is the first rect it emits; make it transparent so corners stay clear.
  const withoutBackground = inner.replace(/^<rect width="[\d.]+" height="[\d.]+" fill="[^"]*"\s*(?:\/>|><\/rect>)/, '');
  const card =
    `<rect x="0.75" y="0.75" width="${width - 1.5}" height="${height - 1.5}" rx="${CARD_RADIUS}" ` +
    `fill="${palette.card}" stroke="${palette.cardBorder}" stroke-width="1.5"></rect>`;
  return open[0] + card + withoutBackground;
}

/**
 * resvg options: resvg lays out and draws the text from the bundled font only, never the
 * system's, so the pixels are the same on every machine. `fonts: false` is for tests that
 * prove the font matters.
 */
export function rasterOptions(scale = SCALE, fonts = true): ResvgRenderOptions {
  return {
    font: {
      fontFiles: fonts ? [...fontFiles()] : [],
      loadSystemFonts: false,
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
    },
    fitTo: { mode: 'zoom', value: scale },
    logLevel: 'off',
  };
}

/**
 * Rasterised and encoded by resvg on this thread (about 15 ms a chart at 1x). renderAsync would do the raster on
 * libuv's pool, but each pool thread then keeps its own malloc arena of freed pixmaps: measured, the bot
 * held about 17 MB more after one chart. resvg's encoder is about 7 ms slower than zlib on the pool, measured,
 * not worth a hand-written encoder.
 */
export async function svgToPng(svg: string, scale = SCALE): Promise<Uint8Array> {
  const png = new Resvg(svg, rasterOptions(scale)).render().asPng();
  releaseRenderMemory();
  return png;
}

export interface Raster {
  width: number;
  height: number;
  /** RGBA, row-major. */
  pixels: Uint8Array;
}

/** Raw pixels, for checks on what was actually drawn. */
export function rasterize(svg: string, scale = SCALE, fonts = true): Raster {
  const image = new Resvg(svg, rasterOptions(scale, fonts)).render();
  return { width: image.width, height: image.height, pixels: new Uint8Array(image.pixels) };
}

/** The SVG that goes to resvg: Vega's drawing on the card background. */
export async function chartSvg(spec: TopLevelSpec): Promise<string> {
  return cardify(await specToSvg(spec));
}

export async function renderSpec(spec: TopLevelSpec, scale = SCALE): Promise<Uint8Array> {
  return svgToPng(await chartSvg(spec), scale);
}
