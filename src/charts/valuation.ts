/**
 * Valuation: each multiple small against large, and the small-cap premium or discount
 * beside its historical median. `median` in the chart data is read as the median of
 * that premium/discount in percent (as the curated EV/EBITDA figure is published).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ValuationChartData } from './types.ts';
import { caption, framed, panelTitle, type ViewSpec } from './layout.ts';
import { shortDate, signedPct } from './format.ts';
import { fontSize, palette } from './theme.ts';

export interface ValuationGap {
  metric: string;
  small: number;
  large: number;
  /** small/large - 1, in percent: premium (+) or discount (−). */
  gapPct: number;
  medianPct?: number;
}

export function valuationGaps(data: ValuationChartData): ValuationGap[] {
  return data.bars.map((b) => ({
    metric: b.metric,
    small: b.small,
    large: b.large,
    gapPct: (b.small / b.large - 1) * 100,
    ...(b.median !== undefined ? { medianPct: b.median } : {}),
  }));
}

function gapWords(gapPct: number): string {
  const size = `${Math.abs(gapPct).toFixed(Math.abs(gapPct) >= 10 ? 0 : 1)}%`;
  return gapPct < 0 ? `${size} discount` : gapPct > 0 ? `${size} premium` : 'no gap';
}

function multiplesView(data: ValuationChartData, width: number, height: number): ViewSpec {
  const rows = data.bars.flatMap((b) => [
    { metric: b.metric, side: data.smallLabel, value: b.small, label: `${b.small.toFixed(1)}x` },
    { metric: b.metric, side: data.largeLabel, value: b.large, label: `${b.large.toFixed(1)}x` },
  ]);
  const y = { field: 'metric', type: 'nominal', sort: null, axis: { title: null, labelFontWeight: 'bold', labelColor: palette.ink, labelPadding: 8 } };
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
            legend: { title: null, orient: 'bottom', direction: 'horizontal', symbolType: 'square', columnPadding: 20, offset: 12 },
          },
        },
      },
      { mark: { type: 'text', align: 'left', dx: 5, fontSize: fontSize.mark, color: palette.ink }, encoding: { text: { field: 'label' } } },
    ],
  };
}

function gapView(data: ValuationChartData, width: number, height: number): ViewSpec {
  const rowHeight = height / Math.max(data.bars.length, 1);
  const gaps = valuationGaps(data);
  const rows = gaps.map((g) => ({ metric: g.metric, gap: g.gapPct, label: signedPct(g.gapPct), sign: g.gapPct < 0 ? 'discount' : 'premium' }));
  const medians = gaps
    .filter((g) => g.medianPct !== undefined)
    .map((g) => ({ metric: g.metric, median: g.medianPct as number, label: `median ${signedPct(g.medianPct as number)}` }));
  const values = [...gaps.map((g) => g.gapPct), ...medians.map((m) => m.median), 0];
  const reach = Math.max(10, ...values.map((v) => Math.abs(v))) * 1.35;
  const axis = { title: null, tickCount: 5, format: '.0f', labelExpr: "datum.value > 0 ? '+' + datum.label + '%' : datum.label + '%'", grid: true };
  const x = { type: 'quantitative', scale: { domain: [-reach, reach], nice: false }, axis };
  const y = { field: 'metric', type: 'nominal', sort: data.bars.map((b) => b.metric), axis: null };
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
    height,
    title: panelTitle(`${data.smallLabel} premium (+) / discount (−)`),
    layer: layers,
  };
}

export function valuationSpec(data: ValuationChartData): TopLevelSpec {
  const height = Math.max(1, data.bars.length) * 100;
  const first = valuationGaps(data)[0];
  const subtitle = first
    ? `${first.metric} ${first.small.toFixed(1)}x vs ${first.large.toFixed(1)}x: a ${gapWords(first.gapPct)}` +
      (first.medianPct !== undefined ? ` (median ${signedPct(first.medianPct)})` : '')
    : '';
  return framed(
    `Valuation: ${data.smallLabel} vs ${data.largeLabel}`,
    subtitle,
    {
      hconcat: [multiplesView(data, 300, height), gapView(data, 300, height)],
      spacing: 40,
      resolve: { scale: { color: 'independent' } },
    },
    caption(data.source, data.asOf),
  );
}

export function valuationAlt(data: ValuationChartData): string {
  const parts = valuationGaps(data).map((g) => {
    const median = g.medianPct !== undefined ? `, historical median ${signedPct(g.medianPct)}` : '';
    return `${g.metric} ${data.smallLabel} ${g.small.toFixed(1)}x vs ${data.largeLabel} ${g.large.toFixed(1)}x, a ${gapWords(g.gapPct)} (${signedPct(g.gapPct)}${median})`;
  });
  return `Bar chart of valuation multiples: ${parts.join('; ')}. Source: ${data.source}, as of ${shortDate(data.asOf)}.`;
}
