/**
 * Sentences about rate-cut pricing from a FedWatch result, e.g. "Futures price 2.8 cuts (70 bp) by
 * December, up 0.2 cuts since Sep 17; a cut at the September meeting is 92% likely." Every number comes
 * from the results given; nothing is estimated here.
 *
 * Words: "a cut at the January meeting" is the decision taken at that meeting (CME's tree: that meeting's
 * own move); "below today's range by January" is cumulative, over every meeting up to January. Cuts
 * priced by a meeting are cumulative, in 25 bp steps from the range in force on the strip's trade date.
 */
import type { FedWatchResult, MeetingOdds } from '../analytics/fedwatch.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The meeting "by year end" refers to: the last priced meeting in the year of the first priced one. */
export function yearEndMeeting(result: FedWatchResult): MeetingOdds | undefined {
  const year = result.meetings[0]?.date.slice(0, 4);
  return result.meetings.filter((m) => m.date.startsWith(`${year}-`)).at(-1);
}

/** "2.8 cuts (70 bp)", "0.6 hikes (14 bp)", "1.0 cut (25 bp)", or "no change" under 0.05 of a move. */
export function cutsPhrase(cutsPriced: number): string {
  const moves = Math.abs(cutsPriced);
  const text = moves.toFixed(1);
  if (text === '0.0') return 'no change';
  const noun = cutsPriced > 0 ? 'cut' : 'hike';
  return `${text} ${noun}${text === '1.0' ? '' : 's'} (${Math.round(Number((moves * 25).toFixed(6)))} bp)`;
}

/** "92%", with ">99%" and "<1%" so that a near-certainty never reads as a certainty. */
export function oddsPhrase(percent: number): string {
  const rounded = Math.round(percent);
  if (rounded >= 100 && percent < 100) return '>99%';
  if (rounded <= 0 && percent > 0) return '<1%';
  return `${rounded}%`;
}

/** "December" in the year of `asOf`, "January 2027" otherwise. */
export function meetingMonth(date: string, asOf: string): string {
  const name = MONTHS[Number(date.slice(5, 7)) - 1] ?? date;
  return date.slice(0, 4) === asOf.slice(0, 4) ? name : `${name} ${date.slice(0, 4)}`;
}

/** "Sep 17", with the year when it differs from `asOf`'s. */
export function shortDate(date: string, asOf: string): string {
  const name = (MONTHS[Number(date.slice(5, 7)) - 1] ?? '').slice(0, 3);
  const day = Number(date.slice(8, 10));
  return date.slice(0, 4) === asOf.slice(0, 4) ? `${name} ${day}` : `${name} ${day}, ${date.slice(0, 4)}`;
}

/** "Futures price 2.8 cuts (70 bp) by December, up 0.2 cuts since Sep 17" for the meeting given. */
export function cutsByMeetingSentence(result: FedWatchResult, meeting: MeetingOdds, previous?: FedWatchResult, today?: string): string {
  const old = today !== undefined && result.asOf < today;
  const verb = old ? `On ${shortDate(result.asOf, today)}, futures priced` : 'Futures price';
  const lead = `${verb} ${cutsPhrase(meeting.cutsPriced)} by ${meetingMonth(meeting.date, today ?? result.asOf)}`;
  const before = previous?.meetings.find((m) => m.date === meeting.date);
  if (!previous || !before) return lead;
  const since = shortDate(previous.asOf, result.asOf);
  const framedAsHikes = cutsPhrase(meeting.cutsPriced).includes('hike');
  if (cutsPhrase(meeting.cutsPriced) === 'no change') return `${lead}, from ${cutsPhrase(before.cutsPriced)} on ${since}`;
  const change = (meeting.cutsPriced - before.cutsPriced) * (framedAsHikes ? -1 : 1);
  const size = Math.abs(change).toFixed(1);
  if (size === '0.0') return `${lead}, unchanged since ${since}`;
  return `${lead}, ${change > 0 ? 'up' : 'down'} ${size} ${framedAsHikes ? 'hikes' : 'cuts'} since ${since}`;
}

/**
 * "a cut at the September meeting is 92% likely (85% on Sep 17)": the most likely decision at that
 * meeting. For a meeting after the first, the cumulative odds follow: "below 4.25-4.50% by then: 70%".
 */
export function meetingOddsPhrase(result: FedWatchResult, meeting: MeetingOdds, previous?: FedWatchResult, today?: string): string {
  const outcomes = [
    { word: 'a cut', key: 'cut' as const, total: 'pCut' as const },
    { word: 'a hold', key: 'hold' as const, total: 'pHold' as const },
    { word: 'a hike', key: 'hike' as const, total: 'pHike' as const },
  ];
  const at = meeting.atMeeting;
  const top = outcomes.reduce((best, o) => (at[o.key] > at[best.key] ? o : best));
  const verb = today !== undefined && result.asOf < today ? 'was' : 'is';
  const phrase = `${top.word} at the ${meetingMonth(meeting.date, today ?? result.asOf)} meeting ${verb} ${oddsPhrase(at[top.key])} likely`;
  const first = result.meetings[0]?.date === meeting.date;
  const range = `${result.currentRange[0].toFixed(2)}-${result.currentRange[1].toFixed(2)}%`;
  const side = meeting.pHike > meeting.pCut ? `${oddsPhrase(meeting.pHike)} likely to be above ${range}` : `${oddsPhrase(meeting.pCut)} likely to be below ${range}`;
  const cumulative = first ? '' : `, and the range ${verb} ${side} by then`;
  const before = previous?.meetings.find((m) => m.date === meeting.date);
  if (!previous || !before) return phrase + cumulative;
  return `${phrase} (${oddsPhrase(before.atMeeting[top.key])} on ${shortDate(previous.asOf, result.asOf)})${cumulative}`;
}

export interface CommentaryFocus {
  /** Decision date whose odds to describe; default the next priced meeting. */
  meeting?: string;
  /** Decision date to count cuts by; default the year-end meeting (see yearEndMeeting). */
  by?: string;
  /** Today's date: a strip from an earlier day is spoken of in the past tense, with its date. */
  today?: string;
}

/** One sentence in two clauses: cuts priced by a horizon (with the change since `previous`) and a meeting's odds. */
export function rateCutCommentary(result: FedWatchResult, previous?: FedWatchResult, focus: CommentaryFocus = {}): string {
  const pick = (date: string | undefined) => (date === undefined ? undefined : result.meetings.find((m) => m.date === date));
  const next = pick(focus.meeting) ?? result.meetings[0];
  const horizon = pick(focus.by) ?? yearEndMeeting(result);
  if (!next || !horizon) return 'The futures strip prices no upcoming FOMC meeting.';
  return `${cutsByMeetingSentence(result, horizon, previous, focus.today)}; ${meetingOddsPhrase(result, next, previous, focus.today)}.`;
}
