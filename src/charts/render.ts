/** Vega-Lite spec -> Vega -> SVG (headless, no canvas) -> PNG with the bundled font. */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { renderAsync } from '@resvg/resvg-js';
import { FONT_FAMILY, FONT_FILES } from './font.ts';
import { CARD_RADIUS, SCALE, palette } from './theme.ts';
import { installTextMetrics } from './text-metrics.ts';

installTextMetrics();
const quiet = vega.logger(vega.None);

export async function specToSvg(spec: TopLevelSpec): Promise<string> {
  const compiled = compile(spec, { logger: quiet }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
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

export async function svgToPng(svg: string, scale = SCALE): Promise<Uint8Array> {
  const image = await renderAsync(svg, {
    font: {
      fontFiles: [...FONT_FILES],
      loadSystemFonts: false,
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
    },
    fitTo: { mode: 'zoom', value: scale },
    logLevel: 'off',
  });
  return new Uint8Array(image.asPng());
}

export async function renderSpec(spec: TopLevelSpec, scale = SCALE): Promise<Uint8Array> {
  return svgToPng(cardify(await specToSvg(spec)), scale);
}
