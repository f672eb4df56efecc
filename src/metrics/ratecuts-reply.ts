/** The `ratecuts` Reply: a meeting's odds, cuts priced meeting by meeting, changes since, decided meetings. */
import type { FedWatchResult, MeetingOdds, UnpricedMeeting } from '../analytics/fedwatch.ts';
import { cutsPhrase, meetingMonth, rateCutCommentary, shortDate } from '../commentary/ratecuts.ts';
import { display, round } from '../format.ts';
import { direction, type Field, type Reply, type Section, type SourceRef } from '../reply.ts';
import type { PricingChange } from './ratecuts-history.ts';
import { yearEndOf, type DecidedMeeting, type RateCutPricing } from './ratecuts.ts';
import { sourceRef, uniqueSources } from './sources.ts';

export const odds = (v: number) => `${v.toFixed(1)}%`;
export const rangeText = ([lo, hi]: readonly [number, number]) => `${lo.toFixed(2)}-${hi.toFixed(2)}%`;

export function field(key: string, label: string, value: number, unit: Field['unit'], text = display(value, unit)): Field {
  return { key, label, value, unit, display: text, direction: direction(unit === 'cuts' ? -value : value) };
}

export function signedCuts(cuts: number): string {
  return cutsPhrase(cuts).replace(/ \(.*\)$/, '');
}

/** The contract's `data.meetings` entry, plus the decision at the meeting alone. */
export function meetingData(m: MeetingOdds) {
  return {
    date: m.date,
    probabilities: Object.fromEntries(Object.entries(m.probabilities).map(([range, p]) => [range, round(p, 4)])),
    pCut: round(m.pCut, 4),
    pHold: round(m.pHold, 4),
    pHike: round(m.pHike, 4),
    expectedRate: m.expectedRate,
    cutsPriced: m.cutsPriced,
    atMeeting: { cut: round(m.atMeeting.cut, 4), hold: round(m.atMeeting.hold, 4), hike: round(m.atMeeting.hike, 4) },
    ...(m.approximate ? { approximate: true, bridgedOver: m.approximate.over } : {}),
  };
}

/** `data` per the contract: {asOf, currentRange, meetings: [...]}, and what else the reply says. */
export function rateCutsData(p: RateCutPricing, changes: PricingChange[] = []) {
  return {
    asOf: p.result.asOf,
    currentRange: [p.result.currentRange[0], p.result.currentRange[1]] as [number, number],
    meetings: p.upcoming.map(meetingData),
    tradeDate: p.strip.tradeDate,
    today: p.today,
    notToday: p.notToday,
    stale: p.strip.provenance.stale,
    rangeAsOf: p.rates.asOf,
    decided: p.decided.map(({ date, before, after, steps }) => ({ date, before, after, steps })),
    unpriced: p.unpriced,
    stripEnd: p.result.stripEnd,
    missingMonths: p.strip.missing ?? [],
    changes: changes.map(({ label, tradeDate, next, yearEnd }) => ({ label, tradeDate, next, yearEnd })),
  };
}

export function rateCutsSources(p: RateCutPricing): SourceRef[] {
  return uniqueSources([sourceRef('Fed funds futures settlements', p.strip.provenance), sourceRef('Fed target range', p.rates.provenance)]);
}

export function decisionWords(d: DecidedMeeting): string {
  if (d.steps === null || d.after === null) return 'outcome not in the range history at hand';
  if (d.steps === 0) return `held at ${rangeText(d.after)}`;
  const verb = d.steps < 0 ? 'cut' : 'raised';
  return `${verb} ${Math.abs(d.steps) * 25} bp to ${rangeText(d.after)}`;
}

export interface ReplyInput {
  pricing: RateCutPricing;
  changes: PricingChange[];
  /** The meeting asked about: priced, or why not. */
  meeting: MeetingOdds | UnpricedMeeting;
  horizon: MeetingOdds;
  previous?: FedWatchResult;
}

export function rateCutsReply({ pricing: p, changes, meeting, horizon, previous }: ReplyInput): Reply {
  const { result, today } = p;
  const when = (date: string) => shortDate(date, today);
  const range = rangeText(result.currentRange);
  const priced = 'probabilities' in meeting ? meeting : undefined;
  const unpriced = 'needs' in meeting ? meeting : undefined;
  const hikes = priced ? priced.pHike > priced.pCut : horizon.cutsPriced < 0;
  const first = p.upcoming[0]!;
  const sections: Section[] = [];
  if (priced) {
    const atFirst = priced.date === first.date && !priced.approximate;
    const top = Object.entries(priced.probabilities).reduce((a, b) => (b[1] > a[1] ? b : a));
    const fields = atFirst
      ? [field('pCut', 'Cut', round(priced.pCut, 4), '%', odds(priced.pCut)), field('pHold', 'No change', round(priced.pHold, 4), '%', odds(priced.pHold)), field('pHike', 'Hike', round(priced.pHike, 4), '%', odds(priced.pHike))]
      : [
          field('atMeeting.cut', 'Cut at this meeting', round(priced.atMeeting.cut, 4), '%', odds(priced.atMeeting.cut)),
          field('atMeeting.hold', 'No change at this meeting', round(priced.atMeeting.hold, 4), '%', odds(priced.atMeeting.hold)),
          field('atMeeting.hike', 'Hike at this meeting', round(priced.atMeeting.hike, 4), '%', odds(priced.atMeeting.hike)),
          field('pCut', `Below ${range} by then`, round(priced.pCut, 4), '%', odds(priced.pCut)),
          field('pHold', `At ${range} then`, round(priced.pHold, 4), '%', odds(priced.pHold)),
          field('pHike', `Above ${range} by then`, round(priced.pHike, 4), '%', odds(priced.pHike)),
        ];
    fields.push(
      field('expectedRate', 'Implied rate after', priced.expectedRate, '%', `${priced.expectedRate.toFixed(3)}%`),
      field('cutsPriced', 'Cuts priced by then', priced.cutsPriced, 'cuts', signedCuts(priced.cutsPriced)),
    );
    sections.push({ title: `${meetingMonth(priced.date, today)} meeting (${priced.date}); most likely ${top[0]} at ${odds(top[1])}`, fields });
  } else if (unpriced) {
    sections.push({ title: `${meetingMonth(unpriced.date, today)} meeting (${unpriced.date}): ${notPricedWords(unpriced, result.stripEnd)}`, fields: [] });
  }
  sections.push(cutsSection(p, range));
  const since = sinceSection(p, changes);
  if (since) sections.push(since);
  if (p.decided.length) {
    sections.push({
      title: `Decided since the strip's trade date (${p.strip.tradeDate})`,
      fields: p.decided.map((d) => field(`decided.${d.date}`, when(d.date), (d.steps ?? 0) * 25, 'bp', decisionWords(d))),
    });
  }
  const date = priced?.date ?? meeting.date;
  return {
    title: `Rate-${hikes ? 'hike' : 'cut'} odds: FOMC ${shortDate(date, '')} (target ${range}${p.notToday ? ` on ${shortDate(p.strip.tradeDate, '')}` : ''})`,
    commentary: rateCutCommentary({ ...result, meetings: p.upcoming }, previous, { meeting: priced?.date ?? first.date, by: horizon.date, today }),
    sections,
    table: {
      columns: ['Meeting', 'Implied rate', 'Cuts priced', 'Most likely range', 'Cut at meeting', `Below ${range} by then`],
      rows: p.upcoming.map((m) => {
        const best = Object.entries(m.probabilities).reduce((a, b) => (b[1] > a[1] ? b : a));
        return [m.approximate ? `${m.date}*` : m.date, `${m.expectedRate.toFixed(3)}%`, signedCuts(m.cutsPriced), `${best[0]} (${odds(best[1])})`, odds(m.atMeeting.cut), odds(m.pCut)];
      }),
    },
    sources: rateCutsSources(p),
    visibility: 'public',
    tone: horizon.cutsPriced >= 0.5 ? 'positive' : horizon.cutsPriced <= -0.5 ? 'negative' : 'neutral',
    data: rateCutsData(p, changes),
    notes: rateCutsNotes(p),
  };
}

/** Cumulative cuts by each priced meeting, in date order, "year end" in its place. */
function cutsSection(p: RateCutPricing, range: string): Section {
  const yearEnd = yearEndOf(p.upcoming);
  const shown = p.upcoming.slice(0, 8);
  if (yearEnd && !shown.includes(yearEnd)) shown.push(yearEnd);
  return {
    title: `Cuts priced by each meeting (25 bp each, from ${range}; futures of ${shortDate(p.strip.tradeDate, p.today)})`,
    fields: shown.map((m) =>
      m === yearEnd
        ? field('cutsByYearEnd', `By ${shortDate(m.date, p.today)} (year end)`, m.cutsPriced, 'cuts', signedCuts(m.cutsPriced))
        : field(`cutsPriced.${m.date}`, `By ${shortDate(m.date, p.today)}`, m.cutsPriced, 'cuts', signedCuts(m.cutsPriced)),
    ),
  };
}

function sinceSection(p: RateCutPricing, changes: PricingChange[]): Section | null {
  const next = p.upcoming[0]!;
  const yearEnd = yearEndOf(p.upcoming);
  const fields: Field[] = [];
  const key = next.pHike > next.pCut ? ('pHike' as const) : ('pCut' as const);
  const word = key === 'pHike' ? 'Hike' : 'Cut';
  for (const c of changes) {
    const tag = `${shortDate(c.tradeDate, p.today)}, ${c.label}`;
    if (c.next) {
      const delta = next[key] - c.next[key];
      fields.push(field(`change.next.${c.tradeDate}`, `${word} odds ${shortDate(next.date, p.today)} vs ${tag}`, round(delta, 4), 'pp', `${display(delta, 'pp')} (${odds(c.next[key])} then)`));
    }
    if (c.yearEnd && yearEnd) {
      const delta = yearEnd.cutsPriced - c.yearEnd.cutsPriced;
      fields.push(field(`change.yearEnd.${c.tradeDate}`, `Cuts by year end vs ${tag}`, round(delta, 2), 'cuts', `${delta >= 0 ? '+' : ''}${delta.toFixed(2)} (${c.yearEnd.cutsPriced.toFixed(2)} then)`));
    }
  }
  return fields.length ? { title: `Since (strip of ${p.strip.tradeDate})`, fields } : null;
}

function notPricedWords(u: UnpricedMeeting, stripEnd: string): string {
  const months = u.needs.join(' and ');
  return u.reason === 'beyond'
    ? `beyond the futures strip, which reaches ${stripEnd}; it would need contract month ${months}`
    : `not priced; the strip has no price for contract month ${months}, which it needs`;
}

function rateCutsNotes(p: RateCutPricing): string[] | undefined {
  const notes: string[] = [];
  const when = (d: string) => shortDate(d, p.today);
  if (p.notToday) {
    const days = Math.round((Date.parse(p.today) - Date.parse(p.strip.tradeDate)) / 86_400_000);
    notes.push(`Priced from the futures strip of ${p.strip.tradeDate}, not today's (${days} day${days === 1 ? '' : 's'} old); odds are measured from the ${rangeText(p.result.currentRange)} range in force that day.`);
  }
  if (p.decided.length) notes.push(`Decided since that strip: ${p.decided.map((d) => `${when(d.date)} (${decisionWords(d)})`).join(', ')}; those meetings are no longer priced.`);
  if (p.rangeNote) notes.push(p.rangeNote);
  const gaps = p.unpriced.filter((u) => u.reason === 'gap');
  if (gaps.length) notes.push(`Not priced (holes in the strip): ${gaps.map((u) => `${when(u.date)} (needs ${u.needs.join(' and ')})`).join(', ')}.`);
  const beyond = p.unpriced.find((u) => u.reason === 'beyond');
  if (beyond) notes.push(`The strip reaches ${p.result.stripEnd}; the ${when(beyond.date)} meeting and later ones would need contract month ${beyond.needs.join(' and ')} on.`);
  const bridged = p.upcoming.find((m) => m.approximate);
  if (bridged) notes.push(`* From ${when(bridged.date)} on the odds are approximate: the unpriced meetings before it are bridged by the drift the strip prices.`);
  if (p.strip.missing?.length) notes.push(`Contract months without a price: ${p.strip.missing.map((m) => `${m.month} (${m.reason})`).join('; ')}.`);
  return notes.length ? notes : undefined;
}
