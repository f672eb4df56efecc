/** The `ratecuts` Reply for a meeting that already happened: the decision, and the odds the trading day before. */
import { meetingMonth, oddsPhrase, shortDate } from '../commentary/ratecuts.ts';
import { round } from '../format.ts';
import type { Provenance } from '../market/types.ts';
import type { Reply, Section } from '../reply.ts';
import type { PastMeeting } from './ratecuts-history.ts';
import { decisionWords, field, meetingData, odds, rangeText, signedCuts } from './ratecuts-reply.ts';
import { sourceRef, uniqueSources } from './sources.ts';

export function pastMeetingReply({ decided, before, rangeSource }: PastMeeting, today: string): Reply {
  const name = `${meetingMonth(decided.date, today)} meeting (${decided.date})`;
  const words = decisionWords(decided);
  const sections: Section[] = [];
  if (decided.steps !== null && decided.before && decided.after) {
    sections.push({
      title: `Decision: ${words}`,
      fields: [
        field('decision', 'Change', decided.steps * 25, 'bp', `${decided.steps > 0 ? '+' : ''}${decided.steps * 25} bp`),
        field('rangeBefore', 'Range before', decided.before[0], '%', rangeText(decided.before)),
        field('rangeAfter', 'Range after', decided.after[0], '%', rangeText(decided.after)),
      ],
    });
  }
  let priced = 'No futures strip at hand from the trading days just before it prices this meeting, so what the market priced is not shown.';
  if (before) {
    const m = before.meeting;
    const on = shortDate(before.strip.tradeDate, today);
    const top = [
      { word: 'a cut', p: m.atMeeting.cut },
      { word: 'a hold', p: m.atMeeting.hold },
      { word: 'a hike', p: m.atMeeting.hike },
    ].reduce((a, b) => (b.p > a.p ? b : a));
    priced = `On ${on}, the last trading day before it with a strip, futures priced ${top.word} at ${oddsPhrase(top.p)}.`;
    sections.push({
      title: `Priced on ${before.strip.tradeDate} (from ${rangeText(before.result.currentRange)})`,
      fields: [
        field('pCut', 'Cut', round(m.atMeeting.cut, 4), '%', odds(m.atMeeting.cut)),
        field('pHold', 'No change', round(m.atMeeting.hold, 4), '%', odds(m.atMeeting.hold)),
        field('pHike', 'Hike', round(m.atMeeting.hike, 4), '%', odds(m.atMeeting.hike)),
        field('expectedRate', 'Implied rate after', m.expectedRate, '%', `${m.expectedRate.toFixed(3)}%`),
        field('cutsPriced', 'Cuts priced by then', m.cutsPriced, 'cuts', signedCuts(m.cutsPriced)),
      ],
    });
  }
  // Figures of a past day asked about are not stale: they are given with their date.
  const asked = (p: Provenance) => ({ ...p, stale: false });
  const sources = uniqueSources([
    ...(decided.source ? [sourceRef('Fed target range after the decision', asked(decided.source))] : []),
    ...(before ? [sourceRef('Fed funds futures settlements', asked(before.strip.provenance)), sourceRef('Fed target range', asked(before.rates.provenance))] : []),
  ]);
  return {
    title: `FOMC ${shortDate(decided.date, '')}: ${decided.steps === null ? 'decided (outcome not at hand)' : words}`,
    commentary: `The ${name} ${decided.steps === null ? 'has been decided; its outcome is not in the range history at hand.' : `${words.replace(/^held/, 'held the range')}.`} ${priced}`,
    sections,
    sources,
    visibility: 'public',
    tone: 'neutral',
    data: {
      meeting: decided.date,
      decided: { date: decided.date, before: decided.before, after: decided.after, steps: decided.steps },
      asOf: before?.strip.tradeDate ?? null,
      currentRange: before ? [before.result.currentRange[0], before.result.currentRange[1]] : null,
      meetings: before ? [meetingData(before.meeting)] : [],
    },
  };
}
