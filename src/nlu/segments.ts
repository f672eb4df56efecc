/** One message -> its separate questions, each as normalised text. */
import { choose, topicScores } from './confidence.ts';
import { normaliseSegment, splitSegments } from './normalise.ts';
import { offTopicReason } from './off-topic.ts';
import type { Vocabulary } from './vocabulary.ts';

/** Evidence strong enough for a clause to count as a question of its own. */
const OWN_QUESTION = 0.8;

/** The clause's intent as the parser would choose it, named periods and benchmarks counting as evidence. */
function topIntent(text: string, now: Date, vocabulary: Vocabulary): { intent: string; score: number } | undefined {
  const choice = choose(topicScores(text, vocabulary), text, now, vocabulary);
  return choice.intent ? { intent: choice.intent, score: choice.score } : undefined;
}

/** Performance and chart in one breath ask for one chart: a command and the one it refines are one request. */
function sameRequest(a: string, b: string, vocabulary: Vocabulary): boolean {
  const root = (c: string) => vocabulary.refines.get(c) ?? c;
  return root(a) === root(b);
}

/** "how did small caps do and what are the odds of a cut" -> two clauses; "valuation and returns" of one subject stay apart too. */
function splitConjoined(segment: string, now: Date, vocabulary: Vocabulary): string[] {
  const parts = segment.split(/\s+\b(?:and|also|plus|as well as|then)\b\s+/);
  const out: string[] = [];
  for (const part of parts) {
    const last = out[out.length - 1];
    const mine = topIntent(part, now, vocabulary);
    const theirs = last === undefined ? undefined : topIntent(last, now, vocabulary);
    const separate =
      last === undefined ||
      (mine && theirs && mine.score >= OWN_QUESTION && theirs.score >= OWN_QUESTION && !sameRequest(mine.intent, theirs.intent, vocabulary));
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
export function questionGroups(clean: string, now: Date, vocabulary: Vocabulary): string[] {
  const clauses = splitSegments(clean)
    .map((s) => normaliseSegment(s, vocabulary.words))
    .flatMap((s) => splitConjoined(s, now, vocabulary))
    .filter((s) => s.length > 0);
  const groups: { text: string; intent?: string }[] = [];
  let pending = '';
  for (const clause of clauses) {
    const top = topIntent(clause, now, vocabulary);
    const intent = top && top.score >= 0.5 ? top.intent : undefined;
    const last = groups[groups.length - 1];
    const offTopic = offTopicReason(clause, clause) !== null;
    if (last && (!intent || (last.intent && sameRequest(last.intent, intent, vocabulary))) && !offTopic) {
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
