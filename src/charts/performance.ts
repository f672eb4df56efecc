/** Relative performance: small and large rebased to 100 over the period, plus their ratio. */
import type { TopLevelSpec } from 'vega-lite';
import type { PerformanceChartData } from './types.ts';
import { caption, dateAxis, framed, panelTitle, type ViewSpec } from './layout.ts';
import { dateRange, periodWords, seriesName, seriesNameWithSymbol, shortDate, signedPct } from './format.ts';
import { palette } from './theme.ts';

export interface RebasedPoint {
  date: string;
  value: number;
}

export interface PerformanceSeries {
  small: RebasedPoint[];
  large: RebasedPoint[];
  /** (small index / large index) * 100 on the dates both have. */
  ratio: RebasedPoint[];
  smallReturnPct: number;
  largeReturnPct: number;
  /** Growth of small relative to large over the period, in percent. */
  relativePct: number;
  first: string;
  last: string;
}

export function rebase(points: { date: string; close: number }[]): RebasedPoint[] {
  const sorted = [...points].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const base = sorted[0]?.close;
  if (base === undefined || !(base > 0)) throw new Error('chart needs at least one positive close per series');
  return sorted.map((p) => ({ date: p.date, value: (p.close / base) * 100 }));
}

/** Most points a line keeps: about two pixels each at chart width; more only slows rendering. */
export const MAX_LINE_POINTS = 320;

/** Every k-th point plus the last, so the first and last values (the returns) stay exact. */
export function thin<T>(points: T[], max = MAX_LINE_POINTS): T[] {
  if (points.length <= max) return points;
  const step = Math.ceil((points.length - 1) / (max - 1));
  const kept = points.filter((_, i) => i % step === 0);
  if ((points.length - 1) % step !== 0) kept.push(points[points.length - 1] as T);
  return kept;
}

export function performanceSeries(data: PerformanceChartData): PerformanceSeries {
  const small = rebase(data.small.points);
  const large = rebase(data.large.points);
  const largeByDate = new Map(large.map((p) => [p.date, p.value]));
  const ratio: RebasedPoint[] = [];
  for (const p of small) {
    const l = largeByDate.get(p.date);
    if (l !== undefined) ratio.push({ date: p.date, value: (p.value / l) * 100 });
  }
  const lastOf = (s: RebasedPoint[]) => s[s.length - 1] as RebasedPoint;
  const smallReturnPct = lastOf(small).value - 100;
  const largeReturnPct = lastOf(large).value - 100;
  const relativePct = ((1 + smallReturnPct / 100) / (1 + largeReturnPct / 100) - 1) * 100;
  const first = [small[0]!.date, large[0]!.date].sort()[0]!;
  const last = [lastOf(small).date, lastOf(large).date].sort()[1]!;
  return { small: thin(small), large: thin(large), ratio: thin(ratio), smallReturnPct, largeReturnPct, relativePct, first, last };
}

function legendName(side: PerformanceChartData['small'], returnPct: number): string {
  return `${seriesNameWithSymbol(side.label, side.symbol)} ${signedPct(returnPct)}`;
}

/** The rebased-lines panel, reused by the digest. */
export function rebasedLinesView(
  data: PerformanceChartData,
  s: PerformanceSeries,
  width: number,
  height: number,
  legendOrient: 'top' | 'bottom' = 'top',
): ViewSpec {
  const smallName = legendName(data.small, s.smallReturnPct);
  const largeName = legendName(data.large, s.largeReturnPct);
  const rows = [
    ...s.small.map((p, i) => ({ ...p, series: smallName, end: i === s.small.length - 1 })),
    ...s.large.map((p, i) => ({ ...p, series: largeName, end: i === s.large.length - 1 })),
  ];
  const x = dateAxis(rows.map((r) => r.date));
  const y = { field: 'value', type: 'quantitative', scale: { zero: false, nice: true }, axis: { title: 'Rebased to 100', tickCount: 5, grid: true } };
  const color = {
    field: 'series',
    type: 'nominal',
    scale: { domain: [smallName, largeName], range: [palette.small, palette.large] },
    legend: { title: null, orient: legendOrient, direction: 'horizontal', symbolType: 'stroke', symbolSize: 300, columnPadding: 24, offset: 8 },
  };
  return {
    width,
    height,
    data: { values: rows },
    layer: [
      { data: { values: [{}] }, mark: { type: 'rule', color: palette.reference, strokeDash: [4, 4], strokeWidth: 1 }, encoding: { y: { datum: 100 } } },
      { mark: { type: 'line' }, encoding: { x, y, color } },
      { transform: [{ filter: 'datum.end' }], mark: { type: 'point', filled: true, size: 80, opacity: 1 }, encoding: { x, y, color } },
    ],
  };
}

function ratioView(data: PerformanceChartData, s: PerformanceSeries, width: number): ViewSpec {
  const rows = s.ratio.map((p, i) => ({ ...p, end: i === s.ratio.length - 1 }));
  const x = dateAxis(rows.map((r) => r.date));
  const y = { field: 'value', type: 'quantitative', scale: { zero: false, nice: true }, axis: { title: null, tickCount: 3, grid: true } };
  const leader = s.relativePct > 0 ? 'small caps leading' : s.relativePct < 0 ? 'large caps leading' : 'even';
  return {
    width,
    height: 80,
    title: panelTitle(`Ratio ${data.small.symbol}/${data.large.symbol} (100 = even): ${signedPct(s.relativePct)}, ${leader}`),
    data: { values: rows },
    layer: [
      { data: { values: [{}] }, mark: { type: 'rule', color: palette.reference, strokeDash: [4, 4], strokeWidth: 1 }, encoding: { y: { datum: 100 } } },
      { mark: { type: 'area', color: palette.ratio, opacity: 0.12 }, encoding: { x, y, y2: { datum: 100 } } },
      { mark: { type: 'line', color: palette.ratio, strokeWidth: 2.5 }, encoding: { x, y } },
      { transform: [{ filter: 'datum.end' }], mark: { type: 'point', filled: true, size: 60, color: palette.ratio, opacity: 1 }, encoding: { x, y } },
    ],
  };
}

export function performanceSpec(data: PerformanceChartData): TopLevelSpec {
  const s = performanceSeries(data);
  const width = 700;
  const panels: ViewSpec[] = [rebasedLinesView(data, s, width, 220)];
  if (s.ratio.length > 0) panels.push(ratioView(data, s, width));
  const title = `${seriesName(data.small.label, data.small.symbol)} vs ${seriesName(data.large.label, data.large.symbol)}, ${periodWords(data.period)}`;
  const subtitle = `${dateRange(s.first, s.last)}: ${data.small.symbol} ${signedPct(s.smallReturnPct)}, ${data.large.symbol} ${signedPct(s.largeReturnPct)}, relative ${signedPct(s.relativePct)}`;
  return framed(title, subtitle, { vconcat: panels, spacing: 26 }, caption(data.source, data.asOf, 'rebased to 100 at the start'), data.freshness);
}

export function performanceAlt(data: PerformanceChartData): string {
  const s = performanceSeries(data);
  const lead =
    s.relativePct > 0 ? `${data.small.symbol} ahead by ${signedPct(s.relativePct).replace('+', '')}` : s.relativePct < 0 ? `${data.large.symbol} ahead by ${signedPct(-s.relativePct).replace('+', '')}` : 'level';
  return (
    `Line chart: ${seriesNameWithSymbol(data.small.label, data.small.symbol)} ${signedPct(s.smallReturnPct)} vs ` +
    `${seriesNameWithSymbol(data.large.label, data.large.symbol)} ${signedPct(s.largeReturnPct)} over ${periodWords(data.period)} ` +
    `(${dateRange(s.first, s.last)}), rebased to 100; ${data.small.symbol}/${data.large.symbol} ratio ${lead}. ` +
    `Source: ${data.source}, as of ${shortDate(data.asOf)}.`
  );
}
