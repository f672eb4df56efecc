/** Rate-cut pricing: next meeting's target-range odds and the implied rate path. */
import type { TopLevelSpec } from 'vega-lite';
import type { RateCutsChartData } from './types.ts';
import { caption, framed, panelTitle, type ViewSpec } from './layout.ts';
import { pct, rangeLow, shortDate } from './format.ts';
import { fontSize, palette } from './theme.ts';

export type Outcome = 'cut' | 'hold' | 'hike';

export interface RangeOdds {
  range: string;
  probability: number;
  outcome: Outcome;
  /** Change from the current range in basis points (negative for cuts). */
  changeBp: number;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2027-01-27" -> "Jan '27": FOMC meets at most once a month, so month and year name a meeting. */
export function meetingLabel(iso: string): string {
  const m = /^(\d{4})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${MONTHS[Number(m[2]) - 1] ?? m[2]} '${m[1]!.slice(2)}`;
}

/** Odds sorted from the lowest range up, each tagged cut/hold/hike against the current range. */
export function rangeOdds(data: RateCutsChartData): RangeOdds[] {
  const [lo] = data.currentRange;
  return Object.entries(data.next.probabilities)
    .map(([range, probability]) => {
      const changeBp = Math.round((rangeLow(range) - lo) * 100);
      const outcome: Outcome = changeBp < 0 ? 'cut' : changeBp > 0 ? 'hike' : 'hold';
      return { range, probability, outcome, changeBp };
    })
    .sort((a, b) => rangeLow(a.range) - rangeLow(b.range) || a.range.localeCompare(b.range));
}

export function outcomeShares(odds: RangeOdds[]): Record<Outcome, number> {
  const shares: Record<Outcome, number> = { cut: 0, hold: 0, hike: 0 };
  for (const o of odds) shares[o.outcome] += o.probability;
  return shares;
}

function changeText(bp: number): string {
  return bp === 0 ? 'hold' : `${bp < 0 ? '−' : '+'}${Math.abs(bp)} bp`;
}

export function oddsView(data: RateCutsChartData, width: number, height: number): ViewSpec {
  const rows = rangeOdds(data).map((o) => ({ ...o, label: pct(o.probability), axisLabel: `${o.range}|${changeText(o.changeBp)}` }));
  const x = {
    field: 'axisLabel',
    type: 'nominal',
    sort: null,
    axis: { title: null, labelAngle: 0, labelExpr: "split(datum.label, '|')", labelPadding: 6, labelLineHeight: 19 },
  };
  return {
    width,
    height,
    title: panelTitle(`Odds by target range, ${shortDate(data.next.date, false)}`, 'blue: cut · grey: hold · orange: hike'),
    data: { values: rows },
    encoding: { x },
    layer: [
      {
        mark: { type: 'bar', cornerRadiusEnd: 3, width: { band: 0.7 } },
        encoding: {
          y: { field: 'probability', type: 'quantitative', scale: { domain: [0, 100] }, axis: { title: 'Probability (%)', tickCount: 5 } },
          color: {
            field: 'outcome',
            type: 'nominal',
            scale: { domain: ['cut', 'hold', 'hike'], range: [palette.cut, palette.hold, palette.hike] },
            legend: null,
          },
        },
      },
      {
        mark: { type: 'text', dy: -10, fontWeight: 'bold', fontSize: fontSize.mark, color: palette.ink },
        encoding: { y: { field: 'probability', type: 'quantitative' }, text: { field: 'label' } },
      },
    ],
  };
}

export function pathView(data: RateCutsChartData, width: number, height: number): ViewSpec {
  const rows = data.path.map((p) => ({ meeting: meetingLabel(p.date), rate: p.expectedRate, label: p.expectedRate.toFixed(2) }));
  const [lo, hi] = data.currentRange;
  const rates = [...data.path.map((p) => p.expectedRate), lo, hi];
  const domain = [Math.floor(Math.min(...rates) * 4 - 1) / 4, Math.ceil(Math.max(...rates) * 4) / 4];
  const x = { field: 'meeting', type: 'ordinal', sort: null, axis: { title: null, labelAngle: 0, labelOverlap: true } };
  const scale = { domain, nice: false, zero: false };
  const y = { field: 'rate', type: 'quantitative', scale, axis: { title: 'Implied rate (%)', tickCount: 5, format: '.2f' } };
  return {
    width,
    height,
    title: panelTitle('Implied rate after each meeting', `shaded: current target ${lo.toFixed(2)}–${hi.toFixed(2)}%`),
    layer: [
      {
        data: { values: [{ lo, hi }] },
        mark: { type: 'rect', color: palette.hold, opacity: 0.22 },
        encoding: { y: { field: 'lo', type: 'quantitative', scale }, y2: { field: 'hi' } },
      },
      {
        data: { values: rows },
        encoding: { x, y },
        layer: [
          { mark: { type: 'line', color: palette.cut, strokeWidth: 3 } },
          { mark: { type: 'point', filled: true, size: 70, color: palette.cut, opacity: 1 } },
          { mark: { type: 'text', dy: 16, fontSize: fontSize.caption, color: palette.ink }, encoding: { text: { field: 'label' } } },
        ],
      },
    ],
    resolve: { scale: { y: 'shared' } },
  };
}

export function rateCutsHeadline(data: RateCutsChartData): string {
  const odds = rangeOdds(data);
  const shares = outcomeShares(odds);
  const parts: string[] = [];
  if (odds.length > 0) {
    parts.push(`Next FOMC ${shortDate(data.next.date)}: ${pct(shares.cut, 0)} cut, ${pct(shares.hold, 0)} hold`);
    if (shares.hike >= 0.5) parts[0] += `, ${pct(shares.hike, 0)} hike`;
  }
  const last = data.path[data.path.length - 1];
  if (last) parts.push(`implied ${last.expectedRate.toFixed(2)}% after ${meetingLabel(last.date)}`);
  return parts.join(' · ');
}

export function rateCutsSpec(data: RateCutsChartData): TopLevelSpec {
  // Range labels need ~86 px each side by side; the path panel gives way up to a point.
  const oddsWidth = Math.max(260, Object.keys(data.next.probabilities).length * 86);
  const hasOdds = Object.keys(data.next.probabilities).length > 0;
  if (!hasOdds && data.path.length === 0) throw new Error('rate-cut chart needs odds or a rate path');
  const panels: ViewSpec[] = [];
  if (hasOdds) panels.push(oddsView(data, oddsWidth, 230));
  if (data.path.length > 0) panels.push(pathView(data, hasOdds ? Math.max(320, 640 - oddsWidth) : 640, 230));
  return framed(
    'Fed rate-cut pricing',
    rateCutsHeadline(data),
    { hconcat: panels, spacing: 40 },
    caption(data.source, data.asOf),
    data.freshness,
  );
}

export function oddsSentence(data: RateCutsChartData): string {
  const odds = rangeOdds(data)
    .map((o) => `${o.range}% ${pct(o.probability)} (${changeText(o.changeBp)})`)
    .join(', ');
  return `Bar chart of target-range probabilities for the FOMC meeting on ${shortDate(data.next.date)}: ${odds}.`;
}

export function pathSentence(data: RateCutsChartData): string {
  if (data.path.length === 0) return '';
  const path = data.path.map((p) => `${shortDate(p.date)} ${p.expectedRate.toFixed(2)}%`).join(', ');
  const [lo, hi] = data.currentRange;
  return `Line chart of the implied rate after each meeting: ${path}; current target range ${lo.toFixed(2)}-${hi.toFixed(2)}%.`;
}

export function rateCutsAlt(data: RateCutsChartData): string {
  const hasOdds = Object.keys(data.next.probabilities).length > 0;
  if (!hasOdds && data.path.length === 0) throw new Error('rate-cut chart needs odds or a rate path');
  const path = pathSentence(data);
  return `${hasOdds ? oddsSentence(data) + ' ' : ''}${path ? path + ' ' : ''}Source: ${data.source}, as of ${shortDate(data.asOf)}.`;
}
