/**
 * One palette for both Discord's dark theme and Slack's light one: a light card
 * (off-white, subtle border, rounded corners) so the chart reads the same on either,
 * with saturated series colours that keep contrast on the card.
 */
import type { Config } from 'vega-lite';
import { FONT_FAMILY } from './font.ts';

export const palette = {
  card: '#f6f7f9',
  cardBorder: '#c9d1dc',
  ink: '#1b2330',
  muted: '#5b6675',
  grid: '#dfe4ea',
  small: '#e8590c',
  large: '#1864ab',
  ratio: '#7b2cbf',
  cut: '#1971c2',
  hold: '#8d99a8',
  hike: '#e8590c',
  reference: '#5b6675',
} as const;

/**
 * Pixel ratio of the PNG over the chart's logical size (~800-950 px wide, already wider than the ~550 px
 * chat clients show inline). 1.5x was sharper on high-density screens but 2.25 times the pixels: 37 against
 * 23 ms a chart (the budget is 30) and 100 against 62 KiB a post, uploaded to every channel of a fan-out.
 */
export const SCALE = 1;
export const CARD_RADIUS = 10;

export const fontSize = {
  title: 26,
  subtitle: 17,
  panelTitle: 16,
  axisLabel: 15,
  axisTitle: 15,
  mark: 15,
  caption: 14,
} as const;

export const vegaConfig: Config = {
  // No aria attributes or descriptions in the SVG: it only goes to resvg; the alt text travels with the PNG.
  aria: false,
  font: FONT_FAMILY,
  background: palette.card,
  padding: 20,
  view: { stroke: null },
  title: {
    font: FONT_FAMILY,
    fontSize: fontSize.title,
    fontWeight: 'bold',
    color: palette.ink,
    anchor: 'start',
    subtitleFont: FONT_FAMILY,
    subtitleFontSize: fontSize.subtitle,
    subtitleColor: palette.muted,
    subtitlePadding: 6,
    offset: 14,
  },
  axis: {
    labelFont: FONT_FAMILY,
    labelFontSize: fontSize.axisLabel,
    labelColor: palette.muted,
    titleFont: FONT_FAMILY,
    titleFontSize: fontSize.axisTitle,
    titleFontWeight: 'normal',
    titleColor: palette.muted,
    gridColor: palette.grid,
    domainColor: palette.grid,
    tickColor: palette.grid,
  },
  legend: {
    labelFont: FONT_FAMILY,
    labelFontSize: fontSize.axisLabel,
    labelColor: palette.ink,
    titleFont: FONT_FAMILY,
    symbolStrokeWidth: 4,
    labelLimit: 420,
  },
  text: { font: FONT_FAMILY, fontSize: fontSize.mark, color: palette.ink },
  line: { strokeWidth: 3 },
  concat: { spacing: 28 },
};
