/** Pieces every chart shares: the headline title, the source caption, the date axis. */
import type { TopLevelSpec } from 'vega-lite';
import { fontSize, palette, vegaConfig } from './theme.ts';
import { shortDate } from './format.ts';
import type { ChartFreshness } from './types.ts';

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
export function framed(title: string, subtitle: string, body: ViewSpec, captionText: string, freshness?: ChartFreshness): TopLevelSpec {
  const warning = freshnessNote(freshness);
  return {
    config: vegaConfig,
    title: warning ? { text: title, subtitle: [subtitle, `\u26a0 ${warning}`] } : { text: title, subtitle },
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

/** What the image says about data that is not live; undefined when it is. */
export function freshnessNote(freshness: ChartFreshness | undefined): string | undefined {
  if (freshness === 'offline') return 'Offline snapshot: not live market data';
  if (freshness === 'stale') return 'Stale data: the latest figures could not be fetched';
  return undefined;
}

/** The least fresh of several charted datasets. */
export function worstFreshness(...all: (ChartFreshness | undefined)[]): ChartFreshness | undefined {
  return all.includes('offline') ? 'offline' : all.includes('stale') ? 'stale' : undefined;
}

/** The least fresh of several sources: offline over stale; undefined when all are live. */
export function leastFresh(...sources: ({ stale: boolean; snapshot?: boolean } | undefined)[]): ChartFreshness | undefined {
  if (sources.some((s) => s?.snapshot)) return 'offline';
  return sources.some((s) => s?.stale) ? 'stale' : undefined;
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

/** Up to this many calendar days, the x axis steps by trading day (1d, 5d and 1m periods). */
export const TRADING_DAY_AXIS_MAX_DAYS = 45;
/** Date labels shown on a trading-day axis. */
const TRADING_DAY_LABELS = 7;

/**
 * The x encoding of dated series. Short spans step one trading day at a time, so weekends and
 * holidays leave no flat gaps and every label sits on a date that has data. Longer spans are a
 * temporal axis in UTC, so output never depends on the host time zone.
 */
export function dateAxis(dates: string[]): ViewSpec {
  const sorted = [...new Set(dates)].sort();
  const spanDays = sorted.length > 1 ? daySpan(sorted[0]!, sorted[sorted.length - 1]!) : 0;
  if (spanDays <= TRADING_DAY_AXIS_MAX_DAYS) {
    const step = Math.ceil(sorted.length / TRADING_DAY_LABELS);
    const labelled = sorted.filter((_, i) => (sorted.length - 1 - i) % step === 0);
    return {
      field: 'date',
      type: 'ordinal',
      scale: { type: 'point', padding: 0.25 },
      axis: { title: null, grid: false, labelAngle: 0, values: labelled, labelExpr: "utcFormat(toDate(datum.value), '%b %-d')" },
    };
  }
  const format = spanDays > 540 ? '%b %Y' : '%b %-d';
  return {
    field: 'date',
    type: 'temporal',
    scale: { type: 'utc' },
    axis: { title: null, format, grid: false, labelOverlap: true, labelFlush: true, tickCount: 6 },
  };
}
