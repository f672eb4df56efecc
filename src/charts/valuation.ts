/**
 * Valuation: each multiple small against large, and the small-cap premium or discount
 * beside its historical median. `median` in the chart data is read as the median of
 * that premium/discount in percent (as the curated EV/EBITDA figure is published).
 * Premiums published without their multiples (EV/EBITDA vs the S&P 490) come in
 * `premiums`, an optional extension of the contract's ValuationChartData.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ValuationChartData } from './types.ts';
import { caption, framed, panelTitle, type ViewSpec } from './layout.ts';
import { plainName, shortDate, signedPct } from './format.ts';
import { fontSize, palette } from './theme.ts';
import { measureText } from './measure.ts';

export type { PremiumFigure } from './types.ts';
export type ValuationChartInput = ValuationChartData;

export interface ValuationGap {
  metric: string;
  /** The multiples, when the gap was computed from them. */
  small?: number;
  large?: number;
  /** small/large - 1, in percent: premium (+) or discount (−). */
  gapPct: number;
  medianPct?: number;
}

export function valuationGaps(data: ValuationChartInput): ValuationGap[] {
  // A gap between a negative (loss-making) and a positive multiple means nothing.
  const fromBars = data.bars.filter((b) => b.small > 0 && b.large > 0).map((b) => ({
    metric: b.metric,
    small: b.small,
    large: b.large,
    gapPct: (b.small / b.large - 1) * 100,
    ...(b.median !== undefined ? { medianPct: b.median } : {}),
  }));
  const given = (data.premiums ?? []).map((p) => ({
    metric: p.metric,
    gapPct: p.premiumPct,
    ...(p.medianPct !== undefined ? { medianPct: p.medianPct } : {}),
  }));
  return [...fromBars, ...given];
}

/** A multiple such as "13.6x", with a true minus for loss-making ones. */
export function multiple(value: number): string {
  return `${value < 0 ? '−' : ''}${Math.abs(value).toFixed(1)}x`;
}

function gapWords(gapPct: number): string {
  const size = `${Math.abs(gapPct).toFixed(Math.abs(gapPct) >= 10 ? 0 : 1)}%`;
  return gapPct < 0 ? `${size} discount` : gapPct > 0 ? `${size} premium` : 'no gap';
}

/** Metric names down the left; both panels reserve the same room so their titles line up. */
function metricAxis(metrics: string[]): ViewSpec {
  const widest = Math.max(0, ...metrics.map((m) => Math.min(280, measureText(m, fontSize.axisLabel, true))));
  return { title: null, labelFontWeight: 'bold', labelColor: palette.ink, labelPadding: 10, labelLimit: 280, ticks: false, domain: false, minExtent: widest, maxExtent: widest };
}

function multiplesView(data: ValuationChartData, metrics: string[], width: number, height: number): ViewSpec {
  const rows = data.bars.flatMap((b) => [
    { metric: b.metric, side: data.smallLabel, value: b.small, label: multiple(b.small) },
    { metric: b.metric, side: data.largeLabel, value: b.large, label: multiple(b.large) },
  ]);
  const y = { field: 'metric', type: 'nominal', sort: null, axis: metricAxis(metrics) };
  const x = { field: 'value', type: 'quantitative', axis: { title: null, tickCount: 4, grid: true }, scale: { zero: true, nice: true } };
  const sides = [data.smallLabel, data.largeLabel];
  return {
    width,
    height,
    title: panelTitle('Multiples'),
    data: { values: rows },
    encoding: { y, x, yOffset: { field: 'side', type: 'nominal', sort: sides, scale: { paddingInner: 0.12 } } },
    layer: [
      {
        mark: { type: 'bar', cornerRadiusEnd: 3 },
        encoding: {
          color: {
            field: 'side',
            type: 'nominal',
            scale: { domain: sides, range: [palette.small, palette.large] },
            legend: { title: null, orient: 'right', direction: 'vertical', symbolType: 'square', offset: 16 },
          },
        },
      },
      { mark: { type: 'text', align: 'left', dx: 5, fontSize: fontSize.mark, color: palette.ink }, encoding: { text: { field: 'label' } } },
    ],
  };
}

function gapView(data: ValuationChartInput, gaps: ValuationGap[], metrics: string[], width: number, rowHeight: number): ViewSpec {
  const rows = gaps.map((g) => ({ metric: g.metric, gap: g.gapPct, label: signedPct(g.gapPct), sign: g.gapPct < 0 ? 'discount' : 'premium' }));
  const medians = gaps
    .filter((g) => g.medianPct !== undefined)
    .map((g) => ({ metric: g.metric, median: g.medianPct as number, label: `median ${signedPct(g.medianPct as number)}` }));
  const values = [...gaps.map((g) => g.gapPct), ...medians.map((m) => m.median), 0];
  const reach = Math.max(10, ...values.map((v) => Math.abs(v))) * 1.35;
  const axis = { title: null, tickCount: 5, format: '.0f', labelExpr: "datum.value > 0 ? '+' + datum.label + '%' : datum.label + '%'", grid: true };
  const x = { type: 'quantitative', scale: { domain: [-reach, reach], nice: false }, axis };
  const y = { field: 'metric', type: 'nominal', sort: gaps.map((g) => g.metric), axis: metricAxis(metrics) };
  const layers: ViewSpec[] = [
    { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: palette.reference, strokeWidth: 1.5 }, encoding: { x: { ...x, field: 'zero' } } },
    {
      data: { values: rows },
      encoding: { y, x: { ...x, field: 'gap' } },
      layer: [
        { mark: { type: 'bar', cornerRadiusEnd: 3, height: { band: 0.42 }, color: palette.small } },
        {
          transform: [{ calculate: 'datum.gap / 2', as: 'middle' }],
          mark: { type: 'text', fontWeight: 'bold', fontSize: fontSize.mark, color: palette.ink, baseline: 'bottom', dy: -rowHeight * 0.25 },
          encoding: { x: { ...x, field: 'middle' }, text: { field: 'label' } },
        },
      ],
    },
  ];
  if (medians.length > 0) {
    layers.push({
      data: { values: medians },
      encoding: { y, x: { ...x, field: 'median' } },
      layer: [
        { mark: { type: 'tick', color: palette.ink, thickness: 3, size: rowHeight * 0.5 } },
        { mark: { type: 'text', baseline: 'top', dy: rowHeight * 0.27, fontSize: fontSize.caption, color: palette.muted }, encoding: { text: { field: 'label' } } },
      ],
    });
  }
  return {
    width,
    height: rowHeight * gaps.length,
    title: panelTitle(`${data.smallLabel} premium (+) / discount (−)`),
    layer: layers,
  };
}

function multiplesText(g: ValuationGap): string {
  return g.small !== undefined && g.large !== undefined ? `${multiple(g.small)} vs ${multiple(g.large)}, ` : '';
}

function withPlainLabels(data: ValuationChartInput): ValuationChartInput {
  return { ...data, smallLabel: plainName(data.smallLabel) || 'Small caps', largeLabel: plainName(data.largeLabel) || 'Large caps' };
}

export function valuationSpec(input: ValuationChartInput): TopLevelSpec {
  const data = withPlainLabels(input);
  const rowHeight = 76;
  const gaps = valuationGaps(data);
  if (gaps.length === 0 && data.bars.length === 0) throw new Error('valuation chart needs at least one multiple or premium');
  const headline: string[] = [];
  const first = gaps[0];
  if (first) headline.push(`${first.metric} ${multiplesText(first)}a ${gapWords(first.gapPct)}`);
  const withMedian = gaps.find((g) => g.medianPct !== undefined);
  if (withMedian) headline.push(`${withMedian.metric} ${signedPct(withMedian.gapPct)} vs median ${signedPct(withMedian.medianPct!)}`);
  const width = 540;
  const panels: ViewSpec[] = [];
  const metrics = [...new Set([...data.bars.map((b) => b.metric), ...gaps.map((g) => g.metric)])];
  if (data.bars.length > 0) panels.push(multiplesView(data, metrics, width, data.bars.length * 84));
  if (gaps.length > 0) panels.push(gapView(data, gaps, metrics, width, rowHeight));
  return framed(
    `Valuation: ${data.smallLabel} vs ${data.largeLabel}`,
    headline.join(' · '),
    { vconcat: panels, spacing: 30, resolve: { scale: { color: 'independent' } } },
    caption(data.source, data.asOf),
    data.freshness,
  );
}

export function valuationAlt(input: ValuationChartInput): string {
  const data = withPlainLabels(input);
  const gaps = valuationGaps(data);
  const withoutGap = data.bars
    .filter((b) => !gaps.some((g) => g.metric === b.metric))
    .map((b) => `${b.metric} ${data.smallLabel} ${multiple(b.small)} vs ${data.largeLabel} ${multiple(b.large)}`);
  if (gaps.length === 0 && withoutGap.length === 0) throw new Error('valuation chart needs at least one multiple or premium');
  const parts = gaps.map((g) => {
    const median = g.medianPct !== undefined ? `, historical median ${signedPct(g.medianPct)}` : '';
    const multiples = g.small !== undefined && g.large !== undefined ? ` ${data.smallLabel} ${multiple(g.small)} vs ${data.largeLabel} ${multiple(g.large)},` : ` ${data.smallLabel}`;
    return `${g.metric}${multiples} a ${gapWords(g.gapPct)} (${signedPct(g.gapPct)}${median})`;
  });
  return `Bar chart of valuation: ${[...parts, ...withoutGap].join('; ')}. Source: ${data.source}, as of ${shortDate(data.asOf)}.`;
}
