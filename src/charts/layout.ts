/** Pieces every chart shares: the headline title, the source caption, the date axis. */
import type { TopLevelSpec } from 'vega-lite';
import { fontSize, palette, vegaConfig } from './theme.ts';
import { shortDate } from './format.ts';

/** Any Vega-Lite view (single, layered or concatenated) without top-level-only keys. */
export type ViewSpec = Record<string, any>;

export function caption(source: string, asOf: string, extra?: string): string {
  const parts = [`Source: ${source}`, `as of ${shortDate(asOf)}`];
  if (extra) parts.push(extra);
  return parts.join(' · ');
}

/**
 * Wraps the chart body so the headline sits on top and the caption (source, as-of)
 * underneath, both declared in the spec itself.
 */
export function framed(title: string, subtitle: string, body: ViewSpec, captionText: string): TopLevelSpec {
  return {
    config: vegaConfig,
    title: { text: title, subtitle },
    vconcat: [
      {
        ...body,
        title: {
          text: captionText,
          orient: 'bottom',
          anchor: 'start',
          fontSize: fontSize.caption,
          fontWeight: 'normal',
          color: palette.muted,
          offset: 16,
        },
      },
    ],
  } as TopLevelSpec;
}

/** A panel heading smaller than the chart title, with an optional muted second line. */
export function panelTitle(text: string, subtitle?: string): ViewSpec {
  const title: ViewSpec = { text, fontSize: fontSize.panelTitle, fontWeight: 'bold', color: palette.ink, anchor: 'start', offset: 10 };
  if (subtitle) Object.assign(title, { subtitle, subtitleFontSize: fontSize.caption, subtitleColor: palette.muted, subtitlePadding: 4 });
  return title;
}

/** Day span between two ISO dates. */
export function daySpan(first: string, last: string): number {
  return Math.round((Date.parse(last) - Date.parse(first)) / 86_400_000);
}

/**
 * Temporal x encoding in UTC, so output never depends on the host time zone.
 * Over a few days the ticks sit on the trading dates themselves; automatic ticks would
 * fall between them and repeat the same date label.
 */
export function dateAxis(dates: string[]): ViewSpec {
  const sorted = [...new Set(dates)].sort();
  const spanDays = sorted.length > 1 ? daySpan(sorted[0]!, sorted[sorted.length - 1]!) : 0;
  const format = spanDays > 540 ? '%b %Y' : '%b %-d';
  const ticks = spanDays <= 10 ? { values: sorted.map((d) => Date.parse(`${d.slice(0, 10)}T00:00:00Z`)) } : { tickCount: 6 };
  return {
    field: 'date',
    type: 'temporal',
    scale: { type: 'utc' },
    axis: { title: null, format, grid: false, labelOverlap: true, labelFlush: true, ...ticks },
  };
}
