/** One message -> its separate questions, each as normalised text. */
import { choose, topicScores } from './confidence.ts';
import type { Intent } from './intents.ts';
import { normaliseSegment, splitSegments } from './normalise.ts';
import { offTopicReason } from './off-topic.ts';
import { VOCABULARY } from './vocabulary.ts';

/** Evidence strong enough for a clause to count as a question of its own. */
const OWN_QUESTION = 0.8;

/** The clause's intent as the parser would choose it, named periods and benchmarks counting as evidence. */
function topIntent(text: string, now: Date): { intent: Intent; score: number } | undefined {
  const choice = choose(topicScores(text), text, now);
  return choice.intent ? { intent: choice.intent, score: choice.score } : undefined;
}

/** Performance and chart in one breath ask for one chart. */
function sameRequest(a: Intent, b: Intent): boolean {
  return a === b || (['chart', 'performance'].includes(a) && ['chart', 'performance'].includes(b));
}

/** "how did small caps do and what are the odds of a cut" -> two clauses; "valuation and returns" of one subject stay apart too. */
function splitConjoined(segment: string, now: Date): string[] {
  const parts = segment.split(/\s+\b(?:and|also|plus|as well as|then)\b\s+/);
  const out: string[] = [];
  for (const part of parts) {
    const last = out[out.length - 1];
    const mine = topIntent(part, now);
    const theirs = last === undefined ? undefined : topIntent(last, now);
    const separate = last === undefined || (mine && theirs && mine.score >= OWN_QUESTION && theirs.score >= OWN_QUESTION && !sameRequest(mine.intent, theirs.intent));
    if (separate) out.push(part);
    else out[out.length - 1] = `${last} and ${part}`;
  }
  return out;
}

/**
 * Clauses with their own intent start a question; follow-ups without one ("over the past month?")
 * join the question before them, leading greetings join the first question, and a clause with the
 * same intent as the one before is taken as the same question told in more detail.
 */
export function questionGroups(clean: string, now: Date = new Date()): string[] {
  const clauses = splitSegments(clean)
    .map((s) => normaliseSegment(s, VOCABULARY))
    .flatMap((s) => splitConjoined(s, now))
    .filter((s) => s.length > 0);
  const groups: { text: string; intent?: Intent }[] = [];
  let pending = '';
  for (const clause of clauses) {
    const top = topIntent(clause, now);
    const intent = top && top.score >= 0.5 ? top.intent : undefined;
    const last = groups[groups.length - 1];
    const offTopic = offTopicReason(clause, clause) !== null;
    if (last && (!intent || (last.intent && sameRequest(last.intent, intent))) && !offTopic) {
      last.text = `${last.text} ${clause}`;
      last.intent ??= intent;
    } else if (intent || offTopic) {
      groups.push({ text: pending ? `${pending} ${clause}` : clause, ...(intent ? { intent } : {}) });
      pending = '';
    } else pending = pending ? `${pending} ${clause}` : clause;
  }
  if (pending) groups.push({ text: pending });
  return groups.length > 0 ? groups.map((g) => g.text) : [''];
}
