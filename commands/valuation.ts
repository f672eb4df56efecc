import { leastFresh } from '../src/charts/layout.ts';
import { defineCommand } from '../src/command.ts';
import { NOT_FUND_STYLE } from '../src/nlu/wording.ts';
import { longDate } from '../src/commentary/valuation.ts';
import { valuationSentences } from '../src/commentary/valuation-facts.ts';
import { metricField } from '../src/fields.ts';
import { computeValuation, issuerWords, valuationJson, type ValuationData, type ValuationResult } from '../src/metrics/valuation.ts';
import type { LiveSide } from '../src/metrics/valuation-live.ts';
import type { Field, Reply, Section } from '../src/reply.ts';
import { valuationSources } from '../src/metrics/valuation-sources.ts';

export default defineCommand({
  name: 'valuation',
  description: 'Valuation gaps: live trailing P/E from the issuers, published forward P/E and EV/EBITDA, against history',
  options: [],
  examples: ['valuation'],
  questions: {
    phrases: [
      {
        weight: 1.0,
        pattern:
          /\b(?:valuations?|valued|valuing|overvalued|undervalued|cheap(?:er|est|ness|ly)?|expensive|pric(?:ey|ier|iest)|richer|bargains?|stretched|multiples?|p\/es?|pe|pes|ev\/ebitda|ebitda)\b/,
      },
      { weight: 1.5, pattern: /\b(?:price to earnings|pe ratio|earnings multiples?|earnings yield|forward pe|forward earnings|ev to ebitda)\b/ },
      { weight: 0.6, pattern: /\btrad(?:e|es|ing) (?:at|on)\b/ },
      { weight: 0.6, pattern: new RegExp(String.raw`\b(?:discount|premium|fair value|rich|mean reversion|${NOT_FUND_STYLE}value)\b`) },
    ],
    words: [
      'valuation', 'valuations', 'valued', 'overvalued', 'undervalued', 'cheap', 'cheaper', 'cheapest',
      'expensive', 'pricey', 'pricier', 'multiple', 'multiples', 'ebitda', 'discount', 'premium', 'stretched', 'bargain',
    ],
    offer: 'valuation',
  },
  async run(ctx) {
    const v = await computeValuation(ctx.market);
    const reply = valuationReply(v);
    const charts = ctx.services.charts;
    if (!charts) return reply;
    const t = v.live.trailingPE;
    const chart = await charts.valuation({
      bars: [
        ...(t ? [{ metric: `Trailing P/E (${t.small.fund} vs ${t.large.fund})`, small: t.small.value, large: t.large.value }] : []),
        { metric: 'Forward P/E (published)', small: v.forwardPE.small, large: v.forwardPE.large },
      ],
      premiums: [{ metric: 'EV/EBITDA vs S&P 490', premiumPct: v.evEbitda.premiumPct, medianPct: v.evEbitda.medianPct }],
      smallLabel: 'Russell 2000',
      largeLabel: 'S&P 500',
      source: chartSources(v),
      asOf: oldestDate(v),
      freshness: leastFresh(v.provenance.forwardPE, v.provenance.evEbitda),
    });
    return { ...reply, chart };
  },
});

/** Each figure's own source and date, for the chart's footer (publisher names without their data vendors). */
export function chartSources(v: ValuationResult): string {
  const p = v.provenance;
  const t = v.live.trailingPE;
  const short = (source: string) => source.replace(/\s*\(.*\)\s*$/, '').replace(/ fund characteristics$/, '');
  const dated = (source: string, asOf: string) => `${short(source)} ${longDate(asOf)}`;
  const forward =
    p.forwardPESmall.source === p.forwardPELarge.source && p.forwardPESmall.asOf === p.forwardPELarge.asOf
      ? dated(p.forwardPESmall.source, p.forwardPESmall.asOf)
      : `${dated(p.forwardPESmall.source, p.forwardPESmall.asOf)}, S&P 500 ${dated(p.forwardPELarge.source, p.forwardPELarge.asOf)}`;
  return [
    ...(t ? [`trailing P/E ${t.small.asOf === t.large.asOf ? dated(t.source, t.asOf) : `${dated(t.source, t.small.asOf)}, ${t.large.fund} ${longDate(t.large.asOf)}`}`] : []),
    `forward P/E ${forward}`,
    `EV/EBITDA ${dated(p.evEbitda.source, p.evEbitda.asOf)}`,
  ].join('; ');
}

function oldestDate(v: ValuationResult): string {
  const dates = [v.forwardPE.asOf, v.provenance.evEbitda.asOf, ...(v.live.trailingPE ? [v.live.trailingPE.asOf] : [])];
  return dates.sort()[0]!;
}

const label = (s: LiveSide) => `${s.index} (${s.fund})`;

export function valuationFields(v: ValuationResult): Field[] {
  const f = metricField;
  const fields: Field[] = [
    f('forwardPE.small', 'Russell 2000 fwd P/E (published)', v.forwardPE.small, 'x'),
    f('forwardPE.large', 'S&P 500 fwd P/E (published)', v.forwardPE.large, 'x'),
  ];
  if (v.live.forwardLarge) fields.push(f('forwardPE.largeLive', `S&P 500 fwd P/E (${issuerWords(v.live.forwardLarge)})`, v.live.forwardLarge.value, 'x'));
  fields.push(
    f('forwardPE.gap', 'Fwd P/E gap (published)', v.forwardPE.gapPct, '%'),
    f('evEbitda.premium', 'EV/EBITDA premium', v.evEbitda.premiumPct, '%'),
    f('evEbitda.median', '10-yr median premium (published)', v.evEbitda.medianPct, '%'),
  );
  return fields;
}

export function trailingFields(v: ValuationResult): Field[] {
  const t = v.live.trailingPE;
  if (!t) return [];
  const fields = [
    metricField('trailingPE.small', `${label(t.small)} trailing P/E`, t.small.value, 'x'),
    metricField('trailingPE.large', `${label(t.large)} trailing P/E`, t.large.value, 'x'),
    metricField('trailingPE.gap', 'Trailing P/E gap', t.gapPct, '%'),
  ];
  if (t.history.enough) fields.push(metricField('trailingPE.median', `Own median, ${t.history.observations} obs. since ${t.history.from}`, t.history.medianPct, '%'));
  return fields;
}

export function valuationCommentary(v: ValuationResult): string {
  return valuationSentences(v).join(' ');
}

function valuationReply(v: ValuationResult): Reply<ValuationData> {
  const t = v.live.trailingPE;
  const sections: Section[] = [];
  if (t) sections.push({ title: `Live: trailing P/E, ${issuerWords(t.small)}, as of ${longDate(t.asOf)}${t.stale ? ' (stale)' : ''}`, fields: trailingFields(v) });
  sections.push({ title: `Published: forward P/E as of ${longDate(v.forwardPE.asOf)}, EV/EBITDA as of ${longDate(v.provenance.evEbitda.asOf)}`, fields: valuationFields(v) });
  const notes: string[] = [];
  if (!t && v.live.note) notes.push(`No live trailing P/E gap: ${v.live.note}.`);
  if (t && !t.history.enough) notes.push(`The live gap's own history is ${t.history.observations} of the ${t.history.needed} observations needed; the medians shown are published ones.`);
  return {
    title: 'Valuation: small caps vs large caps',
    commentary: valuationCommentary(v),
    sections,
    sources: valuationSources(v),
    visibility: 'public',
    tone: (t?.gapPct ?? v.forwardPE.gapPct) < 0 ? 'positive' : 'neutral',
    data: valuationJson(v),
    ...(notes.length ? { notes } : {}),
  };
}
